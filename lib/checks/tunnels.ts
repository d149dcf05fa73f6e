/**
 * Reads the per-tunnel arguments of a synthesized `aws_vpn_connection` (`tunnel1_*`, `tunnel2_*`):
 * every VPN rule checks both tunnels through these helpers.
 */
import { checkTunnelOptions, PropStyle, tunnelOptionsFromResource } from "../aws/vpn-validation";
import { PrivateEgressError } from "../core/errors";
import { memoized } from "./memo";
import { block, isObject, literalBool, literalList, literalNumber, literalString } from "./view";

/** The two tunnels of a connection. */
export const TUNNELS: readonly number[] = [1, 2];

/** The synthesized value of `tunnel<n>_<suffix>`. */
export function tunnelValue(values: Record<string, unknown>, tunnel: number, suffix: string): unknown {
  return values[`tunnel${tunnel}_${suffix}`];
}

/** The argument name `tunnel<n>_<suffix>`. */
export function tunnelArg(tunnel: number, suffix: string): string {
  return `tunnel${tunnel}_${suffix}`;
}

/**
 * A literal list of strings or numbers of a tunnel argument: `undefined` when unset (AWS default),
 * `null` when it is an expression the rules cannot read.
 */
export function tunnelList(
  values: Record<string, unknown>,
  tunnel: number,
  suffix: string,
): Array<string | number> | undefined | null {
  const v = tunnelValue(values, tunnel, suffix);
  if (v === undefined || v === null) return undefined;
  const list = literalList(v);
  if (!list) return null;
  if (list.some((x) => typeof x !== "string" && typeof x !== "number")) return null;
  if (list.some((x) => typeof x === "string" && x.includes("${"))) return null;
  return list as Array<string | number>;
}

/** A literal number of a tunnel argument; undefined when unset or an expression. */
export function tunnelNumber(
  values: Record<string, unknown>,
  tunnel: number,
  suffix: string,
): number | undefined {
  return literalNumber(tunnelValue(values, tunnel, suffix));
}

/** A literal string of a tunnel argument; undefined when unset or an expression. */
export function tunnelString(
  values: Record<string, unknown>,
  tunnel: number,
  suffix: string,
): string | undefined {
  return literalString(tunnelValue(values, tunnel, suffix));
}

/** The CloudWatch log options of a tunnel (`tunnelN_log_options.cloudwatch_log_options`). */
export function tunnelLogOptions(
  values: Record<string, unknown>,
  tunnel: number,
): { enabled?: boolean; groupArn: unknown } {
  const options = block(tunnelValue(values, tunnel, "log_options"));
  const cw = options ? block(options.cloudwatch_log_options) : undefined;
  if (!cw || !isObject(cw)) return { enabled: undefined, groupArn: undefined };
  return { enabled: literalBool(cw.log_enabled), groupArn: cw.log_group_arn };
}

/**
 * `checkTunnelOptions` of one tunnel (`tunnel1`, `tunnel2`) of a synthesized `aws_vpn_connection`,
 * its inside CIDR left out (PE-AWS-VPN-010 reports that, and a bad one must not hide the lifetime
 * consistency checks). Computed once per body in an evaluation: PE-AWS-VPN-004 and PE-AWS-VPN-009
 * each report their own fields of the same result.
 */
export function tunnelOptionErrors(
  values: Record<string, unknown>,
  tunnel: string,
): readonly PrivateEgressError[] {
  return memoized(values, `tunnel-options:${tunnel}`, () =>
    checkTunnelOptions(
      { ...tunnelOptionsFromResource(values, tunnel), insideCidr: undefined },
      tunnel,
      PropStyle.TERRAFORM,
    ),
  );
}
