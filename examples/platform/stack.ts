/**
 * A platform of twelve tenant environments on one transit gateway (more than the ten connections a
 * virtual private gateway allows), built from the request files in `tenants/`: one shared platform
 * stack (VPC, transit gateway and its VPC attachment on one transit subnet per zone, shared alarm
 * topic) plus one stack per tenant environment.
 */
import * as fs from "fs";
import * as path from "path";
import { Construct } from "constructs";
import { PrivateEgressPlatform } from "../../lib";
import { PlatformStack } from "../shared/platform-stack";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../shared/foundation";

/** The request folder beside this file (also when run from `dist/`). */
export const TENANTS_DIR = [
  path.join(__dirname, "tenants"),
  path.resolve(__dirname, "..", "..", "..", "examples", "platform", "tenants"),
].find((d) => fs.existsSync(d)) as string;

/** The folder holding a request with mistakes (for the tests and `request check`). */
export const BAD_REQUESTS_DIR = path.join(path.dirname(TENANTS_DIR), "bad-requests");

/**
 * The block the platform team carves every tenant's `segmentCidrBlock` from: the lower half of the
 * platform VPC. Each tenant's network ACL allows its own segment and denies this block, one rule
 * per direction whatever the number of tenants.
 */
export const TENANT_SEGMENTS_CIDR_BLOCK = "10.40.0.0/17";

/**
 * Where the foundation's VMs (BOSH director, Cloud Controller, Diego BBS, ...) live in the platform
 * VPC, outside the tenant segments' block: the ACLs' VPC-wide allow admits them, and the cell
 * security group admits them by their security groups (`FOUNDATION_CONTROL_PLANE`).
 */
export const CONTROL_PLANE_CIDR_BLOCK = "10.40.128.0/18";

/** Builds the platform in `scope` (an App) from `requests`. */
export function buildPlatform(
  scope: Construct,
  options: { requests?: string; env?: Record<string, string | undefined> } = {},
): PrivateEgressPlatform {
  const env = options.env ?? process.env;
  const region = env.AWS_REGION ?? "us-gov-west-1";
  return new PrivateEgressPlatform(scope, "Platform", {
    requests: options.requests ?? TENANTS_DIR,
    stacks: { createStack: (s, id) => new PlatformStack(s, id, { env }) },
    availabilityZones: [`${region}a`, `${region}b`],
    vpcCidrBlock: "10.40.0.0/16",
    tenantSegmentsCidrBlock: TENANT_SEGMENTS_CIDR_BLOCK,
    amazonSideAsn: 64600,
    cells: { baseCell: foundationBaseCell(env) },
    controlPlane: FOUNDATION_CONTROL_PLANE,
  });
}
