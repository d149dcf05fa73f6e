/**
 * IPsec crypto profiles for AWS site-to-site VPN tunnels: an open set of named option bundles with
 * static factories. A profile sets every tunnel option on both tunnels; connection props override.
 */
import { fieldsOf, guardStrings, ID, listOf, StringSpec, stringSpec } from "../core/boundary";
import { EffectiveTunnelOptions } from "./interfaces";
import { checkTunnelOptions, throwFirst } from "./vpn-validation";

/** IKE protocol versions. */
export enum IkeVersion {
  /** IKE version 1. */
  IKEV1 = "ikev1",
  /** IKE version 2. */
  IKEV2 = "ikev2",
}

/** Phase 1 / phase 2 encryption algorithms. */
export enum EncryptionAlgorithm {
  /** AES-CBC with a 128-bit key. */
  AES128 = "AES128",
  /** AES-CBC with a 256-bit key. */
  AES256 = "AES256",
  /** AES-GCM with a 128-bit key and a 16-byte ICV. */
  AES128_GCM_16 = "AES128-GCM-16",
  /** AES-GCM with a 256-bit key and a 16-byte ICV. */
  AES256_GCM_16 = "AES256-GCM-16",
}

/** Phase 1 / phase 2 integrity algorithms. */
export enum IntegrityAlgorithm {
  /** HMAC with SHA-1. */
  SHA1 = "SHA1",
  /** HMAC with SHA-256. */
  SHA2_256 = "SHA2-256",
  /** HMAC with SHA-384. */
  SHA2_384 = "SHA2-384",
  /** HMAC with SHA-512. */
  SHA2_512 = "SHA2-512",
}

/** What AWS does when dead peer detection times out. */
export enum DpdTimeoutAction {
  /** End the IKE session and stop the tunnel (AWS default). */
  CLEAR = "clear",
  /** Take no action. */
  NONE = "none",
  /** Restart the IKE session. */
  RESTART = "restart",
}

/** Who starts the IKE negotiation. */
export enum StartupAction {
  /** The customer gateway initiates (AWS default). */
  ADD = "add",
  /** AWS initiates; IKEv2 only. */
  START = "start",
}

/**
 * Tunnel crypto and timing options, every one optional: a profile or an override sets them.
 * Values in AWS's spelling.
 */
export interface TunnelCryptoOptions {
  /** IKE versions. @default - from the crypto profile */
  readonly ikeVersions?: IkeVersion[];
  /** Phase 1 (IKE SA) encryption algorithms. @default - from the crypto profile */
  readonly phase1EncryptionAlgorithms?: EncryptionAlgorithm[];
  /** Phase 2 (IPsec SA) encryption algorithms. @default - from the crypto profile */
  readonly phase2EncryptionAlgorithms?: EncryptionAlgorithm[];
  /** Phase 1 integrity algorithms. @default - from the crypto profile */
  readonly phase1IntegrityAlgorithms?: IntegrityAlgorithm[];
  /** Phase 2 integrity algorithms. @default - from the crypto profile */
  readonly phase2IntegrityAlgorithms?: IntegrityAlgorithm[];
  /** Phase 1 Diffie-Hellman group numbers (2, 14-24). @default - from the crypto profile */
  readonly phase1DhGroupNumbers?: number[];
  /** Phase 2 Diffie-Hellman group numbers (2, 5, 14-24). @default - from the crypto profile */
  readonly phase2DhGroupNumbers?: number[];
  /** Phase 1 lifetime, 900-28800 s. @default - from the crypto profile */
  readonly phase1LifetimeSeconds?: number;
  /** Phase 2 lifetime, 900-3600 s, below phase 1. @default - from the crypto profile */
  readonly phase2LifetimeSeconds?: number;
  /** Rekey margin, 60 s to half the phase 2 lifetime. @default - from the crypto profile */
  readonly rekeyMarginTimeSeconds?: number;
  /** Rekey fuzz, 1-100 % (0 is refused: the provider sends it as unset and AWS applies 100). @default - from the crypto profile */
  readonly rekeyFuzzPercentage?: number;
  /** IPsec replay window, 64-2048 packets. @default - from the crypto profile */
  readonly replayWindowSize?: number;
  /** Dead peer detection timeout, at least 30 s. @default - from the crypto profile */
  readonly dpdTimeoutSeconds?: number;
  /** Dead peer detection timeout action. @default - from the crypto profile */
  readonly dpdTimeoutAction?: DpdTimeoutAction;
  /** Who starts the negotiation (`start` needs IKEv2 only). @default - from the crypto profile */
  readonly startupAction?: StartupAction;
}

/** Every option of a profile, required. */
export interface VpnCryptoProfileOptions {
  /** A short name for reports and docs, e.g. `strict`. */
  readonly name: string;
  /** IKE versions the tunnel accepts (`ikev1`, `ikev2`). */
  readonly ikeVersions: IkeVersion[];
  /** Phase 1 (IKE SA) encryption algorithms offered. */
  readonly phase1EncryptionAlgorithms: EncryptionAlgorithm[];
  /** Phase 2 (IPsec SA) encryption algorithms offered. */
  readonly phase2EncryptionAlgorithms: EncryptionAlgorithm[];
  /** Phase 1 (IKE SA) integrity algorithms offered. */
  readonly phase1IntegrityAlgorithms: IntegrityAlgorithm[];
  /** Phase 2 (IPsec SA) integrity algorithms offered. */
  readonly phase2IntegrityAlgorithms: IntegrityAlgorithm[];
  /** Phase 1 Diffie-Hellman group numbers offered. */
  readonly phase1DhGroupNumbers: number[];
  /** Phase 2 Diffie-Hellman (perfect forward secrecy) group numbers offered. */
  readonly phase2DhGroupNumbers: number[];
  /** Phase 1 lifetime in seconds (900-28800). */
  readonly phase1LifetimeSeconds: number;
  /** Phase 2 lifetime in seconds (900-3600), below the phase 1 lifetime. */
  readonly phase2LifetimeSeconds: number;
  /** Seconds before the phase 2 lifetime ends when AWS rekeys (60 to half the phase 2 lifetime). */
  readonly rekeyMarginTimeSeconds: number;
  /** Percentage of the rekey margin within which the rekey time is chosen at random (1-100). */
  readonly rekeyFuzzPercentage: number;
  /** Packets in the IKE replay window (64-2048). */
  readonly replayWindowSize: number;
  /** Seconds without dead peer detection replies before the timeout action (30 or more). */
  readonly dpdTimeoutSeconds: number;
  /** What AWS does on a dead peer detection timeout: `clear`, `none` or `restart`. */
  readonly dpdTimeoutAction: DpdTimeoutAction;
  /** `add` (the customer device initiates IKE) or `start` (AWS initiates). */
  readonly startupAction: StartupAction;
}

/** @internal How the closed-set tunnel options reach Terraform: identifiers (enum values). */
export const TUNNEL_CRYPTO_STRINGS: StringSpec = {
  ikeVersions: listOf(ID),
  phase1EncryptionAlgorithms: listOf(ID),
  phase2EncryptionAlgorithms: listOf(ID),
  phase1IntegrityAlgorithms: listOf(ID),
  phase2IntegrityAlgorithms: listOf(ID),
  dpdTimeoutAction: ID,
  startupAction: ID,
};

const CUSTOM_STRINGS = stringSpec("VpnCryptoProfileOptions", { name: ID, ...TUNNEL_CRYPTO_STRINGS });

/** @internal */
export const TUNNEL_CRYPTO_FIELDS = fieldsOf(TUNNEL_CRYPTO_STRINGS);

/**
 * Define a named bundle of tunnel crypto options. An open set: use a factory, or `custom` for your own.
 *
 * @example
 * new VpnConnection(stack, "Vpn", { vpnGateway, customerGateway, cryptoProfile: VpnCryptoProfile.cloudGovIkev1() });
 */
export class VpnCryptoProfile {
  /**
   * The cloud.gov customer-endpoint baseline of the seed: IKEv1; AES256 (preferred) and AES128;
   * SHA2-256; DH group 14 with PFS; the customer initiates; DPD clears.
   */
  public static cloudGovIkev1(): VpnCryptoProfile {
    return new VpnCryptoProfile({
      name: "cloud-gov-ikev1",
      ikeVersions: [IkeVersion.IKEV1],
      phase1EncryptionAlgorithms: [EncryptionAlgorithm.AES256, EncryptionAlgorithm.AES128],
      phase2EncryptionAlgorithms: [EncryptionAlgorithm.AES256, EncryptionAlgorithm.AES128],
      phase1IntegrityAlgorithms: [IntegrityAlgorithm.SHA2_256],
      phase2IntegrityAlgorithms: [IntegrityAlgorithm.SHA2_256],
      phase1DhGroupNumbers: [14],
      phase2DhGroupNumbers: [14],
      phase1LifetimeSeconds: 28800,
      phase2LifetimeSeconds: 3600,
      rekeyMarginTimeSeconds: 540,
      rekeyFuzzPercentage: 100,
      replayWindowSize: 1024,
      dpdTimeoutSeconds: 30,
      dpdTimeoutAction: DpdTimeoutAction.CLEAR,
      startupAction: StartupAction.ADD,
    });
  }

  /**
   * The default for new deployments: IKEv2 only; AES256-GCM-16 and AES256; SHA2-256/384/512;
   * DH groups 19-21 (elliptic curves); AWS starts the tunnel; DPD restarts it.
   */
  public static strict(): VpnCryptoProfile {
    return new VpnCryptoProfile({
      name: "strict",
      ikeVersions: [IkeVersion.IKEV2],
      phase1EncryptionAlgorithms: [EncryptionAlgorithm.AES256_GCM_16, EncryptionAlgorithm.AES256],
      phase2EncryptionAlgorithms: [EncryptionAlgorithm.AES256_GCM_16, EncryptionAlgorithm.AES256],
      phase1IntegrityAlgorithms: [
        IntegrityAlgorithm.SHA2_256,
        IntegrityAlgorithm.SHA2_384,
        IntegrityAlgorithm.SHA2_512,
      ],
      phase2IntegrityAlgorithms: [
        IntegrityAlgorithm.SHA2_256,
        IntegrityAlgorithm.SHA2_384,
        IntegrityAlgorithm.SHA2_512,
      ],
      phase1DhGroupNumbers: [19, 20, 21],
      phase2DhGroupNumbers: [19, 20, 21],
      phase1LifetimeSeconds: 28800,
      phase2LifetimeSeconds: 3600,
      rekeyMarginTimeSeconds: 540,
      rekeyFuzzPercentage: 100,
      replayWindowSize: 1024,
      dpdTimeoutSeconds: 30,
      dpdTimeoutAction: DpdTimeoutAction.RESTART,
      startupAction: StartupAction.START,
    });
  }

  /** A profile of your own; validated against AWS's lists and ranges (props named `cryptoProfile.<option>`). */
  public static custom(options: VpnCryptoProfileOptions): VpnCryptoProfile {
    return new VpnCryptoProfile(guardStrings(options, CUSTOM_STRINGS));
  }

  /** The profile's name. */
  public readonly name: string;
  /** The options the profile sets on every tunnel. */
  public readonly options: EffectiveTunnelOptions;

  private constructor(options: VpnCryptoProfileOptions) {
    const { name, ...rest } = options;
    throwFirst(checkTunnelOptions(rest, "cryptoProfile"));
    this.name = name;
    this.options = {
      ...rest,
      ikeVersions: [...rest.ikeVersions],
      phase1EncryptionAlgorithms: [...rest.phase1EncryptionAlgorithms],
      phase2EncryptionAlgorithms: [...rest.phase2EncryptionAlgorithms],
      phase1IntegrityAlgorithms: [...rest.phase1IntegrityAlgorithms],
      phase2IntegrityAlgorithms: [...rest.phase2IntegrityAlgorithms],
      phase1DhGroupNumbers: [...rest.phase1DhGroupNumbers],
      phase2DhGroupNumbers: [...rest.phase2DhGroupNumbers],
    };
  }

  /**
   * A new profile: this one's options with `overrides` applied, validated like `custom`.
   *
   * @example
   * const mine = VpnCryptoProfile.strict().derive("strict-short-phase2", { phase2LifetimeSeconds: 1800 });
   */
  public derive(name: string, overrides: TunnelCryptoOptions): VpnCryptoProfile {
    // the effective options hold the same AWS spellings as the enums
    return new VpnCryptoProfile({ ...(this.resolve(overrides) as unknown as VpnCryptoProfileOptions), name });
  }

  /** The profile's options with the given overrides applied (later overrides win; undefined keeps). */
  public resolve(...overrides: Array<TunnelCryptoOptions | undefined>): EffectiveTunnelOptions {
    let out: EffectiveTunnelOptions = this.options;
    for (const o of overrides) {
      if (!o) continue;
      const defined = Object.fromEntries(
        Object.entries(pickCrypto(o)).filter(([, v]) => v !== undefined),
      ) as Partial<EffectiveTunnelOptions>;
      out = { ...out, ...defined };
    }
    return out;
  }
}

const CRYPTO_KEYS: ReadonlyArray<keyof TunnelCryptoOptions> = [
  "ikeVersions",
  "phase1EncryptionAlgorithms",
  "phase2EncryptionAlgorithms",
  "phase1IntegrityAlgorithms",
  "phase2IntegrityAlgorithms",
  "phase1DhGroupNumbers",
  "phase2DhGroupNumbers",
  "phase1LifetimeSeconds",
  "phase2LifetimeSeconds",
  "rekeyMarginTimeSeconds",
  "rekeyFuzzPercentage",
  "replayWindowSize",
  "dpdTimeoutSeconds",
  "dpdTimeoutAction",
  "startupAction",
];

function pickCrypto(o: TunnelCryptoOptions): TunnelCryptoOptions {
  return Object.fromEntries(CRYPTO_KEYS.map((k) => [k, o[k]])) as TunnelCryptoOptions;
}
