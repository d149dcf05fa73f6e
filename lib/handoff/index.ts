/** The hand-off renderers: device configurations, firewall checklist, environment diagram. */
export {
  CustomerDevice,
  DEVICE_ALGORITHM_NAMES,
  renderDeviceConfig,
  validateVpnConnectionHandoff,
} from "./device-config";
export type {
  PanOsOptions,
  RenderedDeviceConfig,
  RenderedFile,
  TunnelHandoff,
  VpnConnectionHandoff,
} from "./device-config";
export type { DeviceAlgorithmNames } from "./algorithms";
export { FirewallDirection, FirewallProtocol, firewallRules, renderFirewallChecklist } from "./firewall";
export type { FirewallRule } from "./firewall";
export { DIAGRAM_RESOURCE_TYPES, mermaidId, renderEnvironmentDiagram } from "./diagram";
export type { EnvironmentDiagramOptions } from "./diagram";
export { escapeTemplateLiteral } from "./template";
