#!/usr/bin/env node
// AWS CDK case of `npm run bench` (issue 17): `node bench/aws-cdk/app.js N` synthesizes N stacks of
// the AWS half of one tenant environment with aws-cdk-lib (bench/aws-cdk/package.json, installed on
// demand by bench/run.js, never a dependency of the library): a two-AZ VPC with public and cell
// subnets and NAT gateways, flow logs to a KMS-encrypted log group, a network ACL with the tenant's
// rules, the cell security group, the VPN (virtual private gateway, customer gateway, connection with
// both tunnels' crypto and KMS-encrypted tunnel logs, static route), and the three tunnel alarms on
// a KMS-encrypted topic. Cloud Foundry has no AWS CDK constructs, so its part has no counterpart.
"use strict";
const cdk = require("aws-cdk-lib");
const ec2 = require("aws-cdk-lib/aws-ec2");
const kms = require("aws-cdk-lib/aws-kms");
const logs = require("aws-cdk-lib/aws-logs");
const sns = require("aws-cdk-lib/aws-sns");
const cloudwatch = require("aws-cdk-lib/aws-cloudwatch");
const actions = require("aws-cdk-lib/aws-cloudwatch-actions");

const n = Number(process.argv[2] ?? "1");
if (!Number.isInteger(n) || n < 1) {
  console.error("usage: node bench/aws-cdk/app.js N");
  process.exit(2);
}
const cidrOf = (i) => `172.${16 + Math.floor(i / 256)}.${i % 256}.0/24`;
const endpointOf = (i) => `18.188.${146 + Math.floor(i / 250)}.${1 + (i % 250)}`;
const env = { account: "123456789012", region: "us-gov-west-1" };

function tenantStack(app, i) {
  const org = `tenant-${String(i).padStart(3, "0")}`;
  const cidr = cidrOf(i);
  const stack = new cdk.Stack(app, org, { env });
  cdk.Tags.of(stack).add("managed-by", "cdktf-private-egress");
  const key = (id, description) => new kms.Key(stack, id, { description, enableKeyRotation: true });

  const vpc = new ec2.Vpc(stack, "Vpc", {
    ipAddresses: ec2.IpAddresses.cidr("10.40.0.0/16"),
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
    natGateways: 2,
    restrictDefaultSecurityGroup: false,
    subnetConfiguration: [
      { name: "Public", subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: "Cells", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
    ],
    vpnGateway: true,
    vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
  });
  const flowKey = key("FlowLogsKey", `Encrypts the VPC flow logs of ${org}`);
  flowKey.grantEncryptDecrypt(new cdk.aws_iam.ServicePrincipal(`logs.${env.region}.amazonaws.com`));
  const flowGroup = new logs.LogGroup(stack, "FlowLogs", {
    logGroupName: `/aws/vpc/flow-logs/${org}`,
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: flowKey,
  });
  vpc.addFlowLog("FlowLog", {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(flowGroup),
    trafficType: ec2.FlowLogTrafficType.ALL,
    maxAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
  });

  const acl = new ec2.NetworkAcl(stack, "NetworkAcl", {
    vpc,
    subnetSelection: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  });
  const entries = [
    ["AllowVpcIn", "10.40.0.0/16", ec2.TrafficDirection.INGRESS, 100],
    ["AllowVpcOut", "10.40.0.0/16", ec2.TrafficDirection.EGRESS, 100],
    ["AllowCustomerIn", cidr, ec2.TrafficDirection.INGRESS, 200],
    ["AllowCustomerOut", cidr, ec2.TrafficDirection.EGRESS, 200],
    ["AllowPublicIn", "0.0.0.0/0", ec2.TrafficDirection.INGRESS, 300],
    ["AllowPublicOut", "0.0.0.0/0", ec2.TrafficDirection.EGRESS, 300],
    ["DenyMetadataOut", "169.254.169.254/32", ec2.TrafficDirection.EGRESS, 50],
  ];
  for (const [id, block, direction, ruleNumber] of entries) {
    acl.addEntry(id, {
      cidr: ec2.AclCidr.ipv4(block),
      direction,
      ruleNumber,
      traffic: ec2.AclTraffic.allTraffic(),
      ruleAction: id.startsWith("Deny") ? ec2.Action.DENY : ec2.Action.ALLOW,
    });
  }
  const cells = new ec2.SecurityGroup(stack, "CellSecurityGroup", { vpc, allowAllOutbound: false });
  cells.addEgressRule(ec2.Peer.ipv4(cidr), ec2.Port.allTraffic(), "private network");
  cells.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), "public egress via NAT");

  const tunnelKey = key("TunnelLogsKey", `Tunnel logs of ${org}`);
  tunnelKey.grantEncryptDecrypt(new cdk.aws_iam.ServicePrincipal(`logs.${env.region}.amazonaws.com`));
  const tunnelLogs = new logs.LogGroup(stack, "TunnelLogs", {
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: tunnelKey,
  });
  const tunnel = {
    ikeVersions: [{ value: "ikev1" }],
    phase1DhGroupNumbers: [{ value: 14 }],
    phase1EncryptionAlgorithms: [{ value: "AES256" }, { value: "AES128" }],
    phase1IntegrityAlgorithms: [{ value: "SHA2-256" }],
    phase1LifetimeSeconds: 28800,
    phase2DhGroupNumbers: [{ value: 14 }],
    phase2EncryptionAlgorithms: [{ value: "AES256" }, { value: "AES128" }],
    phase2IntegrityAlgorithms: [{ value: "SHA2-256" }],
    phase2LifetimeSeconds: 3600,
    dpdTimeoutAction: "clear",
    dpdTimeoutSeconds: 30,
    enableTunnelLifecycleControl: false,
    logOptions: {
      cloudwatchLogOptions: {
        logEnabled: true,
        logGroupArn: tunnelLogs.logGroupArn,
        logOutputFormat: "json",
      },
    },
  };
  const customer = new ec2.CfnCustomerGateway(stack, "CustomerGateway", {
    bgpAsn: 65000,
    ipAddress: endpointOf(i),
    type: "ipsec.1",
  });
  const vpn = new ec2.CfnVPNConnection(stack, "VpnConnection", {
    type: "ipsec.1",
    customerGatewayId: customer.ref,
    vpnGatewayId: vpc.vpnGatewayId,
    staticRoutesOnly: true,
    vpnTunnelOptionsSpecifications: [tunnel, tunnel],
  });
  vpn.applyRemovalPolicy(cdk.RemovalPolicy.RETAIN);
  new ec2.CfnVPNConnectionRoute(stack, "VpnRoute", {
    vpnConnectionId: vpn.ref,
    destinationCidrBlock: cidr,
  });

  const topicKey = key("AlarmTopicKey", `Alarm notifications of ${org}`);
  const topic = new sns.Topic(stack, "AlarmTopic", { masterKey: topicKey });
  // CloudFormation exposes no tunnel outside addresses: the tunnel dimension is a placeholder
  const state = (tunnel) =>
    new cloudwatch.Metric({
      namespace: "AWS/VPN",
      metricName: "TunnelState",
      dimensionsMap: { VpnId: vpn.ref, TunnelIpAddress: `${org}-tunnel-${tunnel}` },
      statistic: "Maximum",
      period: cdk.Duration.minutes(5),
    });
  const t1 = state(1);
  const t2 = state(2);
  const alarms = [
    ["Tunnel1Down", t1],
    ["Tunnel2Down", t2],
    [
      "AllTunnelsDown",
      new cloudwatch.MathExpression({ expression: "MAX([t1, t2])", usingMetrics: { t1, t2 } }),
    ],
  ];
  for (const [id, metric] of alarms) {
    const alarm = new cloudwatch.Alarm(stack, id, {
      metric,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
    alarm.addOkAction(new actions.SnsAction(topic));
  }
  return stack;
}

const app = new cdk.App({ outdir: process.env.CDKTF_OUTDIR });
for (let i = 0; i < n; i++) tenantStack(app, i);
app.synth();
