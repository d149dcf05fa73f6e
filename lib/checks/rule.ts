/**
 * The shape of a policy rule: a pure function over one synthesized Terraform object (and, for rules
 * that compare resources, the stack it sits in), returning not-applicable, compliant or
 * non-compliant with the problems found. One rule per file under `rules/`.
 */
import { ProfileSeverities } from "./profiles";
import { StackView, TerraformObjectView } from "./view";

/** What a rule says about one object. */
export enum RuleCompliance {
  /** The rule does not look at this object (wrong type, or nothing it can read). */
  NOT_APPLICABLE = "not-applicable",
  /** The object meets the rule. */
  COMPLIANT = "compliant",
  /** The object breaks the rule; the outcome's `problems` say how. */
  NON_COMPLIANT = "non-compliant",
}

/** A rule's verdict on one object; `problems` (never containing a secret) say why when non-compliant. */
export interface RuleOutcome {
  /** The verdict. */
  readonly compliance: RuleCompliance;
  /** Why the object is non-compliant (empty otherwise). */
  readonly problems: string[];
}

/** The rule does not apply to this object. */
export const NOT_APPLICABLE: RuleOutcome = Object.freeze({
  compliance: RuleCompliance.NOT_APPLICABLE,
  problems: [],
}) as RuleOutcome;

/** The object complies. */
export const COMPLIANT: RuleOutcome = Object.freeze({
  compliance: RuleCompliance.COMPLIANT,
  problems: [],
}) as RuleOutcome;

/** Compliant when no problem was found, else non-compliant with the problems. */
export function outcome(problems: string[]): RuleOutcome {
  return problems.length === 0 ? COMPLIANT : { compliance: RuleCompliance.NON_COMPLIANT, problems };
}

/** A rule of the pack. */
export interface PolicyRule {
  /** Stable id, e.g. `PE-AWS-VPN-001`; never reused for another meaning. */
  readonly id: string;
  /** One line: what the rule checks. */
  readonly title: string;
  /** The external check(s) it mirrors (AWS Config, Security Hub, checkov, trivy), or `-`. */
  readonly mirrors: string;
  /** Severity under each profile. */
  readonly severity: ProfileSeverities;
  /** The Terraform types the rule evaluates (resources; data sources are never targets). */
  readonly appliesTo: readonly string[];
  /** The pure rule function. */
  readonly evaluate: (object: TerraformObjectView, stack: StackView) => RuleOutcome;
}
