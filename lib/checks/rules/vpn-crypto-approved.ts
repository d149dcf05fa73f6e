import {
  PHASE1_DH_GROUP_NUMBERS,
  PHASE1_ENCRYPTION_ALGORITHMS,
  PHASE1_INTEGRITY_ALGORITHMS,
} from "../../aws/vpn-validation";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { TUNNELS, tunnelArg, tunnelList } from "../tunnels";

/** Encryption algorithms AWS accepts (all AES, all FIPS-approved). */
export const APPROVED_ENCRYPTION: readonly string[] = PHASE1_ENCRYPTION_ALGORITHMS;
/** Integrity algorithms AWS accepts, without SHA-1. */
export const APPROVED_INTEGRITY: readonly string[] = PHASE1_INTEGRITY_ALGORITHMS.filter((a) => a !== "SHA1");
/** Diffie-Hellman groups AWS accepts that RFC 8247 does not deprecate (2, 5, 22, 23, 24 are out). */
export const APPROVED_DH_GROUPS: readonly number[] = PHASE1_DH_GROUP_NUMBERS.filter(
  (g) => g >= 14 && g <= 21,
);

const CHECKS: Array<[string, readonly (string | number)[], string]> = [
  ["phase1_encryption_algorithms", APPROVED_ENCRYPTION, "encryption"],
  ["phase2_encryption_algorithms", APPROVED_ENCRYPTION, "encryption"],
  ["phase1_integrity_algorithms", APPROVED_INTEGRITY, "integrity"],
  ["phase2_integrity_algorithms", APPROVED_INTEGRITY, "integrity"],
  ["phase1_dh_group_numbers", APPROVED_DH_GROUPS, "Diffie-Hellman groups"],
  ["phase2_dh_group_numbers", APPROVED_DH_GROUPS, "Diffie-Hellman groups"],
];

/**
 * PE-AWS-VPN-002: encryption, integrity and DH groups are set explicitly on both tunnels and both
 * phases, from FIPS-approved algorithms: no SHA-1, DH groups per RFC 8247 (14–21). Unset means
 * AWS's default list, which includes SHA1 and DH group 2.
 *
 * Mirrors no public scanner check (domain-facts §4: none covers VPN tunnel options); anchored in
 * NIST SP 800-77 r1 and SC-13 (cryptographic protection).
 */
export const vpnCryptoApproved: PolicyRule = {
  id: "PE-AWS-VPN-002",
  title: "VPN tunnels use explicit, approved encryption, integrity and DH groups on both phases",
  mirrors: "- (NIST SP 800-77 r1, SC-13; no scanner covers VPN tunnel options)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const t of TUNNELS) {
      for (const [suffix, allowed, what] of CHECKS) {
        const arg = tunnelArg(t, suffix);
        const list = tunnelList(object.values, t, suffix);
        if (list === null) continue;
        if (list === undefined || list.length === 0) {
          problems.push(
            `\`${arg}\` is unset, so AWS offers its default list (weak ${what} included); set it from ${JSON.stringify(allowed)}`,
          );
          continue;
        }
        const bad = list.filter((v) => !allowed.includes(typeof allowed[0] === "number" ? Number(v) : v));
        if (bad.length > 0)
          problems.push(`\`${arg}\` ${JSON.stringify(bad)} is not approved; use ${JSON.stringify(allowed)}`);
      }
    }
    return outcome(problems);
  },
};
