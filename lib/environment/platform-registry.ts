/**
 * What the environments of one app know of each other: every `PrivateEgressEnvironment` registers
 * its tenant, name and CIDRs here, so overlaps between environments and tenants are refused at
 * construct time, and each segment learns the networks of the other tenants in its VPC to deny.
 *
 * One registry per construct tree (keyed by the tree's root, usually the App), so separate stacks of
 * one app see each other; separate apps do not.
 */
import { IConstruct } from "constructs";
import { Cidr, cidrsOverlap, parseCidr } from "../core/ip";
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
   * Called with each network of another tenant in the same VPC to deny, whenever one is registered,
   * before or after: its customer CIDRs and its segment CIDRs.
   */
  readonly denyCidr: (cidr: string) => void;
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
    // networks arrive through the same VPC, and the ACL's VPC-wide allow would admit the other
    // tenant's cells. Across VPCs the ACL's implicit deny already keeps them out, and deny rules
    // would only spend the 20-rules-per-direction quota (at 100 tenants, 200 rules per ACL).
    // Environments of one tenant are isolated alike, unless one joins the other.
    if (other.vpcKey !== record.vpcKey) continue;
    if (
      other.tenantOrg === record.tenantOrg &&
      ((record.joins ?? []).includes(other.environmentName) ||
        (other.joins ?? []).includes(record.environmentName))
    ) {
      continue;
    }
    for (const cidr of [...other.privateCidrs, ...other.segmentCidrs]) record.denyCidr(cidr);
    for (const cidr of [...record.privateCidrs, ...record.segmentCidrs]) other.denyCidr(cidr);
  }
  records.push(record);
  registries.set(root, records);
}

/** The environments registered in `scope`'s tree, in registration order. */
export function registeredEnvironments(scope: IConstruct): readonly EnvironmentRecord[] {
  return registries.get(scope.node.root) ?? [];
}
