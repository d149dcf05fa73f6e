import { Testing } from "cdktf";
import { HA_PRIVATE_CIDRS, HighAvailabilityStack, PRIMARY_ENDPOINT, SECONDARY_ENDPOINT } from "./stack";
import { HIGH_AVAILABILITY_ADDRESSES } from "./addresses";
import { PlatformStack } from "../shared/platform-stack";
import { addresses, resourcesOfType, synthJson, fullSynthJson } from "../../test/support/synth";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { PolicyPack, PolicyProfile, PrivateEgressEnvironment } from "../../lib";
import { refusedDescriptions, securityGroupDescriptions } from "../../test/support/aws-descriptions";

describe("high availability example", () => {
  const app = Testing.app();
  const stack = new HighAvailabilityStack(app, "private-egress-high-availability", { env: {} });
  PolicyPack.applyTo(stack, { profile: PolicyProfile.FEDERAL_STRICT });
  const json = synthJson(stack);

  test("every security group and rule description is one AWS accepts (no apostrophe: the EC2 API refuses it at apply)", () => {
    for (const synthesized of [json]) {
      expect(securityGroupDescriptions(synthesized).some((d) => /customer network/.test(d.description))).toBe(
        true,
      );
      expect(refusedDescriptions(synthesized)).toEqual([]);
    }
  });

  test("pins the sorted resource addresses (a change here destroys and re-creates infrastructure)", () => {
    expect(addresses(json)).toEqual(HIGH_AVAILABILITY_ADDRESSES);
  });

  test("its Cloud Foundry half passes the schema checker", () => {
    expect(checkAgainstSchema(json, cloudFoundrySchema(), "cloudfoundry_")).toEqual([]);
  });

  test("passes the federal-strict profile with no error or warning", () => {
    const { json: full, metadata } = fullSynthJson(stack); // throws on error annotations
    expect(full["//"].policy_pack).toMatchObject({ profile: "federal-strict" });
    expect(metadata.filter((m) => m.type === "@cdktf/error")).toEqual([]);
    expect(metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data))).toEqual([]);
  });

  test("two BGP connections, one per customer device, on one virtual private gateway", () => {
    const [vgw] = Object.keys(resourcesOfType(json, "aws_vpn_gateway"));
    expect(Object.keys(resourcesOfType(json, "aws_vpn_gateway"))).toHaveLength(1);
    const cgws = resourcesOfType(json, "aws_customer_gateway");
    expect(Object.values(cgws).map((c) => [c.ip_address, c.bgp_asn])).toEqual([
      [SECONDARY_ENDPOINT.ip, String(SECONDARY_ENDPOINT.bgpAsn)],
      [PRIMARY_ENDPOINT.ip, String(PRIMARY_ENDPOINT.bgpAsn)],
    ]);
    const vpns = Object.values(resourcesOfType(json, "aws_vpn_connection"));
    expect(vpns).toHaveLength(2);
    for (const vpn of vpns) {
      expect(vpn.vpn_gateway_id).toBe(`\${aws_vpn_gateway.${vgw}.id}`);
      expect(vpn.static_routes_only).toBe(false);
      expect(vpn.tunnel1_ike_versions).toEqual(["ikev2"]);
    }
    // BGP carries the prefixes: no static VPN routes; the VPC still routes the CIDRs to the gateway
    expect(resourcesOfType(json, "aws_vpn_connection_route")).toEqual({});
    const routed = Object.values(resourcesOfType(json, "aws_route"))
      .filter((r) => r.gateway_id === `\${aws_vpn_gateway.${vgw}.id}`)
      .map((r) => r.destination_cidr_block);
    expect(routed).toEqual([...HA_PRIVATE_CIDRS, ...HA_PRIVATE_CIDRS]);
  });

  test("the four tunnels have four distinct inside CIDRs", () => {
    const inside = Object.values(resourcesOfType(json, "aws_vpn_connection"))
      .flatMap((v) => [v.tunnel1_inside_cidr, v.tunnel2_inside_cidr])
      .sort();
    expect(inside).toEqual(["169.254.20.0/30", "169.254.20.4/30", "169.254.21.0/30", "169.254.21.4/30"]);
  });

  test("both connections have their alarm set, and both sets notify one SNS topic", () => {
    const alarms = resourcesOfType(json, "aws_cloudwatch_metric_alarm");
    expect(Object.keys(alarms)).toHaveLength(6);
    const topics = Object.keys(resourcesOfType(json, "aws_sns_topic"));
    expect(topics).toHaveLength(1);
    for (const alarm of Object.values(alarms)) {
      expect(alarm.alarm_actions).toEqual([`\${aws_sns_topic.${topics[0]}.arn}`]);
    }
    for (const [vpn] of Object.entries(resourcesOfType(json, "aws_vpn_connection"))) {
      const watching = Object.values(alarms).filter((a) =>
        JSON.stringify(a).includes(`aws_vpn_connection.${vpn}.`),
      );
      expect([vpn, watching.length]).toEqual([vpn, 3]);
    }
  });

  test("fails when the second endpoint reuses an inside CIDR of the first on the same gateway", () => {
    const s = new PlatformStack(Testing.app(), "dup", { env: {} });
    expect(
      () =>
        new PrivateEgressEnvironment(s, "Agency", {
          tenant: { org: "agency-ha", spaces: ["claims"] },
          customerEndpoint: PRIMARY_ENDPOINT,
          secondCustomerEndpoint: { ...SECONDARY_ENDPOINT, tunnel2InsideCidr: "169.254.20.4/30" },
          privateCidrs: HA_PRIVATE_CIDRS,
          expectedApps: 60,
          availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
        }),
    ).toThrow(/`secondCustomerEndpoint\.tunnel2InsideCidr` 169\.254\.20\.4\/30 is already used/);
  });
});
