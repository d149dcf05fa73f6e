import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { tunnelOptionErrors } from "../tunnels";

const FIELDS =
  /_(phase1_lifetime_seconds|phase2_lifetime_seconds|rekey_margin_time_seconds|rekey_fuzz_percentage|replay_window_size)$/;

/**
 * PE-AWS-VPN-004: both tunnels' lifetimes, rekey margin and fuzz, and replay window are within
 * AWS's ranges and consistent (phase 2 below phase 1, margin at most half of phase 2). Reuses
 * `checkTunnelOptions` of `lib/aws/vpn-validation.ts`.
 *
 * Mirrors no public scanner check (AWS rejects out-of-range values only at apply time).
 */
export const vpnLifetimes: PolicyRule = {
  id: "PE-AWS-VPN-004",
  title: "VPN tunnel lifetimes, rekey and replay window are within AWS's ranges and consistent",
  mirrors: "- (AWS API validation at apply time; NIST SP 800-77 r1)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const problems = ["tunnel1", "tunnel2"].flatMap((t) =>
      tunnelOptionErrors(object.values, t)
        .filter((e) => FIELDS.test(e.prop))
        .map((e) => e.message),
    );
    return outcome(problems);
  },
};
