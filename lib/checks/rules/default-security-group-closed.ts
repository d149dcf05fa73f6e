import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { blocks, objectsOfType, referencesAddress } from "../view";

/**
 * PE-AWS-SG-001: every VPC's default security group is adopted by an `aws_default_security_group`
 * with no ingress and no egress rules (Terraform then removes AWS's default allow rules).
 *
 * Mirrors checkov CKV2_AWS_12; Security Hub EC2.2; AWS Config vpc-default-security-group-closed.
 */
export const defaultSecurityGroupClosed: PolicyRule = {
  id: "PE-AWS-SG-001",
  title: "Every VPC's default security group is closed",
  mirrors: "checkov CKV2_AWS_12; Security Hub EC2.2; AWS Config vpc-default-security-group-closed",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: ["aws_vpc"],
  evaluate: (vpc, stack) => {
    if (vpc.type !== "aws_vpc") return NOT_APPLICABLE;
    const groups = objectsOfType(stack, "aws_default_security_group").filter((g) =>
      referencesAddress(g.values.vpc_id, vpc.address, "id"),
    );
    if (groups.length === 0) {
      return outcome([
        "no aws_default_security_group adopts this VPC's default group, which allows all traffic between its members; add one with no rules",
      ]);
    }
    const open = groups.filter((g) => blocks(g.values.ingress).length + blocks(g.values.egress).length > 0);
    return outcome(open.map((g) => `${g.address} has rules; the default group must have none`));
  },
};
