import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { parse } from "yaml";
import { BaseCell } from "../../lib/cloudfoundry/base-cell";
import { CELL_DNS_ALIAS, DedicatedCells } from "../../lib/cloudfoundry/dedicated-cells";
import { IsolationSegment } from "../../lib/cloudfoundry/isolation-segment";
import { Org } from "../../lib/cloudfoundry/org-space";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";
import { DedicatedSubnetInfo, ICellSecurityGroup } from "../../lib/aws/interfaces";
import { ControlPlaneRole } from "../../lib/aws/cell-ports";
import { applyOps, getPath, GoPatchOp } from "../support/go-patch";
import { JOB_CONSUMES, JOB_PROVIDES } from "../fixtures/cell-job-links";
import { newStack, synthChecked } from "./helpers";

const ORG = "3bc20dc4-1870-4835-8308-dda2d766e61e";
const FIXTURES = path.join(__dirname, "..", "fixtures");
const BASE_CELL_FILE = path.join(__dirname, "..", "..", "examples", "shared", "diego-cell.yml");
const MANIFEST = parse(fs.readFileSync(path.join(FIXTURES, "cf-deployment.yml"), "utf8"));
const DEFAULT_CLOUD_CONFIG = parse(fs.readFileSync(path.join(FIXTURES, "cloud-config.yml"), "utf8"));
const CELL_SG: ICellSecurityGroup = {
  securityGroupId: "sg-0123456789abcdef0",
  controlPlaneRoles: [
    ControlPlaneRole.BOSH_DIRECTOR,
    ControlPlaneRole.SHARED_COMPONENTS,
    ControlPlaneRole.DIEGO_BBS,
  ],
};

type Group = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function subnets(): DedicatedSubnetInfo[] {
  return [
    {
      availabilityZone: "us-gov-west-1b",
      subnetId: "subnet-bbb",
      cidrBlock: "10.40.4.0/22",
      gateway: "10.40.4.1",
      reservedRanges: ["10.40.4.0-10.40.4.3", "10.40.7.255"],
    },
    {
      availabilityZone: "us-gov-west-1a",
      subnetId: "subnet-aaa",
      cidrBlock: "10.40.0.0/22",
      gateway: "10.40.0.1",
      reservedRanges: ["10.40.0.0-10.40.0.3", "10.40.3.255"],
    },
  ];
}

function segmentIn(stack: TerraformStack) {
  return new IsolationSegment(stack, "Segment", {
    name: "agency-prod",
    orgs: [Org.fromOrgId(stack, "Org", ORG)],
  });
}

type Props = ConstructorParameters<typeof DedicatedCells>[2];
function cellsWith(over: Partial<Props> = {}, stack = newStack()): DedicatedCells {
  return new DedicatedCells(stack, "Cells", {
    subnets: subnets(),
    cellSecurityGroup: CELL_SG,
    baseCell: BaseCell.fromFile(BASE_CELL_FILE),
    ...over,
    segment: over.segment ?? segmentIn(stack),
  });
}

const groupNamed = (manifest: Group, name: string): Group =>
  getPath(manifest, `/instance_groups/name=${name}`) as Group;

describe("the example base cell", () => {
  test("is what `bosh int --path /instance_groups/name=diego-cell` prints from the fixture manifest", () => {
    expect(parse(fs.readFileSync(BASE_CELL_FILE, "utf8"))).toEqual(groupNamed(MANIFEST, "diego-cell"));
  });
  test("has cf-deployment v58's 13 diego-cell jobs", () => {
    expect(groupNamed(MANIFEST, "diego-cell").jobs.map((j: Group) => j.name)).toEqual([
      "bosh-dns-adapter",
      "cflinuxfs4-rootfs-setup",
      "garden",
      "rep",
      "cfdot",
      "route_emitter",
      "garden-cni",
      "netmon",
      "vxlan-policy-agent",
      "silk-daemon",
      "silk-cni",
      "silk-datastore-syncer",
      "loggr-udp-forwarder",
    ]);
  });
});

describe("DedicatedCells", () => {
  describe("GIVEN the example base cell, two dedicated subnets and the seed's 40 apps WHEN the ops file is applied with go-patch to a cf-deployment-shaped manifest", () => {
    const cells = cellsWith({ capacity: { expectedApps: 40 } });
    const ops = parse(cells.opsFileText) as GoPatchOp[];
    const after = applyOps(MANIFEST, ops) as Group;
    const clone = groupNamed(after, "agency-prod-diego-cell");
    const base = groupNamed(MANIFEST, "diego-cell");

    test("THEN the clone sits right after diego-cell and every other group is unchanged", () => {
      expect(after.instance_groups.map((g: Group) => g.name)).toEqual([
        "diego-api",
        "scheduler",
        "router",
        "diego-cell",
        "agency-prod-diego-cell",
        "log-api",
      ]);
      const others = (m: Group) =>
        m.instance_groups.filter((g: Group) => g.name !== "agency-prod-diego-cell");
      expect(others(after)).toEqual(others(MANIFEST));
    });

    test("THEN diego-cell itself is unchanged", () => {
      expect(groupNamed(after, "diego-cell")).toEqual(base);
    });

    test("THEN the clone equals diego-cell except name, placement tags, networks, azs, instances, vm and the disabled links", () => {
      expect(clone).toMatchObject({
        name: "agency-prod-diego-cell",
        azs: ["z1", "z2"],
        instances: 4,
        vm_type: "small-highmem",
        vm_extensions: ["100GB_ephemeral_disk"],
        networks: [{ name: "agency-prod-cells" }],
      });
      const rep = clone.jobs.find((j: Group) => j.name === "rep");
      expect(rep.properties.diego.rep.placement_tags).toEqual(["agency-prod"]);
      // undo exactly the allowed differences: what is left must be the base cell, key order included
      const undone = JSON.parse(JSON.stringify(clone)) as Group;
      for (const k of ["name", "azs", "instances", "vm_type", "vm_extensions", "networks"])
        undone[k] = base[k];
      const undoneRep = undone.jobs.find((j: Group) => j.name === "rep");
      delete undoneRep.properties.diego.rep.placement_tags;
      for (const j of undone.jobs) delete j.provides;
      expect(undone).toEqual(base);
      expect(Object.keys(clone)).toEqual(Object.keys(base));
      expect(JSON.stringify(undone)).toBe(JSON.stringify(base));
    });

    test("THEN the rep keeps its required TLS properties (no defaults in the diego job spec)", () => {
      const rep = clone.jobs.find((j: Group) => j.name === "rep");
      expect(rep.properties.tls).toEqual({
        ca_cert: "((diego_rep_agent_v2.ca))",
        cert: "((diego_rep_agent_v2.certificate))",
        key: "((diego_rep_agent_v2.private_key))",
      });
    });

    test("THEN the clone is a target of the _.cell.service.cf.internal alias, on its own network", () => {
      const alias = getPath(
        after,
        `/addons/name=bosh-dns-aliases/jobs/name=bosh-dns-aliases/properties/aliases/domain=${CELL_DNS_ALIAS}`,
      ) as Group;
      expect(alias.targets.map((t: Group) => t.instance_group)).toEqual([
        "diego-cell",
        "windows2019-cell",
        "agency-prod-diego-cell",
      ]);
      expect(alias.targets[2]).toEqual({
        query: "_",
        instance_group: "agency-prod-diego-cell",
        deployment: "cf",
        network: "agency-prod-cells",
        domain: "bosh",
      });
    });

    test("THEN no implicit link has two providers, and each consumer finds exactly one", () => {
      const providers: { [type: string]: string[] } = {};
      for (const g of after.instance_groups as Group[]) {
        for (const j of g.jobs as Group[]) {
          for (const link of JOB_PROVIDES[j.name] ?? []) {
            const block = j.provides?.[link.name];
            if (block === "nil" || block === null) continue;
            const key = block?.as ? `as:${block.as}` : link.type;
            (providers[key] ??= []).push(`${g.name}/${j.name}`);
          }
        }
      }
      for (const [type, list] of Object.entries(providers)) expect([type, list.length]).toEqual([type, 1]);
      for (const j of clone.jobs as Group[]) {
        for (const link of JOB_CONSUMES[j.name] ?? []) {
          if (link.optional) continue;
          expect([j.name, link.type, providers[link.type]?.length]).toEqual([j.name, link.type, 1]);
        }
      }
    });
  });

  test("the cloud config merged with a default cloud config defines no network or AZ twice; its AZs and network exist; each subnet carries the cell security group", () => {
    const cells = cellsWith({ additionalSecurityGroupIds: ["sg-0c0ffee0c0ffee001"] });
    const named = parse(cells.cloudConfigYaml) as Group;
    expect(Object.keys(named)).toEqual(["networks"]); // a named config adds the network only
    const merged = {
      azs: [...DEFAULT_CLOUD_CONFIG.azs, ...(named.azs ?? [])],
      networks: [...DEFAULT_CLOUD_CONFIG.networks, ...named.networks],
    };
    const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dup(merged.azs.map((a: Group) => a.name))).toEqual([]);
    expect(dup(merged.networks.map((n: Group) => n.name))).toEqual([]);
    const iaasZone = Object.fromEntries(
      merged.azs.map((a: Group) => [a.name, a.cloud_properties.availability_zone]),
    );
    const net = named.networks[0];
    expect(net.subnets.map((s: Group) => [s.az, iaasZone[s.az], s.cloud_properties.subnet])).toEqual([
      ["z1", "us-gov-west-1a", "subnet-aaa"],
      ["z2", "us-gov-west-1b", "subnet-bbb"],
    ]);
    for (const s of net.subnets) {
      expect(s.cloud_properties.security_groups).toEqual(["sg-0123456789abcdef0", "sg-0c0ffee0c0ffee001"]);
    }
    // the ops file names that network, AZs and vm settings that the merged cloud config defines
    const clone = (parse(cells.opsFileText) as GoPatchOp[])[0].value as Group;
    expect(merged.networks.map((n: Group) => n.name)).toContain(clone.networks[0].name);
    for (const az of clone.azs) expect(Object.keys(iaasZone)).toContain(az);
    expect(DEFAULT_CLOUD_CONFIG.vm_types.map((v: Group) => v.name)).toContain(clone.vm_type);
    for (const x of clone.vm_extensions) {
      expect(DEFAULT_CLOUD_CONFIG.vm_extensions.map((v: Group) => v.name)).toContain(x);
    }
    expect(cells.updateConfigCommand).toBe(
      "bosh update-config --type cloud --name agency-prod-cells cloud-config.yml",
    );
  });

  test("BOSH AZ names follow bosh-bootloader: zone letters b and c are z2 and z3, not z1 and z2", () => {
    const bc = subnets().map((s, i) => ({ ...s, availabilityZone: `us-gov-west-1${"bc"[i]}` }));
    const cells = cellsWith({ subnets: bc });
    expect(cells.boshAzNames).toEqual({ "us-gov-west-1b": "z2", "us-gov-west-1c": "z3" });
    expect((cells.opsFile[0].value as Group).azs).toEqual(["z2", "z3"]);
  });

  test("ids known only at apply are Terraform interpolation in the YAML and BOSH variables in the file and the command", () => {
    const stack = newStack();
    const seg = segmentIn(stack);
    const info = subnets().map((s) => ({ ...s, subnetId: seg.isolationSegmentId })); // any token stands in for aws_subnet.x.id
    const cells = cellsWith(
      {
        segment: seg,
        subnets: info,
        cellSecurityGroup: { ...CELL_SG, securityGroupId: seg.isolationSegmentId },
      },
      stack,
    );
    new TerraformOutput(stack, "CloudConfig", { value: cells.cloudConfigYaml });
    new TerraformOutput(stack, "Command", { value: cells.updateConfigCommand });
    const json = JSON.parse(Testing.synth(stack));
    const resolved = parse(json.output.CloudConfig.value);
    const ref = expect.stringMatching(/^\$\{cloudfoundry_isolation_segment\.Segment_[0-9A-F]+\.id\}$/);
    expect(resolved.networks[0].subnets.map((s: Group) => s.cloud_properties)).toEqual([
      { subnet: ref, security_groups: [ref] },
      { subnet: ref, security_groups: [ref] },
    ]);
    const template = parse(cells.cloudConfigTemplateYaml);
    expect(template.networks[0].subnets.map((s: Group) => s.cloud_properties)).toEqual([
      { subnet: "((subnet_id_10_40_0_0_22))", security_groups: ["((cell_security_group_id))"] },
      { subnet: "((subnet_id_10_40_4_0_22))", security_groups: ["((cell_security_group_id))"] },
    ]);
    expect(json.output.Command.value).toMatch(
      /^bosh update-config --type cloud --name agency-prod-cells cloud-config\.yml -v cell_security_group_id=\$\{cloudfoundry_isolation_segment\.\S+\} -v subnet_id_10_40_0_0_22=\$\{\S+\} -v subnet_id_10_40_4_0_22=\$\{\S+\}$/,
    );
  });

  test("the synth-known artifacts are written under the stack's directory in cdktf.out", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-cells-"));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, "tenant");
      new CloudfoundryProvider(stack, "cf", {}); // apps own providers
      const cells = cellsWith({}, stack);
      app.synth();
      const dir = path.join(outdir, "stacks", "tenant", cells.artifacts.path);
      const ops = parse(fs.readFileSync(path.join(dir, "ops-file.yml"), "utf8"));
      const cc = parse(fs.readFileSync(path.join(dir, "cloud-config.yml"), "utf8"));
      expect(ops).toEqual(cells.opsFile);
      expect(ops[0].value.instances).toBe(2);
      expect(cc.networks[0].subnets[0].cloud_properties).toEqual({
        subnet: "subnet-aaa",
        security_groups: ["sg-0123456789abcdef0"],
      });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("the library creates no output and no Terraform resource for cells", () => {
    const stack = newStack();
    cellsWith({}, stack);
    const { json } = synthChecked(stack);
    expect(json.output).toBeUndefined();
    expect(Object.keys(json.resource)).toEqual([
      "cloudfoundry_isolation_segment",
      "cloudfoundry_isolation_segment_entitlement",
    ]);
  });

  test("overrides: names, vm, AZ names, DNS, deployment; the base's own tags, named links and migrated_from", () => {
    const base = groupNamed(MANIFEST, "diego-cell");
    const custom = JSON.parse(JSON.stringify(base)) as Group;
    custom.migrated_from = [{ name: "cell_z1", az: "z1" }];
    const rep = custom.jobs.find((j: Group) => j.name === "rep");
    rep.properties.diego.rep.placement_tags = ["linux"];
    const route = custom.jobs.find((j: Group) => j.name === "route_emitter");
    route.provides = { route_emitter: { as: "emitter", shared: true } };
    const cells = cellsWith({
      baseCell: BaseCell.fromObject(custom),
      vmType: "r5.xlarge",
      vmExtensions: [],
      instanceGroupName: "iso-cell",
      networkName: "iso-net",
      deploymentName: "cf-prod",
      boshAzNames: { "us-gov-west-1a": "az-a", "us-gov-west-1b": "az-b" },
      dnsServers: ["10.40.0.2"],
    });
    const [insert, alias] = cells.opsFile as Group[];
    const ig = insert.value;
    expect(ig).toMatchObject({
      name: "iso-cell",
      vm_type: "r5.xlarge",
      azs: ["az-a", "az-b"],
      networks: [{ name: "iso-net" }],
    });
    expect(ig).not.toHaveProperty("vm_extensions");
    expect(ig).not.toHaveProperty("migrated_from");
    const cloneRep = ig.jobs.find((j: Group) => j.name === "rep");
    expect(cloneRep.properties.diego.rep.placement_tags).toEqual(["linux", "agency-prod"]);
    expect(ig.jobs.find((j: Group) => j.name === "route_emitter").provides).toEqual({
      route_emitter: { as: "iso-cell-emitter", shared: true },
    });
    expect(ig.jobs.find((j: Group) => j.name === "garden").provides).toEqual({ iptables: "nil" });
    expect(alias.value).toMatchObject({
      deployment: "cf-prod",
      network: "iso-net",
      instance_group: "iso-cell",
    });
    const sub = parse(cells.cloudConfigYaml).networks[0].subnets[0];
    expect(sub).toMatchObject({ az: "az-a", dns: ["10.40.0.2"] });
    // the base given as YAML text or object gives the same clone as the file
    const fromText = cellsWith({ baseCell: BaseCell.fromYaml(fs.readFileSync(BASE_CELL_FILE, "utf8")) });
    expect(fromText.opsFile).toEqual(cellsWith().opsFile);
  });

  test("the YAML carries no anchors or aliases, even for a base cell that repeats one object", () => {
    const shared = { use_v2_api: true, ca_cert: "((loggregator_tls_agent.ca))" };
    const g = JSON.parse(JSON.stringify(groupNamed(MANIFEST, "diego-cell"))) as Group;
    g.jobs.find((j: Group) => j.name === "rep").properties.loggregator = shared;
    g.jobs.find((j: Group) => j.name === "route_emitter").properties.loggregator = shared;
    const cells = cellsWith({ baseCell: BaseCell.fromObject(g) });
    for (const text of [cells.opsFileYaml, cells.cloudConfigYaml, cells.cloudConfigTemplateYaml]) {
      expect(text).not.toMatch(/[&*]a\d+\b/);
    }
  });

  test("snapshot (required props only)", () => {
    const cells = cellsWith();
    expect({ ops: cells.opsFileYaml, cloudConfig: cells.cloudConfigYaml }).toMatchSnapshot();
  });

  describe("bad input", () => {
    const build = (over: Partial<Props>) => () => cellsWith(over);
    const yamlBase = (text: string) => build({ baseCell: BaseCell.fromYaml(text) });
    const objBase = (group: Group) => build({ baseCell: BaseCell.fromObject(group) });
    const base = () => JSON.parse(JSON.stringify(groupNamed(MANIFEST, "diego-cell"))) as Group;

    test("fails when no base cell is given, printing the bosh int command (baseCell)", () =>
      expect(build({ baseCell: undefined })).toThrow(
        /PE-CELL-001.*`baseCell` is not given.*bosh int cf-deployment\.yml -o <each ops file you deploy with> --path \/instance_groups\/name=diego-cell > diego-cell\.yml/,
      ));
    test("fails when the base cell has no rep job (baseCell.jobs)", () => {
      const g = base();
      g.jobs = g.jobs.filter((j: Group) => j.name !== "rep");
      expect(objBase(g)).toThrow(/PE-CELL-004.*`baseCell\.jobs`.*"garden".*has no `rep` job/);
    });
    test("fails when the base cell has no networks (baseCell.networks)", () => {
      const g = base();
      delete g.networks;
      expect(objBase(g)).toThrow(/PE-CELL-005.*`baseCell\.networks`/);
    });
    test("fails when the base cell is not a map (baseCell)", () =>
      expect(yamlBase("- name: diego-cell\n")).toThrow(/PE-CELL-002.*`baseCell` a list is not a map/));
    test("fails when the base cell is not valid YAML, naming the line (baseCell)", () =>
      expect(yamlBase("name: diego-cell\njobs:\n  - name: rep\n   release: diego\n")).toThrow(
        /PE-CELL-003.*`baseCell` YAML text is not valid YAML: line 4, column \d+/,
      ));
    test("fails when the clone would take the base cell's name (instanceGroupName)", () =>
      expect(build({ instanceGroupName: "diego-cell" })).toThrow(
        /PE-CELL-006.*`instanceGroupName` diego-cell/,
      ));
    test("fails when the base cell file is missing (baseCell)", () =>
      expect(build({ baseCell: BaseCell.fromFile("/nonexistent/diego-cell.yml") })).toThrow(
        /PE-CELL-009.*\/nonexistent\/diego-cell\.yml cannot be read/,
      ));
    test("fails when the base cell carries a literal private key (baseCell)", () => {
      const g = base();
      g.jobs.find((j: Group) => j.name === "rep").properties.tls.key = "-----BEGIN RSA PRIVATE KEY-----\nMII";
      expect(objBase(g)).toThrow(/PE-CELL-007.*\/jobs\/name=rep\/properties\/tls\/key/);
    });
    test("fails when given a whole manifest instead of the group (baseCell)", () =>
      expect(objBase(MANIFEST)).toThrow(
        /PE-CELL-008.*is a whole manifest.*--path \/instance_groups\/name=diego-cell/,
      ));
    test("fails when the cell security group lacks control-plane peers (cellSecurityGroup)", () =>
      expect(
        build({ cellSecurityGroup: { ...CELL_SG, controlPlaneRoles: [ControlPlaneRole.DIEGO_BBS] } }),
      ).toThrow(/PE-CELL-011.*`cellSecurityGroup` has no rules toward bosh-director, shared-components/));
    test("fails when an additional security group is not an id (additionalSecurityGroupIds[0])", () =>
      expect(build({ additionalSecurityGroupIds: ["internal"] })).toThrow(
        /PE-CELL-012.*`additionalSecurityGroupIds\[0\]`/,
      ));
    test("fails when a zone has no letter and no mapping, naming the zone (boshAzNames)", () => {
      const odd = subnets().map((s, i) => ({ ...s, availabilityZone: ["zone-1", "us-gov-west-1a"][i] }));
      expect(build({ subnets: odd })).toThrow(/PE-CELL-010.*`boshAzNames`.*no BOSH AZ for zone zone-1/);
    });
    test("fails when two zones map to one BOSH AZ (boshAzNames)", () =>
      expect(build({ boshAzNames: { "us-gov-west-1a": "z1", "us-gov-west-1b": "z1" } })).toThrow(
        /`boshAzNames`/,
      ));
    test("fails when there are no subnets (subnets)", () =>
      expect(build({ subnets: [] })).toThrow(/`subnets`/));
    test("fails when the subnets span one zone (subnets)", () => {
      const one = subnets();
      expect(build({ subnets: [one[0], { ...one[1], availabilityZone: one[0].availabilityZone }] })).toThrow(
        /`subnets`.*fewer than 2/,
      );
    });
    test("fails when a subnet CIDR is not aligned (subnets[0].cidrBlock)", () =>
      expect(build({ subnets: [{ ...subnets()[0], cidrBlock: "10.40.4.1/22" }, subnets()[1]] })).toThrow(
        /`subnets\[0\]\.cidrBlock`/,
      ));
    test("fails when a gateway is not an address (subnets[1].gateway)", () =>
      expect(build({ subnets: [subnets()[0], { ...subnets()[1], gateway: "router" }] })).toThrow(
        /`subnets\[1\]\.gateway`/,
      ));
    test("fails when the vm type has a space (vmType)", () =>
      expect(build({ vmType: "small highmem" })).toThrow(/`vmType`/));
    test("fails when the capacity input is bad (expectedApps)", () =>
      expect(build({ capacity: { expectedApps: -3 } })).toThrow(/`expectedApps`/));
    test("fails when the segment name is not literal (segment)", () => {
      const stack = newStack();
      const seg = IsolationSegment.fromIsolationSegmentName(stack, "S", "seg");
      const tokenName = { ...seg, isolationSegmentName: seg.isolationSegmentId, entitles: () => undefined };
      expect(() => cellsWith({ segment: tokenName }, stack)).toThrow(/`segment`/);
    });
  });
});
