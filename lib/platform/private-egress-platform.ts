/**
 * A platform of many tenants from a folder of request files: the shared platform stack (VPC,
 * transit gateway or virtual private gateway, shared alarm topic) plus one stack per tenant
 * environment, after every request was shape-checked and every cross-tenant check passed. All
 * problems are reported together, each as `file:line:column: message`.
 */
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Annotations, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { VpnCryptoProfile } from "../aws/crypto-profile";
import { IInternetGateway } from "../aws/dedicated-segment";
import { VpcFlowLogs } from "../aws/flow-logs";
import { IVpc } from "../aws/interfaces";
import { zoneSlot } from "../aws/segment-plan";
import {
  DEFAULT_TRANSIT_GATEWAY_ROUTE_TABLES,
  DEFAULT_TRANSIT_GATEWAY_ROUTES,
  TransitGateway,
  TransitGatewayQuotas,
  TransitGatewayVpcAttachment,
} from "../aws/transit-gateway";
import { ITopicRef } from "../aws/tunnel-alarms";
import { createServiceKey } from "../aws/vpn-connection";
import { VpnGateway } from "../aws/vpn-gateway";
import { CELLS_OPTIONS_FIELDS, DedicatedCellsOptions } from "../cloudfoundry/dedicated-cells";
import { guardStrings, ID, listOf, stringSpec } from "../core/boundary";
import { PrivateEgressError } from "../core/errors";
import { carveSubnets, parseCidr } from "../core/ip";
import { ControlPlaneOptions, PrivateEgressEnvironment } from "../environment/private-egress-environment";
import { crossCheckRequests, stackIdOf } from "./cross-checks";
import { formatProblem, LoadedRequest, loadRequests, parseFieldName, RequestProblem } from "./request-file";
import { childId } from "../core/strings";

/** Which gateway the tenants' VPN connections hang on. */
export enum PlatformGateway {
  /** One transit gateway, one route table per tenant (thousands of connections). */
  TRANSIT_GATEWAY = "transit-gateway",
  /** One virtual private gateway (AWS allows 10 connections on it). */
  VPN_GATEWAY = "vpn-gateway",
}

/** Creates the stacks of the platform: stacks own their providers and backend, constructs never do. */
export interface IPlatformStackFactory {
  /** A new stack with the AWS and Cloud Foundry providers, e.g. `new PlatformStack(scope, id)`. */
  createStack(scope: Construct, id: string): TerraformStack;
}

/** Props of {@link PrivateEgressPlatform}. */
export interface PrivateEgressPlatformProps {
  /** A folder of request files (`*.yaml`, `*.yml`, `*.json`), or one file. */
  readonly requests: string;
  /** Creates each stack (platform and tenants). */
  readonly stacks: IPlatformStackFactory;
  /** Availability zone names of the platform (at least 2). */
  readonly availabilityZones: string[];
  /** The platform VPC's block. @default "10.40.0.0/16" */
  readonly vpcCidrBlock?: string;
  /**
   * The block the transit subnets (one `/28` per zone letter) are carved from; no tenant segment
   * may overlap it.
   * @default - the last /24 of the VPC
   */
  readonly transitSubnetBlock?: string;
  /**
   * The block every tenant's `segmentCidrBlock` must lie in. Each tenant's network ACL allows its
   * own segment and denies this block (one rule per direction, however many tenants), so tenants'
   * cells cannot reach each other over the VPC's local route. The transit subnets may lie in it
   * (VPN traffic keeps its addresses through the attachment, so the deny does not touch it); the
   * foundation's control plane must not, unless given by CIDR in `controlPlane` (allowed ahead of
   * the deny).
   * @default - the platform VPC's block
   */
  readonly tenantSegmentsCidrBlock?: string;
  /**
   * The account's quota of rules per network ACL and direction ("Rules per network ACL",
   * L-2AEEBF1A: 20 by default, adjustable to at most 40); a tenant whose ACL would hold more is
   * reported with its request file.
   * @default 20
   */
  readonly networkAclRulesQuota?: number;
  /** The gateway the tenants' VPNs hang on. @default PlatformGateway.TRANSIT_GATEWAY */
  readonly gateway?: PlatformGateway;
  /** The transit gateway's Amazon-side ASN. @default 64512 */
  readonly amazonSideAsn?: number;
  /** The transit gateway quotas of your account. @default - AWS's defaults (20 route tables, 10,000 routes) */
  readonly transitGatewayQuotas?: TransitGatewayQuotas;
  /** Cell subnet prefix of requests that give none. @default 24 */
  readonly cellSubnetPrefix?: number;
  /** Crypto profile of every tenant's tunnels. @default VpnCryptoProfile.strict() */
  readonly cryptoProfile?: VpnCryptoProfile;
  /** Where the platform's control plane is, for every tenant's cell security group. @default - no rules */
  readonly controlPlane?: ControlPlaneOptions;
  /**
   * The dedicated cells of every tenant: above all `baseCell`, the foundation's own Diego cell they
   * are cloned from (see `PrivateEgressEnvironmentProps.cells`).
   * @default - none: each environment then refuses to emit cells (PE-CELL-001)
   */
  readonly cells?: DedicatedCellsOptions;
  /** Allow `terraform destroy` of gateways, connections, EIPs and NAT gateways. @default false */
  readonly allowDestroy?: boolean;
  /** The platform stack's id. @default "platform" */
  readonly platformStackId?: string;
}

const STRINGS = stringSpec("PrivateEgressPlatformProps", {
  requests: ID,
  availabilityZones: listOf(ID),
  vpcCidrBlock: ID,
  transitSubnetBlock: ID,
  tenantSegmentsCidrBlock: ID,
  gateway: ID,
  cells: CELLS_OPTIONS_FIELDS,
  platformStackId: ID,
});

/** Every problem found in a platform's requests, in one error. */
export class PlatformRequestsError extends Error {
  /** The problems, in file order. */
  public readonly problems: RequestProblem[];

  constructor(problems: RequestProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the tenant requests:\n${problems
        .map((p) => `  ${formatProblem(p)}`)
        .join("\n")}`,
    );
    this.name = "PlatformRequestsError";
    this.problems = problems;
  }
}

/** The transit subnets of a platform: one `/28` per zone letter of `block`. */
export function transitSubnetCidrs(block: string, availabilityZones: string[]): Map<string, string> {
  const cidr = parseCidr(block);
  const slots = cidr ? (carveSubnets(cidr, 28, 2 ** (28 - cidr.prefix)) ?? []) : [];
  return new Map(availabilityZones.map((az) => [az, slots[zoneSlot(az)] ?? ""]));
}

function lastSlash24(vpcCidr: string): string {
  const cidr = parseCidr(vpcCidr);
  const all = cidr && cidr.prefix <= 24 ? (carveSubnets(cidr, 24, 2 ** (24 - cidr.prefix)) ?? []) : [];
  return all[all.length - 1] ?? vpcCidr;
}

/**
 * Define a private-egress platform from a folder of tenant requests: one shared platform stack and
 * one stack per tenant environment. Requests are checked (shape, then across tenants) before any
 * construct is made; every problem is thrown together as a {@link PlatformRequestsError}.
 *
 * @example
 * new PrivateEgressPlatform(app, "Platform", {
 *   requests: "tenants",
 *   stacks: { createStack: (scope, id) => new PlatformStack(scope, id) },
 *   availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
 * });
 */
export class PrivateEgressPlatform extends Construct {
  /** The shared stack. */
  public readonly platformStack: TerraformStack;
  /** The tenant stacks, in request file order. */
  public readonly tenantStacks: TerraformStack[] = [];
  /** The tenant environments, in request file order. */
  public readonly environments: PrivateEgressEnvironment[] = [];
  /** The requests, in file order. */
  public readonly requests: LoadedRequest[];
  /** The platform VPC. */
  public readonly vpc: IVpc;
  /** The transit gateway, on a transit gateway platform. */
  public readonly transitGateway?: TransitGateway;
  /** The VPC's transit gateway attachment, on a transit gateway platform. */
  public readonly vpcAttachment?: TransitGatewayVpcAttachment;
  /** The virtual private gateway, on a VPN gateway platform. */
  public readonly vpnGateway?: VpnGateway;
  /** The shared alarm topic. */
  public readonly alarmTopic: ITopicRef;

  constructor(scope: Construct, id: string, props: PrivateEgressPlatformProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    const vpcCidrBlock = props.vpcCidrBlock ?? "10.40.0.0/16";
    const tenantSegmentsCidrBlock = props.tenantSegmentsCidrBlock ?? vpcCidrBlock;
    const gateway = props.gateway ?? PlatformGateway.TRANSIT_GATEWAY;
    const transitBlock = props.transitSubnetBlock ?? lastSlash24(vpcCidrBlock);
    const cellSubnetPrefix = props.cellSubnetPrefix ?? 24;
    const allowDestroy = props.allowDestroy ?? false;
    const zones = props.availabilityZones;
    const transitCidrs = transitSubnetCidrs(transitBlock, zones);

    // ---- every request, then across requests, before anything is constructed
    const loaded = loadRequests(props.requests);
    const problems = [...loaded.problems];
    problems.push(
      ...crossCheckRequests(loaded.requests, {
        vpcCidrBlock,
        tenantSegmentsCidrBlock,
        reservedCidrs: [transitBlock],
        gateway,
        routeTablesQuota: props.transitGatewayQuotas?.routeTables ?? DEFAULT_TRANSIT_GATEWAY_ROUTE_TABLES,
        routesQuota: props.transitGatewayQuotas?.routes ?? DEFAULT_TRANSIT_GATEWAY_ROUTES,
        platformRouteTables: 1,
        zones: zones.length,
      }),
    );
    if (problems.length > 0) throw new PlatformRequestsError(problems);
    this.requests = loaded.requests;

    // ---- the shared platform stack
    const platform = props.stacks.createStack(this, props.platformStackId ?? "platform");
    this.platformStack = platform;
    const tags = (name: string) => ({ Name: `private-egress-platform-${name}` });
    const vpc = new Vpc(platform, "Vpc", {
      cidrBlock: vpcCidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: tags("vpc"),
    });
    this.vpc = { vpcId: vpc.id, vpcCidrBlock };
    const igw = new InternetGateway(platform, "InternetGateway", { vpcId: vpc.id, tags: tags("igw") });
    const internetGateway: IInternetGateway = { internetGatewayId: igw.id };
    new DefaultSecurityGroup(platform, "DefaultSecurityGroup", {
      vpcId: vpc.id,
      tags: tags("default-closed"),
    });
    new VpcFlowLogs(platform, "FlowLogs", {
      vpc,
      logGroupName: "/aws/vpc/flow-logs/private-egress-platform",
    });
    const topicScope = new Construct(platform, "AlarmTopic");
    const { key } = createServiceKey(topicScope, {
      description: "Tunnel alarm notifications of every tenant of the private-egress platform",
      service: "cloudwatch",
      regional: false,
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
    });
    this.alarmTopic = {
      topicArn: new SnsTopic(topicScope, "Resource", {
        namePrefix: "vpn-tunnel-alarms-",
        kmsMasterKeyId: key.arn,
      }).arn,
    };

    if (gateway === PlatformGateway.TRANSIT_GATEWAY) {
      const tgw = new TransitGateway(platform, "TransitGateway", {
        amazonSideAsn: props.amazonSideAsn,
        quotas: props.transitGatewayQuotas,
        allowDestroy,
        tags: tags("tgw"),
      });
      // the VPC's one attachment: a dedicated /28 per zone (AWS takes one subnet per zone)
      const transitRouteTable = new RouteTable(platform, "TransitRouteTable", {
        vpcId: vpc.id,
        tags: tags("transit"),
      });
      const subnets = zones.map((az) => {
        const azScope = new Construct(platform, childId(az));
        const subnet = new Subnet(azScope, "TransitSubnet", {
          vpcId: vpc.id,
          availabilityZone: az,
          cidrBlock: transitCidrs.get(az) as string,
          mapPublicIpOnLaunch: false,
          tags: tags(`transit-${az}`),
        });
        new RouteTableAssociation(azScope, "TransitRouteTableAssociation", {
          subnetId: subnet.id,
          routeTableId: transitRouteTable.id,
        });
        return { availabilityZone: az, subnetId: subnet.id };
      });
      this.transitGateway = tgw;
      this.vpcAttachment = new TransitGatewayVpcAttachment(platform, "VpcAttachment", {
        transitGateway: tgw,
        vpc: this.vpc,
        subnets,
        tags: tags("vpc-attachment"),
      });
    } else {
      this.vpnGateway = new VpnGateway(platform, "VpnGateway", {
        vpc: this.vpc,
        allowDestroy,
        amazonSideAsn: props.amazonSideAsn,
      });
    }

    const peers = [
      ...(props.controlPlane?.boshDirector ?? []),
      ...(props.controlPlane?.sharedComponents ?? []),
      ...(props.controlPlane?.diegoBbs ?? []),
    ];
    if (props.tenantSegmentsCidrBlock === undefined && peers.some((p) => p.cidrBlock === undefined)) {
      Annotations.of(this).addWarning(
        `Every tenant's network ACL denies the tenant segments' block, by default the whole platform VPC ${vpcCidrBlock}; a control plane given by security group is admitted by the cell security group but denied by those ACLs if it runs inside the VPC: give \`tenantSegmentsCidrBlock\` a block that leaves the control plane out, or give the control plane by CIDR`,
      );
    }

    // ---- one stack per tenant environment; a construct-time error is mapped back to its file
    const late: RequestProblem[] = [];
    for (const r of this.requests) {
      const q = r.request;
      const stack = props.stacks.createStack(this, childId(stackIdOf(r)));
      this.tenantStacks.push(stack);
      try {
        this.environments.push(
          new PrivateEgressEnvironment(stack, "Environment", {
            ...q,
            cellSubnetPrefix: q.cellSubnetPrefix ?? cellSubnetPrefix,
            tenantSegmentsCidrBlock,
            networkAclRulesQuota: props.networkAclRulesQuota,
            vpc: this.vpc,
            internetGateway,
            availabilityZones: zones,
            existingSubnetCidrs: gateway === PlatformGateway.TRANSIT_GATEWAY ? [transitBlock] : [],
            transitGateway: this.transitGateway,
            transitGatewayVpcAttachment: this.vpcAttachment,
            vpnGateway: this.vpnGateway,
            alarmTopic: this.alarmTopic,
            cryptoProfile: props.cryptoProfile,
            controlPlane: props.controlPlane,
            cells: props.cells,
            allowDestroy,
          }),
        );
      } catch (e) {
        if (!(e instanceof PrivateEgressError)) throw e;
        late.push({ file: r.file, ...r.positionOf(parseFieldName(e.prop)), message: e.message });
      }
    }
    // every tenant is registered: each ACL holds its final rules (later tenants add denies to earlier ones)
    this.environments.forEach((environment, i) => {
      const r = this.requests[i];
      for (const e of environment.network.checkNetworkAclRules()) {
        late.push({ file: r.file, ...r.positionOf(["privateCidrs"]), message: e.message });
      }
    });
    if (late.length > 0) throw new PlatformRequestsError(late);
  }
}
