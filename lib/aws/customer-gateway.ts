/**
 * The customer's VPN endpoint as AWS sees it: `aws_customer_gateway`.
 */
import { CustomerGateway as CfnCustomerGateway } from "@cdktf/provider-aws/lib/customer-gateway";
import { Construct } from "constructs";
import { checkCustomerGateway, MAX_TWO_BYTE_FIELD_ASN, throwFirst } from "./vpn-validation";
import { bindProviders } from "../core/providers";
import { AwsProviderOptions } from "./interfaces";
import { ID, guardStrings, stringSpec } from "../core/boundary";

/** A customer gateway, created by this library or imported. */
export interface ICustomerGateway {
  /** The customer gateway id (`cgw-...`, or a token). */
  readonly customerGatewayId: string;
  /** The customer side's BGP ASN, when known (used to check it differs from the Amazon side). */
  readonly bgpAsn?: number;
  /** The customer endpoint's public IPv4 address, when known. */
  readonly ipAddress?: string;
}

/** Attributes of an existing customer gateway. */
export interface CustomerGatewayAttributes {
  /** The customer gateway id. */
  readonly customerGatewayId: string;
  /** Its BGP ASN. @default - unknown: the ASN check against the Amazon side is skipped */
  readonly bgpAsn?: number;
  /** Its public IPv4 address. @default - unknown */
  readonly ipAddress?: string;
}

/** Props of {@link CustomerGateway}. */
export interface CustomerGatewayProps extends AwsProviderOptions {
  /** The public IPv4 address of the customer's VPN endpoint (public unicast only). */
  readonly ipAddress: string;
  /**
   * The customer side's BGP ASN, 1-4294967294 (up to 2147483647 goes to `bgp_asn`, above to
   * `bgp_asn_extended`). Must differ from the gateway's Amazon-side ASN.
   * @default 65000
   */
  readonly bgpAsn?: number;
  /** The device's name, e.g. `openswan`, for the AWS console and the configuration download. @default - none */
  readonly deviceName?: string;
  /**
   * ARN of a private ACM certificate the device authenticates with, instead of a pre-shared key.
   * @default - pre-shared key authentication
   */
  readonly certificateArn?: string;
  /**
   * Allow `terraform destroy` (and replacement) of the gateway. Off by default: the gateway carries
   * `prevent_destroy`; set true for teardown.
   * @default false
   */
  readonly allowDestroy?: boolean;
}

const ATTRIBUTE_STRINGS = stringSpec("CustomerGatewayAttributes", { customerGatewayId: ID, ipAddress: ID });
const STRINGS = stringSpec("CustomerGatewayProps", { ipAddress: ID, deviceName: ID, certificateArn: ID });

class ImportedCustomerGateway extends Construct implements ICustomerGateway {
  public readonly customerGatewayId: string;
  public readonly bgpAsn?: number;
  public readonly ipAddress?: string;

  constructor(scope: Construct, id: string, attrs: CustomerGatewayAttributes) {
    super(scope, id);
    attrs = guardStrings(attrs, ATTRIBUTE_STRINGS);
    throwFirst(checkCustomerGateway({ ipAddress: attrs.ipAddress, bgpAsn: attrs.bgpAsn }));
    this.customerGatewayId = attrs.customerGatewayId;
    this.bgpAsn = attrs.bgpAsn;
    this.ipAddress = attrs.ipAddress;
  }
}

/**
 * Define the customer's VPN endpoint (`aws_customer_gateway`, type `ipsec.1`). It carries
 * `create_before_destroy`, so a replacement does not fail while a connection uses it, and
 * `prevent_destroy` unless `allowDestroy` is set.
 *
 * @example
 * const cgw = new CustomerGateway(stack, "CustomerGateway", { ipAddress: "18.188.145.101", deviceName: "openswan" });
 */
export class CustomerGateway extends Construct implements ICustomerGateway {
  /** Imports a customer gateway by id, creating nothing. */
  public static fromCustomerGatewayId(
    scope: Construct,
    id: string,
    customerGatewayId: string,
  ): ICustomerGateway {
    return new ImportedCustomerGateway(scope, id, { customerGatewayId });
  }

  /** Imports a customer gateway with its known attributes, creating nothing. */
  public static fromCustomerGatewayAttributes(
    scope: Construct,
    id: string,
    attrs: CustomerGatewayAttributes,
  ): ICustomerGateway {
    return new ImportedCustomerGateway(scope, id, attrs);
  }

  public readonly customerGatewayId: string;
  public readonly bgpAsn: number;
  public readonly ipAddress: string;
  /** The customer gateway's ARN (a token). */
  public readonly customerGatewayArn: string;
  /** The underlying provider resource (escape hatch). */
  public readonly resource: CfnCustomerGateway;

  constructor(scope: Construct, id: string, props: CustomerGatewayProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { aws: props.provider });
    const bgpAsn = props.bgpAsn ?? 65000;
    const allowDestroy = props.allowDestroy ?? false;
    throwFirst(
      checkCustomerGateway({
        ipAddress: props.ipAddress,
        bgpAsn,
        deviceName: props.deviceName,
        certificateArn: props.certificateArn,
      }),
    );
    const extended = bgpAsn > MAX_TWO_BYTE_FIELD_ASN;
    this.resource = new CfnCustomerGateway(this, "Resource", {
      type: "ipsec.1",
      ipAddress: props.ipAddress,
      bgpAsn: extended ? undefined : String(bgpAsn),
      bgpAsnExtended: extended ? String(bgpAsn) : undefined,
      deviceName: props.deviceName,
      certificateArn: props.certificateArn,
      // device_name is a label (the console, the configuration download) that AWS cannot change in
      // place: a new device must not replace the gateway and drop the tenant's tunnels
      lifecycle: { createBeforeDestroy: true, preventDestroy: !allowDestroy, ignoreChanges: ["device_name"] },
    });
    this.customerGatewayId = this.resource.id;
    this.customerGatewayArn = this.resource.arn;
    this.bgpAsn = bgpAsn;
    this.ipAddress = props.ipAddress;
  }
}
