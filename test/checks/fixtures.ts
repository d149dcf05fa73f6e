/**
 * Policy-pack fixtures built from raw provider resources: a stack on which every rule is compliant,
 * and one mutation per rule (escape hatches or an added resource) that makes exactly that rule fail.
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { CustomerGateway } from "@cdktf/provider-aws/lib/customer-gateway";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpnConnection, VpnConnectionConfig } from "@cdktf/provider-aws/lib/vpn-connection";
import { VpnConnectionRoute } from "@cdktf/provider-aws/lib/vpn-connection-route";
import { VpnGateway } from "@cdktf/provider-aws/lib/vpn-gateway";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { IsolationSegment } from "../../gen/providers/cloudfoundry/isolation-segment";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";
import { SecurityGroup as CfSecurityGroup } from "../../gen/providers/cloudfoundry/security-group";
import { stackViewFromJson, StackView } from "../../lib/checks/view";

export const SPACE_GUID = "3bc20dc4-1870-4835-8308-dda2d766e61e";
export const CUSTOMER_CIDR = "192.168.100.0/24";
const SNS = "arn:aws-us-gov:sns:us-gov-west-1:123456789012:vpn-alarms";

/** The constructs of the compliant fixture, for mutations. */
export interface Fixture {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly vpc: Vpc;
  readonly defaultSg: DefaultSecurityGroup;
  readonly flowLogGroup: CloudwatchLogGroup;
  readonly flowLog: FlowLog;
  readonly vgw: VpnGateway;
  readonly cgw: CustomerGateway;
  readonly vpn: VpnConnection;
  readonly alarms: CloudwatchMetricAlarm[];
  readonly publicSubnet: Subnet;
  readonly privateSubnet: Subnet;
  readonly eip: Eip;
  readonly nat: NatGateway;
  readonly privateRt: RouteTable;
  readonly sg: SecurityGroup;
  readonly asg: CfSecurityGroup;
  readonly segment: IsolationSegment;
}

/** The strong tunnel options of both tunnels (strict profile). */
export function strongTunnels(): Partial<VpnConnectionConfig> {
  const t = {
    IkeVersions: ["ikev2"],
    Phase1EncryptionAlgorithms: ["AES256-GCM-16"],
    Phase2EncryptionAlgorithms: ["AES256-GCM-16"],
    Phase1IntegrityAlgorithms: ["SHA2-384"],
    Phase2IntegrityAlgorithms: ["SHA2-384"],
    Phase1DhGroupNumbers: [20],
    Phase2DhGroupNumbers: [20],
    Phase1LifetimeSeconds: 28800,
    Phase2LifetimeSeconds: 3600,
    DpdTimeoutAction: "restart",
  };
  const out: Record<string, unknown> = {};
  for (const n of [1, 2]) for (const [k, v] of Object.entries(t)) out[`tunnel${n}${k}`] = v;
  return out as Partial<VpnConnectionConfig>;
}

/**
 * Builds a stack on which every rule of the pack is compliant. `tunnels` replaces the strong tunnel
 * options (escape-hatch overrides append to lists, so a list cannot be replaced by an override).
 */
export function compliantFixture(tunnels: Partial<VpnConnectionConfig> = strongTunnels()): Fixture {
  const app = Testing.app();
  const stack = new TerraformStack(app, "policy");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  new CloudfoundryProvider(stack, "cloudfoundry", {});
  const key = new KmsKey(stack, "LogKey", { description: "log encryption", enableKeyRotation: true });
  const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.40.0.0/16" });
  const defaultSg = new DefaultSecurityGroup(stack, "DefaultSg", { vpcId: vpc.id });
  const flowLogGroup = new CloudwatchLogGroup(stack, "FlowLogs", {
    name: "flow",
    kmsKeyId: key.arn,
    retentionInDays: 365,
  });
  const flowLog = new FlowLog(stack, "FlowLog", {
    vpcId: vpc.id,
    trafficType: "ALL",
    logDestination: flowLogGroup.arn,
    iamRoleArn: "arn:aws-us-gov:iam::123456789012:role/flow-logs",
  });
  const tunnelLogs = new CloudwatchLogGroup(stack, "TunnelLogs", {
    name: "vpn",
    kmsKeyId: key.arn,
    retentionInDays: 400,
  });
  const vgw = new VpnGateway(stack, "Vgw", {
    vpcId: vpc.id,
    amazonSideAsn: "64512",
    lifecycle: { preventDestroy: true },
  });
  const cgw = new CustomerGateway(stack, "Cgw", {
    bgpAsn: "65000",
    ipAddress: "18.188.145.101",
    type: "ipsec.1",
    lifecycle: { createBeforeDestroy: true },
  });
  const logOptions = {
    cloudwatchLogOptions: { logEnabled: true, logGroupArn: tunnelLogs.arn, logOutputFormat: "json" },
  };
  const vpn = new VpnConnection(stack, "Vpn", {
    vpnGatewayId: vgw.id,
    customerGatewayId: cgw.id,
    type: "ipsec.1",
    staticRoutesOnly: true,
    presharedKeyStorage: "SecretsManager",
    ...tunnels,
    tunnel1InsideCidr: "169.254.10.0/30",
    tunnel2InsideCidr: "169.254.10.4/30",
    tunnel1LogOptions: logOptions,
    tunnel2LogOptions: logOptions,
    lifecycle: { preventDestroy: true },
  });
  new VpnConnectionRoute(stack, "CustomerRoute", {
    vpnConnectionId: vpn.id,
    destinationCidrBlock: CUSTOMER_CIDR,
  });
  const alarms = [1, 2].map(
    (t) =>
      new CloudwatchMetricAlarm(stack, `Tunnel${t}Down`, {
        alarmName: `vpn-tunnel-${t}-down`,
        comparisonOperator: "LessThanThreshold",
        evaluationPeriods: 3,
        period: 60,
        statistic: "Maximum",
        threshold: 1,
        namespace: "AWS/VPN",
        metricName: "TunnelState",
        dimensions: { VpnId: vpn.id, TunnelIpAddress: t === 1 ? vpn.tunnel1Address : vpn.tunnel2Address },
        alarmActions: [SNS],
      }),
  );
  const igw = new InternetGateway(stack, "Igw", { vpcId: vpc.id });
  const publicSubnet = new Subnet(stack, "Public-us-gov-west-1a", {
    vpcId: vpc.id,
    cidrBlock: "10.40.0.0/24",
    availabilityZone: "us-gov-west-1a",
  });
  const publicRt = new RouteTable(stack, "PublicRt", { vpcId: vpc.id });
  new Route(stack, "PublicDefault", {
    routeTableId: publicRt.id,
    destinationCidrBlock: "0.0.0.0/0",
    gatewayId: igw.id,
  });
  new RouteTableAssociation(stack, "PublicAssoc", { subnetId: publicSubnet.id, routeTableId: publicRt.id });
  const privateSubnet = new Subnet(stack, "Private-us-gov-west-1a", {
    vpcId: vpc.id,
    cidrBlock: "10.40.16.0/22",
    availabilityZone: "us-gov-west-1a",
  });
  const eip = new Eip(stack, "Eip-us-gov-west-1a", { domain: "vpc", lifecycle: { preventDestroy: true } });
  const nat = new NatGateway(stack, "Nat-us-gov-west-1a", {
    allocationId: eip.allocationId,
    subnetId: publicSubnet.id,
    lifecycle: { preventDestroy: true },
  });
  const privateRt = new RouteTable(stack, "PrivateRt", { vpcId: vpc.id });
  new Route(stack, "PrivateDefault", {
    routeTableId: privateRt.id,
    destinationCidrBlock: "0.0.0.0/0",
    natGatewayId: nat.id,
  });
  new Route(stack, "PrivateCustomer", {
    routeTableId: privateRt.id,
    destinationCidrBlock: CUSTOMER_CIDR,
    gatewayId: vgw.id,
  });
  new RouteTableAssociation(stack, "PrivateAssoc", {
    subnetId: privateSubnet.id,
    routeTableId: privateRt.id,
  });
  const sg = new SecurityGroup(stack, "CellsSg", {
    vpcId: vpc.id,
    description: "Diego cells of the dedicated segment",
    ingress: [
      {
        fromPort: 1801,
        toPort: 1801,
        protocol: "tcp",
        cidrBlocks: ["10.40.0.0/16"],
        description: "BBS to cells",
      },
    ],
    egress: [
      {
        fromPort: 443,
        toPort: 443,
        protocol: "tcp",
        cidrBlocks: [CUSTOMER_CIDR],
        description: "customer HTTPS",
      },
    ],
  });
  const asg = new CfSecurityGroup(stack, "PrivateAsg", {
    name: "agency-private-egress",
    rules: [{ protocol: "tcp", destination: CUSTOMER_CIDR, ports: "443", description: "customer HTTPS" }],
    runningSpaces: [SPACE_GUID],
    stagingSpaces: [],
  });
  const segment = new IsolationSegment(stack, "Segment", { name: "agency-prod-private-egress" });
  return {
    app,
    stack,
    vpc,
    defaultSg,
    flowLogGroup,
    flowLog,
    vgw,
    cgw,
    vpn,
    alarms,
    publicSubnet,
    privateSubnet,
    eip,
    nat,
    privateRt,
    sg,
    asg,
    segment,
  };
}

/** One mutation per rule id: after it, that rule is non-compliant. */
export const FAILING: Record<string, (f: Fixture) => void> = {
  "PE-AWS-VPN-001": (f) => f.vpn.addOverride("tunnel2_ike_versions", ["ikev1", "ikev2"]),
  "PE-AWS-VPN-002": (f) => f.vpn.addOverride("tunnel2_phase2_integrity_algorithms", ["SHA1"]),
  "PE-AWS-VPN-003": (f) => f.vpn.addOverride("tunnel1_phase1_encryption_algorithms", ["AES128"]),
  "PE-AWS-VPN-004": (f) => f.vpn.addOverride("tunnel2_phase2_lifetime_seconds", 4000),
  "PE-AWS-VPN-005": (f) => f.vpn.addOverride("tunnel2_inside_cidr", "169.254.10.0/30"),
  "PE-AWS-VPN-006": (f) => f.vpn.addOverride("tunnel1_preshared_key", "NotSoSecret.key_42"),
  "PE-AWS-VPN-007": (f) => f.vpn.addOverride("preshared_key_storage", "Standard"),
  "PE-AWS-VPN-008": (f) => f.vpn.addOverride("tunnel2_log_options.cloudwatch_log_options.log_enabled", false),
  "PE-AWS-VPN-009": (f) => f.vpn.addOverride("tunnel1_dpd_timeout_action", "none"),
  "PE-AWS-VPN-010": (f) => f.alarms[1].addOverride("actions_enabled", false),
  "PE-AWS-VPN-011": (f) => f.vpn.addOverride("tunnel_inside_ip_version", "ipv5"),
  "PE-AWS-CGW-001": (f) => f.cgw.addOverride("bgp_asn_extended", "4200000001"),
  "PE-STATE-001": (f) => f.eip.addOverride("lifecycle.prevent_destroy", false),
  "PE-STATE-002": (f) =>
    new Eip(new Construct(f.stack, "Egress"), "Eip-1", {
      domain: "vpc",
      lifecycle: { preventDestroy: true },
    }),
  "PE-AWS-RT-001": (f) => f.privateRt.addOverride("propagating_vgws", [f.vgw.id]),
  "PE-AWS-RT-002": (f) =>
    new Route(f.stack, "LeakRoute", {
      routeTableId: f.privateRt.id,
      destinationCidrBlock: "192.168.100.0/25",
      natGatewayId: f.nat.id,
    }),
  "PE-AWS-NET-001": (f) =>
    new VpnConnectionRoute(f.stack, "OverlapRoute", {
      vpnConnectionId: f.vpn.id,
      destinationCidrBlock: "10.40.1.0/24",
    }),
  "PE-AWS-NET-002": (f) => {
    const b = new Subnet(f.stack, "Private-us-gov-west-1b", {
      vpcId: f.vpc.id,
      cidrBlock: "10.40.20.0/22",
      availabilityZone: "us-gov-west-1b",
    });
    new RouteTableAssociation(f.stack, "PrivateAssocB", { subnetId: b.id, routeTableId: f.privateRt.id });
  },
  "PE-AWS-VPC-001": (f) => f.flowLog.addOverride("vpc_id", "vpc-0123456789abcdef0"),
  "PE-AWS-LOG-001": (f) => f.flowLogGroup.addOverride("retention_in_days", 30),
  "PE-AWS-SG-001": (f) =>
    f.defaultSg.addOverride("ingress", [
      { from_port: 0, to_port: 0, protocol: "-1", self: true, description: "members" },
    ]),
  "PE-AWS-SUBNET-001": (f) => f.privateSubnet.addOverride("map_public_ip_on_launch", true),
  "PE-AWS-SG-002": (f) =>
    f.sg.addOverride("ingress", [
      { from_port: 1801, to_port: 1801, protocol: "tcp", cidr_blocks: ["10.40.0.0/16"] },
    ]),
  "PE-AWS-SG-003": (f) =>
    new SecurityGroupRule(f.stack, "WorldIn", {
      type: "ingress",
      securityGroupId: f.sg.id,
      fromPort: 443,
      toPort: 443,
      protocol: "tcp",
      cidrBlocks: ["0.0.0.0/0"],
      description: "https from anywhere",
    }),
  "PE-AWS-SG-004": (f) =>
    new VpcSecurityGroupEgressRule(f.stack, "WorldOut", {
      securityGroupId: f.sg.id,
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "-1",
      description: "NAT egress",
    }),
  "PE-CF-ASG-001": (f) =>
    f.asg.addOverride("rules", [{ protocol: "tcp", destination: CUSTOMER_CIDR, description: "no ports" }]),
  "PE-CF-ASG-002": (f) =>
    new CfSecurityGroup(f.stack, "MetadataAsg", {
      name: "metadata",
      rules: [{ protocol: "tcp", destination: "169.254.169.254", ports: "80" }],
      runningSpaces: [SPACE_GUID],
      stagingSpaces: [],
    }),
  "PE-CF-ASG-003": (f) =>
    new CfSecurityGroup(f.stack, "LooseAsg", {
      name: "loose",
      rules: [{ protocol: "tcp", destination: CUSTOMER_CIDR, ports: "443" }],
      runningSpaces: [SPACE_GUID],
    }),
  "PE-CF-SCHEMA-001": (f) => f.segment.addOverride("colour", "blue"),
  "PE-TF-001": (f) => f.segment.addOverride("name", 'seg-${file("~/.aws/credentials")}'),
};

/** The view of a fixture's stack, exactly as cdk.tf.json would hold it (`//` metadata included). */
export function viewOf(f: Fixture): StackView {
  return stackViewFromJson(f.stack.toTerraform() as Record<string, unknown>, f.stack.node.id);
}
