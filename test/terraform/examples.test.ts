import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { VpnGateway } from "@cdktf/provider-aws/lib/vpn-gateway";
import { Testing, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import {
  BaseCell,
  CustomerDevice,
  DedicatedCells,
  DedicatedSegment,
  IsolationSegment,
  PrivateEgressEnvironment,
} from "../../lib";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { VpnCryptoProfile } from "../../lib/aws/crypto-profile";
import { CustomerGateway } from "../../lib/aws/customer-gateway";
import { TunnelAlarms } from "../../lib/aws/tunnel-alarms";
import { VpnGateway as VpnGatewayConstruct } from "../../lib/aws/vpn-gateway";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { checkVpnConnectionResource } from "../../lib/aws/vpn-validation";
import { ControlPlanePeer } from "../../lib/aws/dedicated-segment";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { AgencyStack } from "../../examples/agency-stack/stack";
import { DefaultExampleStack } from "../../examples/default/stack";
import { TwoTenantsStack } from "../../examples/two-tenants/stack";
import { HighAvailabilityStack } from "../../examples/high-availability/stack";
import { cleanup, mergeStacks, runTerraform, TerraformRunResult } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";
import { addresses, synthJson, SynthJson } from "../support/synth";

// ONE terraform run (init, plan, show) for every creation plan of this suite: the stacks of
// examples 2-5 and a segment whose tag is the escaping canary (s0_-s6_), the default example (d_),
// DedicatedSegment in a created (c_) and an imported VPC (i_), the VPN building blocks (v_) and an
// environment on an aliased provider (a_), each under its own name prefix (mergeStacks; the provider block is the first stack's). Each test
// asserts on its own prefix. (The default example, DedicatedSegment, the VPN stack and the aliased
// provider had runs of their own: ~10 s of CPU each to start terraform and the AWS provider.)

/** The AWS addresses of a synthesized stack, sorted, each name with the given prefix. */
function awsAddresses(json: SynthJson, prefix: string): string[] {
  return Object.entries(json.resource ?? {})
    .filter(([type]) => type.startsWith("aws_"))
    .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.${prefix}${name}`))
    .sort();
}

/** Free text that Terraform would evaluate if the library did not escape it (issue #11's canary). */
const CANARY_TEXT = 'X${upper("a")}Y and X%{if true}Y%{endif}';

/** A segment whose tag value is the canary: the input boundary writes it escaped. */
function escapedTextStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "tf-escaped-text");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const segment = new DedicatedSegment(stack, "Segment", {
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
    vpcCidrBlock: "10.60.0.0/16",
    tags: { Note: CANARY_TEXT },
    boshDirectorPeers: FOUNDATION_CONTROL_PLANE.boshDirector,
    sharedComponentPeers: FOUNDATION_CONTROL_PLANE.sharedComponents,
    diegoBbsPeers: FOUNDATION_CONTROL_PLANE.diegoBbs,
  });
  // the cells' ops file as an app outputs it (DedicatedCells' own example), from a base cell whose
  // BOSH text looks like Terraform templates
  const cells = new DedicatedCells(stack, "Cells", {
    segment: IsolationSegment.fromIsolationSegmentAttributes(stack, "IsoSeg", {
      isolationSegmentId: "3bc20dc4-1870-4835-8308-dda2d766e61e",
      isolationSegmentName: "canary",
    }),
    subnets: segment.subnets,
    cellSecurityGroup: segment.cellSecurityGroup,
    baseCell: BaseCell.fromObject({
      ...foundationBaseCell({}).resolve("baseCell"),
      canary_note: CANARY_TEXT,
    }),
  });
  new TerraformOutput(stack, "ops_file", { value: cells.opsFileYaml });
  OPS_FILE_TEXT.push(cells.opsFileText);
  return stack;
}

/** The BOSH text of the canary stack's ops file, as BOSH reads it. */
const OPS_FILE_TEXT: string[] = [];

const AZS = ["us-gov-west-1a", "us-gov-west-1b"];

function segmentAddresses(json: SynthJson, prefix: string): string[] {
  return addresses(json)
    .filter((a) => a.startsWith("aws_"))
    .map((a) => a.replace(".", `.${prefix}`));
}

function expectCleanPlan(
  result: TerraformRunResult,
  json: SynthJson,
  prefix: string,
): NonNullable<TerraformRunResult["plan"]> {
  expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(result.validate.valid).toBe(true);
  expect(result.planError).toBeUndefined();
  const changes = (result.plan?.resource_changes ?? []).filter((c) => c.address.includes(`.${prefix}`));
  expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
  expect(changes.map((c) => c.address).sort()).toEqual(segmentAddresses(json, prefix));
  return { ...result.plan, resource_changes: changes };
}

function after(plan: NonNullable<TerraformRunResult["plan"]>, type: string) {
  return (plan.resource_changes ?? []).filter((c) => c.type === type).map((c) => c.change.after ?? {});
}

function createdVpcJson(): SynthJson {
  // GIVEN a created VPC with a raw VPN gateway, control-plane peers, public egress and a denied tenant
  const stack = new TerraformStack(Testing.app(), "tf-created");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const segment = new DedicatedSegment(stack, "Segment", {
    vpcCidrBlock: "10.40.0.0/16",
    availabilityZones: AZS,
    expectedCells: 6,
    boshDirectorPeers: [ControlPlanePeer.cidr("10.0.0.0/24")],
    sharedComponentPeers: [ControlPlanePeer.cidr("10.0.16.0/20")],
    diegoBbsPeers: [ControlPlanePeer.securityGroup("sg-0123456789abcdef0")],
    deniedCidrs: ["172.20.0.0/16"],
    allowPublicEgressViaNat: true,
  });
  const vgw = new VpnGateway(stack, "Vgw", { vpcId: segment.vpc.vpcId, amazonSideAsn: "64512" });
  segment.addPrivateRoute("192.168.100.0/24", { vpnGatewayId: vgw.id });
  return synthJson(stack);
}

function importedVpcJson(): SynthJson {
  const stack = new TerraformStack(Testing.app(), "tf-imported");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const segment = new DedicatedSegment(stack, "Segment", {
    vpc: { vpcId: "vpc-0123456789abcdef0", vpcCidrBlock: "10.40.0.0/16" },
    internetGateway: { internetGatewayId: "igw-0123456789abcdef0" },
    existingSubnetCidrs: ["10.40.0.0/20"],
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1c"],
  });
  segment.addPrivateRoute("192.168.100.0/24", { vpnGatewayId: "vgw-0123456789abcdef0" });
  return synthJson(stack);
}

/**
 * The VPN building blocks (v_; was test/terraform/vpn.test.ts): a gateway with three connections
 * (strict + static routes, cloud.gov IKEv1 + BGP, a custom profile with a caller-supplied key, given
 * log group and topic), route propagation and static routes on two route tables, and alarms with a
 * created topic.
 */
function vpnStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "tf-vpn");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0123456789abcdef0",
    vpcCidrBlock: "10.40.0.0/16",
  });
  const vgw = new VpnGatewayConstruct(stack, "VpnGateway", { vpc, amazonSideAsn: 64512 });
  const cgw = new CustomerGateway(stack, "CustomerGateway", {
    ipAddress: "18.188.145.101",
    deviceName: "openswan",
  });
  const strict = vgw.addConnection("Strict", {
    customerGateway: cgw,
    cryptoProfile: VpnCryptoProfile.strict(),
    staticRoutes: ["192.168.100.0/24", "10.1.0.0/16", "101.0.0.0/16"],
    tunnel1: { insideCidr: "169.254.100.0/30" },
    tunnel2: { insideCidr: "169.254.100.4/30" },
  });
  vgw.addConnection("CloudGov", {
    customerGatewayIp: "18.188.145.102",
    customerGatewayAsn: 4200000001,
    cryptoProfile: VpnCryptoProfile.cloudGovIkev1(),
    remoteNetworkCidr: "192.168.100.0/24",
    localNetworkCidr: "10.40.0.0/16",
  });
  const key = new TerraformVariable(stack, "vpn_psk", { type: "string", sensitive: true });
  const custom = vgw.addConnection("Custom", {
    customerGatewayIp: "18.188.145.103",
    cryptoProfile: VpnCryptoProfile.strict().derive("custom", { phase2LifetimeSeconds: 1800 }),
    tunnelOptions: { presharedKey: key.stringValue },
    tunnel2: { phase2DhGroupNumbers: [5, 14], enableTunnelLifecycleControl: true },
    logGroup: { logGroupArn: "arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:vpn" },
    staticRoutes: ["172.16.0.0/12"],
  });
  vgw.enableRoutePropagation("shared", { routeTableId: "rtb-0aaaaaaaaaaaaaaa0" });
  vgw.addStaticRoutes("app", { routeTableId: "rtb-0bbbbbbbbbbbbbbb0" }, ["192.168.100.0/24"]);
  new TunnelAlarms(stack, "StrictAlarms", { vpnConnection: strict });
  new TunnelAlarms(stack, "CustomAlarms", {
    vpnConnection: custom,
    topic: { topicArn: "arn:aws-us-gov:sns:us-gov-west-1:123456789012:ops" },
  });
  return stack;
}

/**
 * An environment and building blocks on an aliased AWS provider (another region) (a_; was
 * test/terraform/aliased-providers.test.ts): terraform validate refuses a `provider` reference to an
 * alias no provider block declares. (That every resource carries the alias is asserted without
 * terraform in test/core/providers.test.ts.)
 */
function aliasedJson(): SynthJson {
  const stack = new TerraformStack(Testing.app(), "tf-aliased");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const east = new AwsProvider(stack, "aws-east", { region: "us-gov-east-1", alias: "east" });
  const other = new CloudfoundryProvider(stack, "cf-other", { alias: "other" });
  const environment = new PrivateEgressEnvironment(stack, "Agency", {
    tenant: { org: "agency-prod", spaces: ["app"] },
    customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
    privateCidrs: ["192.168.100.0/24"],
    expectedApps: 40,
    controlPlane: FOUNDATION_CONTROL_PLANE,
    cells: { baseCell: foundationBaseCell({}) },
    awsProvider: east,
    cloudFoundryProvider: other,
    allowDestroy: true,
  });
  const vgw = VpnGatewayConstruct.fromVpnGatewayId(stack, "Existing", "vgw-0123456789abcdef0", 64512, east);
  const branch = vgw.addConnection("Branch", {
    customerGatewayIp: "18.188.145.102",
    staticRoutes: ["192.168.200.0/24"],
    allowDestroy: true,
  });
  new TunnelAlarms(stack, "BranchAlarms", { vpnConnection: branch, provider: east });
  void environment;
  return synthJson(stack);
}

describeTerraform("creation plans of the examples and building blocks, one terraform run", () => {
  let stacks: SynthJson[] = [];
  let jsons: Record<string, SynthJson> = {};
  let result: TerraformRunResult;
  beforeAll(() => {
    // GIVEN every stack of the four examples, the canary segment, the default example and the two
    // segments, merged into one configuration
    stacks = [
      ...createMultiEnvironmentStacks(Testing.app(), { env: {} }),
      new AgencyStack(Testing.app(), "tf-agency", { env: {} }),
      new TwoTenantsStack(Testing.app(), "tf-two-tenants", { env: {} }),
      new HighAvailabilityStack(Testing.app(), "tf-high-availability", { env: {} }),
      escapedTextStack(),
    ].map((stack) => synthJson(stack));
    jsons = {
      d_: synthJson(new DefaultExampleStack(Testing.app(), "tf-default")),
      c_: createdVpcJson(),
      i_: importedVpcJson(),
      v_: synthJson(vpnStack()),
      a_: aliasedJson(),
    };
    const parts = [
      ...stacks.map((json, i) => ({ prefix: `s${i}_`, json })),
      ...Object.entries(jsons).map(([prefix, json]) => ({ prefix, json })),
    ];
    // WHEN terraform validates and plans it
    result = runTerraform(mergeStacks(parts), {
      plan: true,
      variables: { vpn_psk: "Generated.In_Test42" },
    });
  });
  afterAll(() => {
    if (result) cleanup(result);
  });

  test("every stack of every example validates, and the plan creates each AWS resource and only creates", () => {
    const parts = stacks.map((json, i) => ({ prefix: `s${i}_`, json }));
    expect(parts).toHaveLength(7);
    expect(JSON.stringify(parts[6].json)).toContain('X$${upper(\\"a\\")}Y and X%%{if true}Y%%{endif}');
    {
      // THEN
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      expect(result.planError).toBeUndefined();
      // the merged plan creates and only creates, and holds nothing but the parts' resources
      const all = result.plan?.resource_changes ?? [];
      expect(all.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
      expect(all.filter((c) => !/^[a-z0-9_]+\.(s\d|d|c|i|v|a)_/.test(c.address))).toEqual([]);
      const changes = all.filter((c) => /\.s\d_/.test(c.address));
      const planned = changes.map((c) => c.address).sort();
      expect(planned).toEqual(parts.flatMap((p) => awsAddresses(p.json, p.prefix)).sort());
      // each stack is really there, not just the first
      for (const p of parts) expect(planned.some((a) => a.includes(`.${p.prefix}`))).toBe(true);
      // the escaped text plans as the literal text: Terraform evaluated nothing
      const tagged = changes.filter(
        (c) =>
          c.address.includes(".s6_") &&
          (c.change.after as { tags?: Record<string, string> } | undefined)?.tags?.Note !== undefined,
      );
      expect(tagged.length).toBeGreaterThan(0);
      for (const c of tagged)
        expect((c.change.after as { tags?: Record<string, string> } | undefined)?.tags?.Note).toBe(
          CANARY_TEXT,
        );
      // the cells' ops file output plans as the BOSH text itself, the base cell's templates literal
      expect(OPS_FILE_TEXT).toHaveLength(1);
      expect(OPS_FILE_TEXT[0]).toContain(CANARY_TEXT);
      expect(result.plan?.output_changes?.s6_ops_file?.after).toBe(OPS_FILE_TEXT[0]);
    }
  });

  test("the default example's AWS half passes terraform validate and plans only creations", () => {
    const json = jsons.d_;
    expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.validate.valid).toBe(true);
    expect(result.planError).toBeUndefined();
    const changes = (result.plan?.resource_changes ?? []).filter((c) => c.address.includes(".d_"));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
    // the plan holds every AWS resource of the synthesized stack, and nothing of Cloud Foundry
    const planned = changes.map((c) => c.address).sort();
    const synthesized = Object.entries(json.resource)
      .filter(([type]) => type.startsWith("aws_"))
      .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.d_${name}`))
      .sort();
    expect(planned).toEqual(synthesized);
    const cgw = changes.find((c) => c.type === "aws_customer_gateway");
    expect(cgw?.change.after).toMatchObject({ ip_address: "18.188.145.101", type: "ipsec.1" });
  });

  const run = (prefix: string) => ({ json: jsons[prefix], result, prefix });

  test("a segment in a created VPC validates and plans (flow logs, KMS key, NACL, SG rules, VGW routes)", () => {
    const { json, result, prefix } = run("c_");
    {
      // THEN
      const plan = expectCleanPlan(result, json, prefix);
      expect(
        after(plan, "aws_subnet")
          .map((s) => [s.cidr_block, s.map_public_ip_on_launch])
          .sort(),
      ).toEqual([
        ["10.40.0.0/22", false],
        ["10.40.28.0/28", false],
        ["10.40.28.16/28", false],
        ["10.40.4.0/22", false],
      ]);
      expect(after(plan, "aws_flow_log")).toEqual([expect.objectContaining({ traffic_type: "ALL" })]);
      expect(after(plan, "aws_cloudwatch_log_group")).toEqual([
        expect.objectContaining({ retention_in_days: 365 }),
      ]);
      expect(after(plan, "aws_kms_key")).toEqual([expect.objectContaining({ enable_key_rotation: true })]);
      expect(after(plan, "aws_eip")).toHaveLength(2);
      expect(
        after(plan, "aws_route")
          .map((r) => r.destination_cidr_block)
          .sort(),
      ).toEqual(["0.0.0.0/0", "0.0.0.0/0", "0.0.0.0/0", "192.168.100.0/24", "192.168.100.0/24"]);
    }
  });

  test("a segment in an imported VPC validates and plans, creating no VPC", () => {
    const { json, result, prefix } = run("i_");
    {
      const plan = expectCleanPlan(result, json, prefix);
      expect(after(plan, "aws_vpc")).toEqual([]);
      expect(
        after(plan, "aws_subnet")
          .map((s) => [s.vpc_id, s.cidr_block])
          .sort(),
      ).toEqual([
        ["vpc-0123456789abcdef0", "10.40.32.0/22"],
        ["vpc-0123456789abcdef0", "10.40.40.0/22"],
        ["vpc-0123456789abcdef0", "10.40.60.0/28"],
        ["vpc-0123456789abcdef0", "10.40.60.32/28"],
      ]);
      expect(after(plan, "aws_route")).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            destination_cidr_block: "192.168.100.0/24",
            gateway_id: "vgw-0123456789abcdef0",
          }),
          expect.objectContaining({
            destination_cidr_block: "0.0.0.0/0",
            gateway_id: "igw-0123456789abcdef0",
          }),
        ]),
      );
    }
  });

  test("every construct, each crypto profile, static and BGP: validate and plan pass", () => {
    const json = jsons.v_;
    // the policy-pack view of the same JSON finds nothing either
    for (const conn of Object.values(json.resource.aws_vpn_connection as SynthJson)) {
      expect(checkVpnConnectionResource(conn as SynthJson)).toEqual([]);
    }
    {
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      expect(result.planError).toBeUndefined();
      const changes = (result.plan?.resource_changes ?? []).filter((c) => c.address.includes(".v_"));
      expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
      const planned = changes.map((c) => c.address).sort();
      const synthesized = Object.entries(json.resource as SynthJson)
        .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.v_${name}`))
        .sort();
      expect(planned).toEqual(synthesized);
      const count = (type: string) => changes.filter((c) => c.type === type).length;
      expect(count("aws_vpn_connection")).toBe(3);
      expect(count("aws_customer_gateway")).toBe(3);
      expect(count("aws_vpn_connection_route")).toBe(4);
      expect(count("aws_cloudwatch_metric_alarm")).toBe(6);
      const cgw = changes.filter((c) => c.type === "aws_customer_gateway").map((c) => c.change.after);
      expect(cgw).toContainEqual(
        expect.objectContaining({ bgp_asn_extended: "4200000001", ip_address: "18.188.145.102" }),
      );
      const strict = changes.find((c) => c.address.startsWith("aws_vpn_connection.v_VpnGateway_Strict"));
      expect(strict?.change.after).toMatchObject({
        static_routes_only: true,
        preshared_key_storage: "SecretsManager",
        tunnel1_ike_versions: ["ikev2"],
        tunnel2_inside_cidr: "169.254.100.4/30",
      });
    }
  });

  test("an environment on an aliased AWS provider validates, every AWS resource on the alias", () => {
    expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.planError).toBeUndefined();
    const config = (
      result.plan as unknown as { configuration: { root_module: { resources: SynthJson[] } } }
    ).configuration.root_module.resources.filter((r) => String(r.address).includes(".a_"));
    expect(config.length).toBeGreaterThan(30);
    expect(config.filter((r) => r.provider_config_key !== "aws.east").map((r) => r.address)).toEqual([]);
    expect(result.plan?.resource_changes?.filter((c) => c.address.includes(".a_")).length).toBeGreaterThan(
      30,
    );
  });
});
