/**
 * Tenant isolation read from the synthesized JSON of a platform: which transit gateway routes and
 * segment routes each tenant stack defines, and every one that could carry traffic to another
 * tenant's segment or private CIDRs. Used by the example's tests (with a negative control).
 */
import { cidrsOverlap, parseCidr } from "../../lib/core/ip";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a tenant owns, from its request. */
export interface TenantNetworks {
  readonly stackId: string;
  readonly segmentCidrBlock: string;
  readonly privateCidrs: string[];
}

const overlaps = (a: string, b: string): boolean => {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x !== undefined && y !== undefined && cidrsOverlap(x, y);
};
const inside = (inner: string, outer: string): boolean => {
  const x = parseCidr(inner);
  const y = parseCidr(outer);
  return x !== undefined && y !== undefined && x.prefix >= y.prefix && cidrsOverlap(x, y);
};

const resources = (json: Json, type: string): Array<[string, Json]> =>
  Object.entries((json.resource?.[type] ?? {}) as Json);

/** A reference to a resource of the same stack: `aws_x.Name` of `${aws_x.Name.attr}`. */
function localRef(expression: unknown): string | undefined {
  return /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(String(expression))?.[1];
}

/** A cross-stack reference's output name, e.g. `cross-stack-output-aws_ec2_transit_gateway_vpc_attachment...`. */
function remoteRef(expression: unknown): string | undefined {
  return /^\$\{data\.terraform_remote_state\.[A-Za-z0-9_-]+\.outputs\.([A-Za-z0-9_-]+)\}$/.exec(
    String(expression),
  )?.[1];
}

/** Every isolation violation of the platform's stacks (empty: isolated). */
export function isolationViolations(stacks: Map<string, Json>, tenants: TenantNetworks[]): string[] {
  const out: string[] = [];
  for (const t of tenants) {
    const json = stacks.get(t.stackId);
    if (!json) {
      out.push(`${t.stackId}: no stack`);
      continue;
    }
    const others = tenants.filter((o) => o !== t);
    const foreign = (cidr: string) =>
      others.find((o) => overlaps(cidr, o.segmentCidrBlock) || o.privateCidrs.some((c) => overlaps(cidr, c)));
    const ownTables = new Set(
      resources(json, "aws_ec2_transit_gateway_route_table").map(
        ([n]) => `aws_ec2_transit_gateway_route_table.${n}`,
      ),
    );
    const ownVpns = new Set(resources(json, "aws_vpn_connection").map(([n]) => `aws_vpn_connection.${n}`));
    if (ownTables.size !== 1)
      out.push(`${t.stackId}: ${ownTables.size} transit gateway route tables, expected its own one`);
    for (const [name, r] of resources(json, "aws_ec2_transit_gateway_route")) {
      const dest = String(r.destination_cidr_block);
      const table = localRef(r.transit_gateway_route_table_id);
      const who = foreign(dest);
      if (table && ownTables.has(table)) {
        // the tenant's own table: only its own segment, reached through the VPC attachment
        if (!inside(dest, t.segmentCidrBlock))
          out.push(`${t.stackId}: ${name} routes ${dest}, outside its segment ${t.segmentCidrBlock}`);
        if (who) out.push(`${t.stackId}: ${name} routes ${dest} to ${who.stackId}'s networks`);
        if (
          !/vpc_attachment/.test(
            remoteRef(r.transit_gateway_attachment_id) ?? localRef(r.transit_gateway_attachment_id) ?? "",
          )
        ) {
          out.push(`${t.stackId}: ${name} in its own table does not lead to the VPC attachment`);
        }
      } else {
        // the platform VPC's table: only this tenant's CIDRs, to this tenant's VPN
        if (!t.privateCidrs.includes(dest))
          out.push(`${t.stackId}: ${name} puts ${dest} (not its CIDR) in the VPC's table`);
        const target = localRef(r.transit_gateway_attachment_id);
        if (!target || !ownVpns.has(target))
          out.push(
            `${t.stackId}: ${name} sends ${dest} to ${String(r.transit_gateway_attachment_id)}, not its own VPN`,
          );
      }
    }
    for (const [name, a] of resources(json, "aws_ec2_transit_gateway_route_table_association")) {
      const table = localRef(a.transit_gateway_route_table_id);
      if (!table || !ownTables.has(table)) out.push(`${t.stackId}: ${name} associates with another table`);
      const att = localRef(a.transit_gateway_attachment_id);
      if (!att || !ownVpns.has(att))
        out.push(`${t.stackId}: ${name} associates an attachment that is not its VPN`);
    }
    for (const [name, r] of resources(json, "aws_route")) {
      if (r.transit_gateway_id === undefined) continue;
      const dest = String(r.destination_cidr_block);
      if (!t.privateCidrs.includes(dest))
        out.push(`${t.stackId}: segment ${name} sends ${dest} (not its CIDR) to the transit gateway`);
      const who = others.find((o) => o.privateCidrs.some((c) => overlaps(dest, c)));
      if (who) out.push(`${t.stackId}: segment ${name} routes ${who.stackId}'s CIDR ${dest}`);
    }
  }
  for (const [id, json] of stacks) {
    if (resources(json, "aws_ec2_transit_gateway_route_table_propagation").length > 0)
      out.push(`${id}: route propagation`);
    for (const [name, g] of resources(json, "aws_ec2_transit_gateway")) {
      if (
        g.default_route_table_association !== "disable" ||
        g.default_route_table_propagation !== "disable"
      ) {
        out.push(`${id}: ${name} keeps a default route table`);
      }
    }
  }
  return out;
}

/** A packet as a network ACL sees it. */
export interface Packet {
  readonly source: string;
  readonly destination: string;
  /** `tcp`, `udp` or `icmp`. */
  readonly protocol: "tcp" | "udp" | "icmp";
  /** Destination port (tcp, udp). */
  readonly port?: number;
}

const PROTOCOL_NUMBERS: Record<string, string> = { tcp: "6", udp: "17", icmp: "1" };

/**
 * What a stack's network ACL does with a packet, evaluated as AWS does: the rules of the direction
 * (inbound rules match the source, outbound rules the destination) in ascending rule number, the
 * first that matches decides; none matching is the implicit deny (`*`). Returns the verdict and the
 * deciding rule's name.
 */
export function aclVerdict(
  json: Json,
  direction: "inbound" | "outbound",
  packet: Packet,
): { action: "allow" | "deny"; rule: string } {
  const acls = Object.keys(json.resource?.aws_network_acl ?? {});
  if (acls.length !== 1) throw new Error(`expected one network ACL in the stack, found ${acls.length}`);
  const address = direction === "inbound" ? packet.source : packet.destination;
  const rules = resources(json, "aws_network_acl_rule")
    .filter(([, r]) => r.egress === (direction === "outbound"))
    .sort(([, a], [, b]) => Number(a.rule_number) - Number(b.rule_number));
  for (const [name, r] of rules) {
    const block = parseCidr(String(r.cidr_block));
    if (!block || !inside(`${address}/32`, String(r.cidr_block))) continue;
    const protocol = String(r.protocol);
    if (protocol !== "-1" && protocol !== packet.protocol && protocol !== PROTOCOL_NUMBERS[packet.protocol])
      continue;
    if (protocol !== "-1" && packet.protocol !== "icmp") {
      const port = packet.port ?? 0;
      if (port < Number(r.from_port) || port > Number(r.to_port)) continue;
    }
    return { action: r.rule_action === "allow" ? "allow" : "deny", rule: name };
  }
  return { action: "deny", rule: "*" };
}

/**
 * Whether a packet gets from one subnet to another through both network ACLs: out through the
 * sender's (its outbound rules), in through the receiver's (its inbound rules).
 */
export function aclPath(
  from: Json | undefined,
  to: Json | undefined,
  packet: Packet,
): { out?: string; in?: string; delivered: boolean } {
  const out = from ? aclVerdict(from, "outbound", packet) : undefined;
  const inbound = to ? aclVerdict(to, "inbound", packet) : undefined;
  return {
    out: out && `${out.action} (${out.rule})`,
    in: inbound && `${inbound.action} (${inbound.rule})`,
    delivered: (out?.action ?? "allow") === "allow" && (inbound?.action ?? "allow") === "allow",
  };
}
