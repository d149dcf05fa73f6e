/**
 * Libreswan / Openswan: an `ipsec.conf` with one `conn` per tunnel (policy based) and an
 * `ipsec.secrets` stub that says where to fetch each pre-shared key.
 *
 * Keywords as in ipsec.conf(5) of Libreswan 4.x (also accepted by 5.x): `ikev2=no` (IKEv1 only) and
 * `ikev2=insist` (IKEv2 only; Libreswan 5 maps it to `keyexchange=ikev2`, Openswan reads it as is),
 * `ike=` / `phase2alg=` proposals `cipher-integ;dh` (IKEv2 combines with `+`), `ikelifetime`,
 * `salifetime`, `rekeymargin`, `rekeyfuzz`, `replay-window`, `dpddelay`, `dpdtimeout`, `dpdaction`.
 */
import type { EffectiveTunnelOptions } from "../aws/interfaces";
import { notExpressible } from "../core/errors-handoff";
import { LIBRESWAN_NAMES } from "./algorithms";
import {
  DPD_INTERVAL_SECONDS,
  chosenIkeVersion,
  crossProduct,
  customerDpdAction,
  customerInitiates,
  failoverBoundSeconds,
  FAILOVER_MARGIN_SECONDS,
  mapPhase,
  trafficSelectors,
} from "./common";
import type { RenderedFile, TunnelHandoff, VpnConnectionHandoff } from "./device-config";
import { Piece, line, pskPlaceholder, val } from "./template";
import { joinText } from "../core/strings";

const INDENT = "    ";

function setting(key: string, ...value: (Piece | string)[]): string {
  return line(`${INDENT}${key}=`, ...value);
}

/** The `ike=` and `phase2alg=` values for one tunnel, plus comments on choices made. */
export function libreswanProposals(
  options: EffectiveTunnelOptions,
  prefix: string,
): { ike: string; phase2alg: string; notes: string[] } {
  const version = chosenIkeVersion(options);
  const p1 = mapPhase(LIBRESWAN_NAMES, options, 1, prefix);
  const p2 = mapPhase(LIBRESWAN_NAMES, options, 2, prefix);
  const notes: string[] = [];
  if (version === "ikev1") {
    if (p1.aead.length > 0) {
      const aead = options.phase1EncryptionAlgorithms.find((a) => a.endsWith("-GCM-16"));
      throw notExpressible(
        `${prefix}.phase1EncryptionAlgorithms`,
        aead,
        "Libreswan/Openswan IKEv1 ike= line",
        ["AES128", "AES256 (AES-GCM in phase 1 needs IKEv2)"],
      );
    }
    const ike = crossProduct([p1.classic, p1.integrity, p1.dhGroups]).map(([e, i, d]) => `${e}-${i};${d}`);
    // IKEv1 carries one PFS group for every phase 2 proposal: the first configured (preferred) one.
    const pfs = p2.dhGroups[0];
    if (p2.dhGroups.length > 1) {
      notes.push(
        `phase 2 (PFS) group ${pfs}; the tunnel also accepts ${joinText(p2.dhGroups.slice(1), ", ")}`,
      );
    }
    const esp = [
      ...p2.aead.map((e) => `${e}-null;${pfs}`),
      ...crossProduct([p2.classic, p2.integrity]).map(([e, i]) => `${e}-${i};${pfs}`),
    ];
    return { ike: joinText(ike, ","), phase2alg: joinText(esp, ","), notes };
  }
  const dh1 = joinText(p1.dhGroups, "+");
  const ike = [
    ...(p1.aead.length > 0 ? [`${joinText(p1.aead, "+")}-${joinText(p1.prf, "+")};${dh1}`] : []),
    ...(p1.classic.length > 0 ? [`${joinText(p1.classic, "+")}-${joinText(p1.integrity, "+")};${dh1}`] : []),
  ];
  const dh2 = joinText(p2.dhGroups, "+");
  const esp = [
    ...(p2.aead.length > 0 ? [`${joinText(p2.aead, "+")}-null;${dh2}`] : []),
    ...(p2.classic.length > 0 ? [`${joinText(p2.classic, "+")}-${joinText(p2.integrity, "+")};${dh2}`] : []),
  ];
  return { ike: joinText(ike, ","), phase2alg: joinText(esp, ","), notes };
}

function conn(c: VpnConnectionHandoff, n: 1 | 2, tunnel: TunnelHandoff): string[] {
  const o = tunnel.options;
  const prefix = `tunnel${n}`;
  const proposals = libreswanProposals(o, prefix);
  const version = chosenIkeVersion(o);
  const ts = trafficSelectors(c);
  return [
    line(`conn ${c.name}-tunnel${n}`),
    ...proposals.notes.map((note) => line(`${INDENT}# ${note}`)),
    setting("authby", "secret"),
    setting("auto", customerInitiates(o) ? "start" : "add"),
    setting("type", "tunnel"),
    setting("left", "%defaultroute"),
    setting("leftid", val(c.customerEndpointIp)),
    setting("leftsubnet", ts.customer),
    setting("right", val(tunnel.endpoints.outsideAddress)),
    setting("rightid", val(tunnel.endpoints.outsideAddress)),
    setting("rightsubnet", ts.platform),
    // Each tunnel gets its own VTI device and mark (vti1/101, vti2/102): the two conns' identical
    // selectors then install separate policies instead of fighting over one ("eroute in use"). VTI
    // (CONFIG_NET_IPVTI) rather than ipsec-interface: XFRM interfaces are missing from many kernels.
    setting("mark", `${vtiMark(n)}/0xffffffff`),
    setting("vti-interface", `vti${n}`),
    setting("vti-shared", "no"),
    // The route to the platform follows the tunnel's IPsec SA: set and removed by the updown script.
    setting("vti-routing", "no"),
    setting("leftupdown", updownPath(c)),
    setting("ikev2", version === "ikev2" ? "insist" : "no"),
    setting("ike", proposals.ike),
    setting("phase2", "esp"),
    setting("phase2alg", proposals.phase2alg),
    setting("pfs", "yes"),
    setting("ikelifetime", `${o.phase1LifetimeSeconds}s`),
    setting("salifetime", `${o.phase2LifetimeSeconds}s`),
    setting("rekeymargin", `${o.rekeyMarginTimeSeconds}s`),
    setting("rekeyfuzz", `${o.rekeyFuzzPercentage}%`),
    setting("replay-window", String(o.replayWindowSize)),
    setting("dpddelay", String(DPD_INTERVAL_SECONDS)),
    setting("dpdtimeout", String(o.dpdTimeoutSeconds)),
    setting("dpdaction", customerDpdAction(o)),
    ...(version === "ikev2"
      ? [
          // AWS, when it initiates, proposes 0.0.0.0/0 both ways: narrow it to the subnets above.
          setting("narrowing", "yes"),
          // IKEv2 ignores dpdtimeout: the liveness check fails when retransmits run out.
          setting("retransmit-timeout", `${o.dpdTimeoutSeconds}s`),
        ]
      : []),
    setting("keyingtries", "%forever"),
  ];
}

/** Tunnel `n`'s XFRM mark, VTI key and route metric (tunnel 1 is preferred while both are up). */
function vtiMark(n: 1 | 2): number {
  return 100 + n;
}

/** Where the updown script goes (`leftupdown`). */
function updownPath(c: VpnConnectionHandoff): string {
  return `/etc/ipsec.d/${c.name}-updown`;
}

/** The blackhole route's metric: above both tunnels' routes, so it only applies when neither is up. */
const BLACKHOLE_METRIC = 4096;

/**
 * The updown script: Libreswan's own, then one route per tunnel to the platform selector through
 * that tunnel's VTI device while its IPsec SA is up. A tunnel that DPD declares dead loses its
 * route and the other tunnel's route carries the traffic.
 */
function updown(c: VpnConnectionHandoff): string {
  const ts = trafficSelectors(c);
  return joinText(
    [
      "#!/bin/sh",
      `# ${updownPath(c)} for ${c.name} (mode 0755): the leftupdown of both conns of ipsec.conf.`,
      "# Runs Libreswan's own updown, then keeps a route to the platform through the tunnel's VTI",
      `# device while the tunnel's IPsec SA is up (metric = the conn's mark: tunnel 1 ${vtiMark(1)}, tunnel 2 ${vtiMark(2)},`,
      "# so tunnel 1 carries the traffic while both are up). When DPD declares a tunnel dead, its route",
      `# goes and traffic moves to the other; with neither up, the blackhole route (metric ${BLACKHOLE_METRIC}) drops it.`,
      'metric="${CONNMARK_OUT%%/*}"',
      "# Each tunnel's VTI device is bound to that tunnel's AWS address. (Libreswan's own updown binds",
      "# it to any address when the conn was instantiated, as IKEv2 narrowing of AWS's 0.0.0.0/0 does,",
      "# and the kernel then refuses the second tunnel's device.)",
      'if [ -n "$VTI_IFACE" ] && [ ! -d "/proc/sys/net/ipv4/conf/$VTI_IFACE" ]; then',
      '  ip tunnel add "$VTI_IFACE" mode vti local "$PLUTO_ME" remote "$PLUTO_PEER" okey "$metric" ikey "$metric"',
      '  sysctl -q -w "net.ipv4.conf.$VTI_IFACE.disable_policy=1" "net.ipv4.conf.$VTI_IFACE.rp_filter=0"',
      '  ip link set "$VTI_IFACE" up',
      "fi",
      'ipsec _updown "$@" || exit $?',
      'case "$PLUTO_VERB" in',
      `  up-client) ip route replace ${ts.platform} dev "$VTI_IFACE" metric "$metric" ;;`,
      `  down-client) ip route del ${ts.platform} dev "$VTI_IFACE" metric "$metric" 2>/dev/null || true ;;`,
      "esac",
      "",
    ].map((l) => line(l)),
    "\n",
  );
}

/** `config setup`: Libreswan 4.10+ drops IKEv1 unless `ikev1-policy` allows it. */
function configSetup(c: VpnConnectionHandoff): string[] {
  const ikev1 = [c.tunnel1.options, c.tunnel2.options].some((o) => chosenIkeVersion(o) === "ikev1");
  return [
    line("config setup"),
    ...(ikev1
      ? [
          line(`${INDENT}# The tunnels run IKEv1, which Libreswan refuses by default (ikev1-policy=drop).`),
          setting("ikev1-policy", "accept"),
        ]
      : [line(`${INDENT}# The tunnels run IKEv2 only.`), setting("ikev1-policy", "drop")]),
    "",
  ];
}

/** Renders `ipsec.conf` and the `ipsec.secrets` stub. Input is validated by the caller. */
export function renderLibreswan(c: VpnConnectionHandoff): RenderedFile[] {
  const bound = Math.max(failoverBoundSeconds(c.tunnel1.options), failoverBoundSeconds(c.tunnel2.options));
  const conf = joinText(
    [
      line(`# ipsec.conf for ${c.name}: AWS Site-to-Site VPN, two tunnels (Libreswan / Openswan).`),
      line("# Rendered from the tunnel options configured on the platform side: keep the algorithms,"),
      line("# lifetimes and DPD settings as they are, the tunnels accept exactly these."),
      line(
        `# One selector pair per tunnel: ${trafficSelectors(c).customer} <=> ${trafficSelectors(c).platform}; each`,
      ),
      line("# tunnel has its own VTI device and mark (vti1, vti2; kernel CONFIG_NET_IPVTI). Tested with"),
      line("# Libreswan 4.10 (Debian 12) in a Linux 6.1 guest against a strongSwan peer configured as the"),
      line(
        "# VPN connection: both tunnels up, tunnel 1 carries the traffic; when a tunnel dies, DPD removes",
      ),
      line(`# it and the updown script moves the route to the other within ${bound} s (DPD interval + DPD`),
      line(`# timeout + ${FAILOVER_MARGIN_SECONDS} s margin).`),
      line(`# Install ${c.name}-updown as ${updownPath(c)} (mode 0755), and add this route on the VPN host`),
      line("# (at every boot), so that traffic for the platform is dropped, never sent in cleartext, while"),
      line("# no tunnel is up:"),
      line(`#   ip route add blackhole ${trafficSelectors(c).platform} metric ${BLACKHOLE_METRIC}`),
      line("# Needs Libreswan 4 or later (VTI marks, ikev1-policy); Openswan has neither and is not tested."),
      line(
        "# Pre-shared keys go in ipsec.secrets (fetch them from AWS Secrets Manager: ",
        val(c.presharedKeyLocation),
        ").",
      ),
      "",
      ...configSetup(c),
      ...conn(c, 1, c.tunnel1),
      "",
      ...conn(c, 2, c.tunnel2),
      "",
    ],
    "\n",
  );
  const secrets = joinText(
    [
      line(`# ipsec.secrets for ${c.name}: one line per tunnel. Replace each %{...} placeholder with that`),
      line("# tunnel's pre-shared key, read from AWS Secrets Manager, e.g.:"),
      line(
        "#   aws secretsmanager get-secret-value --secret-id ",
        val(c.presharedKeyLocation),
        " --query SecretString",
      ),
      line("# Keep this file mode 0600. Never commit it."),
      ...([c.tunnel1, c.tunnel2] as const).map((tunnel, i) =>
        line(
          val(c.customerEndpointIp),
          " ",
          val(tunnel.endpoints.outsideAddress),
          ' : PSK "',
          ...pskPlaceholder(i + 1, c.presharedKeyLocation),
          '"',
        ),
      ),
      "",
    ],
    "\n",
  );
  return [
    { fileName: "ipsec.conf", description: "Libreswan/Openswan connections, one per tunnel", content: conf },
    {
      fileName: "ipsec.secrets",
      description: "Pre-shared key stub: where to fetch each tunnel's key",
      content: secrets,
    },
    {
      fileName: `${c.name}-updown`,
      description: `Libreswan updown script (leftupdown) moving the platform route between the tunnels, for ${updownPath(c)}`,
      content: updown(c),
    },
  ];
}
