/**
 * strongSwan (swanctl): a `swanctl.conf` with one connection per tunnel, each with one child SA, and
 * a `secrets` section whose keys are placeholders naming where to fetch them.
 *
 * Keywords as in swanctl.conf(5) (strongSwan 5.9 / 6.0): `version`, `local_addrs`, `remote_addrs`,
 * `proposals`, `rekey_time`, `over_time`, `rand_time`, `dpd_delay`, `dpd_timeout` (IKEv1 only),
 * `local`/`remote` `auth = psk`, `children.<child>` `local_ts`, `remote_ts`, `esp_proposals`,
 * `rekey_time`, `life_time`, `rand_time`, `replay_window`, `dpd_action` (clear | trap | restart),
 * `start_action` (none | trap | start); proposals are dash-joined keywords, comma-separated.
 */
import type { EffectiveTunnelOptions } from "../aws/interfaces";
import { notExpressible } from "../core/errors-handoff";
import { STRONGSWAN_NAMES } from "./algorithms";
import {
  DPD_INTERVAL_SECONDS,
  chosenIkeVersion,
  crossProduct,
  customerDpdAction,
  customerInitiates,
  mapPhase,
} from "./common";
import type { RenderedFile, TunnelHandoff, VpnConnectionHandoff } from "./device-config";
import { Piece, line, pskPlaceholder, val } from "./template";

/** The IKE `proposals` and child `esp_proposals` values for one tunnel. */
export function strongSwanProposals(
  options: EffectiveTunnelOptions,
  prefix: string,
): { ike: string; esp: string } {
  const version = chosenIkeVersion(options);
  const p1 = mapPhase(STRONGSWAN_NAMES, options, 1, prefix);
  const p2 = mapPhase(STRONGSWAN_NAMES, options, 2, prefix);
  if (version === "ikev1") {
    if (p1.aead.length > 0) {
      const aead = options.phase1EncryptionAlgorithms.find((a) => a.endsWith("-GCM-16"));
      throw notExpressible(`${prefix}.phase1EncryptionAlgorithms`, aead, "strongSwan IKEv1 proposal", [
        "AES128",
        "AES256 (AES-GCM in phase 1 needs IKEv2)",
      ]);
    }
    // IKEv1 takes one algorithm of each kind per proposal: offer every combination.
    const ike = crossProduct([p1.classic, p1.integrity, p1.dhGroups]).map((parts) => parts.join("-"));
    const esp = [
      ...crossProduct([p2.aead, p2.dhGroups]).map((parts) => parts.join("-")),
      ...crossProduct([p2.classic, p2.integrity, p2.dhGroups]).map((parts) => parts.join("-")),
    ];
    return { ike: ike.join(","), esp: esp.join(",") };
  }
  // IKEv2 combines algorithms of a kind in one proposal; AEAD and classic ciphers need separate ones.
  const ike = [
    ...(p1.aead.length > 0 ? [[...p1.aead, ...p1.prf, ...p1.dhGroups].join("-")] : []),
    ...(p1.classic.length > 0 ? [[...p1.classic, ...p1.integrity, ...p1.dhGroups].join("-")] : []),
  ];
  const esp = [
    ...(p2.aead.length > 0 ? [[...p2.aead, ...p2.dhGroups].join("-")] : []),
    ...(p2.classic.length > 0 ? [[...p2.classic, ...p2.integrity, ...p2.dhGroups].join("-")] : []),
  ];
  return { ike: ike.join(","), esp: esp.join(",") };
}

function indent(depth: number, ...pieces: (Piece | string)[]): string {
  return line(" ".repeat(depth * 4), ...pieces);
}

function connection(c: VpnConnectionHandoff, n: 1 | 2, tunnel: TunnelHandoff): string[] {
  const o = tunnel.options;
  const name = `${c.name}-tunnel${n}`;
  const version = chosenIkeVersion(o);
  const proposals = strongSwanProposals(o, `tunnel${n}`);
  const margin = o.rekeyMarginTimeSeconds;
  const rand = Math.floor((margin * o.rekeyFuzzPercentage) / 100);
  return [
    indent(1, `${name} {`),
    indent(2, `version = ${version === "ikev2" ? 2 : 1}`),
    indent(2, "local_addrs = %any"),
    indent(2, "remote_addrs = ", val(tunnel.endpoints.outsideAddress)),
    indent(2, `proposals = ${proposals.ike}`),
    indent(2, `rekey_time = ${o.phase1LifetimeSeconds - margin}s`),
    indent(2, `over_time = ${margin}s`),
    indent(2, `rand_time = ${rand}s`),
    indent(2, `dpd_delay = ${DPD_INTERVAL_SECONDS}s`),
    ...(version === "ikev1" ? [indent(2, `dpd_timeout = ${o.dpdTimeoutSeconds}s`)] : []),
    indent(2, "local {"),
    indent(3, "auth = psk"),
    indent(3, "id = ", val(c.customerEndpointIp)),
    indent(2, "}"),
    indent(2, "remote {"),
    indent(3, "auth = psk"),
    indent(3, "id = ", val(tunnel.endpoints.outsideAddress)),
    indent(2, "}"),
    indent(2, "children {"),
    indent(3, `${name} {`),
    indent(4, `local_ts = ${c.customerCidrs.join(",")}`),
    indent(4, `remote_ts = ${c.platformCidrs.join(",")}`),
    indent(4, `esp_proposals = ${proposals.esp}`),
    indent(4, `rekey_time = ${o.phase2LifetimeSeconds - margin}s`),
    indent(4, `life_time = ${o.phase2LifetimeSeconds}s`),
    indent(4, `rand_time = ${rand}s`),
    indent(4, `replay_window = ${o.replayWindowSize}`),
    indent(4, `dpd_action = ${customerDpdAction(o)}`),
    indent(4, `start_action = ${customerInitiates(o) ? "start" : "none"}`),
    indent(3, "}"),
    indent(2, "}"),
    indent(1, "}"),
  ];
}

function secret(c: VpnConnectionHandoff, n: 1 | 2, tunnel: TunnelHandoff): string[] {
  return [
    indent(1, `ike-${c.name}-tunnel${n} {`),
    indent(2, "id-1 = ", val(c.customerEndpointIp)),
    indent(2, "id-2 = ", val(tunnel.endpoints.outsideAddress)),
    indent(2, 'secret = "', ...pskPlaceholder(n, c.presharedKeyLocation), '"'),
    indent(1, "}"),
  ];
}

/** Renders `swanctl.conf`. Input is validated by the caller. */
export function renderStrongSwan(c: VpnConnectionHandoff): RenderedFile[] {
  const content = [
    line(`# swanctl.conf for ${c.name}: AWS Site-to-Site VPN, two tunnels (strongSwan, swanctl).`),
    line("# Rendered from the tunnel options configured on the platform side: keep the proposals,"),
    line("# lifetimes and DPD settings as they are, the tunnels accept exactly these."),
    line("# Replace each %{...} secret with that tunnel's pre-shared key from AWS Secrets Manager:"),
    line(
      "#   aws secretsmanager get-secret-value --secret-id ",
      val(c.presharedKeyLocation),
      " --query SecretString",
    ),
    line("# then load with: swanctl --load-all"),
    "",
    "connections {",
    ...connection(c, 1, c.tunnel1),
    ...connection(c, 2, c.tunnel2),
    "}",
    "",
    "secrets {",
    ...secret(c, 1, c.tunnel1),
    ...secret(c, 2, c.tunnel2),
    "}",
    "",
  ].join("\n");
  return [
    {
      fileName: "swanctl.conf",
      description: "strongSwan connections and secret stubs, one per tunnel",
      content,
    },
  ];
}
