import { opensWorld, securityGroupRules, SECURITY_GROUP_RULE_TYPES } from "../network";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";

/**
 * PE-AWS-SG-003: no security group rule admits ingress from 0.0.0.0/0 or ::/0 (on any port).
 *
 * Mirrors checkov CKV_AWS_24 / CKV_AWS_25 / CKV_AWS_260 (which cover ports 22, 3389, 80; this rule
 * covers all ports); Security Hub EC2.18/EC2.19; trivy AWS-0107.
 */
export const securityGroupNoWorldIngress: PolicyRule = {
  id: "PE-AWS-SG-003",
  title: "No security group admits ingress from the whole internet",
  mirrors: "checkov CKV_AWS_24, CKV_AWS_25, CKV_AWS_260; Security Hub EC2.18/EC2.19; trivy AWS-0107",
  severity: ERROR_IN_BOTH,
  appliesTo: SECURITY_GROUP_RULE_TYPES,
  evaluate: (object) => {
    if (!SECURITY_GROUP_RULE_TYPES.includes(object.type)) return NOT_APPLICABLE;
    const open = securityGroupRules(object).filter((r) => r.direction === "ingress" && opensWorld(r));
    return outcome(
      open.map(
        (r) =>
          `${r.where === object.address ? "the rule" : r.where} admits ingress from ${r.cidrs.filter((c) => c.endsWith("/0")).join(", ")}`,
      ),
    );
  },
};
