import { asgDestinationSpans, checkAsgRules } from "../../cloudfoundry/asg-rules";
import { customerPrefixes } from "../network";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { isExpression, isObject } from "../view";
import { ASG_SCOPE_CODES, withoutNulls } from "./asg-cloud-controller";

/**
 * PE-CF-ASG-002: ASG scope. No destination covers the IaaS metadata endpoint 169.254.169.254, is
 * wider than a /8 (0.0.0.0/0 included) or covers a whole RFC 1918 block; and when the stack has
 * customer prefixes (VPN static routes), a destination that reaches into one stays inside
 * customer prefixes (the private ASG opens the customer's CIDRs only). Reuses `checkAsgRules` and
 * `asgDestinationSpans` of `lib/cloudfoundry/asg-rules.ts`.
 *
 * Mirrors no scanner check (Cloud Foundry is not covered); anchored in AC-4 / SC-7 and the
 * platform guidance that ASGs are allow-only and add up.
 */
export const asgScope: PolicyRule = {
  id: "PE-CF-ASG-002",
  title:
    "ASGs open no metadata endpoint, no 0.0.0.0/0 or whole RFC 1918 block, and only customer CIDRs toward the customer",
  mirrors: "- (NIST AC-4, SC-7)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["cloudfoundry_security_group"],
  evaluate: (asg, stack) => {
    if (asg.type !== "cloudfoundry_security_group") return NOT_APPLICABLE;
    const rules = asg.values.rules;
    if (!Array.isArray(rules)) return NOT_APPLICABLE;
    const problems = checkAsgRules(rules.map(withoutNulls))
      .filter((e) => ASG_SCOPE_CODES.includes(e.code))
      .map((e) => e.message);
    const prefixes = customerPrefixes(stack);
    rules.forEach((rule, i) => {
      if (!isObject(rule) || typeof rule.destination !== "string" || isExpression(rule.destination)) return;
      for (const span of asgDestinationSpans(rule.destination) ?? []) {
        const touches = prefixes.some((p) => span.first <= p.last && p.network <= span.last);
        const inside = prefixes.some((p) => p.network <= span.first && span.last <= p.last);
        if (touches && !inside) {
          problems.push(
            `rules[${i}].destination ${rule.destination} reaches beyond the customer prefixes (${prefixes.map((p) => p.text).join(", ")}); open the customer CIDRs only`,
          );
        }
      }
    });
    return outcome(problems);
  },
};
