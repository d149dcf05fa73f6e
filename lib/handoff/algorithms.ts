/**
 * What each customer device calls the algorithms and Diffie-Hellman groups that AWS Site-to-Site VPN
 * names in its tunnel options. A value missing from a device's table is one the device cannot
 * express; the renderers throw for it rather than drop it.
 *
 * Sources (checked for this table):
 * - AWS names: `aws_vpn_connection` tunnel options (hashicorp/aws 5.100.0), domain-facts.md §2.
 * - Libreswan: ipsec.conf(5) `ike=` / `esp=` (libreswan/libreswan configs/d.ipsec.conf/conn/ike.xml,
 *   esp.xml) and the proposal parser's test cases (programs/algparse/algparse.c): `aes128`, `aes256`,
 *   `aes_gcm128`/`aes_gcm256` (16-byte ICV is the default), `sha1`, `sha2_256`, `sha2_384`, `sha2_512`,
 *   `modpNNNN` and `dh19`/`dh20`/`dh21`; modp1024 (DH 2) is no longer compiled in since Libreswan 4,
 *   DH 22-24 (RFC 5114) are not compiled in by default and rejected by the parser, AES-GCM is not
 *   allowed in an IKEv1 `ike=` line.
 * - strongSwan: swanctl.conf(5) and docs.strongswan.org "Algorithm Proposals": `aes128`, `aes256`,
 *   `aes128gcm16`, `aes256gcm16`, `sha1`, `sha256`, `sha384`, `sha512`, `prfsha*`, `modp1024` ...
 *   `modp8192`, `ecp256`/`ecp384`/`ecp521`, `modp1024s160`/`modp2048s224`/`modp2048s256`.
 * - PAN-OS: "Define IKE Crypto Profiles" / "IKE Phase 1" (docs.paloaltonetworks.com): encryption
 *   `aes-128-cbc`, `aes-256-cbc`, `aes-128-gcm`, `aes-256-gcm` (GCM from 10.0.3, IKEv2 only in the
 *   IKE profile); hash/authentication `sha1`, `sha256`, `sha384`, `sha512`; DH `group1`, `group2`,
 *   `group5`, `group14`, `group15`, `group16`, `group19`, `group20`, `group21` (15, 16, 21 from
 *   PAN-OS 10.2). No MODP 6144/8192 (17, 18) and no RFC 5114 groups (22-24).
 */

/** The AWS spellings accepted in tunnel options (domain-facts.md §2). */
export const AWS_ENCRYPTION_ALGORITHMS: readonly string[] = [
  "AES128",
  "AES256",
  "AES128-GCM-16",
  "AES256-GCM-16",
];
export const AWS_INTEGRITY_ALGORITHMS: readonly string[] = ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"];
export const AWS_PHASE1_DH_GROUPS: readonly number[] = [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
export const AWS_PHASE2_DH_GROUPS: readonly number[] = [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
export const AWS_IKE_VERSIONS: readonly string[] = ["ikev1", "ikev2"];
export const AWS_DPD_TIMEOUT_ACTIONS: readonly string[] = ["clear", "none", "restart"];
export const AWS_STARTUP_ACTIONS: readonly string[] = ["add", "start"];

/** Whether an AWS encryption algorithm is an AEAD (AES-GCM) one. */
export function isAead(awsEncryption: string): boolean {
  return awsEncryption.endsWith("-GCM-16");
}

/** One device's names for the AWS algorithm and group identifiers. */
export interface DeviceAlgorithmNames {
  /** Device name for humans and error messages, e.g. `Libreswan`. */
  readonly device: string;
  /** AWS encryption name (`AES256`) to the device's name. */
  readonly encryption: Readonly<Record<string, string>>;
  /** AWS integrity name (`SHA2-256`) to the device's name. */
  readonly integrity: Readonly<Record<string, string>>;
  /** AWS integrity name to the device's PRF name, used with AEAD in IKE (empty when the device derives it). */
  readonly prf: Readonly<Record<string, string>>;
  /** DH group number (as a string key) to the device's name. */
  readonly dhGroups: Readonly<Record<string, string>>;
}

export const LIBRESWAN_NAMES: DeviceAlgorithmNames = {
  device: "Libreswan/Openswan",
  encryption: {
    AES128: "aes128",
    AES256: "aes256",
    "AES128-GCM-16": "aes_gcm128",
    "AES256-GCM-16": "aes_gcm256",
  },
  integrity: { SHA1: "sha1", "SHA2-256": "sha2_256", "SHA2-384": "sha2_384", "SHA2-512": "sha2_512" },
  // Libreswan uses the integrity name as the PRF (the second element after an AEAD cipher).
  prf: { SHA1: "sha1", "SHA2-256": "sha2_256", "SHA2-384": "sha2_384", "SHA2-512": "sha2_512" },
  dhGroups: {
    "5": "modp1536",
    "14": "modp2048",
    "15": "modp3072",
    "16": "modp4096",
    "17": "modp6144",
    "18": "modp8192",
    "19": "dh19",
    "20": "dh20",
    "21": "dh21",
  },
};

export const STRONGSWAN_NAMES: DeviceAlgorithmNames = {
  device: "strongSwan",
  encryption: {
    AES128: "aes128",
    AES256: "aes256",
    "AES128-GCM-16": "aes128gcm16",
    "AES256-GCM-16": "aes256gcm16",
  },
  integrity: { SHA1: "sha1", "SHA2-256": "sha256", "SHA2-384": "sha384", "SHA2-512": "sha512" },
  prf: { SHA1: "prfsha1", "SHA2-256": "prfsha256", "SHA2-384": "prfsha384", "SHA2-512": "prfsha512" },
  dhGroups: {
    "2": "modp1024",
    "5": "modp1536",
    "14": "modp2048",
    "15": "modp3072",
    "16": "modp4096",
    "17": "modp6144",
    "18": "modp8192",
    "19": "ecp256",
    "20": "ecp384",
    "21": "ecp521",
    "22": "modp1024s160",
    "23": "modp2048s224",
    "24": "modp2048s256",
  },
};

export const PANOS_NAMES: DeviceAlgorithmNames = {
  device: "PAN-OS",
  encryption: {
    AES128: "aes-128-cbc",
    AES256: "aes-256-cbc",
    "AES128-GCM-16": "aes-128-gcm",
    "AES256-GCM-16": "aes-256-gcm",
  },
  integrity: { SHA1: "sha1", "SHA2-256": "sha256", "SHA2-384": "sha384", "SHA2-512": "sha512" },
  prf: { SHA1: "sha1", "SHA2-256": "sha256", "SHA2-384": "sha384", "SHA2-512": "sha512" },
  dhGroups: {
    "2": "group2",
    "5": "group5",
    "14": "group14",
    "15": "group15",
    "16": "group16",
    "19": "group19",
    "20": "group20",
    "21": "group21",
  },
};

/** The generic parameter sheet keeps AWS's own names. */
export const GENERIC_NAMES: DeviceAlgorithmNames = {
  device: "generic",
  encryption: Object.fromEntries(AWS_ENCRYPTION_ALGORITHMS.map((a) => [a, a])),
  integrity: Object.fromEntries(AWS_INTEGRITY_ALGORITHMS.map((a) => [a, a])),
  prf: Object.fromEntries(AWS_INTEGRITY_ALGORITHMS.map((a) => [a, a])),
  dhGroups: Object.fromEntries(AWS_PHASE2_DH_GROUPS.map((g) => [String(g), `group ${g}`])),
};
