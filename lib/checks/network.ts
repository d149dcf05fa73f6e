/**
 * Cross-resource reading of a synthesized stack's network: routes, route tables, customer prefixes,
 * security group rules. Shared by the routing, NAT and security group rules.
 */
import { Cidr, parseCidr } from "../core/ip";
import {
  blocks,
  isExpression,
  isSet,
  literalList,
  literalString,
  objectsOfType,
  referencedObjects,
  referencesAddress,
  referencesIn,
  StackView,
  TerraformObjectView,
} from "./view";

/** Route table types that carry inline `route` blocks and `propagating_vgws`. */
export const ROUTE_TABLE_TYPES = ["aws_route_table", "aws_default_route_table"];

/** One route, standalone (`aws_route`) or inline (`route` of a route table). */
export interface RouteView {
  /** Where the route is written, e.g. `aws_route.Nat` or `aws_route_table.Private.route[1]`. */
  readonly where: string;
  /** The route table address it belongs to, when known. */
  readonly table?: string;
  readonly destination?: string;
  /** The route's target arguments. */
  readonly values: Record<string, unknown>;
}

/** Whether `value` references an object of `type` with attribute `id`, or is a literal id with `prefix`. */
export function pointsTo(value: unknown, type: string, literalPrefix: string): boolean {
  if (value === undefined || value === null) return false;
  if (referencesIn(value).some((r) => r.type === type)) return true;
  const s = literalString(value);
  return s !== undefined && s.startsWith(literalPrefix);
}

/** Whether a route sends traffic to a NAT gateway. */
export function routesToNat(route: RouteView): boolean {
  return isSet(route.values, "nat_gateway_id") && route.values.nat_gateway_id !== "";
}

/** Whether a route sends traffic to an internet gateway. */
export function routesToIgw(route: RouteView): boolean {
  return pointsTo(route.values.gateway_id, "aws_internet_gateway", "igw-");
}

/** Whether a route sends traffic to a virtual private gateway. */
export function routesToVgw(route: RouteView): boolean {
  return pointsTo(route.values.gateway_id, "aws_vpn_gateway", "vgw-");
}

/** The table a standalone route or association refers to, among the stack's route tables. */
export function tableOf(stack: StackView, value: unknown): TerraformObjectView | undefined {
  return referencedObjects(stack, value).find((o) => ROUTE_TABLE_TYPES.includes(o.type));
}

function tableRefMatches(value: unknown, table: TerraformObjectView): boolean {
  return (
    referencesAddress(value, table.address, "id") ||
    referencesAddress(value, table.address, "default_route_table_id")
  );
}

/** Inline routes of a route table. */
export function inlineRoutes(table: TerraformObjectView): RouteView[] {
  return blocks(table.values.route).map((r, i) => ({
    where: `${table.address}.route[${i}]`,
    table: table.address,
    destination: literalString(r.cidr_block),
    values: r,
  }));
}

/** The standalone `aws_route`s of a route table. */
export function standaloneRoutes(stack: StackView, table: TerraformObjectView): RouteView[] {
  return objectsOfType(stack, "aws_route")
    .filter((r) => tableRefMatches(r.values.route_table_id, table))
    .map(routeView);
}

/** A standalone `aws_route` as a route view. */
export function routeView(route: TerraformObjectView): RouteView {
  return {
    where: route.address,
    destination: literalString(route.values.destination_cidr_block),
    values: route.values,
  };
}

/** The `aws_vpn_gateway_route_propagation`s of a route table. */
export function propagationsOf(stack: StackView, table: TerraformObjectView): TerraformObjectView[] {
  return objectsOfType(stack, "aws_vpn_gateway_route_propagation").filter((p) =>
    tableRefMatches(p.values.route_table_id, table),
  );
}

/** Whether a route table sets `propagating_vgws` (a non-empty list or an expression). */
export function hasPropagatingVgws(table: TerraformObjectView): boolean {
  const v = table.values.propagating_vgws;
  return isExpression(v) || (Array.isArray(v) && v.length > 0);
}

/**
 * The customer prefixes of a stack: the literal `destination_cidr_block`s of its
 * `aws_vpn_connection_route`s (the VPN's static routes).
 */
export function customerPrefixes(stack: StackView): Cidr[] {
  const out: Cidr[] = [];
  for (const r of objectsOfType(stack, "aws_vpn_connection_route")) {
    const c = parseCidr(literalString(r.values.destination_cidr_block) ?? "");
    if (c && c.prefix > 0) out.push(c);
  }
  return out;
}

/** One security group rule, inline or standalone, in one shape. */
export interface SecurityGroupRuleView {
  readonly where: string;
  readonly direction: "ingress" | "egress";
  /** IPv4 and IPv6 CIDRs the rule opens (literals only). */
  readonly cidrs: string[];
  readonly description: unknown;
}

const WORLD = ["0.0.0.0/0", "::/0"];

/** Whether a rule opens the whole internet (0.0.0.0/0 or ::/0). */
export function opensWorld(rule: SecurityGroupRuleView): boolean {
  return rule.cidrs.some((c) => WORLD.includes(c));
}

function cidrList(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const s = literalString(v);
    if (s !== undefined) out.push(s);
    for (const x of literalList(v) ?? []) {
      const t = literalString(x);
      if (t !== undefined) out.push(t);
    }
  }
  return out;
}

/** The security group rule types the pack reads. */
export const SECURITY_GROUP_RULE_TYPES = [
  "aws_security_group",
  "aws_default_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
];

/** The rules an object defines (inline blocks of a group, or the standalone rule itself). */
export function securityGroupRules(object: TerraformObjectView): SecurityGroupRuleView[] {
  const v = object.values;
  switch (object.type) {
    case "aws_security_group":
    case "aws_default_security_group":
      return (["ingress", "egress"] as const).flatMap((direction) =>
        blocks(v[direction]).map((b, i) => ({
          where: `${direction}[${i}]`,
          direction,
          cidrs: cidrList(b.cidr_blocks, b.ipv6_cidr_blocks),
          description: b.description,
        })),
      );
    case "aws_security_group_rule":
      return [
        {
          where: object.address,
          direction: v.type === "egress" ? "egress" : "ingress",
          cidrs: cidrList(v.cidr_blocks, v.ipv6_cidr_blocks),
          description: v.description,
        },
      ];
    case "aws_vpc_security_group_ingress_rule":
    case "aws_vpc_security_group_egress_rule":
      return [
        {
          where: object.address,
          direction: object.type.endsWith("ingress_rule") ? "ingress" : "egress",
          cidrs: cidrList(v.cidr_ipv4, v.cidr_ipv6),
          description: v.description,
        },
      ];
    default:
      return [];
  }
}
