/**
 * The AWS side of a site-to-site VPN: `aws_vpn_gateway` attached to a VPC, with route propagation or
 * static routes to it (never both on one route table) and a one-liner for each customer site.
 */
import { Route } from "@cdktf/provider-aws/lib/route";
import { VpnGateway as CfnVpnGateway } from "@cdktf/provider-aws/lib/vpn-gateway";
import { VpnGatewayRoutePropagation } from "@cdktf/provider-aws/lib/vpn-gateway-route-propagation";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { customerGatewayMissing, duplicateKey, routingMixed } from "../core/errors-vpn";
import { CustomerGateway, ICustomerGateway } from "./customer-gateway";
import { IRouteTable, IVpc, IVpnGateway, AwsProviderOptions } from "./interfaces";
import { connectionsOnGateway, VpnConnection, VpnConnectionOptions } from "./vpn-connection";
import { checkAmazonSideAsn, checkStaticRoutes, throwFirst } from "./vpn-validation";
import { isUnresolved } from "../core/tokens";
import { bindProviders } from "../core/providers";
import { checkIdentifier, guardStrings, ID, stringSpec } from "../core/boundary";
import { childId } from "../core/strings";

/** Props of {@link VpnGateway}. */
export interface VpnGatewayProps extends AwsProviderOptions {
  /** The VPC to attach the gateway to. */
  readonly vpc: IVpc;
  /** The Amazon side's BGP ASN: private only (64512-65534 or 4200000000-4294967294). @default 64512 */
  readonly amazonSideAsn?: number;
  /** The availability zone of the gateway. @default - AWS chooses */
  readonly availabilityZone?: string;
  /**
   * Allow `terraform destroy` (and replacement) of the gateway. Off by default: the gateway carries
   * `prevent_destroy`; set true for teardown.
   * @default false
   */
  readonly allowDestroy?: boolean;
}

/** Options of {@link VpnGatewayBase.addConnection}: a connection plus, optionally, its customer gateway. */
export interface AddVpnConnectionOptions extends VpnConnectionOptions {
  /** An existing customer gateway. @default - one is created from `customerGatewayIp` */
  readonly customerGateway?: ICustomerGateway;
  /** The customer endpoint's public IPv4, to create the customer gateway. @default - `customerGateway` is required */
  readonly customerGatewayIp?: string;
  /** The created customer gateway's BGP ASN. @default 65000 */
  readonly customerGatewayAsn?: number;
  /** The created customer gateway's device name. @default - none */
  readonly customerDeviceName?: string;
}

type RoutingMode = "static routes" | "route propagation";

/** What the gateways (created and imported) can do. */
export abstract class VpnGatewayBase extends Construct implements IVpnGateway {
  public abstract readonly vpnGatewayId: string;
  /** The Amazon-side ASN, when known. */
  public abstract readonly amazonSideAsn?: number;
  private readonly routeTables = new Map<string, { routeTable: IRouteTable; mode: RoutingMode }>();

  /** The VPN connections defined on this gateway in this stack so far. */
  public get connections(): VpnConnection[] {
    return connectionsOnGateway(this, this);
  }

  /**
   * Adds a VPN connection to this gateway, creating the customer gateway when only its address is
   * given: a second device for redundancy is one line.
   *
   * The connection is a child of this gateway with the given id; a created customer gateway is
   * `<id>CustomerGateway` beside it.
   *
   * @example
   * vgw.addConnection("Secondary", { customerGatewayIp: "18.188.145.102", staticRoutes: ["192.168.100.0/24"] });
   */
  public addConnection(id: string, options: AddVpnConnectionOptions): VpnConnection {
    const { customerGateway, customerGatewayIp, customerGatewayAsn, customerDeviceName, ...connection } =
      options;
    checkIdentifier("customerGatewayIp", customerGatewayIp);
    checkIdentifier("customerDeviceName", customerDeviceName);
    let cgw = customerGateway;
    if (!cgw) {
      if (customerGatewayIp === undefined) throw customerGatewayMissing("customerGatewayIp");
      cgw = new CustomerGateway(this, childId(`${id}CustomerGateway`), {
        ipAddress: customerGatewayIp,
        bgpAsn: customerGatewayAsn,
        deviceName: customerDeviceName,
        allowDestroy: connection.allowDestroy,
      });
    }
    return new VpnConnection(this, id, { ...connection, vpnGateway: this, customerGateway: cgw });
  }

  /**
   * Propagates the customer's routes (BGP or static) into a route table. Refused on a route table
   * that has static routes to this gateway.
   *
   * @param key a stable key for the route table (part of the resource address), e.g. `app`
   */
  public enableRoutePropagation(key: string, routeTable: IRouteTable): VpnGatewayRoutePropagation {
    this.claim(key, routeTable, "route propagation");
    return new VpnGatewayRoutePropagation(this, childId(`RoutePropagation-${key}`), {
      vpnGatewayId: this.vpnGatewayId,
      routeTableId: routeTable.routeTableId,
    });
  }

  /**
   * Adds static routes to this gateway for the customer's prefixes (one `aws_route` per prefix,
   * address derived from the prefix). Refused on a route table with route propagation from this gateway.
   *
   * @param key a stable key for the route table (part of the resource addresses), e.g. `app`
   */
  public addStaticRoutes(key: string, routeTable: IRouteTable, cidrs: string[]): Route[] {
    throwFirst(checkStaticRoutes(cidrs, "cidrs"));
    this.claim(key, routeTable, "static routes");
    return cidrs.map(
      (cidr) =>
        new Route(this, childId(`Route-${key}-${cidr.replace(/\./g, "-").replace("/", "_")}`), {
          routeTableId: routeTable.routeTableId,
          destinationCidrBlock: cidr,
          gatewayId: this.vpnGatewayId,
        }),
    );
  }

  private claim(key: string, routeTable: IRouteTable, mode: RoutingMode): void {
    const sameTable = (rt: IRouteTable) =>
      rt === routeTable || (!isUnresolved(rt.routeTableId) && rt.routeTableId === routeTable.routeTableId);
    for (const [k, used] of this.routeTables) {
      if (!sameTable(used.routeTable)) {
        if (k === key) throw duplicateKey("key", key);
        continue;
      }
      if (used.mode !== mode) throw routingMixed("routeTable", k, used.mode);
      if (k !== key) throw duplicateKey("routeTable", `${key} (already added as ${k})`);
      if (mode === "route propagation") throw duplicateKey("key", key);
    }
    this.routeTables.set(key, { routeTable, mode });
  }
}

const STRINGS = stringSpec("VpnGatewayProps", { availabilityZone: ID });

class ImportedVpnGateway extends VpnGatewayBase {
  public readonly vpnGatewayId: string;
  public readonly amazonSideAsn?: number;

  constructor(
    scope: Construct,
    id: string,
    vpnGatewayId: string,
    amazonSideAsn?: number,
    provider?: TerraformProvider,
  ) {
    super(scope, id);
    bindProviders(this, { aws: provider });
    checkIdentifier("vpnGatewayId", vpnGatewayId);
    throwFirst(checkAmazonSideAsn(amazonSideAsn));
    this.vpnGatewayId = vpnGatewayId;
    this.amazonSideAsn = amazonSideAsn;
  }
}

/**
 * Define a virtual private gateway (`aws_vpn_gateway`) attached to a VPC, with a private Amazon-side
 * ASN. It carries `prevent_destroy` unless `allowDestroy` is set.
 *
 * @example
 * const vgw = new VpnGateway(stack, "VpnGateway", { vpc: VpcReference.fromVpcAttributes(stack, "Vpc", { vpcId, vpcCidrBlock }) });
 * vgw.addConnection("Primary", { customerGatewayIp: "18.188.145.101", staticRoutes: ["192.168.100.0/24"] });
 * vgw.addConnection("Secondary", { customerGatewayIp: "18.188.145.102", staticRoutes: ["192.168.100.0/24"] });
 */
export class VpnGateway extends VpnGatewayBase {
  /**
   * Imports a gateway by id, creating nothing. Give `amazonSideAsn` to keep the check that customer
   * ASNs differ from it, and `provider` for the connections and routes added to it later.
   */
  public static fromVpnGatewayId(
    scope: Construct,
    id: string,
    vpnGatewayId: string,
    amazonSideAsn?: number,
    provider?: TerraformProvider,
  ): VpnGatewayBase {
    return new ImportedVpnGateway(scope, id, vpnGatewayId, amazonSideAsn, provider);
  }

  public readonly vpnGatewayId: string;
  public readonly amazonSideAsn: number;
  /** The gateway's ARN (a token). */
  public readonly vpnGatewayArn: string;
  /** The VPC the gateway is attached to. */
  public readonly vpc: IVpc;
  /** The underlying provider resource (escape hatch). */
  public readonly resource: CfnVpnGateway;

  constructor(scope: Construct, id: string, props: VpnGatewayProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { aws: props.provider });
    const amazonSideAsn = props.amazonSideAsn ?? 64512;
    const allowDestroy = props.allowDestroy ?? false;
    throwFirst(checkAmazonSideAsn(amazonSideAsn));
    this.resource = new CfnVpnGateway(this, "Resource", {
      vpcId: props.vpc.vpcId,
      amazonSideAsn: String(amazonSideAsn),
      availabilityZone: props.availabilityZone,
      lifecycle: { preventDestroy: !allowDestroy },
    });
    this.vpnGatewayId = this.resource.id;
    this.vpnGatewayArn = this.resource.arn;
    this.amazonSideAsn = amazonSideAsn;
    this.vpc = props.vpc;
  }
}
