/**
 * Issue #11's listed cases: each bad request gets a named error with the prop as the user wrote it,
 * the value as given and the real problem; and the listed valid-but-refused request builds.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import {
  CustomerDevice,
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
