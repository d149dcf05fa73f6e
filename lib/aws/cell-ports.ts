/**
 * The control-plane ports that Diego cells in an isolation segment need, as data: the ports
 * bosh-bootloader opens for an isolation segment (domain facts §3). The cell security group turns
 * each entry into one described rule per peer.
 */

/** The part of the platform a cell talks to (or hears from). */
export enum ControlPlaneRole {
  /** The BOSH director: agent registration, NATS, SSH, blobstore. */
  BOSH_DIRECTOR = "bosh-director",
  /** Shared Cloud Foundry components: locket, BBS clients, loggregator, routing, consul, CredHub. */
  SHARED_COMPONENTS = "shared-components",
  /** The Diego BBS, which calls each cell's rep. */
  DIEGO_BBS = "diego-bbs",
}

/** Whether the cell opens the connection (egress) or receives it (ingress). */
export enum CellTrafficDirection {
  /** From the cells to the control-plane peer. */
  EGRESS = "egress",
  /** From the control-plane peer to the cells. */
  INGRESS = "ingress",
}

/** One control-plane port. */
export interface CellPortRule {
  /** The control-plane component at the other end. */
  readonly role: ControlPlaneRole;
  /** Which way the traffic flows. */
  readonly direction: CellTrafficDirection;
  /** `tcp` or `udp`. */
  readonly protocol: string;
  /** The destination port. */
  readonly port: number;
}

const tcp = (role: ControlPlaneRole, direction: CellTrafficDirection, ports: number[]): CellPortRule[] =>
  ports.map((port) => ({ role, direction, protocol: "tcp", port }));
const udp = (role: ControlPlaneRole, direction: CellTrafficDirection, ports: number[]): CellPortRule[] =>
  ports.map((port) => ({ role, direction, protocol: "udp", port }));

/** The control-plane port table (domain facts §3, from bosh-bootloader's isolation segment rules). */
export const CELL_CONTROL_PLANE_PORTS: readonly CellPortRule[] = Object.freeze([
  ...tcp(ControlPlaneRole.BOSH_DIRECTOR, CellTrafficDirection.EGRESS, [22, 6868, 2555, 4222, 25250]),
  ...tcp(
    ControlPlaneRole.SHARED_COMPONENTS,
    CellTrafficDirection.EGRESS,
    [9090, 9091, 8082, 8300, 8301, 8889, 8443, 3000, 4443, 8080, 3457, 9023, 9022, 4222],
  ),
  ...udp(ControlPlaneRole.SHARED_COMPONENTS, CellTrafficDirection.EGRESS, [8301, 8302, 8600]),
  ...tcp(ControlPlaneRole.DIEGO_BBS, CellTrafficDirection.INGRESS, [1801]),
]);

/** The rules of one role. */
export function portsFor(role: ControlPlaneRole): CellPortRule[] {
  return CELL_CONTROL_PLANE_PORTS.filter((r) => r.role === role);
}

/** The rule's description as it lands on the security group rule. */
export function describePortRule(rule: CellPortRule, peer: string): string {
  const what = {
    [ControlPlaneRole.BOSH_DIRECTOR]: "BOSH director",
    [ControlPlaneRole.SHARED_COMPONENTS]: "shared Cloud Foundry components",
    [ControlPlaneRole.DIEGO_BBS]: "Diego BBS",
  }[rule.role];
  return rule.direction === CellTrafficDirection.EGRESS
    ? `Diego cells to ${what} (${peer}) on ${rule.protocol}/${rule.port}`
    : `${what} (${peer}) to Diego cells on ${rule.protocol}/${rule.port}`;
}
