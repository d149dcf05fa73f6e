/**
 * Pure validators for the dedicated network segment. Each returns the list of problems found
 * (empty when the input is fine) and knows nothing of constructs, so a policy pack can run the same
 * checks over synthesized JSON; constructs throw the first problem.
 *
 * Values that are unresolved (cdktf tokens, or `${...}` references in synthesized JSON) are skipped.
 */
import {
  availabilityZoneDuplicate,
  availabilityZoneMalformed,
  blockOutsideVpc,
  cidrMalformed,
  cidrNotCanonical,
  customerCidrDefaultRoute,
  customerCidrLinkLocal,
  customerCidrOverlapsSubnet,
  customerCidrOverlapsVpc,
  customerCidrsOverlap,
  deniedCidrOverlapsOwn,
  noAvailabilityZones,
  notACount,
  notEnoughAddresses,
  peerTooBroad,
  retentionTooShort,
  subnetOverlapsExisting,
  vpcPrefixOutOfRange,
} from "../core/errors-network";
import { PrivateEgressError } from "../core/errors";
import { Cidr, cidrContains, cidrsOverlap, parseCidr } from "../core/ip";
import { isUnresolved } from "../core/tokens";

/** Addresses AWS reserves in every subnet: the network address, the next three and the last. */
export const AWS_RESERVED_PER_SUBNET = 5;

/** CloudWatch Logs retention values of a year or more (the only ones flow logs may use here). */
export const FLOW_LOG_RETENTION_DAYS: readonly number[] = Object.freeze([
  365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

const LINK_LOCAL = parseCidr("169.254.0.0/16") as Cidr;

/** Addresses a BOSH director may assign in a subnet of this prefix. */
export function usableAddresses(prefix: number): number {
  return Math.max(0, 2 ** (32 - prefix) - AWS_RESERVED_PER_SUBNET);
}

/** A CIDR that parses and is canonical. Returns the problems and, when there are none, the block. */
export function parseCanonicalCidr(
  prop: string,
  value: string,
): {
  /** Why the value was refused (empty when it parsed). */
  errors: PrivateEgressError[];
  /** The parsed block, when the value is a canonical CIDR. */
  cidr?: Cidr;
} {
  const cidr = parseCidr(value);
  if (!cidr) return { errors: [cidrMalformed(prop, value)] };
  if (!cidr.canonical) return { errors: [cidrNotCanonical(prop, value, cidr.canonicalText)] };
  return { errors: [], cidr };
}

/** A CIDR block that is valid and canonical. */
export function checkCidr(prop: string, value: string): PrivateEgressError[] {
  if (isUnresolved(value)) return [];
  return parseCanonicalCidr(prop, value).errors;
}

/** A VPC's primary block: valid, canonical, /16 to /28. */
export function checkVpcCidr(prop: string, value: string): PrivateEgressError[] {
  if (isUnresolved(value)) return [];
  const { errors, cidr } = parseCanonicalCidr(prop, value);
  if (!cidr) return errors;
  return cidr.prefix < 16 || cidr.prefix > 28 ? [vpcPrefixOutOfRange(prop, value)] : [];
}

/** Where customer CIDRs must not go. */
export interface CustomerCidrContext {
  /** The VPC's primary block. @default - not checked */
  readonly vpcCidr?: string;
  /** The dedicated subnets. @default - not checked */
  readonly subnetCidrs?: string[];
  /** Customer CIDRs accepted before this one. @default - none */
  readonly otherCustomerCidrs?: string[];
}

/**
 * One customer CIDR: valid, canonical, not 0.0.0.0/0, not in 169.254.0.0/16, clear of the VPC, the
 * dedicated subnets and the other customer CIDRs.
 */
export function checkCustomerCidr(
  prop: string,
  value: string,
  context: CustomerCidrContext = {},
): PrivateEgressError[] {
  if (isUnresolved(value)) return [];
  const { errors, cidr } = parseCanonicalCidr(prop, value);
  if (!cidr) return errors;
  const out: PrivateEgressError[] = [];
  if (cidr.prefix === 0) return [customerCidrDefaultRoute(prop, value)];
  if (cidrsOverlap(cidr, LINK_LOCAL)) out.push(customerCidrLinkLocal(prop, value));
  const vpc = context.vpcCidr && !isUnresolved(context.vpcCidr) ? parseCidr(context.vpcCidr) : undefined;
  if (vpc && cidrsOverlap(cidr, vpc))
    out.push(customerCidrOverlapsVpc(prop, value, context.vpcCidr as string));
  for (const s of context.subnetCidrs ?? []) {
    const subnet = isUnresolved(s) ? undefined : parseCidr(s);
    if (subnet && cidrsOverlap(cidr, subnet)) out.push(customerCidrOverlapsSubnet(prop, value, s));
  }
  for (const o of context.otherCustomerCidrs ?? []) {
    const other = isUnresolved(o) ? undefined : parseCidr(o);
    if (other && cidrsOverlap(cidr, other)) out.push(customerCidrsOverlap(prop, value, o));
  }
  return out;
}

/**
 * A tenant's customer CIDRs, each checked against the VPC, the dedicated subnets and the valid ones
 * listed before it (a broken entry is reported once, not again as an overlap).
 *
 * @example
 * checkCustomerCidrs(["192.168.100.0/24"], { vpcCidr: "10.40.0.0/16", subnetCidrs: ["10.40.0.0/22"] }); // []
 */
export function checkCustomerCidrs(
  customer: string[],
  context: Omit<CustomerCidrContext, "otherCustomerCidrs"> = {},
  prop = "customerCidrs",
): PrivateEgressError[] {
  const accepted: string[] = [];
  return customer.flatMap((c, i) => {
    const errors = checkCustomerCidr(`${prop}[${i}]`, c, { ...context, otherCustomerCidrs: [...accepted] });
    if (errors.length === 0) accepted.push(c);
    return errors;
  });
}

/**
 * Other tenants' CIDRs to deny: valid, canonical, and clear of this tenant's customer CIDRs and
 * dedicated subnets (denying those would cut the tenant off).
 */
export function checkDeniedCidrs(
  denied: string[],
  own: { customerCidrs?: string[]; subnetCidrs?: string[] } = {},
  prop = "deniedCidrs",
): PrivateEgressError[] {
  return denied.flatMap((d, i) => checkDeniedCidr(`${prop}[${i}]`, d, own));
}

/** One denied CIDR (see {@link checkDeniedCidrs}). */
export function checkDeniedCidr(
  prop: string,
  value: string,
  own: { customerCidrs?: string[]; subnetCidrs?: string[] } = {},
): PrivateEgressError[] {
  if (isUnresolved(value)) return [];
  const { errors, cidr } = parseCanonicalCidr(prop, value);
  if (!cidr) return errors;
  const out: PrivateEgressError[] = [];
  for (const o of [...(own.customerCidrs ?? []), ...(own.subnetCidrs ?? [])]) {
    const block = isUnresolved(o) ? undefined : parseCidr(o);
    if (block && cidrsOverlap(cidr, block)) out.push(deniedCidrOverlapsOwn(prop, value, o));
  }
  return out;
}

/** A control-plane peer block: valid, canonical, not 0.0.0.0/0. */
export function checkPeerCidr(prop: string, value: string): PrivateEgressError[] {
  if (isUnresolved(value)) return [];
  const { errors, cidr } = parseCanonicalCidr(prop, value);
  if (!cidr) return errors;
  return cidr.prefix === 0 ? [peerTooBroad(prop, value)] : [];
}

/** Availability zone names: at least one, each once, each ending in a zone letter. */
export function checkAvailabilityZones(azs: string[], prop = "availabilityZones"): PrivateEgressError[] {
  if (azs.length === 0) return [noAvailabilityZones(prop, azs)];
  const out: PrivateEgressError[] = [];
  azs.forEach((az, i) => {
    if (isUnresolved(az)) return;
    if (!/^[a-z]{2}(-[a-z0-9]+)+[a-z]$/.test(az)) out.push(availabilityZoneMalformed(`${prop}[${i}]`, az));
    else if (azs.indexOf(az) !== i) out.push(availabilityZoneDuplicate(`${prop}[${i}]`, az));
  });
  return out;
}

/** Subnets inside the VPC and clear of the VPC's existing subnets. */
export function checkSubnetPlacement(
  prop: string,
  value: string,
  plan: { vpcCidr: string; subnetCidrs: string[]; existingSubnetCidrs?: string[] },
): PrivateEgressError[] {
  if (isUnresolved(plan.vpcCidr)) return [];
  const vpc = parseCidr(plan.vpcCidr);
  if (!vpc) return [];
  const out: PrivateEgressError[] = [];
  for (const s of plan.subnetCidrs) {
    const subnet = parseCidr(s);
    if (!subnet) continue;
    if (!cidrContains(vpc, subnet)) out.push(blockOutsideVpc(prop, value, plan.vpcCidr));
    for (const e of plan.existingSubnetCidrs ?? []) {
      const existing = isUnresolved(e) ? undefined : parseCidr(e);
      if (existing && cidrsOverlap(subnet, existing)) out.push(subnetOverlapsExisting(prop, value, s, e));
    }
  }
  return out;
}

/**
 * Enough addresses for the cells: the cells spread evenly over the AZs, so each AZ subnet must
 * address ceil(cells / AZs) of them after AWS's 5 reserved addresses.
 */
export function checkCellCapacity(
  expectedCells: number,
  plan: { cellSubnetPrefix: number; availabilityZoneCount: number },
  prop = "expectedCells",
): PrivateEgressError[] {
  if (!Number.isInteger(expectedCells) || expectedCells < 0) return [notACount(prop, expectedCells)];
  if (plan.availabilityZoneCount < 1) return [];
  const perAz = Math.ceil(expectedCells / plan.availabilityZoneCount);
  const usable = usableAddresses(plan.cellSubnetPrefix);
  return perAz > usable
    ? [
        notEnoughAddresses(
          prop,
          expectedCells,
          perAz,
          plan.availabilityZoneCount,
          `/${plan.cellSubnetPrefix}`,
          usable,
        ),
      ]
    : [];
}

/** Flow log retention: a CloudWatch Logs value of at least 365 days. */
export function checkFlowLogRetention(days: number, prop = "flowLogRetentionDays"): PrivateEgressError[] {
  return FLOW_LOG_RETENTION_DAYS.includes(days)
    ? []
    : [retentionTooShort(prop, days, FLOW_LOG_RETENTION_DAYS)];
}
