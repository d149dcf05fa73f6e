import { checkCustomerGatewayResource } from "../../aws/vpn-validation";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";

/**
 * PE-AWS-CGW-001: an `aws_customer_gateway` is one the provider and AWS accept: `type` `ipsec.1`,
 * exactly one of `bgp_asn` (up to 2147483647) and `bgp_asn_extended` (above it), a public IPv4
 * address, a printable device name and an ACM certificate ARN. Calls `checkCustomerGatewayResource`
 * of `lib/aws/vpn-validation.ts`, the validator the `CustomerGateway` construct is held to, so a raw
 * resource or an escape hatch is checked by the same code.
 *
 * Mirrors the provider's plan-time validation and AWS's apply-time validation.
 */
export const customerGatewayArguments: PolicyRule = {
  id: "PE-AWS-CGW-001",
  title: "Customer gateway arguments are values the provider and AWS accept",
  mirrors: "- (hashicorp/aws 5.100.0 schema validation; AWS API validation at apply time)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_customer_gateway"],
  evaluate: (object) => {
    if (object.type !== "aws_customer_gateway") return NOT_APPLICABLE;
    return outcome(checkCustomerGatewayResource(object.values).map((e) => e.message));
  },
};
