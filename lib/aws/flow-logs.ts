/**
 * VPC flow logs (traffic ALL) to a CloudWatch log group encrypted with a customer-managed KMS key
 * (rotation on) and retained for at least a year.
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import {
  arnField,
  attributeOf,
  HclExpr,
  isLiteralSafe,
  literalPolicy,
  PolicyValue,
  sameStack,
} from "./key-policy";
import { checkFlowLogRetention } from "./network-validation";
import { bindProviders } from "../core/providers";
import { AwsProviderOptions } from "./interfaces";
import { ID, TEXT, guardStrings, mapOf, stringSpec } from "../core/boundary";

/** Props of {@link VpcFlowLogs}. */
export interface VpcFlowLogsProps extends AwsProviderOptions {
  /** The VPC to log; its ARN gives the partition, region and account the key policy needs. */
  readonly vpc: Vpc;
  /** The log group's name. */
  readonly logGroupName: string;
  /** Days to keep the logs: a CloudWatch Logs value of 365 or more. @default 365 */
  readonly retentionDays?: number;
  /** Tags for every resource. @default - none */
  readonly tags?: Record<string, string>;
  /**
   * Whether Terraform may destroy the log group and its KMS key (which would lose the flow logs kept).
   * @default false (`prevent_destroy` on both)
   */
  readonly allowDestroy?: boolean;
}

const STRINGS = stringSpec("VpcFlowLogsProps", { logGroupName: ID, tags: mapOf(ID, TEXT) });

/**
 * Define flow logs for a VPC created in the same stack.
 *
 * No data source is used: partition, region and account come from the VPC's own ARN and owner id,
 * so `terraform plan` works offline.
 *
 * @example
 * new VpcFlowLogs(this, "FlowLogs", { vpc, logGroupName: "/aws/vpc/flow-logs/agency" });
 */
export class VpcFlowLogs extends Construct {
  /** The log group's ARN. */
  public readonly logGroupArn: string;
  /** The KMS key's ARN. */
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { aws: props.provider });
    const retentionDays = props.retentionDays ?? 365;
    const tags = props.tags ?? {};
    const lifecycle = props.allowDestroy ? undefined : { preventDestroy: true };
    const [problem] = checkFlowLogRetention(retentionDays);
    if (problem) throw problem;

    // Literal `${jsonencode(...)}` policies with plain references (the text cdktf's functions would
    // render, resolved ~20x faster), unless the VPC is in another stack or the log group's name is
    // text the literal renderer does not carry: then cdktf's functions build them.
    const literal = sameStack(this, props.vpc) && isLiteralSafe(props.logGroupName);
    const vpcArn = (): HclExpr => attributeOf(props.vpc, "arn");
    const viaFn = (i: number): string => Fn.element(Fn.split(":", props.vpc.arn), i) as string;
    const keyPolicy = (
      partition: string | HclExpr,
      region: string | HclExpr,
      account: string | HclExpr,
    ): PolicyValue => ({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AccountAdministersKey",
          Effect: "Allow",
          Principal: { AWS: `arn:${partition}:iam::${account}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "CloudWatchLogsUsesKeyForFlowLogs",
          Effect: "Allow",
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
          Resource: "*",
          Condition: {
            ArnEquals: {
              "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${account}:log-group:${props.logGroupName}`,
            },
          },
        },
      ],
    });
    const assumeRolePolicy = (account: string | HclExpr): PolicyValue => ({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "vpc-flow-logs.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": account } },
        },
      ],
    });
    const rolePolicy = (groupArn: string | HclExpr): PolicyValue => ({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: [
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "logs:DescribeLogGroups",
            "logs:DescribeLogStreams",
          ],
          Resource: [groupArn, `${groupArn}:*`],
        },
      ],
    });

    const key = new KmsKey(this, "Key", {
      description: `Encrypts the VPC flow logs in ${props.logGroupName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: literal
        ? literalPolicy(() =>
            keyPolicy(arnField(vpcArn(), 1), arnField(vpcArn(), 3), attributeOf(props.vpc, "owner_id")),
          )
        : Fn.jsonencode(keyPolicy(viaFn(1), viaFn(3), props.vpc.ownerId)),
      tags,
      lifecycle,
    });
    const group = new CloudwatchLogGroup(this, "LogGroup", {
      name: props.logGroupName,
      retentionInDays: retentionDays,
      kmsKeyId: key.arn,
      tags,
      lifecycle,
    });
    const role = new IamRole(this, "Role", {
      description: `Lets VPC flow logs write to ${props.logGroupName}`,
      assumeRolePolicy: literal
        ? literalPolicy(() => assumeRolePolicy(attributeOf(props.vpc, "owner_id")))
        : Fn.jsonencode(assumeRolePolicy(props.vpc.ownerId)),
      tags,
    });
    new IamRolePolicy(this, "RolePolicy", {
      role: role.id,
      policy: literal
        ? literalPolicy(() => rolePolicy(attributeOf(group, "arn")))
        : Fn.jsonencode(rolePolicy(group.arn)),
    });
    new FlowLog(this, "Resource", {
      vpcId: props.vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      tags,
    });
    this.logGroupArn = group.arn;
    this.kmsKeyArn = key.arn;
  }
}
