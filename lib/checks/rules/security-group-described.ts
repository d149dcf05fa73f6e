import { securityGroupRules, SECURITY_GROUP_RULE_TYPES } from "../network";
import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/**
 * PE-AWS-SG-002: every security group and every rule (inline, `aws_security_group_rule`,
 * `aws_vpc_security_group_*_rule`) has a description.
 *
 * Mirrors checkov CKV_AWS_23.
 */
export const securityGroupDescribed: PolicyRule = {
  id: "PE-AWS-SG-002",
  title: "Security groups and their rules have descriptions",
  mirrors: "checkov CKV_AWS_23",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: SECURITY_GROUP_RULE_TYPES,
  evaluate: (object) => {
    if (!SECURITY_GROUP_RULE_TYPES.includes(object.type)) return NOT_APPLICABLE;
    const problems: string[] = [];
    if (object.type === "aws_security_group" && blank(object.values.description)) {
      problems.push(
        '`description` of the group is unset (AWS writes "Managed by Terraform"); say what it allows',
      );
    }
    for (const rule of securityGroupRules(object)) {
      if (blank(rule.description))
        problems.push(`${rule.where === object.address ? "the rule" : rule.where} has no description`);
    }
    return outcome(problems);
  },
};
