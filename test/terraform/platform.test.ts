import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { synthesizePlatform } from "../../examples/platform/synth";
import { TransitGateway } from "../../lib/aws/transit-gateway";
import { PrivateEgressEnvironment } from "../../lib/environment/private-egress-environment";
import { CustomerDevice } from "../../lib/handoff/device-config";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { cleanup, mergeStacks, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";
import { synthJson, SynthJson } from "../support/synth";

/** The AWS addresses of a synthesized stack, sorted, each name with the given prefix. */
function awsAddresses(json: SynthJson, prefix: string): string[] {
  return Object.entries(json.resource ?? {})
    .filter(([type]) => type.startsWith("aws_"))
    .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.${prefix}${name}`))
    .sort();
}

/** One tenant in its own VPC on a transit gateway: the attachment on its dedicated cell subnets. */
function ownVpcStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "tf-tgw-own-vpc");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const tgw = new TransitGateway(stack, "TransitGateway", { amazonSideAsn: 64700 });
  new PrivateEgressEnvironment(stack, "Agency", {
    tenant: { org: "agency-prod", spaces: ["app"] },
    customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN, bgpAsn: 65001 },
    privateCidrs: ["192.168.100.0/24"],
    expectedApps: 10,
    transitGateway: tgw,
    cells: { baseCell: foundationBaseCell({}) },
    controlPlane: FOUNDATION_CONTROL_PLANE,
  });
  return stack;
}

describeTerraform("platform example (12 tenants on one transit gateway) against real terraform", () => {
  test("every stack validates and plans in one merged run; planned addresses equal the synthesized ones", () => {
    // GIVEN the platform stack, the 12 tenant stacks (cross-stack references inlined) and a
    // tenant in its own VPC on a transit gateway, merged into one configuration
    const { stacks } = synthesizePlatform();
    const parts = [...stacks.entries()].map(([id, json], i) => ({ prefix: `p${i}_`, json, id }));
    parts.push({ prefix: "own_", json: synthJson(ownVpcStack()), id: "own-vpc" });
    expect(parts).toHaveLength(14);
    // WHEN terraform validates and plans it
    const result = runTerraform(mergeStacks(parts), { plan: true });
    try {
      // THEN
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      expect(result.planError).toBeUndefined();
      const changes = result.plan?.resource_changes ?? [];
      expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
      const planned = changes.map((c) => c.address).sort();
      expect(planned).toEqual(parts.flatMap((p) => awsAddresses(p.json, p.prefix)).sort());
      for (const p of parts) expect(planned.some((a) => a.includes(`.${p.prefix}`))).toBe(true);
      // the planned transit gateway keeps every attachment out of a default route table
      const tgws = changes.filter((c) => c.type === "aws_ec2_transit_gateway");
      expect(tgws).toHaveLength(2);
      for (const t of tgws) {
        expect(t.change.after).toMatchObject({
          default_route_table_association: "disable",
          default_route_table_propagation: "disable",
        });
      }
      // 12 VPN connections on the platform's transit gateway, none on a virtual private gateway
      const vpns = changes.filter((c) => c.type === "aws_vpn_connection" && c.address.includes(".p"));
      expect(vpns).toHaveLength(12);
      expect(changes.filter((c) => c.type === "aws_vpn_gateway")).toEqual([]);
    } finally {
      cleanup(result);
    }
  });
});
