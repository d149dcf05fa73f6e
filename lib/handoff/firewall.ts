/**
 * The firewall checklist for the tenant: what any firewall in front of the customer endpoint must let
 * through, both ways, for both tunnels: IKE on UDP 500 and ESP (IP protocol 50), plus UDP 4500 when
 * NAT sits in front of the endpoint (NAT traversal). Structured data and rendered text.
 */
import { Token } from "cdktf";
import { handoffNotIpv4 } from "../core/errors-handoff";
import { isIpv4 } from "../core/ip";
import { CustomerDevice, type VpnConnectionHandoff } from "./device-config";
import { line, val } from "./template";
import { joinText } from "../core/strings";

/** Direction as seen from the customer network. */
export enum FirewallDirection {
  /** From the AWS tunnel endpoint to the customer endpoint. */
  INBOUND = "inbound",
  /** From the customer endpoint to the AWS tunnel endpoint. */
  OUTBOUND = "outbound",
}

/** The protocols a site-to-site IPsec VPN needs. */
export enum FirewallProtocol {
  /** UDP (IP protocol 17): IKE on 500, NAT traversal on 4500. */
  UDP = "udp",
  /** ESP (IP protocol 50): the encrypted traffic. */
  ESP = "esp",
}

/** One rule the customer must allow. */
export interface FirewallRule {
  /** Which tunnel (1 or 2). */
  readonly tunnel: number;
  /** Which way the traffic flows, between the AWS and customer endpoints. */
  readonly direction: FirewallDirection;
  /** UDP (IKE, NAT traversal) or ESP. */
  readonly protocol: FirewallProtocol;
  /** IP protocol number: 17 (UDP) or 50 (ESP). */
  readonly ipProtocolNumber: number;
  /** Destination port for UDP; undefined for ESP. */
  readonly port?: number;
  /** Source address: a literal or a Terraform token. */
  readonly source: string;
  /** Destination address: a literal or a Terraform token. */
  readonly destination: string;
  /** What the rule is for. */
  readonly purpose: string;
}

/**
 * The rules, in a fixed order: per tunnel, IKE out and in, ESP out and in, then NAT traversal out and
 * in when `behindNat`.
 *
 * @example
 * const rules = firewallRules(connection); // 8 rules, 12 with behindNat
 */
export function firewallRules(c: VpnConnectionHandoff): FirewallRule[] {
  if (Token.isUnresolved(c.customerEndpointIp) || !isIpv4(c.customerEndpointIp)) {
    throw handoffNotIpv4("customerEndpointIp", c.customerEndpointIp);
  }
  const rules: FirewallRule[] = [];
  const tunnels = [c.tunnel1, c.tunnel2];
  tunnels.forEach((t, i) => {
    const tunnel = i + 1;
    const aws = t.endpoints.outsideAddress;
    const pair = (protocol: FirewallProtocol, port: number | undefined, purpose: string) => {
      const base = {
        tunnel,
        protocol,
        ipProtocolNumber: protocol === FirewallProtocol.UDP ? 17 : 50,
        port,
        purpose,
      };
      rules.push({
        ...base,
        direction: FirewallDirection.OUTBOUND,
        source: c.customerEndpointIp,
        destination: aws,
      });
      rules.push({
        ...base,
        direction: FirewallDirection.INBOUND,
        source: aws,
        destination: c.customerEndpointIp,
      });
    };
    pair(FirewallProtocol.UDP, 500, "IKE");
    pair(FirewallProtocol.ESP, undefined, "ESP (IPsec traffic)");
    if (c.behindNat) pair(FirewallProtocol.UDP, 4500, "NAT traversal (IKE and ESP in UDP)");
  });
  return rules;
}

/**
 * The checklist as text for the tenant (a Terraform string template: addresses interpolate at apply).
 *
 * @example
 * new TerraformOutput(stack, "firewall_rules", { value: renderFirewallChecklist(connection) });
 */
export function renderFirewallChecklist(c: VpnConnectionHandoff): string {
  const rules = firewallRules(c);
  const lines = [
    line(`# Firewall rules for ${c.name}: allow these on every firewall in front of your VPN endpoint.`),
    line("# direction  protocol          source -> destination  (purpose, tunnel)"),
    ...rules.map((r) =>
      line(
        r.direction.padEnd(10),
        " ",
        (r.protocol === FirewallProtocol.UDP ? `UDP ${r.port}` : "ESP (IP 50)").padEnd(17),
        " ",
        val(r.source),
        " -> ",
        val(r.destination),
        `  (${r.purpose}, tunnel ${r.tunnel})`,
      ),
    ),
  ];
  if (!c.behindNat && c.device === CustomerDevice.STRONGSWAN) {
    lines.push(
      line(
        "# strongSwan with kernel-libipsec (userspace ESP, the tested layout) sends ESP in UDP 4500: allow it too.",
      ),
    );
  }
  if (!c.behindNat) {
    lines.push(
      line(
        "# If NAT sits in front of your endpoint, also allow UDP 4500 both ways to both tunnel addresses.",
      ),
    );
  }
  return joinText([...lines, ""], "\n");
}
