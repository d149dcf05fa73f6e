/**
 * Pure validators for AWS site-to-site VPN inputs: customer gateway, virtual private gateway, tunnel
 * options, inside CIDRs, pre-shared keys and static routes. No constructs: each function returns the
 * list of problems found (empty = valid), so the constructs throw the first and a policy pack can
 * check synthesized JSON of stacks built from raw provider resources
 * (`checkVpnConnectionResource(json)`, ...).
 *
 * Values that are unresolved (cdktf tokens, or `${...}` Terraform expressions in synthesized JSON)
 * are skipped.
 */
import { PrivateEgressError } from "../core/errors";
import * as E from "../core/errors-vpn";
import { cidrContains, isIpv4, isPublicUnicastIpv4, ipv4Class, parseCidr } from "../core/ip";
import { expressionsAsTokens, isUnresolved } from "../core/tokens";

// ---------------------------------------------------------------------------------------------
// AWS's allowed values (hashicorp/aws 5.100.0, AWS Site-to-Site VPN user guide)
// ---------------------------------------------------------------------------------------------

/** IKE versions a tunnel accepts. */
export const IKE_VERSIONS: readonly string[] = ["ikev1", "ikev2"];
/** Phase 1 encryption algorithms. */
export const PHASE1_ENCRYPTION_ALGORITHMS: readonly string[] = [
  "AES128",
  "AES256",
  "AES128-GCM-16",
  "AES256-GCM-16",
];
/** Phase 2 encryption algorithms. */
export const PHASE2_ENCRYPTION_ALGORITHMS: readonly string[] = [
  "AES128",
  "AES256",
  "AES128-GCM-16",
  "AES256-GCM-16",
];
/** Phase 1 integrity algorithms. */
export const PHASE1_INTEGRITY_ALGORITHMS: readonly string[] = ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"];
/** Phase 2 integrity algorithms. */
export const PHASE2_INTEGRITY_ALGORITHMS: readonly string[] = ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"];
/** Phase 1 Diffie-Hellman groups (group 5 is phase 2 only). */
export const PHASE1_DH_GROUP_NUMBERS: readonly number[] = [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
/** Phase 2 Diffie-Hellman groups. */
export const PHASE2_DH_GROUP_NUMBERS: readonly number[] = [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
/** Dead peer detection timeout actions. */
export const DPD_TIMEOUT_ACTIONS: readonly string[] = ["clear", "none", "restart"];
/** Tunnel startup actions. */
export const STARTUP_ACTIONS: readonly string[] = ["add", "start"];
/** Tunnel log output formats. */
export const LOG_OUTPUT_FORMATS: readonly string[] = ["json", "text"];
/** VPN connection and customer gateway `type` AWS supports (EC2 API reference: "the supported connection type is ipsec.1"). */
export const VPN_TYPES: readonly string[] = ["ipsec.1"];
/** `tunnel_inside_ip_version` values. */
export const TUNNEL_INSIDE_IP_VERSIONS: readonly string[] = ["ipv4", "ipv6"];
/** `preshared_key_storage` values. */
export const PRESHARED_KEY_STORAGES: readonly string[] = ["Standard", "SecretsManager"];
/** `outside_ip_address_type` values. */
export const OUTSIDE_IP_ADDRESS_TYPES: readonly string[] = ["PublicIpv4", "PrivateIpv4"];
/** The largest value of AWS's 32-bit integer tunnel fields (the provider converts larger values without a check). */
export const MAX_AWS_INT32 = 2147483647;
/** The block every tunnel inside CIDR must sit in. */
export const TUNNEL_INSIDE_CIDR_BLOCK = "169.254.0.0/16";
/** Inside /30s AWS reserves and rejects. */
export const RESERVED_TUNNEL_INSIDE_CIDRS: readonly string[] = [
  "169.254.0.0/30",
  "169.254.1.0/30",
  "169.254.2.0/30",
  "169.254.3.0/30",
  "169.254.4.0/30",
  "169.254.5.0/30",
  "169.254.169.252/30",
];

/** A closed integer range. */
export interface IntRange {
  /** The smallest value allowed. */
  readonly min: number;
  /** The largest value allowed. */
  readonly max: number;
}

/**
 * Numeric ranges of the tunnel options (rekey margin's upper bound is also half the phase 2 lifetime).
 * DPD timeout: AWS documents a minimum of 30 and no maximum; the upper bound is the API's 32-bit
 * integer. Rekey fuzz 0 is refused separately (the provider sends 0 as "unset").
 */
export const TUNNEL_OPTION_RANGES = {
  /** Phase 1 lifetime, seconds. */
  phase1LifetimeSeconds: { min: 900, max: 28800 } as IntRange,
  /** Phase 2 lifetime, seconds. */
  phase2LifetimeSeconds: { min: 900, max: 3600 } as IntRange,
  /** Rekey margin, seconds. */
  rekeyMarginTimeSeconds: { min: 60, max: 1800 } as IntRange,
  /** Rekey fuzz, percent. */
  rekeyFuzzPercentage: { min: 0, max: 100 } as IntRange,
  /** Replay window, packets. */
  replayWindowSize: { min: 64, max: 2048 } as IntRange,
  /** Dead peer detection timeout, seconds. */
  dpdTimeoutSeconds: { min: 30, max: MAX_AWS_INT32 } as IntRange,
} as const satisfies Record<string, IntRange>;

/**
 * What AWS configures when a tunnel option is omitted (EC2 API reference, VpnTunnelOptionsSpecification:
 * rekey margin 270 s; older user guides said 540).
 */
export const AWS_TUNNEL_DEFAULTS = {
  /** Phase 1 lifetime, seconds. */
  phase1LifetimeSeconds: 28800,
  /** Phase 2 lifetime, seconds. */
  phase2LifetimeSeconds: 3600,
  /** Rekey margin, seconds. */
  rekeyMarginTimeSeconds: 270,
  /** Rekey fuzz, percent. */
  rekeyFuzzPercentage: 100,
  /** Replay window, packets. */
  replayWindowSize: 1024,
  /** Dead peer detection timeout, seconds. */
  dpdTimeoutSeconds: 30,
  /** Action on a dead peer detection timeout. */
  dpdTimeoutAction: "clear",
  /** Who initiates IKE (`add`: the customer device). */
  startupAction: "add",
  /** IKE versions accepted. */
  ikeVersions: ["ikev1", "ikev2"] as readonly string[],
} as const;

/** Customer-side BGP ASN range; `bgp_asn` holds up to 2147483647, `bgp_asn_extended` the rest. */
export const CUSTOMER_ASN_RANGE: IntRange = { min: 1, max: 4294967294 };
/**
 * The largest ASN `bgp_asn` takes (the provider parses it as a 32-bit signed integer); above it the
 * provider needs `bgp_asn_extended`, which in turn takes only ASNs above it.
 */
export const MAX_TWO_BYTE_FIELD_ASN = 2147483647;
/** Private ASN ranges the Amazon side may use. */
export const AMAZON_SIDE_ASN_RANGES: readonly IntRange[] = [
  { min: 64512, max: 65534 },
  { min: 4200000000, max: 4294967294 },
];
/** Static routes per VPN connection. */
export const MAX_STATIC_ROUTES = 100;
/** VPN connections per virtual private gateway. */
export const MAX_CONNECTIONS_PER_VPN_GATEWAY = 10;
/** CloudWatch Logs retention values of at least a year (0 = never expire). */
export const LOG_RETENTION_DAYS: readonly number[] = [
  0, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
/** Pre-shared key rule: 8-64 of A-Z a-z 0-9 . _, not starting with 0. */
export const PRESHARED_KEY_PATTERN = /^[A-Za-z1-9._][A-Za-z0-9._]{7,63}$/;

// ---------------------------------------------------------------------------------------------
// Naming: the same checks report construct props or Terraform arguments
// ---------------------------------------------------------------------------------------------

/** How the validators name the prop at fault. */
export enum PropStyle {
  /** Construct props: `tunnel1.phase1LifetimeSeconds`. */
  CONSTRUCT = "construct",
  /** Terraform arguments: `tunnel1_phase1_lifetime_seconds`. */
  TERRAFORM = "terraform",
}

const snakeNames = new Map<string, string>();

function snake(s: string): string {
  let name = snakeNames.get(s);
  if (name === undefined) {
    name = s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
    snakeNames.set(s, name);
  }
  return name;
}

/** The name of tunnel option `field` of `tunnel` (`tunnel1`/`tunnel2`) in the given style. */
export function tunnelPropName(
  tunnel: string,
  field: string,
  style: PropStyle = PropStyle.CONSTRUCT,
): string {
  return style === PropStyle.CONSTRUCT ? `${tunnel}.${field}` : `${tunnel}_${snake(field)}`;
}

// ---------------------------------------------------------------------------------------------
// Tunnel options
// ---------------------------------------------------------------------------------------------

/** Tunnel options as plain values, every one optional (AWS's defaults apply to the rest). */
export interface TunnelOptionsInput {
  /** IKE versions the tunnel accepts (`ikev1`, `ikev2`). */
  readonly ikeVersions?: readonly string[];
  /** Phase 1 (IKE SA) encryption algorithms offered. */
  readonly phase1EncryptionAlgorithms?: readonly string[];
  /** Phase 2 (IPsec SA) encryption algorithms offered. */
  readonly phase2EncryptionAlgorithms?: readonly string[];
  /** Phase 1 (IKE SA) integrity algorithms offered. */
  readonly phase1IntegrityAlgorithms?: readonly string[];
  /** Phase 2 (IPsec SA) integrity algorithms offered. */
  readonly phase2IntegrityAlgorithms?: readonly string[];
  /** Phase 1 Diffie-Hellman group numbers offered. */
  readonly phase1DhGroupNumbers?: readonly number[];
  /** Phase 2 Diffie-Hellman (perfect forward secrecy) group numbers offered. */
  readonly phase2DhGroupNumbers?: readonly number[];
  /** Phase 1 lifetime in seconds (900-28800). */
  readonly phase1LifetimeSeconds?: number;
  /** Phase 2 lifetime in seconds (900-3600), below the phase 1 lifetime. */
  readonly phase2LifetimeSeconds?: number;
  /** Seconds before the phase 2 lifetime ends when AWS rekeys (60 to half the phase 2 lifetime). */
  readonly rekeyMarginTimeSeconds?: number;
  /** Percentage of the rekey margin within which the rekey time is chosen at random (1-100). */
  readonly rekeyFuzzPercentage?: number;
  /** Packets in the IKE replay window (64-2048). */
  readonly replayWindowSize?: number;
  /** Seconds without dead peer detection replies before the timeout action (30 or more). */
  readonly dpdTimeoutSeconds?: number;
  /** What AWS does on a dead peer detection timeout: `clear`, `none` or `restart`. */
  readonly dpdTimeoutAction?: string;
  /** `add` (the customer device initiates IKE) or `start` (AWS initiates). */
  readonly startupAction?: string;
  /** The tunnel's inside /30 in 169.254.0.0/16. */
  readonly insideCidr?: string;
}

function checkList<T extends string | number>(
  code: string,
  prop: string,
  values: readonly T[] | undefined,
  allowed: readonly T[],
): PrivateEgressError[] {
  if (values === undefined || isUnresolved(values)) return [];
  if (values.length === 0) return [E.emptyList(code, prop)];
  const out: PrivateEgressError[] = [];
  const seen = new Set<T>();
  for (const v of values) {
    if (isUnresolved(v)) continue;
    if (!allowed.includes(v)) out.push(E.notAllowed(code, prop, v, allowed));
    else if (seen.has(v)) out.push(E.duplicateValue(prop, v));
    seen.add(v);
  }
  return out;
}

function checkRange(
  code: string,
  prop: string,
  value: number | undefined,
  range: IntRange,
  unit = "",
): PrivateEgressError[] {
  if (value === undefined || isUnresolved(value)) return [];
  if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
    return [E.outOfRange(code, prop, value, range.min, range.max, unit)];
  }
  return [];
}

function checkOneOf(
  code: string,
  prop: string,
  value: string | undefined,
  allowed: readonly string[],
): PrivateEgressError[] {
  if (value === undefined || isUnresolved(value)) return [];
  return allowed.includes(value) ? [] : [E.notOneOf(code, prop, value, allowed)];
}

/** Resolved numbers of a tunnel for the consistency checks: given values, else AWS's defaults. */
function known(value: number | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return isUnresolved(value) || typeof value !== "number" ? undefined : value;
}

/**
 * Checks one tunnel's options against AWS's lists and ranges and for consistency (phase 2 lifetime
 * below phase 1, rekey margin at most half of phase 2, startup `start` only with IKEv2). Omitted
 * values take AWS's defaults for the consistency checks.
 *
 * @param tunnel `tunnel1` or `tunnel2`, used in the prop names of the errors.
 */
export function checkTunnelOptions(
  opts: TunnelOptionsInput,
  tunnel: string,
  style: PropStyle = PropStyle.CONSTRUCT,
): PrivateEgressError[] {
  const p = (field: string) => tunnelPropName(tunnel, field, style);
  const r = TUNNEL_OPTION_RANGES;
  const out: PrivateEgressError[] = [
    ...checkList("PE-VPN-012", p("ikeVersions"), opts.ikeVersions, IKE_VERSIONS),
    ...checkList(
      "PE-VPN-013",
      p("phase1EncryptionAlgorithms"),
      opts.phase1EncryptionAlgorithms,
      PHASE1_ENCRYPTION_ALGORITHMS,
    ),
    ...checkList(
      "PE-VPN-014",
      p("phase2EncryptionAlgorithms"),
      opts.phase2EncryptionAlgorithms,
      PHASE2_ENCRYPTION_ALGORITHMS,
    ),
    ...checkList(
      "PE-VPN-015",
      p("phase1IntegrityAlgorithms"),
      opts.phase1IntegrityAlgorithms,
      PHASE1_INTEGRITY_ALGORITHMS,
    ),
    ...checkList(
      "PE-VPN-016",
      p("phase2IntegrityAlgorithms"),
      opts.phase2IntegrityAlgorithms,
      PHASE2_INTEGRITY_ALGORITHMS,
    ),
    ...checkList("PE-VPN-017", p("phase1DhGroupNumbers"), opts.phase1DhGroupNumbers, PHASE1_DH_GROUP_NUMBERS),
    ...checkList("PE-VPN-018", p("phase2DhGroupNumbers"), opts.phase2DhGroupNumbers, PHASE2_DH_GROUP_NUMBERS),
    ...checkRange(
      "PE-VPN-019",
      p("phase1LifetimeSeconds"),
      opts.phase1LifetimeSeconds,
      r.phase1LifetimeSeconds,
      "seconds",
    ),
    ...checkRange(
      "PE-VPN-020",
      p("phase2LifetimeSeconds"),
      opts.phase2LifetimeSeconds,
      r.phase2LifetimeSeconds,
      "seconds",
    ),
    ...checkRange(
      "PE-VPN-022",
      p("rekeyMarginTimeSeconds"),
      opts.rekeyMarginTimeSeconds,
      r.rekeyMarginTimeSeconds,
      "seconds",
    ),
    ...checkRange(
      "PE-VPN-023",
      p("rekeyFuzzPercentage"),
      opts.rekeyFuzzPercentage,
      r.rekeyFuzzPercentage,
      "percent",
    ),
    ...checkRekeyFuzzNotZero(p("rekeyFuzzPercentage"), opts.rekeyFuzzPercentage),
    ...checkRange("PE-VPN-024", p("replayWindowSize"), opts.replayWindowSize, r.replayWindowSize, "packets"),
    ...checkRange(
      "PE-VPN-025",
      p("dpdTimeoutSeconds"),
      opts.dpdTimeoutSeconds,
      r.dpdTimeoutSeconds,
      "seconds",
    ),
    ...checkOneOf("PE-VPN-026", p("dpdTimeoutAction"), opts.dpdTimeoutAction, DPD_TIMEOUT_ACTIONS),
    ...checkOneOf("PE-VPN-027", p("startupAction"), opts.startupAction, STARTUP_ACTIONS),
  ];
  if (opts.insideCidr !== undefined) out.push(...checkTunnelInsideCidr(opts.insideCidr, p("insideCidr")));

  // consistency, only between values that are themselves valid
  if (out.length === 0) {
    const d = AWS_TUNNEL_DEFAULTS;
    const phase1 = known(opts.phase1LifetimeSeconds, d.phase1LifetimeSeconds);
    const phase2 = known(opts.phase2LifetimeSeconds, d.phase2LifetimeSeconds);
    const margin = known(opts.rekeyMarginTimeSeconds, d.rekeyMarginTimeSeconds);
    if (phase1 !== undefined && phase2 !== undefined && phase2 >= phase1) {
      out.push(E.phase2NotBelowPhase1(p("phase2LifetimeSeconds"), phase2, phase1));
    }
    if (phase2 !== undefined && margin !== undefined && margin > phase2 / 2) {
      out.push(E.rekeyMarginTooLarge(p("rekeyMarginTimeSeconds"), margin, phase2));
    }
    const ike = opts.ikeVersions ?? d.ikeVersions;
    if (
      opts.startupAction === "start" &&
      !isUnresolved(ike) &&
      !(ike.length > 0 && ike.every((v) => v === "ikev2"))
    ) {
      out.push(E.startRequiresIkev2(p("startupAction"), opts.startupAction, ike));
    }
  }
  return out;
}

/** Rekey fuzz 0 passes AWS's range, but the provider sends 0 as "unset" and AWS applies 100. */
function checkRekeyFuzzNotZero(prop: string, value: number | undefined): PrivateEgressError[] {
  return value === 0 ? [E.rekeyFuzzZero(prop)] : [];
}

// ---------------------------------------------------------------------------------------------
// Inside CIDRs, keys, routes
// ---------------------------------------------------------------------------------------------

const LINK_LOCAL = parseCidr(TUNNEL_INSIDE_CIDR_BLOCK)!;

/** Checks one tunnel inside CIDR: a network-aligned /30 in 169.254.0.0/16, not reserved by AWS. */
export function checkTunnelInsideCidr(value: string, prop: string): PrivateEgressError[] {
  if (isUnresolved(value)) return [];
  const c = parseCidr(value);
  if (!c || !c.canonical) return [E.insideCidrMalformed(prop, value)];
  if (c.prefix !== 30) return [E.insideCidrNotSlash30(prop, value)];
  if (!cidrContains(LINK_LOCAL, c)) return [E.insideCidrNotLinkLocal(prop, value)];
  if (RESERVED_TUNNEL_INSIDE_CIDRS.includes(value))
    return [E.insideCidrReserved(prop, value, RESERVED_TUNNEL_INSIDE_CIDRS)];
  return [];
}

/** Checks that the two tunnels of a connection use different inside CIDRs. */
export function checkInsideCidrsDiffer(
  tunnel1: string | undefined,
  tunnel2: string | undefined,
  prop = "tunnel2.insideCidr",
): PrivateEgressError[] {
  if (tunnel1 === undefined || tunnel2 === undefined || isUnresolved(tunnel1) || isUnresolved(tunnel2))
    return [];
  return tunnel1 === tunnel2 ? [E.insideCidrsEqual(prop, tunnel2)] : [];
}

/** One inside CIDR already in use on a gateway, and who uses it. */
export interface InsideCidrUse {
  /** A tunnel inside CIDR (/30 in 169.254.0.0/16). */
  readonly cidr: string;
  /** e.g. `Stack/Vgw/Primary (tunnel 1)`. */
  readonly usedBy: string;
}

/** Checks a connection's inside CIDRs against those already used on the same gateway. */
export function checkInsideCidrsUnique(
  candidates: ReadonlyArray<{ readonly cidr: string | undefined; readonly prop: string }>,
  existing: readonly InsideCidrUse[],
): PrivateEgressError[] {
  const out: PrivateEgressError[] = [];
  for (const { cidr, prop } of candidates) {
    if (cidr === undefined || isUnresolved(cidr)) continue;
    const clash = existing.find((e) => e.cidr === cidr);
    if (clash) out.push(E.insideCidrNotUniqueOnGateway(prop, cidr, clash.usedBy));
  }
  return out;
}

/** Checks a pre-shared key's format against AWS's rule (for literals found in synthesized JSON or tests). */
export function checkPresharedKeyFormat(value: string, prop: string): PrivateEgressError[] {
  if (isUnresolved(value)) return [];
  if (typeof value !== "string" || value.length < 8 || value.length > 64) {
    return [E.presharedKeyMalformed(prop, "is not 8-64 characters long")];
  }
  if (value.startsWith("0")) return [E.presharedKeyMalformed(prop, "starts with 0")];
  if (!PRESHARED_KEY_PATTERN.test(value))
    return [E.presharedKeyMalformed(prop, "has a character other than A-Z a-z 0-9 . _")];
  return [];
}

/** Checks that a pre-shared key is a token, never a literal that would land in JSON and state. */
export function checkPresharedKeyIsToken(value: string | undefined, prop: string): PrivateEgressError[] {
  if (value === undefined || isUnresolved(value)) return [];
  return [E.presharedKeyLiteral(prop)];
}

/** Checks static route prefixes: canonical CIDRs, not 0.0.0.0/0, no duplicates, at most 100, not empty. */
export function checkStaticRoutes(routes: readonly string[], prop = "staticRoutes"): PrivateEgressError[] {
  if (isUnresolved(routes)) return [];
  if (routes.length === 0) return [E.staticRoutesEmpty(prop)];
  const out: PrivateEgressError[] = [];
  if (routes.length > MAX_STATIC_ROUTES)
    out.push(E.tooManyStaticRoutes(prop, routes.length, MAX_STATIC_ROUTES));
  const seen = new Set<string>();
  routes.forEach((r, i) => {
    if (isUnresolved(r)) return;
    const c = parseCidr(r);
    const at = `${prop}[${i}]`; // the element the user wrote
    if (!c || !c.canonical) out.push(E.staticRouteMalformed(at, r));
    else if (c.prefix === 0) out.push(E.staticRouteDefault(at, r));
    else if (seen.has(r)) out.push(E.staticRouteDuplicate(at, r));
    seen.add(r);
  });
  return out;
}

/** Checks a local/remote traffic-selector CIDR. */
export function checkNetworkCidr(value: string | undefined, prop: string): PrivateEgressError[] {
  if (value === undefined || isUnresolved(value)) return [];
  return isCanonical(value) ? [] : [E.networkCidrMalformed(prop, value)];
}

function isCanonical(value: string): boolean {
  return parseCidr(value)?.canonical === true;
}

// ---------------------------------------------------------------------------------------------
// Gateways
// ---------------------------------------------------------------------------------------------

/** Customer gateway inputs as plain values. */
export interface CustomerGatewayInput {
  /** The device's public IPv4 address (`ip_address`). */
  readonly ipAddress?: string;
  /** The device's BGP ASN (`bgp_asn`). */
  readonly bgpAsn?: number;
  /** The device name (`device_name`). */
  readonly deviceName?: string;
  /** A private certificate's ARN, for certificate authentication (`certificate_arn`). */
  readonly certificateArn?: string;
}

/** Names of the customer gateway fields in each style. */
const CGW_NAMES: Record<PropStyle, Record<keyof CustomerGatewayInput, string>> = {
  [PropStyle.CONSTRUCT]: {
    ipAddress: "ipAddress",
    bgpAsn: "bgpAsn",
    deviceName: "deviceName",
    certificateArn: "certificateArn",
  },
  [PropStyle.TERRAFORM]: {
    ipAddress: "ip_address",
    bgpAsn: "bgp_asn",
    deviceName: "device_name",
    certificateArn: "certificate_arn",
  },
};

const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;

/** Checks the customer gateway: public unicast IPv4, ASN in range, device name, certificate ARN. */
export function checkCustomerGateway(
  input: CustomerGatewayInput,
  style: PropStyle = PropStyle.CONSTRUCT,
): PrivateEgressError[] {
  const n = CGW_NAMES[style];
  const out: PrivateEgressError[] = [];
  const ip = input.ipAddress;
  if (ip !== undefined && !isUnresolved(ip)) {
    if (!isIpv4(ip)) out.push(E.notIpv4(n.ipAddress, ip));
    else if (!isPublicUnicastIpv4(ip)) {
      out.push(E.notPublicIpv4(n.ipAddress, ip, ipv4Class(ip)));
    }
  }
  out.push(...checkCustomerAsn(input.bgpAsn, n.bgpAsn));
  const name = input.deviceName;
  if (
    name !== undefined &&
    !isUnresolved(name) &&
    (name.length < 1 || name.length > 255 || !/^[\x20-\x7e]+$/.test(name))
  ) {
    out.push(E.deviceNameInvalid(n.deviceName, name));
  }
  const arn = input.certificateArn;
  if (arn !== undefined && !isUnresolved(arn) && !CERTIFICATE_ARN.test(arn)) {
    out.push(E.certificateArnInvalid(n.certificateArn, arn));
  }
  return out;
}

/** Checks a customer-side ASN (1-4294967294). */
export function checkCustomerAsn(asn: number | undefined, prop = "bgpAsn"): PrivateEgressError[] {
  if (asn === undefined || isUnresolved(asn)) return [];
  const r = CUSTOMER_ASN_RANGE;
  return typeof asn === "number" && Number.isInteger(asn) && asn >= r.min && asn <= r.max
    ? []
    : [E.customerAsnOutOfRange(prop, asn)];
}

/** Checks an Amazon-side ASN (private ranges only). */
export function checkAmazonSideAsn(asn: number | undefined, prop = "amazonSideAsn"): PrivateEgressError[] {
  if (asn === undefined || isUnresolved(asn)) return [];
  const ok =
    typeof asn === "number" &&
    Number.isInteger(asn) &&
    AMAZON_SIDE_ASN_RANGES.some((r) => asn >= r.min && asn <= r.max);
  return ok ? [] : [E.amazonAsnNotPrivate(prop, asn)];
}

/**
 * Checks that the customer and Amazon sides use different ASNs; `gateway` names the gateway whose
 * Amazon-side ASN it is, for the message.
 */
export function checkAsnsDiffer(
  customerAsn: number | undefined,
  amazonSideAsn: number | undefined,
  prop = "bgpAsn",
  gateway = "virtual private gateway",
): PrivateEgressError[] {
  if (
    customerAsn === undefined ||
    amazonSideAsn === undefined ||
    isUnresolved(customerAsn) ||
    isUnresolved(amazonSideAsn)
  ) {
    return [];
  }
  return customerAsn === amazonSideAsn ? [E.asnsEqual(prop, customerAsn, gateway)] : [];
}

/** Checks a tunnel log retention (at least a year, and a value CloudWatch Logs accepts). */
export function checkLogRetention(days: number | undefined, prop = "logRetentionDays"): PrivateEgressError[] {
  if (days === undefined || isUnresolved(days)) return [];
  return LOG_RETENTION_DAYS.includes(days) ? [] : [E.logRetentionInvalid(prop, days, LOG_RETENTION_DAYS)];
}

/** Checks a tunnel log output format. */
export function checkLogOutputFormat(
  format: string | undefined,
  prop = "logOutputFormat",
): PrivateEgressError[] {
  return checkOneOf("PE-VPN-038", prop, format, LOG_OUTPUT_FORMATS);
}

// ---------------------------------------------------------------------------------------------
// Synthesized resources (snake_case), for a policy pack
// ---------------------------------------------------------------------------------------------

/** A synthesized Terraform object's body (snake_case keys, as in `cdk.tf.json`). */
export type Json = Record<string, unknown>;

function num(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return v as number; // an expression: left to isUnresolved
}

/** Reads `tunnelN_*` arguments of a synthesized `aws_vpn_connection` as tunnel options. */
export function tunnelOptionsFromResource(synthesized: Json, tunnel: string): TunnelOptionsInput {
  // only this tunnel's arguments, each as `expressionsAsTokens` of the whole body would give it
  const plain = Object.getPrototypeOf(synthesized) === Object.prototype;
  const get = (field: string) => {
    const key = `${tunnel}_${snake(field)}`;
    if (!plain) return synthesized[key];
    return Object.prototype.hasOwnProperty.call(synthesized, key)
      ? expressionsAsTokens(synthesized[key])
      : undefined;
  };
  return {
    ikeVersions: get("ikeVersions") as string[] | undefined,
    phase1EncryptionAlgorithms: get("phase1EncryptionAlgorithms") as string[] | undefined,
    phase2EncryptionAlgorithms: get("phase2EncryptionAlgorithms") as string[] | undefined,
    phase1IntegrityAlgorithms: get("phase1IntegrityAlgorithms") as string[] | undefined,
    phase2IntegrityAlgorithms: get("phase2IntegrityAlgorithms") as string[] | undefined,
    phase1DhGroupNumbers: get("phase1DhGroupNumbers") as number[] | undefined,
    phase2DhGroupNumbers: get("phase2DhGroupNumbers") as number[] | undefined,
    phase1LifetimeSeconds: num(get("phase1LifetimeSeconds")),
    phase2LifetimeSeconds: num(get("phase2LifetimeSeconds")),
    rekeyMarginTimeSeconds: num(get("rekeyMarginTimeSeconds")),
    rekeyFuzzPercentage: num(get("rekeyFuzzPercentage")),
    replayWindowSize: num(get("replayWindowSize")),
    dpdTimeoutSeconds: num(get("dpdTimeoutSeconds")),
    dpdTimeoutAction: get("dpdTimeoutAction") as string | undefined,
    startupAction: get("startupAction") as string | undefined,
    insideCidr: get("insideCidr") as string | undefined,
  };
}

/** The `log_output_format` of `tunnelN_log_options.cloudwatch_log_options` (a block, or a list of one). */
function logOutputFormatOf(resource: Json, tunnel: string): unknown {
  const first = (v: unknown): Json | undefined => {
    const x = Array.isArray(v) ? v[0] : v;
    return x !== null && typeof x === "object" ? (x as Json) : undefined;
  };
  return first(first(resource[`${tunnel}_log_options`])?.cloudwatch_log_options)?.log_output_format;
}

function checkOneOfRaw(code: string, prop: string, value: unknown, allowed: readonly string[]) {
  if (value === undefined || value === null) return [];
  return checkOneOf(code, prop, value as string, allowed);
}

/**
 * Checks a synthesized `aws_vpn_connection` (snake_case): `type`, `tunnel_inside_ip_version`,
 * `preshared_key_storage`, `outside_ip_address_type`, both tunnels' options and log format, inside
 * CIDRs, that no pre-shared key is a literal, and the traffic selectors. Prop names are Terraform
 * arguments. The policy pack's rule PE-AWS-VPN-011 runs this over every `aws_vpn_connection`, so a
 * raw resource or an escape hatch is checked by the same code as the constructs.
 */
export function checkVpnConnectionResource(synthesized: Json): PrivateEgressError[] {
  const resource = expressionsAsTokens(synthesized);
  const s = PropStyle.TERRAFORM;
  const out: PrivateEgressError[] = [
    ...checkOneOfRaw("PE-VPN-050", "type", resource.type, VPN_TYPES),
    ...checkOneOfRaw(
      "PE-VPN-051",
      "tunnel_inside_ip_version",
      resource.tunnel_inside_ip_version,
      TUNNEL_INSIDE_IP_VERSIONS,
    ),
    ...checkOneOfRaw(
      "PE-VPN-052",
      "preshared_key_storage",
      resource.preshared_key_storage,
      PRESHARED_KEY_STORAGES,
    ),
    ...checkOneOfRaw(
      "PE-VPN-053",
      "outside_ip_address_type",
      resource.outside_ip_address_type,
      OUTSIDE_IP_ADDRESS_TYPES,
    ),
  ];
  for (const t of ["tunnel1", "tunnel2"]) {
    out.push(...checkTunnelOptions(tunnelOptionsFromResource(resource, t), t, s));
    out.push(
      ...checkPresharedKeyIsToken(resource[`${t}_preshared_key`] as string | undefined, `${t}_preshared_key`),
    );
    const format = logOutputFormatOf(resource, t);
    if (format !== undefined && format !== null) {
      out.push(
        ...checkLogOutputFormat(
          format as string,
          `${t}_log_options.cloudwatch_log_options.log_output_format`,
        ),
      );
    }
  }
  out.push(
    ...checkInsideCidrsDiffer(
      resource.tunnel1_inside_cidr as string | undefined,
      resource.tunnel2_inside_cidr as string | undefined,
      "tunnel2_inside_cidr",
    ),
  );
  out.push(
    ...checkNetworkCidr(resource.local_ipv4_network_cidr as string | undefined, "local_ipv4_network_cidr"),
  );
  out.push(
    ...checkNetworkCidr(resource.remote_ipv4_network_cidr as string | undefined, "remote_ipv4_network_cidr"),
  );
  return out;
}

/**
 * Checks a synthesized `aws_customer_gateway` (snake_case): `type` `ipsec.1`, exactly one of `bgp_asn`
 * (1-2147483647) and `bgp_asn_extended` (2147483648-4294967294), the address, device name and
 * certificate ARN. The policy pack's rule PE-AWS-CGW-001 runs this over every `aws_customer_gateway`.
 */
export function checkCustomerGatewayResource(synthesized: Json): PrivateEgressError[] {
  const resource = expressionsAsTokens(synthesized);
  const out: PrivateEgressError[] = [...checkOneOfRaw("PE-VPN-054", "type", resource.type, VPN_TYPES)];
  const present = (v: unknown) => v !== undefined && v !== null;
  const before = out.length;
  const asn = num(resource.bgp_asn);
  const extended = num(resource.bgp_asn_extended);
  if (present(resource.bgp_asn) && present(resource.bgp_asn_extended)) {
    out.push(E.bgpAsnBothSet("bgp_asn_extended", resource.bgp_asn, resource.bgp_asn_extended));
  } else if (present(asn) && !isUnresolved(asn) && typeof asn === "number" && asn > MAX_TWO_BYTE_FIELD_ASN) {
    out.push(E.bgpAsnFieldTooLarge("bgp_asn", asn));
  } else if (
    present(extended) &&
    !isUnresolved(extended) &&
    typeof extended === "number" &&
    extended <= MAX_TWO_BYTE_FIELD_ASN
  ) {
    out.push(E.bgpAsnExtendedTooSmall("bgp_asn_extended", extended));
  }
  const placementOk = out.length === before;
  out.push(
    ...checkCustomerGateway(
      {
        ipAddress: resource.ip_address as string | undefined,
        deviceName: resource.device_name as string | undefined,
        certificateArn: resource.certificate_arn as string | undefined,
      },
      PropStyle.TERRAFORM,
    ),
  );
  if (placementOk && present(resource.bgp_asn_extended)) {
    out.push(...checkCustomerAsn(extended, "bgp_asn_extended"));
  } else if (placementOk) {
    out.push(...checkCustomerAsn(asn, "bgp_asn"));
  }
  return out;
}

/** Checks a synthesized `aws_vpn_gateway` (snake_case). */
export function checkVpnGatewayResource(resource: Json): PrivateEgressError[] {
  return checkAmazonSideAsn(num(expressionsAsTokens(resource.amazon_side_asn)), "amazon_side_asn");
}

/** Checks the synthesized `aws_vpn_connection_route`s of one connection. */
export function checkVpnConnectionRouteResources(resources: readonly Json[]): PrivateEgressError[] {
  return checkStaticRoutes(
    resources.map((r) => expressionsAsTokens(r.destination_cidr_block) as string),
    "destination_cidr_block",
  );
}

/** Throws the first problem, if any. */
export function throwFirst(errors: readonly PrivateEgressError[]): void {
  if (errors.length > 0) throw errors[0];
}
