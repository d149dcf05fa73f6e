/**
 * The dedicated network segment a tenant's Diego cells live in: per-AZ cell subnets, NAT gateways
 * with static egress IPs, route tables with static routes to the VPN gateway, a network ACL that
 * isolates the tenant, and the cell security group.
 */
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclAssociation } from "@cdktf/provider-aws/lib/network-acl-association";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Annotations, ITerraformDependable, TerraformStack } from "cdktf";
import { zoneNotAttached } from "../core/errors-transit";
import { ITransitGatewayVpcAttachment, TransitGatewayVpcAttachment } from "./transit-gateway";
import { Construct } from "constructs";
import { PrivateEgressError } from "../core/errors";
import {
  customerCidrDenied,
  aclRuleNumberTaken,
  aclRulesOverQuota,
  aclRulesQuotaInvalid,
  deniedCidrDuplicate,
  internetGatewayRequired,
  peerNeedsKey,
  tenantSegmentsBlockMissesSegment,
  vpcChoice,
} from "../core/errors-network";
import { cidrContains, cidrsOverlap, parseCidr } from "../core/ip";
import {
  CellPortRule,
  CellTrafficDirection,
  ControlPlaneRole,
  describePortRule,
  portsFor,
} from "./cell-ports";
import { VpcFlowLogs } from "./flow-logs";
import {
  AwsProviderOptions,
  DedicatedSubnetInfo,
  ICellSecurityGroup,
  IRouteTable,
  IVpc,
  IVpnGateway,
} from "./interfaces";
import {
  checkCellCapacity,
  checkCustomerCidr,
  checkDeniedCidr,
  checkFlowLogRetention,
  checkPeerCidr,
} from "./network-validation";
import { AzSubnetPlan, DEFAULT_CELL_SUBNET_PREFIX, planSegment } from "./segment-plan";
import { isUnresolved } from "../core/tokens";
import { bindProviders } from "../core/providers";
import { checkIdentifier, ID, TEXT, guardStrings, listOf, mapOf, stringSpec } from "../core/boundary";
import { childId, nodePath } from "../core/strings";

/** An internet gateway, created by this library or imported. */
export interface IInternetGateway {
  /** The gateway id (`igw-...`, or a token). */
  readonly internetGatewayId: string;
}

/**
 * A peer of the cells on the control plane: a CIDR block or a security group.
 *
 * @example
 * ControlPlanePeer.cidr("10.40.0.0/24");
 * ControlPlanePeer.securityGroup("sg-0123456789abcdef0");
 * ControlPlanePeer.securityGroup(directorSg.id, "bosh-director"); // a token needs a stable key
 */
export class ControlPlanePeer {
  /** A CIDR block, e.g. the control plane's subnet. */
  public static cidr(cidrBlock: string): ControlPlanePeer {
    checkIdentifier("cidrBlock", cidrBlock);
    return new ControlPlanePeer(cidrBlock, undefined, undefined);
  }

  /**
   * A security group. `key` names the rules' Terraform addresses; it defaults to the id and is
   * required when the id is a token.
   */
  public static securityGroup(securityGroupId: string, key?: string): ControlPlanePeer {
    checkIdentifier("securityGroupId", securityGroupId);
    checkIdentifier("key", key);
    return new ControlPlanePeer(undefined, securityGroupId, key);
  }

  /** The peer block, when a CIDR. */
  public readonly cidrBlock?: string;
  /** The peer security group, when a group. */
  public readonly securityGroupId?: string;
  private readonly explicitKey?: string;

  private constructor(cidrBlock?: string, securityGroupId?: string, explicitKey?: string) {
    this.cidrBlock = cidrBlock;
    this.securityGroupId = securityGroupId;
    this.explicitKey = explicitKey;
  }

  /** @internal The text that names this peer's rules (throws when it cannot be known at synth time). */
  public keyFor(prop: string): string {
    if (this.cidrBlock !== undefined) return idSafe(this.cidrBlock);
    const id = this.securityGroupId as string;
    if (this.explicitKey !== undefined) return idSafe(this.explicitKey);
    if (isUnresolved(id)) throw peerNeedsKey(prop, id);
    return idSafe(id);
  }

  /** @internal How the peer reads in a rule description. */
  public describe(): string {
    return (
      this.cidrBlock ?? (isUnresolved(this.securityGroupId) ? this.explicitKey : this.securityGroupId) ?? ""
    );
  }
}

/** Props of {@link DedicatedSegment}. */
export interface DedicatedSegmentProps extends AwsProviderOptions {
  /**
   * Availability zone names (e.g. `us-gov-west-1a`); one cell subnet, NAT gateway, egress IP and
   * route table each. A zone's subnets come from its letter (a = slot 0), never its list position.
   */
  readonly availabilityZones: string[];
  /**
   * The block of a VPC the segment creates (with flow logs, a closed default security group and an
   * internet gateway). Give this or `vpc`.
   * @default - none: give `vpc`
   */
  readonly vpcCidrBlock?: string;
  /**
   * An existing VPC (e.g. `VpcReference.fromVpcAttributes`). Give this or `vpcCidrBlock`. The
   * segment then adds no flow logs and leaves the default security group alone: those belong to
   * the VPC's owner.
   * @default - none: give `vpcCidrBlock`
   */
  readonly vpc?: IVpc;
  /**
   * The existing VPC's internet gateway, which the NAT subnets route 0.0.0.0/0 to. Required with `vpc`.
   * @default - the segment creates one with the VPC
   */
  readonly internetGateway?: IInternetGateway;
  /**
   * Subnets already in the VPC, which the segment's subnets must not overlap (also other tenants'
   * `segmentCidrBlock`s).
   * @default - none
   */
  readonly existingSubnetCidrs?: string[];
  /**
   * The block carved into slots of `/cellSubnetPrefix`: one cell subnet per zone letter, and the
   * last slot for the `/28` NAT subnets.
   * @default - the first `/(cellSubnetPrefix - 3)` of the VPC clear of `existingSubnetCidrs` (7 zone slots, a–g)
   */
  readonly segmentCidrBlock?: string;
  /**
   * Prefix length of each zone's cell subnet, 16 to 25.
   * @default 22 (1019 usable addresses per zone)
   */
  readonly cellSubnetPrefix?: number;
  /**
   * Diego cells the segment must address (the Cloud Foundry capacity plan computes it from the
   * expected apps). Checked against each zone subnet's usable addresses, cells spread evenly.
   * @default 0 (no capacity requirement)
   */
  readonly expectedCells?: number;
  /**
   * Other tenants' networks (customer CIDRs, segments) that the network ACL denies both ways.
   * More can be added with `addDeniedCidr`.
   * @default - none
   */
  readonly deniedCidrs?: string[];
  /**
   * The block of a VPC shared by several tenants that every tenant's segment (this one's included)
   * is carved from. The network ACL then allows this segment's own block and denies the rest of
   * that block both ways, one rule per direction whatever the number of tenants, instead of one
   * rule per other segment; control-plane peers given by CIDR inside it, and other segments admitted
   * with `addAdmittedCidr`, are allowed ahead of that deny. A control plane inside it given only by
   * security group is denied: keep the control plane outside this block or give it by CIDR.
   * @default - none: other segments are denied one by one (`deniedCidrs`, `addDeniedCidr`)
   */
  readonly tenantSegmentsCidrBlock?: string;
  /**
   * The account's quota of rules per network ACL and direction ("Rules per network ACL",
   * L-2AEEBF1A: 20 by default, adjustable to at most 40). An ACL that would hold more rules in one
   * direction fails synthesis (`PE-NET-029`): `terraform plan` accepts it, the apply would fail.
   * @default 20
   */
  readonly networkAclRulesQuota?: number;
  /**
   * Where the BOSH director is (cells open 22, 6868, 2555, 4222, 25250 to it; `docs/cell-ports.md`).
   * @default - no rules (`DedicatedCells` then refuses the group: its cells could not register)
   */
  readonly boshDirectorPeers?: ControlPlanePeer[];
  /**
   * Where the shared Cloud Foundry VMs are (Cloud Controller, UAA, Locket, loggregator, routers,
   * silk controller, the shared cells; both directions, `docs/cell-ports.md`).
   * @default - no rules (`DedicatedCells` then refuses the group)
   */
  readonly sharedComponentPeers?: ControlPlanePeer[];
  /**
   * Where the Diego BBS and auctioneer are (they reach the rep on tcp/1801).
   * @default - no rules (`DedicatedCells` then refuses the group)
   */
  readonly diegoBbsPeers?: ControlPlanePeer[];
  /**
   * Whether the cells may reach 0.0.0.0/0 through the NAT gateways: a cell security group egress
   * rule to 0.0.0.0/0 and network ACL rules for it (egress, and return traffic on ports
   * 1024-65535). Cloud Foundry needs it for staging (buildpacks), the blobstore on S3 and spaces
   * bound to the public egress ASG; scanners flag it (CKV_AWS_382, AWS-0104), so it is an explicit
   * decision of the caller.
   * @default false (the cells reach only the control plane and the tenant's customer CIDRs)
   */
  readonly allowPublicEgressViaNat?: boolean;
  /**
   * Whether Terraform may destroy the EIPs and NAT gateways. Destroying an EIP changes a published
   * egress IP the customer has allow-listed.
   * @default false (`prevent_destroy` on every EIP and NAT gateway)
   */
  readonly allowDestroy?: boolean;
  /** Flow log retention in days (a CloudWatch value of 365 or more), when the segment creates the VPC. @default 365 */
  readonly flowLogRetentionDays?: number;
  /**
   * Name prefix for `Name` tags, the security group and the flow log group.
   * @default - the construct path, dashed
   */
  readonly name?: string;
  /** Tags for every taggable resource. @default - only `Name` */
  readonly tags?: Record<string, string>;
}

/** Numbers the network ACL gives each kind of rule; rules are evaluated lowest first. */
const ACL_DENIED = { base: 100, span: 4900 };
const ACL_CUSTOMER = { base: 5000, span: 5000 };
const ACL_PEER = { base: 10000, span: 5000 };
/** The segment's own block, then admitted neighbours, then the tenant segments' deny (shared VPC). */
const ACL_OWN_SEGMENT = 15000;
const ACL_ADMITTED = { base: 15100, span: 800 };
const ACL_TENANT_SEGMENTS = 16000;
const ACL_VPC = 20000;
const ACL_PUBLIC = 30000;
/** AWS's default quota of rules per network ACL and direction ("Rules per network ACL", L-2AEEBF1A). */
const ACL_RULES_QUOTA = 20;
/** The most AWS grants for that quota. */
const ACL_RULES_QUOTA_MAX = 40;

function idSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, "-");
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

interface AzResources {
  readonly plan: AzSubnetPlan;
  readonly scope: Construct;
  /** The ids are read once: every read of a resource attribute is a new cdktf token. */
  readonly routeTable: { readonly id: string };
  readonly subnet: { readonly id: string };
  readonly eip: Eip;
}

const STRINGS = stringSpec("DedicatedSegmentProps", {
  availabilityZones: listOf(ID),
  vpcCidrBlock: ID,
  existingSubnetCidrs: listOf(ID),
  segmentCidrBlock: ID,
  tenantSegmentsCidrBlock: ID,
  deniedCidrs: listOf(ID),
  name: ID,
  tags: mapOf(ID, TEXT),
});

/**
 * Define the dedicated network segment of one tenant: per-AZ cell subnets, NAT gateways with
 * static egress IPs, route tables, a network ACL and the cell security group, in a VPC it creates
 * or an existing one.
 *
 * Every resource is keyed by a stable name: zone names for subnets, EIPs, NAT gateways and route
 * tables; CIDR text for routes and ACL rules; so adding a zone or a customer CIDR never moves an
 * existing resource.
 *
 * @example
 * const segment = new DedicatedSegment(this, "Segment", {
 *   vpcCidrBlock: "10.40.0.0/16",
 *   availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
 *   expectedCells: 6,
 *   sharedComponentPeers: [ControlPlanePeer.cidr("10.0.16.0/20")],
 *   allowPublicEgressViaNat: true,
 * });
 * segment.addPrivateRoute("192.168.100.0/24", vpnGateway);
 */
export class DedicatedSegment extends Construct {
  /** The VPC (created or given). */
  public readonly vpc: IVpc;
  /** The published static egress IPs (tokens), in the order of `availabilityZones`. */
  public readonly egressIps: string[];
  /** What BOSH needs per zone, in the order of `availabilityZones`. */
  public readonly subnets: DedicatedSubnetInfo[];
  /** The cell subnets' blocks, in the order of `availabilityZones`. */
  public readonly subnetCidrs: string[];
  /** The NAT (public) subnets' blocks, in the order of `availabilityZones`. */
  public readonly natSubnetCidrs: string[];
  /** The block the segment carves its subnets from; other segments in the VPC must avoid it. */
  public readonly segmentCidrBlock: string;
  /** The cell route tables, in the order of `availabilityZones`. */
  public readonly routeTables: IRouteTable[];
  /** The cell security group's id. */
  public readonly cellSecurityGroupId: string;
  /** The cell security group with the control-plane roles it has rules for (for `DedicatedCells`). */
  public readonly cellSecurityGroup: ICellSecurityGroup;
  /** The network ACL on the cell subnets. */
  public readonly networkAclId: string;
  /**
   * The cell security group's rule to 0.0.0.0/0 through the NAT gateways, when
   * `allowPublicEgressViaNat` is set (policy rule PE-AWS-SG-004 asks for an acknowledgement of it).
   */
  public readonly publicEgressRule?: VpcSecurityGroupEgressRule;
  /** The internet gateway (created or given). */
  public readonly internetGateway: IInternetGateway;
  /** The block of the shared VPC every tenant segment is carved from, when given. */
  public readonly tenantSegmentsCidrBlock?: string;
  /** The account's quota of rules per network ACL and direction this segment is checked against. */
  public readonly networkAclRulesQuota: number;

  private readonly azs: AzResources[];
  private readonly vpcCidr: string;
  private readonly allowPublicEgressViaNat: boolean;
  private readonly customerCidrs: string[] = [];
  private readonly deniedCidrs: string[] = [];
  private readonly admittedCidrs: string[] = [];
  private readonly acl: NetworkAcl;
  private readonly aclScope: Construct;
  private readonly sgScope: Construct;
  private readonly usedRuleNumbers = { ingress: new Set<number>(), egress: new Set<number>() };
  /** Which CIDR holds each hashed rule number, per direction. */
  private readonly hashedRuleNumbers = {
    ingress: new Map<number, string>(),
    egress: new Map<number, string>(),
  };

  constructor(scope: Construct, id: string, props: DedicatedSegmentProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { aws: props.provider });
    const cellSubnetPrefix = props.cellSubnetPrefix ?? DEFAULT_CELL_SUBNET_PREFIX;
    const expectedCells = props.expectedCells ?? 0;
    const allowDestroy = props.allowDestroy ?? false;
    const name = props.name ?? nodePath(this).replace(/\//g, "-");
    const extraTags = props.tags ?? {};
    const existingSubnetCidrs = props.existingSubnetCidrs ?? [];
    const flowLogRetentionDays = props.flowLogRetentionDays ?? 365;
    this.allowPublicEgressViaNat = props.allowPublicEgressViaNat ?? false;
    const networkAclRulesQuota = props.networkAclRulesQuota ?? ACL_RULES_QUOTA;
    const tags = (suffix: string) => ({ ...extraTags, Name: `${name}-${suffix}` });
    const lifecycle = allowDestroy ? undefined : { preventDestroy: true };

    // ---- validate everything before creating anything
    const fail = (errors: PrivateEgressError[]) => {
      if (errors.length) throw errors[0];
    };
    if ((props.vpc === undefined) === (props.vpcCidrBlock === undefined)) {
      throw vpcChoice("vpc", props.vpc === undefined ? "neither" : "both");
    }
    if (props.vpc && !props.internetGateway) throw internetGatewayRequired("internetGateway", undefined);
    const vpcCidr = props.vpc ? props.vpc.vpcCidrBlock : (props.vpcCidrBlock as string);
    const planned = planSegment({
      vpcCidr,
      availabilityZones: props.availabilityZones,
      cellSubnetPrefix,
      segmentCidrBlock: props.segmentCidrBlock,
      existingSubnetCidrs,
    });
    fail(planned.errors);
    const plan = planned.plan as NonNullable<typeof planned.plan>;
    fail(
      checkCellCapacity(expectedCells, {
        cellSubnetPrefix,
        availabilityZoneCount: plan.availabilityZones.length,
      }),
    );
    const peers: Array<[ControlPlaneRole, string, ControlPlanePeer[]]> = [
      [ControlPlaneRole.BOSH_DIRECTOR, "boshDirectorPeers", props.boshDirectorPeers ?? []],
      [ControlPlaneRole.SHARED_COMPONENTS, "sharedComponentPeers", props.sharedComponentPeers ?? []],
      [ControlPlaneRole.DIEGO_BBS, "diegoBbsPeers", props.diegoBbsPeers ?? []],
    ];
    for (const [, prop, list] of peers) {
      list.forEach((p, i) => {
        if (p.cidrBlock !== undefined) fail(checkPeerCidr(`${prop}[${i}]`, p.cidrBlock));
        p.keyFor(`${prop}[${i}]`);
      });
    }
    if (!props.vpc) fail(checkFlowLogRetention(flowLogRetentionDays));
    if (
      !isUnresolved(networkAclRulesQuota) &&
      !(
        Number.isInteger(networkAclRulesQuota) &&
        networkAclRulesQuota >= 1 &&
        networkAclRulesQuota <= ACL_RULES_QUOTA_MAX
      )
    ) {
      throw aclRulesQuotaInvalid("networkAclRulesQuota", networkAclRulesQuota);
    }
    const tenantSegments = props.tenantSegmentsCidrBlock;
    if (tenantSegments !== undefined) {
      fail(checkDeniedCidr("tenantSegmentsCidrBlock", tenantSegments, {}));
      const block = parseCidr(tenantSegments);
      const own = parseCidr(plan.segmentCidrBlock);
      if (block && own && !cidrContains(block, own)) {
        throw tenantSegmentsBlockMissesSegment(
          "tenantSegmentsCidrBlock",
          tenantSegments,
          plan.segmentCidrBlock,
        );
      }
    }
    this.tenantSegmentsCidrBlock = tenantSegments;

    this.vpcCidr = vpcCidr;
    if (isUnresolved(vpcCidr)) {
      Annotations.of(this).addWarning(
        "`vpc.vpcCidrBlock` is a token (known only at apply time), so the checks that the segment's subnets lie inside the VPC and that customer, denied and peer CIDRs do not overlap it are off; give the VPC's block as a literal (`VpcReference.fromVpcAttributes(scope, id, { vpcId, vpcCidrBlock: \"10.40.0.0/16\" })`) or create the VPC from `vpcCidrBlock` to restore them",
      );
    }
    this.segmentCidrBlock = plan.segmentCidrBlock;
    this.subnetCidrs = plan.availabilityZones.map((a) => a.cellSubnetCidr);
    this.natSubnetCidrs = plan.availabilityZones.map((a) => a.natSubnetCidr);
    // denied CIDRs are checked against the subnets now, and against customer CIDRs as they come
    (props.deniedCidrs ?? []).forEach((d, i) => fail(this.checkDenied(`deniedCidrs[${i}]`, d)));

    // ---- VPC (created: with internet gateway, closed default security group, flow logs)
    let vpcId: string;
    if (props.vpc) {
      this.vpc = props.vpc;
      vpcId = props.vpc.vpcId;
      this.internetGateway = props.internetGateway as IInternetGateway;
    } else {
      const vpc = new Vpc(this, "Vpc", {
        cidrBlock: vpcCidr,
        enableDnsSupport: true,
        enableDnsHostnames: true,
        tags: tags("vpc"),
      });
      vpcId = vpc.id;
      this.vpc = { vpcId, vpcCidrBlock: vpcCidr };
      const igw = new InternetGateway(this, "InternetGateway", { vpcId, tags: tags("igw") });
      this.internetGateway = { internetGatewayId: igw.id };
      new DefaultSecurityGroup(this, "DefaultSecurityGroup", { vpcId, tags: tags("default-closed") });
      new VpcFlowLogs(this, "FlowLogs", {
        vpc,
        logGroupName: `/aws/vpc/flow-logs/${name}`,
        retentionDays: flowLogRetentionDays,
        tags: extraTags,
        allowDestroy,
      });
    }

    // ---- public route table for the NAT subnets
    const natRouteTable = new RouteTable(this, "NatRouteTable", { vpcId, tags: tags("nat") });
    // each attribute read makes cdktf create a token (with a stack trace): read each id once
    const natRouteTableId = natRouteTable.id;
    new Route(this, "NatDefaultRoute", {
      routeTableId: natRouteTableId,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: this.internetGateway.internetGatewayId,
    });

    // ---- network ACL on the cell subnets
    this.aclScope = new Construct(this, "NetworkAcl");
    this.acl = new NetworkAcl(this.aclScope, "Resource", { vpcId, tags: tags("cells") });
    this.networkAclId = this.acl.id;

    // ---- cell security group (standalone rule resources only)
    this.sgScope = new Construct(this, "CellSecurityGroup");
    const sg = new SecurityGroup(this.sgScope, "Resource", {
      name: `${name}-cells`,
      description: `Diego cells of the dedicated segment ${name}`,
      vpcId,
      tags: tags("cells"),
    });
    const sgId = sg.id;
    this.cellSecurityGroupId = sgId;
    this.cellSecurityGroup = {
      securityGroupId: sgId,
      controlPlaneRoles: peers.filter(([, , list]) => list.length > 0).map(([role]) => role),
    };
    // cell to cell inside the segment: container networking (VXLAN), bosh-dns health, everything
    // the cells of one group say to each other (Cloud Foundry's is1-internal rule)
    new VpcSecurityGroupIngressRule(this.sgScope, "Ingress-cells-self-all", {
      securityGroupId: sgId,
      ipProtocol: "-1",
      referencedSecurityGroupId: sgId,
      description: "Diego cells of this segment to each other: container networking, bosh-dns health",
    });
    new VpcSecurityGroupEgressRule(this.sgScope, "Egress-cells-self-all", {
      securityGroupId: sgId,
      ipProtocol: "-1",
      referencedSecurityGroupId: sgId,
      description: "Diego cells of this segment to each other: container networking, bosh-dns health",
    });

    // ---- per availability zone
    this.azs = plan.availabilityZones.map((a) => {
      const az = new Construct(this, childId(a.availabilityZone));
      const cellSubnet = new Subnet(az, "CellSubnet", {
        vpcId,
        availabilityZone: a.availabilityZone,
        cidrBlock: a.cellSubnetCidr,
        mapPublicIpOnLaunch: false,
        tags: tags(`cells-${a.availabilityZone}`),
      });
      const subnet = { id: cellSubnet.id };
      const natSubnet = new Subnet(az, "NatSubnet", {
        vpcId,
        availabilityZone: a.availabilityZone,
        cidrBlock: a.natSubnetCidr,
        mapPublicIpOnLaunch: false,
        tags: tags(`nat-${a.availabilityZone}`),
      });
      const natSubnetId = natSubnet.id;
      new RouteTableAssociation(az, "NatSubnetRouteTableAssociation", {
        subnetId: natSubnetId,
        routeTableId: natRouteTableId,
      });
      const eip = new Eip(az, "Eip", {
        domain: "vpc",
        tags: tags(`egress-${a.availabilityZone}`),
        lifecycle,
      });
      const nat = new NatGateway(az, "NatGateway", {
        allocationId: eip.allocationId,
        subnetId: natSubnetId,
        connectivityType: "public",
        tags: tags(`nat-${a.availabilityZone}`),
        lifecycle,
      });
      const table = new RouteTable(az, "RouteTable", {
        vpcId,
        tags: tags(`cells-${a.availabilityZone}`),
      });
      const routeTable = { id: table.id };
      new RouteTableAssociation(az, "RouteTableAssociation", {
        subnetId: subnet.id,
        routeTableId: routeTable.id,
      });
      new Route(az, "NatRoute", {
        routeTableId: routeTable.id,
        destinationCidrBlock: "0.0.0.0/0",
        natGatewayId: nat.id,
      });
      new NetworkAclAssociation(az, "NetworkAclAssociation", {
        networkAclId: this.networkAclId,
        subnetId: subnet.id,
      });
      return { plan: a, scope: az, routeTable, subnet, eip };
    });

    this.egressIps = this.azs.map((a) => a.eip.publicIp);
    this.routeTables = this.azs.map((a) => ({ routeTableId: a.routeTable.id }));
    this.subnets = this.azs.map((a) => ({
      availabilityZone: a.plan.availabilityZone,
      subnetId: a.subnet.id,
      cidrBlock: a.plan.cellSubnetCidr,
      gateway: a.plan.gateway,
      reservedRanges: a.plan.reservedRanges,
    }));

    // ---- ACL rules that do not depend on later calls
    this.aclRule("AllowVpcIn", "ingress", ACL_VPC, "allow", vpcCidr);
    this.aclRule("AllowVpcOut", "egress", ACL_VPC, "allow", vpcCidr);
    if (this.allowPublicEgressViaNat) {
      this.aclRule("AllowPublicReturnTcpIn", "ingress", ACL_PUBLIC, "allow", "0.0.0.0/0", "tcp", 1024, 65535);
      this.aclRule(
        "AllowPublicReturnUdpIn",
        "ingress",
        ACL_PUBLIC + 1,
        "allow",
        "0.0.0.0/0",
        "udp",
        1024,
        65535,
      );
      this.aclRule("AllowPublicOut", "egress", ACL_PUBLIC, "allow", "0.0.0.0/0");
      this.publicEgressRule = new VpcSecurityGroupEgressRule(this.sgScope, "EgressPublicViaNat", {
        securityGroupId: sgId,
        ipProtocol: "-1",
        cidrIpv4: "0.0.0.0/0",
        description: "Diego cells to the internet through the NAT gateways (allowPublicEgressViaNat)",
      });
    }

    // ---- control-plane rules
    const peerCidrsOutsideVpc = new Set<string>();
    const tenantBlock = tenantSegments === undefined ? undefined : parseCidr(tenantSegments);
    for (const [role, prop, list] of peers) {
      list.forEach((peer, i) => {
        const key = peer.keyFor(`${prop}[${i}]`);
        for (const rule of portsFor(role)) this.portRule(sgId, rule, peer, key);
        const block = peer.cidrBlock ? parseCidr(peer.cidrBlock) : undefined;
        const vpc = isUnresolved(vpcCidr) ? undefined : parseCidr(vpcCidr);
        // outside the VPC nothing else admits the peer; inside the tenant segments' block it must
        // be admitted ahead of that block's deny
        if (
          peer.cidrBlock &&
          block &&
          (!(vpc && cidrsOverlap(vpc, block)) || (tenantBlock && cidrsOverlap(tenantBlock, block)))
        )
          peerCidrsOutsideVpc.add(peer.cidrBlock);
      });
    }
    for (const cidr of [...peerCidrsOutsideVpc].sort()) {
      this.aclRule(
        `AllowPeerIn-${idSafe(cidr)}`,
        "ingress",
        this.ruleNumber("ingress", ACL_PEER, cidr),
        "allow",
        cidr,
      );
      this.aclRule(
        `AllowPeerOut-${idSafe(cidr)}`,
        "egress",
        this.ruleNumber("egress", ACL_PEER, cidr),
        "allow",
        cidr,
      );
    }

    // a VPC shared by tenants: the own block, then one deny for every other segment carved from it
    if (tenantSegments !== undefined) {
      this.aclRule("AllowSegmentIn", "ingress", ACL_OWN_SEGMENT, "allow", plan.segmentCidrBlock);
      this.aclRule("AllowSegmentOut", "egress", ACL_OWN_SEGMENT, "allow", plan.segmentCidrBlock);
      this.aclRule("DenyTenantSegmentsIn", "ingress", ACL_TENANT_SEGMENTS, "deny", tenantSegments);
      this.aclRule("DenyTenantSegmentsOut", "egress", ACL_TENANT_SEGMENTS, "deny", tenantSegments);
    }

    for (const d of props.deniedCidrs ?? []) this.addDeniedCidr(d);

    // rules are added until synthesis (other environments deny their networks here as they come)
    this.node.addValidation({
      validate: () => this.checkNetworkAclRules(networkAclRulesQuota).map((e) => e.message),
    });
    this.networkAclRulesQuota = networkAclRulesQuota;
  }

  /** How many rules the cell network ACL holds so far, per direction. */
  public get networkAclRuleCounts(): {
    /** Inbound (ingress) rules. */
    readonly inbound: number;
    /** Outbound (egress) rules. */
    readonly outbound: number;
  } {
    return { inbound: this.usedRuleNumbers.ingress.size, outbound: this.usedRuleNumbers.egress.size };
  }

  /**
   * The `PE-NET-029` errors of the network ACL as it stands: one per direction holding more rules
   * than `quota` (run at synthesis; a platform runs it once all its tenants are registered).
   */
  public checkNetworkAclRules(quota: number = this.networkAclRulesQuota): PrivateEgressError[] {
    const counts = this.networkAclRuleCounts;
    return (
      [
        ["inbound", counts.inbound],
        ["outbound", counts.outbound],
      ] as const
    )
      .filter(([, count]) => count > quota)
      .map(([direction, count]) =>
        aclRulesOverQuota("networkAclRulesQuota", quota, this.node.path, count, direction),
      );
  }

  /**
   * Routes a customer CIDR to the VPN gateway from every zone's route table (one static `aws_route`
   * each), lets the cells reach it (security group egress) and admits it in the network ACL.
   *
   * @example
   * segment.addPrivateRoute("192.168.100.0/24", vpnGateway);
   */
  public addPrivateRoute(cidr: string, vpnGateway: IVpnGateway): void {
    this.privateRoute(cidr, { gatewayId: vpnGateway.vpnGatewayId });
  }

  /**
   * Routes a customer CIDR to a transit gateway from every zone's route table, as `addPrivateRoute`
   * does for a virtual private gateway (same resource addresses). Every zone of the segment must be
   * one of the attachment's zones: subnets in a zone without an attachment subnet cannot reach the
   * transit gateway.
   *
   * @example
   * segment.addPrivateRouteToTransitGateway("192.168.100.0/24", vpcAttachment);
   */
  public addPrivateRouteToTransitGateway(cidr: string, attachment: ITransitGatewayVpcAttachment): void {
    for (const az of this.azs) {
      const zone = az.plan.availabilityZone;
      if (!attachment.availabilityZones.includes(zone)) {
        throw zoneNotAttached("availabilityZones", zone, attachment.availabilityZones);
      }
    }
    const sameStack =
      attachment instanceof Construct && TerraformStack.of(attachment) === TerraformStack.of(this);
    this.privateRoute(cidr, {
      transitGatewayId: attachment.transitGateway.transitGatewayId,
      // the route is refused until the VPC is attached; across stacks the platform stack comes first
      dependsOn: sameStack ? [(attachment as TransitGatewayVpcAttachment).resource] : undefined,
    });
  }

  private privateRoute(
    cidr: string,
    target: { gatewayId?: string; transitGatewayId?: string; dependsOn?: ITerraformDependable[] },
  ): void {
    const errors = checkCustomerCidr("cidr", cidr, {
      vpcCidr: this.vpcCidr,
      subnetCidrs: [...this.subnetCidrs, ...this.natSubnetCidrs],
      otherCustomerCidrs: this.customerCidrs,
    });
    for (const d of this.deniedCidrs) {
      const a = parseCidr(cidr);
      const b = parseCidr(d);
      if (a && b && cidrsOverlap(a, b)) errors.push(customerCidrDenied("cidr", cidr, d));
    }
    if (errors.length) throw errors[0];
    const numberIn = this.ruleNumber("ingress", ACL_CUSTOMER, cidr);
    const numberOut = this.ruleNumber("egress", ACL_CUSTOMER, cidr);
    this.customerCidrs.push(cidr);
    const key = idSafe(cidr);
    for (const az of this.azs) {
      new Route(az.scope, childId(`PrivateRoute-${key}`), {
        routeTableId: az.routeTable.id,
        destinationCidrBlock: cidr,
        ...target,
      });
    }
    new VpcSecurityGroupEgressRule(this.sgScope, childId(`EgressCustomer-${key}`), {
      securityGroupId: this.cellSecurityGroupId,
      ipProtocol: "-1",
      cidrIpv4: cidr,
      description: `Diego cells to the customer network ${cidr} of the tenant over the VPN`,
    });
    this.aclRule(`AllowCustomerIn-${key}`, "ingress", numberIn, "allow", cidr);
    this.aclRule(`AllowCustomerOut-${key}`, "egress", numberOut, "allow", cidr);
  }

  /**
   * Denies another tenant's network (customer CIDR or segment) in the network ACL, both ways, ahead
   * of every allow rule.
   *
   * @example
   * segment.addDeniedCidr("172.16.0.0/16");
   */
  public addDeniedCidr(cidr: string): void {
    const errors = this.checkDenied("cidr", cidr);
    if (errors.length) throw errors[0];
    const numberIn = this.ruleNumber("ingress", ACL_DENIED, cidr);
    const numberOut = this.ruleNumber("egress", ACL_DENIED, cidr);
    this.deniedCidrs.push(cidr);
    const key = idSafe(cidr);
    this.aclRule(`DenyIn-${key}`, "ingress", numberIn, "deny", cidr);
    this.aclRule(`DenyOut-${key}`, "egress", numberOut, "deny", cidr);
  }

  /**
   * Admits another segment of the shared VPC (a joined environment of the same tenant) in the
   * network ACL, both ways, ahead of the tenant segments' deny (`tenantSegmentsCidrBlock`).
   *
   * @example
   * segment.addAdmittedCidr("10.40.4.0/24");
   */
  public addAdmittedCidr(cidr: string): void {
    checkIdentifier("cidr", cidr);
    const errors = checkDeniedCidr("cidr", cidr, {});
    if (errors.length) throw errors[0];
    if (this.admittedCidrs.includes(cidr)) return;
    const numberIn = this.ruleNumber("ingress", ACL_ADMITTED, cidr);
    const numberOut = this.ruleNumber("egress", ACL_ADMITTED, cidr);
    this.admittedCidrs.push(cidr);
    const key = idSafe(cidr);
    this.aclRule(`AllowAdmittedIn-${key}`, "ingress", numberIn, "allow", cidr);
    this.aclRule(`AllowAdmittedOut-${key}`, "egress", numberOut, "allow", cidr);
  }

  /** The customer CIDRs routed so far. */
  public get routedCidrs(): string[] {
    return [...this.customerCidrs];
  }

  /** The denied CIDRs so far. */
  public get deniedNetworks(): string[] {
    return [...this.deniedCidrs];
  }

  private checkDenied(prop: string, cidr: string): PrivateEgressError[] {
    const errors = checkDeniedCidr(prop, cidr, {
      customerCidrs: this.customerCidrs,
      subnetCidrs: [...this.subnetCidrs, ...this.natSubnetCidrs],
    });
    if (this.deniedCidrs.includes(cidr)) errors.push(deniedCidrDuplicate(prop, cidr));
    return errors;
  }

  /**
   * A rule number from the CIDR's hash alone, so it does not depend on the order of calls or on
   * the other CIDRs: a number, once given, never moves (`rule_number` forces a delete and create, a
   * moment of deny). Two CIDRs hashing to one number are refused (`PE-NET-028`), not probed apart.
   */
  private ruleNumber(
    direction: "ingress" | "egress",
    range: { base: number; span: number },
    cidr: string,
    prop = "cidr",
  ): number {
    const ruleNumber = range.base + (fnv1a(cidr) % range.span);
    const holder = this.hashedRuleNumbers[direction].get(ruleNumber);
    if (holder !== undefined && holder !== cidr) {
      throw aclRuleNumberTaken(
        prop,
        cidr,
        ruleNumber,
        direction === "egress" ? "outbound" : "inbound",
        holder,
      );
    }
    this.hashedRuleNumbers[direction].set(ruleNumber, cidr);
    return ruleNumber;
  }

  private aclRule(
    id: string,
    direction: "ingress" | "egress",
    ruleNumber: number,
    ruleAction: "allow" | "deny",
    cidrBlock: string,
    protocol = "-1",
    fromPort?: number,
    toPort?: number,
  ): void {
    this.usedRuleNumbers[direction].add(ruleNumber);
    new NetworkAclRule(this.aclScope, childId(id), {
      networkAclId: this.networkAclId,
      egress: direction === "egress",
      ruleNumber,
      ruleAction,
      protocol,
      cidrBlock,
      fromPort: protocol === "-1" ? 0 : fromPort,
      toPort: protocol === "-1" ? 0 : toPort,
    });
  }

  private portRule(securityGroupId: string, rule: CellPortRule, peer: ControlPlanePeer, key: string): void {
    const egress = rule.direction === CellTrafficDirection.EGRESS;
    const config = {
      securityGroupId,
      ipProtocol: rule.protocol,
      fromPort: rule.port,
      toPort: rule.toPort ?? rule.port,
      cidrIpv4: peer.cidrBlock,
      referencedSecurityGroupId: peer.securityGroupId,
      description: describePortRule(rule, peer.describe()),
    };
    const ports = rule.toPort === undefined ? `${rule.port}` : `${rule.port}-${rule.toPort}`;
    const id = childId(`${egress ? "Egress" : "Ingress"}-${rule.role}-${key}-${rule.protocol}-${ports}`);
    if (egress) new VpcSecurityGroupEgressRule(this.sgScope, id, config);
    else new VpcSecurityGroupIngressRule(this.sgScope, id, config);
  }
}
