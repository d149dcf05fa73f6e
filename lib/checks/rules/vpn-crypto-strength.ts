import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS, tunnelArg, tunnelList } from "../tunnels";

/** AES-256 (CBC or GCM). */
export const STRONG_ENCRYPTION = ["AES256", "AES256-GCM-16"];
/** The SHA-2 family (SHA-1 is out). */
export const STRONG_INTEGRITY = ["SHA2-256", "SHA2-384", "SHA2-512"];
/** MODP ≥ 3072 bits (15–18) and ECP P-256/P-384/P-521 (19–21); MODP 2048 (14) and below are out. */
export const STRONG_DH_GROUPS = [15, 16, 17, 18, 19, 20, 21];

const CHECKS: Array<[string, readonly (string | number)[]]> = [
  ["phase1_encryption_algorithms", STRONG_ENCRYPTION],
  ["phase2_encryption_algorithms", STRONG_ENCRYPTION],
  ["phase1_integrity_algorithms", STRONG_INTEGRITY],
  ["phase2_integrity_algorithms", STRONG_INTEGRITY],
  ["phase1_dh_group_numbers", STRONG_DH_GROUPS],
  ["phase2_dh_group_numbers", STRONG_DH_GROUPS],
];

/**
 * PE-AWS-VPN-003: both tunnels and both phases offer only the strong suite (AES-256, SHA-2, DH groups
 * of at least 128-bit strength: MODP 3072+ (15–18) or ECP (19–21)), which is exactly what
 * `VpnCryptoProfile.strict()` configures. Unset lists are left to PE-AWS-VPN-002. The cloud.gov
 * profile only warns: the seed's baseline is AES128/AES256, SHA2-256, DH 14.
 *
 * Mirrors no public scanner check; anchored in NIST SP 800-77 r1 and SP 800-57 (SC-13).
 */
export const vpnCryptoStrength: PolicyRule = {
  id: "PE-AWS-VPN-003",
  title: "VPN tunnels offer only AES-256, SHA-2 and DH groups 15-21",
  mirrors: "- (NIST SP 800-77 r1, SP 800-57, SC-13)",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const t of TUNNELS) {
      for (const [suffix, allowed] of CHECKS) {
        const list = tunnelList(object.values, t, suffix);
        if (list === null || list === undefined) continue;
        const weak = list.filter((v) => !allowed.includes(typeof allowed[0] === "number" ? Number(v) : v));
        if (weak.length > 0) {
          problems.push(
            `\`${tunnelArg(t, suffix)}\` offers ${JSON.stringify(weak)}; the strong suite is ${JSON.stringify(allowed)}`,
          );
        }
      }
    }
    return outcome(problems);
  },
};
