/**
 * Scale case of `npm run bench` (issue 8): `node dist/bench/scale.js N` synthesizes N tenant
 * environments in one app, one stack each (the default example's shape: PlatformStack +
 * PrivateEgressEnvironment under the cloud.gov policy profile). Each tenant gets its own org, its
 * own customer endpoint and a private CIDR computed from its index in 172.16.0.0/12 (the platform
 * registry refuses overlapping private CIDRs across tenants); the VPC block repeats, since each stack
 * has its own VPC.
 */
import { App } from "cdktf";
import {
  CustomerDevice,
  EgressTier,
  PolicyPack,
  PolicyProfile,
  PrivateEgressEnvironment,
  VpnCryptoProfile,
} from "../lib";
import { PlatformStack } from "../examples/shared/platform-stack";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../examples/shared/foundation";

/** Tenant `i`'s private CIDR: the i-th /24 of 172.16.0.0/12 (4096 tenants at most). */
export function tenantCidr(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= 4096) throw new Error(`tenant index ${i} is outside 0..4095`);
  return `172.${16 + Math.floor(i / 256)}.${i % 256}.0/24`;
}

/** Tenant `i`'s VPN endpoint: a distinct public address per tenant. */
export function tenantEndpoint(i: number): string {
  return `18.188.${146 + Math.floor(i / 250)}.${1 + (i % 250)}`;
}

/**
 * Builds the app with `n` tenant stacks (not synthesized), checked by the cloud.gov policy pack
 * unless `pack` is false (the bench's "without the policy pack" case).
 */
export function buildScaleApp(n: number, app: App = new App(), pack = true): App {
  for (let i = 0; i < n; i++) {
    const org = `tenant-${String(i).padStart(3, "0")}`;
    const stack = new PlatformStack(app, org, { env: {} });
    const cidr = tenantCidr(i);
    const host = cidr.replace(/\.0\/24$/, ".30");
    new PrivateEgressEnvironment(stack, "Tenant", {
      tenant: { org, spaces: ["app", "batch"] },
      customerEndpoint: { ip: tenantEndpoint(i), device: CustomerDevice.OPENSWAN },
      privateCidrs: [cidr],
      privateServices: [{ name: "hello-world", host, port: 8080 }],
      expectedApps: 40,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell({}) },
      cryptoProfile: VpnCryptoProfile.cloudGovIkev1(),
      availabilityZones: [`${stack.region}a`, `${stack.region}b`],
      egressTiers: { running: [EgressTier.TRUSTED_LOCAL], staging: [EgressTier.PUBLIC] },
      allowPublicEgressViaNat: true,
    });
  }
  if (pack) PolicyPack.applyTo(app, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
  return app;
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? "1");
  if (!Number.isInteger(n) || n < 1) {
    console.error("usage: node dist/bench/scale.js N [--no-pack]   (N >= 1 tenant environments)");
    process.exit(2);
  }
  buildScaleApp(n, new App(), !process.argv.includes("--no-pack")).synth();
}
