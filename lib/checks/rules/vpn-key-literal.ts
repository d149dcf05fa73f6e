import { checkPresharedKeyFormat, checkPresharedKeyIsToken } from "../../aws/vpn-validation";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS, tunnelArg, tunnelValue } from "../tunnels";
import { expressionsAsTokens } from "../../core/tokens";

/**
 * PE-AWS-VPN-006: no `tunnelN_preshared_key` is a string literal (it would sit in cdk.tf.json, in
 * state and in snapshots); a literal is also checked against AWS's key format. Messages never echo
 * the key. Reuses `checkPresharedKeyIsToken` and `checkPresharedKeyFormat` of
 * `lib/aws/vpn-validation.ts`.
 *
 * Mirrors checkov's secrets checks in spirit (CKV_SECRET_*: no hard-coded secret) and IA-5(7)
 * (no embedded unencrypted static authenticators).
 */
export const vpnKeyLiteral: PolicyRule = {
  id: "PE-AWS-VPN-006",
  title: "VPN pre-shared keys are never literals in the synthesized configuration",
  mirrors: "checkov CKV_SECRET_* (hard-coded secrets); NIST IA-5(7)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const t of TUNNELS) {
      const key = expressionsAsTokens(tunnelValue(object.values, t, "preshared_key"));
      if (key === undefined || key === null) continue;
      const prop = tunnelArg(t, "preshared_key");
      if (typeof key !== "string") {
        problems.push(`\`${prop}\` (value hidden) is not a string or a reference`);
        continue;
      }
      problems.push(...checkPresharedKeyIsToken(key, prop).map((e) => e.message));
      problems.push(...checkPresharedKeyFormat(key, prop).map((e) => e.message));
    }
    return outcome(problems);
  },
};
