/**
 * A transit gateway for many tenants' VPN connections: `aws_ec2_transit_gateway` with default route
 * table association and propagation off (no attachment learns another's routes), one route table per
 * routing domain, static routes only, the platform VPC's attachment (one subnet per availability
 * zone), and AWS's transit gateway quotas checked at synth time with the numbers in the message.
 */
import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayRoute } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { Construct, IConstruct } from "constructs";
import {
  attachmentSubnetsInvalid,
  quotaInvalid,
  transitGatewayQuota,
  transitRouteDuplicate,
  vpcAlreadyAttached,
} from "../core/errors-transit";
import {
  checkIdentifier,
  checkProps,
  guardStrings,
  ID,
  TEXT,
  fieldsOf,
  listOf,
  mapOf,
  stringSpec,
} from "../core/boundary";
import { isUnresolved } from "../core/tokens";
import { IVpc } from "./interfaces";
import { checkAmazonSideAsn, checkStaticRoutes, InsideCidrUse, throwFirst } from "./vpn-validation";
import { childId } from "../core/strings";

/** AWS's default quota of route tables per transit gateway (adjustable). */
export const DEFAULT_TRANSIT_GATEWAY_ROUTE_TABLES = 20;
/** AWS's default quota of routes (static and dynamic) across all route tables of a transit gateway (adjustable). */
export const DEFAULT_TRANSIT_GATEWAY_ROUTES = 10000;
/** AWS's quota of attachments per transit gateway (not adjustable). */
export const MAX_TRANSIT_GATEWAY_ATTACHMENTS = 5000;

/** A transit gateway, created by this library or imported. */
export interface ITransitGateway {
  /** The transit gateway id (`tgw-...`, or a token). */
  readonly transitGatewayId: string;
}

/** An attachment of a transit gateway (a VPC's, or a VPN connection's). */
export interface ITransitGatewayAttachment {
  /** The attachment id (`tgw-attach-...`, or a token). */
  readonly transitGatewayAttachmentId: string;
}

/** A transit gateway route table, created by this library or imported. */
export interface ITransitGatewayRouteTable {
  /** The route table id (`tgw-rtb-...`, or a token). */
  readonly transitGatewayRouteTableId: string;
  /** The transit gateway the table belongs to. */
  readonly transitGateway: ITransitGateway;
}

/**
 * The transit gateway quotas your account has, when AWS raised them for you (Service Quotas,
 * "Amazon Elastic Compute Cloud (Amazon EC2)" / transit gateway).
 */
export interface TransitGatewayQuotas {
  /** Route tables per transit gateway. @default 20 (AWS's default; adjustable) */
  readonly routeTables?: number;
  /** Routes (static and dynamic) across all route tables of the transit gateway. @default 10000 (AWS's default; adjustable) */
  readonly routes?: number;
}

/** Options of {@link TransitGateway.fromTransitGatewayId}. */
export interface ImportedTransitGatewayOptions {
  /** The transit gateway's Amazon-side ASN, to keep the check that customer ASNs differ from it. @default - not checked */
  readonly amazonSideAsn?: number;
  /** The quotas your account has. @default - AWS's defaults */
  readonly quotas?: TransitGatewayQuotas;
}

// ---------------------------------------------------------------------------------------------
// What one app defines on each transit gateway (keyed by the construct tree's root, so the
// platform stack and every tenant stack of one app count together)
// ---------------------------------------------------------------------------------------------

interface Usage {
  routeTables: number;
  routes: number;
  attachments: number;
  insideCidrs: InsideCidrUse[];
  vpcs: Map<string, string>;
}

const usages = new WeakMap<IConstruct, Map<unknown, Usage>>();

function gatewayKey(gateway: ITransitGateway): unknown {
  // two imports of one literal id are the same gateway
  return isUnresolved(gateway.transitGatewayId) ? gateway : `id:${gateway.transitGatewayId}`;
}

function usageOf(scope: IConstruct, gateway: ITransitGateway): Usage {
  const root = scope.node.root;
  const byGateway = usages.get(root) ?? new Map<unknown, Usage>();
  usages.set(root, byGateway);
  const key = gatewayKey(gateway);
  let usage = byGateway.get(key);
  if (!usage) {
    usage = { routeTables: 0, routes: 0, attachments: 0, insideCidrs: [], vpcs: new Map() };
    byGateway.set(key, usage);
  }
  return usage;
}

function quotasOf(gateway: ITransitGateway): Required<TransitGatewayQuotas> {
  const q = (gateway as { quotas?: TransitGatewayQuotas }).quotas;
  return {
    routeTables: q?.routeTables ?? DEFAULT_TRANSIT_GATEWAY_ROUTE_TABLES,
    routes: q?.routes ?? DEFAULT_TRANSIT_GATEWAY_ROUTES,
  };
}

function gatewayName(gateway: ITransitGateway): string {
  if (!isUnresolved(gateway.transitGatewayId)) return gateway.transitGatewayId;
  return gateway instanceof Construct ? gateway.node.path : "transit gateway";
}

/**
 * Counts `n` more route tables, routes or attachments on `gateway`, throwing (before anything is
 * created) when a quota would be exceeded.
 *
 * @internal
 */
export function claimOnTransitGateway(
  scope: IConstruct,
  gateway: ITransitGateway,
  kind: "routeTables" | "routes" | "attachments",
  prop: string,
  n = 1,
): void {
  const usage = usageOf(scope, gateway);
  const quotas = quotasOf(gateway);
  const limits = {
    routeTables: { quota: quotas.routeTables, what: "route tables", adjustable: true },
    routes: { quota: quotas.routes, what: "routes", adjustable: true },
    attachments: { quota: MAX_TRANSIT_GATEWAY_ATTACHMENTS, what: "attachments", adjustable: false },
  }[kind];
  const count = usage[kind] + n;
  if (count > limits.quota) {
    throw transitGatewayQuota(
      prop,
      gatewayName(gateway),
      limits.what,
      count,
      limits.quota,
      limits.adjustable,
    );
  }
  usage[kind] = count;
}

/** The tunnel inside CIDRs used by the connections on `gateway` in `scope`'s app so far. */
export function insideCidrsOnTransitGateway(scope: IConstruct, gateway: ITransitGateway): InsideCidrUse[] {
  return [...usageOf(scope, gateway).insideCidrs];
}

/** @internal Records a connection's literal inside CIDRs on `gateway`. */
export function recordInsideCidrs(scope: IConstruct, gateway: ITransitGateway, uses: InsideCidrUse[]): void {
  usageOf(scope, gateway).insideCidrs.push(...uses);
}

/** How many route tables, routes and attachments the app defines on `gateway` so far. */
export function transitGatewayUsage(
  scope: IConstruct,
  gateway: ITransitGateway,
): {
  /** Transit gateway route tables in the app. */
  routeTables: number;
  /** Routes in the app's route tables. */
  routes: number;
  /** Attachments in the app. */
  attachments: number;
} {
  const u = usageOf(scope, gateway);
  return { routeTables: u.routeTables, routes: u.routes, attachments: u.attachments };
}

function checkQuotas(quotas: TransitGatewayQuotas | undefined): void {
  for (const key of ["routeTables", "routes"] as const) {
    const v = quotas?.[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw quotaInvalid(`quotas.${key}`, v);
  }
}

function cidrKey(cidr: string): string {
  return cidr.replace(/\./g, "-").replace("/", "_");
}

// ---------------------------------------------------------------------------------------------
// The gateway
// ---------------------------------------------------------------------------------------------

/** What the transit gateways (created and imported) have in common. */
export abstract class TransitGatewayBase extends Construct implements ITransitGateway {
  public abstract readonly transitGatewayId: string;
  /** The Amazon-side ASN, when known. */
  public abstract readonly amazonSideAsn?: number;
  /** The quotas checked at synth time. */
  public abstract readonly quotas: TransitGatewayQuotas;
}

class ImportedTransitGateway extends TransitGatewayBase {
  public readonly transitGatewayId: string;
  public readonly amazonSideAsn?: number;
  public readonly quotas: TransitGatewayQuotas;

  constructor(
    scope: Construct,
    id: string,
    transitGatewayId: string,
    options: ImportedTransitGatewayOptions,
  ) {
    super(scope, id);
    throwFirst(checkAmazonSideAsn(options.amazonSideAsn));
    checkQuotas(options.quotas);
    this.transitGatewayId = transitGatewayId;
    this.amazonSideAsn = options.amazonSideAsn;
    this.quotas = { ...options.quotas };
  }
}

/** Props of {@link TransitGateway}. */
export interface TransitGatewayProps {
  /** The Amazon side's BGP ASN: private only (64512-65534 or 4200000000-4294967294). @default 64512 */
  readonly amazonSideAsn?: number;
  /** The gateway's description. @default "Private egress: one route table per tenant" */
  readonly description?: string;
  /** The quotas your account has. @default - AWS's defaults (20 route tables, 10,000 routes) */
  readonly quotas?: TransitGatewayQuotas;
  /**
   * Allow `terraform destroy` (and replacement) of the gateway. Off by default: the gateway carries
   * `prevent_destroy` (every tenant's VPN hangs on it); set true for teardown.
   * @default false
   */
  readonly allowDestroy?: boolean;
  /** Tags. @default - none */
  readonly tags?: Record<string, string>;
}

const GATEWAY_STRINGS = stringSpec("TransitGatewayProps", { description: TEXT, tags: mapOf(ID, TEXT) });
const ROUTE_TABLE_STRINGS = stringSpec("TransitGatewayRouteTableProps", { tags: mapOf(ID, TEXT) });
const ROUTE_STRINGS = stringSpec("TransitGatewayRouteProps", { destinationCidrBlock: ID });
const ATTACHMENT_STRINGS = stringSpec("TransitGatewayVpcAttachmentProps", {
  subnets: listOf(fieldsOf({ availabilityZone: ID, subnetId: ID })),
  tags: mapOf(ID, TEXT),
});

/**
 * Define a transit gateway for tenants' VPN connections: default route table association and
 * propagation off, shared attachments not auto-accepted, VPN ECMP on. Every attachment is then
 * associated explicitly with the route table of its routing domain, and only static routes are
 * used, so no tenant learns another's routes.
 *
 * @example
 * const tgw = new TransitGateway(platform, "TransitGateway", { amazonSideAsn: 64600 });
 * const attachment = new TransitGatewayVpcAttachment(platform, "VpcAttachment", {
 *   transitGateway: tgw,
 *   vpc,
 *   subnets: [{ availabilityZone: "us-gov-west-1a", subnetId: a.id }, { availabilityZone: "us-gov-west-1b", subnetId: b.id }],
 * });
 */
export class TransitGateway extends TransitGatewayBase {
  /**
   * Imports a transit gateway by id, creating nothing. The gateway must have default route table
   * association and propagation disabled (the library cannot read that): otherwise every
   * attachment also lands in the default route table, where tenants would learn each other's routes.
   */
  public static fromTransitGatewayId(
    scope: Construct,
    id: string,
    transitGatewayId: string,
    options: ImportedTransitGatewayOptions = {},
  ): TransitGatewayBase {
    checkIdentifier("transitGatewayId", transitGatewayId);
    checkProps("ImportedTransitGatewayOptions", options);
    return new ImportedTransitGateway(scope, id, transitGatewayId, options);
  }

  public readonly transitGatewayId: string;
  public readonly amazonSideAsn: number;
  public readonly quotas: TransitGatewayQuotas;
  /** The gateway's ARN (a token). */
  public readonly transitGatewayArn: string;
  /** The underlying provider resource (escape hatch). */
  public readonly resource: Ec2TransitGateway;

  constructor(scope: Construct, id: string, props: TransitGatewayProps = {}) {
    super(scope, id);
    props = guardStrings(props, GATEWAY_STRINGS);
    const amazonSideAsn = props.amazonSideAsn ?? 64512;
    const allowDestroy = props.allowDestroy ?? false;
    const description = props.description ?? "Private egress: one route table per tenant";
    throwFirst(checkAmazonSideAsn(amazonSideAsn));
    checkQuotas(props.quotas);
    this.resource = new Ec2TransitGateway(this, "Resource", {
      amazonSideAsn,
      description,
      autoAcceptSharedAttachments: "disable",
      defaultRouteTableAssociation: "disable",
      defaultRouteTablePropagation: "disable",
      dnsSupport: "enable",
      vpnEcmpSupport: "enable",
      tags: props.tags,
      lifecycle: { preventDestroy: !allowDestroy },
    });
    this.transitGatewayId = this.resource.id;
    this.transitGatewayArn = this.resource.arn;
    this.amazonSideAsn = amazonSideAsn;
    this.quotas = { ...props.quotas };
  }
}

// ---------------------------------------------------------------------------------------------
// Route tables and routes
// ---------------------------------------------------------------------------------------------

const routesByTable = new WeakMap<ITransitGatewayRouteTable, Map<string, string>>();

/** Props of {@link TransitGatewayRouteTable}. */
export interface TransitGatewayRouteTableProps {
  /** The transit gateway. */
  readonly transitGateway: ITransitGateway;
  /** Tags (e.g. `Name`). @default - none */
  readonly tags?: Record<string, string>;
}

/**
 * Define a transit gateway route table: one routing domain (one tenant, or the platform VPC).
 * Counts against the gateway's route table quota.
 *
 * @example
 * const table = new TransitGatewayRouteTable(tenant, "TransitGatewayRouteTable", { transitGateway: tgw });
 * table.addAssociation("Vpn", vpnConnection);
 * table.addRoute("10.40.0.0/22", vpcAttachment);
 */
export class TransitGatewayRouteTable extends Construct implements ITransitGatewayRouteTable {
  public readonly transitGatewayRouteTableId: string;
  public readonly transitGateway: ITransitGateway;
  /** The underlying provider resource (escape hatch). */
  public readonly resource: Ec2TransitGatewayRouteTable;

  constructor(scope: Construct, id: string, props: TransitGatewayRouteTableProps) {
    super(scope, id);
    props = guardStrings(props, ROUTE_TABLE_STRINGS);
    claimOnTransitGateway(this, props.transitGateway, "routeTables", "transitGateway");
    this.transitGateway = props.transitGateway;
    this.resource = new Ec2TransitGatewayRouteTable(this, "Resource", {
      transitGatewayId: props.transitGateway.transitGatewayId,
      tags: props.tags,
    });
    this.transitGatewayRouteTableId = this.resource.id;
  }

  /**
   * Associates an attachment with this table: the attachment's traffic is routed by this table.
   *
   * @param key a stable key (part of the resource address), e.g. `Vpn`
   */
  public addAssociation(
    key: string,
    attachment: ITransitGatewayAttachment,
  ): Ec2TransitGatewayRouteTableAssociation {
    return new Ec2TransitGatewayRouteTableAssociation(this, childId(`Association-${key}`), {
      transitGatewayAttachmentId: attachment.transitGatewayAttachmentId,
      transitGatewayRouteTableId: this.transitGatewayRouteTableId,
    });
  }

  /** Adds a static route to `attachment` for `cidr` (address `Route-<cidr>` under this table). */
  public addRoute(cidr: string, attachment: ITransitGatewayAttachment): TransitGatewayRoute {
    return new TransitGatewayRoute(this, childId(`Route-${cidrKey(cidr)}`), {
      routeTable: this,
      destinationCidrBlock: cidr,
      attachment,
    });
  }
}

/** Props of {@link TransitGatewayRoute}. */
export interface TransitGatewayRouteProps {
  /** The table the route goes into (it may belong to another stack, e.g. the platform's). */
  readonly routeTable: ITransitGatewayRouteTable;
  /** The destination prefix (canonical IPv4 CIDR, not 0.0.0.0/0). */
  readonly destinationCidrBlock: string;
  /** Where traffic for the prefix goes. */
  readonly attachment: ITransitGatewayAttachment;
}

/**
 * Define one static route in a transit gateway route table. A separate construct, so a tenant's
 * stack can own its routes in the platform's table. Counts against the gateway's route quota;
 * a second route for one prefix in one table is refused.
 *
 * @example
 * new TransitGatewayRoute(tenant, "ReturnRoute", { routeTable: platformTable, destinationCidrBlock: "192.168.10.0/24", attachment: vpn });
 */
export class TransitGatewayRoute extends Construct {
  /** The underlying provider resource (escape hatch). */
  public readonly resource: Ec2TransitGatewayRoute;

  constructor(scope: Construct, id: string, props: TransitGatewayRouteProps) {
    super(scope, id);
    props = guardStrings(props, ROUTE_STRINGS);
    const cidr = props.destinationCidrBlock;
    throwFirst(
      checkStaticRoutes([cidr], "destinationCidrBlock").map((e) => e.withProp("destinationCidrBlock")),
    );
    const routes = routesByTable.get(props.routeTable) ?? new Map<string, string>();
    routesByTable.set(props.routeTable, routes);
    const other = routes.get(cidr);
    if (other !== undefined) throw transitRouteDuplicate("destinationCidrBlock", cidr, other);
    claimOnTransitGateway(this, props.routeTable.transitGateway, "routes", "destinationCidrBlock");
    routes.set(cidr, this.node.path);
    this.resource = new Ec2TransitGatewayRoute(this, "Resource", {
      transitGatewayRouteTableId: props.routeTable.transitGatewayRouteTableId,
      destinationCidrBlock: cidr,
      transitGatewayAttachmentId: props.attachment.transitGatewayAttachmentId,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The VPC attachment
// ---------------------------------------------------------------------------------------------

/** One subnet of a VPC attachment. */
export interface TransitSubnet {
  /** The subnet's availability zone (one subnet per zone). */
  readonly availabilityZone: string;
  /** The subnet id (a token is fine). */
  readonly subnetId: string;
}

/** A transit gateway VPC attachment as tenants' environments use it. */
export interface ITransitGatewayVpcAttachment extends ITransitGatewayAttachment {
  /** The transit gateway. */
  readonly transitGateway: ITransitGateway;
  /** The attached VPC. */
  readonly vpc: IVpc;
  /**
   * The route table associated with the attachment: traffic from the VPC is routed by it, so each
   * tenant adds the routes to its own VPN attachment here.
   */
  readonly routeTable: ITransitGatewayRouteTable;
  /** The attachment's zones (tenant subnets in other zones cannot reach the gateway). */
  readonly availabilityZones: string[];
}

/** Props of {@link TransitGatewayVpcAttachment}. */
export interface TransitGatewayVpcAttachmentProps {
  /** The transit gateway. */
  readonly transitGateway: ITransitGateway;
  /** The VPC to attach (a transit gateway takes one attachment per VPC). */
  readonly vpc: IVpc;
  /** The attachment's subnets: one per availability zone, at least one. */
  readonly subnets: TransitSubnet[];
  /**
   * The route table to associate the attachment with.
   * @default - a route table is created for the attachment (`RouteTable`)
   */
  readonly routeTable?: ITransitGatewayRouteTable;
  /** Tags. @default - none */
  readonly tags?: Record<string, string>;
}

/**
 * Define a VPC's attachment to a transit gateway, with default route table association and
 * propagation off and an explicit association with its own route table (or the one given).
 *
 * @example
 * const attachment = new TransitGatewayVpcAttachment(platform, "VpcAttachment", { transitGateway: tgw, vpc, subnets });
 */
export class TransitGatewayVpcAttachment extends Construct implements ITransitGatewayVpcAttachment {
  public readonly transitGatewayAttachmentId: string;
  public readonly transitGateway: ITransitGateway;
  public readonly vpc: IVpc;
  public readonly routeTable: ITransitGatewayRouteTable;
  public readonly availabilityZones: string[];
  /** The underlying provider resource (escape hatch). */
  public readonly resource: Ec2TransitGatewayVpcAttachment;

  constructor(scope: Construct, id: string, props: TransitGatewayVpcAttachmentProps) {
    super(scope, id);
    props = guardStrings(props, ATTACHMENT_STRINGS);
    if (!Array.isArray(props.subnets) || props.subnets.length === 0) {
      throw attachmentSubnetsInvalid("subnets", [], "is empty");
    }
    const zones = new Set<string>();
    props.subnets.forEach((s, i) => {
      if (zones.has(s.availabilityZone)) {
        throw attachmentSubnetsInvalid(
          `subnets[${i}].availabilityZone`,
          s.availabilityZone,
          "is the zone of an earlier subnet",
        );
      }
      zones.add(s.availabilityZone);
    });
    const usage = usageOf(this, props.transitGateway);
    const other = usage.vpcs.get(props.vpc.vpcId);
    if (other !== undefined) throw vpcAlreadyAttached("vpc", props.vpc.vpcId, other);
    claimOnTransitGateway(this, props.transitGateway, "attachments", "transitGateway");
    usage.vpcs.set(props.vpc.vpcId, this.node.path);

    this.transitGateway = props.transitGateway;
    this.vpc = props.vpc;
    this.availabilityZones = [...zones];
    this.resource = new Ec2TransitGatewayVpcAttachment(this, "Resource", {
      transitGatewayId: props.transitGateway.transitGatewayId,
      vpcId: props.vpc.vpcId,
      subnetIds: props.subnets.map((s) => s.subnetId),
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      dnsSupport: "enable",
      tags: props.tags,
    });
    this.transitGatewayAttachmentId = this.resource.id;
    const table =
      props.routeTable ??
      new TransitGatewayRouteTable(this, "RouteTable", {
        transitGateway: props.transitGateway,
        tags: props.tags,
      });
    this.routeTable = table;
    new Ec2TransitGatewayRouteTableAssociation(this, "RouteTableAssociation", {
      transitGatewayAttachmentId: this.transitGatewayAttachmentId,
      transitGatewayRouteTableId: table.transitGatewayRouteTableId,
    });
  }
}
