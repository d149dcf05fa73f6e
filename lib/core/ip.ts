/**
 * IPv4 address and CIDR math shared by every validator: parsing and classification come from
 * ipaddr.js; ranges are handled as unsigned 32-bit integers. Pure functions, no constructs.
 */
import * as ipaddr from "ipaddr.js";
import { joinText } from "./strings";

/** A parsed IPv4 CIDR block. */
export interface Cidr {
  /** The text as given. */
  readonly text: string;
  /** First address of the block, as an unsigned 32-bit integer. */
  readonly network: number;
  /** Prefix length, 0–32. */
  readonly prefix: number;
  /** Number of addresses in the block. */
  readonly size: number;
  /** Last address of the block. */
  readonly last: number;
  /** Whether `text` is the canonical form (network-aligned, no leading zeros). */
  readonly canonical: boolean;
  /** The canonical form, e.g. `10.1.0.0/16` for `10.1.2.3/16`. */
  readonly canonicalText: string;
}

/** Whether `s` is a dotted-quad IPv4 address without leading zeros (`10.0.0.1`, not `010.0.0.1`). */
export function isIpv4(s: string): boolean {
  return typeof s === "string" && ipaddr.IPv4.isValidFourPartDecimal(s) && !/(^|\.)0\d/.test(s);
}

/** An IPv4 address as an unsigned 32-bit integer. Throws on anything but a valid address. */
export function ipv4ToInt(s: string): number {
  if (!isIpv4(s)) throw new Error(`not an IPv4 address: ${s}`);
  const b = ipaddr.IPv4.parse(s).octets;
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

/** An unsigned 32-bit integer as a dotted-quad IPv4 address. */
export function intToIpv4(n: number): string {
  return joinText([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255], ".");
}

/** Parses `a.b.c.d/n`; returns undefined for anything else (including IPv6 and leading zeros). */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  if (!m || !isIpv4(m[1]) || (m[2].length > 1 && m[2].startsWith("0"))) return undefined;
  const prefix = Number(m[2]);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const ip = ipv4ToInt(m[1]);
  const network = prefix === 0 ? 0 : (ip & (0xffffffff << (32 - prefix))) >>> 0;
  const canonicalText = `${intToIpv4(network)}/${prefix}`;
  return {
    text,
    network,
    prefix,
    size,
    last: network + size - 1,
    canonical: canonicalText === text,
    canonicalText,
  };
}

/** Whether `text` is a network-aligned IPv4 CIDR in canonical form. */
export function isCanonicalCidr(text: string): boolean {
  return parseCidr(text)?.canonical === true;
}

/** Whether two blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.network <= b.last && b.network <= a.last;
}

/** Whether `outer` contains every address of `inner`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.network <= inner.network && inner.last <= outer.last;
}

/** Whether the block contains the address. */
export function cidrContainsIp(block: Cidr, ip: string): boolean {
  const n = ipv4ToInt(ip);
  return block.network <= n && n <= block.last;
}

/**
 * The special-purpose class of an IPv4 address per ipaddr.js: `unicast` means public unicast;
 * others are `private`, `loopback`, `linkLocal`, `carrierGradeNat`, `multicast`, `reserved`,
 * `broadcast`, `unspecified`, ...
 */
export function ipv4Class(ip: string): string {
  return ipaddr.IPv4.parse(ip).range();
}

/** Whether `ip` is a public unicast IPv4 address (not RFC 1918, loopback, link-local, CGNAT, multicast, reserved). */
export function isPublicUnicastIpv4(ip: string): boolean {
  // ipaddr.js classes every IANA special-purpose block (TEST-NETs, benchmarking 198.18.0.0/15, 6to4
  // relay, ...) as something other than `unicast`
  return isIpv4(ip) && ipv4Class(ip) === "unicast";
}

/**
 * Carves `count` consecutive blocks of `/prefix` from the start of `block`. Returns undefined when
 * they do not fit.
 */
export function carveSubnets(block: Cidr, prefix: number, count: number): string[] | undefined {
  if (prefix < block.prefix || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  if (size * count > block.size) return undefined;
  return Array.from({ length: count }, (_, i) => `${intToIpv4(block.network + i * size)}/${prefix}`);
}

/** The `n`th address of a block (0 = network address); negative counts from the end. */
export function nthAddress(block: Cidr, n: number): string {
  return intToIpv4(n >= 0 ? block.network + n : block.last + 1 + n);
}

/** Total addresses covered by a list of blocks, counting overlaps once per block. */
export function totalSize(blocks: Cidr[]): number {
  return blocks.reduce((sum, b) => sum + b.size, 0);
}

/**
 * What is wrong with a CIDR that {@link parseCidr} refuses or that is not canonical, as the problem
 * part of an error message (`is ...`): the real problem (IPv6, an octet out of range, the prefix
 * length out of range, host bits set), not one catch-all.
 *
 * @example
 * cidrProblem("169.254.300.0/30"); // "is not an IPv4 address: octet 300 is out of range (0-255)"
 */
export function cidrProblem(value: unknown): string {
  if (typeof value !== "string") return "is not a string";
  if (value.includes(":")) {
    return "is an IPv6 CIDR: IPv6 is not supported (the segment, routes and tunnels are IPv4 only)";
  }
  const slash = value.indexOf("/");
  const address = slash < 0 ? value : value.slice(0, slash);
  const octets = address.split(".");
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o))) {
    return `is not an IPv4 CIDR: ${JSON.stringify(address)} is not a dotted-quad address (a.b.c.d/n)`;
  }
  const big = octets.find((o) => Number(o) > 255);
  if (big !== undefined) return `is not an IPv4 address: octet ${big} is out of range (0-255)`;
  const zero = octets.find((o) => /^0\d/.test(o));
  if (zero !== undefined)
    return `has an octet with a leading zero (${zero}), which some parsers read as octal`;
  if (slash < 0) return "has no prefix length (a.b.c.d/n; /32 for one address)";
  const length = value.slice(slash + 1);
  if (!/^\d{1,2}$/.test(length) || (length.length > 1 && length.startsWith("0")) || Number(length) > 32) {
    return `has prefix length /${length}, out of range (0-32)`;
  }
  const c = parseCidr(value);
  if (c && !c.canonical)
    return `has host bits set: it is not network-aligned (did you mean ${c.canonicalText}?)`;
  return "is not a network-aligned IPv4 CIDR";
}
