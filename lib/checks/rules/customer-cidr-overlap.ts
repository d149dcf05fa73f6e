import { checkCustomerCidr } from "../../aws/network-validation";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import {
  literalString,
  objectsOfType,
  referencedObjects,
  referencesAddress,
  StackView,
  TerraformObjectView,
} from "../view";
import { expressionsAsTokens } from "../../core/tokens";

/** The VPCs behind a VPN connection (through its gateway), or every VPC of the stack when unknown. */
function vpcsBehind(stack: StackView, route: TerraformObjectView): TerraformObjectView[] {
  const connection = referencedObjects(stack, route.values.vpn_connection_id).find(
    (o) => o.type === "aws_vpn_connection",
  );
  const gateway = connection
    ? referencedObjects(stack, connection.values.vpn_gateway_id).find((o) => o.type === "aws_vpn_gateway")
    : undefined;
  if (gateway) {
    const vpcs = referencedObjects(stack, gateway.values.vpc_id).filter((o) => o.type === "aws_vpc");
    for (const a of objectsOfType(stack, "aws_vpn_gateway_attachment")) {
      if (referencesAddress(a.values.vpn_gateway_id, gateway.address)) {
        vpcs.push(...referencedObjects(stack, a.values.vpc_id).filter((o) => o.type === "aws_vpc"));
      }
    }
    if (vpcs.length > 0) return vpcs;
  }
  return objectsOfType(stack, "aws_vpc");
}

/** A VPC's literal CIDRs: the primary block and its IPv4 associations. */
function vpcCidrs(stack: StackView, vpc: TerraformObjectView): string[] {
  const out: string[] = [];
  const primary = literalString(vpc.values.cidr_block);
  if (primary) out.push(primary);
  for (const a of objectsOfType(stack, "aws_vpc_ipv4_cidr_block_association")) {
    const c = literalString(a.values.cidr_block);
    if (c && referencesAddress(a.values.vpc_id, vpc.address)) out.push(c);
  }
  return out;
}

/**
 * PE-AWS-NET-001: a VPN static route (customer prefix) is a valid, canonical CIDR, not 0.0.0.0/0,
 * not link-local, and overlaps no CIDR of the VPC behind the connection's gateway (the VPC's local
 * route would win and the customer network would be unreachable). Reuses `checkCustomerCidr` of
 * `lib/aws/network-validation.ts`.
 *
 * Mirrors no public scanner check (domain-facts §2, route priority); anchored in SC-7.
 */
export const customerCidrOverlap: PolicyRule = {
  id: "PE-AWS-NET-001",
  title: "Customer prefixes (VPN static routes) are valid and do not overlap the VPC",
  mirrors: "- (AWS route priority: the VPC local route wins; NIST SC-7)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection_route"],
  evaluate: (route, stack) => {
    if (route.type !== "aws_vpn_connection_route") return NOT_APPLICABLE;
    const prefix = literalString(route.values.destination_cidr_block);
    if (prefix === undefined) return NOT_APPLICABLE;
    const cidrs = vpcsBehind(stack, route).flatMap((v) => vpcCidrs(stack, v));
    const messages = new Set<string>();
    for (const vpcCidr of cidrs.length > 0 ? cidrs : [undefined]) {
      for (const e of checkCustomerCidr("destination_cidr_block", prefix, {
        vpcCidr: expressionsAsTokens(vpcCidr),
      }))
        messages.add(e.message);
    }
    return outcome([...messages]);
  },
};
