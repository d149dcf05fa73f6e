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
  failoverBoundSeconds,
  FAILOVER_MARGIN_SECONDS,
  ikev2Retransmits,
  mapPhase,
  trafficSelectors,
} from "./common";
import type { RenderedFile, TunnelHandoff, VpnConnectionHandoff } from "./device-config";
import { Piece, line, pskPlaceholder, val } from "./template";
import { joinText } from "../core/strings";

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
    const ike = crossProduct([p1.classic, p1.integrity, p1.dhGroups]).map((parts) => joinText(parts, "-"));
    const esp = [
      ...crossProduct([p2.aead, p2.dhGroups]).map((parts) => joinText(parts, "-")),
      ...crossProduct([p2.classic, p2.integrity, p2.dhGroups]).map((parts) => joinText(parts, "-")),
    ];
    return { ike: joinText(ike, ","), esp: joinText(esp, ",") };
  }
  // IKEv2 combines algorithms of a kind in one proposal; AEAD and classic ciphers need separate ones.
  const ike = [
    ...(p1.aead.length > 0 ? [joinText([...p1.aead, ...p1.prf, ...p1.dhGroups], "-")] : []),
    ...(p1.classic.length > 0 ? [joinText([...p1.classic, ...p1.integrity, ...p1.dhGroups], "-")] : []),
  ];
  const esp = [
    ...(p2.aead.length > 0 ? [joinText([...p2.aead, ...p2.dhGroups], "-")] : []),
    ...(p2.classic.length > 0 ? [joinText([...p2.classic, ...p2.integrity, ...p2.dhGroups], "-")] : []),
  ];
  return { ike: joinText(ike, ","), esp: joinText(esp, ",") };
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
  const ts = trafficSelectors(c);
  const initiates = customerInitiates(o);
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
    ...(version === "ikev1"
      ? [indent(2, `dpd_timeout = ${o.dpdTimeoutSeconds}s`)]
      : [
          indent(2, "# IKEv2 DPD timeout: the retransmit settings of strongswan-aws.conf"),
          indent(2, "mobike = no"),
        ]),
    indent(2, `keyingtries = 0`),
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
    indent(4, `local_ts = ${ts.customer}`),
    indent(4, `remote_ts = ${ts.platform}`),
    indent(4, `esp_proposals = ${proposals.esp}`),
    indent(4, `rekey_time = ${o.phase2LifetimeSeconds - margin}s`),
    indent(4, `life_time = ${o.phase2LifetimeSeconds}s`),
    indent(4, `rand_time = ${rand}s`),
    indent(4, `replay_window = ${o.replayWindowSize}`),
    indent(4, `dpd_action = ${customerDpdAction(o)}`),
    indent(4, `start_action = ${initiates ? "start" : "none"}`),
    indent(4, `close_action = ${initiates ? "start" : "none"}`),
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

/** The charon settings file: IKEv2 DPD timeout as retransmit settings, routes on. */
function charonSettings(c: VpnConnectionHandoff): string {
  const timeouts = [c.tunnel1.options.dpdTimeoutSeconds, c.tunnel2.options.dpdTimeoutSeconds];
  const dpdTimeout = Math.min(...timeouts);
  const r = ikev2Retransmits(dpdTimeout);
  return joinText(
    [
      line(`# strongswan-aws.conf for ${c.name}: the charon settings the tunnels of swanctl.conf need.`),
      line(`# Install as /etc/strongswan.d/${c.name}.conf (strongswan.conf includes strongswan.d/*.conf),`),
      line("# then restart charon. These settings are global: they apply to every connection of charon."),
      "charon {",
      indent(
        1,
        "# IKEv2 has no DPD timeout setting: a peer is dead when the DPD request's retransmissions run",
      ),
      indent(
        1,
        `# out, ${r.timeout} s x (${r.tries} + 1) = ${dpdTimeout} s, the tunnels' DPD timeout (constant interval).`,
      ),
      indent(1, `retransmit_timeout = ${r.timeout}`),
      indent(1, "retransmit_base = 1.0"),
      indent(1, `retransmit_tries = ${r.tries}`),
      indent(1, "# Routes to the platform selector (table 220) follow the CHILD_SAs that are up."),
      indent(1, "install_routes = yes"),
      "}",
      "",
    ],
    "\n",
  );
}

/** Renders `swanctl.conf` and the charon settings. Input is validated by the caller. */
export function renderStrongSwan(c: VpnConnectionHandoff): RenderedFile[] {
  const ts = trafficSelectors(c);
  const bound = Math.max(failoverBoundSeconds(c.tunnel1.options), failoverBoundSeconds(c.tunnel2.options));
  const content = joinText(
    [
      line(`# swanctl.conf for ${c.name}: AWS Site-to-Site VPN, two tunnels (strongSwan 5.9, swanctl).`),
      line("# Rendered from the tunnel options configured on the platform side: keep the proposals,"),
      line("# lifetimes and DPD settings as they are, the tunnels accept exactly these."),
      line("# Layout (tested with strongSwan 5.9.8 on Debian 12, kernel-libipsec, against a strongSwan peer"),
      line("# configured as the VPN connection): both tunnels up at once, each negotiating the same single"),
      line(`# selector pair ${ts.customer} <=> ${ts.platform}. The CHILD_SAs share one policy (one reqid):`),
      line("# packets leave on the most recently established tunnel and are accepted from either one; when"),
      line(
        `# a tunnel dies, DPD removes it and traffic moves to the other within ${bound} s (DPD interval +`,
      ),
      line(`# DPD timeout + ${FAILOVER_MARGIN_SECONDS} s margin).`),
      line("# Also install strongswan-aws.conf (the IKEv2 DPD timeout is a charon retransmit setting)."),
      line("# Before loading, add this route on the VPN host (at every boot), so that traffic for the"),
      line("# platform is dropped, never sent in cleartext, while no tunnel is up:"),
      line(`#   ip route add blackhole ${ts.platform}`),
      line("# Hosts whose kernel has no ESP: load strongSwan's kernel-libipsec plugin (package"),
      line("# libcharon-extra-plugins); ESP then travels in UDP 4500, which the firewall must allow."),
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
    ],
    "\n",
  );
  return [
    {
      fileName: "swanctl.conf",
      description: "strongSwan connections and secret stubs, one per tunnel",
      content,
    },
    {
      fileName: "strongswan-aws.conf",
      description: "strongSwan charon settings the tunnels need (IKEv2 DPD timeout), for /etc/strongswan.d/",
      content: charonSettings(c),
    },
  ];
}
