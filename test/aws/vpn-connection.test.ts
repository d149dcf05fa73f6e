import * as fs from "fs";
import * as path from "path";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { VpnConnection as CfnVpnConnection } from "@cdktf/provider-aws/lib/vpn-connection";
import { VpnConnectionRoute } from "@cdktf/provider-aws/lib/vpn-connection-route";
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import * as fc from "fast-check";
import {
  DpdTimeoutAction,
  EncryptionAlgorithm,
  IkeVersion,
  IntegrityAlgorithm,
  StartupAction,
  VpnCryptoProfile,
} from "../../lib/aws/crypto-profile";
import { CustomerGateway } from "../../lib/aws/customer-gateway";
import { TunnelAlarms } from "../../lib/aws/tunnel-alarms";
import {
  LogOutputFormat,
  VpnConnection,
  VpnConnectionOptions,
  VpnRouting,
} from "../../lib/aws/vpn-connection";
import { VpnGateway } from "../../lib/aws/vpn-gateway";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { addresses, synthJson, SynthJson } from "../support/synth";

/** A key that would be valid for AWS: it must never appear in any synthesized output. */
const KEY_LITERAL = "NotASecret.But_Valid1";

function setup(id = "test") {
  const stack = new TerraformStack(Testing.app(), id);
  const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0abc",
    vpcCidrBlock: "10.40.0.0/16",
  });
  const vpnGateway = new VpnGateway(stack, "VpnGateway", { vpc });
  const customerGateway = new CustomerGateway(stack, "CustomerGateway", { ipAddress: "18.188.145.101" });
  return { stack, vpc, vpnGateway, customerGateway };
}

function connect(options: VpnConnectionOptions = {}) {
  const s = setup();
  const vpn = new VpnConnection(s.stack, "Vpn", {
    vpnGateway: s.vpnGateway,
    customerGateway: s.customerGateway,
    ...options,
  });
  return { ...s, vpn };
}

/** No pre-shared key literal anywhere: keys are absent or Terraform expressions. */
export function expectNoKeyLiteral(json: SynthJson | string): void {
  const text = typeof json === "string" ? json : JSON.stringify(json);
  expect(text).not.toContain(KEY_LITERAL);
  for (const [, conn] of Object.entries((JSON.parse(text).resource?.aws_vpn_connection ?? {}) as SynthJson)) {
    for (const t of ["tunnel1_preshared_key", "tunnel2_preshared_key"]) {
      if (conn[t] !== undefined) expect(conn[t]).toMatch(/^\$\{.*\}$/);
    }
  }
}

describe("VpnConnection", () => {
  test("no snapshot of this folder holds a pre-shared key literal", () => {
    const dir = path.join(__dirname, "__snapshots__");
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect(text).not.toContain(KEY_LITERAL);
      expect(text).not.toMatch(/preshared_key\\?": "(?!\\?\$\{)/);
    }
  });

  describe("defaults (strict profile, BGP, generated keys, created log group)", () => {
    // GIVEN / WHEN
    const { stack, vpn } = connect();
    const synth = Testing.synth(stack);

    test("snapshot (required props only)", () => {
      expect(synth).toMatchSnapshot();
    });

    test("configures both tunnels identically from the strict profile", () => {
      const tunnel = (t: string) => ({
        [`${t}_ike_versions`]: ["ikev2"],
        [`${t}_phase1_encryption_algorithms`]: ["AES256-GCM-16", "AES256"],
        [`${t}_phase2_encryption_algorithms`]: ["AES256-GCM-16", "AES256"],
        [`${t}_phase1_integrity_algorithms`]: ["SHA2-256", "SHA2-384", "SHA2-512"],
        [`${t}_phase2_integrity_algorithms`]: ["SHA2-256", "SHA2-384", "SHA2-512"],
        [`${t}_phase1_dh_group_numbers`]: [19, 20, 21],
        [`${t}_phase2_dh_group_numbers`]: [19, 20, 21],
        [`${t}_phase1_lifetime_seconds`]: 28800,
        [`${t}_phase2_lifetime_seconds`]: 3600,
        [`${t}_rekey_margin_time_seconds`]: 540,
        [`${t}_rekey_fuzz_percentage`]: 100,
        [`${t}_replay_window_size`]: 1024,
        [`${t}_dpd_timeout_seconds`]: 30,
        [`${t}_dpd_timeout_action`]: "restart",
        [`${t}_startup_action`]: "start",
        [`${t}_enable_tunnel_lifecycle_control`]: false,
      });
      expect(synth).toHaveResourceWithProperties(CfnVpnConnection, {
        type: "ipsec.1",
        static_routes_only: false,
        preshared_key_storage: "SecretsManager",
        ...tunnel("tunnel1"),
        ...tunnel("tunnel2"),
      });
      expect(vpn.tunnel1Options).toEqual(VpnCryptoProfile.strict().options);
      expect(vpn.tunnel2Options).toEqual(vpn.tunnel1Options);
      expect(vpn.routing).toBe(VpnRouting.BGP);
      expect(vpn.staticRoutes).toEqual([]);
    });

    test("carries prevent_destroy and no keys, inside CIDRs or traffic selectors", () => {
      const conn = Object.values(synthJson(stack).resource.aws_vpn_connection)[0] as SynthJson;
      expect(conn.lifecycle).toEqual({ prevent_destroy: true });
      for (const k of [
        "tunnel1_preshared_key",
        "tunnel1_inside_cidr",
        "local_ipv4_network_cidr",
        "remote_ipv4_network_cidr",
      ]) {
        expect(conn[k]).toBeUndefined();
      }
      expect(synth).not.toHaveResource(VpnConnectionRoute);
    });

    test("logs both tunnels to a created KMS-encrypted log group kept 365 days", () => {
      expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, {
        retention_in_days: 365,
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\..*\.arn\}$/),
        name_prefix: "/aws/vpn/Vpn-",
      });
      expect(synth).toHaveResourceWithProperties(KmsKey, {
        enable_key_rotation: true,
        deletion_window_in_days: 30,
      });
      expect(synth).toHaveResourceWithProperties(KmsKeyPolicy, {
        policy: expect.stringContaining('logs.${element(split(":", aws_kms_key.'),
      });
      const logs = {
        cloudwatch_log_options: {
          log_enabled: true,
          log_group_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\..*\.arn\}$/),
          log_output_format: "json",
        },
      };
      expect(synth).toHaveResourceWithProperties(CfnVpnConnection, {
        tunnel1_log_options: logs,
        tunnel2_log_options: logs,
      });
    });

    test("exposes tokens of the connection's attributes", () => {
      // outputs in a separate stack resolve the tokens without touching the snapshot
      const t = connect();
      const attrs: Record<string, string> = {
        id: t.vpn.vpnConnectionId,
        preshared_key_arn: t.vpn.presharedKeyArn,
        customer_gateway_configuration: t.vpn.customerGatewayConfiguration,
        tunnel1_address: t.vpn.tunnel1.outsideAddress,
        tunnel2_address: t.vpn.tunnel2.outsideAddress,
        tunnel1_inside_cidr: t.vpn.tunnel1.insideCidr,
        tunnel2_inside_cidr: t.vpn.tunnel2.insideCidr,
        tunnel1_vgw_inside_address: t.vpn.tunnel1.vgwInsideAddress,
        tunnel2_cgw_inside_address: t.vpn.tunnel2.cgwInsideAddress,
      };
      for (const [k, v] of Object.entries(attrs))
        new TerraformOutput(t.stack, k, { value: v, sensitive: true });
      const json = synthJson(t.stack);
      const name = Object.keys(json.resource.aws_vpn_connection)[0];
      for (const k of Object.keys(attrs)) {
        expect(json.output[k].value).toBe(`\${aws_vpn_connection.${name}.${k}}`);
      }
      expect(vpn.customerGateway).toBeDefined();
      expect(vpn.vpnGateway).toBeDefined();
    });

    test("the connection's address is Resource under the construct", () => {
      expect(vpn.resource.node.id).toBe("Resource");
    });
  });

  describe("overrides", () => {
    const keyScope = setup("keys");
    const key = new TerraformVariable(keyScope.stack, "tunnel_key", { type: "string", sensitive: true });
    const over = new VpnConnection(keyScope.stack, "Vpn", {
      vpnGateway: keyScope.vpnGateway,
      customerGateway: keyScope.customerGateway,
      cryptoProfile: VpnCryptoProfile.cloudGovIkev1(),
      staticRoutes: ["192.168.100.0/24", "10.1.0.0/16", "101.0.0.0/16"],
      tunnelOptions: { dpdTimeoutSeconds: 45, replayWindowSize: 2048 },
      tunnel1: {
        insideCidr: "169.254.10.0/30",
        presharedKey: key.stringValue,
        enableTunnelLifecycleControl: true,
      },
      tunnel2: {
        insideCidr: "169.254.10.4/30",
        presharedKey: key.stringValue,
        phase1LifetimeSeconds: 14400,
        phase2DhGroupNumbers: [5, 14],
      },
      localNetworkCidr: "10.40.0.0/16",
      remoteNetworkCidr: "192.168.100.0/24",
      logOutputFormat: LogOutputFormat.TEXT,
      logRetentionDays: 731,
      allowDestroy: true,
    });
    const synth = Testing.synth(keyScope.stack);
    const json = JSON.parse(synth) as SynthJson;

    test("applies the cloud.gov profile, both-tunnel and per-tunnel overrides", () => {
      expect(synth).toHaveResourceWithProperties(CfnVpnConnection, {
        static_routes_only: true,
        tunnel1_ike_versions: ["ikev1"],
        tunnel1_phase1_encryption_algorithms: ["AES256", "AES128"],
        tunnel1_phase1_integrity_algorithms: ["SHA2-256"],
        tunnel1_phase1_dh_group_numbers: [14],
        tunnel1_phase2_dh_group_numbers: [14],
        tunnel1_startup_action: "add",
        tunnel1_dpd_timeout_action: "clear",
        tunnel1_dpd_timeout_seconds: 45,
        tunnel2_dpd_timeout_seconds: 45,
        tunnel1_replay_window_size: 2048,
        tunnel2_replay_window_size: 2048,
        tunnel1_phase1_lifetime_seconds: 28800,
        tunnel2_phase1_lifetime_seconds: 14400,
        tunnel2_phase2_dh_group_numbers: [5, 14],
        tunnel1_inside_cidr: "169.254.10.0/30",
        tunnel2_inside_cidr: "169.254.10.4/30",
        tunnel1_enable_tunnel_lifecycle_control: true,
        tunnel2_enable_tunnel_lifecycle_control: false,
        local_ipv4_network_cidr: "10.40.0.0/16",
        remote_ipv4_network_cidr: "192.168.100.0/24",
      });
      expect(over.tunnel2Options.phase1LifetimeSeconds).toBe(14400);
      expect(over.tunnel1Options.phase1LifetimeSeconds).toBe(28800);
      expect(over.tunnel1.insideCidr).toBe("169.254.10.0/30");
    });

    test("passes a caller-supplied key only as a sensitive variable reference", () => {
      expect(synth).toHaveResourceWithProperties(CfnVpnConnection, {
        tunnel1_preshared_key: "${var.tunnel_key}",
        tunnel2_preshared_key: "${var.tunnel_key}",
      });
      expect(json.variable.tunnel_key.sensitive).toBe(true);
      expectNoKeyLiteral(json);
    });

    test("creates one route per prefix, addressed by the prefix itself", () => {
      expect(synth).toHaveResourceWithProperties(VpnConnectionRoute, {
        destination_cidr_block: "10.1.0.0/16",
      });
      const routes = Object.keys(json.resource.aws_vpn_connection_route).sort();
      expect(routes).toHaveLength(3);
      expect(routes.some((r) => r.startsWith("Vpn_Route-10-1-0-0_16_"))).toBe(true);
      expect(routes.some((r) => r.startsWith("Vpn_Route-101-0-0-0_16_"))).toBe(true);
      expect(routes.some((r) => r.startsWith("Vpn_Route-192-168-100-0_24_"))).toBe(true);
      expect(over.staticRoutes).toEqual(["192.168.100.0/24", "10.1.0.0/16", "101.0.0.0/16"]);
    });

    test("lets the caller opt out of prevent_destroy, and sets log format and retention", () => {
      const conn = Object.values(json.resource.aws_vpn_connection)[0] as SynthJson;
      expect(conn.lifecycle).toEqual({ prevent_destroy: false });
      expect(conn.tunnel2_log_options.cloudwatch_log_options.log_output_format).toBe("text");
      expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, { retention_in_days: 731 });
    });
  });

  test("uses a given log group and creates none", () => {
    const { stack } = connect({
      logGroup: { logGroupArn: "arn:aws:logs:us-gov-west-1:123456789012:log-group:vpn" },
    });
    const synth = Testing.synth(stack);
    expect(synth).not.toHaveResource(CloudwatchLogGroup);
    expect(synth).not.toHaveResource(KmsKey);
    expect(synth).toHaveResourceWithProperties(CfnVpnConnection, {
      tunnel1_log_options: {
        cloudwatch_log_options: {
          log_enabled: true,
          log_group_arn: "arn:aws:logs:us-gov-west-1:123456789012:log-group:vpn",
          log_output_format: "json",
        },
      },
    });
  });

  test("turns tunnel logs off", () => {
    const { stack, vpn } = connect({ tunnelLogs: false });
    const conn = Object.values(synthJson(stack).resource.aws_vpn_connection)[0] as SynthJson;
    expect(conn.tunnel1_log_options).toBeUndefined();
    expect(vpn.logGroupArn).toBeUndefined();
  });

  test("accepts a custom profile", () => {
    const profile = VpnCryptoProfile.custom({
      ...VpnCryptoProfile.strict().options,
      name: "mine",
      ikeVersions: [IkeVersion.IKEV2],
      phase1EncryptionAlgorithms: [EncryptionAlgorithm.AES128],
      phase2EncryptionAlgorithms: [EncryptionAlgorithm.AES128],
      phase1IntegrityAlgorithms: [IntegrityAlgorithm.SHA2_384],
      phase2IntegrityAlgorithms: [IntegrityAlgorithm.SHA2_384],
      dpdTimeoutAction: DpdTimeoutAction.NONE,
      startupAction: StartupAction.ADD,
    });
    const { stack } = connect({ cryptoProfile: profile });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CfnVpnConnection, {
      tunnel2_phase1_encryption_algorithms: ["AES128"],
      tunnel2_dpd_timeout_action: "none",
    });
  });

  describe("fails when …", () => {
    const cases: Array<[string, VpnConnectionOptions, RegExp]> = [
      [
        "ikeVersions is empty",
        { tunnelOptions: { ikeVersions: [] } },
        /`tunnel1\.ikeVersions` \[\] is empty/,
      ],
      [
        "an IKE version is unknown",
        { tunnel2: { ikeVersions: ["ikev3" as IkeVersion] } },
        /`tunnel2\.ikeVersions` ikev3 is not allowed; use one or more of ikev1, ikev2/,
      ],
      [
        "phase 1 encryption is not AWS's",
        { tunnel1: { phase1EncryptionAlgorithms: ["3DES" as EncryptionAlgorithm] } },
        /`tunnel1\.phase1EncryptionAlgorithms` 3DES/,
      ],
      [
        "phase 2 encryption is not AWS's",
        { tunnel1: { phase2EncryptionAlgorithms: ["AES192" as EncryptionAlgorithm] } },
        /`tunnel1\.phase2EncryptionAlgorithms` AES192/,
      ],
      [
        "phase 1 integrity is not AWS's",
        { tunnel1: { phase1IntegrityAlgorithms: ["MD5" as IntegrityAlgorithm] } },
        /`tunnel1\.phase1IntegrityAlgorithms` MD5/,
      ],
      [
        "phase 2 integrity is not AWS's",
        { tunnel2: { phase2IntegrityAlgorithms: ["SHA3" as IntegrityAlgorithm] } },
        /`tunnel2\.phase2IntegrityAlgorithms` SHA3/,
      ],
      [
        "an algorithm is listed twice",
        { tunnel1: { phase1EncryptionAlgorithms: [EncryptionAlgorithm.AES256, EncryptionAlgorithm.AES256] } },
        /`tunnel1\.phase1EncryptionAlgorithms` AES256 is listed twice/,
      ],
      [
        "phase 1 uses DH group 5 (phase 2 only)",
        { tunnel1: { phase1DhGroupNumbers: [5] } },
        /`tunnel1\.phase1DhGroupNumbers` 5 is not allowed/,
      ],
      [
        "phase 2 uses DH group 1",
        { tunnel2: { phase2DhGroupNumbers: [1] } },
        /`tunnel2\.phase2DhGroupNumbers` 1/,
      ],
      [
        "phase 1 lifetime is below 900 s",
        { tunnel1: { phase1LifetimeSeconds: 899 } },
        /`tunnel1\.phase1LifetimeSeconds` 899 is out of range; use an integer from 900 to 28800 seconds/,
      ],
      [
        "phase 1 lifetime is above 28800 s",
        { tunnel2: { phase1LifetimeSeconds: 28801 } },
        /`tunnel2\.phase1LifetimeSeconds` 28801/,
      ],
      [
        "phase 2 lifetime is above 3600 s",
        { tunnel1: { phase2LifetimeSeconds: 3601 } },
        /`tunnel1\.phase2LifetimeSeconds` 3601/,
      ],
      [
        "phase 2 lifetime is not below phase 1",
        {
          tunnelOptions: {
            phase1LifetimeSeconds: 1800,
            phase2LifetimeSeconds: 1800,
            rekeyMarginTimeSeconds: 60,
          },
        },
        /`tunnel1\.phase2LifetimeSeconds` 1800 is not below the phase 1 lifetime/,
      ],
      [
        "rekey margin is below 60 s",
        { tunnel1: { rekeyMarginTimeSeconds: 59 } },
        /`tunnel1\.rekeyMarginTimeSeconds` 59/,
      ],
      [
        "rekey margin exceeds half of phase 2",
        { tunnel1: { phase2LifetimeSeconds: 1000, rekeyMarginTimeSeconds: 501 } },
        /`tunnel1\.rekeyMarginTimeSeconds` 501 exceeds half the phase 2 lifetime/,
      ],
      [
        "rekey fuzz is above 100 %",
        { tunnel2: { rekeyFuzzPercentage: 101 } },
        /`tunnel2\.rekeyFuzzPercentage` 101/,
      ],
      ["replay window is below 64", { tunnel1: { replayWindowSize: 32 } }, /`tunnel1\.replayWindowSize` 32/],
      [
        "replay window is above 2048",
        { tunnel1: { replayWindowSize: 4096 } },
        /`tunnel1\.replayWindowSize` 4096/,
      ],
      [
        "DPD timeout is below 30 s",
        { tunnel2: { dpdTimeoutSeconds: 10 } },
        /`tunnel2\.dpdTimeoutSeconds` 10/,
      ],
      [
        "DPD timeout is not an integer",
        { tunnel2: { dpdTimeoutSeconds: 30.5 } },
        /`tunnel2\.dpdTimeoutSeconds` 30\.5/,
      ],
      [
        "DPD action is unknown",
        { tunnel1: { dpdTimeoutAction: "reset" as DpdTimeoutAction } },
        /`tunnel1\.dpdTimeoutAction` reset is not allowed; use one of clear, none, restart/,
      ],
      [
        "startup action is unknown",
        { tunnel1: { startupAction: "go" as StartupAction } },
        /`tunnel1\.startupAction` go/,
      ],
      [
        "startup `start` is used with IKEv1",
        { cryptoProfile: VpnCryptoProfile.cloudGovIkev1(), tunnel2: { startupAction: StartupAction.START } },
        /`tunnel2\.startupAction` start requires IKEv2 only/,
      ],
      [
        "inside CIDR is not a CIDR",
        { tunnel1: { insideCidr: "169.254.10.0" } },
        /`tunnel1\.insideCidr` 169\.254\.10\.0 has no prefix length \(a\.b\.c\.d\/n; \/32 for one address\)/,
      ],
      [
        "inside CIDR is not network-aligned",
        { tunnel1: { insideCidr: "169.254.10.1/30" } },
        /`tunnel1\.insideCidr` 169\.254\.10\.1\/30 has host bits set: it is not network-aligned \(did you mean 169\.254\.10\.0\/30\?\)/,
      ],
      [
        "inside CIDR is not a /30",
        { tunnel2: { insideCidr: "169.254.10.0/29" } },
        /`tunnel2\.insideCidr` 169\.254\.10\.0\/29 is not a \/30/,
      ],
      [
        "inside CIDR is outside 169.254.0.0/16",
        { tunnel1: { insideCidr: "10.0.0.0/30" } },
        /`tunnel1\.insideCidr` 10\.0\.0\.0\/30 is outside 169\.254\.0\.0\/16/,
      ],
      [
        "inside CIDR is reserved by AWS",
        { tunnel1: { insideCidr: "169.254.169.252/30" } },
        /`tunnel1\.insideCidr` 169\.254\.169\.252\/30 is reserved by AWS/,
      ],
      [
        "both tunnels share an inside CIDR",
        { tunnel1: { insideCidr: "169.254.20.0/30" }, tunnel2: { insideCidr: "169.254.20.0/30" } },
        /`tunnel2\.insideCidr` 169\.254\.20\.0\/30 is also tunnel 1's inside CIDR/,
      ],
      [
        "a pre-shared key is a literal",
        { tunnel1: { presharedKey: KEY_LITERAL } },
        /`tunnel1\.presharedKey` \(value hidden\) is a string literal: it would be written to cdk\.tf\.json/,
      ],
      [
        "a pre-shared key for both tunnels is a literal",
        { tunnelOptions: { presharedKey: KEY_LITERAL } },
        /`tunnel1\.presharedKey`/,
      ],
      ["staticRoutes is empty", { staticRoutes: [] }, /`staticRoutes` \[\] is empty/],
      [
        "a static route is not a CIDR",
        { staticRoutes: ["192.168.100.0/33"] },
        /`staticRoutes\[0\]` 192\.168\.100\.0\/33 has prefix length \/33, out of range \(0-32\)/,
      ],
      [
        "a static route is not network-aligned",
        { staticRoutes: ["192.168.100.1/24"] },
        /`staticRoutes\[0\]` 192\.168\.100\.1\/24/,
      ],
      [
        "a static route is 0.0.0.0/0",
        { staticRoutes: ["0.0.0.0/0"] },
        /`staticRoutes\[0\]` 0\.0\.0\.0\/0 would send all traffic/,
      ],
      [
        "a static route is listed twice",
        { staticRoutes: ["10.1.0.0/16", "10.1.0.0/16"] },
        /`staticRoutes\[1\]` 10\.1\.0\.0\/16 is listed twice/,
      ],
      [
        "there are more than 100 static routes",
        { staticRoutes: Array.from({ length: 101 }, (_, i) => `10.${i}.0.0/16`) },
        /`staticRoutes` 101 prefixes exceeds the AWS quota/,
      ],
      [
        "localNetworkCidr is not a CIDR",
        { localNetworkCidr: "10.40.0.0" },
        /`localNetworkCidr` 10\.40\.0\.0/,
      ],
      [
        "remoteNetworkCidr is not network-aligned",
        { remoteNetworkCidr: "192.168.100.7/24" },
        /`remoteNetworkCidr` 192\.168\.100\.7\/24/,
      ],
      [
        "logRetentionDays is below a year",
        { logRetentionDays: 30 },
        /`logRetentionDays` 30 is not an allowed retention of at least 365 days/,
      ],
      ["logRetentionDays is not a CloudWatch value", { logRetentionDays: 366 }, /`logRetentionDays` 366/],
      [
        "logOutputFormat is unknown",
        { logOutputFormat: "xml" as LogOutputFormat },
        /`logOutputFormat` xml is not allowed; use one of json, text/,
      ],
    ];
    test.each(cases)("fails when %s", (_title, options, message) => {
      expect(() => connect(options)).toThrow(message);
    });

    test("fails when the customer ASN equals the Amazon-side ASN", () => {
      const s = setup();
      const cgw = new CustomerGateway(s.stack, "Same", { ipAddress: "18.188.145.102", bgpAsn: 64512 });
      expect(
        () => new VpnConnection(s.stack, "Vpn", { vpnGateway: s.vpnGateway, customerGateway: cgw }),
      ).toThrow(
        "[PE-VPN-005] `customerGateway.bgpAsn` 64512 equals the virtual private gateway's Amazon-side ASN; give the customer gateway and the virtual private gateway different ASNs",
      );
    });

    test("fails when a second connection on the same gateway reuses an inside CIDR", () => {
      const s = setup();
      s.vpnGateway.addConnection("Primary", {
        customerGateway: s.customerGateway,
        tunnel1: { insideCidr: "169.254.30.0/30" },
      });
      expect(() =>
        s.vpnGateway.addConnection("Secondary", {
          customerGatewayIp: "18.188.145.102",
          tunnel2: { insideCidr: "169.254.30.0/30" },
        }),
      ).toThrow(
        /`tunnel2\.insideCidr` 169\.254\.30\.0\/30 is already used by test\/VpnGateway\/Primary \(tunnel 1\)/,
      );
    });

    test("fails when an imported gateway (same id twice) gets a clashing inside CIDR", () => {
      const stack = new TerraformStack(Testing.app(), "imported");
      const a = VpnGateway.fromVpnGatewayId(stack, "A", "vgw-0123");
      const b = VpnGateway.fromVpnGatewayId(stack, "B", "vgw-0123");
      a.addConnection("One", {
        customerGatewayIp: "18.188.145.101",
        tunnel1: { insideCidr: "169.254.40.0/30" },
      });
      expect(() =>
        b.addConnection("Two", {
          customerGatewayIp: "18.188.145.102",
          tunnel1: { insideCidr: "169.254.40.0/30" },
        }),
      ).toThrow(/`tunnel1\.insideCidr`/);
    });

    test("fails when an 11th connection is added to one gateway", () => {
      const s = setup();
      for (let i = 1; i <= 10; i++)
        s.vpnGateway.addConnection(`Site${i}`, { customerGatewayIp: `18.188.145.${i}` });
      expect(() => s.vpnGateway.addConnection("Site11", { customerGatewayIp: "18.188.145.11" })).toThrow(
        /`vpnGateway` .* already has 10 VPN connections/,
      );
      expect(s.vpnGateway.connections).toHaveLength(10);
    });
  });

  describe("redundancy", () => {
    test("a second device is one line, on the same gateway, with its own customer gateway", () => {
      const s = setup();
      const primary = s.vpnGateway.addConnection("Primary", {
        customerGateway: s.customerGateway,
        staticRoutes: ["192.168.100.0/24"],
        tunnel1: { insideCidr: "169.254.50.0/30" },
        tunnel2: { insideCidr: "169.254.50.4/30" },
      });
      const secondary = s.vpnGateway.addConnection("Secondary", {
        customerGatewayIp: "18.188.145.102",
        customerDeviceName: "openswan-b",
        staticRoutes: ["192.168.100.0/24"],
        tunnel1: { insideCidr: "169.254.50.8/30" },
        tunnel2: { insideCidr: "169.254.50.12/30" },
      });
      const json = synthJson(s.stack);
      expect(Object.keys(json.resource.aws_vpn_connection)).toHaveLength(2);
      expect(Object.keys(json.resource.aws_customer_gateway)).toHaveLength(2);
      expect(s.vpnGateway.connections).toEqual([primary, secondary]);
      expect(secondary.customerGateway).not.toBe(primary.customerGateway);
    });

    test("fails when addConnection gets neither a customer gateway nor its IP", () => {
      const s = setup();
      expect(() => s.vpnGateway.addConnection("X", {})).toThrow(/`customerGatewayIp` undefined is required/);
    });
  });

  describe("state safety", () => {
    const core = (json: SynthJson) =>
      addresses(json).filter((a) => /^aws_(vpn_connection|vpn_gateway|customer_gateway)\./.test(a));

    test("gateway and connection addresses do not move when keys, logs, alarms or profile change (property)", () => {
      const baseline = core(synthJson(connect().stack));
      fc.assert(
        fc.property(
          fc.record({
            key: fc.boolean(),
            logs: fc.constantFrom("created", "given", "off"),
            alarms: fc.boolean(),
            profile: fc.constantFrom("strict", "cloudgov", "default"),
            insideCidrs: fc.boolean(),
          }),
          (o) => {
            const s = setup();
            const key = o.key
              ? new TerraformVariable(s.stack, "k", { type: "string", sensitive: true }).stringValue
              : undefined;
            const vpn = new VpnConnection(s.stack, "Vpn", {
              vpnGateway: s.vpnGateway,
              customerGateway: s.customerGateway,
              cryptoProfile:
                o.profile === "strict"
                  ? VpnCryptoProfile.strict()
                  : o.profile === "cloudgov"
                    ? VpnCryptoProfile.cloudGovIkev1()
                    : undefined,
              tunnelLogs: o.logs !== "off",
              logGroup:
                o.logs === "given"
                  ? { logGroupArn: "arn:aws:logs:us-gov-west-1:123456789012:log-group:x" }
                  : undefined,
              tunnel1: { presharedKey: key, insideCidr: o.insideCidrs ? "169.254.60.0/30" : undefined },
              tunnel2: { presharedKey: key },
            });
            if (o.alarms) new TunnelAlarms(s.stack, "Alarms", { vpnConnection: vpn });
            const json = synthJson(s.stack);
            expectNoKeyLiteral(json);
            expect(core(json)).toEqual(baseline);
          },
        ),
        { numRuns: 25 },
      );
    });

    test("route addresses depend on the prefix only, never on list order", () => {
      const routes = (list: string[]) => {
        const s = setup();
        new VpnConnection(s.stack, "Vpn", {
          vpnGateway: s.vpnGateway,
          customerGateway: s.customerGateway,
          staticRoutes: list,
        });
        return addresses(synthJson(s.stack)).filter((a) => a.startsWith("aws_vpn_connection_route."));
      };
      const a = routes(["10.1.0.0/16", "101.0.0.0/16", "192.168.0.0/24"]);
      expect(routes(["192.168.0.0/24", "101.0.0.0/16", "10.1.0.0/16"])).toEqual(a);
      expect(new Set(a).size).toBe(3);
      expect(routes(["10.1.0.0/16"])).toEqual(a.filter((x) => x.includes("Route-10-1-0-0_16")));
    });
  });
});
