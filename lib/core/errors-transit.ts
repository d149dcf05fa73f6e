/**
 * Error factories for the transit gateway building blocks and the gateway choice of a VPN
 * connection. Codes `PE-TGW-NNN`; a code never changes meaning once released.
 */
import { invalid, PrivateEgressError } from "./errors";

/** Neither or both of a virtual private gateway and a transit gateway. */
export function gatewayChoice(prop: string, got: "neither" | "both"): PrivateEgressError {
  return invalid(
    "PE-TGW-001",
    prop,
    got,
    got === "both"
      ? "names both a virtual private gateway and a transit gateway"
      : "names neither a virtual private gateway nor a transit gateway",
    "give exactly one of `vpnGateway` and `transitGateway`",
  );
}

/** A transit gateway quota would be exceeded. */
export function transitGatewayQuota(
  prop: string,
  gateway: string,
  what: string,
  count: number,
  quota: number,
  adjustable: boolean,
): PrivateEgressError {
  return invalid(
    "PE-TGW-002",
    prop,
    gateway,
    `would have ${count} ${what}, over the quota of ${quota} per transit gateway`,
    adjustable
      ? `AWS's default is adjustable: request an increase in Service Quotas and give the new value as \`quotas\` of the transit gateway, or use another transit gateway`
      : "AWS does not raise this quota; use another transit gateway",
  );
}

/** A quota value that is not a positive integer. */
export function quotaInvalid(prop: string, value: unknown): PrivateEgressError {
  return invalid("PE-TGW-003", prop, value, "is not a positive integer", "give the quota AWS granted you");
}

/** A VPC attachment with no subnet, or two subnets in one availability zone. */
export function attachmentSubnetsInvalid(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid(
    "PE-TGW-004",
    prop,
    value,
    problem,
    "give one subnet per availability zone (AWS allows only one per zone in an attachment), at least one",
  );
}

/** A second VPC attachment of one VPC to one transit gateway. */
export function vpcAlreadyAttached(prop: string, vpc: string, otherPath: string): PrivateEgressError {
  return invalid(
    "PE-TGW-005",
    prop,
    vpc,
    `is already attached to this transit gateway by ${otherPath}`,
    "a transit gateway takes one attachment per VPC; pass that attachment (`transitGatewayVpcAttachment`) instead of creating another",
  );
}

/** Two static routes for one prefix in one transit gateway route table. */
export function transitRouteDuplicate(prop: string, cidr: string, otherPath: string): PrivateEgressError {
  return invalid(
    "PE-TGW-006",
    prop,
    cidr,
    `already has a route in this transit gateway route table (${otherPath})`,
    "a transit gateway route table holds one static route per prefix; tenants must not share CIDRs",
  );
}

/** An option that has no meaning on a transit gateway. */
export function notWithTransitGateway(prop: string, value: unknown, why: string): PrivateEgressError {
  return invalid("PE-TGW-007", prop, value, "cannot be used with a transit gateway", why);
}

/** An option that needs a transit gateway. */
export function needsTransitGateway(prop: string, value: unknown): PrivateEgressError {
  return invalid(
    "PE-TGW-008",
    prop,
    value,
    "is given without `transitGateway`",
    "give `transitGateway` too, or omit this prop",
  );
}

/** A segment zone the transit gateway's VPC attachment does not cover. */
export function zoneNotAttached(prop: string, zone: string, attached: readonly string[]): PrivateEgressError {
  return invalid(
    "PE-TGW-009",
    prop,
    zone,
    `has no subnet in the transit gateway's VPC attachment (zones ${attached.join(", ")})`,
    "subnets in a zone without an attachment subnet cannot reach the transit gateway; add the zone to the attachment or drop it from the segment",
  );
}

/** A VPC attachment of another VPC than the segment's. */
export function attachmentOfOtherVpc(prop: string, vpc: string): PrivateEgressError {
  return invalid(
    "PE-TGW-010",
    prop,
    vpc,
    "attaches another VPC than the one the segment is built in",
    "give the attachment of the segment's VPC (`vpc`), or omit it to attach the segment's VPC",
  );
}
