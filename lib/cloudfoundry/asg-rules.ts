/**
 * Pure validation of application security group rules: the checks Cloud Controller applies when a
 * rule is created (so a bad rule fails at synth, not at apply), plus the library's safety rules.
 * Works on plain objects, so a policy pack can run it over synthesized `cloudfoundry_security_group`
 * JSON as well as constructs over their props. Knows nothing of constructs.
 */
import { PrivateEgressError } from "../core/errors";
import * as E from "../core/errors-cloudfoundry";
import { Cidr, cidrProblem, ipv4ToInt, isIpv4, parseCidr } from "../core/ip";

/** Protocols of an ASG rule. */
export enum AsgProtocol {
  /** TCP; takes `ports`. */
  TCP = "tcp",
  /** UDP; takes `ports`. */
  UDP = "udp",
  /** ICMP (IPv4); takes `type` and `code`. */
  ICMP = "icmp",
  /** ICMPv6: only on foundations with IPv6 enabled (`allowIcmpv6`). */
  ICMPV6 = "icmpv6",
  /** Every protocol; takes no ports. */
  ALL = "all",
}

/**
 * One ASG rule, in Cloud Controller's own field names (the same keys `cloudfoundry_security_group`
 * takes in `rules`).
 */
export interface AsgRule {
  /** The protocol the rule allows. */
  readonly protocol: AsgProtocol;
  /** One IPv4 address, CIDR or range `a-b` (comma lists only with `allowCommaDestinations`). */
  readonly destination: string;
  /**
   * One port, a comma list or one range `a-b`; tcp and udp only, and required there.
   * @default - none (required for tcp/udp, refused otherwise)
   */
  readonly ports?: string;
  /**
   * ICMP type, -1..255 (-1 = all); icmp/icmpv6 only, and required there.
   * @default - none
   */
  readonly type?: number;
  /**
   * ICMP code, -1..255 (-1 = all); icmp/icmpv6 only, and required there.
   * @default - none
   */
  readonly code?: number;
  /**
   * Log connections (Cloud Controller accepts it on every protocol).
   * @default - not set (Cloud Controller: false)
   */
  readonly log?: boolean;
  /**
   * A description of the rule.
   * @default - none
   */
  readonly description?: string;
}

/** What a rule check may allow beyond Cloud Controller's defaults and the library's safety rules. */
export interface AsgRuleCheckOptions {
  /**
   * Accept comma-delimited destinations (`10.0.0.1,10.0.0.2`). Cloud Controller rejects them unless the
   * foundation sets `cc.security_groups.enable_comma_delimited_asg_destinations`.
   * @default false
   */
  readonly allowCommaDestinations?: boolean;
  /**
   * Accept protocol `icmpv6` (IPv6-enabled foundations only). Cloud Controller takes icmpv6 rules with
   * IPv6 destinations only, and this library's ASGs are IPv4-only, so an icmpv6 rule still fails on its
   * destination (and the cloudfoundry provider refuses `icmpv6` at plan).
   * @default false
   */
  readonly allowIcmpv6?: boolean;
  /**
   * Accept destinations wider than a /8 (e.g. the public-internet ranges of a public-egress ASG).
   * 0.0.0.0/0 still fails: it covers the metadata endpoint.
   * @default false
   */
  readonly allowBroadDestinations?: boolean;
  /**
   * Accept a destination covering a whole RFC 1918 block (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16).
   * @default false
   */
  readonly allowWholePrivateNetworks?: boolean;
}

/** Where the rule sits, for messages: `<propPrefix>[<index>].<field>`. */
export interface AsgRuleLocation {
  /** @default 0 */
  readonly index?: number;
  /** @default "rules" */
  readonly propPrefix?: string;
}

/** Cloud Controller's limit on destinations per rule. */
export const MAX_DESTINATIONS_PER_RULE = 6000;
/** Cloud Controller stores an ASG's rules as JSON in a MySQL MEDIUMTEXT column: at most this many bytes. */
export const MAX_RULES_JSON_BYTES = 16777215;
/** A character outside the Basic Multilingual Plane (4 bytes in UTF-8), which MySQL's utf8 columns refuse. */
const OUTSIDE_BMP = /[\u{10000}-\u{10FFFF}]/u;

const ALLOWED_KEYS = new Set(["protocol", "destination", "ports", "type", "code", "log", "description"]);
const METADATA_ENDPOINT = ipv4ToInt("169.254.169.254");
const RFC1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c) as Cidr);
/** Wider than a /8 is "broad". */
const BROAD_SIZE = 2 ** 24;

/** An inclusive range of IPv4 addresses as unsigned integers. */
export interface Ipv4Span {
  /** The first address. */
  readonly first: number;
  /** The last address. */
  readonly last: number;
}

function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** The problem text of an IPv6 destination: Cloud Controller may accept it, this library does not. */
export const IPV6_DESTINATION =
  "is an IPv6 destination: this library's safety rule keeps ASGs IPv4-only, like the private-egress VPN they open (no opt-out)";

/**
 * Parses one destination (IP, CIDR or range) into the addresses it covers; returns a problem text
 * when Cloud Controller would reject it.
 */
export function parseAsgDestination(text: string): Ipv4Span | string {
  if (text === "") return "is empty";
  if (/\s/.test(text)) return "contains whitespace";
  if (text.includes(":")) return IPV6_DESTINATION;
  if (text.includes("/")) {
    const c = parseCidr(text);
    if (!c) return cidrProblem(text);
    return { first: c.network, last: c.last };
  }
  if (text.includes("-")) {
    const parts = text.split("-");
    if (parts.length !== 2 || !isIpv4(parts[0]) || !isIpv4(parts[1])) return "is not a valid IPv4 range a-b";
    const first = ipv4ToInt(parts[0]);
    const last = ipv4ToInt(parts[1]);
    if (first > last) return "is an inverted range (start above end)";
    return { first, last };
  }
  if (!isIpv4(text)) return "is not a valid IPv4 address";
  const n = ipv4ToInt(text);
  return { first: n, last: n };
}

function checkPorts(ports: unknown, prop: string): PrivateEgressError[] {
  if (typeof ports !== "string") return [E.asgRulePortsSyntax(prop, ports, "is not a string")];
  if (ports === "") return [E.asgRulePortsSyntax(prop, ports, "is empty")];
  if (/\s/.test(ports)) {
    return [
      E.asgRulePortsSyntax(
        prop,
        ports,
        "contains whitespace: Cloud Controller accepts it, but this library's safety rule refuses it so every rule has one spelling (no opt-out; remove the spaces)",
      ),
    ];
  }
  const hasComma = ports.includes(",");
  const hasDash = ports.includes("-");
  if (hasComma && hasDash) return [E.asgRulePortsSyntax(prop, ports, "mixes a list and a range")];
  const parts = hasDash ? ports.split("-") : ports.split(",");
  if (hasDash && parts.length !== 2) return [E.asgRulePortsSyntax(prop, ports, "is not one range a-b")];
  for (const p of parts) {
    if (!/^\d+$/.test(p))
      return [E.asgRulePortsSyntax(prop, ports, `has ${p === "" ? "an empty" : `a non-numeric`} port`)];
    const n = Number(p);
    if (n < 1 || n > 65535) return [E.asgRulePortsSyntax(prop, ports, `has port ${p} outside 1-65535`)];
  }
  if (hasDash && Number(parts[0]) >= Number(parts[1])) {
    return [E.asgRulePortsSyntax(prop, ports, "is a range whose start is not below its end")];
  }
  return [];
}

function checkDestination(
  destination: unknown,
  prop: string,
  options: AsgRuleCheckOptions,
  protocol: unknown,
): PrivateEgressError[] {
  if (typeof destination !== "string")
    return [E.asgRuleDestinationSyntax(prop, destination, "is not a string")];
  const parts = destination.includes(",") ? destination.split(",") : [destination];
  if (parts.length > 1 && !(options.allowCommaDestinations ?? false)) {
    return [E.asgRuleCommaDestinations(prop, destination)];
  }
  if (parts.length > MAX_DESTINATIONS_PER_RULE) return [E.asgRuleTooManyDestinations(prop, parts.length)];
  const out: PrivateEgressError[] = [];
  for (const part of parts) {
    const span = parseAsgDestination(part);
    if (typeof span === "string") {
      out.push(E.asgRuleDestinationSyntax(prop, part, span));
      continue;
    }
    if (protocol === "icmpv6") {
      out.push(E.asgRuleIcmpv6Ipv4(prop, part));
      continue;
    }
    if (span.last - span.first + 1 > BROAD_SIZE && !(options.allowBroadDestinations ?? false)) {
      out.push(E.asgRuleWholeInternet(prop, part));
    }
    if (!(options.allowWholePrivateNetworks ?? false)) {
      const whole = RFC1918.find((b) => span.first <= b.network && b.last <= span.last);
      if (whole) out.push(E.asgRuleWholePrivateNetwork(prop, part, whole.text));
    }
    if (span.first <= METADATA_ENDPOINT && METADATA_ENDPOINT <= span.last) {
      out.push(E.asgRuleMetadataEndpoint(prop, part));
    }
  }
  return out;
}

/**
 * Checks one ASG rule the way Cloud Controller does (keys, protocol, ports, destination, ICMP type and
 * code, `log` a boolean, icmpv6 never with IPv4, descriptions inside the Basic Multilingual Plane), plus the library's safety rules (no metadata endpoint, no broad or whole-RFC 1918
 * destination unless allowed). Returns every problem found; an empty list means the rule is accepted.
 * Props in messages read `rules[<index>].<field>`.
 *
 * @example
 * const problems = checkAsgRule({ protocol: "tcp", destination: "10.1.0.0/16", ports: "443" }, { index: 2 });
 */
export function checkAsgRule(
  rule: unknown,
  options: AsgRuleCheckOptions & AsgRuleLocation = {},
): PrivateEgressError[] {
  const base = `${options.propPrefix ?? "rules"}[${options.index ?? 0}]`;
  if (typeof rule !== "object" || rule === null || Array.isArray(rule))
    return [E.asgRuleNotObject(base, rule)];
  const r = rule as Record<string, unknown>;
  const out: PrivateEgressError[] = [];
  for (const key of Object.keys(r)) {
    if (!ALLOWED_KEYS.has(key)) out.push(E.asgRuleUnknownKey(`${base}.${key}`, key));
  }
  const allowIcmpv6 = options.allowIcmpv6 ?? false;
  const protocols = ["tcp", "udp", "icmp", "all", ...(allowIcmpv6 ? ["icmpv6"] : [])];
  const protocol = r.protocol;
  const protocolOk = typeof protocol === "string" && protocols.includes(protocol);
  if (!protocolOk) out.push(E.asgRuleProtocol(`${base}.protocol`, protocol, allowIcmpv6));

  if (protocolOk) {
    const p = protocol as string;
    const ported = p === "tcp" || p === "udp";
    const icmp = p === "icmp" || p === "icmpv6";
    if (ported) {
      if (!present(r.ports)) out.push(E.asgRulePortsMissing(`${base}.ports`, p));
      else out.push(...checkPorts(r.ports, `${base}.ports`));
    } else if (present(r.ports)) {
      out.push(E.asgRulePortsNotAllowed(`${base}.ports`, r.ports, p));
    }
    for (const field of ["type", "code"] as const) {
      const v = r[field];
      const prop = `${base}.${field}`;
      if (icmp) {
        if (!present(v)) out.push(E.asgRuleIcmpField(prop, v, `is required for protocol ${p}`));
        else if (!isInt(v)) out.push(E.asgRuleIcmpField(prop, v, "is not an integer"));
        else if (v < -1 || v > 255) out.push(E.asgRuleIcmpField(prop, v, "is outside -1..255"));
      } else if (present(v)) {
        out.push(E.asgRuleIcmpFieldNotAllowed(prop, v, p));
      }
    }
  }
  if (present(r.log) && typeof r.log !== "boolean") {
    out.push(E.asgRuleLog(`${base}.log`, r.log, "is not a boolean"));
  }
  if (present(r.description)) {
    if (typeof r.description !== "string")
      out.push(E.asgRuleDescription(`${base}.description`, r.description));
    else if (OUTSIDE_BMP.test(r.description)) {
      out.push(E.asgRuleDescriptionOutsideBmp(`${base}.description`, r.description));
    }
  }
  if (!present(r.destination)) {
    out.push(E.asgRuleDestinationSyntax(`${base}.destination`, r.destination, "is missing"));
  } else {
    out.push(...checkDestination(r.destination, `${base}.destination`, options, r.protocol));
  }
  return out;
}

/**
 * Checks a list of rules (at least one, as the provider requires; their JSON at most 16,777,215 bytes,
 * Cloud Controller's MEDIUMTEXT column). Returns every problem of every rule.
 *
 * @example
 * const problems = checkAsgRules(json.resource.cloudfoundry_security_group.x.rules);
 */
export function checkAsgRules(
  rules: unknown,
  options: AsgRuleCheckOptions & Pick<AsgRuleLocation, "propPrefix"> = {},
): PrivateEgressError[] {
  const prefix = options.propPrefix ?? "rules";
  if (!Array.isArray(rules) || rules.length === 0) return [E.asgRulesEmpty(prefix)];
  const out = rules.flatMap((rule, index) => checkAsgRule(rule, { ...options, index }));
  const bytes = Buffer.byteLength(JSON.stringify(rules), "utf8");
  if (bytes > MAX_RULES_JSON_BYTES) out.push(E.asgRulesTooLarge(prefix, bytes, MAX_RULES_JSON_BYTES));
  return out;
}

/** The addresses a destination text covers (comma lists included); undefined when it does not parse. */
export function asgDestinationSpans(destination: string): Ipv4Span[] | undefined {
  const spans: Ipv4Span[] = [];
  for (const part of destination.split(",")) {
    const s = parseAsgDestination(part);
    if (typeof s === "string") return undefined;
    spans.push(s);
  }
  return spans;
}
