/**
 * Error factories for the tenant hand-off renderers (device configurations, firewall checklist,
 * diagram). Each code (`PE-HANDOFF-NNN`) keeps its meaning once released; new rules take new codes.
 */
import { PrivateEgressError, invalid } from "./errors";

/** A configured algorithm or group that the chosen customer device cannot express. */
export function notExpressible(
  prop: string,
  value: unknown,
  device: string,
  allowed: readonly string[],
): PrivateEgressError {
  return invalid(
    "PE-HANDOFF-001",
    prop,
    value,
    `cannot be expressed in a ${device} configuration`,
    `narrow the tunnel options to what ${device} supports: ${allowed.join(", ")}`,
  );
}

/** A customer endpoint address that is not a literal IPv4 address. */
export function handoffNotIpv4(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-HANDOFF-002",
    prop,
    value,
    "is not a literal IPv4 address",
    "give the customer endpoint's public address as a dotted quad, e.g. 18.188.145.101",
  );
}

/** A CIDR list entry that is not a canonical IPv4 CIDR literal. */
export function handoffNotCidr(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-HANDOFF-003",
    prop,
    value,
    "is not a canonical IPv4 CIDR literal",
    "give network-aligned blocks such as 192.168.100.0/24 (known at synth time, not tokens)",
  );
}

/** An empty list where the rendered configuration needs at least one entry. */
export function handoffEmptyList(prop: string, what: string): PrivateEgressError {
  return invalid("PE-HANDOFF-004", prop, [], "is empty", `give at least one ${what}`);
}

/** A connection name that cannot be used as a section, profile or file name on a device. */
export function handoffBadName(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-HANDOFF-005",
    prop,
    value,
    "is not a usable connection name",
    "use 1-20 characters of letters, digits, '-' and '_', starting with a letter",
  );
}

/** A tunnel option value the AWS side itself does not accept (so nothing can be rendered from it). */
export function handoffUnknownOption(
  prop: string,
  value: unknown,
  allowed: readonly string[],
): PrivateEgressError {
  return invalid(
    "PE-HANDOFF-006",
    prop,
    value,
    "is not a value AWS Site-to-Site VPN accepts",
    `use one of ${allowed.join(", ")}`,
  );
}

/** A device option that is not a plain identifier. */
export function handoffBadDeviceOption(prop: string, value: unknown, allowed: string): PrivateEgressError {
  return invalid("PE-HANDOFF-007", prop, value, "cannot be used in a device configuration", allowed);
}
