/** The hand-off renderers: device configurations, firewall checklist, environment diagram. */
export {
  CustomerDevice,
  DEVICE_ALGORITHM_NAMES,
  PanOsOptions,
  RenderedDeviceConfig,
  RenderedFile,
  TunnelHandoff,
  VpnConnectionHandoff,
  renderDeviceConfig,
  validateVpnConnectionHandoff,
} from "./device-config";
export { DeviceAlgorithmNames } from "./algorithms";
export {
  FirewallDirection,
  FirewallProtocol,
  FirewallRule,
  firewallRules,
  renderFirewallChecklist,
} from "./firewall";
export {
  DIAGRAM_RESOURCE_TYPES,
  EnvironmentDiagramOptions,
  mermaidId,
  renderEnvironmentDiagram,
} from "./diagram";
export { escapeTemplateLiteral } from "./template";
