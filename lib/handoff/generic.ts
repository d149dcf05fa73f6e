/**
 * Any other device: a plain sheet of the parameters to enter, in AWS's own names, per tunnel.
 */
import {
  DPD_INTERVAL_SECONDS,
  chosenIkeVersion,
  customerDpdAction,
  customerInitiates,
  unique,
} from "./common";
import type { RenderedFile, TunnelHandoff, VpnConnectionHandoff } from "./device-config";
import { Piece, line, pskPlaceholder, val } from "./template";
import { joinText } from "../core/strings";

const WIDTH = 34;

function row(label: string, ...value: (Piece | string)[]): string {
  return line(`${label.padEnd(WIDTH)}: `, ...value);
}

function tunnelRows(c: VpnConnectionHandoff, n: 1 | 2, t: TunnelHandoff): string[] {
  const o = t.options;
  const version = chosenIkeVersion(o);
  const also = unique(o.ikeVersions).filter((v) => v !== version);
  const list = (values: readonly (string | number)[]) => joinText(unique(values), ", ");
  return [
    line(`Tunnel ${n}`),
    row("  Peer (AWS outside address)", val(t.endpoints.outsideAddress)),
    row("  Inside CIDR", val(t.endpoints.insideCidr)),
    row("  Your inside address", val(t.endpoints.cgwInsideAddress)),
    row("  AWS inside address", val(t.endpoints.vgwInsideAddress)),
    row(
      "  IKE version",
      version.toUpperCase().replace("IKEV", "IKEv") +
        (also.length > 0 ? ` (AWS also accepts ${joinText(also, ", ")})` : ""),
    ),
    row("  Authentication", "pre-shared key ", ...pskPlaceholder(n, c.presharedKeyLocation)),
    row("  Phase 1 encryption", list(o.phase1EncryptionAlgorithms)),
    row("  Phase 1 integrity", list(o.phase1IntegrityAlgorithms)),
    row("  Phase 1 DH groups", list(o.phase1DhGroupNumbers)),
    row("  Phase 1 lifetime", `${o.phase1LifetimeSeconds} s`),
    row("  Phase 2 encryption", list(o.phase2EncryptionAlgorithms)),
    row("  Phase 2 integrity", list(o.phase2IntegrityAlgorithms)),
    row("  Phase 2 DH groups (PFS)", list(o.phase2DhGroupNumbers)),
    row("  Phase 2 lifetime", `${o.phase2LifetimeSeconds} s`),
    row("  Rekey margin / fuzz", `${o.rekeyMarginTimeSeconds} s / ${o.rekeyFuzzPercentage} %`),
    row("  Replay window", `${o.replayWindowSize} packets`),
    row("  DPD interval / timeout", `${DPD_INTERVAL_SECONDS} s / ${o.dpdTimeoutSeconds} s`),
    row("  DPD action (AWS side)", o.dpdTimeoutAction),
    row("  DPD action (your side)", customerDpdAction(o)),
    row(
      "  Who initiates",
      customerInitiates(o)
        ? "you (AWS waits for your endpoint)"
        : "AWS (your endpoint may wait as responder)",
    ),
  ];
}

/** Renders the parameter sheet. Input is validated by the caller. */
export function renderGeneric(c: VpnConnectionHandoff): RenderedFile[] {
  const content = joinText(
    [
      line(`VPN parameters for ${c.name}: AWS Site-to-Site VPN, two tunnels. Configure both.`),
      line("Rendered from the tunnel options configured on the platform side."),
      "",
      row("Your endpoint (public address)", val(c.customerEndpointIp)),
      row("Your private networks (local)", joinText(c.customerCidrs, ", ")),
      row("Platform networks (remote)", joinText(c.platformCidrs, ", ")),
      row("Pre-shared keys", "AWS Secrets Manager ", val(c.presharedKeyLocation)),
      row("NAT traversal (UDP 4500)", c.behindNat ? "yes" : "no"),
      "",
      ...tunnelRows(c, 1, c.tunnel1),
      "",
      ...tunnelRows(c, 2, c.tunnel2),
      "",
    ],
    "\n",
  );
  return [{ fileName: "vpn-parameters.txt", description: "The VPN parameters, per tunnel", content }];
}
