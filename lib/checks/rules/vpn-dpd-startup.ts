import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS, tunnelArg, tunnelOptionErrors, tunnelString } from "../tunnels";

const FIELDS = /_(dpd_timeout_seconds|dpd_timeout_action|startup_action)$/;

/**
 * PE-AWS-VPN-009: dead peer detection and startup on both tunnels: DPD timeout at least 30 s, an
 * action that acts (`clear` or `restart`, never `none`), and `startup_action = "start"` only with
 * IKEv2 only. Reuses `checkTunnelOptions` of `lib/aws/vpn-validation.ts` for AWS's own limits.
 *
 * Mirrors no public scanner check; supports AWS Config `vpc-vpn-2-tunnels-up` (a dead tunnel is
 * torn down and renegotiated rather than left half-open).
 */
export const vpnDpdStartup: PolicyRule = {
  id: "PE-AWS-VPN-009",
  title: "VPN tunnels detect dead peers (timeout >= 30 s, action clear/restart) and start consistently",
  mirrors: "- (supports AWS Config vpc-vpn-2-tunnels-up)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const problems = ["tunnel1", "tunnel2"].flatMap((t) =>
      tunnelOptionErrors(object.values, t)
        .filter((e) => FIELDS.test(e.prop))
        .map((e) => e.message),
    );
    for (const t of TUNNELS) {
      if (tunnelString(object.values, t, "dpd_timeout_action") === "none") {
        problems.push(
          `\`${tunnelArg(t, "dpd_timeout_action")}\` none leaves a dead tunnel up; use "clear" (AWS default) or "restart"`,
        );
      }
    }
    return outcome(problems);
  },
};
