/**
 * Shared pieces of the device renderers: name mapping that refuses what a device cannot express,
 * the IKE version the customer should run, and the customer-side reading of AWS's startup and DPD
 * options. Internal to the hand-off.
 */
import type { EffectiveTunnelOptions } from "../aws/interfaces";
import { notExpressible } from "../core/errors-handoff";
import { Cidr, intToIpv4, parseCidr } from "../core/ip";
import { DeviceAlgorithmNames, isAead } from "./algorithms";

/** Removes duplicates, keeping the first occurrence (the configured order is the preference). */
export function unique<T>(values: readonly T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/** Maps AWS names through one of a device's tables; throws for the first value it cannot express. */
export function mapNames(
  table: Readonly<Record<string, string>>,
  values: readonly (string | number)[],
  prop: string,
  device: string,
  allowedForMessage: readonly string[],
): string[] {
  return unique(values).map((v) => {
    const name = table[String(v)];
    if (name === undefined) throw notExpressible(prop, v, device, allowedForMessage);
    return name;
  });
}

/** The IKE version the customer device should run: IKEv2 when AWS accepts it, else IKEv1. */
export function chosenIkeVersion(options: EffectiveTunnelOptions): "ikev1" | "ikev2" {
  return options.ikeVersions.includes("ikev2") ? "ikev2" : "ikev1";
}

/**
 * Whether the customer initiates: AWS's `add` means AWS waits for the customer, so the customer
 * starts the tunnel; with `start` AWS initiates and the customer may wait.
 */
export function customerInitiates(options: EffectiveTunnelOptions): boolean {
  return options.startupAction !== "start";
}

/**
 * What the customer should do when the peer stops answering: re-establish the tunnel whenever the
 * customer is the one expected to bring it up (AWS waits: startup `add`) or AWS will not retry
 * itself (DPD action `clear`/`none`); only when AWS both initiates and restarts on DPD is it enough
 * to clear and let AWS come back (two restarting sides race each other).
 */
export function customerDpdAction(options: EffectiveTunnelOptions): "restart" | "clear" {
  return options.startupAction === "start" && options.dpdTimeoutAction === "restart" ? "clear" : "restart";
}

/** AWS sends DPD messages every 10 seconds; the customer matches that interval. */
export const DPD_INTERVAL_SECONDS = 10;

/** The algorithms of one phase, as device names, split into AEAD and classic encryption. */
export interface MappedPhase {
  readonly aead: string[];
  readonly classic: string[];
  readonly integrity: string[];
  readonly prf: string[];
  readonly dhGroups: string[];
}

/** Maps one phase's algorithms through a device table. `prefix` names the tunnel in messages. */
export function mapPhase(
  names: DeviceAlgorithmNames,
  options: EffectiveTunnelOptions,
  phase: 1 | 2,
  prefix: string,
): MappedPhase {
  const enc = phase === 1 ? options.phase1EncryptionAlgorithms : options.phase2EncryptionAlgorithms;
  const integ = phase === 1 ? options.phase1IntegrityAlgorithms : options.phase2IntegrityAlgorithms;
  const dh = phase === 1 ? options.phase1DhGroupNumbers : options.phase2DhGroupNumbers;
  const encProp = `${prefix}.phase${phase}EncryptionAlgorithms`;
  const allowedEnc = Object.keys(names.encryption);
  const aead = mapNames(names.encryption, unique(enc).filter(isAead), encProp, names.device, allowedEnc);
  const classic = mapNames(
    names.encryption,
    unique(enc).filter((e) => !isAead(e)),
    encProp,
    names.device,
    allowedEnc,
  );
  const integProp = `${prefix}.phase${phase}IntegrityAlgorithms`;
  const integrity = mapNames(names.integrity, integ, integProp, names.device, Object.keys(names.integrity));
  const prf = mapNames(names.prf, integ, integProp, names.device, Object.keys(names.prf));
  const dhGroups = mapNames(
    names.dhGroups,
    dh,
    `${prefix}.phase${phase}DhGroupNumbers`,
    names.device,
    Object.keys(names.dhGroups),
  );
  return { aead, classic, integrity, prf, dhGroups };
}

/** Every combination of the given lists, in order (the first list varies slowest). */
export function crossProduct(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])),
    [[]],
  );
}

/**
 * The smallest CIDR block that covers every block given (canonical text). AWS negotiates one
 * traffic-selector pair per tunnel, so a list of CIDRs is offered as the block covering them all.
 */
export function coveringCidr(cidrs: readonly string[]): string {
  const blocks = cidrs.map((c) => parseCidr(c)).filter((b): b is Cidr => b !== undefined);
  if (blocks.length === 0) throw new Error(`no CIDR block in [${cidrs.join(", ")}]`);
  const low = Math.min(...blocks.map((b) => b.network));
  const high = Math.max(...blocks.map((b) => b.last));
  let prefix = 32;
  while (prefix > 0) {
    const size = 2 ** (32 - prefix);
    const network = Math.floor(low / size) * size;
    if (network + size - 1 >= high) break;
    prefix -= 1;
  }
  const size = 2 ** (32 - prefix);
  return `${intToIpv4(Math.floor(low / size) * size)}/${prefix}`;
}

/** The one traffic-selector pair both tunnels negotiate: customer side and platform side. */
export interface TrafficSelectors {
  /** Customer side (AWS `local_ipv4_network_cidr`). */
  readonly customer: string;
  /** Platform side (AWS `remote_ipv4_network_cidr`). */
  readonly platform: string;
}

/**
 * The selector pair of a connection: the connection's own network CIDRs when it sets them (both
 * sides then agree exactly), else the blocks covering the customer's and the platform's CIDRs.
 */
export function trafficSelectors(c: {
  readonly customerCidrs: readonly string[];
  readonly platformCidrs: readonly string[];
  readonly customerTrafficSelector?: string;
  readonly platformTrafficSelector?: string;
}): TrafficSelectors {
  return {
    customer: c.customerTrafficSelector ?? coveringCidr(c.customerCidrs),
    platform: c.platformTrafficSelector ?? coveringCidr(c.platformCidrs),
  };
}

/**
 * IKEv2 has no DPD timeout of its own: a liveness check is one INFORMATIONAL request, and the peer
 * is declared dead when its retransmissions run out. With a constant interval (`base` 1) and
 * `tries` retransmissions after the first send, the peer is dead `timeout * (tries + 1)` seconds
 * after the check starts, which is set to the tunnel's DPD timeout.
 */
export function ikev2Retransmits(dpdTimeoutSeconds: number): { timeout: number; tries: number } {
  const tries = 5;
  return { timeout: Math.round((dpdTimeoutSeconds / (tries + 1)) * 100) / 100, tries };
}

/**
 * The documented failover bound: a dead tunnel is noticed at most one DPD interval plus the DPD
 * timeout after it dies; the margin covers the peer's matching timers and routing updates.
 */
export const FAILOVER_MARGIN_SECONDS = 10;

/** The failover bound in seconds for a tunnel: DPD interval + DPD timeout + margin. */
export function failoverBoundSeconds(options: EffectiveTunnelOptions): number {
  return DPD_INTERVAL_SECONDS + options.dpdTimeoutSeconds + FAILOVER_MARGIN_SECONDS;
}
