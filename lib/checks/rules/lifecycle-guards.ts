import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { block, literalBool } from "../view";

const PREVENT_DESTROY = ["aws_vpn_connection", "aws_vpn_gateway", "aws_eip", "aws_nat_gateway"];

/**
 * PE-STATE-001: stateful resources whose replacement the tenant notices carry lifecycle guards:
 * `prevent_destroy = true` on `aws_vpn_connection` (new tunnel IPs and keys), `aws_vpn_gateway`,
 * `aws_eip` and `aws_nat_gateway` (new egress IPs); `create_before_destroy = true` on
 * `aws_customer_gateway` (replacing one in use fails otherwise). Teardown is an explicit
 * suppression.
 *
 * Mirrors no public scanner check; anchored in CP-10 / CM-3 (no unplanned destructive change).
 */
export const lifecycleGuards: PolicyRule = {
  id: "PE-STATE-001",
  title: "VPN connection, gateways, EIPs and NAT gateways carry lifecycle guards",
  mirrors: "- (NIST CM-3, CP-10)",
  severity: ERROR_IN_BOTH,
  appliesTo: [...PREVENT_DESTROY, "aws_customer_gateway"],
  evaluate: (object) => {
    const lifecycle = block(object.values.lifecycle) ?? {};
    if (PREVENT_DESTROY.includes(object.type)) {
      return outcome(
        literalBool(lifecycle.prevent_destroy) === true
          ? []
          : [
              "`lifecycle.prevent_destroy` is not true; replacing this resource changes addresses the tenant relies on",
            ],
      );
    }
    if (object.type === "aws_customer_gateway") {
      return outcome(
        literalBool(lifecycle.create_before_destroy) === true
          ? []
          : [
              "`lifecycle.create_before_destroy` is not true; replacing a customer gateway in use fails without it",
            ],
      );
    }
    return NOT_APPLICABLE;
  },
};
