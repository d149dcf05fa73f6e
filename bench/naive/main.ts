/**
 * The naive baseline (issue 8): the default example's resources written the way a newcomer writes
 * them with cdktf — the provider barrel `import * as aws from "@cdktf/provider-aws"`, raw resources,
 * literal values, run with `ts-node` WITH type-checking (bench/naive/tsconfig.json, like
 * `cdktf init`'s app command). It builds the same resource and data-source addresses as the default
 * example (`overrideLogicalId` to the library's ids); bench/run.js asserts at bench time that the
 * sorted address sets of the two outputs are equal and fails the bench if they differ (a jest test
 * would load the barrel: seconds and ~500 MB per run).
 *
 * The body was generated once from the default example's synthesized JSON and then left alone: it is
 * a measurement fixture, not an example to follow (the library's constructs derive all of this).
 */
import * as aws from "@cdktf/provider-aws";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import * as cloudfoundry from "../../gen/providers/cloudfoundry";

const app = new App();
const stack = new TerraformStack(app, "private-egress-default");
new aws.provider.AwsProvider(stack, "aws", {
  region: "us-gov-west-1",
  defaultTags: [{ tags: { "managed-by": "cdktf-private-egress", stack: "private-egress-default" } }],
});
new cloudfoundry.provider.CloudfoundryProvider(stack, "cloudfoundry", {});
new LocalBackend(stack, { path: "terraform.private-egress-default.tfstate" });

const networkVpc = new aws.vpc.Vpc(stack, "Agency_Network_Vpc_E364C5C1", {
  cidrBlock: "10.40.0.0/16",
  enableDnsHostnames: true,
  enableDnsSupport: true,
  tags: {
    Name: "agency-prod-production-vpc",
  },
});
networkVpc.overrideLogicalId("Agency_Network_Vpc_E364C5C1");

const networkFlowlogsKey = new aws.kmsKey.KmsKey(stack, "Agency_Network_FlowLogs_Key_89B90DED", {
  deletionWindowInDays: 30,
  description: "Encrypts the VPC flow logs in /aws/vpc/flow-logs/agency-prod-production",
  enableKeyRotation: true,
  policy:
    '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Sid" = "AccountAdministersKey", "Effect" = "Allow", "Principal" = {"AWS" = "arn:${element(split(":", aws_vpc.Agency_Network_Vpc_E364C5C1.arn), 1)}:iam::${aws_vpc.Agency_Network_Vpc_E364C5C1.owner_id}:root"}, "Action" = "kms:*", "Resource" = "*"}, {"Sid" = "CloudWatchLogsUsesKeyForFlowLogs", "Effect" = "Allow", "Principal" = {"Service" = "logs.${element(split(":", aws_vpc.Agency_Network_Vpc_E364C5C1.arn), 3)}.amazonaws.com"}, "Action" = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource" = "*", "Condition" = {"ArnEquals" = {"kms:EncryptionContext:aws:logs:arn" = "arn:${element(split(":", aws_vpc.Agency_Network_Vpc_E364C5C1.arn), 1)}:logs:${element(split(":", aws_vpc.Agency_Network_Vpc_E364C5C1.arn), 3)}:${aws_vpc.Agency_Network_Vpc_E364C5C1.owner_id}:log-group:/aws/vpc/flow-logs/agency-prod-production"}}}]})}',
  tags: {},
});
networkFlowlogsKey.overrideLogicalId("Agency_Network_FlowLogs_Key_89B90DED");

const networkFlowlogsLoggroup = new aws.cloudwatchLogGroup.CloudwatchLogGroup(
  stack,
  "Agency_Network_FlowLogs_LogGroup_59D76019",
  {
    kmsKeyId: networkFlowlogsKey.arn,
    name: "/aws/vpc/flow-logs/agency-prod-production",
    retentionInDays: 365,
    tags: {},
  },
);
networkFlowlogsLoggroup.overrideLogicalId("Agency_Network_FlowLogs_LogGroup_59D76019");

const vpnconnectionLogsKey = new aws.kmsKey.KmsKey(stack, "Agency_VpnConnection_Logs_Key_351B3D26", {
  deletionWindowInDays: 30,
  description: "Tunnel logs of VPN connection private-egress-default/Agency/VpnConnection",
  enableKeyRotation: true,
});
vpnconnectionLogsKey.overrideLogicalId("Agency_VpnConnection_Logs_Key_351B3D26");

const vpnconnectionLogsKeypolicy = new aws.kmsKeyPolicy.KmsKeyPolicy(
  stack,
  "Agency_VpnConnection_Logs_KeyPolicy_DBF0E8B6",
  {
    keyId: vpnconnectionLogsKey.id,
    policy:
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Sid" = "AccountAdministers", "Effect" = "Allow", "Principal" = {"AWS" = "arn:${element(split(":", aws_kms_key.Agency_VpnConnection_Logs_Key_351B3D26.arn), 1)}:iam::${element(split(":", aws_kms_key.Agency_VpnConnection_Logs_Key_351B3D26.arn), 4)}:root"}, "Action" = "kms:*", "Resource" = "*"}, {"Sid" = "ServiceUses", "Effect" = "Allow", "Principal" = {"Service" = "logs.${element(split(":", aws_kms_key.Agency_VpnConnection_Logs_Key_351B3D26.arn), 3)}.amazonaws.com"}, "Action" = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource" = "*", "Condition" = {"StringEquals" = {"aws:SourceAccount" = element(split(":", aws_kms_key.Agency_VpnConnection_Logs_Key_351B3D26.arn), 4)}}}]})}',
  },
);
vpnconnectionLogsKeypolicy.overrideLogicalId("Agency_VpnConnection_Logs_KeyPolicy_DBF0E8B6");

const vpnconnectionLogs = new aws.cloudwatchLogGroup.CloudwatchLogGroup(
  stack,
  "Agency_VpnConnection_Logs_369CE8EB",
  {
    kmsKeyId: vpnconnectionLogsKey.arn,
    namePrefix: "/aws/vpn/VpnConnection-",
    retentionInDays: 365,
    dependsOn: [vpnconnectionLogsKeypolicy],
  },
);
vpnconnectionLogs.overrideLogicalId("Agency_VpnConnection_Logs_369CE8EB");

const vpnalarmsTopicKey = new aws.kmsKey.KmsKey(stack, "Agency_VpnAlarms_Topic_Key_13D97514", {
  deletionWindowInDays: 30,
  description: "Alarm notifications of private-egress-default/Agency/VpnAlarms",
  enableKeyRotation: true,
});
vpnalarmsTopicKey.overrideLogicalId("Agency_VpnAlarms_Topic_Key_13D97514");

const vpnalarmsTopic = new aws.snsTopic.SnsTopic(stack, "Agency_VpnAlarms_Topic_D9D369E8", {
  kmsMasterKeyId: vpnalarmsTopicKey.arn,
  namePrefix: "vpn-tunnel-alarms-",
});
vpnalarmsTopic.overrideLogicalId("Agency_VpnAlarms_Topic_D9D369E8");

const vpncustomergateway = new aws.customerGateway.CustomerGateway(
  stack,
  "Agency_VpnCustomerGateway_33545B58",
  {
    bgpAsn: "65000",
    deviceName: "openswan",
    ipAddress: "18.188.145.101",
    lifecycle: {
      createBeforeDestroy: true,
      preventDestroy: true,
    },
    type: "ipsec.1",
  },
);
vpncustomergateway.overrideLogicalId("Agency_VpnCustomerGateway_33545B58");

const vpngateway = new aws.vpnGateway.VpnGateway(stack, "Agency_VpnGateway_D73CCB81", {
  amazonSideAsn: "64512",
  lifecycle: {
    preventDestroy: true,
  },
  vpcId: networkVpc.id,
});
vpngateway.overrideLogicalId("Agency_VpnGateway_D73CCB81");

const vpnconnection = new aws.vpnConnection.VpnConnection(stack, "Agency_VpnConnection_C6E910C6", {
  customerGatewayId: vpncustomergateway.id,
  lifecycle: {
    preventDestroy: true,
  },
  presharedKeyStorage: "SecretsManager",
  staticRoutesOnly: true,
  tunnel1DpdTimeoutAction: "clear",
  tunnel1DpdTimeoutSeconds: 30,
  tunnel1EnableTunnelLifecycleControl: false,
  tunnel1IkeVersions: ["ikev1"],
  tunnel1LogOptions: {
    cloudwatchLogOptions: {
      logEnabled: true,
      logGroupArn: vpnconnectionLogs.arn,
      logOutputFormat: "json",
    },
  },
  tunnel1Phase1DhGroupNumbers: [14],
  tunnel1Phase1EncryptionAlgorithms: ["AES256", "AES128"],
  tunnel1Phase1IntegrityAlgorithms: ["SHA2-256"],
  tunnel1Phase1LifetimeSeconds: 28800,
  tunnel1Phase2DhGroupNumbers: [14],
  tunnel1Phase2EncryptionAlgorithms: ["AES256", "AES128"],
  tunnel1Phase2IntegrityAlgorithms: ["SHA2-256"],
  tunnel1Phase2LifetimeSeconds: 3600,
  tunnel1RekeyFuzzPercentage: 100,
  tunnel1RekeyMarginTimeSeconds: 540,
  tunnel1ReplayWindowSize: 1024,
  tunnel1StartupAction: "add",
  tunnel2DpdTimeoutAction: "clear",
  tunnel2DpdTimeoutSeconds: 30,
  tunnel2EnableTunnelLifecycleControl: false,
  tunnel2IkeVersions: ["ikev1"],
  tunnel2LogOptions: {
    cloudwatchLogOptions: {
      logEnabled: true,
      logGroupArn: vpnconnectionLogs.arn,
      logOutputFormat: "json",
    },
  },
  tunnel2Phase1DhGroupNumbers: [14],
  tunnel2Phase1EncryptionAlgorithms: ["AES256", "AES128"],
  tunnel2Phase1IntegrityAlgorithms: ["SHA2-256"],
  tunnel2Phase1LifetimeSeconds: 28800,
  tunnel2Phase2DhGroupNumbers: [14],
  tunnel2Phase2EncryptionAlgorithms: ["AES256", "AES128"],
  tunnel2Phase2IntegrityAlgorithms: ["SHA2-256"],
  tunnel2Phase2LifetimeSeconds: 3600,
  tunnel2RekeyFuzzPercentage: 100,
  tunnel2RekeyMarginTimeSeconds: 540,
  tunnel2ReplayWindowSize: 1024,
  tunnel2StartupAction: "add",
  type: "ipsec.1",
  vpnGatewayId: vpngateway.id,
});
vpnconnection.overrideLogicalId("Agency_VpnConnection_C6E910C6");

const vpnalarmsAlltunnels = new aws.cloudwatchMetricAlarm.CloudwatchMetricAlarm(
  stack,
  "Agency_VpnAlarms_AllTunnels_145C35B5",
  {
    alarmActions: [vpnalarmsTopic.arn],
    alarmDescription: "Every tunnel of the VPN connection is down: no private egress",
    alarmName: `vpn-${vpnconnection.id}-all-tunnels-down`,
    comparisonOperator: "LessThanThreshold",
    datapointsToAlarm: 2,
    evaluationPeriods: 2,
    metricQuery: [
      {
        id: "t1",
        metric: {
          dimensions: {
            TunnelIpAddress: vpnconnection.tunnel1Address,
            VpnId: vpnconnection.id,
          },
          metricName: "TunnelState",
          namespace: "AWS/VPN",
          period: 300,
          stat: "Maximum",
        },
        returnData: false,
      },
      {
        id: "t2",
        metric: {
          dimensions: {
            TunnelIpAddress: vpnconnection.tunnel2Address,
            VpnId: vpnconnection.id,
          },
          metricName: "TunnelState",
          namespace: "AWS/VPN",
          period: 300,
          stat: "Maximum",
        },
        returnData: false,
      },
      {
        expression: "MAX([t1, t2])",
        id: "up",
        label: "Tunnels up (max)",
        returnData: true,
      },
    ],
    okActions: [vpnalarmsTopic.arn],
    threshold: 1,
    treatMissingData: "breaching",
  },
);
vpnalarmsAlltunnels.overrideLogicalId("Agency_VpnAlarms_AllTunnels_145C35B5");

const vpnalarmsTunnel1 = new aws.cloudwatchMetricAlarm.CloudwatchMetricAlarm(
  stack,
  "Agency_VpnAlarms_Tunnel1_D95CF384",
  {
    alarmActions: [vpnalarmsTopic.arn],
    alarmDescription: "VPN tunnel 1 is down (TunnelState < 1 or no data)",
    alarmName: `vpn-${vpnconnection.id}-tunnel1-down`,
    comparisonOperator: "LessThanThreshold",
    datapointsToAlarm: 2,
    dimensions: {
      TunnelIpAddress: vpnconnection.tunnel1Address,
      VpnId: vpnconnection.id,
    },
    evaluationPeriods: 2,
    metricName: "TunnelState",
    namespace: "AWS/VPN",
    okActions: [vpnalarmsTopic.arn],
    period: 300,
    statistic: "Maximum",
    threshold: 1,
    treatMissingData: "breaching",
  },
);
vpnalarmsTunnel1.overrideLogicalId("Agency_VpnAlarms_Tunnel1_D95CF384");

const vpnalarmsTunnel2 = new aws.cloudwatchMetricAlarm.CloudwatchMetricAlarm(
  stack,
  "Agency_VpnAlarms_Tunnel2_855550A6",
  {
    alarmActions: [vpnalarmsTopic.arn],
    alarmDescription: "VPN tunnel 2 is down (TunnelState < 1 or no data)",
    alarmName: `vpn-${vpnconnection.id}-tunnel2-down`,
    comparisonOperator: "LessThanThreshold",
    datapointsToAlarm: 2,
    dimensions: {
      TunnelIpAddress: vpnconnection.tunnel2Address,
      VpnId: vpnconnection.id,
    },
    evaluationPeriods: 2,
    metricName: "TunnelState",
    namespace: "AWS/VPN",
    okActions: [vpnalarmsTopic.arn],
    period: 300,
    statistic: "Maximum",
    threshold: 1,
    treatMissingData: "breaching",
  },
);
vpnalarmsTunnel2.overrideLogicalId("Agency_VpnAlarms_Tunnel2_855550A6");

const networkDefaultsecuritygroup = new aws.defaultSecurityGroup.DefaultSecurityGroup(
  stack,
  "Agency_Network_DefaultSecurityGroup_94B564B1",
  {
    tags: {
      Name: "agency-prod-production-default-closed",
    },
    vpcId: networkVpc.id,
  },
);
networkDefaultsecuritygroup.overrideLogicalId("Agency_Network_DefaultSecurityGroup_94B564B1");

const networkUsGovWest1aEip = new aws.eip.Eip(stack, "Agency_Network_us-gov-west-1a_Eip_9DF38EF1", {
  domain: "vpc",
  lifecycle: {
    preventDestroy: true,
  },
  tags: {
    Name: "agency-prod-production-egress-us-gov-west-1a",
  },
});
networkUsGovWest1aEip.overrideLogicalId("Agency_Network_us-gov-west-1a_Eip_9DF38EF1");

const networkUsGovWest1bEip = new aws.eip.Eip(stack, "Agency_Network_us-gov-west-1b_Eip_99FB420C", {
  domain: "vpc",
  lifecycle: {
    preventDestroy: true,
  },
  tags: {
    Name: "agency-prod-production-egress-us-gov-west-1b",
  },
});
networkUsGovWest1bEip.overrideLogicalId("Agency_Network_us-gov-west-1b_Eip_99FB420C");

const networkFlowlogsRole = new aws.iamRole.IamRole(stack, "Agency_Network_FlowLogs_Role_281BC822", {
  assumeRolePolicy:
    '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Principal" = {"Service" = "vpc-flow-logs.amazonaws.com"}, "Action" = "sts:AssumeRole", "Condition" = {"StringEquals" = {"aws:SourceAccount" = aws_vpc.Agency_Network_Vpc_E364C5C1.owner_id}}}]})}',
  description: "Lets VPC flow logs write to /aws/vpc/flow-logs/agency-prod-production",
  tags: {},
});
networkFlowlogsRole.overrideLogicalId("Agency_Network_FlowLogs_Role_281BC822");

const networkFlowlogs = new aws.flowLog.FlowLog(stack, "Agency_Network_FlowLogs_43352C66", {
  iamRoleArn: networkFlowlogsRole.arn,
  logDestination: networkFlowlogsLoggroup.arn,
  logDestinationType: "cloud-watch-logs",
  maxAggregationInterval: 60,
  tags: {},
  trafficType: "ALL",
  vpcId: networkVpc.id,
});
networkFlowlogs.overrideLogicalId("Agency_Network_FlowLogs_43352C66");

const networkFlowlogsRolepolicy = new aws.iamRolePolicy.IamRolePolicy(
  stack,
  "Agency_Network_FlowLogs_RolePolicy_DF6E6849",
  {
    policy:
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Action" = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"], "Resource" = [aws_cloudwatch_log_group.Agency_Network_FlowLogs_LogGroup_59D76019.arn, "${aws_cloudwatch_log_group.Agency_Network_FlowLogs_LogGroup_59D76019.arn}:*"]}]})}',
    role: networkFlowlogsRole.id,
  },
);
networkFlowlogsRolepolicy.overrideLogicalId("Agency_Network_FlowLogs_RolePolicy_DF6E6849");

const networkInternetgateway = new aws.internetGateway.InternetGateway(
  stack,
  "Agency_Network_InternetGateway_20D2F3CA",
  {
    tags: {
      Name: "agency-prod-production-igw",
    },
    vpcId: networkVpc.id,
  },
);
networkInternetgateway.overrideLogicalId("Agency_Network_InternetGateway_20D2F3CA");

const vpnalarmsTopicKeypolicy = new aws.kmsKeyPolicy.KmsKeyPolicy(
  stack,
  "Agency_VpnAlarms_Topic_KeyPolicy_64DD2DCE",
  {
    keyId: vpnalarmsTopicKey.id,
    policy:
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Sid" = "AccountAdministers", "Effect" = "Allow", "Principal" = {"AWS" = "arn:${element(split(":", aws_kms_key.Agency_VpnAlarms_Topic_Key_13D97514.arn), 1)}:iam::${element(split(":", aws_kms_key.Agency_VpnAlarms_Topic_Key_13D97514.arn), 4)}:root"}, "Action" = "kms:*", "Resource" = "*"}, {"Sid" = "ServiceUses", "Effect" = "Allow", "Principal" = {"Service" = "cloudwatch.amazonaws.com"}, "Action" = ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource" = "*", "Condition" = {"StringEquals" = {"aws:SourceAccount" = element(split(":", aws_kms_key.Agency_VpnAlarms_Topic_Key_13D97514.arn), 4)}}}]})}',
  },
);
vpnalarmsTopicKeypolicy.overrideLogicalId("Agency_VpnAlarms_Topic_KeyPolicy_64DD2DCE");

const networkUsGovWest1aNatsubnet = new aws.subnet.Subnet(
  stack,
  "Agency_Network_us-gov-west-1a_NatSubnet_9E83BC15",
  {
    availabilityZone: "us-gov-west-1a",
    cidrBlock: "10.40.28.0/28",
    mapPublicIpOnLaunch: false,
    tags: {
      Name: "agency-prod-production-nat-us-gov-west-1a",
    },
    vpcId: networkVpc.id,
  },
);
networkUsGovWest1aNatsubnet.overrideLogicalId("Agency_Network_us-gov-west-1a_NatSubnet_9E83BC15");

const networkUsGovWest1aNatgateway = new aws.natGateway.NatGateway(
  stack,
  "Agency_Network_us-gov-west-1a_NatGateway_33647E7D",
  {
    allocationId: networkUsGovWest1aEip.allocationId,
    connectivityType: "public",
    lifecycle: {
      preventDestroy: true,
    },
    subnetId: networkUsGovWest1aNatsubnet.id,
    tags: {
      Name: "agency-prod-production-nat-us-gov-west-1a",
    },
  },
);
networkUsGovWest1aNatgateway.overrideLogicalId("Agency_Network_us-gov-west-1a_NatGateway_33647E7D");

const networkUsGovWest1bNatsubnet = new aws.subnet.Subnet(
  stack,
  "Agency_Network_us-gov-west-1b_NatSubnet_2C16BF47",
  {
    availabilityZone: "us-gov-west-1b",
    cidrBlock: "10.40.28.16/28",
    mapPublicIpOnLaunch: false,
    tags: {
      Name: "agency-prod-production-nat-us-gov-west-1b",
    },
    vpcId: networkVpc.id,
  },
);
networkUsGovWest1bNatsubnet.overrideLogicalId("Agency_Network_us-gov-west-1b_NatSubnet_2C16BF47");

const networkUsGovWest1bNatgateway = new aws.natGateway.NatGateway(
  stack,
  "Agency_Network_us-gov-west-1b_NatGateway_95CFEB0C",
  {
    allocationId: networkUsGovWest1bEip.allocationId,
    connectivityType: "public",
    lifecycle: {
      preventDestroy: true,
    },
    subnetId: networkUsGovWest1bNatsubnet.id,
    tags: {
      Name: "agency-prod-production-nat-us-gov-west-1b",
    },
  },
);
networkUsGovWest1bNatgateway.overrideLogicalId("Agency_Network_us-gov-west-1b_NatGateway_95CFEB0C");

const networkNetworkacl = new aws.networkAcl.NetworkAcl(stack, "Agency_Network_NetworkAcl_6E93E2FB", {
  tags: {
    Name: "agency-prod-production-cells",
  },
  vpcId: networkVpc.id,
});
networkNetworkacl.overrideLogicalId("Agency_Network_NetworkAcl_6E93E2FB");

const networkUsGovWest1aCellsubnet = new aws.subnet.Subnet(
  stack,
  "Agency_Network_us-gov-west-1a_CellSubnet_908694E7",
  {
    availabilityZone: "us-gov-west-1a",
    cidrBlock: "10.40.0.0/22",
    mapPublicIpOnLaunch: false,
    tags: {
      Name: "agency-prod-production-cells-us-gov-west-1a",
    },
    vpcId: networkVpc.id,
  },
);
networkUsGovWest1aCellsubnet.overrideLogicalId("Agency_Network_us-gov-west-1a_CellSubnet_908694E7");

const networkUsGovWest1aNetworkaclassociation = new aws.networkAclAssociation.NetworkAclAssociation(
  stack,
  "Agency_Network_us-gov-west-1a_NetworkAclAssociation_FE46CEB9",
  {
    networkAclId: networkNetworkacl.id,
    subnetId: networkUsGovWest1aCellsubnet.id,
  },
);
networkUsGovWest1aNetworkaclassociation.overrideLogicalId(
  "Agency_Network_us-gov-west-1a_NetworkAclAssociation_FE46CEB9",
);

const networkUsGovWest1bCellsubnet = new aws.subnet.Subnet(
  stack,
  "Agency_Network_us-gov-west-1b_CellSubnet_196755B4",
  {
    availabilityZone: "us-gov-west-1b",
    cidrBlock: "10.40.4.0/22",
    mapPublicIpOnLaunch: false,
    tags: {
      Name: "agency-prod-production-cells-us-gov-west-1b",
    },
    vpcId: networkVpc.id,
  },
);
networkUsGovWest1bCellsubnet.overrideLogicalId("Agency_Network_us-gov-west-1b_CellSubnet_196755B4");

const networkUsGovWest1bNetworkaclassociation = new aws.networkAclAssociation.NetworkAclAssociation(
  stack,
  "Agency_Network_us-gov-west-1b_NetworkAclAssociation_D720BC89",
  {
    networkAclId: networkNetworkacl.id,
    subnetId: networkUsGovWest1bCellsubnet.id,
  },
);
networkUsGovWest1bNetworkaclassociation.overrideLogicalId(
  "Agency_Network_us-gov-west-1b_NetworkAclAssociation_D720BC89",
);

const networkNetworkaclAllowcustomerin192168100024 = new aws.networkAclRule.NetworkAclRule(
  stack,
  "Agency_Network_NetworkAcl_AllowCustomerIn-192-168-100-0-24_31D99832",
  {
    cidrBlock: "192.168.100.0/24",
    egress: false,
    fromPort: 0,
    networkAclId: networkNetworkacl.id,
    protocol: "-1",
    ruleAction: "allow",
    ruleNumber: 7902,
    toPort: 0,
  },
);
networkNetworkaclAllowcustomerin192168100024.overrideLogicalId(
  "Agency_Network_NetworkAcl_AllowCustomerIn-192-168-100-0-24_31D99832",
);

const networkNetworkaclAllowcustomerout192168100024 = new aws.networkAclRule.NetworkAclRule(
  stack,
  "Agency_Network_NetworkAcl_AllowCustomerOut-192-168-100-0-24_57E63722",
  {
    cidrBlock: "192.168.100.0/24",
    egress: true,
    fromPort: 0,
    networkAclId: networkNetworkacl.id,
    protocol: "-1",
    ruleAction: "allow",
    ruleNumber: 7902,
    toPort: 0,
  },
);
networkNetworkaclAllowcustomerout192168100024.overrideLogicalId(
  "Agency_Network_NetworkAcl_AllowCustomerOut-192-168-100-0-24_57E63722",
);

const networkNetworkaclAllowpublicout = new aws.networkAclRule.NetworkAclRule(
  stack,
  "Agency_Network_NetworkAcl_AllowPublicOut_3962C605",
  {
    cidrBlock: "0.0.0.0/0",
    egress: true,
    fromPort: 0,
    networkAclId: networkNetworkacl.id,
    protocol: "-1",
    ruleAction: "allow",
    ruleNumber: 30000,
    toPort: 0,
  },
);
networkNetworkaclAllowpublicout.overrideLogicalId("Agency_Network_NetworkAcl_AllowPublicOut_3962C605");

const networkNetworkaclAllowpublicreturntcpin = new aws.networkAclRule.NetworkAclRule(
  stack,
  "Agency_Network_NetworkAcl_AllowPublicReturnTcpIn_ADFE2FC3",
  {
    cidrBlock: "0.0.0.0/0",
    egress: false,
    fromPort: 1024,
    networkAclId: networkNetworkacl.id,
    protocol: "tcp",
    ruleAction: "allow",
    ruleNumber: 30000,
    toPort: 65535,
  },
);
networkNetworkaclAllowpublicreturntcpin.overrideLogicalId(
  "Agency_Network_NetworkAcl_AllowPublicReturnTcpIn_ADFE2FC3",
);

const networkNetworkaclAllowpublicreturnudpin = new aws.networkAclRule.NetworkAclRule(
  stack,
  "Agency_Network_NetworkAcl_AllowPublicReturnUdpIn_271A3C34",
  {
    cidrBlock: "0.0.0.0/0",
    egress: false,
    fromPort: 1024,
    networkAclId: networkNetworkacl.id,
    protocol: "udp",
    ruleAction: "allow",
    ruleNumber: 30001,
    toPort: 65535,
  },
);
networkNetworkaclAllowpublicreturnudpin.overrideLogicalId(
  "Agency_Network_NetworkAcl_AllowPublicReturnUdpIn_271A3C34",
);

const networkNetworkaclAllowvpcin = new aws.networkAclRule.NetworkAclRule(
  stack,
  "Agency_Network_NetworkAcl_AllowVpcIn_529994DD",
  {
    cidrBlock: "10.40.0.0/16",
    egress: false,
    fromPort: 0,
    networkAclId: networkNetworkacl.id,
    protocol: "-1",
    ruleAction: "allow",
    ruleNumber: 20000,
    toPort: 0,
  },
);
networkNetworkaclAllowvpcin.overrideLogicalId("Agency_Network_NetworkAcl_AllowVpcIn_529994DD");

const networkNetworkaclAllowvpcout = new aws.networkAclRule.NetworkAclRule(
  stack,
  "Agency_Network_NetworkAcl_AllowVpcOut_5C510151",
  {
    cidrBlock: "10.40.0.0/16",
    egress: true,
    fromPort: 0,
    networkAclId: networkNetworkacl.id,
    protocol: "-1",
    ruleAction: "allow",
    ruleNumber: 20000,
    toPort: 0,
  },
);
networkNetworkaclAllowvpcout.overrideLogicalId("Agency_Network_NetworkAcl_AllowVpcOut_5C510151");

const networkNatroutetable = new aws.routeTable.RouteTable(stack, "Agency_Network_NatRouteTable_1D0A0149", {
  tags: {
    Name: "agency-prod-production-nat",
  },
  vpcId: networkVpc.id,
});
networkNatroutetable.overrideLogicalId("Agency_Network_NatRouteTable_1D0A0149");

const networkNatdefaultroute = new aws.route.Route(stack, "Agency_Network_NatDefaultRoute_D02E6F44", {
  destinationCidrBlock: "0.0.0.0/0",
  gatewayId: networkInternetgateway.id,
  routeTableId: networkNatroutetable.id,
});
networkNatdefaultroute.overrideLogicalId("Agency_Network_NatDefaultRoute_D02E6F44");

const networkUsGovWest1aRoutetable = new aws.routeTable.RouteTable(
  stack,
  "Agency_Network_us-gov-west-1a_RouteTable_8977B6D8",
  {
    tags: {
      Name: "agency-prod-production-cells-us-gov-west-1a",
    },
    vpcId: networkVpc.id,
  },
);
networkUsGovWest1aRoutetable.overrideLogicalId("Agency_Network_us-gov-west-1a_RouteTable_8977B6D8");

const networkUsGovWest1aNatroute = new aws.route.Route(
  stack,
  "Agency_Network_us-gov-west-1a_NatRoute_585CCE10",
  {
    destinationCidrBlock: "0.0.0.0/0",
    natGatewayId: networkUsGovWest1aNatgateway.id,
    routeTableId: networkUsGovWest1aRoutetable.id,
  },
);
networkUsGovWest1aNatroute.overrideLogicalId("Agency_Network_us-gov-west-1a_NatRoute_585CCE10");

const networkUsGovWest1aPrivateroute192168100024 = new aws.route.Route(
  stack,
  "Agency_Network_us-gov-west-1a_PrivateRoute-192-168-100-0-24_6E9B87CC",
  {
    destinationCidrBlock: "192.168.100.0/24",
    gatewayId: vpngateway.id,
    routeTableId: networkUsGovWest1aRoutetable.id,
  },
);
networkUsGovWest1aPrivateroute192168100024.overrideLogicalId(
  "Agency_Network_us-gov-west-1a_PrivateRoute-192-168-100-0-24_6E9B87CC",
);

const networkUsGovWest1bRoutetable = new aws.routeTable.RouteTable(
  stack,
  "Agency_Network_us-gov-west-1b_RouteTable_3A09F65D",
  {
    tags: {
      Name: "agency-prod-production-cells-us-gov-west-1b",
    },
    vpcId: networkVpc.id,
  },
);
networkUsGovWest1bRoutetable.overrideLogicalId("Agency_Network_us-gov-west-1b_RouteTable_3A09F65D");

const networkUsGovWest1bNatroute = new aws.route.Route(
  stack,
  "Agency_Network_us-gov-west-1b_NatRoute_1705A01C",
  {
    destinationCidrBlock: "0.0.0.0/0",
    natGatewayId: networkUsGovWest1bNatgateway.id,
    routeTableId: networkUsGovWest1bRoutetable.id,
  },
);
networkUsGovWest1bNatroute.overrideLogicalId("Agency_Network_us-gov-west-1b_NatRoute_1705A01C");

const networkUsGovWest1bPrivateroute192168100024 = new aws.route.Route(
  stack,
  "Agency_Network_us-gov-west-1b_PrivateRoute-192-168-100-0-24_0C908583",
  {
    destinationCidrBlock: "192.168.100.0/24",
    gatewayId: vpngateway.id,
    routeTableId: networkUsGovWest1bRoutetable.id,
  },
);
networkUsGovWest1bPrivateroute192168100024.overrideLogicalId(
  "Agency_Network_us-gov-west-1b_PrivateRoute-192-168-100-0-24_0C908583",
);

const networkUsGovWest1aNatsubnetroutetableassociation = new aws.routeTableAssociation.RouteTableAssociation(
  stack,
  "Agency_Network_us-gov-west-1a_NatSubnetRouteTableAssociation_07E9822E",
  {
    routeTableId: networkNatroutetable.id,
    subnetId: networkUsGovWest1aNatsubnet.id,
  },
);
networkUsGovWest1aNatsubnetroutetableassociation.overrideLogicalId(
  "Agency_Network_us-gov-west-1a_NatSubnetRouteTableAssociation_07E9822E",
);

const networkUsGovWest1aRoutetableassociation = new aws.routeTableAssociation.RouteTableAssociation(
  stack,
  "Agency_Network_us-gov-west-1a_RouteTableAssociation_14865263",
  {
    routeTableId: networkUsGovWest1aRoutetable.id,
    subnetId: networkUsGovWest1aCellsubnet.id,
  },
);
networkUsGovWest1aRoutetableassociation.overrideLogicalId(
  "Agency_Network_us-gov-west-1a_RouteTableAssociation_14865263",
);

const networkUsGovWest1bNatsubnetroutetableassociation = new aws.routeTableAssociation.RouteTableAssociation(
  stack,
  "Agency_Network_us-gov-west-1b_NatSubnetRouteTableAssociation_1F435CCD",
  {
    routeTableId: networkNatroutetable.id,
    subnetId: networkUsGovWest1bNatsubnet.id,
  },
);
networkUsGovWest1bNatsubnetroutetableassociation.overrideLogicalId(
  "Agency_Network_us-gov-west-1b_NatSubnetRouteTableAssociation_1F435CCD",
);

const networkUsGovWest1bRoutetableassociation = new aws.routeTableAssociation.RouteTableAssociation(
  stack,
  "Agency_Network_us-gov-west-1b_RouteTableAssociation_011D3754",
  {
    routeTableId: networkUsGovWest1bRoutetable.id,
    subnetId: networkUsGovWest1bCellsubnet.id,
  },
);
networkUsGovWest1bRoutetableassociation.overrideLogicalId(
  "Agency_Network_us-gov-west-1b_RouteTableAssociation_011D3754",
);

const networkCellsecuritygroup = new aws.securityGroup.SecurityGroup(
  stack,
  "Agency_Network_CellSecurityGroup_8D66F97D",
  {
    description: "Diego cells of the dedicated segment agency-prod-production",
    name: "agency-prod-production-cells",
    tags: {
      Name: "agency-prod-production-cells",
    },
    vpcId: networkVpc.id,
  },
);
networkCellsecuritygroup.overrideLogicalId("Agency_Network_CellSecurityGroup_8D66F97D");

const networkCellsecuritygroupEgresscustomer192168100024 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_EgressCustomer-192-168-100-0-24_FC212F76",
    {
      cidrIpv4: "192.168.100.0/24",
      description: "Diego cells to the customer network 192.168.100.0/24 of the tenant over the VPN",
      ipProtocol: "-1",
      securityGroupId: networkCellsecuritygroup.id,
    },
  );
networkCellsecuritygroupEgresscustomer192168100024.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_EgressCustomer-192-168-100-0-24_FC212F76",
);

const networkCellsecuritygroupEgresspublicvianat =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_EgressPublicViaNat_7D4D5159",
    {
      cidrIpv4: "0.0.0.0/0",
      description: "Diego cells to the internet through the NAT gateways (allowPublicEgressViaNat)",
      ipProtocol: "-1",
      securityGroupId: networkCellsecuritygroup.id,
    },
  );
networkCellsecuritygroupEgresspublicvianat.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_EgressPublicViaNat_7D4D5159",
);

const cellEgressBoshDirectorBoshDirectorTcp22 = new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
  stack,
  "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-22_E91A9943",
  {
    description: "Diego cells to BOSH director (sg-0b0500d1ec7000001) on tcp/22: SSH to the director",
    fromPort: 22,
    ipProtocol: "tcp",
    referencedSecurityGroupId: "sg-0b0500d1ec7000001",
    securityGroupId: networkCellsecuritygroup.id,
    toPort: 22,
  },
);
cellEgressBoshDirectorBoshDirectorTcp22.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-22_E91A9943",
);

const cellEgressBoshDirectorBoshDirectorTcp25250 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-25250_6D807CDB",
    {
      description:
        "Diego cells to BOSH director (sg-0b0500d1ec7000001) on tcp/25250: director blobstore (BOSH agent packages and logs)",
      fromPort: 25250,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0b0500d1ec7000001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 25250,
    },
  );
cellEgressBoshDirectorBoshDirectorTcp25250.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-25250_6D807CDB",
);

const cellEgressBoshDirectorBoshDirectorTcp2555 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-2555_C580BCB9",
    {
      description:
        "Diego cells to BOSH director (sg-0b0500d1ec7000001) on tcp/2555: director (as bosh-bootloader lists it)",
      fromPort: 2555,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0b0500d1ec7000001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 2555,
    },
  );
cellEgressBoshDirectorBoshDirectorTcp2555.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-2555_C580BCB9",
);

const cellEgressBoshDirectorBoshDirectorTcp4222 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-4222_B4C1F28C",
    {
      description:
        "Diego cells to BOSH director (sg-0b0500d1ec7000001) on tcp/4222: director NATS (BOSH agent messages)",
      fromPort: 4222,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0b0500d1ec7000001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4222,
    },
  );
cellEgressBoshDirectorBoshDirectorTcp4222.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-4222_B4C1F28C",
);

const cellEgressBoshDirectorBoshDirectorTcp6868 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-6868_E98189D3",
    {
      description: "Diego cells to BOSH director (sg-0b0500d1ec7000001) on tcp/6868: BOSH agent endpoint",
      fromPort: 6868,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0b0500d1ec7000001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 6868,
    },
  );
cellEgressBoshDirectorBoshDirectorTcp6868.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-bosh-director-bosh-director-tcp-6868_E98189D3",
);

const cellEgressCellsSelfAll = new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
  stack,
  "Agency_Network_CellSecurityGroup_Egress-cells-self-all_53BA615E",
  {
    description: "Diego cells of this segment to each other: container networking, bosh-dns health",
    ipProtocol: "-1",
    referencedSecurityGroupId: networkCellsecuritygroup.id,
    securityGroupId: networkCellsecuritygroup.id,
  },
);
cellEgressCellsSelfAll.overrideLogicalId("Agency_Network_CellSecurityGroup_Egress-cells-self-all_53BA615E");

const cellEgressSharedComponentsCfInternalTcp3000 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-3000_FF0B611A",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/3000: routing API",
      fromPort: 3000,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 3000,
    },
  );
cellEgressSharedComponentsCfInternalTcp3000.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-3000_FF0B611A",
);

const cellEgressSharedComponentsCfInternalTcp3001 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-3001_C712FDD3",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/3001: routing API (mTLS)",
      fromPort: 3001,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 3001,
    },
  );
cellEgressSharedComponentsCfInternalTcp3001.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-3001_C712FDD3",
);

const cellEgressSharedComponentsCfInternalTcp3457 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-3457_CDE9240A",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/3457: metron (older loggregator)",
      fromPort: 3457,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 3457,
    },
  );
cellEgressSharedComponentsCfInternalTcp3457.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-3457_CDE9240A",
);

const cellEgressSharedComponentsCfInternalTcp4003 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4003_39222F6D",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/4003: policy server internal (vxlan-policy-agent, silk-daemon)",
      fromPort: 4003,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4003,
    },
  );
cellEgressSharedComponentsCfInternalTcp4003.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4003_39222F6D",
);

const cellEgressSharedComponentsCfInternalTcp4103 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4103_0DB5799B",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/4103: silk controller (silk-daemon subnet lease)",
      fromPort: 4103,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4103,
    },
  );
cellEgressSharedComponentsCfInternalTcp4103.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4103_0DB5799B",
);

const cellEgressSharedComponentsCfInternalTcp4222 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4222_FFE0CEDB",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/4222: NATS (route_emitter route registration)",
      fromPort: 4222,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4222,
    },
  );
cellEgressSharedComponentsCfInternalTcp4222.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4222_FFE0CEDB",
);

const cellEgressSharedComponentsCfInternalTcp4224 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4224_E3542B2A",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/4224: NATS (TLS)",
      fromPort: 4224,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4224,
    },
  );
cellEgressSharedComponentsCfInternalTcp4224.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4224_E3542B2A",
);

const cellEgressSharedComponentsCfInternalTcp4443 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4443_9AA358C3",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/4443: Cloud Controller blobstore (HTTPS)",
      fromPort: 4443,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4443,
    },
  );
cellEgressSharedComponentsCfInternalTcp4443.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-4443_9AA358C3",
);

const cellEgressSharedComponentsCfInternalTcp6067 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-6067_9B34C3FD",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/6067: log cache syslog server (syslog agent)",
      fromPort: 6067,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 6067,
    },
  );
cellEgressSharedComponentsCfInternalTcp6067.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-6067_9B34C3FD",
);

const cellEgressSharedComponentsCfInternalTcp8080 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8080_CC310EB4",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8080: Cloud Controller blobstore, Diego file server (HTTP)",
      fromPort: 8080,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8080,
    },
  );
cellEgressSharedComponentsCfInternalTcp8080.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8080_CC310EB4",
);

const cellEgressSharedComponentsCfInternalTcp8082 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8082_0D080B79",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8082: Doppler gRPC (loggregator agent)",
      fromPort: 8082,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8082,
    },
  );
cellEgressSharedComponentsCfInternalTcp8082.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8082_0D080B79",
);

const cellEgressSharedComponentsCfInternalTcp8083 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8083_E3E3D076",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8083: log cache cf-auth-proxy",
      fromPort: 8083,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8083,
    },
  );
cellEgressSharedComponentsCfInternalTcp8083.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8083_E3E3D076",
);

const cellEgressSharedComponentsCfInternalTcp8300 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8300_F7ABEE44",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8300: consul server RPC (older foundations)",
      fromPort: 8300,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8300,
    },
  );
cellEgressSharedComponentsCfInternalTcp8300.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8300_F7ABEE44",
);

const cellEgressSharedComponentsCfInternalTcp8301 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8301_5E9F56DD",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8301: consul LAN gossip (older foundations)",
      fromPort: 8301,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8301,
    },
  );
cellEgressSharedComponentsCfInternalTcp8301.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8301_5E9F56DD",
);

const cellEgressSharedComponentsCfInternalTcp8443 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8443_8C516DAE",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8443: UAA (route_emitter, tcp routing)",
      fromPort: 8443,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8443,
    },
  );
cellEgressSharedComponentsCfInternalTcp8443.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8443_8C516DAE",
);

const cellEgressSharedComponentsCfInternalTcp8447 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8447_2DA3D2C5",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8447: Diego file server (HTTPS)",
      fromPort: 8447,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8447,
    },
  );
cellEgressSharedComponentsCfInternalTcp8447.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8447_2DA3D2C5",
);

const cellEgressSharedComponentsCfInternalTcp8844 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8844_C8284167",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8844: CredHub (instance identity, credential interpolation)",
      fromPort: 8844,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8844,
    },
  );
cellEgressSharedComponentsCfInternalTcp8844.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8844_C8284167",
);

const cellEgressSharedComponentsCfInternalTcp8853 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8853_26E328B7",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8853: bosh-dns health of the other VMs",
      fromPort: 8853,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8853,
    },
  );
cellEgressSharedComponentsCfInternalTcp8853.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8853_26E328B7",
);

const cellEgressSharedComponentsCfInternalTcp8889 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8889_189F2968",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8889: Diego BBS API (rep, route_emitter)",
      fromPort: 8889,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8889,
    },
  );
cellEgressSharedComponentsCfInternalTcp8889.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8889_189F2968",
);

const cellEgressSharedComponentsCfInternalTcp8891 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8891_8164D5EC",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/8891: Locket (rep cell registration)",
      fromPort: 8891,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8891,
    },
  );
cellEgressSharedComponentsCfInternalTcp8891.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-8891_8164D5EC",
);

const cellEgressSharedComponentsCfInternalTcp9000 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9000_99D064EA",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/9000: syslog binding cache (syslog agent)",
      fromPort: 9000,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 9000,
    },
  );
cellEgressSharedComponentsCfInternalTcp9000.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9000_99D064EA",
);

const cellEgressSharedComponentsCfInternalTcp9022 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9022_313E8584",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/9022: Cloud Controller stager",
      fromPort: 9022,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 9022,
    },
  );
cellEgressSharedComponentsCfInternalTcp9022.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9022_313E8584",
);

const cellEgressSharedComponentsCfInternalTcp9023 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9023_544C4627",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/9023: Cloud Controller TPS",
      fromPort: 9023,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 9023,
    },
  );
cellEgressSharedComponentsCfInternalTcp9023.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9023_544C4627",
);

const cellEgressSharedComponentsCfInternalTcp9090 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9090_434D06CD",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/9090: Cloud Controller uploader (HTTP)",
      fromPort: 9090,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 9090,
    },
  );
cellEgressSharedComponentsCfInternalTcp9090.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9090_434D06CD",
);

const cellEgressSharedComponentsCfInternalTcp9091 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9091_36B3CA59",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on tcp/9091: Cloud Controller uploader (HTTPS)",
      fromPort: 9091,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 9091,
    },
  );
cellEgressSharedComponentsCfInternalTcp9091.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-tcp-9091_36B3CA59",
);

const cellEgressSharedComponentsCfInternalUdp4789 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-4789_2B2F12EA",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on udp/4789: container networking VXLAN to the shared cells",
      fromPort: 4789,
      ipProtocol: "udp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4789,
    },
  );
cellEgressSharedComponentsCfInternalUdp4789.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-4789_2B2F12EA",
);

const cellEgressSharedComponentsCfInternalUdp8301 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-8301_7E587992",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on udp/8301: consul LAN gossip (older foundations)",
      fromPort: 8301,
      ipProtocol: "udp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8301,
    },
  );
cellEgressSharedComponentsCfInternalUdp8301.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-8301_7E587992",
);

const cellEgressSharedComponentsCfInternalUdp8302 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-8302_D0E63AD6",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on udp/8302: consul WAN gossip (older foundations)",
      fromPort: 8302,
      ipProtocol: "udp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8302,
    },
  );
cellEgressSharedComponentsCfInternalUdp8302.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-8302_D0E63AD6",
);

const cellEgressSharedComponentsCfInternalUdp8600 =
  new aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-8600_260CEBDC",
    {
      description:
        "Diego cells to shared Cloud Foundry components (sg-0c0ffee0c0ffee001) on udp/8600: consul DNS (older foundations)",
      fromPort: 8600,
      ipProtocol: "udp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8600,
    },
  );
cellEgressSharedComponentsCfInternalUdp8600.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Egress-shared-components-cf-internal-udp-8600_260CEBDC",
);

const cellIngressCellsSelfAll = new aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(
  stack,
  "Agency_Network_CellSecurityGroup_Ingress-cells-self-all_86AA1461",
  {
    description: "Diego cells of this segment to each other: container networking, bosh-dns health",
    ipProtocol: "-1",
    referencedSecurityGroupId: networkCellsecuritygroup.id,
    securityGroupId: networkCellsecuritygroup.id,
  },
);
cellIngressCellsSelfAll.overrideLogicalId("Agency_Network_CellSecurityGroup_Ingress-cells-self-all_86AA1461");

const cellIngressDiegoBbsCfInternalTcp1801 = new aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(
  stack,
  "Agency_Network_CellSecurityGroup_Ingress-diego-bbs-cf-internal-tcp-1801_16E35064",
  {
    description:
      "Diego BBS (sg-0c0ffee0c0ffee001) to Diego cells on tcp/1801: rep (BBS and auctioneer calls)",
    fromPort: 1801,
    ipProtocol: "tcp",
    referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
    securityGroupId: networkCellsecuritygroup.id,
    toPort: 1801,
  },
);
cellIngressDiegoBbsCfInternalTcp1801.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Ingress-diego-bbs-cf-internal-tcp-1801_16E35064",
);

const cellIngressSharedComponentsCfInternalTcp53035 =
  new aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-tcp-53035_2AFC9D14",
    {
      description:
        "shared Cloud Foundry components (sg-0c0ffee0c0ffee001) to Diego cells on tcp/53035: system metrics scraper",
      fromPort: 53035,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 53035,
    },
  );
cellIngressSharedComponentsCfInternalTcp53035.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-tcp-53035_2AFC9D14",
);

const cellIngressSharedComponentsCfInternalTcp6100165534 =
  new aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-tcp-61001-65534_476E1110",
    {
      description:
        "shared Cloud Foundry components (sg-0c0ffee0c0ffee001) to Diego cells on tcp/61001-65534: gorouter, tcp-router and ssh-proxy to app containers",
      fromPort: 61001,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 65534,
    },
  );
cellIngressSharedComponentsCfInternalTcp6100165534.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-tcp-61001-65534_476E1110",
);

const cellIngressSharedComponentsCfInternalTcp8853 =
  new aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-tcp-8853_56781A78",
    {
      description:
        "shared Cloud Foundry components (sg-0c0ffee0c0ffee001) to Diego cells on tcp/8853: bosh-dns health of the cells",
      fromPort: 8853,
      ipProtocol: "tcp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 8853,
    },
  );
cellIngressSharedComponentsCfInternalTcp8853.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-tcp-8853_56781A78",
);

const cellIngressSharedComponentsCfInternalUdp4789 =
  new aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(
    stack,
    "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-udp-4789_5461DCA3",
    {
      description:
        "shared Cloud Foundry components (sg-0c0ffee0c0ffee001) to Diego cells on udp/4789: container networking VXLAN from the shared cells",
      fromPort: 4789,
      ipProtocol: "udp",
      referencedSecurityGroupId: "sg-0c0ffee0c0ffee001",
      securityGroupId: networkCellsecuritygroup.id,
      toPort: 4789,
    },
  );
cellIngressSharedComponentsCfInternalUdp4789.overrideLogicalId(
  "Agency_Network_CellSecurityGroup_Ingress-shared-components-cf-internal-udp-4789_5461DCA3",
);

const vpnconnectionRoute192168100024 = new aws.vpnConnectionRoute.VpnConnectionRoute(
  stack,
  "Agency_VpnConnection_Route-192-168-100-0_24_8995E20F",
  {
    destinationCidrBlock: "192.168.100.0/24",
    vpnConnectionId: vpnconnection.id,
  },
);
vpnconnectionRoute192168100024.overrideLogicalId("Agency_VpnConnection_Route-192-168-100-0_24_8995E20F");

const isolationsegment = new cloudfoundry.isolationSegment.IsolationSegment(
  stack,
  "Agency_IsolationSegment_511D17C5",
  {
    name: "agency-prod-production",
  },
);
isolationsegment.overrideLogicalId("Agency_IsolationSegment_511D17C5");

const org = new cloudfoundry.dataCloudfoundryOrg.DataCloudfoundryOrg(stack, "Agency_Org_B1B7AA4F", {
  name: "agency-prod",
});
org.overrideLogicalId("Agency_Org_B1B7AA4F");

const isolationsegmentEntitlement = new cloudfoundry.isolationSegmentEntitlement.IsolationSegmentEntitlement(
  stack,
  "Agency_IsolationSegment_Entitlement_49A96D75",
  {
    orgs: [org.id],
    segment: isolationsegment.id,
  },
);
isolationsegmentEntitlement.overrideLogicalId("Agency_IsolationSegment_Entitlement_49A96D75");

const spaceApp = new cloudfoundry.space.Space(stack, "Agency_Space-app_A28C7498", {
  isolationSegment: isolationsegment.id,
  name: "app",
  org: org.id,
  dependsOn: [isolationsegmentEntitlement],
});
spaceApp.overrideLogicalId("Agency_Space-app_A28C7498");

const spaceBatch = new cloudfoundry.space.Space(stack, "Agency_Space-batch_23FE8507", {
  isolationSegment: isolationsegment.id,
  name: "batch",
  org: org.id,
  dependsOn: [isolationsegmentEntitlement],
});
spaceBatch.overrideLogicalId("Agency_Space-batch_23FE8507");

const privateegressasg = new cloudfoundry.securityGroup.SecurityGroup(
  stack,
  "Agency_PrivateEgressAsg_7AB72A50",
  {
    globallyEnabledRunning: false,
    globallyEnabledStaging: false,
    name: "agency-prod-production-private-egress",
    rules: [
      {
        description: "private network",
        destination: "192.168.100.0/24",
        protocol: "all",
      },
      {
        description: "private service hello-world",
        destination: "192.168.100.30",
        ports: "8080",
        protocol: "tcp",
      },
    ],
    runningSpaces: [spaceApp.id, spaceBatch.id],
  },
);
privateegressasg.overrideLogicalId("Agency_PrivateEgressAsg_7AB72A50");

const spaceegressPublicasg = new cloudfoundry.dataCloudfoundrySecurityGroup.DataCloudfoundrySecurityGroup(
  stack,
  "Agency_SpaceEgress_PublicAsg_DD56A180",
  {
    name: "public_networks_egress",
  },
);
spaceegressPublicasg.overrideLogicalId("Agency_SpaceEgress_PublicAsg_DD56A180");

const spaceegressPublic = new cloudfoundry.securityGroupSpaceBindings.SecurityGroupSpaceBindings(
  stack,
  "Agency_SpaceEgress_Public_BB05B511",
  {
    runningSpaces: [],
    securityGroup: spaceegressPublicasg.id,
    stagingSpaces: [spaceApp.id, spaceBatch.id],
  },
);
spaceegressPublic.overrideLogicalId("Agency_SpaceEgress_Public_BB05B511");

const spaceegressTrustedlocalasg =
  new cloudfoundry.dataCloudfoundrySecurityGroup.DataCloudfoundrySecurityGroup(
    stack,
    "Agency_SpaceEgress_TrustedLocalAsg_C95B6281",
    {
      name: "trusted_local_networks_egress",
    },
  );
spaceegressTrustedlocalasg.overrideLogicalId("Agency_SpaceEgress_TrustedLocalAsg_C95B6281");

const spaceegressTrustedlocal = new cloudfoundry.securityGroupSpaceBindings.SecurityGroupSpaceBindings(
  stack,
  "Agency_SpaceEgress_TrustedLocal_2BF20713",
  {
    runningSpaces: [spaceApp.id, spaceBatch.id],
    securityGroup: spaceegressTrustedlocalasg.id,
    stagingSpaces: [],
  },
);
spaceegressTrustedlocal.overrideLogicalId("Agency_SpaceEgress_TrustedLocal_2BF20713");

const serviceAppHelloWorld = new cloudfoundry.serviceInstance.ServiceInstance(
  stack,
  "Agency_Service-app-hello-world_3173C383",
  {
    credentials: '{"host":"192.168.100.30","port":8080}',
    name: "hello-world",
    space: spaceApp.id,
    tags: ["private-egress"],
    type: "user-provided",
  },
);
serviceAppHelloWorld.overrideLogicalId("Agency_Service-app-hello-world_3173C383");

const serviceBatchHelloWorld = new cloudfoundry.serviceInstance.ServiceInstance(
  stack,
  "Agency_Service-batch-hello-world_4504794A",
  {
    credentials: '{"host":"192.168.100.30","port":8080}',
    name: "hello-world",
    space: spaceBatch.id,
    tags: ["private-egress"],
    type: "user-provided",
  },
);
serviceBatchHelloWorld.overrideLogicalId("Agency_Service-batch-hello-world_4504794A");

new TerraformOutput(stack, "agency_bosh_cloud_config", {
  description: "BOSH cloud-config network of the dedicated subnets",
  sensitive: false,
  value: `networks:
  - name: agency-prod-production-cells
    type: manual
    subnets:
      - range: 10.40.0.0/22
        gateway: 10.40.0.1
        reserved:
          - 10.40.0.0-10.40.0.3
          - 10.40.3.255
        az: z1
        cloud_properties:
          subnet: ${networkUsGovWest1aCellsubnet.id}
      - range: 10.40.4.0/22
        gateway: 10.40.4.1
        reserved:
          - 10.40.4.0-10.40.4.3
          - 10.40.7.255
        az: z2
        cloud_properties:
          subnet: ${networkUsGovWest1bCellsubnet.id}
`,
}).overrideLogicalId("agency_bosh_cloud_config");

new TerraformOutput(stack, "agency_bosh_ops_file", {
  description: "BOSH ops file adding the dedicated Diego cells",
  sensitive: false,
  value:
    "- type: replace\n  path: /instance_groups/-\n  value:\n    name: agency-prod-production-diego-cell\n    azs:\n      - z1\n      - z2\n    instances: 4\n    vm_type: small-highmem\n    vm_extensions:\n      - 100GB_ephemeral_disk\n    stemcell: default\n    networks:\n      - name: agency-prod-production-cells\n    jobs:\n      - name: rep\n        release: diego\n        properties:\n          diego:\n            rep:\n              placement_tags:\n                - agency-prod-production\n",
}).overrideLogicalId("agency_bosh_ops_file");

new TerraformOutput(stack, "agency_dedicated_subnet_cidrs", {
  description: "CIDRs of the dedicated subnets: route them through the VPN",
  sensitive: false,
  value: ["10.40.0.0/22", "10.40.4.0/22"],
}).overrideLogicalId("agency_dedicated_subnet_cidrs");

new TerraformOutput(stack, "agency_diagram", {
  description: "Mermaid diagram of the environment",
  sensitive: false,
  value:
    'graph TB;\n  internet["Internet"]\n  subgraph customer_network["Customer Network"]\n    net_192_168_100_0_24["Private Network<br/>192.168.100.0/24"]\n    cgw_Agency_VpnCustomerGateway_33545B58["Customer VPN Endpoint<br/>18.188.145.101"]\n  end\n  subgraph platform["cloud.gov"]\n    vgw_Agency_VpnGateway_D73CCB81["cloud.gov VPN Endpoint<br/>virtual private gateway"]\n    nat_Agency_Network_us_gov_west_1a_NatGateway_33647E7D["NAT Gateway<br/>egress IP: Elastic IP"]\n    nat_Agency_Network_us_gov_west_1b_NatGateway_95CFEB0C["NAT Gateway<br/>egress IP: Elastic IP"]\n    subgraph dedicated_segment["Dedicated Segment"]\n      subnet_Agency_Network_us_gov_west_1a_CellSubnet_908694E7["Dedicated Subnet<br/>10.40.0.0/22<br/>us-gov-west-1a"]\n      subnet_Agency_Network_us_gov_west_1b_CellSubnet_196755B4["Dedicated Subnet<br/>10.40.4.0/22<br/>us-gov-west-1b"]\n      isoseg_Agency_IsolationSegment_511D17C5["Isolation Segment<br/>agency-prod-production"]\n      space_Agency_Space_app_A28C7498["Space<br/>app"]\n      space_Agency_Space_batch_23FE8507["Space<br/>batch"]\n    end\n    asg_Agency_PrivateEgressAsg_7AB72A50["Application Security Group<br/>agency-prod-production-private-egress"]\n  end\n  asg_Agency_PrivateEgressAsg_7AB72A50 -. "egress" .-> net_192_168_100_0_24\n  cgw_Agency_VpnCustomerGateway_33545B58 -- "IPsec tunnel 1" --- vgw_Agency_VpnGateway_D73CCB81\n  cgw_Agency_VpnCustomerGateway_33545B58 -- "IPsec tunnel 2" --- vgw_Agency_VpnGateway_D73CCB81\n  isoseg_Agency_IsolationSegment_511D17C5 --- space_Agency_Space_app_A28C7498\n  isoseg_Agency_IsolationSegment_511D17C5 --- space_Agency_Space_batch_23FE8507\n  nat_Agency_Network_us_gov_west_1a_NatGateway_33647E7D --> internet\n  nat_Agency_Network_us_gov_west_1b_NatGateway_95CFEB0C --> internet\n  net_192_168_100_0_24 --- cgw_Agency_VpnCustomerGateway_33545B58\n  space_Agency_Space_app_A28C7498 -- "bound" --- asg_Agency_PrivateEgressAsg_7AB72A50\n  space_Agency_Space_batch_23FE8507 -- "bound" --- asg_Agency_PrivateEgressAsg_7AB72A50\n  subnet_Agency_Network_us_gov_west_1a_CellSubnet_908694E7 -- "Diego cells" --- isoseg_Agency_IsolationSegment_511D17C5\n  subnet_Agency_Network_us_gov_west_1a_CellSubnet_908694E7 -- "egress" --> nat_Agency_Network_us_gov_west_1a_NatGateway_33647E7D\n  subnet_Agency_Network_us_gov_west_1b_CellSubnet_196755B4 -- "Diego cells" --- isoseg_Agency_IsolationSegment_511D17C5\n  subnet_Agency_Network_us_gov_west_1b_CellSubnet_196755B4 -- "egress" --> nat_Agency_Network_us_gov_west_1b_NatGateway_95CFEB0C\n  vgw_Agency_VpnGateway_D73CCB81 --- subnet_Agency_Network_us_gov_west_1a_CellSubnet_908694E7\n  vgw_Agency_VpnGateway_D73CCB81 --- subnet_Agency_Network_us_gov_west_1b_CellSubnet_196755B4\n',
}).overrideLogicalId("agency_diagram");

new TerraformOutput(stack, "agency_egress_ips", {
  description: "Static egress IPs of the dedicated cells (NAT gateways), to allow-list",
  sensitive: false,
  value: [networkUsGovWest1aEip.publicIp, networkUsGovWest1bEip.publicIp],
}).overrideLogicalId("agency_egress_ips");

new TerraformOutput(stack, "agency_how_to_deploy", {
  description: "How the tenant deploys to the segment",
  sensitive: false,
  value:
    "Apps pushed to org agency-prod, spaces app, batch run on the dedicated cells of isolation segment agency-prod-production.\nApps already running in those spaces move on their next restart: cf restart APP.\nPrivate services are bound by name: cf bind-service APP hello-world.",
}).overrideLogicalId("agency_how_to_deploy");

new TerraformOutput(stack, "agency_isolation_segment", {
  description: "The isolation segment (placement tag)",
  sensitive: false,
  value: "agency-prod-production",
}).overrideLogicalId("agency_isolation_segment");

new TerraformOutput(stack, "agency_vpn_customer_gateway_configuration", {
  description: "AWS's generated device configuration (embeds the keys)",
  sensitive: true,
  value: vpnconnection.customerGatewayConfiguration,
}).overrideLogicalId("agency_vpn_customer_gateway_configuration");

new TerraformOutput(stack, "agency_vpn_firewall_checklist", {
  description: "The firewall rules as a checklist",
  sensitive: false,
  value: `# Firewall rules for pe-production: allow these on every firewall in front of your VPN endpoint.
# direction  protocol          source -> destination  (purpose, tunnel)
outbound   UDP 500           18.188.145.101 -> ${vpnconnection.tunnel1Address}  (IKE, tunnel 1)
inbound    UDP 500           ${vpnconnection.tunnel1Address} -> 18.188.145.101  (IKE, tunnel 1)
outbound   ESP (IP 50)       18.188.145.101 -> ${vpnconnection.tunnel1Address}  (ESP (IPsec traffic), tunnel 1)
inbound    ESP (IP 50)       ${vpnconnection.tunnel1Address} -> 18.188.145.101  (ESP (IPsec traffic), tunnel 1)
outbound   UDP 500           18.188.145.101 -> ${vpnconnection.tunnel2Address}  (IKE, tunnel 2)
inbound    UDP 500           ${vpnconnection.tunnel2Address} -> 18.188.145.101  (IKE, tunnel 2)
outbound   ESP (IP 50)       18.188.145.101 -> ${vpnconnection.tunnel2Address}  (ESP (IPsec traffic), tunnel 2)
inbound    ESP (IP 50)       ${vpnconnection.tunnel2Address} -> 18.188.145.101  (ESP (IPsec traffic), tunnel 2)
# If NAT sits in front of your endpoint, also allow UDP 4500 both ways to both tunnel addresses.
`,
}).overrideLogicalId("agency_vpn_firewall_checklist");

new TerraformOutput(stack, "agency_vpn_firewall_rules", {
  description: "Rules the customer's firewall must allow",
  sensitive: false,
  value: [
    {
      destination: vpnconnection.tunnel1Address,
      direction: "outbound",
      ip_protocol: 17,
      port: 500,
      protocol: "udp",
      purpose: "IKE",
      source: "18.188.145.101",
      tunnel: 1,
    },
    {
      destination: "18.188.145.101",
      direction: "inbound",
      ip_protocol: 17,
      port: 500,
      protocol: "udp",
      purpose: "IKE",
      source: vpnconnection.tunnel1Address,
      tunnel: 1,
    },
    {
      destination: vpnconnection.tunnel1Address,
      direction: "outbound",
      ip_protocol: 50,
      protocol: "esp",
      purpose: "ESP (IPsec traffic)",
      source: "18.188.145.101",
      tunnel: 1,
    },
    {
      destination: "18.188.145.101",
      direction: "inbound",
      ip_protocol: 50,
      protocol: "esp",
      purpose: "ESP (IPsec traffic)",
      source: vpnconnection.tunnel1Address,
      tunnel: 1,
    },
    {
      destination: vpnconnection.tunnel2Address,
      direction: "outbound",
      ip_protocol: 17,
      port: 500,
      protocol: "udp",
      purpose: "IKE",
      source: "18.188.145.101",
      tunnel: 2,
    },
    {
      destination: "18.188.145.101",
      direction: "inbound",
      ip_protocol: 17,
      port: 500,
      protocol: "udp",
      purpose: "IKE",
      source: vpnconnection.tunnel2Address,
      tunnel: 2,
    },
    {
      destination: vpnconnection.tunnel2Address,
      direction: "outbound",
      ip_protocol: 50,
      protocol: "esp",
      purpose: "ESP (IPsec traffic)",
      source: "18.188.145.101",
      tunnel: 2,
    },
    {
      destination: "18.188.145.101",
      direction: "inbound",
      ip_protocol: 50,
      protocol: "esp",
      purpose: "ESP (IPsec traffic)",
      source: vpnconnection.tunnel2Address,
      tunnel: 2,
    },
  ],
}).overrideLogicalId("agency_vpn_firewall_rules");

new TerraformOutput(stack, "agency_vpn_ipsec_conf", {
  description: "Libreswan/Openswan connections, one per tunnel",
  sensitive: false,
  value: `# ipsec.conf for pe-production: AWS Site-to-Site VPN, two tunnels (Libreswan / Openswan).
# Rendered from the tunnel options configured on the platform side: keep the algorithms,
# lifetimes and DPD settings as they are, the tunnels accept exactly these.
# Both conns carry the same subnets; the tunnel that is up carries the traffic.
# Pre-shared keys go in ipsec.secrets (fetch them from AWS Secrets Manager: ${vpnconnection.presharedKeyArn}).

conn pe-production-tunnel1
    authby=secret
    auto=start
    type=tunnel
    left=%defaultroute
    leftid=18.188.145.101
    leftsubnet=192.168.100.0/24
    right=${vpnconnection.tunnel1Address}
    rightid=${vpnconnection.tunnel1Address}
    rightsubnets={10.40.0.0/22 10.40.4.0/22}
    ikev2=no
    ike=aes256-sha2_256;modp2048,aes128-sha2_256;modp2048
    phase2=esp
    phase2alg=aes256-sha2_256;modp2048,aes128-sha2_256;modp2048
    pfs=yes
    ikelifetime=28800s
    salifetime=3600s
    rekeymargin=540s
    rekeyfuzz=100%
    replay-window=1024
    dpddelay=10
    dpdtimeout=30
    dpdaction=restart
    keyingtries=%forever

conn pe-production-tunnel2
    authby=secret
    auto=start
    type=tunnel
    left=%defaultroute
    leftid=18.188.145.101
    leftsubnet=192.168.100.0/24
    right=${vpnconnection.tunnel2Address}
    rightid=${vpnconnection.tunnel2Address}
    rightsubnets={10.40.0.0/22 10.40.4.0/22}
    ikev2=no
    ike=aes256-sha2_256;modp2048,aes128-sha2_256;modp2048
    phase2=esp
    phase2alg=aes256-sha2_256;modp2048,aes128-sha2_256;modp2048
    pfs=yes
    ikelifetime=28800s
    salifetime=3600s
    rekeymargin=540s
    rekeyfuzz=100%
    replay-window=1024
    dpddelay=10
    dpdtimeout=30
    dpdaction=restart
    keyingtries=%forever
`,
}).overrideLogicalId("agency_vpn_ipsec_conf");

new TerraformOutput(stack, "agency_vpn_ipsec_secrets", {
  description: "Pre-shared key stub: where to fetch each tunnel's key",
  sensitive: false,
  value: `# ipsec.secrets for pe-production: one line per tunnel. Replace each %%{...} placeholder with that
# tunnel's pre-shared key, read from AWS Secrets Manager, e.g.:
#   aws secretsmanager get-secret-value --secret-id ${vpnconnection.presharedKeyArn} --query SecretString
# Keep this file mode 0600. Never commit it.
18.188.145.101 ${vpnconnection.tunnel1Address} : PSK "%%{PSK tunnel 1 from ${vpnconnection.presharedKeyArn}}"
18.188.145.101 ${vpnconnection.tunnel2Address} : PSK "%%{PSK tunnel 2 from ${vpnconnection.presharedKeyArn}}"
`,
}).overrideLogicalId("agency_vpn_ipsec_secrets");

new TerraformOutput(stack, "agency_vpn_preshared_key_arn", {
  description:
    "Secrets Manager secret holding both tunnels' pre-shared keys (read it with aws secretsmanager get-secret-value)",
  sensitive: false,
  value: vpnconnection.presharedKeyArn,
}).overrideLogicalId("agency_vpn_preshared_key_arn");

new TerraformOutput(stack, "agency_vpn_tunnels", {
  description: "Both tunnels' addresses",
  sensitive: false,
  value: {
    tunnel1: {
      aws_inside_address: vpnconnection.tunnel1VgwInsideAddress,
      customer_inside_address: vpnconnection.tunnel1CgwInsideAddress,
      inside_cidr: vpnconnection.tunnel1InsideCidr,
      outside_address: vpnconnection.tunnel1Address,
    },
    tunnel2: {
      aws_inside_address: vpnconnection.tunnel2VgwInsideAddress,
      customer_inside_address: vpnconnection.tunnel2CgwInsideAddress,
      inside_cidr: vpnconnection.tunnel2InsideCidr,
      outside_address: vpnconnection.tunnel2Address,
    },
  },
}).overrideLogicalId("agency_vpn_tunnels");
app.synth();
