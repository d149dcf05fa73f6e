/**
 * The policy profiles and severities of the synth-time policy pack. A rule carries one severity per
 * profile; the pack reports each non-compliant, unsuppressed finding at that severity.
 */

/** A set of severities for every rule: which baseline the stack is held to. */
export enum PolicyProfile {
  /**
   * A strict federal baseline (FedRAMP Moderate / NIST SP 800-53 r5 minded): IKEv2 only, AES-256
   * family, SHA-2, RFC 8247 Diffie-Hellman groups, keys in Secrets Manager, logs kept a year.
   */
  FEDERAL_STRICT = "federal-strict",
  /**
   * cloud.gov compatibility: the seed's published customer baseline (IKEv1, AES128/AES256, SHA2-256,
   * DH group 14) is allowed with a warning instead of an error; everything that loses state or
   * opens the network is still an error.
   */
  CLOUD_GOV_COMPAT = "cloud-gov-compat",
}

/** How a finding is reported. */
export enum Severity {
  /** An error annotation: `cdktf synth` fails and `check` exits non-zero. */
  ERROR = "error",
  /** A warning annotation: reported, never fails. */
  WARNING = "warning",
  /** Not reported under this profile. */
  OFF = "off",
}

/** A rule's severity under each profile. */
export interface ProfileSeverities {
  /** Severity under `PolicyProfile.FEDERAL_STRICT`. */
  readonly federalStrict: Severity;
  /** Severity under `PolicyProfile.CLOUD_GOV_COMPAT`. */
  readonly cloudGovCompat: Severity;
}

/** Error under both profiles. */
export const ERROR_IN_BOTH: ProfileSeverities = {
  federalStrict: Severity.ERROR,
  cloudGovCompat: Severity.ERROR,
};

/** Error under the strict profile, warning under cloud.gov compatibility. */
export const ERROR_STRICT_WARNING_COMPAT: ProfileSeverities = {
  federalStrict: Severity.ERROR,
  cloudGovCompat: Severity.WARNING,
};

/** The severity of a rule under a profile. */
export function severityIn(severities: ProfileSeverities, profile: PolicyProfile): Severity {
  return profile === PolicyProfile.CLOUD_GOV_COMPAT ? severities.cloudGovCompat : severities.federalStrict;
}

/** All profiles, in the order the docs table lists them. */
export const ALL_PROFILES: readonly PolicyProfile[] = [
  PolicyProfile.FEDERAL_STRICT,
  PolicyProfile.CLOUD_GOV_COMPAT,
];

/** Parses a profile name as the CLI and the synthesized metadata spell it; undefined when unknown. */
export function parseProfile(name: string): PolicyProfile | undefined {
  return ALL_PROFILES.find((p) => p === name);
}
