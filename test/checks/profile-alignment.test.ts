import { Testing, TerraformStack } from "cdktf";
import { CustomerGateway } from "../../lib/aws/customer-gateway";
import { VpnCryptoProfile } from "../../lib/aws/crypto-profile";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { VpnConnection } from "../../lib/aws/vpn-connection";
import { VpnGateway } from "../../lib/aws/vpn-gateway";
import { PolicyPack } from "../../lib/checks/pack";
import { PolicyProfile } from "../../lib/checks/profiles";

// The library's crypto profiles and the pack's profiles must agree: what the constructs configure
// by default passes the strict profile, and the cloud.gov baseline passes the compat profile.
function vpnFindings(profile: PolicyProfile, cryptoProfile?: VpnCryptoProfile): string[] {
  const stack = new TerraformStack(Testing.app(), "s");
  const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0123456789abcdef0",
    vpcCidrBlock: "10.40.0.0/16",
  });
  const vpnGateway = new VpnGateway(stack, "Vgw", { vpc });
  const customerGateway = new CustomerGateway(stack, "Cgw", { ipAddress: "18.188.145.101" });
  new VpnConnection(stack, "Vpn", {
    vpnGateway,
    customerGateway,
    staticRoutes: ["192.168.100.0/24"],
    cryptoProfile,
  });
  const pack = PolicyPack.applyTo(stack, { profile });
  Testing.synth(stack);
  return pack
    .findings()
    .filter((f) => /^PE-AWS-VPN-00[1-4]$/.test(f.ruleId) && f.suppressedBecause === undefined)
    .map((f) => `${f.ruleId} ${f.severity}`);
}

describe("crypto profiles and policy profiles agree", () => {
  test("VpnCryptoProfile.strict() (the default) has no IKE/crypto findings under federal-strict", () => {
    expect(vpnFindings(PolicyProfile.FEDERAL_STRICT)).toEqual([]);
  });

  test("VpnCryptoProfile.cloudGovIkev1() only warns under cloud-gov-compat and fails federal-strict", () => {
    expect(
      vpnFindings(PolicyProfile.CLOUD_GOV_COMPAT, VpnCryptoProfile.cloudGovIkev1()).every((f) =>
        f.endsWith("warning"),
      ),
    ).toBe(true);
    expect(vpnFindings(PolicyProfile.FEDERAL_STRICT, VpnCryptoProfile.cloudGovIkev1())).toEqual(
      expect.arrayContaining(["PE-AWS-VPN-001 error", "PE-AWS-VPN-003 error"]),
    );
  });
});
