import { checkLogRetention } from "../../aws/vpn-validation";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { isExpression, literalNumber } from "../view";

/**
 * PE-AWS-LOG-001: every CloudWatch log group is encrypted with a KMS key (`kms_key_id`) and keeps
 * logs at least a year (`retention_in_days` set explicitly to a value AWS accepts that is ≥ 365, or
 * 0 = never expire). Reuses `checkLogRetention` of `lib/aws/vpn-validation.ts`.
 *
 * Mirrors checkov CKV_AWS_158 (log group KMS) and CKV_AWS_338 (retention ≥ 1 year); trivy
 * AWS-0017; NIST AU-11, SC-28.
 */
export const logGroupKmsRetention: PolicyRule = {
  id: "PE-AWS-LOG-001",
  title: "Log groups are KMS-encrypted and retained at least 365 days",
  mirrors: "checkov CKV_AWS_158, CKV_AWS_338; trivy AWS-0017",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_cloudwatch_log_group"],
  evaluate: (group) => {
    if (group.type !== "aws_cloudwatch_log_group") return NOT_APPLICABLE;
    const problems: string[] = [];
    const kms = group.values.kms_key_id;
    if (kms === undefined || kms === null || kms === "")
      problems.push("`kms_key_id` is unset; encrypt the log group with a customer managed KMS key");
    const retention = group.values.retention_in_days;
    if (retention === undefined || retention === null) {
      problems.push("`retention_in_days` is unset; set it to 365 or more (or 0 to keep logs forever)");
    } else if (!isExpression(retention)) {
      const days = literalNumber(retention);
      problems.push(...checkLogRetention(days, "retention_in_days").map((e) => e.message));
    }
    return outcome(problems);
  },
};
