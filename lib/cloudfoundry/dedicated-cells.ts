/**
 * Dedicated Diego cells for an isolation segment. Cells are BOSH-managed, not Terraform objects, so
 * this construct emits the artifacts an operator applies, from the same model as the network:
 *
 * - a BOSH ops file that inserts a clone of the operator's own Diego cell instance group (every job,
 *   property and link block kept) right after it, re-tagged for the segment, on the dedicated network,
 *   and adds the clone to the `_.cell.service.cf.internal` bosh-dns alias so the auctioneer and BBS
 *   find it (how cloud.gov builds its isolation-segment cells; go-patch cannot copy a group itself);
 * - a cloud config delivered as a named config (`bosh update-config --type cloud --name <network>`):
 *   one `manual` network, one subnet per dedicated subnet, each carrying the cell security group.
 *
 * Both are exposed as objects and YAML text (ids as Terraform interpolation, for an app's or the
 * hand-off's outputs). The parts known at synth are also written under the stack's directory in
 * `cdktf.out` as a `TerraformAsset`, with ids as BOSH variables (`-v subnet_id_...=`).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Construct } from "constructs";
import { AssetType, ISynthesisSession, TerraformAsset, TerraformStack, Token } from "cdktf";
import { ControlPlaneRole } from "../aws/cell-ports";
import { DedicatedSubnetInfo, ICellSecurityGroup } from "../aws/interfaces";
import * as E from "../core/errors-cloudfoundry";
import {
  baseCellMissing,
  boshAzMissing,
  cloneNameTaken,
  controlPlaneMissing,
  securityGroupIdInvalid,
} from "../core/errors-cells";
import { cidrProblem, isIpv4, parseCidr } from "../core/ip";
import { BaseCell, InstanceGroup } from "./base-cell";
import { CapacityOptions, CapacityPlan, planCapacity } from "./capacity";
import { IIsolationSegment } from "./interfaces";
import { yamlText } from "./yaml-text";
import {
  escapeText,
  ID,
  fieldsOf,
  guardStrings,
  listOf,
  mapOf,
  StringSpec,
  stringSpec,
} from "../core/boundary";
import { joinText } from "../core/strings";

/** The bosh-dns alias through which the auctioneer and BBS reach every cell (cf-deployment's). */
export const CELL_DNS_ALIAS = "_.cell.service.cf.internal";

/**
 * Links that Diego cell jobs provide without a `provides` block (from the job specs): a second group
 * providing them would make every implicit consumer ambiguous ("Multiple link providers found"), so
 * the clone sets them to `nil`, as cf-deployment's own isolated cell does; its consumers then use the
 * base cell's providers, whose properties are the same.
 */
export const CELL_IMPLICIT_LINKS: { readonly [job: string]: readonly string[] } = Object.freeze({
  garden: ["iptables"],
  "vxlan-policy-agent": ["vpa"],
  "silk-cni": ["cni_config"],
});

/** Options of the dedicated cells that a composed construct passes through. */
export interface DedicatedCellsOptions {
  /**
   * The operator's Diego cell instance group, the source of every job, property and link of the
   * clone: `bosh int cf-deployment.yml -o <your ops files> --path /instance_groups/name=diego-cell`.
   * @default - none: synth fails and prints that command
   */
  readonly baseCell?: BaseCell;
  /**
   * Instance group name of the clone.
   * @default "<segment name>-diego-cell"
   */
  readonly instanceGroupName?: string;
  /**
   * BOSH network name for the dedicated subnets, also the named cloud config's name.
   * @default "<segment name>-cells"
   */
  readonly networkName?: string;
  /**
   * BOSH `vm_type` of the cells (must exist in the foundation's cloud config).
   * @default - the base cell's
   */
  readonly vmType?: string;
  /**
   * BOSH `vm_extensions` of the cells (an empty list removes them).
   * @default - the base cell's
   */
  readonly vmExtensions?: string[];
  /**
   * BOSH AZ name for each IaaS availability zone of the subnets.
   * @default - bosh-bootloader's naming from the zone letter: `...a` -> z1, `...b` -> z2, ...
   */
  readonly boshAzNames?: { [availabilityZone: string]: string };
  /**
   * DNS servers for the network's subnets.
   * @default - none (the director's default)
   */
  readonly dnsServers?: string[];
  /**
   * More security groups for the cells' subnets besides the cell security group, e.g. the
   * platform's internal group that the shared components admit.
   * @default - none
   */
  readonly additionalSecurityGroupIds?: string[];
  /**
   * The BOSH deployment the cells join (the alias target's `deployment`).
   * @default "cf" (cf-deployment's name)
   */
  readonly deploymentName?: string;
}

/** Properties of {@link DedicatedCells}. */
export interface DedicatedCellsProps extends DedicatedCellsOptions {
  /** The segment whose name becomes the cells' placement tag (a literal name). */
  readonly segment: IIsolationSegment;
  /** The dedicated subnets from the network construct, at least one in each of at least 2 zones. */
  readonly subnets: DedicatedSubnetInfo[];
  /**
   * The cell security group every subnet carries (`DedicatedSegment.cellSecurityGroup`); it must
   * have rules toward the BOSH director, the shared components and the Diego BBS.
   */
  readonly cellSecurityGroup: ICellSecurityGroup;
  /**
   * Sizing input; the cell count comes from {@link planCapacity} over the subnets' zones.
   * @default - { expectedApps: 0 }: the minimum of 2 cells (one per zone, N+1 included)
   */
  readonly capacity?: CapacityOptions;
}

function sanitize(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, "_");
}

// the string props of DedicatedCellsOptions (the options an environment or platform passes on); the
// base cell is BOSH text, escaped where it reaches a Terraform output (the hand-off)
const OPTION_STRINGS: StringSpec = {
  vmType: ID,
  vmExtensions: listOf(ID),
  instanceGroupName: ID,
  networkName: ID,
  boshAzNames: mapOf(ID, ID),
  dnsServers: listOf(ID),
  additionalSecurityGroupIds: listOf(ID),
  deploymentName: ID,
};
/** The classification of a `DedicatedCellsOptions` prop (`cells` of an environment or platform). */
export const CELLS_OPTIONS_FIELDS = fieldsOf(OPTION_STRINGS);
const STRINGS = stringSpec("DedicatedCellsProps", {
  subnets: listOf(
    fieldsOf({ availabilityZone: ID, subnetId: ID, cidrBlock: ID, gateway: ID, reservedRanges: listOf(ID) }),
  ),
  ...OPTION_STRINGS,
});

/**
 * Define the dedicated Diego cells of an isolation segment as BOSH artifacts: a clone of the
 * operator's Diego cell, and a named cloud config for the dedicated subnets.
 *
 * @example
 * const cells = new DedicatedCells(stack, "Cells", {
 *   segment,
 *   subnets: network.subnets,
 *   cellSecurityGroup: network.cellSecurityGroup,
 *   baseCell: BaseCell.fromFile("diego-cell.yml"),
 *   capacity: { expectedApps: 40 },
 * });
 * // a Terraform value (output, local_file): `opsFileYaml`, where Terraform prints the BOSH text literally
 * new TerraformOutput(stack, "OpsFile", { value: cells.opsFileYaml });
 * // a file written by the app itself, outside Terraform: `opsFileText`, the BOSH text as it is
 * fs.writeFileSync("private-egress-cells.yml", cells.opsFileText);
 */
export class DedicatedCells extends Construct {
  /** The placement tag: the segment name. */
  public readonly placementTag: string;
  /** The clone's instance group name. */
  public readonly instanceGroupName: string;
  /** The base cell's instance group name (the ops file inserts the clone after it). */
  public readonly baseInstanceGroupName: string;
  /** The dedicated BOSH network, also the named cloud config's name. */
  public readonly networkName: string;
  /** The capacity plan the cell count comes from. */
  public readonly capacityPlan: CapacityPlan;
  /** IaaS availability zone -> BOSH AZ name. */
  public readonly boshAzNames: { [availabilityZone: string]: string };
  /** The ops file (a list of go-patch operations). */
  public readonly opsFile: Array<{ [key: string]: unknown }>;
  /**
   * The ops file as YAML, for a Terraform value (an output, a `local_file`): `${` and `%{` that the
   * base cell carries are escaped (`$${`, `%%{`), so Terraform evaluates none of it and prints the
   * BOSH text exactly. Code that writes the file itself uses {@link opsFileText}.
   */
  public readonly opsFileYaml: string;
  /** The ops file as YAML, exactly as BOSH reads it: never put it into a Terraform value (use {@link opsFileYaml}). */
  public readonly opsFileText: string;
  /** The cloud config (`networks: [...]`), ids as tokens. */
  public readonly cloudConfig: { [key: string]: unknown };
  /** The cloud config as YAML, ids as Terraform interpolation (resolved at apply). */
  public readonly cloudConfigYaml: string;
  /** The cloud config as written to `cdktf.out`: ids known only at apply as BOSH variables. */
  public readonly cloudConfigTemplateYaml: string;
  /** BOSH variable name -> subnet id (a token), for `bosh update-config -v`. */
  public readonly subnetIdVariables: { [variable: string]: string };
  /** Every BOSH variable of the cloud config template (subnet and security group ids) -> its value. */
  public readonly configVariables: { [variable: string]: string };
  /** The security groups each subnet carries: the cell group first. */
  public readonly securityGroupIds: string[];
  /**
   * The command that delivers the cloud config as a named config (never `update-cloud-config`,
   * which would replace the foundation's whole cloud config), ids as Terraform interpolation.
   */
  public readonly updateConfigCommand: string;
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
    if (props.baseCell === undefined) throw baseCellMissing("baseCell", "diego-cell");
    const base = props.baseCell.resolve("baseCell");
    const baseName = base.name as string;
    const instanceGroupName = props.instanceGroupName ?? `${segmentName}-diego-cell`;
    const networkName = props.networkName ?? `${segmentName}-cells`;
    const deploymentName = props.deploymentName ?? "cf";
    const vmType = props.vmType ?? (base.vm_type as string | undefined);
    const vmExtensions = props.vmExtensions ?? (base.vm_extensions as string[] | undefined);
    const additionalSecurityGroupIds = props.additionalSecurityGroupIds ?? [];

    for (const [prop, v] of [
      ["instanceGroupName", instanceGroupName],
      ["networkName", networkName],
      ["deploymentName", deploymentName],
      ...(props.vmType !== undefined ? [["vmType", props.vmType]] : []),
      ...(props.vmExtensions ?? []).map((x, i) => [`vmExtensions[${i}]`, x]),
    ] as Array<[string, string]>) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,126}$/.test(v)) {
        throw E.cellsInput(
          prop,
          v,
          "is not a usable BOSH name",
          "letters, digits, '.', '_' and '-', starting with a letter or digit",
        );
      }
    }
    if (instanceGroupName === baseName) throw cloneNameTaken("instanceGroupName", instanceGroupName);

    // the security groups: the cell group must reach the control plane
    const sgId = props.cellSecurityGroup.securityGroupId;
    const missing = [
      ControlPlaneRole.BOSH_DIRECTOR,
      ControlPlaneRole.SHARED_COMPONENTS,
      ControlPlaneRole.DIEGO_BBS,
    ].filter((r) => !props.cellSecurityGroup.controlPlaneRoles.includes(r));
    if (missing.length > 0) throw controlPlaneMissing("cellSecurityGroup", missing);
    [sgId, ...additionalSecurityGroupIds].forEach((g, i) => {
      if (!Token.isUnresolved(g) && !/^sg-[0-9a-f]{8,17}$/.test(g)) {
        throw securityGroupIdInvalid(
          i === 0 ? "cellSecurityGroup.securityGroupId" : `additionalSecurityGroupIds[${i - 1}]`,
          g,
        );
      }
    });
    this.securityGroupIds = [sgId, ...additionalSecurityGroupIds];

    // subnets and zones
    if (props.subnets.length === 0) throw E.cellsSubnets("subnets", [], "is empty");
    props.subnets.forEach((s, i) => {
      if (!Token.isUnresolved(s.cidrBlock) && !parseCidr(s.cidrBlock)?.canonical) {
        throw E.cellsSubnets(`subnets[${i}].cidrBlock`, s.cidrBlock, cidrProblem(s.cidrBlock));
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
    for (const z of zones) {
      const given = props.boshAzNames?.[z];
      const letter = /[a-z]$/.exec(z)?.[0];
      if (given === undefined && letter === undefined) {
        throw boshAzMissing("boshAzNames", z, props.boshAzNames ?? {});
      }
      boshAz[z] = given ?? `z${(letter as string).charCodeAt(0) - 96}`;
    }
    const boshZones = zones.map((z) => boshAz[z]);
    if (new Set(boshZones).size !== boshZones.length) {
      throw E.cellsInput(
        "boshAzNames",
        boshAz,
        "maps two zones to one BOSH AZ",
        "one BOSH AZ name per availability zone",
      );
    }
    this.boshAzNames = boshAz;

    this.capacityPlan = planCapacity({
      ...(props.capacity ?? { expectedApps: 0 }),
      availabilityZones: boshZones,
    });
    this.placementTag = segmentName;
    this.instanceGroupName = instanceGroupName;
    this.baseInstanceGroupName = baseName;
    this.networkName = networkName;

    // ops file: the clone after the base cell, and the alias target
    const group = cloneCell(base, {
      name: instanceGroupName,
      azs: boshZones,
      instances: this.capacityPlan.cells,
      vmType,
      vmExtensions,
      networkName,
      placementTag: segmentName,
    });
    this.opsFile = [
      { type: "replace", path: `/instance_groups/name=${baseName}:after`, value: group },
      {
        type: "replace",
        path: `/addons/name=bosh-dns-aliases/jobs/name=bosh-dns-aliases/properties/aliases/domain=${CELL_DNS_ALIAS}/targets/-`,
        value: {
          query: "_",
          instance_group: instanceGroupName,
          deployment: deploymentName,
          network: networkName,
          domain: "bosh",
        },
      },
    ];
    this.opsFileText = yamlText(this.opsFile);
    this.opsFileYaml = escapeText(this.opsFileText);

    // cloud config (a named config: the network only; the AZs are the foundation's)
    const sorted = [...props.subnets].sort((a, b) =>
      a.availabilityZone === b.availabilityZone
        ? a.cidrBlock.localeCompare(b.cidrBlock)
        : a.availabilityZone.localeCompare(b.availabilityZone),
    );
    this.subnetIdVariables = {};
    this.configVariables = {};
    const subnet = (s: DedicatedSubnetInfo, subnetId: string, groups: string[]) => ({
      range: s.cidrBlock,
      gateway: s.gateway,
      reserved: [...s.reservedRanges],
      az: boshAz[s.availabilityZone],
      ...(props.dnsServers && props.dnsServers.length > 0 ? { dns: [...props.dnsServers] } : {}),
      cloud_properties: { subnet: subnetId, security_groups: groups },
    });
    const network = (subnets: Array<{ [key: string]: unknown }>) => ({
      networks: [{ name: networkName, type: "manual", subnets }],
    });
    this.cloudConfig = network(sorted.map((s) => subnet(s, s.subnetId, [...this.securityGroupIds])));
    this.cloudConfigYaml = yamlText(this.cloudConfig);
    const templatedGroups = this.securityGroupIds.map((g, i) => {
      if (!Token.isUnresolved(g)) return g;
      const variable = i === 0 ? "cell_security_group_id" : `security_group_id_${i}`;
      this.configVariables[variable] = g;
      return `((${variable}))`;
    });
    const templated = sorted.map((s) => {
      const variable = `subnet_id_${sanitize(Token.isUnresolved(s.cidrBlock) ? s.availabilityZone : s.cidrBlock)}`;
      if (!Token.isUnresolved(s.subnetId)) return subnet(s, s.subnetId, templatedGroups);
      this.subnetIdVariables[variable] = s.subnetId;
      this.configVariables[variable] = s.subnetId;
      return subnet(s, `((${variable}))`, templatedGroups);
    });
    this.cloudConfigTemplateYaml = yamlText(network(templated));
    this.updateConfigCommand = joinText(
      [
        `bosh update-config --type cloud --name ${networkName} cloud-config.yml`,
        ...Object.entries(this.configVariables).map(([k, v]) => `-v ${k}=${v}`),
      ],
      " ",
    );

    // synth-known files under cdktf.out/stacks/<stack>/assets/...
    const header = `# Generated by cdktf-private-egress for isolation segment ${segmentName}. Do not edit.\n`;
    const files: Array<[string, string]> = [
      ["ops-file.yml", header + this.opsFileText],
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
    this.artifacts = new CellArtifacts(this, "Artifacts", hash, files);
  }
}

/**
 * The cells' files as a `TerraformAsset` that writes them into the stack's asset folder at
 * synthesis, where a plain asset would copy a staged copy of them (issue 17: staging and copying
 * cost ~2.5 ms per environment, writing ~0.3 ms). Same folder, names, contents and modes.
 * `TerraformAsset` needs an existing source directory: one empty private directory per process,
 * nothing is ever copied from it.
 */
class CellArtifacts extends TerraformAsset {
  constructor(
    scope: Construct,
    id: string,
    hash: string,
    public readonly files: ReadonlyArray<readonly [string, string]>,
  ) {
    super(scope, id, { path: emptySourceDir(), type: AssetType.DIRECTORY, assetHash: hash });
  }
}

// cdktf 0.21 (pinned exactly) registers the asset's private `_onSynthesize` as its synthesis step from
// `TerraformAsset`'s constructor, through `this`: this one runs instead of the copy. Like the copy, it
// replaces the folder of an earlier synthesis (another hash). test/cloudfoundry/artifact-staging.test.ts
// fails if cdktf stops calling it (the folder would hold a copy of the empty directory).
Object.defineProperty(CellArtifacts.prototype, "_onSynthesize", {
  value: function writeArtifacts(this: CellArtifacts, session: ISynthesisSession): void {
    const stackManifest = session.manifest.forStack(TerraformStack.of(this));
    const stackDir = path.join(session.manifest.outdir, stackManifest.synthesizedStackPath, "..");
    const target = path.join(stackDir, this.path);
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    for (const [name, text] of this.files) fs.writeFileSync(path.join(target, name), text, { mode: 0o600 });
  },
});

let sourceDir: string | undefined;

/**
 * The empty directory every cells' asset names as its source: private (mkdtemp: mode 0700, an
 * unpredictable name in the temp directory), one per process, removed when the process exits, made
 * again if someone removed it.
 */
function emptySourceDir(): string {
  if (sourceDir === undefined || !fs.existsSync(sourceDir)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-private-egress-artifacts-"));
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    sourceDir = dir;
  }
  return sourceDir;
}

interface CloneSettings {
  readonly name: string;
  readonly azs: string[];
  readonly instances: number;
  readonly vmType?: string;
  readonly vmExtensions?: string[];
  readonly networkName: string;
  readonly placementTag: string;
}

/**
 * The clone of a base cell: the same keys in the same order, with name, azs, instances, vm_type,
 * vm_extensions and networks replaced, the segment's placement tag added to the rep's, and the links
 * the base provides renamed (`as`) or disabled (`nil`, for implicit ones) so no link has two providers.
 */
function cloneCell(base: InstanceGroup, c: CloneSettings): InstanceGroup {
  const out: InstanceGroup = {};
  const set: InstanceGroup = {
    name: c.name,
    azs: [...c.azs],
    instances: c.instances,
    ...(c.vmType !== undefined ? { vm_type: c.vmType } : {}),
    ...(c.vmExtensions !== undefined && c.vmExtensions.length > 0
      ? { vm_extensions: [...c.vmExtensions] }
      : {}),
    networks: [{ name: c.networkName }],
  };
  for (const [k, v] of Object.entries(base)) {
    if (k === "migrated_from") continue; // the clone is new: it migrates from nothing
    if (k === "vm_extensions" && set.vm_extensions === undefined) continue;
    out[k] = k in set ? set[k] : k === "jobs" ? (v as InstanceGroup[]).map((j) => cloneJob(j, c)) : v;
  }
  for (const [k, v] of Object.entries(set)) if (!(k in out)) out[k] = v;
  return out;
}

function cloneJob(job: InstanceGroup, c: CloneSettings): InstanceGroup {
  const out: InstanceGroup = { ...job };
  if (job.name === "rep") {
    const props = (job.properties ?? {}) as InstanceGroup;
    const diego = (props.diego ?? {}) as InstanceGroup;
    const rep = (diego.rep ?? {}) as InstanceGroup;
    const tags = Array.isArray(rep.placement_tags) ? (rep.placement_tags as string[]) : [];
    out.properties = {
      ...props,
      diego: {
        ...diego,
        rep: { ...rep, placement_tags: tags.includes(c.placementTag) ? tags : [...tags, c.placementTag] },
      },
    };
  }
  const provides: InstanceGroup = { ...((job.provides ?? {}) as InstanceGroup) };
  for (const link of CELL_IMPLICIT_LINKS[job.name as string] ?? []) {
    if (!(link in provides)) provides[link] = "nil";
  }
  for (const [link, v] of Object.entries(provides)) {
    if (v && typeof v === "object" && typeof (v as InstanceGroup).as === "string") {
      provides[link] = { ...(v as InstanceGroup), as: `${c.name}-${(v as InstanceGroup).as as string}` };
    } else if (v !== "nil" && v !== null) {
      provides[link] = "nil"; // provided under its own name or type: one provider per deployment
    }
  }
  if (Object.keys(provides).length > 0) out.provides = provides;
  return out;
}
