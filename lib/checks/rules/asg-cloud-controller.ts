import { checkAsgRules } from "../../cloudfoundry/asg-rules";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { isExpression } from "../view";

/** Codes of the library's scope rules, reported by PE-CF-ASG-002 instead. */
export const ASG_SCOPE_CODES = ["PE-CF-013", "PE-CF-014", "PE-CF-015"];

/**
 * PE-CF-ASG-001: every rule of a `cloudfoundry_security_group` passes Cloud Controller's own
 * validation (keys, protocol, ports, destination syntax, ICMP type/code, `log` a boolean, icmpv6 never with IPv4, descriptions inside the BMP, rules JSON within 16,777,215 bytes, at
 * least one rule), which the provider does not check before apply. Reuses `checkAsgRules` of
 * `lib/cloudfoundry/asg-rules.ts` (scope findings are left to PE-CF-ASG-002).
 *
 * Mirrors Cloud Controller's security group rule validator (apply-time rejection); no scanner
 * covers Cloud Foundry.
 */
export const asgCloudController: PolicyRule = {
  id: "PE-CF-ASG-001",
  title: "ASG rules pass Cloud Controller's validation",
  mirrors: "- (Cloud Controller security group rule validation)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["cloudfoundry_security_group"],
  evaluate: (asg) => {
    if (asg.type !== "cloudfoundry_security_group") return NOT_APPLICABLE;
    const rules = asg.values.rules;
    if (isExpression(rules)) return NOT_APPLICABLE;
    const errors = checkAsgRules(Array.isArray(rules) ? rules.map(withoutNulls) : rules).filter(
      (e) => !ASG_SCOPE_CODES.includes(e.code),
    );
    return outcome(errors.map((e) => e.message));
  },
};

/** Drops keys synthesized as null (unset optional attributes of a nested object). */
export function withoutNulls(rule: unknown): unknown {
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) return rule;
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== null && v !== undefined));
}
