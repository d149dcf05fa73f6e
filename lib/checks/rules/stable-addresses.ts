import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { isSet } from "../view";

/** Resource types whose replacement loses state the tenant relies on. */
export const STATEFUL_TYPES = [
  "aws_vpn_connection",
  "aws_vpn_gateway",
  "aws_customer_gateway",
  "aws_eip",
  "aws_nat_gateway",
  "aws_subnet",
  "aws_cloudwatch_log_group",
  "cloudfoundry_isolation_segment",
  "cloudfoundry_security_group",
];

/** cdktf appends `_<8 hex>` to the logical ids of nested constructs. */
const HASH_SUFFIX = /_[0-9A-F]{8}$/;
/** A trailing position: `Eip0`? no (ambiguous); `Eip-0`, `Eip_0`, `Eip.0`, `0`, `Eip[0]`. */
const POSITIONAL = /(^\d+$)|([-_.]\d+$)|(\[\d+\])/;
/** Keys that end in digits but are stable: an IPv4 address or CIDR, or AWS's fixed tunnels 1 and 2. */
const STABLE_DIGITS = /(\d+\.\d+\.\d+\.\d+)|(tunnel[-_]?[12]$)/i;

/** The path components (or logical id parts) that look like list positions. */
export function positionalParts(constructPath: string | undefined, logicalName: string): string[] {
  const parts =
    constructPath !== undefined
      ? constructPath.split("/").slice(1)
      : logicalName.replace(HASH_SUFFIX, "").split("_");
  return parts.filter((p) => POSITIONAL.test(p) && !STABLE_DIGITS.test(p));
}

/**
 * PE-STATE-002: stateful resources have addresses that do not depend on list order. What is
 * detected: a construct id (path component) that is a bare number, ends in `-N`/`_N`/`.N`, or holds
 * `[N]` (IP and CIDR keys such as `10.40.16.0-22` and `Tunnel1`/`Tunnel-2` are exempt), and
 * `count` on a stateful resource (its instances are addressed `[0]`, `[1]`). Not detected: a
 * position hidden in a name without a separator (`Subnet0`) — ambiguous with real names.
 *
 * Mirrors no public scanner check; anchored in CM-3 (a re-indexed list destroys and re-creates
 * EIPs, NAT gateways and VPN connections).
 */
export const stableAddresses: PolicyRule = {
  id: "PE-STATE-002",
  title: "Stateful resources have addresses that do not depend on list positions",
  mirrors: "- (NIST CM-3)",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: STATEFUL_TYPES,
  evaluate: (object) => {
    if (!STATEFUL_TYPES.includes(object.type)) return NOT_APPLICABLE;
    const problems: string[] = [];
    const parts = positionalParts(object.constructPath, object.name);
    if (parts.length > 0) {
      problems.push(
        `construct id ${parts.map((p) => JSON.stringify(p)).join(", ")} looks like a list position; derive ids from stable keys (AZ name, CIDR, space name)`,
      );
    }
    if (isSet(object.values, "count")) {
      problems.push(
        "`count` addresses instances by position; use for_each over stable keys or one construct per key",
      );
    }
    return outcome(problems);
  },
};
