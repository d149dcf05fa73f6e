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
import { TerraformStack, Token } from "cdktf";
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
import { cidrContainsIp, isIpv4, parseCidr } from "../core/ip";
import { CustomerGateway } from "../aws/customer-gateway";
import { VpnCryptoProfile } from "../aws/crypto-profile";
import { ControlPlanePeer, DedicatedSegment, IInternetGateway } from "../aws/dedicated-segment";
import { IVpc } from "../aws/interfaces";
import { ITopicRef, TunnelAlarms } from "../aws/tunnel-alarms";
import { VpnConnection } from "../aws/vpn-connection";
import { VpnGateway, VpnGatewayBase } from "../aws/vpn-gateway";
import { CapacityOptions, CapacityPlan, planCapacity } from "../cloudfoundry/capacity";
import { DedicatedCells } from "../cloudfoundry/dedicated-cells";
import { IOrg } from "../cloudfoundry/interfaces";
import { IsolationSegment } from "../cloudfoundry/isolation-segment";
import { Org, Space } from "../cloudfoundry/org-space";
import { PrivateEgressAsg, PrivateService } from "../cloudfoundry/private-egress-asg";
import { EgressTier, EgressTierNames, SpaceEgress } from "../cloudfoundry/space-egress";
import { UserProvidedService } from "../cloudfoundry/user-provided-service";
import { CustomerDevice } from "../handoff/device-config";
import { PolicySuppressions } from "../checks/suppressions";
import { registerEnvironment } from "./platform-registry";
import { guardStrings } from "../core/boundary";
import { checkEnvironmentProps, DeploymentEnvironment, ENVIRONMENT_STRINGS } from "./request-schema";

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
   * Subnets already in the VPC that the segment must avoid.
   * @default - none
   */
  readonly existingSubnetCidrs?: string[];
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
   * Whether Terraform may destroy the gateways, the VPN connections, EIPs and NAT gateways (teardown).
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
   * The isolation segment's name (also the cells' placement tag).
   * @default - `<org>-<environment>`, lower-cased, other characters as `-`
   */
  readonly isolationSegmentName?: string;
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
  /** The virtual private gateway (created or given). */
  public readonly vpnGateway: VpnGatewayBase;
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
    const environment = props.environment ?? DeploymentEnvironment.PRODUCTION;
    const privateServices = props.privateServices ?? [];
    const allowDestroy = props.allowDestroy ?? false;
    const allowPublicEgressViaNat = props.allowPublicEgressViaNat ?? false;
    const cryptoProfile = props.cryptoProfile ?? VpnCryptoProfile.strict();
    const availabilityZones = props.availabilityZones ?? defaultZones(this);
    const segmentName = props.isolationSegmentName ?? defaultSegmentName(props.tenant.org, environment);
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

    this.tenantOrg = props.tenant.org;
    this.environment = environment;
    this.customerEndpoints = endpoints;
    this.privateCidrs = [...props.privateCidrs];
    this.privateServices = [...privateServices];
    this.capacityPlan = withPropPath(
      (p) => (p === "expectedApps" || p === "availabilityZones" ? undefined : `capacity.${p}`),
      () => planCapacity({ ...props.capacity, expectedApps: props.expectedApps, availabilityZones }),
    );

    // AWS: network segment, gateway, connections, routes, alarms
    const segmentProp = (p: string) =>
      p === "name" && props.isolationSegmentName !== undefined ? "isolationSegmentName" : undefined;
    this.network = withPropPath(
      segmentProp,
      () =>
        new DedicatedSegment(this, "Network", {
          availabilityZones,
          vpc: props.vpc,
          internetGateway: props.internetGateway,
          vpcCidrBlock: props.vpc ? undefined : (props.vpcCidrBlock ?? "10.40.0.0/16"),
          segmentCidrBlock: props.segmentCidrBlock,
          existingSubnetCidrs: props.existingSubnetCidrs,
          expectedCells: this.capacityPlan.cells,
          boshDirectorPeers: props.controlPlane?.boshDirector,
          sharedComponentPeers: props.controlPlane?.sharedComponents,
          diegoBbsPeers: props.controlPlane?.diegoBbs,
          allowPublicEgressViaNat,
          allowDestroy,
          name: segmentName,
        }),
    );
    if (allowPublicEgressViaNat) {
      // the named prop is the caller's acknowledgement: record it where scanners and the pack look
      PolicySuppressions.addResourceSuppressions(this.network, [
        {
          id: "PE-AWS-SG-004",
          reason:
            "allowPublicEgressViaNat: the cells reach 0.0.0.0/0 only through the segment's NAT gateways, for staging, the blobstore and the public egress tier",
        },
      ]);
    }
    this.vpnGateway =
      props.vpnGateway ?? new VpnGateway(this, "VpnGateway", { vpc: this.network.vpc, allowDestroy });
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
        const customerGateway = new CustomerGateway(this, `${prefix}CustomerGateway`, {
          ipAddress: endpoint.ip,
          // AWS's default customer ASN, unless the gateway has it on the Amazon side (then the next one)
          bgpAsn: endpoint.bgpAsn ?? (this.vpnGateway.amazonSideAsn === 65000 ? 65001 : undefined),
          deviceName: endpoint.device,
          allowDestroy,
        });
        return new VpnConnection(this, `${prefix}Connection`, {
          vpnGateway: this.vpnGateway,
          customerGateway,
          staticRoutes: endpoint.bgpAsn === undefined ? this.privateCidrs : undefined,
          cryptoProfile,
          allowDestroy,
          tunnel1:
            endpoint.tunnel1InsideCidr === undefined ? undefined : { insideCidr: endpoint.tunnel1InsideCidr },
          tunnel2:
            endpoint.tunnel2InsideCidr === undefined ? undefined : { insideCidr: endpoint.tunnel2InsideCidr },
        });
      });
    });
    this.privateCidrs.forEach((cidr, i) =>
      withPropPath(
        (p) => (p === "cidr" ? `privateCidrs[${i}]` : undefined),
        () => this.network.addPrivateRoute(cidr, this.vpnGateway),
      ),
    );
    let topic = props.alarmTopic;
    this.tunnelAlarms = this.vpnConnections.map((vpnConnection, i) => {
      const alarms = new TunnelAlarms(this, `${connectionIds[i]}Alarms`, { vpnConnection, topic });
      topic ??= { topicArn: alarms.topicArn };
      return alarms;
    });

    // Cloud Foundry: org, segment, spaces, ASGs, services, tiers, cells
    this.org = props.tenant.orgGuid
      ? Org.fromOrgId(this, "Org", props.tenant.orgGuid)
      : Org.fromOrgName(this, "Org", props.tenant.org);
    this.isolationSegment = withPropPath(
      segmentProp,
      () => new IsolationSegment(this, "IsolationSegment", { name: segmentName, orgs: [this.org] }),
    );
    this.spaces = props.tenant.spaces.map(
      (name) =>
        new Space(this, `Space-${name}`, {
          org: this.org,
          name,
          isolationSegment: this.isolationSegment,
          importFrom: props.tenant.existingSpaceGuids?.[name],
        }),
    );
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
          `Service-${space.spaceName}-${service.name}`,
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
    this.cells = new DedicatedCells(this, "Cells", {
      segment: this.isolationSegment,
      subnets: this.network.subnets,
      capacity: { ...props.capacity, expectedApps: props.expectedApps },
    });

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
      denyCidr: (cidr) => this.network.addDeniedCidr(cidr),
    });
  }
}

function defaultSegmentName(org: string, environment: string): string {
  const name = `${org}-${environment}`
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
  return name.slice(0, 63).replace(/[-_]+$/, "");
}

function defaultZones(scope: Construct): string[] {
  const stack = TerraformStack.of(scope);
  const provider = stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider);
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
