/**
 * Error factories for the AWS site-to-site VPN building blocks. Each code (`PE-VPN-NNN`) keeps its
 * meaning once released; new rules take new codes.
 */
import { PrivateEgressError, invalid } from "./errors";
import { cidrProblem } from "./ip";

/** A value that is not a dotted-quad IPv4 address. */
export function notIpv4(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-001",
    prop,
    value,
    "is not an IPv4 address",
    "give a dotted-quad address such as 18.188.145.101",
  );
}

/** A customer endpoint address that is not public unicast. */
export function notPublicIpv4(prop: string, value: unknown, kind: string): PrivateEgressError {
  return invalid(
    "PE-VPN-002",
    prop,
    value,
    `is not a public unicast address (it is ${kind})`,
    "give the public IPv4 address of the customer's VPN endpoint (not RFC 1918, loopback, link-local, CGNAT, multicast or reserved)",
  );
}

/** A customer-side BGP ASN out of range. */
export function customerAsnOutOfRange(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-003", prop, value, "is not a valid BGP ASN", "use an integer from 1 to 4294967294");
}

/** An Amazon-side ASN outside the private ranges. */
export function amazonAsnNotPrivate(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-004",
    prop,
    value,
    "is not a private ASN",
    "use 64512-65534 or 4200000000-4294967294 for the Amazon side",
  );
}

/**
 * Customer and Amazon side share an ASN; `gateway` names the gateway the connection hangs on
 * ("virtual private gateway" or "transit gateway").
 */
export function asnsEqual(
  prop: string,
  value: unknown,
  gateway = "virtual private gateway",
): PrivateEgressError {
  return invalid(
    "PE-VPN-005",
    prop,
    value,
    `equals the ${gateway}'s Amazon-side ASN`,
    `give the customer gateway and the ${gateway} different ASNs`,
  );
}

/** A tunnel inside CIDR that does not parse or is not network-aligned. */
export function insideCidrMalformed(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-006",
    prop,
    value,
    cidrProblem(value),
    "give a /30 such as 169.254.10.0/30 (the network address, a multiple of 4)",
  );
}

/** A tunnel inside CIDR that is not a /30. */
export function insideCidrNotSlash30(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-007", prop, value, "is not a /30", "give a /30 in 169.254.0.0/16");
}

/** A tunnel inside CIDR outside the link-local block. */
export function insideCidrNotLinkLocal(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-008", prop, value, "is outside 169.254.0.0/16", "give a /30 in 169.254.0.0/16");
}

/** A tunnel inside CIDR AWS reserves. */
export function insideCidrReserved(
  prop: string,
  value: unknown,
  reserved: readonly string[],
): PrivateEgressError {
  return invalid(
    "PE-VPN-009",
    prop,
    value,
    "is reserved by AWS",
    `choose another /30 in 169.254.0.0/16 (reserved: ${reserved.join(", ")})`,
  );
}

/** Both tunnels given the same inside CIDR. */
export function insideCidrsEqual(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-010", prop, value, "is also tunnel 1's inside CIDR", "give each tunnel its own /30");
}

/** An inside CIDR used by another connection on the same virtual private gateway. */
export function insideCidrNotUniqueOnGateway(
  prop: string,
  value: unknown,
  other: string,
): PrivateEgressError {
  return invalid(
    "PE-VPN-011",
    prop,
    value,
    `is already used by ${other} on the same virtual private gateway`,
    "inside CIDRs must be unique across every connection on one gateway; choose another /30",
  );
}

/** A list value (algorithm, IKE version, DH group) AWS does not accept. */
export function notAllowed(
  code: string,
  prop: string,
  value: unknown,
  allowed: readonly (string | number)[],
): PrivateEgressError {
  return invalid(code, prop, value, "is not allowed", `use one or more of ${allowed.join(", ")}`);
}

/** An empty list where AWS needs at least one value. */
export function emptyList(code: string, prop: string): PrivateEgressError {
  return invalid(code, prop, [], "is empty", "give at least one value, or omit the prop for the default");
}

/** A number outside its range (or not an integer). */
export function outOfRange(
  code: string,
  prop: string,
  value: unknown,
  min: number,
  max: number,
  unit = "",
): PrivateEgressError {
  const u = unit ? ` ${unit}` : "";
  return invalid(code, prop, value, "is out of range", `use an integer from ${min} to ${max}${u}`);
}

/** Phase 2 lifetime not below phase 1. */
export function phase2NotBelowPhase1(prop: string, value: unknown, phase1: number): PrivateEgressError {
  return invalid(
    "PE-VPN-021",
    prop,
    value,
    `is not below the phase 1 lifetime (${phase1} s)`,
    "make phase 2 (the IPsec SA) expire before phase 1 (the IKE SA)",
  );
}

/** Rekey margin above half the phase 2 lifetime. */
export function rekeyMarginTooLarge(prop: string, value: unknown, phase2: number): PrivateEgressError {
  return invalid(
    "PE-VPN-022",
    prop,
    value,
    `exceeds half the phase 2 lifetime (${phase2} s)`,
    `use 60 to ${Math.floor(phase2 / 2)} seconds`,
  );
}

/** Startup action `start` without IKEv2 only. */
export function startRequiresIkev2(
  prop: string,
  value: unknown,
  ikeVersions: readonly string[],
): PrivateEgressError {
  return invalid(
    "PE-VPN-028",
    prop,
    value,
    `requires IKEv2 only, but ikeVersions is ${JSON.stringify(ikeVersions)}`,
    "use startup action `add` (the customer initiates) or set ikeVersions to [ikev2]",
  );
}

/** A pre-shared key given as a literal string. */
export function presharedKeyLiteral(prop: string): PrivateEgressError {
  // never echo the value: it is a secret
  return new PrivateEgressError(
    "PE-VPN-029",
    prop,
    `\`${prop}\` (value hidden) is a string literal: it would be written to cdk.tf.json, to Terraform state and to snapshots; ` +
      "pass a token instead (a TerraformVariable with sensitive: true, or a secret reference such as a Secrets Manager secret version), " +
      "or omit it and let AWS generate the key into Secrets Manager",
  );
}

/** A pre-shared key that breaks AWS's format rules. */
export function presharedKeyMalformed(prop: string, problem: string): PrivateEgressError {
  return new PrivateEgressError(
    "PE-VPN-030",
    prop,
    `\`${prop}\` (value hidden) ${problem}; use 8-64 characters of A-Z a-z 0-9 . _, not starting with 0`,
  );
}

/** A static route prefix that does not parse or is not network-aligned. */
export function staticRouteMalformed(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-031",
    prop,
    value,
    cidrProblem(value),
    "give the customer's private prefix in canonical form, e.g. 192.168.100.0/24",
  );
}

/** A default route as a static route. */
export function staticRouteDefault(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-032",
    prop,
    value,
    "would send all traffic over the tunnel",
    "list only the customer's private prefixes, never 0.0.0.0/0",
  );
}

/** Too many static routes. */
export function tooManyStaticRoutes(prop: string, count: number, max: number): PrivateEgressError {
  return invalid(
    "PE-VPN-033",
    prop,
    `${count} prefixes`,
    "exceeds the AWS quota",
    `give at most ${max} static routes per connection`,
  );
}

/** The same prefix twice. */
export function staticRouteDuplicate(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-034", prop, value, "is listed twice", "list each prefix once");
}

/** An empty static route list. */
export function staticRoutesEmpty(prop: string): PrivateEgressError {
  return invalid(
    "PE-VPN-035",
    prop,
    [],
    "is empty",
    "give at least one prefix for static routing, or omit the prop to use BGP",
  );
}

/** Too many connections on one virtual private gateway. */
export function tooManyConnections(prop: string, gateway: string, max: number): PrivateEgressError {
  return invalid(
    "PE-VPN-036",
    prop,
    gateway,
    `already has ${max} VPN connections`,
    `AWS allows at most ${max} connections per virtual private gateway; use another gateway or a transit gateway`,
  );
}

/** Log retention below the floor or not a CloudWatch value. */
export function logRetentionInvalid(
  prop: string,
  value: unknown,
  allowed: readonly number[],
): PrivateEgressError {
  return invalid(
    "PE-VPN-037",
    prop,
    value,
    "is not an allowed retention of at least 365 days",
    `use one of ${allowed.join(", ")} (0 = never expire)`,
  );
}

/** A value outside a closed set (log format, DPD action, startup action, ...). */
export function notOneOf(
  code: string,
  prop: string,
  value: unknown,
  allowed: readonly string[],
): PrivateEgressError {
  return invalid(code, prop, value, "is not allowed", `use one of ${allowed.join(", ")}`);
}

/** A device name AWS rejects. */
export function deviceNameInvalid(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-039", prop, value, "is not a valid device name", "use 1-255 printable characters");
}

/** A certificate ARN that is not an ACM certificate ARN. */
export function certificateArnInvalid(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-040",
    prop,
    value,
    "is not an ACM certificate ARN",
    "give arn:<partition>:acm:<region>:<account>:certificate/<id> of a private certificate",
  );
}

/** A local/remote traffic selector CIDR that does not parse. */
export function networkCidrMalformed(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-041", prop, value, cidrProblem(value), "give a canonical CIDR such as 10.40.0.0/16");
}

/** Route propagation and static routes on one route table. */
export function routingMixed(prop: string, value: unknown, existing: string): PrivateEgressError {
  return invalid(
    "PE-VPN-042",
    prop,
    value,
    `already has ${existing} from this gateway`,
    "use one routing mechanism per route table: static routes (recommended) or route propagation, never both",
  );
}

/** A construct id or key used twice. */
export function duplicateKey(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-043",
    prop,
    value,
    "is already used on this gateway",
    "give each route table a distinct key",
  );
}

/** An alarm setting out of range. */
export function alarmSettingInvalid(prop: string, value: unknown, allowed: string): PrivateEgressError {
  return invalid("PE-VPN-044", prop, value, "is not allowed", allowed);
}

/** A duplicate value in a tunnel option list. */
export function duplicateValue(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-VPN-045", prop, value, "is listed twice", "list each value once");
}

/** `addConnection` given neither a customer gateway nor its address. */
export function customerGatewayMissing(prop: string): PrivateEgressError {
  return invalid(
    "PE-VPN-046",
    prop,
    undefined,
    "is required when `customerGateway` is not given",
    "pass an existing `customerGateway`, or `customerGatewayIp` to create one",
  );
}

/** A VPC CIDR that is not a canonical CIDR. */
export function vpcCidrMalformed(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-047",
    prop,
    value,
    cidrProblem(value),
    "give the VPC's primary CIDR block, e.g. 10.40.0.0/16",
  );
}

/** Rekey fuzz 0: inside AWS's range, but the provider sends 0 as "unset" and AWS applies 100. */
export function rekeyFuzzZero(prop: string): PrivateEgressError {
  return invalid(
    "PE-VPN-055",
    prop,
    0,
    "would not reach AWS: the provider treats 0 as unset and AWS applies its default of 100 percent",
    "use 1-100, or omit the prop for AWS's default of 100",
  );
}

/** `bgp_asn` and `bgp_asn_extended` both set on a customer gateway. */
export function bgpAsnBothSet(prop: string, asn: unknown, extended: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-056",
    prop,
    `${String(extended)} (with bgp_asn ${String(asn)})`,
    "is set together with bgp_asn, which the provider refuses at plan",
    "set bgp_asn for ASNs up to 2147483647, or bgp_asn_extended for ASNs above it, never both",
  );
}

/** `bgp_asn` above what the provider can send (a 32-bit signed integer). */
export function bgpAsnFieldTooLarge(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-057",
    prop,
    value,
    "is above 2147483647: the provider accepts it at plan but cannot send it (32-bit signed field), so apply fails",
    "put ASNs from 2147483648 to 4294967294 in bgp_asn_extended instead",
  );
}

/** `bgp_asn_extended` at or below 2147483647, which AWS refuses. */
export function bgpAsnExtendedTooSmall(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-VPN-058",
    prop,
    value,
    "is at most 2147483647: the provider accepts it at plan but AWS refuses it at apply",
    "put ASNs up to 2147483647 in bgp_asn; bgp_asn_extended takes 2147483648-4294967294",
  );
}
