/**
 * Runs the rules over a stack view and turns non-compliant outcomes into findings with the
 * profile's severity, applying the suppressions recorded in the synthesized output.
 */
import { PolicyProfile, Severity, severityIn } from "./profiles";
import { PolicyRule, RuleCompliance } from "./rule";
import { ALL_RULES } from "./rules";
import { withEvaluationMemo } from "./memo";
import { PolicySuppression, StackView, TerraformObjectView } from "./view";

/** The shortest suppression reason the pack accepts. */
export const MIN_SUPPRESSION_REASON_LENGTH = 10;

/** One non-compliant result of one rule on one object. */
export interface PolicyFinding {
  /** The rule's stable id, e.g. `PE-AWS-NET-001`. */
  readonly ruleId: string;
  /** The rule's one-line title. */
  readonly title: string;
  /** The external check(s) the rule mirrors, or `-`. */
  readonly mirrors: string;
  /** Severity under the profile evaluated (never `OFF`: those are not reported). */
  readonly severity: Severity;
  /** The name of the stack the object is in. */
  readonly stack: string;
  /** Terraform address of the object, e.g. `aws_vpn_connection.Vpn`. */
  readonly address: string;
  /** Construct path, when the synthesized metadata records it. */
  readonly constructPath?: string;
  /** What is wrong (never contains a secret). */
  readonly message: string;
  /** The reason of the suppression that acknowledges this finding; undefined when not suppressed. */
  readonly suppressedBecause?: string;
}

/** Options of an evaluation. */
export interface EvaluateOptions {
  /** @default PolicyProfile.FEDERAL_STRICT */
  readonly profile?: PolicyProfile;
  /** @default ALL_RULES */
  readonly rules?: readonly PolicyRule[];
}

/** Whether a suppression is well formed (a reason of at least {@link MIN_SUPPRESSION_REASON_LENGTH} characters). */
export function isValidSuppression(s: PolicySuppression): boolean {
  return typeof s.reason === "string" && s.reason.trim().length >= MIN_SUPPRESSION_REASON_LENGTH;
}

function suppressionFor(
  ruleId: string,
  object: TerraformObjectView,
  stack: StackView,
): PolicySuppression | undefined {
  const matches = (s: PolicySuppression) => s.id === ruleId && isValidSuppression(s);
  return object.suppressions.find(matches) ?? stack.suppressions.find(matches);
}

/** Whether a rule targets a type (`appliesTo` entries ending in `*` are prefixes). */
export function appliesTo(rule: PolicyRule, type: string): boolean {
  return rule.appliesTo.some((t) => (t.endsWith("*") ? type.startsWith(t.slice(0, -1)) : t === type));
}

/**
 * Evaluates every rule on every object it applies to; returns the findings (suppressed ones
 * included, marked), sorted by address then rule id.
 *
 * @example
 * const findings = evaluateStack(stackViewFromJson(json, "s"), { profile: PolicyProfile.CLOUD_GOV_COMPAT });
 */
export function evaluateStack(stack: StackView, options: EvaluateOptions = {}): PolicyFinding[] {
  return withEvaluationMemo(() => evaluate(stack, options));
}

function evaluate(stack: StackView, options: EvaluateOptions): PolicyFinding[] {
  const profile = options.profile ?? PolicyProfile.FEDERAL_STRICT;
  const rules = options.rules ?? ALL_RULES;
  const findings: PolicyFinding[] = [];
  // the resources by type, in stack order: each rule looks at the types it applies to, not at every object
  const byType = new Map<string, TerraformObjectView[]>();
  for (const object of stack.objects) {
    if (object.isDataSource) continue;
    const list = byType.get(object.type);
    if (list) list.push(object);
    else byType.set(object.type, [object]);
  }
  for (const rule of rules) {
    const severity = severityIn(rule.severity, profile);
    if (severity === Severity.OFF) continue;
    const objects: TerraformObjectView[] = [];
    for (const [type, list] of byType) if (appliesTo(rule, type)) for (const o of list) objects.push(o);
    for (const object of objects) {
      let problems: string[];
      try {
        const result = rule.evaluate(object, stack);
        if (result.compliance !== RuleCompliance.NON_COMPLIANT) continue;
        problems = result.problems.length > 0 ? result.problems : ["non-compliant"];
      } catch (e) {
        problems = [`the rule could not evaluate this object: ${e instanceof Error ? e.message : String(e)}`];
      }
      const suppression = suppressionFor(rule.id, object, stack);
      for (const message of problems) {
        findings.push({
          ruleId: rule.id,
          title: rule.title,
          mirrors: rule.mirrors,
          severity,
          stack: stack.name,
          address: object.address,
          constructPath: object.constructPath,
          message,
          suppressedBecause: suppression?.reason,
        });
      }
    }
  }
  return findings.sort((a, b) => a.address.localeCompare(b.address) || a.ruleId.localeCompare(b.ruleId));
}

/** Findings that fail the stack: errors that no suppression acknowledges. */
export function blockingFindings(findings: readonly PolicyFinding[]): PolicyFinding[] {
  return findings.filter((f) => f.severity === Severity.ERROR && f.suppressedBecause === undefined);
}

/** The one-line text of a finding, as annotations and the CLI print it. */
export function formatFinding(f: PolicyFinding): string {
  const where = f.address;
  return `[${f.ruleId}] ${where}: ${f.message} (${f.title}; mirrors ${f.mirrors})`;
}
