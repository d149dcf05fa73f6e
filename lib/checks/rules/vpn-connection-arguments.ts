import { checkVpnConnectionResource } from "../../aws/vpn-validation";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";

/** Arguments whose findings other rules already report (PE-AWS-VPN-004, -005, -006, -009). */
const REPORTED_ELSEWHERE =
  /_(phase1_lifetime_seconds|phase2_lifetime_seconds|rekey_margin_time_seconds|rekey_fuzz_percentage|replay_window_size|dpd_timeout_seconds|dpd_timeout_action|startup_action|inside_cidr|preshared_key)$/;

/**
 * PE-AWS-VPN-011: every argument of an `aws_vpn_connection` is a value the hashicorp/aws provider
 * and AWS accept: `type` `ipsec.1`, `tunnel_inside_ip_version`, `preshared_key_storage`,
 * `outside_ip_address_type`, both tunnels' IKE versions, algorithms, DH groups and log format, and
 * the traffic selectors. Calls `checkVpnConnectionResource` of `lib/aws/vpn-validation.ts`, the
 * same validator the constructs' values are held to, so a raw resource or an escape hatch is
 * checked by the same code (findings on lifetimes, DPD, inside CIDRs and keys are left to the rules
 * that own them).
 *
 * Mirrors the provider's plan-time validation and AWS's apply-time validation.
 */
export const vpnConnectionArguments: PolicyRule = {
  id: "PE-AWS-VPN-011",
  title: "VPN connection arguments are values the provider and AWS accept",
  mirrors: "- (hashicorp/aws 5.100.0 schema validation; AWS API validation at apply time)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const errors = checkVpnConnectionResource(object.values).filter((e) => !REPORTED_ELSEWHERE.test(e.prop));
    return outcome(errors.map((e) => e.message));
  },
};
