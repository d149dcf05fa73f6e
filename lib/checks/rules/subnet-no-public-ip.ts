import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { literalBool, objectsOfType, referencesAddress } from "../view";

/**
 * PE-AWS-SUBNET-001: no subnet assigns public IPs on launch (`map_public_ip_on_launch`), except a
 * subnet that hosts a NAT gateway (`aws_nat_gateway.subnet_id` references it).
 *
 * Mirrors checkov CKV_AWS_130; Security Hub EC2.15; trivy AWS-0164.
 */
export const subnetNoPublicIp: PolicyRule = {
  id: "PE-AWS-SUBNET-001",
  title: "Subnets other than NAT subnets do not assign public IPs on launch",
  mirrors: "checkov CKV_AWS_130; Security Hub EC2.15; trivy AWS-0164",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_subnet"],
  evaluate: (subnet, stack) => {
    if (subnet.type !== "aws_subnet") return NOT_APPLICABLE;
    if (literalBool(subnet.values.map_public_ip_on_launch) !== true) return outcome([]);
    const natSubnet = objectsOfType(stack, "aws_nat_gateway").some((n) =>
      referencesAddress(n.values.subnet_id, subnet.address, "id"),
    );
    return outcome(
      natSubnet ? [] : ["`map_public_ip_on_launch` is true on a subnet that hosts no NAT gateway; set false"],
    );
  },
};
