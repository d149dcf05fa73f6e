import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayRoute } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformResource, TerraformStack, Testing } from "cdktf";
import { CustomerGateway } from "../../lib/aws/customer-gateway";
import {
  TransitGateway,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  TransitGatewayVpcAttachment,
  transitGatewayUsage,
} from "../../lib/aws/transit-gateway";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { VpnConnection } from "../../lib/aws/vpn-connection";
import { VpnGateway } from "../../lib/aws/vpn-gateway";
import { PrivateEgressEnvironment } from "../../lib/environment/private-egress-environment";
import { CustomerDevice } from "../../lib/handoff/device-config";
import { PrivateEgressHandoff } from "../../lib/handoff/private-egress-handoff";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { addresses, resourcesOfType, synthJson } from "../support/synth";

function setup(app: App = Testing.app(), id = "test") {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0abc",
    vpcCidrBlock: "10.40.0.0/16",
  });
  return { app, stack, vpc };
}

/** The interpolation of a resource's attribute, as synthesized. */
function ref(resource: TerraformResource, attribute: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`;
}

const SUBNETS = [
  { availabilityZone: "us-gov-west-1a", subnetId: "subnet-0a" },
  { availabilityZone: "us-gov-west-1b", subnetId: "subnet-0b" },
];

describe("TransitGateway", () => {
  test("snapshot (required props only)", () => {
    const { stack } = setup();
    new TransitGateway(stack, "TransitGateway");
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test("defaults: default route table association and propagation off, prevent_destroy, ASN 64512", () => {
    const { stack } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Ec2TransitGateway, {
      amazon_side_asn: 64512,
      default_route_table_association: "disable",
      default_route_table_propagation: "disable",
      auto_accept_shared_attachments: "disable",
      vpn_ecmp_support: "enable",
      lifecycle: { prevent_destroy: true },
    });
    expect(tgw.resource.node.id).toBe("Resource");
  });

  test("imports by id, creating nothing", () => {
    const { stack } = setup();
    const tgw = TransitGateway.fromTransitGatewayId(stack, "Tgw", "tgw-0123", { amazonSideAsn: 64600 });
    expect(tgw.transitGatewayId).toBe("tgw-0123");
    expect(tgw.amazonSideAsn).toBe(64600);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test("fails when amazonSideAsn is public", () => {
    const { stack } = setup();
    expect(() => new TransitGateway(stack, "T", { amazonSideAsn: 7224 })).toThrow(/`amazonSideAsn` 7224/);
  });

  test("fails when quotas.routeTables is not a positive integer", () => {
    const { stack } = setup();
    expect(() => new TransitGateway(stack, "T", { quotas: { routeTables: 0 } })).toThrow(
      /`quotas.routeTables` 0 is not a positive integer/,
    );
  });

  test("VPC attachment: one subnet per zone, defaults off, associated with its own route table", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const att = new TransitGatewayVpcAttachment(stack, "Attachment", {
      transitGateway: tgw,
      vpc,
      subnets: SUBNETS,
    });
    const json = Testing.synth(stack);
    expect(json).toHaveResourceWithProperties(Ec2TransitGatewayVpcAttachment, {
      subnet_ids: ["subnet-0a", "subnet-0b"],
      vpc_id: "vpc-0abc",
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
    expect(json).toHaveResourceWithProperties(Ec2TransitGatewayRouteTableAssociation, {
      transit_gateway_attachment_id: ref(att.resource, "id"),
      transit_gateway_route_table_id: ref((att.routeTable as TransitGatewayRouteTable).resource, "id"),
    });
    expect(att.availabilityZones).toEqual(["us-gov-west-1a", "us-gov-west-1b"]);
  });

  test("fails when a VPC attachment has two subnets in one zone", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    expect(
      () =>
        new TransitGatewayVpcAttachment(stack, "A", {
          transitGateway: tgw,
          vpc,
          subnets: [...SUBNETS, { availabilityZone: "us-gov-west-1a", subnetId: "subnet-0c" }],
        }),
    ).toThrow(/`subnets\[2\].availabilityZone` us-gov-west-1a is the zone of an earlier subnet/);
  });

  test("fails when a VPC attachment has no subnet", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    expect(
      () => new TransitGatewayVpcAttachment(stack, "A", { transitGateway: tgw, vpc, subnets: [] }),
    ).toThrow(/`subnets` \[\] is empty/);
  });

  test("fails when the same VPC is attached twice to one transit gateway", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    new TransitGatewayVpcAttachment(stack, "A", { transitGateway: tgw, vpc, subnets: SUBNETS });
    expect(
      () => new TransitGatewayVpcAttachment(stack, "B", { transitGateway: tgw, vpc, subnets: SUBNETS }),
    ).toThrow(/`vpc` vpc-0abc is already attached to this transit gateway by test\/A/);
  });

  test("fails when the route table quota is reached (numbers in the message), counted across stacks", () => {
    const app = Testing.app();
    const { stack: platform } = setup(app, "platform");
    const tgw = new TransitGateway(platform, "TransitGateway", { quotas: { routeTables: 3 } });
    const tenants = [1, 2, 3].map((i) => setup(app, `tenant${i}`).stack);
    new TransitGatewayRouteTable(tenants[0], "Table", { transitGateway: tgw });
    new TransitGatewayRouteTable(tenants[1], "Table", { transitGateway: tgw });
    new TransitGatewayRouteTable(tenants[2], "Table", { transitGateway: tgw });
    expect(() => new TransitGatewayRouteTable(platform, "Fourth", { transitGateway: tgw })).toThrow(
      /`transitGateway` platform\/TransitGateway would have 4 route tables, over the quota of 3 per transit gateway; AWS's default is adjustable/,
    );
    expect(transitGatewayUsage(platform, tgw).routeTables).toBe(3);
  });

  test("fails when the default quota of 20 route tables is reached", () => {
    const { stack } = setup();
    const tgw = TransitGateway.fromTransitGatewayId(stack, "Tgw", "tgw-0123");
    for (let i = 0; i < 20; i++) new TransitGatewayRouteTable(stack, `T${i}`, { transitGateway: tgw });
    expect(() => new TransitGatewayRouteTable(stack, "T20", { transitGateway: tgw })).toThrow(
      /tgw-0123 would have 21 route tables, over the quota of 20 per transit gateway/,
    );
  });

  test("fails when the route quota is reached", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway", { quotas: { routes: 2 } });
    const att = new TransitGatewayVpcAttachment(stack, "A", { transitGateway: tgw, vpc, subnets: SUBNETS });
    const table = new TransitGatewayRouteTable(stack, "Table", { transitGateway: tgw });
    table.addRoute("10.40.0.0/22", att);
    table.addRoute("10.40.4.0/22", att);
    expect(() => table.addRoute("10.40.8.0/22", att)).toThrow(
      /would have 3 routes, over the quota of 2 per transit gateway/,
    );
  });

  test("routes are addressed by prefix; fails when one table gets two routes for one prefix", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const att = new TransitGatewayVpcAttachment(stack, "A", { transitGateway: tgw, vpc, subnets: SUBNETS });
    const route = att.routeTable as TransitGatewayRouteTable;
    new TransitGatewayRoute(stack, "R1", {
      routeTable: route,
      destinationCidrBlock: "192.168.10.0/24",
      attachment: att,
    });
    expect(
      () =>
        new TransitGatewayRoute(stack, "R2", {
          routeTable: route,
          destinationCidrBlock: "192.168.10.0/24",
          attachment: att,
        }),
    ).toThrow(
      /`destinationCidrBlock` 192.168.10.0\/24 already has a route in this transit gateway route table \(test\/R1\)/,
    );
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Ec2TransitGatewayRoute, {
      destination_cidr_block: "192.168.10.0/24",
    });
  });

  test("fails when a transit gateway route is 0.0.0.0/0", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const att = new TransitGatewayVpcAttachment(stack, "A", { transitGateway: tgw, vpc, subnets: SUBNETS });
    expect(() => (att.routeTable as TransitGatewayRouteTable).addRoute("0.0.0.0/0", att)).toThrow(
      /destinationCidrBlock/,
    );
  });
});

describe("VpnConnection on a transit gateway", () => {
  function withTgw() {
    const s = setup();
    const tgw = new TransitGateway(s.stack, "TransitGateway", { amazonSideAsn: 64600 });
    const table = new TransitGatewayRouteTable(s.stack, "Table", { transitGateway: tgw });
    const cgw = new CustomerGateway(s.stack, "Cgw", { ipAddress: "18.188.145.101" });
    return { ...s, tgw, table, cgw };
  }

  test("transit_gateway_id instead of vpn_gateway_id, associated with the tenant's table, no aws_vpn_connection_route", () => {
    const s = withTgw();
    const vpn = new VpnConnection(s.stack, "Vpn", {
      transitGateway: s.tgw,
      transitGatewayRouteTable: s.table,
      customerGateway: s.cgw,
      staticRoutes: ["192.168.100.0/24"],
    });
    const json = synthJson(s.stack);
    const conn = Object.values(resourcesOfType(json, "aws_vpn_connection"))[0];
    expect(conn.transit_gateway_id).toBe(ref(s.tgw.resource, "id"));
    expect(conn.vpn_gateway_id).toBeUndefined();
    expect(conn.static_routes_only).toBe(true);
    expect(resourcesOfType(json, "aws_vpn_connection_route")).toEqual({});
    expect(Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_route_table_association"))).toEqual([
      {
        transit_gateway_attachment_id: ref(vpn.resource, "transit_gateway_attachment_id"),
        transit_gateway_route_table_id: ref(s.table.resource, "id"),
      },
    ]);
  });

  test("the 10-per-gateway quota applies to virtual private gateways only: 12 connections on one transit gateway", () => {
    const s = withTgw();
    for (let i = 1; i <= 12; i++) {
      const cgw = new CustomerGateway(s.stack, `Cgw${i}`, { ipAddress: `18.188.145.${i}` });
      new VpnConnection(s.stack, `Vpn${i}`, { transitGateway: s.tgw, customerGateway: cgw });
    }
    expect(Object.keys(resourcesOfType(synthJson(s.stack), "aws_vpn_connection"))).toHaveLength(12);
    expect(transitGatewayUsage(s.stack, s.tgw).attachments).toBe(12);
  });

  test("fails when an inside CIDR is reused on the same transit gateway, across stacks", () => {
    const app = Testing.app();
    const a = setup(app, "a");
    const b = setup(app, "b");
    const tgw = new TransitGateway(a.stack, "TransitGateway");
    new VpnConnection(a.stack, "Vpn", {
      transitGateway: tgw,
      customerGateway: new CustomerGateway(a.stack, "Cgw", { ipAddress: "18.188.145.101" }),
      tunnel1: { insideCidr: "169.254.10.0/30" },
    });
    expect(
      () =>
        new VpnConnection(b.stack, "Vpn", {
          transitGateway: tgw,
          customerGateway: new CustomerGateway(b.stack, "Cgw", { ipAddress: "18.188.145.102" }),
          tunnel2: { insideCidr: "169.254.10.0/30" },
        }),
    ).toThrow(/`tunnel2.insideCidr` 169.254.10.0\/30 is already used by a\/Vpn \(tunnel 1\)/);
  });

  test("inside CIDRs are keyed on the gateway: the same /30 on a virtual private gateway and a transit gateway is fine", () => {
    const s = withTgw();
    const vgw = new VpnGateway(s.stack, "Vgw", { vpc: s.vpc });
    new VpnConnection(s.stack, "OnVgw", {
      vpnGateway: vgw,
      customerGateway: s.cgw,
      tunnel1: { insideCidr: "169.254.10.0/30" },
    });
    new VpnConnection(s.stack, "OnTgw", {
      transitGateway: s.tgw,
      customerGateway: s.cgw,
      tunnel1: { insideCidr: "169.254.10.0/30" },
    });
    expect(Object.keys(resourcesOfType(synthJson(s.stack), "aws_vpn_connection"))).toHaveLength(2);
  });

  test("fails when the customer ASN equals the transit gateway's Amazon-side ASN", () => {
    const s = withTgw();
    const cgw = new CustomerGateway(s.stack, "Bgp", { ipAddress: "18.188.145.103", bgpAsn: 64600 });
    const attempt = () => new VpnConnection(s.stack, "Vpn", { transitGateway: s.tgw, customerGateway: cgw });
    // the message names the gateway the clash is with: the transit gateway, not a virtual private gateway
    expect(attempt).toThrow(
      "[PE-VPN-005] `customerGateway.bgpAsn` 64600 equals the transit gateway's Amazon-side ASN; give the customer gateway and the transit gateway different ASNs",
    );
  });

  test("fails when both or neither gateway is given", () => {
    const s = withTgw();
    const vgw = new VpnGateway(s.stack, "Vgw", { vpc: s.vpc });
    expect(
      () =>
        new VpnConnection(s.stack, "Both", {
          vpnGateway: vgw,
          transitGateway: s.tgw,
          customerGateway: s.cgw,
        }),
    ).toThrow(/`vpnGateway` both names both a virtual private gateway and a transit gateway/);
    expect(() => new VpnConnection(s.stack, "Neither", { customerGateway: s.cgw })).toThrow(
      /`vpnGateway` neither names neither/,
    );
  });

  test("fails when transitGatewayRouteTable is given on a virtual private gateway", () => {
    const s = withTgw();
    const vgw = new VpnGateway(s.stack, "Vgw", { vpc: s.vpc });
    expect(
      () =>
        new VpnConnection(s.stack, "Vpn", {
          vpnGateway: vgw,
          transitGatewayRouteTable: s.table,
          customerGateway: s.cgw,
        }),
    ).toThrow(/`transitGatewayRouteTable`/);
  });
});

describe("PrivateEgressEnvironment on a transit gateway", () => {
  const base = {
    tenant: { org: "agency-prod", spaces: ["app"] },
    customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
    privateCidrs: ["192.168.100.0/24", "172.20.0.0/16"],
    expectedApps: 10,
    cells: { baseCell: foundationBaseCell({}) },
    controlPlane: FOUNDATION_CONTROL_PLANE,
  };

  test("own VPC: attachment on the dedicated cell subnets, one table per tenant with routes only to its segment", () => {
    const { stack } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const env = new PrivateEgressEnvironment(stack, "Agency", { ...base, transitGateway: tgw });
    const json = synthJson(stack);
    // no virtual private gateway
    expect(resourcesOfType(json, "aws_vpn_gateway")).toEqual({});
    expect(env.vpnGateway).toBeUndefined();
    const att = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment"));
    expect(att).toHaveLength(1);
    expect((att[0].subnet_ids as string[]).map((id) => id.replace(/[0-9A-F]{8}\.id\}$/, ""))).toEqual(
      env.network.subnets.map((s) => `\${aws_subnet.Agency_Network_${s.availabilityZone}_CellSubnet_`),
    );
    // the tenant's table: its cell subnets to the VPC, its CIDRs to its VPN
    const routes = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_route")).map((r) => [
      r.destination_cidr_block,
      String(r.transit_gateway_attachment_id).split(".")[0],
    ]);
    expect(routes.sort()).toEqual(
      [
        ...env.network.subnetCidrs.map((c) => [c, "${aws_ec2_transit_gateway_vpc_attachment"]),
        ["192.168.100.0/24", "${aws_vpn_connection"],
        ["172.20.0.0/16", "${aws_vpn_connection"],
      ].sort(),
    );
    // the segment's route tables send the tenant's CIDRs to the transit gateway
    const segmentRoutes = Object.values(resourcesOfType(json, "aws_route")).filter(
      (r) => r.transit_gateway_id,
    );
    expect(segmentRoutes.map((r) => r.destination_cidr_block).sort()).toEqual(
      ["172.20.0.0/16", "172.20.0.0/16", "192.168.100.0/24", "192.168.100.0/24"].sort(),
    );
    expect(
      segmentRoutes.every((r) => (r.depends_on as string[]).some((d) => d.includes("vpc_attachment"))),
    ).toBe(true);
    const tgwRef = `\${aws_ec2_transit_gateway.${Object.keys(resourcesOfType(json, "aws_ec2_transit_gateway"))[0]}.id}`;
    expect(tgw.resource.node.id).toBe("Resource");
    expect(segmentRoutes.every((r) => r.transit_gateway_id === tgwRef)).toBe(true);
    expect(Object.values(resourcesOfType(json, "aws_vpn_connection"))[0].transit_gateway_id).toBe(tgwRef);
  });

  test("alarms, tunnel logs, keys in Secrets Manager and the hand-off work the same on a transit gateway", () => {
    const { stack } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const env = new PrivateEgressEnvironment(stack, "Agency", { ...base, transitGateway: tgw });
    new PrivateEgressHandoff(stack, "Handoff", { environment: env });
    const json = synthJson(stack);
    const conn = Object.values(resourcesOfType(json, "aws_vpn_connection"))[0];
    expect(conn.preshared_key_storage).toBe("SecretsManager");
    expect(conn.tunnel1_log_options.cloudwatch_log_options.log_enabled).toBe(true);
    expect(Object.keys(resourcesOfType(json, "aws_cloudwatch_metric_alarm"))).toHaveLength(3);
    const outputs = Object.keys(json.output ?? {});
    expect(outputs).toContain("agency_egress_ips");
    expect(outputs.filter((o) => o.startsWith("agency_vpn")).length).toBeGreaterThan(0);
    expect(JSON.stringify(json.output)).toContain(".tunnel1_address}");
  });

  test("the VPN's addresses do not depend on the gateway kind (only the gateway resources differ)", () => {
    const vgwStack = setup().stack;
    new PrivateEgressEnvironment(vgwStack, "Agency", base);
    const tgwStack = setup().stack;
    new PrivateEgressEnvironment(tgwStack, "Agency", {
      ...base,
      transitGateway: TransitGateway.fromTransitGatewayId(tgwStack, "Tgw", "tgw-0123"),
    });
    const onVgw = addresses(synthJson(vgwStack)).filter((a) => !/vpn_gateway|vpn_connection_route/.test(a));
    const onTgw = addresses(synthJson(tgwStack)).filter((a) => !/transit_gateway/.test(a));
    expect(onTgw).toEqual(onVgw);
  });

  test("fails when transitGatewayVpcAttachment is given without transitGateway", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const att = new TransitGatewayVpcAttachment(stack, "A", { transitGateway: tgw, vpc, subnets: SUBNETS });
    expect(
      () => new PrivateEgressEnvironment(stack, "Agency", { ...base, transitGatewayVpcAttachment: att }),
    ).toThrow(/`transitGatewayVpcAttachment` .* is given without `transitGateway`/);
  });

  test("fails when secondCustomerEndpoint is given with a transit gateway", () => {
    const { stack } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    expect(
      () =>
        new PrivateEgressEnvironment(stack, "Agency", {
          ...base,
          transitGateway: tgw,
          secondCustomerEndpoint: { ip: "18.188.145.102", device: CustomerDevice.OPENSWAN },
        }),
    ).toThrow(/`secondCustomerEndpoint` 18.188.145.102 cannot be used with a transit gateway/);
  });

  test("fails when a segment zone is not in the shared attachment", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const att = new TransitGatewayVpcAttachment(stack, "A", {
      transitGateway: tgw,
      vpc,
      subnets: [SUBNETS[0]],
    });
    expect(
      () =>
        new PrivateEgressEnvironment(stack, "Agency", {
          ...base,
          vpc,
          internetGateway: { internetGatewayId: "igw-0abc" },
          transitGateway: tgw,
          transitGatewayVpcAttachment: att,
        }),
    ).toThrow(/`availabilityZones` us-gov-west-1b has no subnet in the transit gateway's VPC attachment/);
  });

  test("fails when a second tenant in one VPC would attach the VPC again", () => {
    const { stack, vpc } = setup();
    const tgw = new TransitGateway(stack, "TransitGateway");
    const shared = { vpc, internetGateway: { internetGatewayId: "igw-0abc" }, transitGateway: tgw };
    new PrivateEgressEnvironment(stack, "A", { ...base, ...shared, segmentCidrBlock: "10.40.0.0/19" });
    expect(
      () =>
        new PrivateEgressEnvironment(stack, "B", {
          ...base,
          ...shared,
          tenant: { org: "other", spaces: ["app"] },
          privateCidrs: ["192.168.200.0/24"],
          customerEndpoint: { ip: "18.188.145.102", device: CustomerDevice.OPENSWAN },
          segmentCidrBlock: "10.40.32.0/19",
        }),
    ).toThrow(
      /`vpc` vpc-0abc is already attached to this transit gateway by test\/A\/TransitGatewayVpcAttachment/,
    );
  });
});
