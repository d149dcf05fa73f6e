/**
 * Liveness alarms for a VPN connection's tunnels: `TunnelState` per tunnel and all tunnels down,
 * missing data treated as breaching, actions to an encrypted SNS topic.
 */
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { Construct } from "constructs";
import { alarmSettingInvalid } from "../core/errors-vpn";
import { createServiceKey, IVpnConnection } from "./vpn-connection";
import { throwFirst } from "./vpn-validation";
import { PrivateEgressError } from "../core/errors";
import { isUnresolved } from "../core/tokens";
import { bindProviders } from "../core/providers";
import { AwsProviderOptions } from "./interfaces";
import { ID, guardStrings, stringSpec } from "../core/boundary";
import { childId, nodePath } from "../core/strings";

/** An SNS topic the user owns. */
export interface ITopicRef {
  /** The topic's ARN. */
  readonly topicArn: string;
}

/** Props of {@link TunnelAlarms}. */
export interface TunnelAlarmsProps extends AwsProviderOptions {
  /** The connection whose tunnels to watch. */
  readonly vpnConnection: IVpnConnection;
  /** Where alarm and OK notifications go. @default - a created SNS topic, encrypted with a created KMS key */
  readonly topic?: ITopicRef;
  /**
   * The evaluation period. AWS/VPN publishes tunnel metrics every 5 minutes, so shorter periods
   * would see missing data (treated as breaching) between data points.
   * @default 300
   */
  readonly periodSeconds?: number;
  /** Consecutive periods down before alarming, 1-10. @default 2 */
  readonly evaluationPeriods?: number;
  /** Prefix of the alarm names. @default - `vpn-<connection id>` */
  readonly alarmNamePrefix?: string;
  /**
   * Whether Terraform may destroy the created topic's KMS key.
   * @default false (`prevent_destroy` on the key)
   */
  readonly allowDestroy?: boolean;
}

const STRINGS = stringSpec("TunnelAlarmsProps", { alarmNamePrefix: ID });

/**
 * Define `TunnelState` alarms for both tunnels of a connection (dimensions `VpnId` and
 * `TunnelIpAddress`) and one for all tunnels down; missing data counts as down.
 *
 * @example
 * new TunnelAlarms(stack, "VpnAlarms", { vpnConnection: vpn });
 */
export class TunnelAlarms extends Construct {
  /** The topic notified (given or created). */
  public readonly topicArn: string;
  /** Tunnel 1 down. */
  public readonly tunnel1Alarm: CloudwatchMetricAlarm;
  /** Tunnel 2 down. */
  public readonly tunnel2Alarm: CloudwatchMetricAlarm;
  /** Both tunnels down: the connection is down. */
  public readonly allTunnelsDownAlarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: TunnelAlarmsProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { aws: props.provider });
    const period = props.periodSeconds ?? 300;
    const evaluationPeriods = props.evaluationPeriods ?? 2;
    const vpnId = props.vpnConnection.vpnConnectionId;
    const prefix = props.alarmNamePrefix ?? `vpn-${vpnId}`;

    const errors: PrivateEgressError[] = [];
    if (!isUnresolved(period) && (!Number.isInteger(period) || period < 300 || period % 60 !== 0)) {
      errors.push(
        alarmSettingInvalid(
          "periodSeconds",
          period,
          "AWS/VPN publishes every 5 minutes: use a multiple of 60 of at least 300",
        ),
      );
    }
    if (
      !isUnresolved(evaluationPeriods) &&
      (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1 || evaluationPeriods > 10)
    ) {
      errors.push(alarmSettingInvalid("evaluationPeriods", evaluationPeriods, "use an integer from 1 to 10"));
    }
    if (
      props.alarmNamePrefix !== undefined &&
      !isUnresolved(prefix) &&
      !/^[\x20-\x7e]{1,200}$/.test(prefix)
    ) {
      errors.push(alarmSettingInvalid("alarmNamePrefix", prefix, "use 1-200 printable ASCII characters"));
    }
    throwFirst(errors);

    if (props.topic) {
      this.topicArn = props.topic.topicArn;
    } else {
      const topicScope = new Construct(this, "Topic");
      const { key } = createServiceKey(topicScope, {
        description: `Alarm notifications of ${nodePath(this)}`,
        service: "cloudwatch",
        regional: false,
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        preventDestroy: !props.allowDestroy,
      });
      this.topicArn = new SnsTopic(topicScope, "Resource", {
        namePrefix: "vpn-tunnel-alarms-",
        kmsMasterKeyId: key.arn,
      }).arn;
    }

    const common = {
      comparisonOperator: "LessThanThreshold",
      threshold: 1,
      evaluationPeriods,
      datapointsToAlarm: evaluationPeriods,
      treatMissingData: "breaching",
      alarmActions: [this.topicArn],
      okActions: [this.topicArn],
    };
    const tunnel = (n: 1 | 2) => {
      const endpoints = n === 1 ? props.vpnConnection.tunnel1 : props.vpnConnection.tunnel2;
      return new CloudwatchMetricAlarm(this, childId(`Tunnel${n}`), {
        ...common,
        alarmName: `${prefix}-tunnel${n}-down`,
        alarmDescription: `VPN tunnel ${n} is down (TunnelState < 1 or no data)`,
        namespace: "AWS/VPN",
        metricName: "TunnelState",
        statistic: "Maximum",
        period,
        dimensions: { VpnId: vpnId, TunnelIpAddress: endpoints.outsideAddress },
      });
    };
    this.tunnel1Alarm = tunnel(1);
    this.tunnel2Alarm = tunnel(2);

    const metric = (n: 1 | 2) => ({
      id: `t${n}`,
      returnData: false,
      metric: {
        namespace: "AWS/VPN",
        metricName: "TunnelState",
        period,
        stat: "Maximum",
        dimensions: {
          VpnId: vpnId,
          TunnelIpAddress: (n === 1 ? props.vpnConnection.tunnel1 : props.vpnConnection.tunnel2)
            .outsideAddress,
        },
      },
    });
    this.allTunnelsDownAlarm = new CloudwatchMetricAlarm(this, "AllTunnels", {
      ...common,
      alarmName: `${prefix}-all-tunnels-down`,
      alarmDescription: "Every tunnel of the VPN connection is down: no private egress",
      metricQuery: [
        metric(1),
        metric(2),
        { id: "up", expression: "MAX([t1, t2])", label: "Tunnels up (max)", returnData: true },
      ],
    });
  }
}
