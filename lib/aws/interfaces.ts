/**
 * The interfaces through which the AWS network constructs reference each other. Anything a user may
 * already own is importable through these, creating nothing.
 */

/** A VPC, created by this library or imported. */
export interface IVpc {
  /** The VPC id (a token when created in the same stack). */
  readonly vpcId: string;
  /** The VPC's primary IPv4 CIDR block; must be a literal for the library's overlap checks. */
  readonly vpcCidrBlock: string;
}

/** A virtual private gateway, created by this library or imported. */
export interface IVpnGateway {
  /** The gateway id (`vgw-...`, or a token). */
  readonly vpnGatewayId: string;
}

/** A route table, created by this library or imported. */
export interface IRouteTable {
  readonly routeTableId: string;
}

/**
 * One dedicated subnet as a BOSH cloud-config network needs it. Ids are tokens until apply;
 * CIDR, gateway and reserved ranges are known at synth time.
 */
export interface DedicatedSubnetInfo {
  /** Availability zone name, e.g. `us-gov-west-1a`. */
  readonly availabilityZone: string;
  /** The subnet id (a token). */
  readonly subnetId: string;
  /** The subnet's CIDR block, e.g. `10.40.16.0/22`. */
  readonly cidrBlock: string;
  /** The subnet's router address (the first host address: AWS's VPC router). */
  readonly gateway: string;
  /** Ranges BOSH must not assign, e.g. `["10.40.16.0-10.40.16.3", "10.40.19.255"]` (AWS reserves the first four and the last address). */
  readonly reservedRanges: string[];
}
