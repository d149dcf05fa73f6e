/**
 * What the environments of one app know of each other: every `PrivateEgressEnvironment` registers
 * its tenant, name and CIDRs here, so overlaps between environments and tenants are refused at
 * construct time, and each segment learns the networks of the other tenants in its VPC to deny.
 *
 * One registry per construct tree (keyed by the tree's root, usually the App), so separate stacks of
 * one app see each other; separate apps do not.
 */
import { IConstruct } from "constructs";
import { Cidr, cidrContains, cidrsOverlap, parseCidr } from "../core/ip";
import {
  cidrSharedWithEnvironment,
  environmentNameTaken,
  segmentOverlapsEnvironment,
} from "../core/errors-environment";

/** One environment as the registry knows it. */
export interface EnvironmentRecord {
  /** Construct path, for messages. */
  readonly path: string;
  /** The tenant's Cloud Foundry org name. */
  readonly tenantOrg: string;
  /** The environment's name (production, staging, ...). */
  readonly environmentName: string;
  /** The tenant's private (customer) CIDRs routed through the VPN. */
  readonly privateCidrs: string[];
  /** The dedicated subnet CIDRs of the environment's segment. */
  readonly segmentCidrs: string[];
  /** Identity of the VPC the segment lives in (a VPC id or token); segments in one VPC must not overlap. */
  readonly vpcKey: string;
  /** Other environments of the same tenant (by name) allowed to reach this one. @default - none */
  readonly joins?: string[];
  /**
   * The block of the shared VPC every tenant segment is carved from, which the segment's ACL denies
   * in one rule: other environments' subnets inside it need no rule of their own.
   * @default - none: every other environment's subnet is denied by its own rule
   */
  readonly tenantSegmentsCidrBlock?: string;
  /**
   * Whether the environment's VPN hangs on a transit gateway route table of its own, which routes
   * only to its own cell subnets: its customer networks then reach no other segment of the VPC, and
   * other segments need no ACL rule for them.
   * @default false (e.g. a shared virtual private gateway delivers to every subnet of the VPC)
   */
  readonly confinedByTransitGateway?: boolean;
  /**
   * Called with each network of another tenant in the same VPC to deny, whenever one is registered,
   * before or after: its customer CIDRs and its segment CIDRs (less what the above make needless).
   */
  readonly denyCidr: (cidr: string) => void;
  /**
   * Called with each subnet of a joined environment (same tenant, `joins`) that the segment's
   * tenant segments' deny would otherwise cover, to admit it ahead of that deny.
   * @default - joined environments are simply not denied
   */
  readonly admitCidr?: (cidr: string) => void;
}

const registries = new WeakMap<IConstruct, EnvironmentRecord[]>();

// Each registration compares with every earlier one: parse each record's CIDR list once (issue 17).
const parsedLists = new WeakMap<string[], Array<Cidr | undefined>>();
function parsedList(list: string[]): Array<Cidr | undefined> {
  let parsed = parsedLists.get(list);
  if (!parsed || parsed.length !== list.length) {
    parsed = list.map(parseCidr);
    parsedLists.set(list, parsed);
  }
  return parsed;
}

/** Whether `cidr` lies inside `block` (false when either is missing or not a CIDR). */
function within(cidr: string, block: string | undefined): boolean {
  const inner = parseCidr(cidr);
  const outer = block === undefined ? undefined : parseCidr(block);
  return inner !== undefined && outer !== undefined && cidrContains(outer, inner);
}

/**
 * What `self`'s ACL must deny of `other` (both in one VPC, not joined): `other`'s customer networks
 * unless its own transit gateway route table confines them, and `other`'s subnets outside `self`'s
 * tenant segments' block (inside it, that block's one deny covers them).
 */
function networksToDeny(self: EnvironmentRecord, other: EnvironmentRecord): string[] {
  return [
    ...(other.confinedByTransitGateway ? [] : other.privateCidrs),
    ...other.segmentCidrs.filter((c) => !within(c, self.tenantSegmentsCidrBlock)),
  ];
}

/** What `self`'s ACL must admit of a joined `other`: its subnets that `self`'s tenant segments' deny covers. */
function networksToAdmit(self: EnvironmentRecord, other: EnvironmentRecord): string[] {
  return other.segmentCidrs.filter((c) => within(c, self.tenantSegmentsCidrBlock));
}

function overlapping(a: string[], b: string[]): [string, string] | undefined {
  const pa = parsedList(a);
  const pb = parsedList(b);
  for (let i = 0; i < a.length; i++) {
    const cx = pa[i];
    if (!cx) continue;
    for (let j = 0; j < b.length; j++) {
      const cy = pb[j];
      if (cy && cidrsOverlap(cx, cy)) return [a[i], b[j]];
    }
  }
  return undefined;
}

/**
 * Checks `record` against every environment already registered in `scope`'s tree, throws the first
 * conflict, then registers it and exchanges deny lists with the other tenants' environments.
 */
export function registerEnvironment(scope: IConstruct, record: EnvironmentRecord): void {
  const root = scope.node.root;
  const records = registries.get(root) ?? [];
  for (const other of records) {
    const sameTenant = other.tenantOrg === record.tenantOrg;
    if (sameTenant && other.environmentName === record.environmentName) {
      throw environmentNameTaken("environment", record.tenantOrg, record.environmentName, other.path);
    }
    const shared = overlapping(record.privateCidrs, other.privateCidrs);
    if (shared) {
      throw cidrSharedWithEnvironment(
        "privateCidrs",
        shared[0],
        shared[1],
        other.tenantOrg,
        other.environmentName,
        sameTenant,
      );
    }
    if (other.vpcKey === record.vpcKey) {
      const seg = overlapping(record.segmentCidrs, other.segmentCidrs);
      if (seg) throw segmentOverlapsEnvironment("segmentCidrBlock", seg[0], seg[1], other.path);
    }
  }
  for (const other of records) {
    // Only tenants sharing a VPC can reach each other's segment: there, another tenant's customer
    // networks may arrive through the same VPC (a shared virtual private gateway delivers to every
    // subnet), and the ACL's VPC-wide allow would admit the other tenant's cells. Across VPCs the
    // ACL's implicit deny already keeps them out, and deny rules would only spend the quota of 20
    // rules per direction. With a tenant segments' block, one deny covers every other segment, and
    // a transit gateway route table of its own confines a tenant's customer networks, so an ACL's
    // rule count no longer grows with the number of tenants (issue 16).
    // Environments of one tenant are isolated alike, unless one joins the other.
    if (other.vpcKey !== record.vpcKey) continue;
    if (
      other.tenantOrg === record.tenantOrg &&
      ((record.joins ?? []).includes(other.environmentName) ||
        (other.joins ?? []).includes(record.environmentName))
    ) {
      for (const cidr of networksToAdmit(record, other)) record.admitCidr?.(cidr);
      for (const cidr of networksToAdmit(other, record)) other.admitCidr?.(cidr);
      continue;
    }
    for (const cidr of networksToDeny(record, other)) record.denyCidr(cidr);
    for (const cidr of networksToDeny(other, record)) other.denyCidr(cidr);
  }
  records.push(record);
  registries.set(root, records);
}

/** The environments registered in `scope`'s tree, in registration order. */
export function registeredEnvironments(scope: IConstruct): readonly EnvironmentRecord[] {
  return registries.get(scope.node.root) ?? [];
}
