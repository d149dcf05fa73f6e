/**
 * Errors of the policy pack's API (`PE-CHECK-<NNN>`). Built on the shared factories of
 * `lib/core/errors.ts`; codes never change meaning once released.
 */
import { invalid, PrivateEgressError } from "./errors";

/** PE-CHECK-001: a suppression without a reason long enough to say why. */
export function suppressionReasonTooShort(ruleId: string, reason: string, min: number): PrivateEgressError {
  return invalid(
    "PE-CHECK-001",
    `suppressions[${ruleId}].reason`,
    reason,
    `is shorter than ${min} characters`,
    'say why the finding is acceptable here, e.g. "NAT egress to the internet is the tenant\'s request"',
  );
}

/** PE-CHECK-002: a suppression naming no rule id of the pack's form. */
export function suppressionIdMalformed(ruleId: string): PrivateEgressError {
  return invalid(
    "PE-CHECK-002",
    "suppressions[].id",
    ruleId,
    "is not a policy rule id",
    "use an id of the form PE-<AREA>-<NNN> from docs/policy-rules.md",
  );
}

/** PE-CHECK-003: a suppression on a construct that holds no Terraform resource or stack. */
export function suppressionTargetEmpty(path: string): PrivateEgressError {
  return invalid(
    "PE-CHECK-003",
    "construct",
    path,
    "is neither a stack nor a Terraform resource and has no resource below it",
    "suppress on the resource, on a construct that contains resources, or on the stack",
  );
}
