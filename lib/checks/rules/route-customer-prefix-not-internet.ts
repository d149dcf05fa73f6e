import { cidrContains, parseCidr } from "../../core/ip";
import {
  customerPrefixes,
  inlineRoutes,
  ROUTE_TABLE_TYPES,
  routesToIgw,
  routesToNat,
  routeView,
  RouteView,
} from "../network";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";

/**
 * PE-AWS-RT-002: no static route sends a customer prefix (or a part of one) to a NAT gateway or an
 * internet gateway. A customer prefix is a literal `destination_cidr_block` of an
 * `aws_vpn_connection_route`. For equal prefixes a static route beats a propagated VGW route, and a
 * more specific one always wins, so such a route silently sends private traffic to the internet.
 * Wider routes (a 0.0.0.0/0 default to NAT) are fine: the customer prefix stays more specific.
 *
 * Mirrors no public scanner check (domain-facts §2, route priority); anchored in SC-7 / AC-4.
 */
export const routeCustomerPrefixNotInternet: PolicyRule = {
  id: "PE-AWS-RT-002",
  title: "No static route sends a customer prefix to a NAT gateway or an internet gateway",
  mirrors: "- (AWS route priority; NIST SC-7, AC-4)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_route", ...ROUTE_TABLE_TYPES],
  evaluate: (object, stack) => {
    let routes: RouteView[];
    if (object.type === "aws_route") routes = [routeView(object)];
    else if (ROUTE_TABLE_TYPES.includes(object.type)) routes = inlineRoutes(object);
    else return NOT_APPLICABLE;
    const prefixes = customerPrefixes(stack);
    if (prefixes.length === 0) return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const route of routes) {
      const dest = route.destination !== undefined ? parseCidr(route.destination) : undefined;
      if (!dest) continue;
      const target = routesToNat(route)
        ? "a NAT gateway"
        : routesToIgw(route)
          ? "an internet gateway"
          : undefined;
      if (!target) continue;
      const customer = prefixes.find((p) => cidrContains(p, dest));
      if (customer) {
        problems.push(
          `${route.where} sends ${dest.text} (customer prefix ${customer.text}) to ${target}; route it to the VGW`,
        );
      }
    }
    return outcome(problems);
  },
};
