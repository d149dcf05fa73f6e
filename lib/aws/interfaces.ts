/**
 * The interfaces through which the AWS network constructs reference each other. Anything a user may
 * already own is importable through these, creating nothing.
 */
import { TerraformProvider } from "cdktf";

/** The provider option of every construct that creates AWS resources. */
export interface AwsProviderOptions {
  /**
   * The AWS provider of every resource and data source this construct creates, e.g. an aliased
   * `AwsProvider` for another region or account.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

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
  /** The route table id (`rtb-...`, or a token). */
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

/**
 * The tunnel options a VPN connection actually configures for one tunnel, after the crypto profile
 * and overrides are applied: plain values in AWS's spelling (`AES256`, `SHA2-256`, `ikev2`), the
 * same values that land in `tunnelN_*` of `aws_vpn_connection`. The hand-off renders device
 * configurations from these, so they cannot disagree with the tunnels.
 */
export interface EffectiveTunnelOptions {
  /** `ikev1` and/or `ikev2`. */
  readonly ikeVersions: string[];
  /** Phase 1 (IKE SA) encryption algorithms offered. */
  readonly phase1EncryptionAlgorithms: string[];
  /** Phase 2 (IPsec SA) encryption algorithms offered. */
  readonly phase2EncryptionAlgorithms: string[];
  /** Phase 1 (IKE SA) integrity algorithms offered. */
  readonly phase1IntegrityAlgorithms: string[];
  /** Phase 2 (IPsec SA) integrity algorithms offered. */
  readonly phase2IntegrityAlgorithms: string[];
  /** Phase 1 Diffie-Hellman group numbers offered. */
  readonly phase1DhGroupNumbers: number[];
  /** Phase 2 Diffie-Hellman (perfect forward secrecy) group numbers offered. */
  readonly phase2DhGroupNumbers: number[];
  /** Phase 1 lifetime in seconds (900-28800). */
  readonly phase1LifetimeSeconds: number;
  /** Phase 2 lifetime in seconds (900-3600), below the phase 1 lifetime. */
  readonly phase2LifetimeSeconds: number;
  /** Seconds before the phase 2 lifetime ends when AWS rekeys (60 to half the phase 2 lifetime). */
  readonly rekeyMarginTimeSeconds: number;
  /** Percentage of the rekey margin within which the rekey time is chosen at random (1-100). */
  readonly rekeyFuzzPercentage: number;
  /** Packets in the IKE replay window (64-2048). */
  readonly replayWindowSize: number;
  /** Seconds without dead peer detection replies before the timeout action (30 or more). */
  readonly dpdTimeoutSeconds: number;
  /** `clear`, `none` or `restart`. */
  readonly dpdTimeoutAction: string;
  /** `add` (the customer initiates) or `start` (AWS initiates). */
  readonly startupAction: string;
}

/** The addresses of one tunnel: tokens resolved at apply, except an inside CIDR given as a literal. */
export interface TunnelEndpoints {
  /** AWS's outside (public) IP of the tunnel: the customer's IPsec peer. */
  readonly outsideAddress: string;
  /** The tunnel's inside /30 in 169.254.0.0/16. */
  readonly insideCidr: string;
  /** AWS's (virtual private gateway's) inside address. */
  readonly vgwInsideAddress: string;
  /** The customer gateway's inside address. */
  readonly cgwInsideAddress: string;
}

/**
 * The security group the dedicated cells' cloud-config subnets carry, and which control-plane roles
 * it has rules for (`DedicatedSegment.cellSecurityGroup`, or a group the operator manages).
 */
export interface ICellSecurityGroup {
  /** The group id (`sg-...`, or a token). */
  readonly securityGroupId: string;
  /** The roles (`ControlPlaneRole` values) with at least one peer's rules on the group. */
  readonly controlPlaneRoles: string[];
}
