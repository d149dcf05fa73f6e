import {
  hasPropagatingVgws,
  inlineRoutes,
  propagationsOf,
  ROUTE_TABLE_TYPES,
  routesToVgw,
  standaloneRoutes,
} from "../network";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { isSet } from "../view";

/**
 * PE-AWS-RT-001: each route table uses one routing mechanism: not `propagating_vgws` together with
 * `aws_vpn_gateway_route_propagation`, not inline `route` blocks together with `aws_route`
 * resources (both make Terraform flap forever), and not VGW propagation together with static routes
 * to the VGW (the design routes a tenant's CIDRs statically, so propagation would leak other
 * tenants' routes).
 *
 * Mirrors no public scanner check (a Terraform-provider pitfall, domain-facts §2); anchored in
 * SC-7 (boundary protection) and CM-2 (a stable baseline configuration).
 */
export const routeOneMechanism: PolicyRule = {
  id: "PE-AWS-RT-001",
  title:
    "Each route table uses one routing mechanism (no propagation mixed with static VGW routes, no inline routes mixed with aws_route)",
  mirrors: "- (Terraform provider: mixed mechanisms flap; NIST SC-7, CM-2)",
  severity: ERROR_IN_BOTH,
  appliesTo: ROUTE_TABLE_TYPES,
  evaluate: (table, stack) => {
    if (!ROUTE_TABLE_TYPES.includes(table.type)) return NOT_APPLICABLE;
    const problems: string[] = [];
    const propagations = propagationsOf(stack, table);
    const inlineVgws = hasPropagatingVgws(table);
    if (inlineVgws && propagations.length > 0) {
      problems.push(
        `\`propagating_vgws\` is set and ${propagations.map((p) => p.address).join(", ")} also propagates into this table; keep one`,
      );
    }
    const standalone = standaloneRoutes(stack, table);
    const inline = inlineRoutes(table);
    if (isSet(table.values, "route") && standalone.length > 0) {
      problems.push(
        `inline \`route\` blocks and aws_route resources (${standalone.map((r) => r.where).join(", ")}) both manage this table; keep one`,
      );
    }
    if (inlineVgws || propagations.length > 0) {
      const staticVgw = [...inline, ...standalone].filter(routesToVgw);
      if (staticVgw.length > 0) {
        problems.push(
          `VGW route propagation and static routes to the VGW (${staticVgw.map((r) => r.where).join(", ")}) are mixed; route the tenant's CIDRs statically only`,
        );
      }
    }
    return outcome(problems);
  },
};
