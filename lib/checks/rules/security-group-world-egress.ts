import { opensWorld, securityGroupRules, SECURITY_GROUP_RULE_TYPES } from "../network";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";

/**
 * PE-AWS-SG-004: egress to 0.0.0.0/0 or ::/0 only when acknowledged. NAT-based egress needs it, so
 * the fix is usually not to remove the rule but to record the decision: a suppression of this id
 * with a reason, which lands in the synthesized output and in `check`'s report.
 *
 * Mirrors checkov CKV_AWS_382; trivy AWS-0104.
 */
export const securityGroupWorldEgress: PolicyRule = {
  id: "PE-AWS-SG-004",
  title: "Egress to 0.0.0.0/0 only when acknowledged by a recorded suppression",
  mirrors: "checkov CKV_AWS_382; trivy AWS-0104",
  severity: ERROR_IN_BOTH,
  appliesTo: SECURITY_GROUP_RULE_TYPES,
  evaluate: (object) => {
    if (!SECURITY_GROUP_RULE_TYPES.includes(object.type)) return NOT_APPLICABLE;
    const open = securityGroupRules(object).filter((r) => r.direction === "egress" && opensWorld(r));
    return outcome(
      open.map(
        (r) =>
          `${r.where === object.address ? "the rule" : r.where} allows egress to ${r.cidrs.filter((c) => c.endsWith("/0")).join(", ")}; narrow it or acknowledge it with a suppression of PE-AWS-SG-004 and a reason`,
      ),
    );
  },
};
