import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS, tunnelArg, tunnelList } from "../tunnels";

/**
 * PE-AWS-VPN-001: both tunnels negotiate IKEv2 only (`tunnelN_ike_versions = ["ikev2"]`); unset means
 * AWS's default, which accepts IKEv1 too.
 *
 * Mirrors AWS Config `ec2-vpn-connection-ike-version-check` (NIST SP 800-77 r1 recommends IKEv2).
 * The cloud.gov profile only warns: the seed's published customer baseline is IKEv1.
 */
export const vpnIkeVersion: PolicyRule = {
  id: "PE-AWS-VPN-001",
  title: "VPN tunnels negotiate IKEv2 only",
  mirrors: "AWS Config ec2-vpn-connection-ike-version-check",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const t of TUNNELS) {
      const versions = tunnelList(object.values, t, "ike_versions");
      if (versions === null) continue;
      if (versions === undefined) {
        problems.push(
          `\`${tunnelArg(t, "ike_versions")}\` is unset, so AWS accepts IKEv1 and IKEv2; set ["ikev2"]`,
        );
      } else if (versions.length === 0 || versions.some((v) => v !== "ikev2")) {
        problems.push(
          `\`${tunnelArg(t, "ike_versions")}\` ${JSON.stringify(versions)} allows more than IKEv2; set ["ikev2"]`,
        );
      }
    }
    return outcome(problems);
  },
};
