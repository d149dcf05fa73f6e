import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { parse } from "yaml";
import { DedicatedCells } from "../../lib/cloudfoundry/dedicated-cells";
import { IsolationSegment } from "../../lib/cloudfoundry/isolation-segment";
import { Org } from "../../lib/cloudfoundry/org-space";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";
import { DedicatedSubnetInfo } from "../../lib/aws/interfaces";
import { newStack, synthChecked } from "./helpers";

const ORG = "3bc20dc4-1870-4835-8308-dda2d766e61e";

function subnets(stack: TerraformStack): DedicatedSubnetInfo[] {
  void stack;
  return [
    {
      availabilityZone: "us-gov-west-1b",
      subnetId: "subnet-bbb",
      cidrBlock: "10.40.20.0/22",
      gateway: "10.40.20.1",
      reservedRanges: ["10.40.20.0-10.40.20.3", "10.40.23.255"],
    },
    {
      availabilityZone: "us-gov-west-1a",
      subnetId: "subnet-aaa",
      cidrBlock: "10.40.16.0/22",
      gateway: "10.40.16.1",
      reservedRanges: ["10.40.16.0-10.40.16.3", "10.40.19.255"],
    },
  ];
}

function segmentIn(stack: TerraformStack) {
  return new IsolationSegment(stack, "Segment", {
    name: "agency-prod",
    orgs: [Org.fromOrgId(stack, "Org", ORG)],
  });
}

describe("DedicatedCells", () => {
  describe("GIVEN a segment, two dedicated subnets and the seed's 40 apps", () => {
    const stack = newStack();
    const cells = new DedicatedCells(stack, "Cells", {
      segment: segmentIn(stack),
      subnets: subnets(stack),
      capacity: { expectedApps: 40 },
    });
    const ops = parse(cells.opsFileYaml);
    const cc = parse(cells.cloudConfigYaml);

    test("THEN the ops file appends one instance group, cf-deployment's shape", () => {
      expect(Array.isArray(ops)).toBe(true);
      expect(ops).toHaveLength(1);
      expect(ops[0].type).toBe("replace");
      expect(ops[0].path).toBe("/instance_groups/-");
      const ig = ops[0].value;
      expect(Object.keys(ig)).toEqual([
        "name",
        "azs",
        "instances",
        "vm_type",
        "vm_extensions",
        "stemcell",
        "networks",
        "jobs",
      ]);
      expect(ig).toMatchObject({
        name: "agency-prod-diego-cell",
        azs: ["z1", "z2"],
        instances: 4,
        vm_type: "small-highmem",
        vm_extensions: ["100GB_ephemeral_disk"],
        stemcell: "default",
        networks: [{ name: "agency-prod-cells" }],
      });
    });
    test("THEN the rep's placement tag equals the segment name", () => {
      const rep = ops[0].value.jobs.find((j: { name: string }) => j.name === "rep");
      expect(rep.release).toBe("diego");
      expect(rep.properties.diego.rep.placement_tags).toEqual(["agency-prod"]);
      expect(cells.placementTag).toBe("agency-prod");
    });
    test("THEN the cloud config is one manual network with a subnet per dedicated subnet, zones mapped z1/z2", () => {
      expect(Object.keys(cc)).toEqual(["networks"]);
      expect(cc.networks).toHaveLength(1);
      const net = cc.networks[0];
      expect(net.name).toBe("agency-prod-cells");
      expect(net.type).toBe("manual");
      expect(net.subnets).toEqual([
        {
          range: "10.40.16.0/22",
          gateway: "10.40.16.1",
          reserved: ["10.40.16.0-10.40.16.3", "10.40.19.255"],
          az: "z1",
          cloud_properties: { subnet: "subnet-aaa" },
        },
        {
          range: "10.40.20.0/22",
          gateway: "10.40.20.1",
          reserved: ["10.40.20.0-10.40.20.3", "10.40.23.255"],
          az: "z2",
          cloud_properties: { subnet: "subnet-bbb" },
        },
      ]);
    });
    test("THEN the ops file and the objects agree", () => {
      expect(ops).toEqual(cells.opsFile);
      expect(cc).toEqual(cells.cloudConfig);
    });
    test("THEN the library creates no output and no Terraform resource for cells", () => {
      const { json } = synthChecked(stack);
      expect(json.output).toBeUndefined();
      expect(Object.keys(json.resource)).toEqual([
        "cloudfoundry_isolation_segment",
        "cloudfoundry_isolation_segment_entitlement",
      ]);
    });
  });

  test("subnet ids known only at apply come through as Terraform interpolation, and as BOSH variables in the file", () => {
    const stack = newStack();
    const seg = segmentIn(stack);
    const info = subnets(stack).map((s) => ({ ...s, subnetId: seg.isolationSegmentId })); // any token stands in for aws_subnet.x.id
    const cells = new DedicatedCells(stack, "Cells", { segment: seg, subnets: info });
    new TerraformOutput(stack, "CloudConfig", { value: cells.cloudConfigYaml }); // what an app or the hand-off does
    const json = JSON.parse(Testing.synth(stack));
    const resolved = parse(json.output.CloudConfig.value);
    expect(
      resolved.networks[0].subnets.map(
        (s: { cloud_properties: { subnet: string } }) => s.cloud_properties.subnet,
      ),
    ).toEqual([
      expect.stringMatching(/^\$\{cloudfoundry_isolation_segment\.Segment_[0-9A-F]+\.id\}$/),
      expect.stringMatching(/^\$\{cloudfoundry_isolation_segment\.Segment_[0-9A-F]+\.id\}$/),
    ]);
    const template = parse(cells.cloudConfigTemplateYaml);
    expect(
      template.networks[0].subnets.map(
        (s: { cloud_properties: { subnet: string } }) => s.cloud_properties.subnet,
      ),
    ).toEqual(["((subnet_id_10_40_16_0_22))", "((subnet_id_10_40_20_0_22))"]);
    expect(Object.keys(cells.subnetIdVariables)).toEqual([
      "subnet_id_10_40_16_0_22",
      "subnet_id_10_40_20_0_22",
    ]);
  });

  test("the synth-known artifacts are written under the stack's directory in cdktf.out", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-cells-"));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, "tenant");
      new CloudfoundryProvider(stack, "cf", {}); // apps own providers
      const cells = new DedicatedCells(stack, "Cells", {
        segment: segmentIn(stack),
        subnets: subnets(stack),
      });
      app.synth();
      const dir = path.join(outdir, "stacks", "tenant", cells.artifacts.path);
      const ops = parse(fs.readFileSync(path.join(dir, "ops-file.yml"), "utf8"));
      const cc = parse(fs.readFileSync(path.join(dir, "cloud-config.yml"), "utf8"));
      expect(ops).toEqual(cells.opsFile);
      expect(ops[0].value.instances).toBe(2);
      expect(cc.networks[0].subnets[0].cloud_properties.subnet).toBe("subnet-aaa");
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("overrides: names, vm, AZ names, DNS, extra jobs, rep properties", () => {
    const stack = newStack();
    const cells = new DedicatedCells(stack, "Cells", {
      segment: segmentIn(stack),
      subnets: subnets(stack),
      vmType: "r5.xlarge",
      vmExtensions: [],
      stemcell: "jammy",
      instanceGroupName: "iso-cell",
      networkName: "iso-net",
      boshAzNames: { "us-gov-west-1a": "az-a", "us-gov-west-1b": "az-b" },
      dnsServers: ["10.40.0.2"],
      extraJobs: [
        { name: "garden", release: "garden-runc", properties: { garden: { deny_networks: ["0.0.0.0/0"] } } },
      ],
      repProperties: { diego: { rep: { placement_tags: ["other"], evacuation_timeout_in_seconds: 600 } } },
    });
    const ig = parse(cells.opsFileYaml)[0].value;
    expect(ig).toMatchObject({
      name: "iso-cell",
      vm_type: "r5.xlarge",
      stemcell: "jammy",
      azs: ["az-a", "az-b"],
      networks: [{ name: "iso-net" }],
    });
    expect(ig).not.toHaveProperty("vm_extensions");
    expect(ig.jobs.map((j: { name: string }) => j.name)).toEqual(["garden", "rep"]);
    expect(ig.jobs[1].properties.diego.rep).toEqual({
      placement_tags: ["agency-prod"],
      evacuation_timeout_in_seconds: 600,
    });
    const sub = parse(cells.cloudConfigYaml).networks[0].subnets[0];
    expect(sub).toMatchObject({ az: "az-a", dns: ["10.40.0.2"] });
  });

  test("snapshot (required props only)", () => {
    const stack = newStack();
    const cells = new DedicatedCells(stack, "Cells", { segment: segmentIn(stack), subnets: subnets(stack) });
    expect({ ops: cells.opsFileYaml, cloudConfig: cells.cloudConfigYaml }).toMatchSnapshot();
  });

  const build =
    (over: Partial<ConstructorParameters<typeof DedicatedCells>[2]>, subs?: DedicatedSubnetInfo[]) => () => {
      const stack = newStack();
      new DedicatedCells(stack, "Cells", {
        segment: segmentIn(stack),
        subnets: subs ?? subnets(stack),
        ...over,
      });
    };
  const one = subnets(newStack());
  test("fails when there are no subnets (subnets)", () => expect(build({}, [])).toThrow(/`subnets`/));
  test("fails when the subnets span one zone (subnets)", () =>
    expect(build({}, [one[0], { ...one[1], availabilityZone: one[0].availabilityZone }])).toThrow(
      /`subnets`.*fewer than 2/,
    ));
  test("fails when a subnet CIDR is not aligned (subnets[0].cidrBlock)", () =>
    expect(build({}, [{ ...one[0], cidrBlock: "10.40.20.1/22" }, one[1]])).toThrow(
      /`subnets\[0\]\.cidrBlock`/,
    ));
  test("fails when a gateway is not an address (subnets[1].gateway)", () =>
    expect(build({}, [one[0], { ...one[1], gateway: "router" }])).toThrow(/`subnets\[1\]\.gateway`/));
  test("fails when two zones map to one BOSH AZ (boshAzNames)", () =>
    expect(build({ boshAzNames: { "us-gov-west-1a": "z1", "us-gov-west-1b": "z1" } })).toThrow(
      /`boshAzNames`/,
    ));
  test("fails when the vm type has a space (vmType)", () =>
    expect(build({ vmType: "small highmem" })).toThrow(/`vmType`/));
  test("fails when an extra job is the rep (extraJobs)", () =>
    expect(build({ extraJobs: [{ name: "rep", release: "diego" }] })).toThrow(/`extraJobs`/));
  test("fails when the capacity input is bad (expectedApps)", () =>
    expect(build({ capacity: { expectedApps: -3 } })).toThrow(/`expectedApps`/));
  test("fails when the segment name is not literal (segment)", () => {
    const stack = newStack();
    const seg = IsolationSegment.fromIsolationSegmentName(stack, "S", "seg");
    const tokenName = { ...seg, isolationSegmentName: seg.isolationSegmentId, entitles: () => undefined };
    expect(() => new DedicatedCells(stack, "Cells", { segment: tokenName, subnets: subnets(stack) })).toThrow(
      /`segment`/,
    );
  });
});
