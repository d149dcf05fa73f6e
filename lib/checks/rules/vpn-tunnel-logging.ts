import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS, tunnelArg, tunnelLogOptions } from "../tunnels";
import { isExpression } from "../view";

/**
 * PE-AWS-VPN-008: both tunnels send their IKE/IPsec logs to CloudWatch Logs
 * (`tunnelN_log_options.cloudwatch_log_options` with `log_enabled = true` and a `log_group_arn`).
 *
 * Mirrors no public scanner check; anchored in AU-2 / AU-12 (event logging on a boundary device).
 */
export const vpnTunnelLogging: PolicyRule = {
  id: "PE-AWS-VPN-008",
  title: "Both VPN tunnels log to CloudWatch Logs",
  mirrors: "- (NIST AU-2, AU-12)",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const t of TUNNELS) {
      const raw = object.values[tunnelArg(t, "log_options")];
      if (isExpression(raw)) continue;
      const log = tunnelLogOptions(object.values, t);
      if (log.enabled !== true) {
        problems.push(
          `\`${tunnelArg(t, "log_options")}.cloudwatch_log_options.log_enabled\` is not true; enable tunnel logging`,
        );
      } else if (log.groupArn === undefined || log.groupArn === null || log.groupArn === "") {
        problems.push(
          `\`${tunnelArg(t, "log_options")}.cloudwatch_log_options.log_group_arn\` is unset; give the log group`,
        );
      }
    }
    return outcome(problems);
  },
};
