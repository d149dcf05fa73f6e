/**
 * `cdktf-private-egress request check <file|folder>...` validates tenant request files without
 * synthesizing: the shape of each file, every check across the requests, then each tenant's
 * environment constructed in a scratch app (nothing is written). Every problem is printed as
 * `file:line:column: message`; exit 1 when there is one.
 *
 * `cdktf-private-egress request show <file>` prints what the tenant will get (segment, subnets,
 * egress IP count, cells, tiers), as the hand-off words it.
 *
 * Exit codes: 0 fine; 1 problems in the requests; 2 usage problem.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { planSegment } from "../aws/segment-plan";
import { DEFAULT_TRANSIT_GATEWAY_ROUTE_TABLES, DEFAULT_TRANSIT_GATEWAY_ROUTES } from "../aws/transit-gateway";
import { planCapacity } from "../cloudfoundry/capacity";
import { BaseCell } from "../cloudfoundry/base-cell";
import { PrivateEgressError } from "../core/errors";
import { crossCheckRequests, environmentOf } from "../platform/cross-checks";
import { formatProblem, loadRequestFile, loadRequests, RequestProblem } from "../platform/request-file";
import {
  PlatformGateway,
  PlatformRequestsError,
  PrivateEgressPlatform,
} from "../platform/private-egress-platform";
import { CheckIo } from "./check";

const USAGE = [
  "usage: cdktf-private-egress request check <file|folder>... [--base-cell diego-cell.yml] [--zones a,b] [--vpc-cidr 10.40.0.0/16] [--gateway transit-gateway|vpn-gateway] [--route-tables-quota 20]",
  "       cdktf-private-egress request show <file> [--zones a,b] [--cell-subnet-prefix 24]",
  "exit code: 0 fine, 1 problems in the requests (file:line:column), 2 usage problem",
];

interface Options {
  zones: string[];
  vpcCidr: string;
  gateway: PlatformGateway;
  routeTablesQuota: number;
  cellSubnetPrefix: number;
  baseCell?: string;
}

function parseArgs(args: string[]): { positional: string[]; options: Options } | string {
  const region = process.env.AWS_REGION ?? "us-gov-west-1";
  const options: Options = {
    zones: [`${region}a`, `${region}b`],
    vpcCidr: "10.40.0.0/16",
    gateway: PlatformGateway.TRANSIT_GATEWAY,
    routeTablesQuota: DEFAULT_TRANSIT_GATEWAY_ROUTE_TABLES,
    cellSubnetPrefix: 24,
    baseCell: process.env.PE_BASE_CELL,
  };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i] ?? "";
    if (a === "--zones") options.zones = value().split(",").filter(Boolean);
    else if (a === "--vpc-cidr") options.vpcCidr = value();
    else if (a === "--gateway") {
      const g = value();
      if (g !== PlatformGateway.TRANSIT_GATEWAY && g !== PlatformGateway.VPN_GATEWAY)
        return `unknown gateway ${g}`;
      options.gateway = g;
    } else if (a === "--route-tables-quota") options.routeTablesQuota = Number(value());
    else if (a === "--cell-subnet-prefix") options.cellSubnetPrefix = Number(value());
    else if (a === "--base-cell") options.baseCell = value();
    else if (a.startsWith("-")) return `unknown option ${a}`;
    else positional.push(a);
  }
  return { positional, options };
}

function check(paths: string[], o: Options, io: CheckIo): number {
  const problems: RequestProblem[] = [];
  const all = paths.flatMap((p) => {
    const r = loadRequests(p);
    problems.push(...r.problems);
    return r.requests;
  });
  problems.push(
    ...crossCheckRequests(all, {
      vpcCidrBlock: o.vpcCidr,
      reservedCidrs: [],
      gateway: o.gateway,
      routeTablesQuota: o.routeTablesQuota,
      routesQuota: DEFAULT_TRANSIT_GATEWAY_ROUTES,
      platformRouteTables: 1,
      zones: o.zones.length,
    }),
  );
  if (problems.length === 0 && paths.length === 1) {
    // each environment constructed in a scratch app (in a private temp dir, removed after: `new App`
    // creates its outdir): the building blocks' own checks, nothing synthesized
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-request-check-"));
    try {
      new PrivateEgressPlatform(new App({ outdir, skipValidation: true }), "Platform", {
        requests: paths[0],
        stacks: { createStack: (scope, id) => new TerraformStack(scope, id) },
        availabilityZones: o.zones,
        vpcCidrBlock: o.vpcCidr,
        gateway: o.gateway,
        transitGatewayQuotas: { routeTables: o.routeTablesQuota },
        cellSubnetPrefix: o.cellSubnetPrefix,
        cells: o.baseCell ? { baseCell: BaseCell.fromFile(o.baseCell) } : undefined,
      });
    } catch (e) {
      // the base cell and the control plane are the platform's, not the request's: their refusals
      // (no base cell, no control-plane peers) are not the request's problems
      if (e instanceof PlatformRequestsError)
        problems.push(...e.problems.filter((p) => !/\[PE-CELL-0(01|11)\]/.test(p.message)));
      else if (e instanceof PrivateEgressError) problems.push({ file: paths[0], message: e.message });
      else throw e;
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  for (const p of problems) io.err(formatProblem(p));
  io.out(
    problems.length === 0
      ? `${all.length} request(s) fine`
      : `${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s)`,
  );
  return problems.length === 0 ? 0 : 1;
}

function show(file: string, o: Options, io: CheckIo): number {
  const { request, problems } = loadRequestFile(file);
  if (!request) {
    for (const p of problems) io.err(formatProblem(p));
    return 1;
  }
  const q = request.request;
  const env = environmentOf(request);
  const prefix = q.cellSubnetPrefix ?? o.cellSubnetPrefix;
  const segment = planSegment({
    vpcCidr: o.vpcCidr,
    availabilityZones: o.zones,
    cellSubnetPrefix: prefix,
    segmentCidrBlock: q.segmentCidrBlock,
  });
  if (!segment.plan) {
    for (const e of segment.errors) io.err(`${file}: ${e.message}`);
    return 1;
  }
  let cells;
  try {
    cells = planCapacity({ ...q.capacity, expectedApps: q.expectedApps, availabilityZones: o.zones });
  } catch (e) {
    io.err(`${file}: ${(e as Error).message}`);
    return 1;
  }
  const segmentName =
    q.isolationSegmentName ??
    `${q.tenant.org}-${env}`
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
  const ep = q.customerEndpoint;
  const lines = [
    `tenant ${q.tenant.org}, environment ${env} (${file})`,
    `isolation segment: ${segmentName} (also the dedicated cells' placement tag); spaces: ${q.tenant.spaces.join(", ")}`,
    `dedicated subnets (segment ${segment.plan.segmentCidrBlock}):`,
    ...segment.plan.availabilityZones.map(
      (a) =>
        `  ${a.availabilityZone}: cells ${a.cellSubnetCidr} (router ${a.gateway}, BOSH reserved ${a.reservedRanges.join(", ")}), NAT ${a.natSubnetCidr}`,
    ),
    `egress IPs: ${o.zones.length} (one static EIP per zone on its NAT gateway; the addresses are known after apply)`,
    `dedicated cells: ${cells.cells} (${Object.entries(cells.cellsPerZone)
      .map(([z, n]) => `${n} in ${z}`)
      .join(
        ", ",
      )}) for about ${q.expectedApps} apps (${cells.totalInstances} instances, ${cells.instancesPerCell} per cell, ${cells.spareCells} spare)`,
    `VPN: endpoint ${ep.ip} (${ep.device}${ep.behindNat ? ", behind NAT" : ""}), ${ep.bgpAsn !== undefined ? `BGP with ASN ${ep.bgpAsn}` : "static routes"}, two tunnels${q.secondCustomerEndpoint ? `; second endpoint ${q.secondCustomerEndpoint.ip}` : ""}`,
    `private CIDRs reached through the VPN: ${q.privateCidrs.join(", ")}`,
    `egress tiers: ${q.egressTiers ? `running [${q.egressTiers.running.join(", ")}], staging [${q.egressTiers.staging.join(", ")}]` : "none bound (the platform's default: closed egress)"}`,
    `private services: ${(q.privateServices ?? []).map((s) => `${s.name} ${s.host}:${s.port}`).join(", ") || "none"}`,
  ];
  lines.forEach((l) => io.out(l));
  return 0;
}

/**
 * Runs `request check|show` with the given arguments (after `request`) and returns the exit code.
 *
 * @example
 * process.exitCode = runRequest(["check", "tenants"]);
 */
export function runRequest(
  args: readonly string[],
  io: CheckIo = { out: (s) => console.log(s), err: (s) => console.error(s) },
): number {
  const [sub, ...rest] = args;
  const parsed = parseArgs(rest);
  if (typeof parsed === "string" || (sub !== "check" && sub !== "show")) {
    if (typeof parsed === "string") io.err(parsed);
    USAGE.forEach((l) => io.err(l));
    return 2;
  }
  const { positional, options } = parsed;
  const missing = positional.find((p) => !fs.existsSync(p));
  if (positional.length === 0 || (sub === "show" && positional.length !== 1) || missing) {
    if (missing) io.err(`${missing} does not exist`);
    USAGE.forEach((l) => io.err(l));
    return 2;
  }
  return sub === "check" ? check(positional, options, io) : show(positional[0], options, io);
}
