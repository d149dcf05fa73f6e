/**
 * Explicit suppressions of policy findings. Each carries a reason and is written into the
 * synthesized output (`"//".policy_suppressions` of the resource, or of the stack), so the
 * `check` command over `cdktf.out` sees and reports the same acknowledgements as the Aspect.
 */
import { TerraformElement, TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import {
  suppressionIdMalformed,
  suppressionReasonTooShort,
  suppressionTargetEmpty,
} from "../core/errors-checks";
import { MIN_SUPPRESSION_REASON_LENGTH } from "./evaluate";
import { PolicySuppression } from "./view";

const RECORDED = new WeakMap<IConstruct, PolicySuppression[]>();

const OVERRIDE_PATH = "//.policy_suppressions";

function record(target: TerraformElement, suppressions: readonly PolicySuppression[]): void {
  const current = RECORDED.get(target) ?? [];
  const merged = [...current];
  for (const s of suppressions) {
    const i = merged.findIndex((m) => m.id === s.id);
    if (i >= 0) merged[i] = { id: s.id, reason: s.reason };
    else merged.push({ id: s.id, reason: s.reason });
  }
  merged.sort((a, b) => a.id.localeCompare(b.id));
  RECORDED.set(target, merged);
  target.addOverride(OVERRIDE_PATH, merged);
}

function validate(suppressions: readonly PolicySuppression[]): void {
  for (const s of suppressions) {
    if (typeof s.id !== "string" || !/^PE-[A-Z0-9]+(-[A-Z0-9]+)*-\d{3}$/.test(s.id))
      throw suppressionIdMalformed(s.id);
    if (typeof s.reason !== "string" || s.reason.trim().length < MIN_SUPPRESSION_REASON_LENGTH) {
      throw suppressionReasonTooShort(s.id, s.reason, MIN_SUPPRESSION_REASON_LENGTH);
    }
  }
}

/**
 * Define explicit, reasoned suppressions of policy rules; they are recorded in the synthesized JSON.
 *
 * @example
 * PolicySuppressions.addResourceSuppressions(egressRule, [
 *   { id: "PE-AWS-SG-004", reason: "NAT egress to the internet is the tenant's request (ticket 42)" },
 * ]);
 */
export class PolicySuppressions {
  /**
   * Suppresses rules on a resource, or on every Terraform resource below a construct (those that
   * exist when this is called). Throws when a reason is shorter than 10 characters.
   */
  public static addResourceSuppressions(
    construct: IConstruct,
    suppressions: readonly PolicySuppression[],
  ): void {
    validate(suppressions);
    if (TerraformStack.isStack(construct)) {
      PolicySuppressions.addStackSuppressions(construct, suppressions);
      return;
    }
    const targets = construct.node
      .findAll()
      .filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c));
    if (targets.length === 0) throw suppressionTargetEmpty(construct.node.path);
    for (const t of targets) record(t, suppressions);
  }

  /** Suppresses rules for every object of a stack (recorded in the stack's `//` entry). */
  public static addStackSuppressions(
    stack: TerraformStack,
    suppressions: readonly PolicySuppression[],
  ): void {
    validate(suppressions);
    const current = RECORDED.get(stack) ?? [];
    const merged = [
      ...current.filter((c) => !suppressions.some((s) => s.id === c.id)),
      ...suppressions.map((s) => ({ id: s.id, reason: s.reason })),
    ];
    merged.sort((a, b) => a.id.localeCompare(b.id));
    RECORDED.set(stack, merged);
    stack.addOverride(OVERRIDE_PATH, merged);
  }
}
