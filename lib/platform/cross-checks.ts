/**
 * The checks across all tenants' requests, done before anything is constructed: the registry's
 * checks (tenant/environment names, private CIDR overlaps, segment overlaps, deny lists), plus
 * what only the platform sees (stack ids, inside CIDRs per gateway, the gateway's quotas). Every
 * problem is returned, each naming the file(s) and position(s); none is thrown.
 */
import { cidrContains, cidrsOverlap, parseCidr } from "../core/ip";
import { MAX_CONNECTIONS_PER_VPN_GATEWAY } from "../aws/vpn-validation";
import { DeploymentEnvironment } from "../environment/private-egress-environment";
import { fieldName, LoadedRequest, RequestProblem } from "./request-file";

/** What the platform contributes to the checks. */
export interface PlatformFacts {
  /** The platform VPC's block. */
  readonly vpcCidrBlock: string;
  /** The block every tenant segment must lie in (its ACL denies it in one rule). @default - the VPC's block */
  readonly tenantSegmentsCidrBlock?: string;
  /** Subnets of the platform itself (e.g. the transit subnets) that no segment may overlap. */
  readonly reservedCidrs: string[];
  /** `transit-gateway` or `vpn-gateway`. */
  readonly gateway: "transit-gateway" | "vpn-gateway";
  /** Route tables per transit gateway the account may have. */
  readonly routeTablesQuota: number;
  /** Routes per transit gateway the account may have. */
  readonly routesQuota: number;
  /** Route tables the platform itself uses on the transit gateway. */
  readonly platformRouteTables: number;
  /** Cell subnets per segment (zones), for the route count. */
  readonly zones: number;
}

/** The environment name of a request. */
export function environmentOf(r: LoadedRequest): string {
  return r.request.environment ?? DeploymentEnvironment.PRODUCTION;
}

/** The stack id of a request: `<org>-<environment>`, other characters as `-`. */
export function stackIdOf(r: LoadedRequest): string {
  return `${r.request.tenant.org}-${environmentOf(r)}`.replace(/[^A-Za-z0-9-]/g, "-");
}

function at(r: LoadedRequest, fieldPath: Array<string | number>): string {
  const p = r.positionOf(fieldPath);
  return `${r.file}:${p.line}:${p.column}`;
}

function problem(r: LoadedRequest, fieldPath: Array<string | number>, message: string): RequestProblem {
  return { file: r.file, ...r.positionOf(fieldPath), message };
}

function overlapOf(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x !== undefined && y !== undefined && cidrsOverlap(x, y);
}

/** Every problem across the requests, in file order. */
export function crossCheckRequests(
  requests: readonly LoadedRequest[],
  facts: PlatformFacts,
): RequestProblem[] {
  const out: RequestProblem[] = [];
  requests.forEach((r, i) => {
    const req = r.request;
    // within the platform VPC
    if (!overlapOf(req.segmentCidrBlock, facts.vpcCidrBlock) && parseCidr(req.segmentCidrBlock)) {
      out.push(
        problem(
          r,
          ["segmentCidrBlock"],
          `\`segmentCidrBlock\` ${req.segmentCidrBlock} is outside the platform VPC ${facts.vpcCidrBlock}`,
        ),
      );
    }
    // within the tenant segments' block, which every other tenant's ACL denies in one rule
    const tenantBlock = facts.tenantSegmentsCidrBlock ? parseCidr(facts.tenantSegmentsCidrBlock) : undefined;
    const own = parseCidr(req.segmentCidrBlock);
    if (tenantBlock && own && !cidrContains(tenantBlock, own)) {
      out.push(
        problem(
          r,
          ["segmentCidrBlock"],
          `\`segmentCidrBlock\` ${req.segmentCidrBlock} is not inside the platform's tenant segments block ${facts.tenantSegmentsCidrBlock} (\`tenantSegmentsCidrBlock\`), which every tenant's network ACL denies in one rule`,
        ),
      );
    }
    for (const reserved of facts.reservedCidrs) {
      if (overlapOf(req.segmentCidrBlock, reserved)) {
        out.push(
          problem(
            r,
            ["segmentCidrBlock"],
            `\`segmentCidrBlock\` ${req.segmentCidrBlock} overlaps the platform's subnet ${reserved}`,
          ),
        );
      }
    }
    req.privateCidrs.forEach((c, k) => {
      if (overlapOf(c, facts.vpcCidrBlock)) {
        out.push(
          problem(
            r,
            ["privateCidrs", k],
            `\`${fieldName(["privateCidrs", k])}\` ${c} overlaps the platform VPC ${facts.vpcCidrBlock} (the VPC's local route would win)`,
          ),
        );
      }
    });
    if (facts.gateway === "transit-gateway" && req.secondCustomerEndpoint) {
      out.push(
        problem(
          r,
          ["secondCustomerEndpoint"],
          "`secondCustomerEndpoint` cannot be used on a transit gateway platform (one static route per prefix and table); each connection already has two tunnels",
        ),
      );
    }
    // against every earlier request
    for (const o of requests.slice(0, i)) {
      const oreq = o.request;
      const both = (fa: Array<string | number>, fb: Array<string | number>) =>
        `${at(r, fa)} and ${at(o, fb)}`;
      if (oreq.tenant.org === req.tenant.org && environmentOf(o) === environmentOf(r)) {
        out.push(
          problem(
            r,
            ["tenant", "org"],
            `tenant ${req.tenant.org}, environment ${environmentOf(r)} is requested twice: ${both(["tenant", "org"], ["tenant", "org"])}`,
          ),
        );
      } else if (stackIdOf(o) === stackIdOf(r)) {
        out.push(
          problem(
            r,
            ["tenant", "org"],
            `stack id ${stackIdOf(r)} is used twice: ${both(["tenant", "org"], ["tenant", "org"])}; rename the org or environment`,
          ),
        );
      }
      const segName = (x: LoadedRequest) =>
        x.request.isolationSegmentName ?? `${x.request.tenant.org}-${environmentOf(x)}`.toLowerCase();
      if (segName(o) === segName(r) && stackIdOf(o) !== stackIdOf(r)) {
        out.push(
          problem(
            r,
            ["isolationSegmentName"],
            `isolation segment name ${segName(r)} is used twice: ${both(["isolationSegmentName"], ["isolationSegmentName"])}`,
          ),
        );
      }
      req.privateCidrs.forEach((c, k) =>
        oreq.privateCidrs.forEach((d, l) => {
          if (overlapOf(c, d)) {
            const same = oreq.tenant.org === req.tenant.org;
            out.push(
              problem(
                r,
                ["privateCidrs", k],
                `\`privateCidrs[${k}]\` ${c} overlaps ${d} of ${same ? "the same tenant's" : "another tenant's"} environment ${oreq.tenant.org}/${environmentOf(o)}: ${both(["privateCidrs", k], ["privateCidrs", l])}`,
              ),
            );
          }
        }),
      );
      if (overlapOf(req.segmentCidrBlock, oreq.segmentCidrBlock)) {
        out.push(
          problem(
            r,
            ["segmentCidrBlock"],
            `\`segmentCidrBlock\` ${req.segmentCidrBlock} overlaps ${oreq.segmentCidrBlock} of ${oreq.tenant.org}/${environmentOf(o)}: ${both(["segmentCidrBlock"], ["segmentCidrBlock"])}`,
          ),
        );
      }
      // deny lists: each tenant's segment denies the other's networks, which must not be its own
      req.privateCidrs.forEach((c, k) => {
        if (overlapOf(c, oreq.segmentCidrBlock)) {
          out.push(
            problem(
              r,
              ["privateCidrs", k],
              `\`privateCidrs[${k}]\` ${c} overlaps the segment ${oreq.segmentCidrBlock} of ${oreq.tenant.org}/${environmentOf(o)}: ${both(["privateCidrs", k], ["segmentCidrBlock"])}`,
            ),
          );
        }
      });
      oreq.privateCidrs.forEach((d, l) => {
        if (overlapOf(d, req.segmentCidrBlock)) {
          out.push(
            problem(
              r,
              ["segmentCidrBlock"],
              `\`segmentCidrBlock\` ${req.segmentCidrBlock} overlaps ${d}, a private CIDR of ${oreq.tenant.org}/${environmentOf(o)}: ${both(["segmentCidrBlock"], ["privateCidrs", l])}`,
            ),
          );
        }
      });
      // inside CIDRs are unique per gateway
      for (const t of ["tunnel1InsideCidr", "tunnel2InsideCidr"] as const) {
        for (const u of ["tunnel1InsideCidr", "tunnel2InsideCidr"] as const) {
          const mine = req.customerEndpoint[t];
          if (mine !== undefined && mine === oreq.customerEndpoint[u]) {
            out.push(
              problem(
                r,
                ["customerEndpoint", t],
                `\`customerEndpoint.${t}\` ${mine} is already used on the same gateway by ${oreq.tenant.org}/${environmentOf(o)}: ${both(["customerEndpoint", t], ["customerEndpoint", u])}`,
              ),
            );
          }
        }
      }
    }
  });
  // the gateway's quotas, with the numbers
  const connections = requests.reduce((n, r) => n + (r.request.secondCustomerEndpoint ? 2 : 1), 0);
  const first = requests[facts.gateway === "vpn-gateway" ? MAX_CONNECTIONS_PER_VPN_GATEWAY : 0];
  if (facts.gateway === "vpn-gateway" && connections > MAX_CONNECTIONS_PER_VPN_GATEWAY && first) {
    out.push(
      problem(
        first,
        [],
        `${connections} VPN connections requested on one virtual private gateway; AWS allows ${MAX_CONNECTIONS_PER_VPN_GATEWAY} (use a transit gateway platform)`,
      ),
    );
  }
  if (facts.gateway === "transit-gateway" && requests.length > 0) {
    const tables = requests.length + facts.platformRouteTables;
    if (tables > facts.routeTablesQuota) {
      out.push(
        problem(
          requests[requests.length - 1],
          [],
          `${requests.length} tenant route tables plus ${facts.platformRouteTables} of the platform make ${tables} route tables on one transit gateway, over the quota of ${facts.routeTablesQuota} (adjustable: request an increase and set the platform's transitGatewayQuotas.routeTables)`,
        ),
      );
    }
    const routes = requests.reduce((n, r) => n + r.request.privateCidrs.length + facts.zones, 0);
    if (routes > facts.routesQuota) {
      out.push(
        problem(
          requests[requests.length - 1],
          [],
          `the requests need ${routes} transit gateway routes, over the quota of ${facts.routesQuota} (adjustable: request an increase and set transitGatewayQuotas.routes)`,
        ),
      );
    }
  }
  return out;
}
