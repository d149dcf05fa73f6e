/**
 * Platform case of `npm run bench` (issue 16): `node dist/bench/platform.js N` writes N tenant
 * request files (YAML) into a temp folder and synthesizes `PrivateEgressPlatform` over it: the
 * platform stack plus N tenant stacks, every VPN on one transit gateway, all tenants in the
 * platform's one VPC. Tenant `i` gets the i-th /23 of 10.40.0.0/16 as its segment (/25 cell
 * subnets in two zones), the i-th /24 of 172.16.0.0/12 as its private CIDR and its own endpoint.
 * The transit gateway's route table quota is raised to N + 1 (AWS's default is 20), as a platform
 * of that size would have asked AWS.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { PolicyPack, PolicyProfile, PrivateEgressPlatform } from "../lib";
import { PlatformStack } from "../examples/shared/platform-stack";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../examples/shared/foundation";
import { tenantCidr, tenantEndpoint } from "./scale";

/** Tenant `i`'s segment: the i-th /23 of 10.40.0.0/16 (127 tenants at most: the last /24 holds the transit subnets). */
export function tenantSegment(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= 127) throw new Error(`tenant index ${i} is outside 0..126`);
  return `10.40.${2 * i}.0/23`;
}

/** Writes `n` request files into a new temp folder and returns it. */
export function writeRequests(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-bench-requests-"));
  for (let i = 0; i < n; i++) {
    const org = `tenant-${String(i).padStart(3, "0")}`;
    fs.writeFileSync(
      path.join(dir, `${org}.yaml`),
      [
        "tenant:",
        `  org: ${org}`,
        "  spaces: [app, batch]",
        "customerEndpoint:",
        `  ip: ${tenantEndpoint(i)}`,
        "  device: openswan",
        "privateCidrs:",
        `  - ${tenantCidr(i)}`,
        "expectedApps: 10",
        `segmentCidrBlock: ${tenantSegment(i)}`,
        "cellSubnetPrefix: 25",
        "",
      ].join("\n"),
    );
  }
  return dir;
}

/** Builds the platform app over `n` generated requests (not synthesized). */
export function buildPlatformApp(n: number, app: App = new App()): { app: App; requests: string } {
  const requests = writeRequests(n);
  new PrivateEgressPlatform(app, "Platform", {
    requests,
    stacks: { createStack: (scope, id) => new PlatformStack(scope, id, { env: {} }) },
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
    transitGatewayQuotas: { routeTables: n + 1 },
    cells: { baseCell: foundationBaseCell({}) },
    controlPlane: FOUNDATION_CONTROL_PLANE,
  });
  PolicyPack.applyTo(app, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
  return { app, requests };
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? "100");
  const { app, requests } = buildPlatformApp(n);
  try {
    app.synth();
  } finally {
    fs.rmSync(requests, { recursive: true, force: true });
  }
}
