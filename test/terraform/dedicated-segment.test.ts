import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { VpnGateway } from "@cdktf/provider-aws/lib/vpn-gateway";
import { Testing, TerraformStack } from "cdktf";
import { ControlPlanePeer, DedicatedSegment } from "../../lib/aws/dedicated-segment";
import { addresses, synthJson, SynthJson } from "../support/synth";
import { cleanup, mergeStacks, runTerraform, TerraformRunResult } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

const AZS = ["us-gov-west-1a", "us-gov-west-1b"];

function awsAddresses(json: SynthJson, prefix: string): string[] {
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
  expect(changes.map((c) => c.address).sort()).toEqual(awsAddresses(json, prefix));
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

describeTerraform("DedicatedSegment against real terraform", () => {
  // Both segments are merged into one configuration (names prefixed c_ and i_): one terraform run.
  let shared: { jsons: Record<string, SynthJson>; result: TerraformRunResult } | undefined;
  beforeAll(() => {
    const jsons = { c_: createdVpcJson(), i_: importedVpcJson() };
    const merged = mergeStacks(Object.entries(jsons).map(([prefix, json]) => ({ prefix, json })));
    shared = { jsons, result: runTerraform(merged, { plan: true }) };
  });
  afterAll(() => {
    if (shared) cleanup(shared.result);
  });
  const run = (prefix: string) => ({ json: shared!.jsons[prefix], result: shared!.result, prefix });

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
});
