import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS } from "../tunnels";
import {
  blocks,
  isExpression,
  isObject,
  literalBool,
  objectsOfType,
  referencesAddress,
  TerraformObjectView,
} from "../view";

/** The TunnelState metric dimension maps an alarm watches (plain metric or metric queries). */
function tunnelStateDimensions(alarm: TerraformObjectView): Record<string, unknown>[] {
  const v = alarm.values;
  const out: Record<string, unknown>[] = [];
  if (v.namespace === "AWS/VPN" && v.metric_name === "TunnelState" && isObject(v.dimensions))
    out.push(v.dimensions);
  for (const q of blocks(v.metric_query)) {
    for (const m of blocks(q.metric)) {
      if (m.namespace === "AWS/VPN" && m.metric_name === "TunnelState" && isObject(m.dimensions))
        out.push(m.dimensions);
    }
  }
  return out;
}

function hasActions(alarm: TerraformObjectView): boolean {
  if (literalBool(alarm.values.actions_enabled) === false) return false;
  const actions = alarm.values.alarm_actions;
  return isExpression(actions) || (Array.isArray(actions) && actions.length > 0);
}

/**
 * PE-AWS-VPN-010: each VPN connection has CloudWatch alarms on `AWS/VPN` `TunnelState` covering both
 * tunnels (one alarm per tunnel with `TunnelIpAddress` = the tunnel's address, or one on `VpnId`
 * alone), each with at least one alarm action. Matches alarms to connections through the
 * `${aws_vpn_connection.X.id}` / `.tunnelN_address` references in the dimensions.
 *
 * Mirrors AWS Config `vpc-vpn-2-tunnels-up` (FedRAMP Moderate and NIST 800-53 r5 conformance packs)
 * and Security Hub EC2.20 (both tunnels up), as an alarm rather than a periodic check.
 */
export const vpnTunnelAlarms: PolicyRule = {
  id: "PE-AWS-VPN-010",
  title: "Each VPN connection has TunnelState alarms with actions covering both tunnels",
  mirrors: "AWS Config vpc-vpn-2-tunnels-up; Security Hub EC2.20",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object, stack) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const covered = new Set<number>();
    let withoutActions = 0;
    for (const alarm of objectsOfType(stack, "aws_cloudwatch_metric_alarm")) {
      for (const dims of tunnelStateDimensions(alarm)) {
        if (!referencesAddress(dims.VpnId, object.address, "id")) continue;
        if (!hasActions(alarm)) {
          withoutActions++;
          continue;
        }
        const ip = dims.TunnelIpAddress;
        if (ip === undefined || ip === null) TUNNELS.forEach((t) => covered.add(t));
        for (const t of TUNNELS)
          if (referencesAddress(ip, object.address, `tunnel${t}_address`)) covered.add(t);
      }
    }
    const missing = TUNNELS.filter((t) => !covered.has(t));
    if (missing.length === 0) return outcome([]);
    const note =
      withoutActions > 0 ? ` (${withoutActions} TunnelState alarm(s) found without alarm_actions)` : "";
    return outcome([
      `no TunnelState alarm with alarm_actions covers tunnel ${missing.join(" and ")}${note}; add an aws_cloudwatch_metric_alarm on AWS/VPN TunnelState per tunnel`,
    ]);
  },
};
