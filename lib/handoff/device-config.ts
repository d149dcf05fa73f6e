/**
 * The hand-off's device configuration: what the tenant loads on their VPN endpoint, rendered from
 * the tunnel options the VPN connection actually configures, so the two cannot disagree. Pure
 * functions: no constructs, no outputs. Values known only at apply (tunnel addresses, the secret's
 * ARN) come in as tokens and stay Terraform interpolations in the rendered text.
 */
import { Token } from "cdktf";
import type { EffectiveTunnelOptions, TunnelEndpoints } from "../aws/interfaces";
import {
  handoffBadDeviceOption,
  handoffBadName,
  handoffEmptyList,
  handoffNotCidr,
  handoffNotIpv4,
  handoffUnknownOption,
} from "../core/errors-handoff";
import { Cidr, cidrContains, isIpv4, parseCidr } from "../core/ip";
import {
  AWS_DPD_TIMEOUT_ACTIONS,
  AWS_ENCRYPTION_ALGORITHMS,
  AWS_IKE_VERSIONS,
  AWS_INTEGRITY_ALGORITHMS,
  AWS_PHASE1_DH_GROUPS,
  AWS_PHASE2_DH_GROUPS,
  AWS_STARTUP_ACTIONS,
  DeviceAlgorithmNames,
  GENERIC_NAMES,
  LIBRESWAN_NAMES,
  PANOS_NAMES,
  STRONGSWAN_NAMES,
} from "./algorithms";
import { renderGeneric } from "./generic";
import { renderLibreswan } from "./libreswan";
import { renderPanOs } from "./panos";
import { renderStrongSwan } from "./strongswan";
import { fieldsOf, guardStrings, ID, listOf, stringSpec } from "../core/boundary";
import { TUNNEL_CRYPTO_FIELDS } from "../aws/crypto-profile";

/** The kind of VPN endpoint the tenant runs; it decides the configuration format rendered. */
export enum CustomerDevice {
  /** Libreswan (and its ancestor Openswan): `ipsec.conf` plus an `ipsec.secrets` stub. */
  LIBRESWAN = "libreswan",
  /** Openswan, in the seeds' words: rendered exactly as `LIBRESWAN` (the keywords used are common to both). */
  OPENSWAN = "openswan",
  /** strongSwan with swanctl: `swanctl.conf`. */
  STRONGSWAN = "strongswan",
  /** Palo Alto Networks PAN-OS firewall: configure-mode `set` commands. */
  PALO_ALTO_PANOS = "palo-alto-panos",
  /** Any other device: a plain sheet of the parameters to enter. */
  GENERIC = "generic",
}

/** One tunnel of a VPN connection as the hand-off sees it. */
export interface TunnelHandoff {
  /** The tunnel's addresses (tokens resolved at apply). */
  readonly endpoints: TunnelEndpoints;
  /** The tunnel options the connection actually configures, in AWS spelling. */
  readonly options: EffectiveTunnelOptions;
}

/** PAN-OS specifics the tenant's firewall needs; defaults match a fresh single-VR firewall. */
export interface PanOsOptions {
  /**
   * The interface that holds the customer endpoint's public address.
   * @default "ethernet1/1"
   */
  readonly outsideInterface?: string;
  /**
   * The virtual router that receives the static routes.
   * @default "default"
   */
  readonly virtualRouter?: string;
  /**
   * The security zone the tunnel interfaces join.
   * @default "aws-vpn"
   */
  readonly tunnelZone?: string;
  /**
   * The unit number of the first tunnel interface (`tunnel.<n>`); the second tunnel uses the next.
   * @default 1
   */
  readonly firstTunnelUnit?: number;
}

/** One VPN connection, with everything its customer-side configuration is rendered from. */
export interface VpnConnectionHandoff {
  /**
   * The connection's name in the rendered configuration (section, profile and gateway names):
   * 1-20 characters of letters, digits, `-` and `_`, starting with a letter.
   */
  readonly name: string;
  /** The customer's device type. */
  readonly device: CustomerDevice;
  /** The customer endpoint's public IPv4 address (a literal). */
  readonly customerEndpointIp: string;
  /** The customer's private CIDRs reached through the tunnels (literals). */
  readonly customerCidrs: string[];
  /** The platform-side CIDRs: the dedicated segment's subnets (literals). */
  readonly platformCidrs: string[];
  /**
   * The customer-side traffic selector the VPN connection sets (`local_ipv4_network_cidr`), a
   * literal CIDR covering `customerCidrs`. Both tunnels negotiate one selector pair.
   * @default - the smallest block covering `customerCidrs`
   */
  readonly customerTrafficSelector?: string;
  /**
   * The platform-side traffic selector the VPN connection sets (`remote_ipv4_network_cidr`), a
   * literal CIDR covering `platformCidrs`.
   * @default - the smallest block covering `platformCidrs`
   */
  readonly platformTrafficSelector?: string;
  /** Tunnel 1. */
  readonly tunnel1: TunnelHandoff;
  /** Tunnel 2. */
  readonly tunnel2: TunnelHandoff;
  /**
   * Where the pre-shared keys are (the Secrets Manager ARN, usually a token). The key itself is
   * never rendered: the configuration carries a placeholder naming this location.
   */
  readonly presharedKeyLocation: string;
  /**
   * Whether NAT sits in front of the customer endpoint (NAT traversal: UDP 4500).
   * @default false
   */
  readonly behindNat?: boolean;
  /**
   * PAN-OS specifics; used only for `CustomerDevice.PALO_ALTO_PANOS`.
   * @default - see `PanOsOptions`
   */
  readonly panOs?: PanOsOptions;
}

/** One rendered file of a device configuration. */
export interface RenderedFile {
  /** File name as the device expects it, e.g. `ipsec.conf`. */
  readonly fileName: string;
  /** What the file is for, one line. */
  readonly description: string;
  /**
   * The content, a Terraform string template: apply-time values are interpolations, literal `${`
   * and `%{` are escaped. Put it in a `TerraformOutput` as is.
   */
  readonly content: string;
}

/** A device configuration: one or more files. */
export interface RenderedDeviceConfig {
  /** The device the files are for. */
  readonly device: CustomerDevice;
  /** The rendered files. */
  readonly files: RenderedFile[];
}

/** Each device's names for the AWS algorithms and groups (see `algorithms.ts` for the sources). */
export const DEVICE_ALGORITHM_NAMES: Readonly<Record<CustomerDevice, DeviceAlgorithmNames>> = {
  [CustomerDevice.LIBRESWAN]: LIBRESWAN_NAMES,
  [CustomerDevice.OPENSWAN]: LIBRESWAN_NAMES,
  [CustomerDevice.STRONGSWAN]: STRONGSWAN_NAMES,
  [CustomerDevice.PALO_ALTO_PANOS]: PANOS_NAMES,
  [CustomerDevice.GENERIC]: GENERIC_NAMES,
};

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,19}$/;
const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,30}$/;

function checkList(
  prop: string,
  values: readonly unknown[],
  allowed: readonly unknown[],
  what: string,
): void {
  if (values.length === 0) throw handoffEmptyList(prop, what);
  for (const v of values) {
    if (!allowed.includes(v)) throw handoffUnknownOption(prop, v, allowed.map(String));
  }
}

function checkCidrs(prop: string, cidrs: readonly string[]): void {
  if (cidrs.length === 0) throw handoffEmptyList(prop, "CIDR block");
  cidrs.forEach((c, i) => {
    if (Token.isUnresolved(c) || parseCidr(c)?.canonical !== true) throw handoffNotCidr(`${prop}[${i}]`, c);
  });
}

function checkSelector(
  prop: string,
  selector: string | undefined,
  listProp: string,
  cidrs: readonly string[],
): void {
  if (selector === undefined) return;
  const block = Token.isUnresolved(selector) ? undefined : parseCidr(selector);
  if (block?.canonical !== true) throw handoffNotCidr(prop, selector);
  if (!cidrs.every((c) => cidrContains(block, parseCidr(c) as Cidr))) {
    throw handoffBadDeviceOption(prop, selector, `use a block that covers every CIDR of ${listProp}`);
  }
}

function checkTunnelOptions(prefix: string, o: EffectiveTunnelOptions): void {
  checkList(`${prefix}.ikeVersions`, o.ikeVersions, AWS_IKE_VERSIONS, "IKE version");
  checkList(
    `${prefix}.phase1EncryptionAlgorithms`,
    o.phase1EncryptionAlgorithms,
    AWS_ENCRYPTION_ALGORITHMS,
    "algorithm",
  );
  checkList(
    `${prefix}.phase2EncryptionAlgorithms`,
    o.phase2EncryptionAlgorithms,
    AWS_ENCRYPTION_ALGORITHMS,
    "algorithm",
  );
  checkList(
    `${prefix}.phase1IntegrityAlgorithms`,
    o.phase1IntegrityAlgorithms,
    AWS_INTEGRITY_ALGORITHMS,
    "algorithm",
  );
  checkList(
    `${prefix}.phase2IntegrityAlgorithms`,
    o.phase2IntegrityAlgorithms,
    AWS_INTEGRITY_ALGORITHMS,
    "algorithm",
  );
  checkList(`${prefix}.phase1DhGroupNumbers`, o.phase1DhGroupNumbers, AWS_PHASE1_DH_GROUPS, "DH group");
  checkList(`${prefix}.phase2DhGroupNumbers`, o.phase2DhGroupNumbers, AWS_PHASE2_DH_GROUPS, "DH group");
  checkList(`${prefix}.dpdTimeoutAction`, [o.dpdTimeoutAction], AWS_DPD_TIMEOUT_ACTIONS, "action");
  checkList(`${prefix}.startupAction`, [o.startupAction], AWS_STARTUP_ACTIONS, "action");
}

/**
 * Checks a connection's hand-off input; throws a `PrivateEgressError` (PE-HANDOFF-NNN) naming the
 * prop. Renderers call it first; constructs may call it in their constructor.
 *
 * @example
 * validateVpnConnectionHandoff(connection);
 */
export function validateVpnConnectionHandoff(c: VpnConnectionHandoff): void {
  if (!NAME_PATTERN.test(c.name)) throw handoffBadName("name", c.name);
  if (Token.isUnresolved(c.customerEndpointIp) || !isIpv4(c.customerEndpointIp)) {
    throw handoffNotIpv4("customerEndpointIp", c.customerEndpointIp);
  }
  checkCidrs("customerCidrs", c.customerCidrs);
  checkCidrs("platformCidrs", c.platformCidrs);
  checkSelector("customerTrafficSelector", c.customerTrafficSelector, "customerCidrs", c.customerCidrs);
  checkSelector("platformTrafficSelector", c.platformTrafficSelector, "platformCidrs", c.platformCidrs);
  checkTunnelOptions("tunnel1", c.tunnel1.options);
  checkTunnelOptions("tunnel2", c.tunnel2.options);
  const p = c.panOs ?? {};
  for (const key of ["outsideInterface", "virtualRouter", "tunnelZone"] as const) {
    const v = p[key];
    if (v !== undefined && !IDENTIFIER_PATTERN.test(v)) {
      throw handoffBadDeviceOption(
        `panOs.${key}`,
        v,
        "use a PAN-OS object name: letters, digits, '_', '.', '/', '-'",
      );
    }
  }
  const unit = p.firstTunnelUnit;
  if (unit !== undefined && (!Number.isInteger(unit) || unit < 1 || unit > 9998)) {
    throw handoffBadDeviceOption("panOs.firstTunnelUnit", unit, "use an integer from 1 to 9998");
  }
}

const TUNNEL_HANDOFF_STRINGS = fieldsOf({
  endpoints: fieldsOf({ outsideAddress: ID, insideCidr: ID, vgwInsideAddress: ID, cgwInsideAddress: ID }),
  options: TUNNEL_CRYPTO_FIELDS,
});
const HANDOFF_STRINGS = stringSpec("VpnConnectionHandoff", {
  name: ID,
  device: ID,
  customerEndpointIp: ID,
  customerCidrs: listOf(ID),
  platformCidrs: listOf(ID),
  customerTrafficSelector: ID,
  platformTrafficSelector: ID,
  tunnel1: TUNNEL_HANDOFF_STRINGS,
  tunnel2: TUNNEL_HANDOFF_STRINGS,
  presharedKeyLocation: ID,
  panOs: fieldsOf({ outsideInterface: ID, virtualRouter: ID, tunnelZone: ID }),
});

/**
 * Renders the customer device configuration for one VPN connection, in the format of its device.
 *
 * @example
 * const config = renderDeviceConfig({
 *   name: "agency", device: CustomerDevice.LIBRESWAN, customerEndpointIp: "18.188.145.101",
 *   customerCidrs: ["192.168.100.0/24"], platformCidrs: ["10.40.16.0/22"],
 *   tunnel1: { endpoints: vpn.tunnel1Endpoints, options: vpn.tunnel1Options },
 *   tunnel2: { endpoints: vpn.tunnel2Endpoints, options: vpn.tunnel2Options },
 *   presharedKeyLocation: vpn.presharedKeyArn,
 * });
 * new TerraformOutput(stack, "ipsec_conf", { value: config.files[0].content });
 */
export function renderDeviceConfig(connection: VpnConnectionHandoff): RenderedDeviceConfig {
  guardStrings(connection, HANDOFF_STRINGS); // values are rendered as they are: none may be a template
  validateVpnConnectionHandoff(connection);
  switch (connection.device) {
    case CustomerDevice.LIBRESWAN:
    case CustomerDevice.OPENSWAN:
      return { device: connection.device, files: renderLibreswan(connection) };
    case CustomerDevice.STRONGSWAN:
      return { device: connection.device, files: renderStrongSwan(connection) };
    case CustomerDevice.PALO_ALTO_PANOS:
      return { device: connection.device, files: renderPanOs(connection) };
    case CustomerDevice.GENERIC:
      return { device: connection.device, files: renderGeneric(connection) };
    default:
      throw handoffUnknownOption("device", connection.device, Object.values(CustomerDevice));
  }
}
