import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { TerraformStack, Testing } from "cdktf";
import { TunnelAlarms, TunnelAlarmsProps } from "../../lib/aws/tunnel-alarms";
import { IVpnConnection } from "../../lib/aws/vpn-connection";
import { synthJson, SynthJson } from "../support/synth";

const vpnConnection: IVpnConnection = {
  vpnConnectionId: "vpn-0123",
  tunnel1: {
    outsideAddress: "52.0.0.1",
    insideCidr: "169.254.10.0/30",
    vgwInsideAddress: "169.254.10.1",
    cgwInsideAddress: "169.254.10.2",
  },
  tunnel2: {
    outsideAddress: "52.0.0.2",
    insideCidr: "169.254.10.4/30",
    vgwInsideAddress: "169.254.10.5",
    cgwInsideAddress: "169.254.10.6",
  },
};

function alarms(props: Partial<TunnelAlarmsProps> = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  const a = new TunnelAlarms(stack, "Alarms", { vpnConnection, ...props });
  return { stack, a };
}

describe("TunnelAlarms", () => {
  describe("defaults", () => {
    const { stack, a } = alarms();
    const synth = Testing.synth(stack);

    test("snapshot (required props only)", () => {
      expect(synth).toMatchSnapshot();
    });

    test("one TunnelState alarm per tunnel, by VpnId and the tunnel's outside address, missing data breaching", () => {
      for (const [n, ip] of [
        [1, "52.0.0.1"],
        [2, "52.0.0.2"],
      ]) {
        expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
          alarm_name: `vpn-vpn-0123-tunnel${n}-down`,
          namespace: "AWS/VPN",
          metric_name: "TunnelState",
          statistic: "Maximum",
          period: 300,
          evaluation_periods: 2,
          datapoints_to_alarm: 2,
          comparison_operator: "LessThanThreshold",
          threshold: 1,
          treat_missing_data: "breaching",
          dimensions: { VpnId: "vpn-0123", TunnelIpAddress: ip },
          alarm_actions: [expect.stringMatching(/^\$\{aws_sns_topic\..*\.arn\}$/)],
          ok_actions: [expect.stringMatching(/^\$\{aws_sns_topic\..*\.arn\}$/)],
        });
      }
    });

    test("an all-tunnels-down alarm over both tunnels", () => {
      const all = synthJson(stack).resource.aws_cloudwatch_metric_alarm as SynthJson;
      const alarm = Object.values(all).find(
        (x) => (x as SynthJson).alarm_name === "vpn-vpn-0123-all-tunnels-down",
      ) as SynthJson;
      expect(alarm.treat_missing_data).toBe("breaching");
      expect(alarm.metric_query.map((q: SynthJson) => q.id)).toEqual(["t1", "t2", "up"]);
      expect(alarm.metric_query[2]).toMatchObject({ expression: "MAX([t1, t2])", return_data: true });
      expect(alarm.metric_query[1].metric.dimensions).toEqual({
        VpnId: "vpn-0123",
        TunnelIpAddress: "52.0.0.2",
      });
      expect(a.allTunnelsDownAlarm).toBeDefined();
    });

    test("a created, KMS-encrypted topic", () => {
      expect(synth).toHaveResourceWithProperties(SnsTopic, {
        kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\..*\.arn\}$/),
      });
    });
  });

  test("uses a given topic and creates none; period and evaluation overrides", () => {
    const { stack } = alarms({
      topic: { topicArn: "arn:aws:sns:us-gov-west-1:123456789012:ops" },
      periodSeconds: 600,
      evaluationPeriods: 3,
      alarmNamePrefix: "agency",
    });
    const synth = Testing.synth(stack);
    expect(synth).not.toHaveResource(SnsTopic);
    expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: "agency-tunnel1-down",
      period: 600,
      evaluation_periods: 3,
      alarm_actions: ["arn:aws:sns:us-gov-west-1:123456789012:ops"],
    });
  });

  describe("fails when …", () => {
    test.each([
      [
        "periodSeconds is below 300",
        { periodSeconds: 60 },
        /`periodSeconds` 60 is not allowed; AWS\/VPN publishes every 5 minutes/,
      ],
      ["periodSeconds is not a multiple of 60", { periodSeconds: 330 }, /`periodSeconds` 330/],
      ["evaluationPeriods is 0", { evaluationPeriods: 0 }, /`evaluationPeriods` 0/],
      ["alarmNamePrefix is empty", { alarmNamePrefix: "" }, /`alarmNamePrefix` ""/],
    ] as Array<[string, Partial<TunnelAlarmsProps>, RegExp]>)("fails when %s", (_t, props, message) => {
      expect(() => alarms(props)).toThrow(message);
    });
  });
});
