import { inlineRoutes, routesToNat, standaloneRoutes, tableOf } from "../network";
import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import {
  literalString,
  objectsOfType,
  referencedObjects,
  referencesAddress,
  StackView,
  TerraformObjectView,
} from "../view";

function azOf(stack: StackView, subnetRef: unknown): string | undefined {
  const subnet = referencedObjects(stack, subnetRef).find((o) => o.type === "aws_subnet");
  return subnet ? literalString(subnet.values.availability_zone) : undefined;
}

function natChecks(nat: TerraformObjectView, stack: StackView): string[] {
  if (nat.values.connectivity_type === "private") return [];
  const allocation = nat.values.allocation_id;
  if (allocation === undefined || allocation === null || allocation === "") {
    return [
      "a public NAT gateway has no `allocation_id`; give it its own aws_eip (the tenant allow-lists that address)",
    ];
  }
  const eip = referencedObjects(stack, allocation).find((o) => o.type === "aws_eip");
  if (!eip) return [];
  const sharing = objectsOfType(stack, "aws_nat_gateway").filter(
    (n) => n !== nat && referencesAddress(n.values.allocation_id, eip.address),
  );
  return sharing.length > 0
    ? [
        `its EIP ${eip.address} is also used by ${sharing.map((n) => n.address).join(", ")}; one EIP per NAT gateway`,
      ]
    : [];
}

function subnetChecks(subnet: TerraformObjectView, stack: StackView): string[] {
  const az = literalString(subnet.values.availability_zone);
  if (az === undefined) return [];
  const problems: string[] = [];
  for (const assoc of objectsOfType(stack, "aws_route_table_association")) {
    if (!referencesAddress(assoc.values.subnet_id, subnet.address)) continue;
    const table = tableOf(stack, assoc.values.route_table_id);
    if (!table) continue;
    const routes = [...inlineRoutes(table), ...standaloneRoutes(stack, table)].filter(routesToNat);
    for (const route of routes) {
      const nat = referencedObjects(stack, route.values.nat_gateway_id).find(
        (o) => o.type === "aws_nat_gateway",
      );
      const natAz = nat ? azOf(stack, nat.values.subnet_id) : undefined;
      if (natAz !== undefined && natAz !== az) {
        problems.push(
          `subnet in ${az} reaches the internet through ${nat?.address} in ${natAz} (${route.where}); give each AZ its own NAT gateway and EIP`,
        );
      }
    }
  }
  return problems;
}

/**
 * PE-AWS-NET-002: NAT and EIP per availability zone. A public NAT gateway has its own EIP (not
 * shared with another NAT gateway), and a subnet with a literal AZ routes through a NAT gateway in
 * the same AZ (followed through `aws_route_table_association`, inline routes and `aws_route`).
 * Otherwise one AZ's outage cuts every AZ's egress, and egress IPs move.
 *
 * Mirrors no public scanner check; anchored in CP-2 / SC-5 (availability) and the AWS
 * Well-Architected reliability guidance (one NAT gateway per AZ).
 */
export const natEipPerAz: PolicyRule = {
  id: "PE-AWS-NET-002",
  title: "Each AZ has its own NAT gateway with its own EIP",
  mirrors: "- (AWS Well-Architected REL; NIST CP-2, SC-5)",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: ["aws_nat_gateway", "aws_subnet"],
  evaluate: (object, stack) => {
    if (object.type === "aws_nat_gateway") return outcome(natChecks(object, stack));
    if (object.type === "aws_subnet") {
      if (objectsOfType(stack, "aws_nat_gateway").length === 0) return NOT_APPLICABLE;
      return outcome(subnetChecks(object, stack));
    }
    return NOT_APPLICABLE;
  },
};
