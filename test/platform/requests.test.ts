import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  crossCheckRequests,
  formatProblem,
  loadRequests,
  parseRequestText,
  PlatformFacts,
  PlatformGateway,
  PlatformRequestsError,
  PrivateEgressEnvironmentProps,
  PrivateEgressPlatform,
  TenantRequest,
  tenantRequestJsonSchema,
} from "../../lib";
import { BAD_REQUESTS_DIR, TENANTS_DIR } from "../../examples/platform/stack";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GOOD = `tenant:
  org: agency-prod
  spaces: [app]
customerEndpoint:
  ip: 18.188.145.101
  device: openswan
privateCidrs:
  - 192.168.100.0/24
expectedApps: 10
segmentCidrBlock: 10.40.0.0/22
`;

const FACTS: PlatformFacts = {
  vpcCidrBlock: "10.40.0.0/16",
  reservedCidrs: ["10.40.255.0/24"],
  gateway: "transit-gateway",
  routeTablesQuota: 20,
  routesQuota: 10000,
  platformRouteTables: 1,
  zones: 2,
};

function problemsOf(file: string, text: string): string[] {
  return parseRequestText(file, text).problems.map(formatProblem);
}

function tempFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-requests-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function platformOf(
  requests: string,
  extra: Partial<ConstructorParameters<typeof PrivateEgressPlatform>[2]> = {},
) {
  return new PrivateEgressPlatform(Testing.app(), "Platform", {
    requests,
    stacks: {
      createStack: (scope: Construct, id: string) => {
        const stack = new TerraformStack(scope, id);
        new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
        return stack;
      },
    },
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
    cells: { baseCell: foundationBaseCell({}) },
    controlPlane: FOUNDATION_CONTROL_PLANE,
    ...extra,
  });
}

function errorOf(fn: () => unknown): PlatformRequestsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlatformRequestsError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("tenant request schema", () => {
  test("schema/tenant-request.schema.json is z.toJSONSchema of the request schema (run `npm run gen:schema`)", () => {
    const file = path.join(__dirname, "..", "..", "schema", "tenant-request.schema.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(tenantRequestJsonSchema());
  });

  test("every field of the JSON Schema has a description", () => {
    const missing: string[] = [];
    const walk = (node: Json, where: string) => {
      for (const [k, v] of Object.entries((node.properties ?? {}) as Json)) {
        if (typeof v.description !== "string" || v.description === "") missing.push(`${where}${k}`);
        walk(v, `${where}${k}.`);
        if (v.items) walk(v.items, `${where}${k}[].`);
        for (const alt of (v.anyOf ?? []) as Json[]) walk(alt, `${where}${k}.`);
      }
    };
    const schema = tenantRequestJsonSchema() as Json;
    walk(schema, "");
    expect(Object.keys(schema.properties).length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  test("the request's type is PrivateEgressEnvironmentProps' (checked at compile time), with the platform's fields left out", () => {
    const toProps = (r: TenantRequest): PrivateEgressEnvironmentProps => r;
    expect(typeof toProps).toBe("function");
    const schema = tenantRequestJsonSchema() as Json;
    expect(schema.required).toEqual([
      "tenant",
      "customerEndpoint",
      "privateCidrs",
      "expectedApps",
      "segmentCidrBlock",
    ]);
    for (const owned of ["vpcCidrBlock", "existingSubnetCidrs", "availabilityZones", "allowDestroy"]) {
      expect(schema.properties[owned]).toBeUndefined();
    }
  });

  test("a good request file parses with no problem", () => {
    const r = parseRequestText("good.yaml", GOOD);
    expect(r.problems).toEqual([]);
    expect(r.request?.request.privateCidrs).toEqual(["192.168.100.0/24"]);
  });
});

describe("bad requests (file:line:column)", () => {
  test("fails when a field is unknown (the bad example request)", () => {
    const { problems } = loadRequests(BAD_REQUESTS_DIR);
    expect(problems.map(formatProblem)).toEqual([
      `${path.join(BAD_REQUESTS_DIR, "agriculture-prod-production.yaml")}:5:3: \`tenant.orgz\` is not a known field (see the request schema)`,
    ]);
  });

  test("fails when a field is missing", () => {
    expect(problemsOf("a.yaml", GOOD.replace("expectedApps: 10\n", ""))).toEqual([
      "a.yaml:1:1: `expectedApps` is required (number)",
    ]);
  });

  test("fails when a field has the wrong type", () => {
    expect(problemsOf("a.yaml", GOOD.replace("expectedApps: 10", 'expectedApps: "ten"'))).toEqual([
      "a.yaml:9:15: `expectedApps` has the wrong type: expected number, received string",
    ]);
  });

  test("fails when an enum value is not allowed", () => {
    expect(problemsOf("a.yaml", GOOD.replace("device: openswan", "device: cisco"))[0]).toMatch(
      /^a.yaml:6:11: `customerEndpoint.device` expected one of "libreswan"\|"openswan"/,
    );
  });

  test("fails when the YAML has a syntax error (line shown)", () => {
    const problems = problemsOf("a.yaml", GOOD.replace("  spaces: [app]", "  spaces: [app"));
    expect(problems[0]).toMatch(/^a\.yaml:4:1: syntax error: /);
  });

  test("fails when a JSON request has a syntax error (line shown)", () => {
    expect(problemsOf("a.json", '{\n  "tenant": {\n    "org": "x",,\n  }\n}\n')[0]).toMatch(
      /^a\.json:3:\d+: syntax error/,
    );
  });

  test("fails when CIDRs overlap between two files (both files named)", () => {
    const both = [...loadRequests(TENANTS_DIR).requests];
    const bad = parseRequestText(
      "bad.yaml",
      GOOD.replace("192.168.100.0/24", "192.168.10.128/25").replace("10.40.0.0/22", "10.40.48.0/22"),
    );
    const problems = crossCheckRequests([...both, bad.request!], FACTS).map(formatProblem);
    const treasury = path.join(TENANTS_DIR, "treasury-prod-production.yaml");
    expect(problems).toEqual([
      `bad.yaml:8:5: \`privateCidrs[0]\` 192.168.10.128/25 overlaps 192.168.10.0/24 of another tenant's environment treasury-prod/production: bad.yaml:8:5 and ${treasury}:10:5`,
    ]);
  });

  test("fails when a tenant/environment is requested twice (both files named)", () => {
    const a = parseRequestText("a.yaml", GOOD).request!;
    const b = parseRequestText(
      "b.yaml",
      GOOD.replace("192.168.100.0/24", "192.168.200.0/24").replace("10.40.0.0/22", "10.40.4.0/22"),
    ).request!;
    expect(crossCheckRequests([a, b], FACTS).map(formatProblem)).toEqual([
      "b.yaml:2:8: tenant agency-prod, environment production is requested twice: b.yaml:2:8 and a.yaml:2:8",
    ]);
  });

  test("fails when segments overlap, a private CIDR overlaps another's segment or the VPC, and inside CIDRs repeat: every problem at once", () => {
    const a = parseRequestText(
      "a.yaml",
      GOOD.replace("device: openswan", "device: openswan\n  tunnel1InsideCidr: 169.254.10.0/30"),
    ).request!;
    const b = parseRequestText(
      "b.yaml",
      GOOD.replace("agency-prod", "other-prod")
        .replace("192.168.100.0/24", "10.40.2.0/24")
        .replace("device: openswan", "device: openswan\n  tunnel2InsideCidr: 169.254.10.0/30")
        .replace("10.40.0.0/22", "10.40.2.0/23"),
    ).request!;
    const messages = crossCheckRequests([a, b], FACTS).map((p) => p.message);
    expect(messages).toEqual([
      "`privateCidrs[0]` 10.40.2.0/24 overlaps the platform VPC 10.40.0.0/16 (the VPC's local route would win)",
      "`segmentCidrBlock` 10.40.2.0/23 overlaps 10.40.0.0/22 of agency-prod/production: b.yaml:11:19 and a.yaml:11:19",
      "`privateCidrs[0]` 10.40.2.0/24 overlaps the segment 10.40.0.0/22 of agency-prod/production: b.yaml:9:5 and a.yaml:11:19",
      "`customerEndpoint.tunnel2InsideCidr` 169.254.10.0/30 is already used on the same gateway by agency-prod/production: b.yaml:7:22 and a.yaml:7:22",
    ]);
  });

  test("fails when the transit gateway's route table quota is exceeded (numbers in the message)", () => {
    const requests = loadRequests(TENANTS_DIR).requests;
    const messages = crossCheckRequests(requests, { ...FACTS, routeTablesQuota: 10 }).map((p) => p.message);
    expect(messages).toEqual([
      "12 tenant route tables plus 1 of the platform make 13 route tables on one transit gateway, over the quota of 10 (adjustable: request an increase and set the platform's transitGatewayQuotas.routeTables)",
    ]);
  });

  test("fails when more than 10 connections would hang on one virtual private gateway", () => {
    const requests = loadRequests(TENANTS_DIR).requests;
    const messages = crossCheckRequests(requests, { ...FACTS, gateway: "vpn-gateway" }).map((p) => p.message);
    expect(messages).toEqual([
      "12 VPN connections requested on one virtual private gateway; AWS allows 10 (use a transit gateway platform)",
    ]);
  });
});

describe("PrivateEgressPlatform", () => {
  test("fails with every problem of every file in one error, before anything is constructed", () => {
    const dir = tempFolder({
      "a.yaml": GOOD,
      "b.yaml": GOOD.replace("expectedApps: 10", "expectedApps: many"),
      "c.yaml": GOOD.replace("192.168.100.0/24", "192.168.100.0/25")
        .replace("10.40.0.0/22", "10.40.4.0/22")
        .replace("agency-prod", "c-prod"),
      "d.yaml": "tenant: [\n",
    });
    try {
      const e = errorOf(() => platformOf(dir));
      expect(e.problems.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual([
        "b.yaml:9",
        "d.yaml:2",
        "c.yaml:8",
      ]);
      expect(e.message).toMatch(/^3 problems in the tenant requests:\n/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("fails with a construct's error mapped back to the file and line of the field", () => {
    const dir = tempFolder({ "a.yaml": GOOD.replace("192.168.100.0/24", "192.168.100.1/24") });
    try {
      const e = errorOf(() => platformOf(dir));
      expect(e.problems).toHaveLength(1);
      expect(formatProblem(e.problems[0])).toMatch(
        /a\.yaml:8:5: \[PE-VPN-031\] `privateCidrs\[0\]` 192\.168\.100\.1\/24 has host bits set: it is not network-aligned \(did you mean 192\.168\.100\.0\/24\?\)/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a virtual private gateway platform: one VGW in the platform stack, the tenants' VPNs on it", () => {
    const dir = tempFolder({ "a.yaml": GOOD });
    try {
      const p = platformOf(dir, { gateway: PlatformGateway.VPN_GATEWAY });
      expect(p.vpnGateway).toBeDefined();
      expect(p.transitGateway).toBeUndefined();
      expect(p.environments[0].vpnGateway).toBe(p.vpnGateway);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("fails when a segment lies outside the tenant segments' block (file and line named)", () => {
    const requests = [
      parseRequestText("a.yaml", GOOD).request!,
      parseRequestText(
        "b.yaml",
        GOOD.replace("agency-prod", "b-prod")
          .replace("10.40.0.0/22", "10.40.200.0/22")
          .replace("192.168.100.0/24", "192.168.101.0/24"),
      ).request!,
    ];
    const problems = crossCheckRequests(requests, { ...FACTS, tenantSegmentsCidrBlock: "10.40.0.0/17" });
    expect(problems.map(formatProblem)).toEqual([
      "b.yaml:10:19: `segmentCidrBlock` 10.40.200.0/22 is not inside the platform's tenant segments block 10.40.0.0/17 (`tenantSegmentsCidrBlock`), which every tenant's network ACL denies in one rule",
    ]);
  });

  test("fails when a tenant's network ACL would pass the rule quota: reported with its request file, after every tenant is registered", () => {
    // GIVEN a tenant with 18 customer CIDRs: its own segment, the tenants' deny, the VPC + 18 = 21
    // rules per direction, over AWS's default 20
    const cidrs = Array.from({ length: 18 }, (_, i) => `  - 192.168.${i}.0/24`).join("\n");
    const dir = tempFolder({ "a.yaml": GOOD.replace("  - 192.168.100.0/24", cidrs) });
    try {
      const e = errorOf(() => platformOf(dir));
      expect(e.problems.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual(["a.yaml:8", "a.yaml:8"]);
      expect(e.problems[0].message).toContain(
        "[PE-NET-029] `networkAclRulesQuota` 20 is below the 21 inbound rules the cell network ACL of Platform/agency-prod-production/Environment/Network would hold",
      );
      // WHEN the account's quota was raised (AWS grants at most 40) THEN it builds
      expect(platformOf(dir, { networkAclRulesQuota: 25 }).environments).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("warns when the control plane is given by security group and the tenant segments' block defaults to the whole VPC", () => {
    const dir = tempFolder({ "a.yaml": GOOD });
    try {
      const warnings = (p: PrivateEgressPlatform) =>
        p.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
      expect(warnings(platformOf(dir))).toEqual([
        expect.stringContaining(
          "by default the whole platform VPC 10.40.0.0/16; a control plane given by security group",
        ),
      ]);
      expect(warnings(platformOf(dir, { tenantSegmentsCidrBlock: "10.40.0.0/17" }))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
