/**
 * Issue #11's listed cases: each bad request gets a named error with the prop as the user wrote it,
 * the value as given and the real problem; and the listed valid-but-refused request builds.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import {
  CustomerDevice,
  CustomerGateway,
  VpnConnection,
  PrivateEgressEnvironment,
  PrivateEgressEnvironmentProps,
  PrivateEgressError,
  VpnGateway,
  VpcReference,
} from "../../lib";
import { privateServiceOutsideCidrs } from "../../lib/core/errors-environment";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { resourcesOfType, synthJson } from "../support/synth";

const REQUEST: PrivateEgressEnvironmentProps = {
  tenant: { org: "agency-prod", spaces: ["app", "batch"] },
  customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
  privateCidrs: ["192.168.100.0/24"],
  expectedApps: 40,
  controlPlane: FOUNDATION_CONTROL_PLANE,
  cells: { baseCell: foundationBaseCell({}) },
};

function stack(region = "us-gov-west-1"): TerraformStack {
  const s = new TerraformStack(Testing.app(), "s");
  new AwsProvider(s, "aws", { region });
  return s;
}

function errorOf(over: Partial<PrivateEgressEnvironmentProps>): PrivateEgressError {
  try {
    new PrivateEgressEnvironment(stack(), "Agency", { ...REQUEST, ...over });
  } catch (e) {
    if (e instanceof PrivateEgressError) return e;
    throw e;
  }
  throw new Error("expected a PrivateEgressError");
}

describe("issue #11: messages say what the user wrote", () => {
  const cases: Array<[string, Partial<PrivateEgressEnvironmentProps>, string, string]> = [
    [
      "the org name holds a newline",
      { tenant: { org: "agency\nprod", spaces: ["app"] } },
      "tenant.org",
      '[PE-INPUT-006] `tenant.org` "agency\\nprod" contains a control character (U+000a)',
    ],
    [
      "the customer IP is a literal Terraform reference",
      { customerEndpoint: { ip: "${aws_eip.vpn.public_ip}", device: CustomerDevice.OPENSWAN } },
      "customerEndpoint.ip",
      '`customerEndpoint.ip` "${aws_eip.vpn.public_ip}" contains Terraform template syntax `${`',
    ],
    [
      "the customer IP is private",
      { customerEndpoint: { ip: "10.1.1.1", device: CustomerDevice.OPENSWAN } },
      "customerEndpoint.ip",
      "`customerEndpoint.ip` 10.1.1.1",
    ],
    [
      "expectedApps is 100000 (a range problem, not a shape one)",
      { expectedApps: 100000 },
      "expectedApps",
      "[PE-ENV-008] `expectedApps` 100000 is out of range; give an integer from 1 to 10000",
    ],
    [
      "expectedApps is 2.5",
      { expectedApps: 2.5 },
      "expectedApps",
      "`expectedApps` 2.5 is not a whole number of applications",
    ],
    [
      "privateCidrs is empty (it is required: no 'omit the prop to use BGP')",
      { privateCidrs: [] },
      "privateCidrs",
      "[PE-ENV-013] `privateCidrs` [] is empty; give at least one of the tenant's private CIDRs",
    ],
    [
      "the second private CIDR is malformed",
      { privateCidrs: ["192.168.100.0/24", "192.168.300.0/24"] },
      "privateCidrs[1]",
      "`privateCidrs[1]` 192.168.300.0/24",
    ],
    [
      "the availability zones are of another region than the stack's provider",
      { availabilityZones: ["us-east-1a", "us-east-1b"] },
      "availabilityZones[0]",
      "[PE-ENV-011] `availabilityZones[0]` us-east-1a is not a zone of region us-gov-west-1, the region of the stack's AWS provider",
    ],
    [
      "the second endpoint has the primary's IP",
      { secondCustomerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.STRONGSWAN, bgpAsn: 65010 } },
      "secondCustomerEndpoint.ip",
      "[PE-ENV-012] `secondCustomerEndpoint.ip` 18.188.145.101 is also `customerEndpoint.ip`",
    ],
    [
      "a private CIDR's octet is out of range (it is not an address; alignment is not the problem)",
      { privateCidrs: ["169.254.300.0/30"] },
      "privateCidrs[0]",
      "`privateCidrs[0]` 169.254.300.0/30 is not an IPv4 address: octet 300 is out of range (0-255)",
    ],
    [
      "a private CIDR is IPv6",
      { privateCidrs: ["2001:db8::/32"] },
      "privateCidrs[0]",
      "`privateCidrs[0]` 2001:db8::/32 is an IPv6 CIDR: IPv6 is not supported",
    ],
    [
      "a private CIDR has host bits set",
      { privateCidrs: ["192.168.100.7/24"] },
      "privateCidrs[0]",
      "`privateCidrs[0]` 192.168.100.7/24 has host bits set: it is not network-aligned (did you mean 192.168.100.0/24?)",
    ],
    [
      "the cells do not fit the cell subnets: the hint names a prop the environment has",
      { expectedApps: 10000, cellSubnetPrefix: 24 },
      "expectedApps",
      "[PE-ENV-014] `expectedApps` 10000 needs 668 cells (the capacity plan), 334 per availability zone over 2 zone(s), but a /24 cell subnet has 251 usable addresses (AWS reserves 5 per subnet); give `cellSubnetPrefix` 23 (or shorter), more `availabilityZones`",
    ],
    [
      "the isolation segment name is invalid",
      { isolationSegmentName: "x".repeat(300) },
      "isolationSegmentName",
      "`isolationSegmentName` xxxxxxxx",
    ],
  ];

  test.each(cases)("fails when %s", (_title, over, prop, fragment) => {
    const e = errorOf(over);
    expect(e.prop).toBe(prop);
    expect(e.message).toContain(fragment);
  });

  test("THEN the capacity hint works at the environment's level: the prefix it names builds", () => {
    const s = stack();
    const env = new PrivateEgressEnvironment(s, "Agency", {
      ...REQUEST,
      expectedApps: 10000,
      cellSubnetPrefix: 23,
    });
    expect(env.capacityPlan.cells).toBe(668);
  });

  test("fails when a VPN gateway is full: the gateway shows as its Terraform address, not a token marker", () => {
    const s = stack();
    const vpc = VpcReference.fromVpcAttributes(s, "Vpc", { vpcId: "vpc-0123", vpcCidrBlock: "10.40.0.0/16" });
    const vpnGateway = new VpnGateway(s, "Vgw", { vpc });
    const add = (i: number) =>
      new VpnConnection(s, `Vpn${i}`, {
        vpnGateway,
        customerGateway: CustomerGateway.fromCustomerGatewayId(
          s,
          `Cgw${i}`,
          `cgw-0123456789abcde${i.toString(16).padStart(2, "0")}`,
        ),
        staticRoutes: [`192.168.${i}.0/24`],
      });
    for (let i = 0; i < 10; i++) add(i);
    let message = "";
    try {
      add(10);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("[PE-VPN-036] `vpnGateway` aws_vpn_gateway.Vgw_");
    expect(message).toContain("(known only at apply) already has 10 VPN connections");
    expect(message).not.toContain("TfToken");
  });

  test("fails when a private CIDR is IPv6, in a building block too (one wording for every CIDR prop)", () => {
    const s = stack();
    const vpnGateway = VpnGateway.fromVpnGatewayId(s, "Vgw", "vgw-0123456789abcdef0");
    const customerGateway = CustomerGateway.fromCustomerGatewayId(s, "Cgw", "cgw-0123456789abcdef0");
    expect(
      () => new VpnConnection(s, "Vpn", { vpnGateway, customerGateway, staticRoutes: ["2001:db8::/32"] }),
    ).toThrow("`staticRoutes[0]` 2001:db8::/32 is an IPv6 CIDR: IPv6 is not supported");
    expect(
      () =>
        new VpnConnection(s, "Vpn2", {
          vpnGateway,
          customerGateway,
          staticRoutes: ["192.168.100.0/24"],
          tunnel1: { insideCidr: "169.254.300.0/30" },
        }),
    ).toThrow("169.254.300.0/30 is not an IPv4 address: octet 300 is out of range (0-255)");
  });

  test("fails when a private service is outside an empty list of CIDRs: the message does not print an empty list", () => {
    expect(privateServiceOutsideCidrs("privateServices[0].host", "192.168.100.30", []).message).toContain(
      "add its network to `privateCidrs` (it is empty)",
    );
  });
});

describe("issue #11: the valid request that was refused", () => {
  test("THEN a gateway with Amazon-side ASN 65000 and no customer ASN gets customer ASN 65001, not its own default", () => {
    const s = stack();
    const vpc = VpcReference.fromVpcAttributes(s, "Vpc", { vpcId: "vpc-0123", vpcCidrBlock: "10.40.0.0/16" });
    const vpnGateway = new VpnGateway(s, "Vgw", { vpc, amazonSideAsn: 65000 });
    new PrivateEgressEnvironment(s, "Agency", {
      ...REQUEST,
      vpc,
      internetGateway: { internetGatewayId: "igw-0123" },
      vpnGateway,
    });
    const gateways = Object.values(resourcesOfType(synthJson(s), "aws_customer_gateway"));
    expect(gateways.map((g) => g.bgp_asn)).toEqual(["65001"]);
  });
});
