import {
  checkInsideCidrsDiffer,
  checkInsideCidrsUnique,
  checkTunnelInsideCidr,
  InsideCidrUse,
} from "../../aws/vpn-validation";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS, tunnelArg, tunnelString } from "../tunnels";
import { objectsOfType } from "../view";

/**
 * PE-AWS-VPN-005: tunnel inside CIDRs, when set, are network-aligned /30s inside 169.254.0.0/16,
 * not among AWS's reserved blocks, different between the two tunnels, and unique across every
 * connection on the same virtual private gateway (same `vpn_gateway_id` or
 * `transit_gateway_id` expression). Unset lets AWS choose. Reuses `checkTunnelInsideCidr`,
 * `checkInsideCidrsDiffer` and `checkInsideCidrsUnique` of `lib/aws/vpn-validation.ts`.
 *
 * Mirrors no public scanner check (AWS rejects these only at apply time).
 */
export const vpnInsideCidrs: PolicyRule = {
  id: "PE-AWS-VPN-005",
  title:
    "VPN tunnel inside CIDRs are valid /30s in 169.254.0.0/16, not reserved, distinct per tunnel and per gateway",
  mirrors: "- (AWS API validation at apply time)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object, stack) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const cidr = (t: number) => tunnelString(object.values, t, "inside_cidr");
    const errors = TUNNELS.flatMap((t) => {
      const c = cidr(t);
      return c === undefined ? [] : checkTunnelInsideCidr(c, tunnelArg(t, "inside_cidr"));
    });
    errors.push(...checkInsideCidrsDiffer(cidr(1), cidr(2), "tunnel2_inside_cidr"));
    const gateway = object.values.vpn_gateway_id ?? object.values.transit_gateway_id;
    if (typeof gateway === "string") {
      const existing: InsideCidrUse[] = [];
      for (const other of objectsOfType(stack, "aws_vpn_connection")) {
        if (other === object) continue;
        if ((other.values.vpn_gateway_id ?? other.values.transit_gateway_id) !== gateway) continue;
        for (const t of TUNNELS) {
          const c = tunnelString(other.values, t, "inside_cidr");
          if (c !== undefined) existing.push({ cidr: c, usedBy: `${other.address} (tunnel ${t})` });
        }
      }
      errors.push(
        ...checkInsideCidrsUnique(
          TUNNELS.map((t) => ({ cidr: cidr(t), prop: tunnelArg(t, "inside_cidr") })),
          existing,
        ),
      );
    }
    return outcome(errors.map((e) => e.message));
  },
};
