import { CustomerGateway as CfnCustomerGateway } from "@cdktf/provider-aws/lib/customer-gateway";
import { TerraformStack, Testing } from "cdktf";
import { CustomerGateway, CustomerGatewayProps } from "../../lib/aws/customer-gateway";
import { synthJson, SynthJson } from "../support/synth";

const stackOf = () => new TerraformStack(Testing.app(), "test");

describe("CustomerGateway", () => {
  test("snapshot (required props only)", () => {
    const stack = stackOf();
    new CustomerGateway(stack, "CustomerGateway", { ipAddress: "18.188.145.101" });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test("defaults: ipsec.1, ASN 65000, create_before_destroy and prevent_destroy", () => {
    const stack = stackOf();
    const cgw = new CustomerGateway(stack, "CustomerGateway", { ipAddress: "18.188.145.101" });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(CfnCustomerGateway, {
      type: "ipsec.1",
      ip_address: "18.188.145.101",
      bgp_asn: "65000",
      lifecycle: { create_before_destroy: true, prevent_destroy: true, ignore_changes: ["device_name"] },
    });
    const r = Object.values(synthJson(stack).resource.aws_customer_gateway)[0] as SynthJson;
    expect(r.bgp_asn_extended).toBeUndefined();
    expect(r.device_name).toBeUndefined();
    expect(cgw.bgpAsn).toBe(65000);
    expect(cgw.resource.node.id).toBe("Resource");
  });

  test("overrides: 4-byte ASN goes to bgp_asn_extended, device, certificate, allowDestroy", () => {
    const stack = stackOf();
    new CustomerGateway(stack, "CustomerGateway", {
      ipAddress: "18.188.145.101",
      bgpAsn: 4200000001,
      deviceName: "openswan",
      certificateArn: "arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/abc-123",
      allowDestroy: true,
    });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(CfnCustomerGateway, {
      bgp_asn_extended: "4200000001",
      device_name: "openswan",
      certificate_arn: "arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/abc-123",
      lifecycle: { create_before_destroy: true, prevent_destroy: false, ignore_changes: ["device_name"] },
    });
    const r = Object.values(synthJson(stack).resource.aws_customer_gateway)[0] as SynthJson;
    expect(r.bgp_asn).toBeUndefined();
  });

  test("2147483647 is the last ASN in bgp_asn", () => {
    const stack = stackOf();
    new CustomerGateway(stack, "A", { ipAddress: "18.188.145.101", bgpAsn: 2147483647 });
    new CustomerGateway(stack, "B", { ipAddress: "18.188.145.102", bgpAsn: 2147483648 });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(CfnCustomerGateway, { bgp_asn: "2147483647" });
    expect(synth).toHaveResourceWithProperties(CfnCustomerGateway, { bgp_asn_extended: "2147483648" });
  });

  test("imports by id or attributes, creating nothing", () => {
    const stack = stackOf();
    const a = CustomerGateway.fromCustomerGatewayId(stack, "A", "cgw-0123");
    const b = CustomerGateway.fromCustomerGatewayAttributes(stack, "B", {
      customerGatewayId: "cgw-0456",
      bgpAsn: 65001,
    });
    expect(a.customerGatewayId).toBe("cgw-0123");
    expect(b.bgpAsn).toBe(65001);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  describe("fails when …", () => {
    const cases: Array<[string, Partial<CustomerGatewayProps>, RegExp]> = [
      [
        "ipAddress is not an IPv4 address",
        { ipAddress: "18.188.145" },
        /`ipAddress` 18\.188\.145 is not an IPv4 address/,
      ],
      [
        "ipAddress has leading zeros",
        { ipAddress: "18.188.145.010" },
        /`ipAddress` 18\.188\.145\.010 is not an IPv4 address/,
      ],
      [
        "ipAddress is RFC 1918",
        { ipAddress: "192.168.1.1" },
        /`ipAddress` 192\.168\.1\.1 is not a public unicast address \(it is private\)/,
      ],
      ["ipAddress is loopback", { ipAddress: "127.0.0.1" }, /`ipAddress` 127\.0\.0\.1 .*loopback/],
      ["ipAddress is link-local", { ipAddress: "169.254.0.1" }, /`ipAddress` 169\.254\.0\.1 .*linkLocal/],
      ["ipAddress is CGNAT", { ipAddress: "100.64.1.1" }, /`ipAddress` 100\.64\.1\.1 .*carrierGradeNat/],
      ["ipAddress is multicast", { ipAddress: "224.0.0.5" }, /`ipAddress` 224\.0\.0\.5 .*multicast/],
      ["ipAddress is reserved", { ipAddress: "240.1.1.1" }, /`ipAddress` 240\.1\.1\.1 .*reserved/],
      [
        "ipAddress is a benchmarking address",
        { ipAddress: "198.18.0.1" },
        /`ipAddress` 198\.18\.0\.1 is not a public unicast/,
      ],
      [
        "bgpAsn is 0",
        { bgpAsn: 0 },
        /`bgpAsn` 0 is not a valid BGP ASN; use an integer from 1 to 4294967294/,
      ],
      ["bgpAsn is above 4294967294", { bgpAsn: 4294967295 }, /`bgpAsn` 4294967295/],
      ["bgpAsn is not an integer", { bgpAsn: 65000.5 }, /`bgpAsn` 65000\.5/],
      ["deviceName is empty", { deviceName: "" }, /`deviceName` "" is not a valid device name/],
      [
        "deviceName is longer than 255",
        { deviceName: "x".repeat(256) },
        /`deviceName` x+ is not a valid device name/,
      ],
      [
        "certificateArn is not an ACM ARN",
        { certificateArn: "arn:aws:iam::123456789012:server-certificate/x" },
        /`certificateArn` arn:aws:iam/,
      ],
    ];
    test.each(cases)("fails when %s", (_t, props, message) => {
      expect(() => new CustomerGateway(stackOf(), "Cgw", { ipAddress: "18.188.145.101", ...props })).toThrow(
        message,
      );
    });
  });
});
