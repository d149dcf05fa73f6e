import { Route } from "@cdktf/provider-aws/lib/route";
import { VpnGateway as CfnVpnGateway } from "@cdktf/provider-aws/lib/vpn-gateway";
import { VpnGatewayRoutePropagation } from "@cdktf/provider-aws/lib/vpn-gateway-route-propagation";
import { TerraformStack, Testing } from "cdktf";
import { VpnGateway } from "../../lib/aws/vpn-gateway";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { addresses, synthJson } from "../support/synth";

function setup() {
  const stack = new TerraformStack(Testing.app(), "test");
  const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0abc",
    vpcCidrBlock: "10.40.0.0/16",
  });
  return { stack, vpc };
}

describe("VpnGateway", () => {
  test("snapshot (required props only)", () => {
    const { stack, vpc } = setup();
    new VpnGateway(stack, "VpnGateway", { vpc });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test("defaults: attached to the VPC, ASN 64512, prevent_destroy", () => {
    const { stack, vpc } = setup();
    const vgw = new VpnGateway(stack, "VpnGateway", { vpc });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CfnVpnGateway, {
      vpc_id: "vpc-0abc",
      amazon_side_asn: "64512",
      lifecycle: { prevent_destroy: true },
    });
    expect(vgw.amazonSideAsn).toBe(64512);
    expect(vgw.resource.node.id).toBe("Resource");
  });

  test("overrides: 4-byte private ASN, availability zone, allowDestroy", () => {
    const { stack, vpc } = setup();
    new VpnGateway(stack, "VpnGateway", {
      vpc,
      amazonSideAsn: 4200000000,
      availabilityZone: "us-gov-west-1a",
      allowDestroy: true,
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CfnVpnGateway, {
      amazon_side_asn: "4200000000",
      availability_zone: "us-gov-west-1a",
      lifecycle: { prevent_destroy: false },
    });
  });

  test("imports by id, creating nothing", () => {
    const { stack } = setup();
    const vgw = VpnGateway.fromVpnGatewayId(stack, "Imported", "vgw-0123", 64513);
    expect(vgw.vpnGatewayId).toBe("vgw-0123");
    expect(vgw.amazonSideAsn).toBe(64513);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test("route propagation and static routes, on different route tables, addressed by key and prefix", () => {
    const { stack, vpc } = setup();
    const vgw = new VpnGateway(stack, "VpnGateway", { vpc });
    vgw.enableRoutePropagation("shared", { routeTableId: "rtb-1" });
    vgw.addStaticRoutes("app", { routeTableId: "rtb-2" }, ["10.1.0.0/16", "101.0.0.0/16"]);
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(VpnGatewayRoutePropagation, { route_table_id: "rtb-1" });
    expect(synth).toHaveResourceWithProperties(Route, {
      route_table_id: "rtb-2",
      destination_cidr_block: "101.0.0.0/16",
    });
    const routes = addresses(synthJson(stack)).filter((a) => a.startsWith("aws_route."));
    expect(routes).toHaveLength(2);
    expect(routes[0]).toMatch(/^aws_route\.VpnGateway_Route-app-10-1-0-0_16_/);
    expect(routes[1]).toMatch(/^aws_route\.VpnGateway_Route-app-101-0-0-0_16_/);
  });

  describe("fails when …", () => {
    test.each([
      [
        "amazonSideAsn is public",
        7224,
        /`amazonSideAsn` 7224 is not a private ASN; use 64512-65534 or 4200000000-4294967294/,
      ],
      ["amazonSideAsn is 65535", 65535, /`amazonSideAsn` 65535/],
      ["amazonSideAsn is 4294967295", 4294967295, /`amazonSideAsn` 4294967295/],
    ])("fails when %s", (_t, asn, message) => {
      const { stack, vpc } = setup();
      expect(() => new VpnGateway(stack, "VpnGateway", { vpc, amazonSideAsn: asn })).toThrow(message);
    });

    test("fails when an imported gateway's amazonSideAsn is not private", () => {
      const { stack } = setup();
      expect(() => VpnGateway.fromVpnGatewayId(stack, "I", "vgw-1", 100)).toThrow(/`amazonSideAsn` 100/);
    });

    test("fails when a route table with propagation also gets static routes", () => {
      const { stack, vpc } = setup();
      const vgw = new VpnGateway(stack, "VpnGateway", { vpc });
      const rt = { routeTableId: "rtb-1" };
      vgw.enableRoutePropagation("app", rt);
      expect(() => vgw.addStaticRoutes("app2", { routeTableId: "rtb-1" }, ["10.1.0.0/16"])).toThrow(
        /`routeTable` app already has route propagation from this gateway; use one routing mechanism per route table/,
      );
    });

    test("fails when a route table with static routes also gets propagation", () => {
      const { stack, vpc } = setup();
      const vgw = new VpnGateway(stack, "VpnGateway", { vpc });
      vgw.addStaticRoutes("app", { routeTableId: "rtb-1" }, ["10.1.0.0/16"]);
      expect(() => vgw.enableRoutePropagation("app", { routeTableId: "rtb-1" })).toThrow(
        /`routeTable` app already has static routes/,
      );
    });

    test("fails when one key names two route tables", () => {
      const { stack, vpc } = setup();
      const vgw = new VpnGateway(stack, "VpnGateway", { vpc });
      vgw.addStaticRoutes("app", { routeTableId: "rtb-1" }, ["10.1.0.0/16"]);
      expect(() => vgw.addStaticRoutes("app", { routeTableId: "rtb-2" }, ["10.2.0.0/16"])).toThrow(
        /`key` app is already used/,
      );
    });

    test("fails when a static route to the gateway is 0.0.0.0/0", () => {
      const { stack, vpc } = setup();
      const vgw = new VpnGateway(stack, "VpnGateway", { vpc });
      expect(() => vgw.addStaticRoutes("app", { routeTableId: "rtb-1" }, ["0.0.0.0/0"])).toThrow(
        /`cidrs\[0\]` 0\.0\.0\.0\/0/,
      );
    });
  });
});
