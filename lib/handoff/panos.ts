/**
 * Palo Alto Networks PAN-OS: configure-mode `set` commands for a route-based VPN with two tunnel
 * interfaces, one IKE gateway and one IPsec tunnel per AWS tunnel, and static routes to the
 * platform's CIDRs through both tunnels (tunnel 1 preferred).
 *
 * CLI paths as in the PAN-OS configuration schema and AWS's PAN-OS sample configuration:
 * `network ike crypto-profiles ike-crypto-profiles <p> encryption|hash|dh-group|lifetime seconds`,
 * `network ike crypto-profiles ipsec-crypto-profiles <p> esp encryption|esp authentication|dh-group|lifetime seconds`,
 * `network ike gateway <g> protocol version|ikev1|ikev2 ...`, `network tunnel ipsec <t> auto-key ...`,
 * `network interface tunnel units tunnel.<n> ip|mtu`, `network virtual-router <vr> routing-table ip static-route`.
 */
import type { EffectiveTunnelOptions } from "../aws/interfaces";
import { notExpressible } from "../core/errors-handoff";
import { PANOS_NAMES } from "./algorithms";
import { DPD_INTERVAL_SECONDS, chosenIkeVersion, customerInitiates, mapPhase } from "./common";
import type { RenderedFile, TunnelHandoff, VpnConnectionHandoff } from "./device-config";
import { line, lit, pskPlaceholder, val } from "./template";
import { joinText } from "../core/strings";

/** AWS's tunnel MTU is 1446 bytes; AWS's sample for PAN-OS sets the tunnel interface to 1427. */
const TUNNEL_MTU = 1427;

/** A PAN-OS member list: `[ a b ]` for several, the bare value for one. */
function members(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `[ ${joinText(values, " ")} ]`;
}

/** The device names for one tunnel's crypto profiles. */
export function panOsCrypto(
  options: EffectiveTunnelOptions,
  prefix: string,
): {
  ikeEncryption: string[];
  ikeHash: string[];
  ikeDhGroups: string[];
  espEncryption: string[];
  espAuthentication: string[];
  pfsGroup: string;
  otherPfsGroups: string[];
} {
  const version = chosenIkeVersion(options);
  const p1 = mapPhase(PANOS_NAMES, options, 1, prefix);
  const p2 = mapPhase(PANOS_NAMES, options, 2, prefix);
  if (version === "ikev1" && p1.aead.length > 0) {
    const aead = options.phase1EncryptionAlgorithms.find((a) => a.endsWith("-GCM-16"));
    throw notExpressible(`${prefix}.phase1EncryptionAlgorithms`, aead, "PAN-OS IKEv1 IKE crypto profile", [
      "AES128",
      "AES256 (AES-GCM in an IKE crypto profile needs IKEv2)",
    ]);
  }
  return {
    ikeEncryption: [...p1.aead, ...p1.classic],
    ikeHash: p1.integrity,
    ikeDhGroups: p1.dhGroups,
    espEncryption: [...p2.aead, ...p2.classic],
    espAuthentication: p2.integrity,
    // An IPsec crypto profile holds one PFS group: the first configured (preferred) one.
    pfsGroup: p2.dhGroups[0],
    otherPfsGroups: p2.dhGroups.slice(1),
  };
}

function tunnelCommands(c: VpnConnectionHandoff, n: 1 | 2, tunnel: TunnelHandoff): string[] {
  const o = tunnel.options;
  const p = c.panOs ?? {};
  const outsideInterface = p.outsideInterface ?? "ethernet1/1";
  const vr = p.virtualRouter ?? "default";
  const zone = p.tunnelZone ?? "aws-vpn";
  const unit = `tunnel.${(p.firstTunnelUnit ?? 1) + n - 1}`;
  const version = chosenIkeVersion(o);
  const crypto = panOsCrypto(o, `tunnel${n}`);
  const ikeProfile = `${c.name}-p1-t${n}`;
  const ipsecProfile = `${c.name}-p2-t${n}`;
  const gateway = `${c.name}-gw-t${n}`;
  const ipsecTunnel = `${c.name}-vpn-t${n}`;
  const ike = `set network ike crypto-profiles ike-crypto-profiles ${ikeProfile}`;
  const ipsec = `set network ike crypto-profiles ipsec-crypto-profiles ${ipsecProfile}`;
  const gw = `set network ike gateway ${gateway}`;
  const tun = `set network tunnel ipsec ${ipsecTunnel}`;
  const retry = Math.max(2, Math.ceil(o.dpdTimeoutSeconds / DPD_INTERVAL_SECONDS));
  const dpd =
    version === "ikev1"
      ? `${gw} protocol ikev1 dpd enable yes interval ${DPD_INTERVAL_SECONDS} retry ${retry}`
      : `${gw} protocol ikev2 dpd enable yes interval ${DPD_INTERVAL_SECONDS}`;
  return [
    line(
      `# Tunnel ${n}: peer `,
      val(tunnel.endpoints.outsideAddress),
      ", inside ",
      val(tunnel.endpoints.insideCidr),
    ),
    line(`${ike} encryption ${members(crypto.ikeEncryption)}`),
    line(`${ike} hash ${members(crypto.ikeHash)}`),
    line(`${ike} dh-group ${members(crypto.ikeDhGroups)}`),
    line(`${ike} lifetime seconds ${o.phase1LifetimeSeconds}`),
    line(`${ipsec} esp encryption ${members(crypto.espEncryption)}`),
    line(`${ipsec} esp authentication ${members(crypto.espAuthentication)}`),
    ...(crypto.otherPfsGroups.length > 0
      ? [
          line(
            `# PFS group ${crypto.pfsGroup}; the tunnel also accepts ${joinText(crypto.otherPfsGroups, ", ")}`,
          ),
        ]
      : []),
    line(`${ipsec} dh-group ${crypto.pfsGroup}`),
    line(`${ipsec} lifetime seconds ${o.phase2LifetimeSeconds}`),
    line(`set network interface tunnel units ${unit} ip `, val(tunnel.endpoints.cgwInsideAddress), "/30"),
    line(`set network interface tunnel units ${unit} mtu ${TUNNEL_MTU}`),
    line(`set zone ${zone} network layer3 ${unit}`),
    line(`set network virtual-router ${vr} interface ${unit}`),
    line(`${gw} protocol version ${version}`),
    ...(version === "ikev1" ? [line(`${gw} protocol ikev1 exchange-mode main`)] : []),
    line(`${gw} protocol ${version} ike-crypto-profile ${ikeProfile}`),
    line(dpd),
    line(`${gw} authentication pre-shared-key key "`, ...pskPlaceholder(n, c.presharedKeyLocation), lit('"')),
    line(`${gw} local-address interface ${outsideInterface}`),
    line(`${gw} local-id type ipaddr id `, val(c.customerEndpointIp)),
    line(`${gw} peer-address ip `, val(tunnel.endpoints.outsideAddress)),
    line(`${gw} peer-id type ipaddr id `, val(tunnel.endpoints.outsideAddress)),
    line(`${gw} protocol-common nat-traversal enable ${c.behindNat ? "yes" : "no"}`),
    line(`${gw} protocol-common passive-mode ${customerInitiates(o) ? "no" : "yes"}`),
    line(`${tun} auto-key ike-gateway ${gateway}`),
    line(`${tun} auto-key ipsec-crypto-profile ${ipsecProfile}`),
    line(`${tun} tunnel-interface ${unit}`),
    line(`${tun} anti-replay yes`),
    ...c.platformCidrs.map((cidr, i) =>
      line(
        `set network virtual-router ${vr} routing-table ip static-route ${c.name}-t${n}-r${i + 1} destination ${cidr} interface ${unit} nexthop ip-address `,
        val(tunnel.endpoints.vgwInsideAddress),
        ` metric ${n * 10}`,
      ),
    ),
  ];
}

/** Renders the PAN-OS `set` commands. Input is validated by the caller. */
export function renderPanOs(c: VpnConnectionHandoff): RenderedFile[] {
  const content = joinText(
    [
      line(`# PAN-OS configuration for ${c.name}: AWS Site-to-Site VPN, two route-based tunnels.`),
      line("# Rendered from the tunnel options configured on the platform side: keep the crypto profiles,"),
      line("# lifetimes and DPD settings as they are, the tunnels accept exactly these."),
      line("# Replace each %{...} key with that tunnel's pre-shared key from AWS Secrets Manager:"),
      line(
        "#   aws secretsmanager get-secret-value --secret-id ",
        val(c.presharedKeyLocation),
        " --query SecretString",
      ),
      line(
        `# Paste in configure mode, add security policies between your zones and zone ${c.panOs?.tunnelZone ?? "aws-vpn"}`,
      ),
      line(`# for ${joinText(c.customerCidrs, ", ")} <-> ${joinText(c.platformCidrs, ", ")}, then commit.`),
      line("# AES-GCM needs PAN-OS 10.0.3 or later; DH groups 15, 16 and 21 need PAN-OS 10.2 or later."),
      "",
      ...tunnelCommands(c, 1, c.tunnel1),
      "",
      ...tunnelCommands(c, 2, c.tunnel2),
      "",
    ],
    "\n",
  );
  return [{ fileName: "panos-set-commands.txt", description: "PAN-OS configure-mode set commands", content }];
}
