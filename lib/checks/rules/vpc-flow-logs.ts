import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { objectsOfType, referencesAddress } from "../view";

/**
 * PE-AWS-VPC-001: every VPC of the stack has an `aws_flow_log` whose `vpc_id` references it.
 *
 * Mirrors checkov CKV2_AWS_11 and trivy AWS-0178 (VPC flow logs enabled); AWS Config
 * `vpc-flow-logs-enabled`; NIST AU-12.
 */
export const vpcFlowLogs: PolicyRule = {
  id: "PE-AWS-VPC-001",
  title: "Every VPC has flow logs",
  mirrors: "checkov CKV2_AWS_11; trivy AWS-0178; AWS Config vpc-flow-logs-enabled",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpc"],
  evaluate: (vpc, stack) => {
    if (vpc.type !== "aws_vpc") return NOT_APPLICABLE;
    const has = objectsOfType(stack, "aws_flow_log").some((f) =>
      referencesAddress(f.values.vpc_id, vpc.address, "id"),
    );
    return outcome(
      has ? [] : ["no aws_flow_log references this VPC; add one (ALL traffic, to an encrypted log group)"],
    );
  },
};
