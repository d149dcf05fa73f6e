/**
 * The ports Diego cells in an isolation segment need to and from the control plane, as data: the
 * ports bosh-bootloader opens for an isolation segment, completed with the Cloud Foundry
 * documentation's isolation-segment firewall rules and the Diego/silk job specs. The cell security
 * group turns each entry into one described rule per peer; `docs/cell-ports.md` is the same table
 * with its sources, and a test pins one against the other.
 */

/** The part of the platform a cell talks to (or hears from). */
export enum ControlPlaneRole {
  /** The BOSH director: agent registration, NATS, SSH, blobstore. */
  BOSH_DIRECTOR = "bosh-director",
  /**
   * The shared Cloud Foundry VMs (the platform's default network): Cloud Controller, UAA, Locket,
   * BBS clients, loggregator, routers, ssh-proxy, silk controller, policy server, the shared cells.
   */
  SHARED_COMPONENTS = "shared-components",
  /** The Diego BBS and auctioneer, which call each cell's rep. */
  DIEGO_BBS = "diego-bbs",
}

/** Whether the cell opens the connection (egress) or receives it (ingress). */
export enum CellTrafficDirection {
  /** From the cells to the control-plane peer. */
  EGRESS = "egress",
  /** From the control-plane peer to the cells. */
  INGRESS = "ingress",
}

/** One control-plane port (or port range). */
export interface CellPortRule {
  /** The control-plane component at the other end. */
  readonly role: ControlPlaneRole;
  /** Which way the traffic flows. */
  readonly direction: CellTrafficDirection;
  /** `tcp` or `udp`. */
  readonly protocol: string;
  /** The port, or the first port of a range. */
  readonly port: number;
  /**
   * The last port of a range.
   * @default - the single port `port`
   */
  readonly toPort?: number;
  /** What uses the port (lands in the rule's description). */
  readonly purpose: string;
  /** Where the fact comes from: `bbl` (bosh-bootloader's isolation-segment plan), `cf-docs` (Cloud Foundry's isolation-segment firewall rules), `spec` (a job spec's default). */
  readonly source: string;
}

const EGRESS = CellTrafficDirection.EGRESS;
const INGRESS = CellTrafficDirection.INGRESS;
const BOSH = ControlPlaneRole.BOSH_DIRECTOR;
const SHARED = ControlPlaneRole.SHARED_COMPONENTS;
const BBS = ControlPlaneRole.DIEGO_BBS;

function rule(
  role: ControlPlaneRole,
  direction: CellTrafficDirection,
  protocol: string,
  port: number | [number, number],
  purpose: string,
  source: string,
): CellPortRule {
  return Array.isArray(port)
    ? { role, direction, protocol, port: port[0], toPort: port[1], purpose, source }
    : { role, direction, protocol, port, purpose, source };
}

/**
 * The control-plane port table. Entries from bosh-bootloader keep their order and come first (their
 * rules' Terraform addresses predate the others); `docs/cell-ports.md` lists the sources.
 */
export const CELL_CONTROL_PLANE_PORTS: readonly CellPortRule[] = Object.freeze([
  // bosh-bootloader terraform/aws/templates/iso_segments.tf, iso_to_bosh_ports
  rule(BOSH, EGRESS, "tcp", 22, "SSH to the director", "bbl"),
  rule(BOSH, EGRESS, "tcp", 6868, "BOSH agent endpoint", "bbl"),
  rule(BOSH, EGRESS, "tcp", 2555, "director (as bosh-bootloader lists it)", "bbl"),
  rule(BOSH, EGRESS, "tcp", 4222, "director NATS (BOSH agent messages)", "bbl"),
  rule(BOSH, EGRESS, "tcp", 25250, "director blobstore (BOSH agent packages and logs)", "bbl"),
  // iso_to_shared_tcp_ports
  rule(SHARED, EGRESS, "tcp", 9090, "Cloud Controller uploader (HTTP)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 9091, "Cloud Controller uploader (HTTPS)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 8082, "Doppler gRPC (loggregator agent)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 8300, "consul server RPC (older foundations)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 8301, "consul LAN gossip (older foundations)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 8889, "Diego BBS API (rep, route_emitter)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 8443, "UAA (route_emitter, tcp routing)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 3000, "routing API", "bbl"),
  rule(SHARED, EGRESS, "tcp", 4443, "Cloud Controller blobstore (HTTPS)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 8080, "Cloud Controller blobstore, Diego file server (HTTP)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 3457, "metron (older loggregator)", "bbl"),
  rule(SHARED, EGRESS, "tcp", 9023, "Cloud Controller TPS", "bbl"),
  rule(SHARED, EGRESS, "tcp", 9022, "Cloud Controller stager", "bbl"),
  rule(SHARED, EGRESS, "tcp", 4222, "NATS (route_emitter route registration)", "bbl"),
  // iso_to_shared_udp_ports
  rule(SHARED, EGRESS, "udp", 8301, "consul LAN gossip (older foundations)", "bbl"),
  rule(SHARED, EGRESS, "udp", 8302, "consul WAN gossip (older foundations)", "bbl"),
  rule(SHARED, EGRESS, "udp", 8600, "consul DNS (older foundations)", "bbl"),
  // bosh-bootloader shared_diego_bbs_to_isolated_cells_rule
  rule(BBS, INGRESS, "tcp", 1801, "rep (BBS and auctioneer calls)", "bbl"),
  // Cloud Foundry docs, routing-is: is1-to-cf, beyond bosh-bootloader's list
  rule(SHARED, EGRESS, "tcp", 3001, "routing API (mTLS)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 4003, "policy server internal (vxlan-policy-agent, silk-daemon)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 4103, "silk controller (silk-daemon subnet lease)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 4224, "NATS (TLS)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 6067, "log cache syslog server (syslog agent)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 8083, "log cache cf-auth-proxy", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 8447, "Diego file server (HTTPS)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 8844, "CredHub (instance identity, credential interpolation)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 8853, "bosh-dns health of the other VMs", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 8891, "Locket (rep cell registration)", "cf-docs"),
  rule(SHARED, EGRESS, "tcp", 9000, "syslog binding cache (syslog agent)", "cf-docs"),
  // Cloud Foundry docs, routing-is: cf-to-is1 (toward the cells)
  rule(SHARED, INGRESS, "tcp", 8853, "bosh-dns health of the cells", "cf-docs"),
  rule(SHARED, INGRESS, "tcp", 53035, "system metrics scraper", "cf-docs"),
  // garden's default port pool (61001, 4534 ports): what gorouter, tcp-router and ssh-proxy dial
  rule(
    SHARED,
    INGRESS,
    "tcp",
    [61001, 65534],
    "gorouter, tcp-router and ssh-proxy to app containers",
    "spec",
  ),
  // silk-daemon vtep_port: the container overlay spans every cell of the foundation
  rule(SHARED, EGRESS, "udp", 4789, "container networking VXLAN to the shared cells", "spec"),
  rule(SHARED, INGRESS, "udp", 4789, "container networking VXLAN from the shared cells", "spec"),
]);

/** The rules of one role. */
export function portsFor(role: ControlPlaneRole): CellPortRule[] {
  return CELL_CONTROL_PLANE_PORTS.filter((r) => r.role === role);
}

/** `tcp/1801` or `tcp/61001-65534`. */
export function portText(rule: CellPortRule): string {
  return `${rule.protocol}/${rule.port}${rule.toPort === undefined ? "" : `-${rule.toPort}`}`;
}

/** The rule's description as it lands on the security group rule. */
export function describePortRule(rule: CellPortRule, peer: string): string {
  const what = {
    [ControlPlaneRole.BOSH_DIRECTOR]: "BOSH director",
    [ControlPlaneRole.SHARED_COMPONENTS]: "shared Cloud Foundry components",
    [ControlPlaneRole.DIEGO_BBS]: "Diego BBS",
  }[rule.role];
  return rule.direction === CellTrafficDirection.EGRESS
    ? `Diego cells to ${what} (${peer}) on ${portText(rule)}: ${rule.purpose}`
    : `${what} (${peer}) to Diego cells on ${portText(rule)}: ${rule.purpose}`;
}
