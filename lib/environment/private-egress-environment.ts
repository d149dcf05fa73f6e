/**
 * One tenant's private-egress environment, composed from the building blocks: the dedicated network
 * segment, the site-to-site VPN, the Cloud Foundry isolation segment with the tenant's spaces, the
 * private-egress ASG, egress tiers, user-provided services for private services, and the dedicated
 * cells' BOSH artifacts sized from the expected apps.
 *
 * It adds no validation the blocks lack; it checks only what the whole can see (other environments
 * and tenants, private services inside the routed CIDRs, ASG destinations equal to routed CIDRs).
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Annotations, Aspects, TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import {
  asgDestinationsDiffer,
  endpointIpShared,
  expectedAppsInvalid,
  privateCidrsEmpty,
  zoneOutsideRegion,
  missingAvailabilityZones,
  privateServiceInvalid,
  privateServiceNameTaken,
  privateServiceOutsideCidrs,
  tenantInvalid,
} from "../core/errors-environment";
import { withPropPath } from "../core/errors";
import { cellsDoNotFit } from "../core/errors-environment";
import { checkCellCapacity, usableAddresses } from "../aws/network-validation";
import {
  DEFAULT_CELL_SUBNET_PREFIX,
  MAX_CELL_SUBNET_PREFIX,
  MIN_CELL_SUBNET_PREFIX,
} from "../aws/segment-plan";
import { cidrContains, cidrContainsIp, cidrsOverlap, isIpv4, parseCidr } from "../core/ip";
import { CustomerGateway } from "../aws/customer-gateway";
import { VpnCryptoProfile } from "../aws/crypto-profile";
import { ControlPlanePeer, DedicatedSegment, IInternetGateway } from "../aws/dedicated-segment";
import { IVpc } from "../aws/interfaces";
import { ITopicRef, TunnelAlarms } from "../aws/tunnel-alarms";
import { VpnConnection, VpnTunnelOptions } from "../aws/vpn-connection";
import { VpnGateway, VpnGatewayBase } from "../aws/vpn-gateway";
import {
  ITransitGateway,
  ITransitGatewayVpcAttachment,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  TransitGatewayVpcAttachment,
} from "../aws/transit-gateway";
import {
  attachmentOfOtherVpc,
  gatewayChoice,
  needsTransitGateway,
  notWithTransitGateway,
} from "../core/errors-transit";
import { CapacityOptions, CapacityPlan, planCapacity } from "../cloudfoundry/capacity";
import { DedicatedCells, DedicatedCellsOptions } from "../cloudfoundry/dedicated-cells";
import { IOrg } from "../cloudfoundry/interfaces";
import { IsolationSegment } from "../cloudfoundry/isolation-segment";
import { Org, Space } from "../cloudfoundry/org-space";
import { PrivateEgressAsg, PrivateService } from "../cloudfoundry/private-egress-asg";
import { EgressTier, EgressTierNames, SpaceEgress } from "../cloudfoundry/space-egress";
import { UserProvidedService } from "../cloudfoundry/user-provided-service";
import { CustomerDevice } from "../handoff/device-config";
import { PolicySuppressions } from "../checks/suppressions";
import { registerEnvironment, registeredEnvironments } from "./platform-registry";
import { bindProviders, markJsonInert } from "../core/providers";
import { guardStrings } from "../core/boundary";
import { checkEnvironmentProps, DeploymentEnvironment, ENVIRONMENT_STRINGS } from "./request-schema";
import { childId } from "../core/strings";

export { DeploymentEnvironment };

/** The tenant: its Cloud Foundry org and the spaces whose apps use private egress. */
export interface TenantOptions {
  /** The org's name, e.g. `agency-prod`. */
  readonly org: string;
  /**
   * GUID of the org, to reference it without a lookup.
   * @default - the org is looked up by name (`data.cloudfoundry_org`)
   */
  readonly orgGuid?: string;
  /** Names of the spaces that join the isolation segment and get the private-egress ASG. */
  readonly spaces: string[];
  /**
   * GUIDs of spaces that already exist, by space name: they are adopted into Terraform state with an
   * `import` block (provider 1.16 can only put a space it manages into a segment) and guarded with
   * `prevent_destroy`. Spaces not listed are created.
   * @default - every space is created
   */
  readonly existingSpaceGuids?: { [spaceName: string]: string };
  /**
   * The key each space's resources are addressed by, by space name. Terraform addresses a space by
   * its key, so renaming a space is an in-place rename as long as its key stays: to rename `batch`
   * to `batch-jobs`, list `batch-jobs` in `spaces` and map it here to `batch`.
   * @default - each space's key is its name
   */
  readonly spaceKeys?: { [spaceName: string]: string };
}

/** The tenant's VPN endpoint. */
export interface CustomerEndpointOptions {
  /** The endpoint's public IPv4 address. */
  readonly ip: string;
  /** The endpoint's type; decides the device configuration handed off. */
  readonly device: CustomerDevice;
  /**
   * The endpoint's BGP ASN. Given: the connection uses BGP (the customer advertises its prefixes);
   * not given: static routes to `privateCidrs`. Switching later replaces the VPN connection.
   * @default - static routing (and ASN 65000 on the customer gateway, which AWS requires)
   */
  readonly bgpAsn?: number;
  /**
   * Whether NAT sits in front of the endpoint (the firewall checklist then adds UDP 4500).
   * @default false
   */
  readonly behindNat?: boolean;
  /**
   * Tunnel 1's inside CIDR: a /30 in 169.254.0.0/16, unique on the gateway (checked against the
   * gateway's other connections). Changing it replaces the VPN connection.
   * @default - AWS picks an unused /30
   */
  readonly tunnel1InsideCidr?: string;
  /**
   * Tunnel 2's inside CIDR, as `tunnel1InsideCidr`.
   * @default - AWS picks an unused /30
   */
  readonly tunnel2InsideCidr?: string;
}

/** Where the platform's control plane is, for the cell security group. */
export interface ControlPlaneOptions {
  /** The BOSH director. @default - no rules */
  readonly boshDirector?: ControlPlanePeer[];
  /** The shared Cloud Foundry components. @default - no rules */
  readonly sharedComponents?: ControlPlanePeer[];
  /** The Diego BBS. @default - no rules */
  readonly diegoBbs?: ControlPlanePeer[];
}

/** Egress tiers bound to the tenant's spaces (cloud.gov's `trusted_local_networks_egress`, ...). */
export interface EgressTierOptions {
  /** Tiers for running apps. */
  readonly running: EgressTier[];
  /** Tiers for staging. */
  readonly staging: EgressTier[];
  /** The platform's ASG names for the tiers. @default - cloud.gov's names */
  readonly tierNames?: EgressTierNames;
}

/** Props of {@link PrivateEgressEnvironment}. */
export interface PrivateEgressEnvironmentProps {
  /** The tenant's org and spaces. */
  readonly tenant: TenantOptions;
  /** The tenant's VPN endpoint. */
  readonly customerEndpoint: CustomerEndpointOptions;
  /**
   * A second endpoint (a second device, ideally with BGP) with its own connection on the same
   * virtual private gateway, for high availability.
   * @default - one endpoint
   */
  readonly secondCustomerEndpoint?: CustomerEndpointOptions;
  /** The tenant's private CIDRs the apps reach through the VPN. */
  readonly privateCidrs: string[];
  /** About how many applications will use the segment; sizes the dedicated cells. */
  readonly expectedApps: number;
  /**
   * Which of the tenant's environments this is.
   * @default DeploymentEnvironment.PRODUCTION
   */
  readonly environment?: DeploymentEnvironment;
  /**
   * The crypto profile of both tunnels of every connection.
   * @default VpnCryptoProfile.strict()
   */
  readonly cryptoProfile?: VpnCryptoProfile;
  /**
   * Tunnel 2's crypto profile while a crypto change is rolled out one tunnel at a time: set
   * `cryptoProfile` to the new profile and this to the current one and apply (only tunnel 1
   * renegotiates; tunnel 2 keeps carrying traffic), update the customer's device for tunnel 1, then
   * remove this and apply again (tunnel 2 follows).
   * @default - tunnel 2 uses `cryptoProfile`
   */
  readonly tunnel2CryptoProfile?: VpnCryptoProfile;
  /**
   * Private services (`name` -> host:port): each becomes an ASG rule to exactly that host and port and
   * a user-provided service instance (credentials `host`, `port`) in each space.
   * @default - none
   */
  readonly privateServices?: PrivateService[];
  /**
   * Platform egress tiers to bind to the spaces, running and staging stated explicitly.
   * @default - none bound (the platform's defaults apply: closed egress)
   */
  readonly egressTiers?: EgressTierOptions;
  /**
   * Also bind the private-egress ASG for staging.
   * @default false
   */
  readonly bindPrivateEgressForStaging?: boolean;
  /**
   * An existing VPC to build the segment in (with `internetGateway`).
   * @default - a VPC is created from `vpcCidrBlock`
   */
  readonly vpc?: IVpc;
  /**
   * The existing VPC's internet gateway. Required with `vpc`.
   * @default - created with the VPC
   */
  readonly internetGateway?: IInternetGateway;
  /**
   * The block of the VPC to create, when `vpc` is not given.
   * @default "10.40.0.0/16"
   */
  readonly vpcCidrBlock?: string;
  /**
   * The block the segment's subnets are carved from.
   * @default - chosen by `DedicatedSegment` from the VPC
   */
  readonly segmentCidrBlock?: string;
  /**
   * Subnets already in the VPC: the segment is carved clear of them, and its network ACL denies
   * them both ways (other segments, other apps' subnets), except a subnet holding a control-plane
   * peer given by CIDR in `controlPlane`.
   * @default - none
   */
  readonly existingSubnetCidrs?: string[];
  /**
   * Other networks the segment's cells must never reach and that must never reach them (another
   * app's segments in the same VPC, a shared-services block): denied both ways in the network ACL,
   * ahead of every allow. Isolation from networks this app does not define holds only by this
   * declaration (or `existingSubnetCidrs`).
   * @default - none
   */
  readonly denyNetworks?: string[];
  /**
   * Other environments of the same tenant (by `environment` name) in the same VPC whose segments
   * may reach this one. Environments of one org in one VPC are otherwise isolated from each other
   * like different tenants (production never talks to staging by accident).
   * @default - none: isolated
   */
  readonly joinEnvironments?: string[];
  /**
   * Availability zone names for the cells, NAT gateways and egress IPs (at least 2).
   * @default - `<region>a` and `<region>b` of the stack's AWS provider
   */
  readonly availabilityZones?: string[];
  /**
   * An existing virtual private gateway to add the tenant's connection(s) to.
   * @default - a gateway is created on the VPC
   */
  readonly vpnGateway?: VpnGatewayBase;
  /**
   * A transit gateway to attach the tenant's VPN to, instead of a virtual private gateway (which AWS
   * caps at 10 connections). The environment then gets its own transit gateway route table,
   * associated with its VPN attachment and holding routes only to its dedicated cell subnets; its
   * segment's route tables send `privateCidrs` to the transit gateway; and a route per private CIDR
   * to the VPN attachment goes into the route table of the VPC's attachment.
   * @default - a virtual private gateway (`vpnGateway`, or one created)
   */
  readonly transitGateway?: ITransitGateway;
  /**
   * The VPC's existing attachment to `transitGateway` (a transit gateway takes one attachment per
   * VPC: when several tenants share the platform VPC, the platform owns it).
   * @default - the environment attaches its VPC on its dedicated cell subnets (one per zone) and
   * associates the attachment with its own route table
   */
  readonly transitGatewayVpcAttachment?: ITransitGatewayVpcAttachment;
  /**
   * Prefix length of each zone's cell subnet, 16 to 25 (smaller segments let many tenants share one VPC).
   * @default 22
   */
  readonly cellSubnetPrefix?: number;
  /**
   * The block of a VPC shared by several tenants that every tenant's `segmentCidrBlock` is carved
   * from (a platform gives it). The segment's network ACL allows its own block and denies this one,
   * one rule per direction, instead of one rule per other environment's subnet; joined environments
   * (`joinEnvironments`) and control-plane peers given by CIDR inside it are allowed ahead of that
   * deny. A control plane inside it given only by security group would be denied.
   * @default - none: each other environment's subnets in the VPC are denied one by one
   */
  readonly tenantSegmentsCidrBlock?: string;
  /**
   * The account's quota of rules per network ACL and direction ("Rules per network ACL",
   * L-2AEEBF1A: 20 by default, adjustable to at most 40); a segment ACL over it fails synthesis
   * (`PE-NET-029`).
   * @default 20
   */
  readonly networkAclRulesQuota?: number;
  /**
   * Where the platform's control plane is, for the cell security group.
   * @default - no control-plane rules
   */
  readonly controlPlane?: ControlPlaneOptions;
  /**
   * Whether the cells may reach 0.0.0.0/0 through the NAT gateways (staging, blobstore, the public
   * egress tier). Scanners flag it; it is a recorded decision of the caller.
   * @default false
   */
  readonly allowPublicEgressViaNat?: boolean;
  /**
   * Whether Terraform may destroy the gateways, the VPN connections, EIPs and NAT gateways, the
   * created spaces, the isolation segment, the log groups and the KMS keys (teardown).
   * @default false (`prevent_destroy` on each)
   */
  readonly allowDestroy?: boolean;
  /**
   * Where tunnel alarms notify.
   * @default - an encrypted SNS topic is created
   */
  readonly alarmTopic?: ITopicRef;
  /**
   * Capacity plan inputs besides the expected apps.
   * @default - `planCapacity` defaults
   */
  readonly capacity?: Omit<CapacityOptions, "expectedApps">;
  /**
   * The dedicated cells: above all `baseCell`, the operator's own Diego cell they are cloned from
   * (`bosh int ... --path /instance_groups/name=diego-cell`).
   * @default - none: synth fails and prints the command that extracts the base cell
   */
  readonly cells?: DedicatedCellsOptions;
  /**
   * The isolation segment's name (also the cells' placement tag).
   * @default - `stableId`
   */
  readonly isolationSegmentName?: string;
  /**
   * The stem of every name that Terraform cannot change in place: the isolation segment (the cells'
   * placement tag), the flow-log group, the cell security group, and the `Name` tags. Fix it once:
   * renaming the org or changing `environment` then renames nothing that would be replaced.
   * @default - `isolationSegmentName` if given, else `<org>-<environment>` lower-cased (the names
   * existing deployments have); pin it to that value before renaming the org or changing `environment`
   */
  readonly stableId?: string;
  /**
   * The AWS provider of every AWS resource the environment creates, e.g. an aliased `AwsProvider`
   * for another region or account (its region also gives the default availability zones).
   * @default - the stack's default AWS provider
   */
  readonly awsProvider?: TerraformProvider;
  /**
   * The Cloud Foundry provider of every Cloud Foundry resource and data source the environment
   * creates, e.g. an aliased `provider.CloudfoundryProvider` for another foundation.
   * @default - the stack's default Cloud Foundry provider
   */
  readonly cloudFoundryProvider?: TerraformProvider;
}

/**
 * Define a tenant's whole private-egress environment from its request.
 *
 * @example
 * new PrivateEgressEnvironment(stack, "Agency", {
 *   tenant: { org: "agency-prod", spaces: ["app", "batch"] },
 *   customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
 *   privateCidrs: ["192.168.100.0/24"],
 *   expectedApps: 40,
 * });
 */
export class PrivateEgressEnvironment extends Construct {
  /** The tenant's org name. */
  public readonly tenantOrg: string;
  /** Which environment of the tenant this is. */
  public readonly environment: DeploymentEnvironment;
  /** The customer endpoints, primary first. */
  public readonly customerEndpoints: CustomerEndpointOptions[];
  /** The private CIDRs routed through the VPN. */
  public readonly privateCidrs: string[];
  /** The private services. */
  public readonly privateServices: PrivateService[];
  /** The dedicated network segment. */
  public readonly network: DedicatedSegment;
  /** The virtual private gateway (created or given), unless the VPN is on a transit gateway. */
  public readonly vpnGateway?: VpnGatewayBase;
  /** The transit gateway, when the VPN is on one. */
  public readonly transitGateway?: ITransitGateway;
  /** The tenant's own transit gateway route table, when the VPN is on a transit gateway. */
  public readonly transitGatewayRouteTable?: TransitGatewayRouteTable;
  /** The VPC's transit gateway attachment (given or created), when the VPN is on a transit gateway. */
  public readonly transitGatewayVpcAttachment?: ITransitGatewayVpcAttachment;
  /** The VPN connections, primary first. */
  public readonly vpnConnections: VpnConnection[];
  /** The tunnel alarms, one set per connection. */
  public readonly tunnelAlarms: TunnelAlarms[];
  /** The tenant's org. */
  public readonly org: IOrg;
  /** The isolation segment. */
  public readonly isolationSegment: IsolationSegment;
  /** The tenant's spaces, in the order given. */
  public readonly spaces: Space[];
  /** The private-egress ASG. */
  public readonly privateEgressAsg: PrivateEgressAsg;
  /** The egress tier bindings, when asked for. */
  public readonly spaceEgress?: SpaceEgress;
  /** The dedicated cells' BOSH artifacts. */
  public readonly cells: DedicatedCells;
  /** The capacity plan the cells and subnets are sized from. */
  public readonly capacityPlan: CapacityPlan;

  constructor(scope: Construct, id: string, props: PrivateEgressEnvironmentProps) {
    super(scope, id);
    checkEnvironmentProps(props);
    props = guardStrings(props, ENVIRONMENT_STRINGS);
    bindProviders(
      this,
      { aws: props.awsProvider, cloudfoundry: props.cloudFoundryProvider },
      { aws: "awsProvider", cloudfoundry: "cloudFoundryProvider" },
    );
    const environment = props.environment ?? DeploymentEnvironment.PRODUCTION;
    const privateServices = props.privateServices ?? [];
    const allowDestroy = props.allowDestroy ?? false;
    const allowPublicEgressViaNat = props.allowPublicEgressViaNat ?? false;
    const cryptoProfile = props.cryptoProfile ?? VpnCryptoProfile.strict();
    const availabilityZones = props.availabilityZones ?? defaultZones(this, props.awsProvider);
    const stableId =
      props.stableId ?? props.isolationSegmentName ?? defaultSegmentName(props.tenant.org, environment);
    const segmentName = props.isolationSegmentName ?? stableId;
    const endpoints = [
      props.customerEndpoint,
      ...(props.secondCustomerEndpoint ? [props.secondCustomerEndpoint] : []),
    ];

    checkTenant(props.tenant);
    if (props.privateCidrs.length === 0) throw privateCidrsEmpty("privateCidrs");
    if (props.availabilityZones !== undefined) checkZonesInRegion(this, props.availabilityZones);
    const second = props.secondCustomerEndpoint;
    if (second !== undefined && second.ip === props.customerEndpoint.ip && !Token.isUnresolved(second.ip)) {
      throw endpointIpShared("secondCustomerEndpoint.ip", second.ip, "customerEndpoint.ip");
    }
    if (!Number.isInteger(props.expectedApps) || props.expectedApps < 1 || props.expectedApps > 10000) {
      throw expectedAppsInvalid("expectedApps", props.expectedApps);
    }
    checkPrivateServices(privateServices, props.privateCidrs);
    const tgw = props.transitGateway;
    if (tgw && props.vpnGateway) throw gatewayChoice("vpnGateway", "both");
    if (!tgw && props.transitGatewayVpcAttachment) {
      throw needsTransitGateway(
        "transitGatewayVpcAttachment",
        props.transitGatewayVpcAttachment.transitGatewayAttachmentId,
      );
    }
    if (tgw && props.secondCustomerEndpoint) {
      throw notWithTransitGateway(
        "secondCustomerEndpoint",
        props.secondCustomerEndpoint.ip,
        "a transit gateway route table holds one static route per prefix, so a second connection would carry no traffic; each connection already has two tunnels in different zones (use BGP on one endpoint, or a virtual private gateway for two endpoints)",
      );
    }

    this.tenantOrg = props.tenant.org;
    this.environment = environment;
    this.customerEndpoints = endpoints;
    this.privateCidrs = [...props.privateCidrs];
    this.privateServices = [...privateServices];
    this.capacityPlan = withPropPath(
      (p) => (p === "expectedApps" || p === "availabilityZones" ? undefined : `capacity.${p}`),
      () => planCapacity({ ...props.capacity, expectedApps: props.expectedApps, availabilityZones }),
    );

    // the cells must fit their subnets: said in the environment's words (apps, not cells)
    const cellSubnetPrefix = props.cellSubnetPrefix ?? DEFAULT_CELL_SUBNET_PREFIX;
    if (
      Number.isInteger(cellSubnetPrefix) &&
      cellSubnetPrefix >= MIN_CELL_SUBNET_PREFIX &&
      cellSubnetPrefix <= MAX_CELL_SUBNET_PREFIX &&
      checkCellCapacity(this.capacityPlan.cells, {
        cellSubnetPrefix,
        availabilityZoneCount: availabilityZones.length,
      }).length > 0
    ) {
      const perZone = Math.ceil(this.capacityPlan.cells / availabilityZones.length);
      let fitting: number | undefined;
      for (let p = cellSubnetPrefix - 1; p >= MIN_CELL_SUBNET_PREFIX && fitting === undefined; p--) {
        if (usableAddresses(p) >= perZone) fitting = p;
      }
      throw cellsDoNotFit(
        props.expectedApps,
        this.capacityPlan.cells,
        availabilityZones.length,
        cellSubnetPrefix,
        usableAddresses(cellSubnetPrefix),
        fitting,
      );
    }

    // AWS: network segment, gateway, connections, routes, alarms
    const segmentProp = (p: string) =>
      p === "name" && props.isolationSegmentName !== undefined ? "isolationSegmentName" : undefined;
    const stableIdProp = (p: string) =>
      p === "name" && props.stableId !== undefined ? "stableId" : segmentProp(p);
    this.network = withPropPath(
      stableIdProp,
      () =>
        new DedicatedSegment(this, "Network", {
          availabilityZones,
          vpc: props.vpc,
          internetGateway: props.internetGateway,
          vpcCidrBlock: props.vpc ? undefined : (props.vpcCidrBlock ?? "10.40.0.0/16"),
          segmentCidrBlock: props.segmentCidrBlock,
          tenantSegmentsCidrBlock: props.tenantSegmentsCidrBlock,
          networkAclRulesQuota: props.networkAclRulesQuota,
          cellSubnetPrefix: props.cellSubnetPrefix,
          existingSubnetCidrs: props.existingSubnetCidrs,
          expectedCells: this.capacityPlan.cells,
          boshDirectorPeers: props.controlPlane?.boshDirector,
          sharedComponentPeers: props.controlPlane?.sharedComponents,
          diegoBbsPeers: props.controlPlane?.diegoBbs,
          allowPublicEgressViaNat,
          allowDestroy,
          name: stableId,
        }),
    );
    // `allowPublicEgressViaNat` is the caller's acknowledgement of the rule it makes: record it where
    // scanners and the pack look, on that rule (not on every resource of the segment)
    const publicEgressRule = this.network.publicEgressRule;
    if (publicEgressRule) {
      PolicySuppressions.addResourceSuppressions(publicEgressRule, [
        {
          id: "PE-AWS-SG-004",
          reason:
            "allowPublicEgressViaNat: the cells reach 0.0.0.0/0 only through the segment's NAT gateways, for staging, the blobstore and the public egress tier",
        },
      ]);
    }
    this.transitGateway = tgw;
    const givenAttachment = props.transitGatewayVpcAttachment;
    if (givenAttachment && givenAttachment.vpc.vpcId !== this.network.vpc.vpcId) {
      throw attachmentOfOtherVpc("transitGatewayVpcAttachment", givenAttachment.vpc.vpcId);
    }
    if (tgw) {
      // the tenant's routing domain on the transit gateway
      this.transitGatewayRouteTable = new TransitGatewayRouteTable(this, "TransitGatewayRouteTable", {
        transitGateway: tgw,
        tags: { Name: segmentName },
      });
      this.transitGatewayVpcAttachment =
        props.transitGatewayVpcAttachment ??
        new TransitGatewayVpcAttachment(this, "TransitGatewayVpcAttachment", {
          transitGateway: tgw,
          vpc: this.network.vpc,
          subnets: this.network.subnets.map((s) => ({
            availabilityZone: s.availabilityZone,
            subnetId: s.subnetId,
          })),
          routeTable: this.transitGatewayRouteTable,
          tags: { Name: segmentName },
        });
    } else {
      this.vpnGateway =
        props.vpnGateway ?? new VpnGateway(this, "VpnGateway", { vpc: this.network.vpc, allowDestroy });
    }
    const connectionIds = ["Vpn", "SecondVpn"];
    this.vpnConnections = endpoints.map((endpoint, i) => {
      const prefix = connectionIds[i];
      const endpointProp = i === 0 ? "customerEndpoint" : "secondCustomerEndpoint";
      // errors of the blocks name this construct's props: customerEndpoint.ip, privateCidrs[0], ...
      const rename = (p: string): string | undefined => {
        const m = /^(customerGateway\.)?(ipAddress|bgpAsn|deviceName)$/.exec(p);
        if (m) return `${endpointProp}.${{ ipAddress: "ip", bgpAsn: "bgpAsn", deviceName: "device" }[m[2]]}`;
        const r = /^staticRoutes(\[\d+\])?(.*)$/.exec(p);
        if (r) return `privateCidrs${r[1] ?? ""}${r[2]}`;
        const t = /^(tunnel[12])\.insideCidr$/.exec(p);
        if (t) return `${endpointProp}.${t[1]}InsideCidr`;
        return undefined;
      };
      return withPropPath(rename, () => {
        const customerGateway = new CustomerGateway(this, childId(`${prefix}CustomerGateway`), {
          ipAddress: endpoint.ip,
          // AWS's default customer ASN, unless the gateway has it on the Amazon side (then the next one)
          bgpAsn: endpoint.bgpAsn ?? (this.vpnGateway?.amazonSideAsn === 65000 ? 65001 : undefined),
          deviceName: endpoint.device,
          allowDestroy,
        });
        // a staged crypto change: tunnel 2 keeps its profile's options until the next apply
        const tunnel2Crypto = props.tunnel2CryptoProfile
          ? (props.tunnel2CryptoProfile.options as unknown as VpnTunnelOptions)
          : {};
        return new VpnConnection(this, childId(`${prefix}Connection`), {
          vpnGateway: this.vpnGateway,
          transitGateway: tgw,
          transitGatewayRouteTable: this.transitGatewayRouteTable,
          customerGateway,
          staticRoutes: endpoint.bgpAsn === undefined ? this.privateCidrs : undefined,
          cryptoProfile,
          allowDestroy,
          tunnel1:
            endpoint.tunnel1InsideCidr === undefined ? undefined : { insideCidr: endpoint.tunnel1InsideCidr },
          tunnel2:
            endpoint.tunnel2InsideCidr === undefined && !props.tunnel2CryptoProfile
              ? undefined
              : { ...tunnel2Crypto, insideCidr: endpoint.tunnel2InsideCidr },
        });
      });
    });
    // isolation by declaration: what the caller says is in the VPC is denied, both ways
    const peerCidrs = [
      ...(props.controlPlane?.boshDirector ?? []),
      ...(props.controlPlane?.sharedComponents ?? []),
      ...(props.controlPlane?.diegoBbs ?? []),
    ].flatMap((p) => (p.cidrBlock ? [parseCidr(p.cidrBlock)] : []));
    // a joined environment of the same tenant (registered before this one) stays reachable
    const joined = registeredEnvironments(this)
      .filter(
        (r) =>
          r.tenantOrg === props.tenant.org &&
          r.vpcKey === this.network.vpc.vpcId &&
          ((props.joinEnvironments ?? []).includes(r.environmentName) ||
            (r.joins ?? []).includes(environment)),
      )
      .flatMap((r) => r.segmentCidrs);
    const tenantSegments = props.tenantSegmentsCidrBlock
      ? parseCidr(props.tenantSegmentsCidrBlock)
      : undefined;
    (props.existingSubnetCidrs ?? []).forEach((cidr, i) => {
      const block = parseCidr(cidr);
      if (block && peerCidrs.some((p) => p && cidrsOverlap(p, block))) return;
      if (joined.includes(cidr)) return;
      // inside the tenant segments' block it is denied already, by that block's one rule
      if (block && tenantSegments && cidrContains(tenantSegments, block)) return;
      withPropPath(
        (p) => (p === "cidr" ? `existingSubnetCidrs[${i}]` : undefined),
        () => this.denyOnce(cidr),
      );
    });
    (props.denyNetworks ?? []).forEach((cidr, i) =>
      withPropPath(
        (p) => (p === "cidr" ? `denyNetworks[${i}]` : undefined),
        () => this.network.addDeniedCidr(cidr),
      ),
    );
    if (props.vpc && !props.existingSubnetCidrs?.length && !props.denyNetworks?.length) {
      // neighbours this app registers are known at synth; others only by declaration
      Aspects.of(this).add(
        markJsonInert({
          visit: (node) => {
            if (node !== this) return;
            const neighbours = registeredEnvironments(this).filter(
              (r) => r.path !== this.node.path && r.vpcKey === this.network.vpc.vpcId,
            );
            if (neighbours.length === 0) {
              Annotations.of(this).addWarning(
                `${this.node.path} builds its segment in an existing VPC but declares no neighbours (existingSubnetCidrs, denyNetworks) and no other environment of this app shares the VPC: isolation from other segments in that VPC is not guaranteed`,
              );
            }
          },
        }),
      );
    }
    const attachment = this.transitGatewayVpcAttachment;
    this.privateCidrs.forEach((cidr, i) =>
      withPropPath(
        (p) => (p === "cidr" || p === "destinationCidrBlock" ? `privateCidrs[${i}]` : undefined),
        () => {
          if (!attachment) return this.network.addPrivateRoute(cidr, this.vpnGateway as VpnGatewayBase);
          this.network.addPrivateRouteToTransitGateway(cidr, attachment);
          // traffic from the VPC is routed by the attachment's table: the tenant's prefix to its VPN
          new TransitGatewayRoute(
            this,
            childId(`TransitGatewayReturnRoute-${cidr.replace(/[^0-9]/g, "-")}`),
            {
              routeTable: attachment.routeTable,
              destinationCidrBlock: cidr,
              attachment: this.vpnConnections[0],
            },
          );
        },
      ),
    );
    if (this.transitGatewayRouteTable && attachment) {
      // the tenant's VPN reaches its own cell subnets, nothing else
      for (const subnet of this.network.subnets) {
        this.transitGatewayRouteTable.addRoute(subnet.cidrBlock, attachment);
      }
    }
    let topic = props.alarmTopic;
    this.tunnelAlarms = this.vpnConnections.map((vpnConnection, i) => {
      const alarms = new TunnelAlarms(this, childId(`${connectionIds[i]}Alarms`), {
        vpnConnection,
        topic,
        allowDestroy,
      });
      topic ??= { topicArn: alarms.topicArn };
      return alarms;
    });

    // Cloud Foundry: org, segment, spaces, ASGs, services, tiers, cells
    this.org = props.tenant.orgGuid
      ? Org.fromOrgId(this, "Org", props.tenant.orgGuid)
      : Org.fromOrgName(this, "Org", props.tenant.org);
    this.isolationSegment = withPropPath(
      segmentProp,
      () =>
        new IsolationSegment(this, "IsolationSegment", {
          name: segmentName,
          orgs: [this.org],
          preventDestroy: !allowDestroy,
        }),
    );
    // spaces are addressed by their key (default: the name), so a rename keeps the address
    const spaceKey = (name: string) => props.tenant.spaceKeys?.[name] ?? name;
    this.spaces = props.tenant.spaces.map((name) => {
      const importFrom = props.tenant.existingSpaceGuids?.[name];
      return new Space(this, childId(`Space-${spaceKey(name)}`), {
        org: this.org,
        name,
        isolationSegment: this.isolationSegment,
        importFrom,
        preventDestroy: importFrom !== undefined || !allowDestroy,
      });
    });
    this.privateEgressAsg = new PrivateEgressAsg(this, "PrivateEgressAsg", {
      name: `${segmentName}-private-egress`,
      privateCidrs: this.privateCidrs,
      privateServices,
      spaces: this.spaces,
      bindStaging: props.bindPrivateEgressForStaging ?? false,
    });
    for (const space of this.spaces) {
      for (const service of privateServices) {
        UserProvidedService.forPrivateService(
          this,
          childId(`Service-${spaceKey(space.spaceName)}-${service.name}`),
          space,
          service,
        );
      }
    }
    if (props.egressTiers) {
      this.spaceEgress = new SpaceEgress(this, "SpaceEgress", {
        spaces: this.spaces,
        running: props.egressTiers.running,
        staging: props.egressTiers.staging,
        tierNames: props.egressTiers.tierNames,
      });
    }
    this.cells = withPropPath(
      (p) =>
        p === "cellSecurityGroup"
          ? "controlPlane"
          : /^(segment|subnets|capacity)\b/.test(p)
            ? undefined
            : `cells.${p}`,
      () =>
        new DedicatedCells(this, "Cells", {
          ...props.cells,
          segment: this.isolationSegment,
          subnets: this.network.subnets,
          cellSecurityGroup: this.network.cellSecurityGroup,
          capacity: { ...props.capacity, expectedApps: props.expectedApps },
        }),
    );

    // What only the whole can see
    checkAsgMatchesRoutes(this.privateEgressAsg.destinations, this.network.routedCidrs, privateServices);
    registerEnvironment(this, {
      path: this.node.path,
      tenantOrg: props.tenant.org,
      environmentName: environment,
      privateCidrs: this.privateCidrs,
      segmentCidrs: [...this.network.subnetCidrs, ...this.network.natSubnetCidrs],
      // the VPC id (a token for a created VPC): an environment built in another's `network.vpc` shares the key
      vpcKey: this.network.vpc.vpcId,
      joins: [...(props.joinEnvironments ?? [])],
      tenantSegmentsCidrBlock: props.tenantSegmentsCidrBlock,
      // its own transit gateway route table routes only to its own cell subnets
      confinedByTransitGateway: tgw !== undefined,
      denyCidr: (cidr) => this.denyOnce(cidr),
      admitCidr: (cidr) => this.network.addAdmittedCidr(cidr),
    });
  }

  /** Denies a network in the segment's ACL unless it already is. */
  private denyOnce(cidr: string): void {
    if (!this.network.deniedNetworks.includes(cidr)) this.network.addDeniedCidr(cidr);
  }
}

function defaultSegmentName(org: string, environment: string): string {
  const name = `${org}-${environment}`
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
  return name.slice(0, 63).replace(/[-_]+$/, "");
}

function defaultZones(scope: Construct, given: TerraformProvider | undefined): string[] {
  const stack = TerraformStack.of(scope);
  const provider =
    given instanceof AwsProvider
      ? given
      : stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider && c.alias === undefined);
  const region = provider?.region;
  if (!region || Token.isUnresolved(region)) throw missingAvailabilityZones("availabilityZones");
  return [`${region}a`, `${region}b`];
}

/** Zones must belong to the region of the stack's AWS provider, when that region is a literal. */
function checkZonesInRegion(scope: Construct, zones: string[]): void {
  const provider = TerraformStack.of(scope)
    .node.findAll()
    .find((c): c is AwsProvider => c instanceof AwsProvider);
  const region = provider?.region;
  if (!region || Token.isUnresolved(region)) return;
  zones.forEach((zone, i) => {
    if (Token.isUnresolved(zone)) return;
    // a zone name is its region plus one letter (us-gov-west-1a); local zones add a suffix (us-west-2-lax-1a)
    if (!zone.startsWith(region)) throw zoneOutsideRegion(`availabilityZones[${i}]`, zone, region);
  });
}

function checkTenant(tenant: TenantOptions): void {
  if (typeof tenant.org !== "string" || tenant.org.trim() === "" || tenant.org !== tenant.org.trim()) {
    throw tenantInvalid("tenant.org", tenant.org, "give the org's name, without surrounding spaces");
  }
  if (!Array.isArray(tenant.spaces) || tenant.spaces.length === 0) {
    throw tenantInvalid("tenant.spaces", tenant.spaces, "name at least one space");
  }
  const seen = new Set<string>();
  tenant.spaces.forEach((name, i) => {
    if (seen.has(name)) throw tenantInvalid(`tenant.spaces[${i}]`, name, "name each space once");
    seen.add(name);
  });
  const keys = new Map<string, string>();
  tenant.spaces.forEach((name, i) => {
    const key = tenant.spaceKeys?.[name] ?? name;
    const holder = keys.get(key);
    if (holder !== undefined) {
      throw tenantInvalid(
        `tenant.spaces[${i}]`,
        name,
        `has the key ${key} that space ${holder} has; give each space its own key`,
      );
    }
    keys.set(key, name);
  });
  for (const name of Object.keys(tenant.spaceKeys ?? {})) {
    if (!seen.has(name)) {
      throw tenantInvalid(
        `tenant.spaceKeys.${name}`,
        name,
        `name one of tenant.spaces (${tenant.spaces.join(", ")})`,
      );
    }
  }
  for (const name of Object.keys(tenant.existingSpaceGuids ?? {})) {
    if (!seen.has(name)) {
      throw tenantInvalid(
        `tenant.existingSpaceGuids.${name}`,
        name,
        `name one of tenant.spaces (${tenant.spaces.join(", ")})`,
      );
    }
  }
}

function checkPrivateServices(services: PrivateService[], privateCidrs: string[]): void {
  const names = new Set<string>();
  services.forEach((service, i) => {
    const prop = `privateServices[${i}]`;
    if (names.has(service.name)) throw privateServiceNameTaken(`${prop}.name`, service.name);
    names.add(service.name);
    if (!isIpv4(service.host)) {
      throw privateServiceInvalid(
        `${prop}.host`,
        service.host,
        "give the host's IPv4 address (ASGs take addresses, not names)",
      );
    }
    const inside = privateCidrs.some((c) => {
      const cidr = parseCidr(c);
      return cidr !== undefined && cidrContainsIp(cidr, service.host);
    });
    if (!inside) throw privateServiceOutsideCidrs(`${prop}.host`, service.host, privateCidrs);
  });
}

function checkAsgMatchesRoutes(destinations: string[], routed: string[], services: PrivateService[]): void {
  const expected = [...routed, ...services.map((s) => s.host)];
  const a = [...new Set(destinations)].sort();
  const b = [...new Set(expected)].sort();
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
    throw asgDestinationsDiffer("privateCidrs", a, b);
  }
}
