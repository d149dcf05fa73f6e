/**
 * Dedicated Diego cells for an isolation segment. Cells are BOSH-managed, not Terraform objects, so
 * this construct emits the artifacts an operator applies, from the same model as the network:
 *
 * - a BOSH ops file appending a Diego cell instance group whose rep carries
 *   `placement_tags: [<segment name>]` (the shape of cf-deployment's
 *   `operations/test/add-persistent-isolation-segment-diego-cell.yml`);
 * - a cloud-config network (`type: manual`) with one subnet per dedicated subnet: range, gateway,
 *   reserved, az, `cloud_properties.subnet`.
 *
 * Both are exposed as objects and YAML text (subnet ids as Terraform interpolation, for an app's or
 * the hand-off's outputs). The parts known at synth are also written under the stack's directory in
 * `cdktf.out` by a `TerraformAsset` (cdktf's public mechanism for files that travel with a stack),
 * with subnet ids as BOSH variables `((subnet_id_...))` for `bosh update-cloud-config -v`.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Construct } from "constructs";
import { AssetType, TerraformAsset, Token } from "cdktf";
import { stringify } from "yaml";
import { DedicatedSubnetInfo } from "../aws/interfaces";
import * as E from "../core/errors-cloudfoundry";
import { isIpv4, parseCidr } from "../core/ip";
import { CapacityOptions, CapacityPlan, planCapacity } from "./capacity";
import { IIsolationSegment } from "./interfaces";
import { ID, TEXT, fieldsOf, guardStrings, listOf, mapOf, stringSpec } from "../core/boundary";

/** A BOSH job of the cell instance group, besides the rep. */
export interface BoshJob {
  readonly name: string;
  readonly release: string;
  /** @default - none */
  readonly properties?: { [key: string]: unknown };
}

/** Properties of {@link DedicatedCells}. */
export interface DedicatedCellsProps {
  /** The segment whose name becomes the cells' placement tag (a literal name). */
  readonly segment: IIsolationSegment;
  /** The dedicated subnets from the network construct, at least one in each of at least 2 zones. */
  readonly subnets: DedicatedSubnetInfo[];
  /**
   * Sizing input; the cell count comes from {@link planCapacity} over the subnets' zones.
   * @default - { expectedApps: 0 }: the minimum of 2 cells (one per zone, N+1 included)
   */
  readonly capacity?: CapacityOptions;
  /**
   * BOSH `vm_type` of the cells (must exist in the foundation's cloud config).
   * @default "small-highmem" (cf-deployment's reference)
   */
  readonly vmType?: string;
  /**
   * BOSH `vm_extensions` of the cells.
   * @default ["100GB_ephemeral_disk"] (cf-deployment's reference)
   */
  readonly vmExtensions?: string[];
  /**
   * Stemcell alias.
   * @default "default"
   */
  readonly stemcell?: string;
  /**
   * Instance group name.
   * @default "<segment name>-diego-cell"
   */
  readonly instanceGroupName?: string;
  /**
   * BOSH network name for the dedicated subnets.
   * @default "<segment name>-cells"
   */
  readonly networkName?: string;
  /**
   * BOSH AZ name for each IaaS availability zone of the subnets.
   * @default - z1, z2, ... over the subnets' zones sorted by name (bosh-bootloader's naming)
   */
  readonly boshAzNames?: { [availabilityZone: string]: string };
  /**
   * DNS servers for the network's subnets.
   * @default - none (the director's default)
   */
  readonly dnsServers?: string[];
  /**
   * The other jobs of a Diego cell (garden, rootfs setup, route_emitter, loggregator agent, ...), as
   * the foundation's cf-deployment version defines its `diego-cell` instance group. They change between
   * cf-deployment versions, so the library does not freeze one set.
   * @default - none: only the rep with the placement tag
   */
  readonly extraJobs?: BoshJob[];
  /**
   * Properties merged into the rep job's properties (placement tags always win).
   * @default - none
   */
  readonly repProperties?: { [key: string]: unknown };
}

function sanitize(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, "_");
}

const STRINGS = stringSpec("DedicatedCellsProps", {
  subnets: listOf(
    fieldsOf({ availabilityZone: ID, subnetId: ID, cidrBlock: ID, gateway: ID, reservedRanges: listOf(ID) }),
  ),
  vmType: ID,
  vmExtensions: listOf(ID),
  stemcell: ID,
  instanceGroupName: ID,
  networkName: ID,
  boshAzNames: mapOf(ID, ID),
  dnsServers: listOf(ID),
  extraJobs: listOf(fieldsOf({ name: ID, release: ID, properties: mapOf(TEXT, TEXT) })),
  repProperties: mapOf(TEXT, TEXT),
});

/**
 * Define the dedicated Diego cells of an isolation segment as BOSH artifacts.
 *
 * @example
 * const cells = new DedicatedCells(stack, "Cells", { segment, subnets: network.dedicatedSubnets, capacity: { expectedApps: 40 } });
 * new TerraformOutput(stack, "CloudConfig", { value: cells.cloudConfigYaml }); // in an app or the hand-off
 */
export class DedicatedCells extends Construct {
  /** The placement tag: the segment name. */
  public readonly placementTag: string;
  public readonly instanceGroupName: string;
  public readonly networkName: string;
  public readonly capacityPlan: CapacityPlan;
  /** The ops file (a list of go-patch operations). */
  public readonly opsFile: Array<{ [key: string]: unknown }>;
  /** The ops file as YAML. */
  public readonly opsFileYaml: string;
  /** The cloud config (`networks: [...]`), subnet ids as tokens. */
  public readonly cloudConfig: { [key: string]: unknown };
  /** The cloud config as YAML, subnet ids as Terraform interpolation (resolved at apply). */
  public readonly cloudConfigYaml: string;
  /** The cloud config as written to `cdktf.out`: subnet ids as BOSH variables. */
  public readonly cloudConfigTemplateYaml: string;
  /** BOSH variable name -> subnet id (a token), the values for `bosh update-cloud-config -v`. */
  public readonly subnetIdVariables: { [variable: string]: string };
  /** The files written under the stack's directory in `cdktf.out` (`ops-file.yml`, `cloud-config.yml`). */
  public readonly artifacts: TerraformAsset;

  constructor(scope: Construct, id: string, props: DedicatedCellsProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    const segmentName = props.segment.isolationSegmentName;
    if (Token.isUnresolved(segmentName)) {
      throw E.cellsInput(
        "segment",
        segmentName,
        "has no literal name",
        "the placement tag must be known at synth: give the segment's name",
      );
    }
    const vmType = props.vmType ?? "small-highmem";
    const vmExtensions = props.vmExtensions ?? ["100GB_ephemeral_disk"];
    const stemcell = props.stemcell ?? "default";
    const instanceGroupName = props.instanceGroupName ?? `${segmentName}-diego-cell`;
    const networkName = props.networkName ?? `${segmentName}-cells`;
    const extraJobs = props.extraJobs ?? [];

    for (const [prop, v] of [
      ["vmType", vmType],
      ["stemcell", stemcell],
      ["instanceGroupName", instanceGroupName],
      ["networkName", networkName],
    ] as const) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,126}$/.test(v)) {
        throw E.cellsInput(
          prop,
          v,
          "is not a usable BOSH name",
          "letters, digits, '.', '_' and '-', starting with a letter or digit",
        );
      }
    }
    for (const j of extraJobs) {
      if (j.name === "rep")
        throw E.cellsInput(
          "extraJobs",
          j.name,
          "duplicates the rep job",
          "pass rep properties with repProperties",
        );
    }

    // subnets and zones
    if (props.subnets.length === 0) throw E.cellsSubnets("subnets", [], "is empty");
    props.subnets.forEach((s, i) => {
      if (!Token.isUnresolved(s.cidrBlock) && !parseCidr(s.cidrBlock)?.canonical) {
        throw E.cellsSubnets(`subnets[${i}].cidrBlock`, s.cidrBlock, "is not a network-aligned IPv4 CIDR");
      }
      if (!Token.isUnresolved(s.gateway) && !isIpv4(s.gateway)) {
        throw E.cellsSubnets(`subnets[${i}].gateway`, s.gateway, "is not an IPv4 address");
      }
      if (Token.isUnresolved(s.availabilityZone)) {
        throw E.cellsSubnets(`subnets[${i}].availabilityZone`, s.availabilityZone, "is not known at synth");
      }
    });
    const zones = [...new Set(props.subnets.map((s) => s.availabilityZone))].sort();
    if (zones.length < 2) throw E.cellsSubnets("subnets", zones, "spans fewer than 2 availability zones");
    const boshAz: { [az: string]: string } = {};
    zones.forEach((z, i) => (boshAz[z] = props.boshAzNames?.[z] ?? `z${i + 1}`));
    const boshZones = zones.map((z) => boshAz[z]);
    if (new Set(boshZones).size !== boshZones.length) {
      throw E.cellsInput(
        "boshAzNames",
        props.boshAzNames,
        "maps two zones to one BOSH AZ",
        "one BOSH AZ name per availability zone",
      );
    }

    this.capacityPlan = planCapacity({
      ...(props.capacity ?? { expectedApps: 0 }),
      availabilityZones: boshZones,
    });
    this.placementTag = segmentName;
    this.instanceGroupName = instanceGroupName;
    this.networkName = networkName;

    // ops file
    const repJob = {
      name: "rep",
      release: "diego",
      properties: mergeRep(props.repProperties ?? {}, segmentName),
    };
    const group: { [key: string]: unknown } = {
      name: instanceGroupName,
      azs: boshZones,
      instances: this.capacityPlan.cells,
      vm_type: vmType,
      ...(vmExtensions.length > 0 ? { vm_extensions: [...vmExtensions] } : {}),
      stemcell,
      networks: [{ name: networkName }],
      jobs: [
        ...extraJobs.map((j) => ({
          name: j.name,
          release: j.release,
          ...(j.properties ? { properties: j.properties } : {}),
        })),
        repJob,
      ],
    };
    this.opsFile = [{ type: "replace", path: "/instance_groups/-", value: group }];
    this.opsFileYaml = stringify(this.opsFile);

    // cloud config
    const sorted = [...props.subnets].sort((a, b) =>
      a.availabilityZone === b.availabilityZone
        ? a.cidrBlock.localeCompare(b.cidrBlock)
        : a.availabilityZone.localeCompare(b.availabilityZone),
    );
    this.subnetIdVariables = {};
    const subnet = (s: DedicatedSubnetInfo, subnetId: string) => ({
      range: s.cidrBlock,
      gateway: s.gateway,
      reserved: [...s.reservedRanges],
      az: boshAz[s.availabilityZone],
      ...(props.dnsServers && props.dnsServers.length > 0 ? { dns: [...props.dnsServers] } : {}),
      cloud_properties: { subnet: subnetId },
    });
    const network = (subnets: Array<{ [key: string]: unknown }>) => ({
      networks: [{ name: networkName, type: "manual", subnets }],
    });
    this.cloudConfig = network(sorted.map((s) => subnet(s, s.subnetId)));
    this.cloudConfigYaml = stringify(this.cloudConfig, { lineWidth: 0 });
    const templated = sorted.map((s) => {
      const variable = `subnet_id_${sanitize(Token.isUnresolved(s.cidrBlock) ? s.availabilityZone : s.cidrBlock)}`;
      this.subnetIdVariables[variable] = s.subnetId;
      return subnet(s, Token.isUnresolved(s.subnetId) ? `((${variable}))` : s.subnetId);
    });
    this.cloudConfigTemplateYaml = stringify(network(templated), { lineWidth: 0 });

    // synth-known files under cdktf.out/stacks/<stack>/assets/...
    const header = `# Generated by cdktf-private-egress for isolation segment ${segmentName}. Do not edit.\n`;
    const files: Array<[string, string]> = [
      ["ops-file.yml", header + this.opsFileYaml],
      ["cloud-config.yml", header + this.cloudConfigTemplateYaml],
    ];
    if (files.some(([, text]) => text.includes("${TfToken["))) {
      throw E.cellsInput(
        "subnets",
        "a token",
        "leaves an unresolved value in a synth-time artifact",
        "give CIDR, gateway and reserved ranges as literals",
      );
    }
    const hash = createHash("sha256").update(JSON.stringify(files)).digest("hex").slice(0, 32);
    const staging = path.join(os.tmpdir(), "cdktf-private-egress-artifacts", hash);
    fs.mkdirSync(staging, { recursive: true });
    for (const [name, text] of files) fs.writeFileSync(path.join(staging, name), text);
    this.artifacts = new TerraformAsset(this, "Artifacts", {
      path: staging,
      type: AssetType.DIRECTORY,
      assetHash: hash,
    });
  }
}

function mergeRep(extra: { [key: string]: unknown }, tag: string): { [key: string]: unknown } {
  const diego = (extra.diego ?? {}) as { [key: string]: unknown };
  const rep = (diego.rep ?? {}) as { [key: string]: unknown };
  return { ...extra, diego: { ...diego, rep: { ...rep, placement_tags: [tag] } } };
}
