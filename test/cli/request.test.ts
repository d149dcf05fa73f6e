import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runRequest } from "../../lib/cli/request";
import { BAD_REQUESTS_DIR, TENANTS_DIR } from "../../examples/platform/stack";

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runRequest(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

const TREASURY = path.join(TENANTS_DIR, "treasury-prod-production.yaml");

describe("cdktf-private-egress request", () => {
  test("check: a folder of good requests passes (shape, cross-tenant and construct checks), exit 0", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-request-cli-"));
    try {
      fs.copyFileSync(TREASURY, path.join(dir, "treasury.yaml"));
      const cwdOut = path.join(process.cwd(), "cdktf.out");
      const before = fs.existsSync(cwdOut);
      const baseCell = path.join(__dirname, "..", "..", "examples", "shared", "diego-cell.yml");
      const r = run(["check", dir, "--base-cell", baseCell]);
      expect(fs.existsSync(cwdOut)).toBe(before); // nothing written where the command runs
      expect(r.err).toEqual([]);
      expect(r.out).toEqual(["1 request(s) fine"]);
      expect(r.code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("check: fails when a request has an unknown field, exit 1 with file:line:column", () => {
    const r = run(["check", BAD_REQUESTS_DIR]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${path.join(BAD_REQUESTS_DIR, "agriculture-prod-production.yaml")}:5:3: \`tenant.orgz\` is not a known field (see the request schema)`,
    ]);
    expect(r.out).toEqual(["1 problem(s) in 1 file(s)"]);
  });

  test("check: fails when a construct check fails, with the field's line (private CIDR not canonical)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-request-cli-"));
    try {
      const text = fs.readFileSync(TREASURY, "utf8").replace("192.168.10.0/24", "192.168.10.7/24");
      fs.writeFileSync(path.join(dir, "treasury.yaml"), text);
      const r = run(["check", dir]);
      expect(r.code).toBe(1);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/treasury\.yaml:10:5: \[PE-VPN-031\] `privateCidrs\[0\]` 192\.168\.10\.7\/24/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("check: fails when 12 requests would hang on one virtual private gateway", () => {
    const r = run(["check", TENANTS_DIR, "--gateway", "vpn-gateway"]);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toContain(
      "12 VPN connections requested on one virtual private gateway; AWS allows 10 (use a transit gateway platform)",
    );
  });

  test("show: prints the segment, subnets, egress IP count, cells and tiers", () => {
    const r = run(["show", TREASURY]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `tenant treasury-prod, environment production (${TREASURY})`,
      "isolation segment: treasury-prod-production (also the dedicated cells' placement tag); spaces: payments",
      "dedicated subnets (segment 10.40.0.0/22):",
      "  us-gov-west-1a: cells 10.40.0.0/24 (router 10.40.0.1, BOSH reserved 10.40.0.0-10.40.0.3, 10.40.0.255), NAT 10.40.3.0/28",
      "  us-gov-west-1b: cells 10.40.1.0/24 (router 10.40.1.1, BOSH reserved 10.40.1.0-10.40.1.3, 10.40.1.255), NAT 10.40.3.16/28",
      "egress IPs: 2 (one static EIP per zone on its NAT gateway; the addresses are known after apply)",
      "dedicated cells: 4 (2 in us-gov-west-1a, 2 in us-gov-west-1b) for about 30 apps (60 instances, 30 per cell, 1 spare)",
      "VPN: endpoint 18.188.145.130 (strongswan), static routes, two tunnels",
      "private CIDRs reached through the VPN: 192.168.10.0/24, 10.210.0.0/20",
      "egress tiers: none bound (the platform's default: closed egress)",
      "private services: none",
    ]);
  });

  test("fails when the usage is wrong (exit 2)", () => {
    expect(run(["frobnicate", TREASURY]).code).toBe(2);
    expect(run(["show"]).code).toBe(2);
    expect(run(["check", "/nonexistent/requests"]).code).toBe(2);
    expect(run(["check", TENANTS_DIR, "--gateway", "vgw"]).code).toBe(2);
  });
});
