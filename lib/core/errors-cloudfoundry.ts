/**
 * Error factories for the Cloud Foundry building blocks (`PE-CF-NNN`). Each names the prop, shows the
 * value received and says what is allowed. Codes never change meaning once released.
 */
import { invalid, PrivateEgressError } from "./errors";

/** ASG rule field outside the keys Cloud Controller accepts. */
export function asgRuleUnknownKey(prop: string, key: string): PrivateEgressError {
  return invalid(
    "PE-CF-001",
    prop,
    key,
    "is not a key Cloud Controller accepts in an ASG rule",
    "use only protocol, destination, ports, type, code, log, description",
  );
}

export function asgRuleProtocol(prop: string, value: unknown, icmpv6: boolean): PrivateEgressError {
  return invalid(
    "PE-CF-002",
    prop,
    value,
    "is not an ASG protocol",
    `use tcp, udp, icmp${icmpv6 ? ", icmpv6" : ""} or all${icmpv6 ? "" : " (icmpv6 only with allowIcmpv6 on IPv6 foundations)"}`,
  );
}

export function asgRulePortsMissing(prop: string, protocol: string): PrivateEgressError {
  return invalid(
    "PE-CF-003",
    prop,
    undefined,
    `is required for protocol ${protocol}`,
    "give one port, a comma list or a range a-b",
  );
}

export function asgRulePortsNotAllowed(prop: string, value: unknown, protocol: string): PrivateEgressError {
  // Cloud Controller refuses ports on `all` rules; on icmp/icmpv6 rules it ignores them
  return invalid(
    "PE-CF-004",
    prop,
    value,
    protocol === "all"
      ? `is not allowed for protocol ${protocol}`
      : `is not allowed for protocol ${protocol} (Cloud Controller ignores it; this library's safety rule refuses it so a rule never claims a port it does not filter)`,
    `ports apply to tcp and udp only${protocol === "all" ? "" : " (no opt-out; remove it)"}`,
  );
}

export function asgRulePortsSyntax(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid(
    "PE-CF-005",
    prop,
    value,
    problem,
    "use one port (443), a comma list (80,443) or one range a-b with a < b; each 1-65535, no spaces, no leading zeros, lists and ranges not mixed",
  );
}

export function asgRuleDestinationSyntax(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid(
    "PE-CF-006",
    prop,
    value,
    problem,
    "use one IPv4 address, one CIDR (a.b.c.d/n) or one range a-b with a <= b; no whitespace, no leading zeros",
  );
}

export function asgRuleCommaDestinations(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-007",
    prop,
    value,
    "is a comma-delimited list, which Cloud Controller rejects unless the foundation enables comma-delimited destinations",
    "set allowCommaDestinations only if your foundation turns the feature on, or split the rule",
  );
}

export function asgRuleTooManyDestinations(prop: string, count: number): PrivateEgressError {
  return invalid(
    "PE-CF-008",
    prop,
    `${count} destinations`,
    "exceeds Cloud Controller's limit",
    "at most 6000 destinations per rule",
  );
}

export function asgRuleIcmpField(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid(
    "PE-CF-009",
    prop,
    value,
    problem,
    "icmp rules need integer type and code in -1..255 (-1 = all)",
  );
}

export function asgRuleIcmpFieldNotAllowed(
  prop: string,
  value: unknown,
  protocol: string,
): PrivateEgressError {
  return invalid(
    "PE-CF-010",
    prop,
    value,
    `is not allowed for protocol ${protocol} (Cloud Controller ignores it; this library's safety rule refuses it so a rule never claims an ICMP filter it does not apply)`,
    "type and code apply to icmp and icmpv6 only (no opt-out; remove it)",
  );
}

export function asgRuleLog(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid("PE-CF-011", prop, value, problem, "log is true or false (any protocol)");
}

export function asgRuleDescription(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-CF-012", prop, value, "is not a string", "give a text description or leave it out");
}

export function asgRuleMetadataEndpoint(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-013",
    prop,
    value,
    "covers the IaaS metadata endpoint 169.254.169.254 (Cloud Controller accepts it; this library's safety rule refuses it)",
    "no option allows it; leave 169.254.0.0/16 out (e.g. ranges 0.0.0.0-169.253.255.255 and 169.255.0.0-...)",
  );
}

export function asgRuleWholeInternet(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-014",
    prop,
    value,
    "covers more than a /8 (16,777,216 addresses); one broad rule defeats every narrow ASG (Cloud Controller accepts it; this library's safety rule refuses it)",
    "name the networks you need, or opt out with allowBroadDestinations for a deliberate public-egress ASG (0.0.0.0/0 still fails: it covers the metadata endpoint)",
  );
}

export function asgRuleWholePrivateNetwork(prop: string, value: unknown, block: string): PrivateEgressError {
  return invalid(
    "PE-CF-015",
    prop,
    value,
    `covers the whole RFC 1918 block ${block}, opening the platform's internal network (Cloud Controller accepts it; this library's safety rule refuses it)`,
    "name the private CIDRs you need, or opt out with allowWholePrivateNetworks",
  );
}

export function asgRuleNotObject(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-016",
    prop,
    value,
    "is not an ASG rule object",
    "give { protocol, destination, ... }",
  );
}

export function asgRulesEmpty(prop: string): PrivateEgressError {
  return invalid("PE-CF-017", prop, [], "has no rules", "give at least one rule (the provider requires one)");
}

export function asgName(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-018",
    prop,
    value,
    "is not a usable security group name",
    "1-250 printable characters without whitespace",
  );
}

export function isolationSegmentName(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-019",
    prop,
    value,
    "is not a usable isolation segment name / placement tag",
    "1-63 characters of a-z, 0-9, '-' and '_', starting and ending with a letter or digit",
  );
}

export function notEntitled(segment: string): PrivateEgressError {
  return invalid(
    "PE-CF-020",
    "orgs",
    [],
    `: isolation segment ${segment} is entitled to no org, so no space can use it`,
    "pass orgs or call addOrg()",
  );
}

export function spaceName(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-021",
    prop,
    value,
    "is not a usable name",
    "1-255 characters, no leading or trailing whitespace",
  );
}

export function guid(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-022",
    prop,
    value,
    "is not a GUID",
    "give a GUID like 3bc20dc4-1870-4835-8308-dda2d766e61e",
  );
}

export function egressTierMix(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-023",
    prop,
    value,
    "mixes CLOSED with other tiers",
    "CLOSED means nothing bound: give it alone, or give only open tiers",
  );
}

export function egressNoSpaces(prop: string): PrivateEgressError {
  return invalid("PE-CF-024", prop, [], "is empty", "give at least one space");
}

export function egressTierName(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-025",
    prop,
    value,
    "is not a usable ASG name",
    "the platform ASG's exact name, no whitespace",
  );
}

export function privateCidr(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid(
    "PE-CF-026",
    prop,
    value,
    problem,
    "give network-aligned IPv4 CIDRs like 192.168.100.0/24, each once",
  );
}

export function privateService(
  prop: string,
  value: unknown,
  problem: string,
  allowed: string,
): PrivateEgressError {
  return invalid("PE-CF-027", prop, value, problem, allowed);
}

export function privateEgressEmpty(prop: string): PrivateEgressError {
  return invalid("PE-CF-028", prop, [], "is empty", "give at least one private CIDR or private service");
}

export function capacityInput(prop: string, value: unknown, allowed: string): PrivateEgressError {
  return invalid("PE-CF-029", prop, value, "is out of range", allowed);
}

export function capacityInstanceTooLarge(
  prop: string,
  value: unknown,
  cellMemoryMb: number,
): PrivateEgressError {
  return invalid(
    "PE-CF-030",
    prop,
    value,
    `does not fit on one cell of ${cellMemoryMb} MB after the reserve`,
    "choose a larger cell (cellMemoryMb) or smaller instances",
  );
}

export function cellsInput(
  prop: string,
  value: unknown,
  problem: string,
  allowed: string,
): PrivateEgressError {
  return invalid("PE-CF-031", prop, value, problem, allowed);
}

export function cellsSubnets(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid(
    "PE-CF-032",
    prop,
    value,
    problem,
    "give at least one dedicated subnet per availability zone used, at least 2 zones",
  );
}

export function serviceInstanceName(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-033",
    prop,
    value,
    "is not a usable service instance name",
    "1-255 characters without whitespace",
  );
}

/** An icmpv6 rule with an IPv4 destination. */
export function asgRuleIcmpv6Ipv4(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-CF-040",
    prop,
    value,
    'is an IPv4 destination for protocol icmpv6, which Cloud Controller refuses ("for protocol icmpv6 you cannot use IPv4 addresses")',
    "use protocol icmp for IPv4 destinations",
  );
}

/** A rule description with a character outside the Basic Multilingual Plane. */
export function asgRuleDescriptionOutsideBmp(prop: string, value: string): PrivateEgressError {
  const ch = Array.from(value).find((c) => (c.codePointAt(0) ?? 0) > 0xffff) ?? "";
  const cp = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`;
  return invalid(
    "PE-CF-041",
    prop,
    value,
    `has a character outside the Basic Multilingual Plane (${cp}), which Cloud Controllers on MySQL refuse`,
    "use characters up to U+FFFF (no emoji or other 4-byte UTF-8 characters)",
  );
}

/** Rules whose JSON exceeds Cloud Controller's column. */
export function asgRulesTooLarge(prop: string, bytes: number, max: number): PrivateEgressError {
  return invalid(
    "PE-CF-042",
    prop,
    `${bytes} bytes of JSON`,
    `exceeds the ${max} bytes Cloud Controller can store for one ASG's rules`,
    "split the rules over several ASGs",
  );
}
