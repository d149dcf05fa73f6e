import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsVpc } from "@cdktf/provider-aws/lib/data-aws-vpc";
import { AnnotationMetadataEntryType, App, Aspects, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import {
  ApplicationSecurityGroup,
  AsgProtocol,
  CustomerDevice,
  DedicatedSegment,
  IsolationSegment,
  Org,
  PolicyPack,
  PolicyProfile,
  PrivateEgressEnvironment,
  Space,
  VpcReference,
  VpnGateway,
} from "../../lib";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";
import { DefaultExampleStack } from "../../examples/default/stack";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { SynthJson, synthJson } from "../support/synth";

const SPACE_GUID = "0b9e4a3c-7f21-4d8e-a5b6-3c2d1e0f9a84";

/** Every resource and data source of a synthesized stack, with its address. */
function objects(json: SynthJson): Array<{ address: string; type: string; body: SynthJson }> {
  const out: Array<{ address: string; type: string; body: SynthJson }> = [];
  for (const [kind, prefix] of [
    ["resource", ""],
    ["data", "data."],
  ] as const) {
    for (const [type, byName] of Object.entries((json[kind] ?? {}) as SynthJson)) {
      for (const [name, body] of Object.entries(byName as SynthJson)) {
        out.push({ address: `${prefix}${type}.${name}`, type, body: body as SynthJson });
      }
    }
  }
  return out;
}

describe("an environment and building blocks on aliased providers", () => {
  // GIVEN a stack whose default providers exist, and aliased ones for another region and foundation
  const stack = new TerraformStack(Testing.app(), "aliased");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  new CloudfoundryProvider(stack, "cloudfoundry", {});
  const east = new AwsProvider(stack, "aws-east", { region: "us-gov-east-1", alias: "east" });
  const other = new CloudfoundryProvider(stack, "cf-other", {
    alias: "other",
    apiUrl: "https://api.other.example",
  });
  // WHEN everything is composed on the aliased providers
  const environment = new PrivateEgressEnvironment(stack, "Agency", {
    tenant: { org: "agency-prod", spaces: ["app", "batch"], existingSpaceGuids: { batch: SPACE_GUID } },
    customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
    privateCidrs: ["192.168.100.0/24"],
    expectedApps: 40,
    controlPlane: FOUNDATION_CONTROL_PLANE,
    cells: { baseCell: foundationBaseCell({}) },
    awsProvider: east,
    cloudFoundryProvider: other,
  });
  const org = Org.fromOrgName(stack, "ExistingOrg", "agency-shared", other);
  const looked = Space.fromSpaceName(stack, "ExistingSpace", org, "shared", other);
  new ApplicationSecurityGroup(stack, "CaseDb", {
    name: "agency-case-db",
    rules: [{ protocol: AsgProtocol.TCP, destination: "192.168.100.30", ports: "5432" }],
    runningSpaces: [looked, ...environment.spaces],
    provider: other,
  });
  IsolationSegment.fromIsolationSegmentName(stack, "SharedSegment", "shared", other);
  const imported = VpnGateway.fromVpnGatewayId(stack, "ImportedVgw", "vgw-0abc", 64512, east);
  imported.addConnection("Branch", {
    customerGatewayIp: "18.188.145.102",
    staticRoutes: ["192.168.200.0/24"],
  });
  const json = synthJson(stack);
  const all = objects(json);

  test("every AWS resource and data source goes to aws.east, every Cloud Foundry one to cloudfoundry.other", () => {
    // THEN
    expect(all.length).toBeGreaterThan(40);
    const wrong = all
      .filter(
        ({ type, body }) => body.provider !== (type.startsWith("aws_") ? "aws.east" : "cloudfoundry.other"),
      )
      .map(({ address, body }) => `${address}: ${String(body.provider)}`);
    expect(wrong).toEqual([]);
    expect(all.filter((o) => o.type.startsWith("aws_")).length).toBeGreaterThan(30);
    expect(all.filter((o) => o.type.startsWith("cloudfoundry_")).length).toBeGreaterThan(5);
  });

  test("the import block of an adopted space names the aliased provider", () => {
    const imports = (json.import ?? []) as SynthJson[];
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ id: SPACE_GUID, provider: "cloudfoundry.other" });
  });

  test("the default availability zones come from the aliased provider's region", () => {
    const zones = Object.values(json.resource.aws_subnet as SynthJson).map((s) => s.availability_zone);
    expect(new Set(zones)).toEqual(new Set(["us-gov-east-1a", "us-gov-east-1b"]));
  });
});

describe("providers of the wrong kind", () => {
  const setup = () => {
    const stack = new TerraformStack(Testing.app(), "wrong");
    return {
      stack,
      aws: new AwsProvider(stack, "aws", { region: "us-gov-west-1" }),
      cf: new CloudfoundryProvider(stack, "cloudfoundry", {}),
    };
  };

  test("fails when an AWS construct's `provider` is a Cloud Foundry provider", () => {
    const { stack, cf } = setup();
    expect(
      () =>
        new DedicatedSegment(stack, "Segment", {
          vpcCidrBlock: "10.40.0.0/16",
          availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
          provider: cf,
        }),
    ).toThrow(/PE-PROVIDER-001.*`provider` \(a cloudfoundry provider\) cannot serve the aws_\* resources/);
  });

  test("fails when the environment's `cloudFoundryProvider` is an AWS provider", () => {
    const { stack, aws } = setup();
    expect(
      () =>
        new PrivateEgressEnvironment(stack, "Agency", {
          tenant: { org: "agency-prod", spaces: ["app"] },
          customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
          privateCidrs: ["192.168.100.0/24"],
          expectedApps: 40,
          controlPlane: FOUNDATION_CONTROL_PLANE,
          cells: { baseCell: foundationBaseCell({}) },
          cloudFoundryProvider: aws,
        }),
    ).toThrow(/`cloudFoundryProvider` \(a aws provider\) cannot serve the cloudfoundry_\* resources/);
  });

  test("fails when a lookup's `provider` is an AWS provider", () => {
    const { stack, aws } = setup();
    expect(() => Org.fromOrgName(stack, "Org", "agency", aws)).toThrow(/`provider` \(a aws provider\)/);
  });
});

describe("PolicyPack added with Aspects.of(app)", () => {
  const annotationsOf = (scope: IConstruct) =>
    scope.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata.map((m) => `${c.node.path.replace(/^[^/]*\//, "")} ${m.type} ${String(m.data)}`),
      )
      .sort();

  test("reports the same findings as PolicyPack.applyTo", () => {
    // GIVEN the default example (cloud.gov's IKEv1 baseline) held to the strict profile, both ways
    const viaApplyTo = new App();
    const a = new DefaultExampleStack(viaApplyTo, "example", { env: {} });
    PolicyPack.applyTo(viaApplyTo, { profile: PolicyProfile.FEDERAL_STRICT });
    const viaAspects = new App();
    const b = new DefaultExampleStack(viaAspects, "example", { env: {} });
    const pack = new PolicyPack({ profile: PolicyProfile.FEDERAL_STRICT });
    Aspects.of(viaAspects).add(pack);
    // WHEN
    synthJson(a);
    synthJson(b);
    const [metaA, metaB] = [a, b].map((s) => (s.toTerraform() as SynthJson)["//"]);
    // THEN
    expect(pack.findings().length).toBeGreaterThan(0);
    expect(
      annotationsOf(b).filter((s) => s.includes(` ${AnnotationMetadataEntryType.ERROR} `)).length,
    ).toBeGreaterThan(0);
    expect(annotationsOf(b)).toEqual(annotationsOf(a));
    expect(metaB.policy_pack).toEqual({ profile: PolicyProfile.FEDERAL_STRICT });
    expect(metaA.policy_pack).toEqual(metaB.policy_pack);
  });
});

describe("a VPC whose CIDR block is a token", () => {
  const warnings = (segment: DedicatedSegment) =>
    segment.node.metadata
      .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
      .map((m) => String(m.data));

  test("warns that the overlap checks are off, naming the props that restore them", () => {
    // GIVEN a VPC looked up by a data source
    const stack = new TerraformStack(Testing.app(), "lookup");
    new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
    const data = new DataAwsVpc(stack, "Existing", { id: "vpc-0abc" });
    // WHEN
    const segment = new DedicatedSegment(stack, "Segment", {
      vpc: VpcReference.fromVpcAttributes(stack, "Vpc", { vpcId: data.id, vpcCidrBlock: data.cidrBlock }),
      internetGateway: { internetGatewayId: "igw-0abc" },
      segmentCidrBlock: "10.40.64.0/20",
      availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
      expectedCells: 2,
    });
    // THEN
    expect(warnings(segment)).toEqual([
      expect.stringMatching(
        /`vpc.vpcCidrBlock` is a token .* checks .* are off; .*vpcCidrBlock: "10.40.0.0\/16".*`vpcCidrBlock`/,
      ),
    ]);
  });

  test("gives no such warning for a literal block", () => {
    const stack = new TerraformStack(Testing.app(), "literal");
    new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
    const segment = new DedicatedSegment(stack, "Segment", {
      vpc: VpcReference.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0abc", vpcCidrBlock: "10.40.0.0/16" }),
      internetGateway: { internetGatewayId: "igw-0abc" },
      availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
      expectedCells: 2,
    });
    expect(warnings(segment).filter((w) => w.includes("is a token"))).toEqual([]);
  });
});
