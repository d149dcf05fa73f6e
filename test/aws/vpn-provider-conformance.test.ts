// The library's verdict on every row of the AWS conformance table (provider-conformance-table.ts):
// each row either agrees with the provider (terraform validate, hashicorp/aws 5.100.0) and AWS, or is
// an apply-time refusal the library makes first, or a deliberate difference with its reason (listed in
// docs/conformance.md). The provider's own verdicts on the same rows are checked with the real binary
// in test/terraform/provider-conformance.test.ts.
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, Token } from "cdktf";
import { VpnCryptoProfile } from "../../lib/aws/crypto-profile";
import { VpnGateway } from "../../lib/aws/vpn-gateway";
import { VpcReference } from "../../lib/aws/vpc-reference";
import {
  checkCustomerAsn,
  checkCustomerGateway,
  checkCustomerGatewayResource,
  checkInsideCidrsDiffer,
  checkPresharedKeyFormat,
  checkStaticRoutes,
  checkTunnelInsideCidr,
  checkVpnConnectionResource,
} from "../../lib/aws/vpn-validation";
import { PolicyRule } from "../../lib/checks/rule";
import {
  customerGatewayArguments,
  vpnConnectionArguments,
  vpnDpdStartup,
  vpnInsideCidrs,
  vpnKeyLiteral,
  vpnLifetimes,
} from "../../lib/checks/rules";
import { StackView, TerraformObjectView } from "../../lib/checks/view";
import { libraryRefuses, PROVIDER_ROWS, ProviderRow, rowResource } from "./provider-conformance-table";

const check = (row: ProviderRow) =>
  row.resource === "aws_vpn_connection"
    ? checkVpnConnectionResource(rowResource(row))
    : checkCustomerGatewayResource(rowResource(row));

describe("AWS provider conformance table: the library's verdict per row", () => {
  test.each(PROVIDER_ROWS.map((r) => [r.id, r] as const))("%s", (_id, row) => {
    // GIVEN one argument of a valid resource set to the row's value
    // WHEN the pure resource validator runs
    const errors = check(row);
    // THEN it refuses exactly what the provider or AWS refuses (or what the library refuses on purpose)
    expect(errors.length > 0).toBe(libraryRefuses(row));
    if (libraryRefuses(row)) {
      expect(errors.map((e) => e.message).join("\n")).toContain(row.librarySays);
    }
    if (row.category !== "agree") expect(row.reason?.length ?? 0).toBeGreaterThan(20);
  });

  test("counts: rows, agreement and the listed differences", () => {
    const count = (c: string) => PROVIDER_ROWS.filter((r) => r.category === c).length;
    expect({
      rows: PROVIDER_ROWS.length,
      agree: count("agree"),
      apply: count("apply"),
      deliberate: count("deliberate"),
    }).toEqual({ rows: 264, agree: 231, apply: 26, deliberate: 7 });
  });

  test("docs/conformance.md lists every apply-time refusal and deliberate difference", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/conformance.md"), "utf8");
    const missing = PROVIDER_ROWS.filter((r) => r.category !== "agree" && !doc.includes(`\`${r.id}\``));
    expect(missing.map((r) => r.id)).toEqual([]);
  });
});

/** One synthesized object, as the policy pack sees it. */
function view(row: ProviderRow): TerraformObjectView {
  return {
    isDataSource: false,
    type: row.resource,
    name: row.id,
    address: `${row.resource}.${row.id}`,
    values: rowResource(row),
    suppressions: [],
  };
}

describe("the policy pack checks raw resources with the same validators", () => {
  const rules: PolicyRule[] = [
    vpnConnectionArguments,
    vpnLifetimes,
    vpnDpdStartup,
    vpnInsideCidrs,
    vpnKeyLiteral,
    customerGatewayArguments,
  ];

  test("a raw resource from each row is flagged exactly when the validator refuses it", () => {
    const disagreements = PROVIDER_ROWS.filter((row) => {
      const object = view(row);
      const stack: StackView = { name: "raw", objects: [object], suppressions: [] };
      // validator findings carry a PE-VPN code; PE-AWS-VPN-009's own policy finding (DPD action none) does not
      const problems = rules
        .flatMap((r) => r.evaluate(object, stack).problems)
        .filter((p) => p.startsWith("[PE-VPN-"));
      return problems.length > 0 !== libraryRefuses(row);
    });
    expect(disagreements.map((r) => r.id)).toEqual([]);
  });

  test("fails when a raw customer gateway sets bgp_asn and bgp_asn_extended (PE-AWS-CGW-001)", () => {
    const row = PROVIDER_ROWS.find((r) => r.id === "cgw_bgp_asn_and_extended") as ProviderRow;
    const stack: StackView = { name: "raw", objects: [view(row)], suppressions: [] };
    expect(customerGatewayArguments.evaluate(view(row), stack).problems).toEqual([
      expect.stringMatching(/\[PE-VPN-056\] `bgp_asn_extended` .* is set together with bgp_asn/),
    ]);
  });
});

describe("constructs: the corrected defaults and limits", () => {
  function connection(tunnel: Record<string, unknown>) {
    const stack = new TerraformStack(new App(), "s");
    const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      vpcCidrBlock: "10.40.0.0/16",
    });
    const vgw = new VpnGateway(stack, "Vgw", { vpc });
    return vgw.addConnection("C", {
      customerGatewayIp: "18.188.145.101",
      cryptoProfile: VpnCryptoProfile.strict(),
      staticRoutes: ["192.168.100.0/24"],
      tunnelOptions: tunnel,
    });
  }

  test("accepts a DPD timeout above 3600 s (AWS documents no maximum)", () => {
    expect(() => connection({ dpdTimeoutSeconds: 7200 })).not.toThrow();
  });

  test("fails when rekeyFuzzPercentage is 0 (the provider would send it as unset)", () => {
    expect(() => connection({ rekeyFuzzPercentage: 0 })).toThrow(
      /\[PE-VPN-055\] `tunnel1\.rekeyFuzzPercentage` 0 would not reach AWS/,
    );
    expect(() => VpnCryptoProfile.strict().derive("nofuzz", { rekeyFuzzPercentage: 0 })).toThrow(
      /`cryptoProfile\.rekeyFuzzPercentage` 0/,
    );
  });
});

// aws-cdk's own VPN cases (aws/aws-cdk@07f7f358 packages/aws-cdk-lib/aws-ec2/test/vpn.test.ts, cited by
// test title), the ones that port to this library's validators (its `tunnelOptions` array of up to two has no
// counterpart here: tunnels are `tunnel1`/`tunnel2`).
const CDK = "aws-cdk@07f7f358 packages/aws-cdk-lib/aws-ec2/test/vpn.test.ts";
const CDK_ROWS: Array<{
  src: string;
  check: () => { prop: string; message: string }[];
  cdkValid: boolean;
  ours?: string;
  deliberate?: string;
}> = [
  {
    src: `${CDK} "can add a vpn connection to a vpc with a vpn gateway" (asn 65001)`,
    check: () => checkCustomerAsn(65001),
    cdkValid: true,
  },
  {
    src: `${CDK} "can add a vpn connection to a vpc with a vpn gateway" (ip 192.0.2.1)`,
    check: () => checkCustomerGateway({ ipAddress: "192.0.2.1" }),
    cdkValid: true,
    ours: "`ipAddress` 192.0.2.1 is not a public unicast address",
    deliberate:
      "cgw_ip_address_test_net: 192.0.2.0/24 is TEST-NET-1 (documentation), never a customer endpoint",
  },
  {
    src: `${CDK} "can add a vpn connection later to a vpc that initially had no subnets" (ip 1.2.3.4)`,
    check: () => checkCustomerGateway({ ipAddress: "1.2.3.4" }),
    cdkValid: true,
  },
  {
    src: `${CDK} "fails when ip is invalid"`,
    check: () => checkCustomerGateway({ ipAddress: "192.0.2.256" }),
    cdkValid: false,
    ours: "`ipAddress` 192.0.2.256 is not an IPv4 address",
  },
  {
    src: `${CDK} "with static routing"`,
    check: () => checkStaticRoutes(["192.168.10.0/24", "192.168.20.0/24"]),
    cdkValid: true,
  },
  {
    src: `${CDK} "with tunnel options, using secret value" (inside CIDR)`,
    check: () => checkTunnelInsideCidr("169.254.10.0/30", "tunnel1.insideCidr"),
    cdkValid: true,
  },
  {
    src: `${CDK} "fails with duplicate tunnel inside cidr"`,
    check: () => checkInsideCidrsDiffer("169.254.10.0/30", "169.254.10.0/30"),
    cdkValid: false,
    ours: "`tunnel2.insideCidr` 169.254.10.0/30",
  },
  {
    src: `${CDK} "fails when specifying an invalid pre-shared key"`,
    check: () => checkPresharedKeyFormat("0invalid", "presharedKey"),
    cdkValid: false,
    ours: "starts with 0",
  },
  {
    src: `${CDK} "with tunnel options, using secret value" (key format)`,
    check: () => checkPresharedKeyFormat("secretkey1234", "presharedKey"),
    cdkValid: true,
  },
  {
    src: `${CDK} "fails when specifying a reserved tunnel inside cidr"`,
    check: () => checkTunnelInsideCidr("169.254.1.0/30", "tunnel1.insideCidr"),
    cdkValid: false,
    ours: "is reserved by AWS",
  },
  {
    src: `${CDK} "fails when specifying an invalid tunnel inside cidr"`,
    check: () => checkTunnelInsideCidr("169.200.10.0/30", "tunnel1.insideCidr"),
    cdkValid: false,
    ours: "`tunnel1.insideCidr` 169.200.10.0/30",
  },
  {
    src: `${CDK} "can add a vpn connection with a Token as customer gateway ip"`,
    check: () => checkCustomerGateway({ ipAddress: Token.asString({ Ref: "Ip" }) }),
    cdkValid: true,
  },
];

describe("aws-cdk's portable VPN cases", () => {
  test.each(CDK_ROWS.map((r) => [r.src, r] as const))("%s", (_src, row) => {
    const errors = row.check();
    if (row.deliberate) expect(row.cdkValid && errors.length > 0).toBe(true);
    else expect(errors.length === 0).toBe(row.cdkValid);
    if (errors.length > 0) expect(errors.map((e) => e.message).join("\n")).toContain(row.ours);
  });
});
