/**
 * An AWS site-to-site VPN connection between a virtual private gateway (or a transit gateway) and a
 * customer gateway:
 * `aws_vpn_connection` with both tunnels configured from a crypto profile, static routes or BGP,
 * pre-shared keys in Secrets Manager and tunnel logs in an encrypted log group.
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { VpnConnection as CfnVpnConnection } from "@cdktf/provider-aws/lib/vpn-connection";
import { VpnConnectionRoute } from "@cdktf/provider-aws/lib/vpn-connection-route";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrivateEgressError } from "../core/errors";
import { tooManyConnections } from "../core/errors-vpn";
import { gatewayChoice, notWithTransitGateway } from "../core/errors-transit";
import { TunnelCryptoOptions, VpnCryptoProfile } from "./crypto-profile";
import { ICustomerGateway } from "./customer-gateway";
import { EffectiveTunnelOptions, IVpnGateway, TunnelEndpoints, AwsProviderOptions } from "./interfaces";
import {
  claimOnTransitGateway,
  insideCidrsOnTransitGateway,
  ITransitGateway,
  ITransitGatewayAttachment,
  ITransitGatewayRouteTable,
  recordInsideCidrs,
} from "./transit-gateway";
import {
  checkAsnsDiffer,
  checkInsideCidrsDiffer,
  checkInsideCidrsUnique,
  checkLogOutputFormat,
  checkLogRetention,
  checkNetworkCidr,
  checkPresharedKeyIsToken,
  checkStaticRoutes,
  checkTunnelOptions,
  InsideCidrUse,
  MAX_CONNECTIONS_PER_VPN_GATEWAY,
  throwFirst,
} from "./vpn-validation";
import { isUnresolved } from "../core/tokens";
import { arnField, attributeOf, isLiteralSafe, literalPolicy, PolicyValue } from "./key-policy";
import { bindProviders } from "../core/providers";
import { ID, fieldsOf, guardStrings, listOf, stringSpec } from "../core/boundary";
import { TUNNEL_CRYPTO_STRINGS } from "./crypto-profile";
import { childId, nodePath } from "../core/strings";

/** How the connection learns the customer's prefixes. */
export enum VpnRouting {
  /** `static_routes_only` with one `aws_vpn_connection_route` per prefix. */
  STATIC = "static",
  /** BGP over the tunnels. */
  BGP = "bgp",
}

/** Tunnel log output format. */
export enum LogOutputFormat {
  /** Tunnel log lines as JSON. */
  JSON = "json",
  /** Tunnel log lines as text. */
  TEXT = "text",
}

/** A CloudWatch log group the user owns. */
export interface ILogGroupRef {
  /** The log group's ARN. */
  readonly logGroupArn: string;
}

/** Options of one tunnel: crypto (overriding the profile) plus what is per tunnel. */
export interface VpnTunnelOptions extends TunnelCryptoOptions {
  /**
   * The tunnel's inside CIDR: a network-aligned /30 in 169.254.0.0/16, not one of AWS's reserved
   * blocks, different from the other tunnel's and unique on the gateway.
   * @default - AWS picks an unused /30
   */
  readonly insideCidr?: string;
  /**
   * The pre-shared key, as a token only (a `TerraformVariable` with `sensitive: true`, or a secret
   * reference); a string literal is refused because it would land in `cdk.tf.json`, state and
   * snapshots.
   * @default - AWS generates the key and stores it in Secrets Manager
   */
  readonly presharedKey?: string;
  /** Let AWS apply tunnel endpoint replacements only when you allow them. @default false */
  readonly enableTunnelLifecycleControl?: boolean;
}

/** Everything of a connection but its two gateways (reused by `VpnGateway.addConnection`). */
export interface VpnConnectionOptions {
  /**
   * The customer's prefixes to route statically over the tunnels (canonical CIDRs, not 0.0.0.0/0,
   * at most 100). Each becomes an `aws_vpn_connection_route` whose address derives from the prefix.
   * @default - BGP routing (no static routes)
   */
  readonly staticRoutes?: string[];
  /** The crypto profile both tunnels start from. @default VpnCryptoProfile.strict() */
  readonly cryptoProfile?: VpnCryptoProfile;
  /** Overrides for both tunnels, applied over the profile. @default - none */
  readonly tunnelOptions?: VpnTunnelOptions;
  /** Overrides for tunnel 1 only, applied last. @default - none */
  readonly tunnel1?: VpnTunnelOptions;
  /** Overrides for tunnel 2 only, applied last. @default - none */
  readonly tunnel2?: VpnTunnelOptions;
  /**
   * The customer-side traffic selector (`local_ipv4_network_cidr`: on AWS Site-to-Site VPN "local" is
   * the customer gateway's side). @default - AWS's 0.0.0.0/0 (route-based)
   */
  readonly localNetworkCidr?: string;
  /**
   * The AWS-side traffic selector (`remote_ipv4_network_cidr`: the VPC / transit gateway side).
   * @default - AWS's 0.0.0.0/0 (route-based)
   */
  readonly remoteNetworkCidr?: string;
  /** Send both tunnels' activity logs to CloudWatch. @default true */
  readonly tunnelLogs?: boolean;
  /** The log group for tunnel logs. @default - a created log group, KMS-encrypted with a created key (rotation on) */
  readonly logGroup?: ILogGroupRef;
  /** Retention of the created log group: at least 365 days (0 = never expire). @default 365 */
  readonly logRetentionDays?: number;
  /** Tunnel log format. @default LogOutputFormat.JSON */
  readonly logOutputFormat?: LogOutputFormat;
  /**
   * Allow `terraform destroy` (and replacement) of the connection. Off by default: it carries
   * `prevent_destroy` (a new connection means new tunnel IPs and keys); set true for teardown.
   * @default false
   */
  readonly allowDestroy?: boolean;
}

/** Props of {@link VpnConnection}. */
export interface VpnConnectionProps extends VpnConnectionOptions, AwsProviderOptions {
  /**
   * The virtual private gateway (AWS side). Give this or `transitGateway`.
   * @default - none: give `transitGateway`
   */
  readonly vpnGateway?: IVpnGateway;
  /**
   * The transit gateway (AWS side), instead of a virtual private gateway: the connection becomes a
   * transit gateway attachment. `staticRoutes` then only sets `static_routes_only` (AWS keeps static
   * routes of a transit gateway VPN in transit gateway route tables, not `aws_vpn_connection_route`):
   * route the prefixes with `TransitGatewayRouteTable.addRoute` in the table your VPC attachment uses.
   * @default - none: give `vpnGateway`
   */
  readonly transitGateway?: ITransitGateway;
  /**
   * The transit gateway route table to associate the connection's attachment with (the tenant's
   * routing domain). Only with `transitGateway`.
   * @default - not associated (its traffic is dropped until an association is made)
   */
  readonly transitGatewayRouteTable?: ITransitGatewayRouteTable;
  /** The customer gateway (customer side). */
  readonly customerGateway: ICustomerGateway;
}

/** A VPN connection as alarms and the hand-off need it. */
export interface IVpnConnection {
  /** The VPN connection id (`vpn-...`, or a token). */
  readonly vpnConnectionId: string;
  /** Tunnel 1's outside and inside addresses (tokens). */
  readonly tunnel1: TunnelEndpoints;
  /** Tunnel 2's outside and inside addresses (tokens). */
  readonly tunnel2: TunnelEndpoints;
}

// ---------------------------------------------------------------------------------------------
// Connections per gateway (per stack): inside-CIDR uniqueness and the 10-connection quota
// ---------------------------------------------------------------------------------------------

const registries = new WeakMap<TerraformStack, Map<unknown, VpnConnection[]>>();

function gatewayKey(gateway: IVpnGateway): unknown {
  // two imports of one literal gateway id are the same gateway
  return isUnresolved(gateway.vpnGatewayId) ? gateway : `id:${gateway.vpnGatewayId}`;
}

/** The connections defined on `gateway` in `scope`'s stack so far. */
export function connectionsOnGateway(scope: Construct, gateway: IVpnGateway): VpnConnection[] {
  const registry = registries.get(TerraformStack.of(scope));
  return [...(registry?.get(gatewayKey(gateway)) ?? [])];
}

function register(connection: VpnConnection): void {
  if (!connection.vpnGateway) return;
  const stack = TerraformStack.of(connection);
  const registry = registries.get(stack) ?? new Map<unknown, VpnConnection[]>();
  registries.set(stack, registry);
  const key = gatewayKey(connection.vpnGateway);
  registry.set(key, [...(registry.get(key) ?? []), connection]);
}

// ---------------------------------------------------------------------------------------------
// A KMS key a service may use (key policy built from the key's own ARN: no data sources)
// ---------------------------------------------------------------------------------------------

/** @internal */
export interface ServiceKeyOptions {
  readonly description: string;
  /** e.g. `logs` or `cloudwatch`; `<service>.<region>.amazonaws.com` when `regional`. */
  readonly service: string;
  readonly regional: boolean;
  readonly actions: string[];
  /** Guard the key with `prevent_destroy` (a destroyed key loses whatever it encrypted). */
  readonly preventDestroy?: boolean;
}

/**
 * A customer-managed KMS key (rotation on) whose policy keeps the account's root in control and lets
 * one AWS service use it. Account, partition and region come from the key's ARN, so no data source
 * (and no AWS call at plan time) is needed.
 *
 * @internal
 */
export function createServiceKey(
  scope: Construct,
  options: ServiceKeyOptions,
): { key: KmsKey; policy: KmsKeyPolicy } {
  const key = new KmsKey(scope, "Key", {
    description: options.description,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    lifecycle: options.preventDestroy ? { preventDestroy: true } : undefined,
  });
  // One literal `${jsonencode(...)}` with plain references to the key's ARN: the text
  // `Fn.jsonencode(... Fn.element(Fn.split(":", key.arn), i) ...)` produces, resolved ~20x faster.
  if (![options.service, ...options.actions].every(isLiteralSafe)) {
    throw new Error(`createServiceKey: service or actions hold text a literal policy cannot carry`);
  }
  const policyText = literalPolicy((): PolicyValue => {
    const arn = attributeOf(key, "arn");
    const [partition, region, account] = [1, 3, 4].map((i) => arnField(arn, i));
    return {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AccountAdministers",
          Effect: "Allow",
          Principal: { AWS: `arn:${partition}:iam::${account}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "ServiceUses",
          Effect: "Allow",
          Principal: {
            Service: options.regional
              ? `${options.service}.${region}.amazonaws.com`
              : `${options.service}.amazonaws.com`,
          },
          Action: options.actions,
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": account } },
        },
      ],
    };
  });
  const policy = new KmsKeyPolicy(scope, "KeyPolicy", {
    keyId: key.id,
    policy: policyText,
  });
  return { key, policy };
}

// ---------------------------------------------------------------------------------------------
// The construct
// ---------------------------------------------------------------------------------------------

function cidrKey(cidr: string): string {
  // 10.1.0.0/16 -> 10-1-0-0_16 (never digits only: 101.0.0.0/16 -> 101-0-0-0_16)
  return cidr.replace(/\./g, "-").replace("/", "_");
}

const TUNNEL_STRINGS = fieldsOf({ insideCidr: ID, presharedKey: ID, ...TUNNEL_CRYPTO_STRINGS });
const STRINGS = stringSpec("VpnConnectionProps", {
  staticRoutes: listOf(ID),
  tunnelOptions: TUNNEL_STRINGS,
  tunnel1: TUNNEL_STRINGS,
  tunnel2: TUNNEL_STRINGS,
  localNetworkCidr: ID,
  remoteNetworkCidr: ID,
  logOutputFormat: ID,
});

/**
 * Define a site-to-site VPN connection (`ipsec.1`) with both tunnels configured identically from a
 * crypto profile (unless a tunnel is overridden on purpose), static routes or BGP, AWS-generated keys
 * in Secrets Manager and tunnel logs in CloudWatch. The connection carries `prevent_destroy` unless
 * `allowDestroy` is set.
 *
 * @example
 * const vpn = new VpnConnection(stack, "Vpn", {
 *   vpnGateway,
 *   customerGateway,
 *   staticRoutes: ["192.168.100.0/24"],
 *   cryptoProfile: VpnCryptoProfile.cloudGovIkev1(),
 * });
 */
export class VpnConnection extends Construct implements IVpnConnection, ITransitGatewayAttachment {
  /** The connection id (a token). */
  public readonly vpnConnectionId: string;
  /** ARN of the Secrets Manager secret holding both tunnels' pre-shared keys (a token). */
  public readonly presharedKeyArn: string;
  /** AWS's configuration document for the customer device (a sensitive token). */
  public readonly customerGatewayConfiguration: string;
  /** Tunnel 1's outside and inside addresses. */
  public readonly tunnel1: TunnelEndpoints;
  /** Tunnel 2's outside and inside addresses. */
  public readonly tunnel2: TunnelEndpoints;
  /** The options tunnel 1 is configured with. */
  public readonly tunnel1Options: EffectiveTunnelOptions;
  /** The options tunnel 2 is configured with. */
  public readonly tunnel2Options: EffectiveTunnelOptions;
  /** The statically routed prefixes (empty with BGP). */
  public readonly staticRoutes: string[];
  /** Static or BGP. */
  public readonly routing: VpnRouting;
  /** The crypto profile the tunnels start from. */
  public readonly cryptoProfile: VpnCryptoProfile;
  /** The customer gateway (customer side). */
  public readonly customerGateway: ICustomerGateway;
  /** The virtual private gateway, when the connection is on one. */
  public readonly vpnGateway?: IVpnGateway;
  /** The transit gateway, when the connection is on one. */
  public readonly transitGateway?: ITransitGateway;
  /** The customer-side traffic selector set on the connection (`local_ipv4_network_cidr`), if any. */
  public readonly localNetworkCidr?: string;
  /** The AWS-side traffic selector set on the connection (`remote_ipv4_network_cidr`), if any. */
  public readonly remoteNetworkCidr?: string;
  /** The connection's transit gateway attachment id (a token; empty on a virtual private gateway). */
  public readonly transitGatewayAttachmentId: string;
  /** The log group receiving tunnel logs, when logs are on. */
  public readonly logGroupArn?: string;
  /** The tunnels' inside CIDRs given as literals (for the per-gateway uniqueness check). */
  public readonly insideCidrs: InsideCidrUse[];
  /** The underlying provider resource (escape hatch). */
  public readonly resource: CfnVpnConnection;

  constructor(scope: Construct, id: string, props: VpnConnectionProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { aws: props.provider });
    const profile = props.cryptoProfile ?? VpnCryptoProfile.strict();
    const tunnelLogs = props.tunnelLogs ?? true;
    const logRetentionDays = props.logRetentionDays ?? 365;
    const logOutputFormat = props.logOutputFormat ?? LogOutputFormat.JSON;
    const allowDestroy = props.allowDestroy ?? false;
    const staticRoutes = props.staticRoutes;
    const t1: VpnTunnelOptions = { ...props.tunnelOptions, ...definedOnly(props.tunnel1) };
    const t2: VpnTunnelOptions = { ...props.tunnelOptions, ...definedOnly(props.tunnel2) };
    const o1 = profile.resolve(props.tunnelOptions, props.tunnel1);
    const o2 = profile.resolve(props.tunnelOptions, props.tunnel2);
    const tgw = props.transitGateway;
    if ((props.vpnGateway === undefined) === (tgw === undefined)) {
      throw gatewayChoice("vpnGateway", tgw === undefined ? "neither" : "both");
    }
    if (props.transitGatewayRouteTable && !tgw) {
      throw notWithTransitGateway(
        "transitGatewayRouteTable",
        props.transitGatewayRouteTable.transitGatewayRouteTableId,
        "it is only for a connection on a transit gateway; give `transitGateway`",
      );
    }

    // ---- validate everything before creating anything
    const errors: PrivateEgressError[] = [
      ...checkTunnelOptions({ ...o1, insideCidr: t1.insideCidr }, "tunnel1"),
      ...checkTunnelOptions({ ...o2, insideCidr: t2.insideCidr }, "tunnel2"),
      ...checkInsideCidrsDiffer(t1.insideCidr, t2.insideCidr),
      ...checkPresharedKeyIsToken(t1.presharedKey, "tunnel1.presharedKey"),
      ...checkPresharedKeyIsToken(t2.presharedKey, "tunnel2.presharedKey"),
      ...(staticRoutes !== undefined ? checkStaticRoutes(staticRoutes) : []),
      ...checkNetworkCidr(props.localNetworkCidr, "localNetworkCidr"),
      ...checkNetworkCidr(props.remoteNetworkCidr, "remoteNetworkCidr"),
      ...checkAsnsDiffer(
        props.customerGateway.bgpAsn,
        amazonSideAsnOf(props.vpnGateway ?? tgw),
        "customerGateway.bgpAsn",
        props.vpnGateway ? "virtual private gateway" : "transit gateway",
      ),
    ];
    if (tunnelLogs && !props.logGroup) errors.push(...checkLogRetention(logRetentionDays));
    if (tunnelLogs) errors.push(...checkLogOutputFormat(logOutputFormat));
    // inside CIDRs are unique per gateway: per virtual private gateway (in this stack), or per transit
    // gateway (across the app's stacks); the 10-connection quota is a virtual private gateway's only
    let usedInsideCidrs: InsideCidrUse[];
    if (props.vpnGateway) {
      const siblings = connectionsOnGateway(this, props.vpnGateway);
      if (siblings.length >= MAX_CONNECTIONS_PER_VPN_GATEWAY) {
        errors.push(
          tooManyConnections("vpnGateway", props.vpnGateway.vpnGatewayId, MAX_CONNECTIONS_PER_VPN_GATEWAY),
        );
      }
      usedInsideCidrs = siblings.flatMap((s) => s.insideCidrs);
    } else {
      usedInsideCidrs = insideCidrsOnTransitGateway(this, tgw as ITransitGateway);
    }
    errors.push(
      ...checkInsideCidrsUnique(
        [
          { cidr: t1.insideCidr, prop: "tunnel1.insideCidr" },
          { cidr: t2.insideCidr, prop: "tunnel2.insideCidr" },
        ],
        usedInsideCidrs,
      ),
    );
    throwFirst(errors);
    if (tgw) claimOnTransitGateway(this, tgw, "attachments", "transitGateway");

    this.vpnGateway = props.vpnGateway;
    this.transitGateway = tgw;
    this.customerGateway = props.customerGateway;
    this.cryptoProfile = profile;
    this.tunnel1Options = o1;
    this.tunnel2Options = o2;
    this.staticRoutes = [...(staticRoutes ?? [])];
    this.routing = staticRoutes !== undefined ? VpnRouting.STATIC : VpnRouting.BGP;
    this.insideCidrs = [
      { cidr: t1.insideCidr, usedBy: `${this.node.path} (tunnel 1)` },
      { cidr: t2.insideCidr, usedBy: `${this.node.path} (tunnel 2)` },
    ].filter((u): u is InsideCidrUse => u.cidr !== undefined && !isUnresolved(u.cidr));

    // ---- logs: a sibling construct, so the connection's address never depends on it
    let logGroupArn: string | undefined;
    if (tunnelLogs) {
      if (props.logGroup) {
        logGroupArn = props.logGroup.logGroupArn;
      } else {
        const logs = new Construct(this, "Logs");
        const { key, policy } = createServiceKey(logs, {
          description: `Tunnel logs of VPN connection ${nodePath(this)}`,
          service: "logs",
          regional: true,
          actions: [
            "kms:Encrypt*",
            "kms:Decrypt*",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:Describe*",
          ],
          preventDestroy: !allowDestroy,
        });
        const group = new CloudwatchLogGroup(logs, "Resource", {
          namePrefix: `/aws/vpn/${id.replace(/[^A-Za-z0-9_.#/-]/g, "-")}-`,
          retentionInDays: logRetentionDays,
          kmsKeyId: key.arn,
          dependsOn: [policy],
          lifecycle: allowDestroy ? undefined : { preventDestroy: true },
        });
        logGroupArn = group.arn;
      }
    }
    this.logGroupArn = logGroupArn;
    const logOptions = logGroupArn
      ? { cloudwatchLogOptions: { logEnabled: true, logGroupArn, logOutputFormat } }
      : undefined;

    this.resource = new CfnVpnConnection(this, "Resource", {
      type: "ipsec.1",
      vpnGatewayId: props.vpnGateway?.vpnGatewayId,
      transitGatewayId: tgw?.transitGatewayId,
      customerGatewayId: props.customerGateway.customerGatewayId,
      staticRoutesOnly: this.routing === VpnRouting.STATIC,
      presharedKeyStorage: "SecretsManager",
      localIpv4NetworkCidr: props.localNetworkCidr,
      remoteIpv4NetworkCidr: props.remoteNetworkCidr,
      ...tunnelArgs("tunnel1", o1, t1),
      ...tunnelArgs("tunnel2", o2, t2),
      tunnel1LogOptions: logOptions,
      tunnel2LogOptions: logOptions,
      lifecycle: { preventDestroy: !allowDestroy },
    });
    const r = this.resource;
    this.vpnConnectionId = r.id;
    this.localNetworkCidr = props.localNetworkCidr;
    this.remoteNetworkCidr = props.remoteNetworkCidr;
    this.transitGatewayAttachmentId = tgw ? r.transitGatewayAttachmentId : "";
    this.presharedKeyArn = r.presharedKeyArn;
    this.customerGatewayConfiguration = r.customerGatewayConfiguration;
    this.tunnel1 = {
      outsideAddress: r.tunnel1Address,
      insideCidr: t1.insideCidr ?? r.tunnel1InsideCidr,
      vgwInsideAddress: r.tunnel1VgwInsideAddress,
      cgwInsideAddress: r.tunnel1CgwInsideAddress,
    };
    this.tunnel2 = {
      outsideAddress: r.tunnel2Address,
      insideCidr: t2.insideCidr ?? r.tunnel2InsideCidr,
      vgwInsideAddress: r.tunnel2VgwInsideAddress,
      cgwInsideAddress: r.tunnel2CgwInsideAddress,
    };

    if (tgw) {
      recordInsideCidrs(this, tgw, this.insideCidrs);
      if (props.transitGatewayRouteTable) {
        new Ec2TransitGatewayRouteTableAssociation(this, "TransitGatewayRouteTableAssociation", {
          transitGatewayAttachmentId: r.transitGatewayAttachmentId,
          transitGatewayRouteTableId: props.transitGatewayRouteTable.transitGatewayRouteTableId,
        });
      }
      return;
    }
    for (const prefix of this.staticRoutes) {
      new VpnConnectionRoute(this, childId(`Route-${cidrKey(prefix)}`), {
        vpnConnectionId: r.id,
        destinationCidrBlock: prefix,
      });
    }
    register(this);
  }
}

function amazonSideAsnOf(gateway: IVpnGateway | ITransitGateway | undefined): number | undefined {
  return (gateway as { amazonSideAsn?: number } | undefined)?.amazonSideAsn;
}

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function tunnelArgs(
  t: "tunnel1" | "tunnel2",
  o: EffectiveTunnelOptions,
  extra: VpnTunnelOptions,
): Record<string, unknown> {
  return {
    [`${t}IkeVersions`]: o.ikeVersions,
    [`${t}Phase1EncryptionAlgorithms`]: o.phase1EncryptionAlgorithms,
    [`${t}Phase2EncryptionAlgorithms`]: o.phase2EncryptionAlgorithms,
    [`${t}Phase1IntegrityAlgorithms`]: o.phase1IntegrityAlgorithms,
    [`${t}Phase2IntegrityAlgorithms`]: o.phase2IntegrityAlgorithms,
    [`${t}Phase1DhGroupNumbers`]: o.phase1DhGroupNumbers,
    [`${t}Phase2DhGroupNumbers`]: o.phase2DhGroupNumbers,
    [`${t}Phase1LifetimeSeconds`]: o.phase1LifetimeSeconds,
    [`${t}Phase2LifetimeSeconds`]: o.phase2LifetimeSeconds,
    [`${t}RekeyMarginTimeSeconds`]: o.rekeyMarginTimeSeconds,
    [`${t}RekeyFuzzPercentage`]: o.rekeyFuzzPercentage,
    [`${t}ReplayWindowSize`]: o.replayWindowSize,
    [`${t}DpdTimeoutSeconds`]: o.dpdTimeoutSeconds,
    [`${t}DpdTimeoutAction`]: o.dpdTimeoutAction,
    [`${t}StartupAction`]: o.startupAction,
    [`${t}InsideCidr`]: extra.insideCidr,
    [`${t}PresharedKey`]: extra.presharedKey,
    [`${t}EnableTunnelLifecycleControl`]: extra.enableTunnelLifecycleControl ?? false,
  };
}
