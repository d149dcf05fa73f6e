/**
 * Error factories for the dedicated network segment (VPC, subnets, routes, network ACL, cell
 * security group). Each code (`PE-NET-NNN`) keeps its meaning once released; new rules take new codes.
 */
import { PrivateEgressError, invalid } from "./errors";
import { cidrProblem } from "./ip";

/** A value that is not an IPv4 CIDR block. */
export function cidrMalformed(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-NET-001", prop, value, cidrProblem(value), "give a block such as 10.40.0.0/16");
}

/** A CIDR block with host bits set or leading zeros. */
export function cidrNotCanonical(prop: string, value: unknown, canonical: string): PrivateEgressError {
  return invalid(
    "PE-NET-002",
    prop,
    value,
    "is not in canonical form",
    `give the network address with the prefix, i.e. ${canonical}`,
  );
}

/** A customer CIDR overlapping the VPC (the VPC's local route would win over the VPN route). */
export function customerCidrOverlapsVpc(prop: string, value: unknown, vpcCidr: string): PrivateEgressError {
  return invalid(
    "PE-NET-003",
    prop,
    value,
    `overlaps the VPC ${vpcCidr} (the VPC's local route would capture that traffic)`,
    "give a customer CIDR outside the VPC; ask the tenant to NAT their network if it clashes",
  );
}

/** A customer CIDR overlapping a dedicated subnet. */
export function customerCidrOverlapsSubnet(prop: string, value: unknown, subnet: string): PrivateEgressError {
  return invalid(
    "PE-NET-004",
    prop,
    value,
    `overlaps the dedicated subnet ${subnet}`,
    "give a customer CIDR outside the dedicated subnets",
  );
}

/** Two customer CIDRs overlapping each other (including duplicates). */
export function customerCidrsOverlap(prop: string, value: unknown, other: string): PrivateEgressError {
  return invalid(
    "PE-NET-005",
    prop,
    value,
    `overlaps the customer CIDR ${other} given before`,
    "give each customer network once, as non-overlapping blocks",
  );
}

/** A customer CIDR inside the link-local block, where the tunnels and the metadata service live. */
export function customerCidrLinkLocal(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-006",
    prop,
    value,
    "overlaps 169.254.0.0/16 (link-local: tunnel inside addresses and the instance metadata service)",
    "give a customer CIDR outside 169.254.0.0/16",
  );
}

/** A customer CIDR that is the whole address space. */
export function customerCidrDefaultRoute(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-007",
    prop,
    value,
    "is the whole IPv4 space (it would send all egress, public included, into the tunnel)",
    "give the tenant's private networks as specific blocks (prefix /1 or longer)",
  );
}

/** The segment block (or a subnet) does not fit inside the VPC. */
export function blockOutsideVpc(prop: string, value: unknown, vpcCidr: string): PrivateEgressError {
  return invalid(
    "PE-NET-008",
    prop,
    value,
    `does not fit inside the VPC ${vpcCidr}`,
    "give a block inside the VPC's CIDR",
  );
}

/** A planned subnet overlapping a subnet that already exists in the VPC. */
export function subnetOverlapsExisting(
  prop: string,
  value: unknown,
  subnet: string,
  existing: string,
): PrivateEgressError {
  return invalid(
    "PE-NET-009",
    prop,
    value,
    `would place subnet ${subnet}, which overlaps the existing subnet ${existing}`,
    "give a `segmentCidrBlock` clear of the VPC's existing subnets",
  );
}

/** No availability zone given. */
export function noAvailabilityZones(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-010",
    prop,
    value,
    "is empty",
    "give at least one availability zone name, e.g. us-gov-west-1a",
  );
}

/** The same availability zone given twice. */
export function availabilityZoneDuplicate(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-NET-011", prop, value, "is given more than once", "list each availability zone once");
}

/** An availability zone name that does not end in a zone letter. */
export function availabilityZoneMalformed(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-012",
    prop,
    value,
    "is not an availability zone name ending in a zone letter",
    "give zone names such as us-gov-west-1a (not zone ids such as usgw1-az1)",
  );
}

/** An availability zone whose letter falls outside the segment block's cell slots. */
export function availabilityZoneNoSlot(
  prop: string,
  value: unknown,
  slot: number,
  slots: number,
  block: string,
): PrivateEgressError {
  const last = String.fromCharCode(97 + slots - 1);
  return invalid(
    "PE-NET-013",
    prop,
    value,
    `needs cell slot ${slot} (its zone letter), but ${block} holds ${slots} cell slot(s) (zone letters a-${last})`,
    "give a larger `segmentCidrBlock` or a longer `cellSubnetPrefix`",
  );
}

/** Two availability zones sharing a zone letter (and so a subnet slot). */
export function availabilityZoneSlotClash(prop: string, value: unknown, other: string): PrivateEgressError {
  return invalid(
    "PE-NET-014",
    prop,
    value,
    `ends in the same zone letter as ${other}, so both would get the same subnets`,
    "give zones with distinct letters, or build one segment per zone group",
  );
}

/** More cells than the per-AZ subnets can address. */
export function notEnoughAddresses(
  prop: string,
  value: unknown,
  perAz: number,
  azs: number,
  subnet: string,
  usable: number,
): PrivateEgressError {
  return invalid(
    "PE-NET-015",
    prop,
    value,
    `needs ${perAz} addresses per AZ subnet (${String(value)} cells over ${azs} AZ(s)), but a ${subnet} subnet has ${usable} usable (AWS reserves 5 per subnet)`,
    "give a shorter `cellSubnetPrefix`, more availability zones, or fewer cells",
  );
}

/** A count that is not a non-negative integer. */
export function notACount(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-NET-016", prop, value, "is not a whole number", "give an integer of 0 or more");
}

/** A cell subnet prefix out of range, or one the segment block cannot hold. */
export function cellPrefixOutOfRange(prop: string, value: unknown, allowed: string): PrivateEgressError {
  return invalid("PE-NET-017", prop, value, "is out of range", allowed);
}

/** A flow log retention that is not a CloudWatch value of a year or more. */
export function retentionTooShort(
  prop: string,
  value: unknown,
  allowed: readonly number[],
): PrivateEgressError {
  return invalid(
    "PE-NET-018",
    prop,
    value,
    "is not a CloudWatch Logs retention of at least 365 days",
    `use one of ${allowed.join(", ")}`,
  );
}

/** Neither or both of the VPC props. */
export function vpcChoice(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-019",
    prop,
    value,
    "must be given exactly once",
    "give either `vpcCidrBlock` (the segment creates the VPC) or `vpc` (an existing VPC), not both and not neither",
  );
}

/** An imported VPC without the internet gateway the NAT gateways route through. */
export function internetGatewayRequired(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-020",
    prop,
    value,
    "is required when `vpc` is given (the NAT subnets route 0.0.0.0/0 to the VPC's internet gateway)",
    "give the imported VPC's internet gateway as `{ internetGatewayId: 'igw-...' }`",
  );
}

/** A denied CIDR that overlaps what this segment must reach. */
export function deniedCidrOverlapsOwn(prop: string, value: unknown, own: string): PrivateEgressError {
  return invalid(
    "PE-NET-021",
    prop,
    value,
    `overlaps ${own}, which this segment must reach`,
    "deny only other tenants' networks, never this tenant's customer CIDRs or dedicated subnets",
  );
}

/** A control-plane peer that is the whole address space. */
export function peerTooBroad(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-022",
    prop,
    value,
    "opens control-plane ports to the whole IPv4 space",
    "give the control plane's subnets or security groups",
  );
}

/** A security-group peer given as an unresolved token without a stable key. */
export function peerNeedsKey(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-023",
    prop,
    value,
    "is a token, so it cannot name the rules' Terraform addresses",
    "pass a stable `key` as the second argument of `ControlPlanePeer.securityGroup(id, key)`",
  );
}

/** No free block of the needed size in the VPC. */
export function noFreeBlock(prop: string, value: unknown, prefix: number, why: string): PrivateEgressError {
  return invalid(
    "PE-NET-024",
    prop,
    value,
    `has no free /${prefix} for the segment (${why})`,
    "give `segmentCidrBlock` explicitly, a longer `cellSubnetPrefix`, or a larger VPC",
  );
}

/** A VPC CIDR outside the sizes AWS accepts. */
export function vpcPrefixOutOfRange(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-025",
    prop,
    value,
    "is not a /16 to /28 block",
    "AWS accepts VPC blocks from /16 to /28",
  );
}

/** A customer CIDR that this segment was told to deny (another tenant's network). */
export function customerCidrDenied(prop: string, value: unknown, denied: string): PrivateEgressError {
  return invalid(
    "PE-NET-026",
    prop,
    value,
    `overlaps the denied CIDR ${denied} (another tenant's network)`,
    "route only this tenant's own networks; two tenants' customer CIDRs must not overlap",
  );
}

/** The same CIDR denied twice. */
export function deniedCidrDuplicate(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-NET-027", prop, value, "is already denied", "deny each network once");
}

/**
 * Two CIDRs whose hashes give the same network ACL rule number. Numbers come from the CIDR alone,
 * so that adding a CIDR never renumbers (and so replaces) another CIDR's rule.
 */
export function aclRuleNumberTaken(
  prop: string,
  value: string,
  ruleNumber: number,
  direction: string,
  holder: string,
): PrivateEgressError {
  return invalid(
    "PE-NET-028",
    prop,
    value,
    `would take ${direction} network ACL rule number ${ruleNumber}, which its hash shares with ${holder} (rule numbers come from the CIDR alone, so that adding a CIDR never renumbers another)`,
    `give ${value} as two halves or as a covering block, so that it hashes to a free number`,
  );
}

/**
 * A cell network ACL holding more rules in one direction than the account's quota. AWS counts
 * inbound and outbound rules separately ("Rules per network ACL", quota code L-2AEEBF1A: 20 by
 * default, adjustable to at most 40); `terraform plan` accepts more, the apply fails.
 */
export function aclRulesOverQuota(
  prop: string,
  quota: number,
  acl: string,
  count: number,
  direction: string,
): PrivateEgressError {
  return invalid(
    "PE-NET-029",
    prop,
    quota,
    `is below the ${count} ${direction} rules the cell network ACL of ${acl} would hold (AWS counts the inbound and outbound rules of a network ACL separately, against the quota "Rules per network ACL", L-2AEEBF1A: 20 by default, adjustable to at most 40; terraform plan accepts more, the apply fails)`,
    `bring the ACL to ${quota} ${direction} rules or fewer: summarise customer CIDRs and \`denyNetworks\` into covering blocks, or in a VPC shared by several tenants give \`tenantSegmentsCidrBlock\` (one deny for every other segment); or raise the quota in Service Quotas (at most 40) and set \`networkAclRulesQuota\` to it`,
  );
}

/** A network ACL rule quota outside what AWS allows (1 to 40 per direction). */
export function aclRulesQuotaInvalid(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-NET-030",
    prop,
    value,
    'is not a quota AWS allows for "Rules per network ACL" (L-2AEEBF1A)',
    "give a whole number from 1 to 40 (20 by default; 40 is the most AWS grants)",
  );
}

/** A tenant segments block that does not hold the segment's own block. */
export function tenantSegmentsBlockMissesSegment(
  prop: string,
  value: unknown,
  segmentCidrBlock: string,
): PrivateEgressError {
  return invalid(
    "PE-NET-031",
    prop,
    value,
    `does not contain the segment's own block ${segmentCidrBlock} (every tenant segment of the shared VPC is carved from it)`,
    "give the block all tenant segments of the VPC are carved from, or a `segmentCidrBlock` inside it",
  );
}
