/** Shared inputs of the hand-off tests: the two crypto profiles and a connection built on them. */
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { VpnConnection } from "@cdktf/provider-aws/lib/vpn-connection";
import type { EffectiveTunnelOptions, TunnelEndpoints } from "../../lib/aws/interfaces";
import { CustomerDevice, VpnConnectionHandoff } from "../../lib/handoff/device-config";

/** cloud.gov's published IKEv1 baseline (the seeds): IKEv1, AES256+AES128, SHA2-256, DH 14. */
export const CLOUD_GOV_IKEV1: EffectiveTunnelOptions = {
  ikeVersions: ["ikev1"],
  phase1EncryptionAlgorithms: ["AES256", "AES128"],
  phase2EncryptionAlgorithms: ["AES256", "AES128"],
  phase1IntegrityAlgorithms: ["SHA2-256"],
  phase2IntegrityAlgorithms: ["SHA2-256"],
  phase1DhGroupNumbers: [14],
  phase2DhGroupNumbers: [14],
  phase1LifetimeSeconds: 28800,
  phase2LifetimeSeconds: 3600,
  rekeyMarginTimeSeconds: 540,
  rekeyFuzzPercentage: 100,
  replayWindowSize: 1024,
  dpdTimeoutSeconds: 30,
  dpdTimeoutAction: "clear",
  startupAction: "add",
};

/** A strict IKEv2 profile: AES256-GCM-16 + AES256, SHA2-256/384/512, DH 19/20/21, DPD restart, AWS starts. */
export const STRICT_IKEV2: EffectiveTunnelOptions = {
  ikeVersions: ["ikev2"],
  phase1EncryptionAlgorithms: ["AES256-GCM-16", "AES256"],
  phase2EncryptionAlgorithms: ["AES256-GCM-16", "AES256"],
  phase1IntegrityAlgorithms: ["SHA2-256", "SHA2-384", "SHA2-512"],
  phase2IntegrityAlgorithms: ["SHA2-256", "SHA2-384", "SHA2-512"],
  phase1DhGroupNumbers: [19, 20, 21],
  phase2DhGroupNumbers: [19, 20, 21],
  phase1LifetimeSeconds: 28800,
  phase2LifetimeSeconds: 3600,
  rekeyMarginTimeSeconds: 540,
  rekeyFuzzPercentage: 100,
  replayWindowSize: 1024,
  dpdTimeoutSeconds: 30,
  dpdTimeoutAction: "restart",
  startupAction: "start",
};

/** Literal values as AWS reports them after apply (a raw `${...}` reference is refused: pass cdktf tokens, see `tokenStack`). */
export const LITERAL_ENDPOINTS: [TunnelEndpoints, TunnelEndpoints] = [
  {
    outsideAddress: "52.61.0.10",
    insideCidr: "169.254.10.0/30",
    vgwInsideAddress: "169.254.10.1",
    cgwInsideAddress: "169.254.10.2",
  },
  {
    outsideAddress: "52.61.0.20",
    insideCidr: "169.254.11.0/30",
    vgwInsideAddress: "169.254.11.1",
    cgwInsideAddress: "169.254.11.2",
  },
];

export const PSK_ARN = "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:vpn-psk-AbCdEf";

/** The seed scenario's connection (endpoint 18.188.145.101, 192.168.100.0/24) on the given options. */
export function connection(
  device: CustomerDevice,
  options: EffectiveTunnelOptions,
  overrides: Partial<VpnConnectionHandoff> = {},
): VpnConnectionHandoff {
  return {
    name: "agency",
    device,
    customerEndpointIp: "18.188.145.101",
    customerCidrs: ["192.168.100.0/24"],
    platformCidrs: ["10.40.16.0/22", "10.40.20.0/22"],
    tunnel1: { endpoints: LITERAL_ENDPOINTS[0], options },
    tunnel2: { endpoints: LITERAL_ENDPOINTS[1], options },
    presharedKeyLocation: PSK_ARN,
    ...overrides,
  };
}

/** A Testing stack with one raw VPN connection whose attributes are real cdktf tokens. */
export function tokenStack(): {
  stack: TerraformStack;
  vpn: VpnConnection;
  endpoints: [TunnelEndpoints, TunnelEndpoints];
} {
  const app = Testing.app();
  const stack = new TerraformStack(app, "handoff");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const vpn = new VpnConnection(stack, "vpn", {
    customerGatewayId: "cgw-0123456789abcdef0",
    vpnGatewayId: "vgw-0123456789abcdef0",
    type: "ipsec.1",
    staticRoutesOnly: true,
    presharedKeyStorage: "SecretsManager",
  });
  return {
    stack,
    vpn,
    endpoints: [
      {
        outsideAddress: vpn.tunnel1Address,
        insideCidr: vpn.tunnel1InsideCidr,
        vgwInsideAddress: vpn.tunnel1VgwInsideAddress,
        cgwInsideAddress: vpn.tunnel1CgwInsideAddress,
      },
      {
        outsideAddress: vpn.tunnel2Address,
        insideCidr: vpn.tunnel2InsideCidr,
        vgwInsideAddress: vpn.tunnel2VgwInsideAddress,
        cgwInsideAddress: vpn.tunnel2CgwInsideAddress,
      },
    ],
  };
}

/** The lines of a rendered text, trimmed, without blank lines. */
export function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** The values of `key=value` (or `key = value`) lines, in order. */
export function valuesOf(text: string, key: string, separator = "="): string[] {
  const prefix = `${key}${separator}`;
  return linesOf(text)
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length).trim());
}
