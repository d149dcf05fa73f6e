import * as fc from "fast-check";
import { CELL_CONTROL_PLANE_PORTS, ControlPlaneRole, portsFor } from "../../lib/aws/cell-ports";
import {
  checkAvailabilityZones,
  checkCellCapacity,
  checkCidr,
  checkCustomerCidrs,
  checkDeniedCidrs,
  checkFlowLogRetention,
  checkPeerCidr,
  checkSubnetPlacement,
  checkVpcCidr,
  usableAddresses,
} from "../../lib/aws/network-validation";
import { planSegment, zoneSlot } from "../../lib/aws/segment-plan";
import { PrivateEgressError } from "../../lib/core/errors";
import { expressionsAsTokens } from "../../lib/core/tokens";

const codes = (errors: PrivateEgressError[]) => errors.map((e) => e.code);

describe("checkCustomerCidrs", () => {
  const context = { vpcCidr: "10.40.0.0/16", subnetCidrs: ["10.40.0.0/22", "100.64.0.0/24"] };

  test("accepts distinct private blocks outside the VPC and subnets", () => {
    expect(checkCustomerCidrs(["192.168.100.0/24", "172.16.0.0/12"], context)).toEqual([]);
  });

  test("returns every problem, each naming the prop with its index", () => {
    const errors = checkCustomerCidrs(
      ["10.40.8.0/24", "0.0.0.0/0", "169.254.10.0/24", "192.168.1.5/24", "nope", "100.64.0.0/25"],
      context,
    );
    expect(codes(errors)).toEqual([
      "PE-NET-003",
      "PE-NET-007",
      "PE-NET-006",
      "PE-NET-002",
      "PE-NET-001",
      "PE-NET-004",
    ]);
    expect(errors[0].message).toMatch(
      /`customerCidrs\[0\]` 10\.40\.8\.0\/24 overlaps the VPC 10\.40\.0\.0\/16/,
    );
    expect(errors[3].message).toMatch(
      /`customerCidrs\[3\]` 192\.168\.1\.5\/24 is not in canonical form.*192\.168\.1\.0\/24/,
    );
  });

  test("fails when two customer CIDRs overlap, naming the earlier one", () => {
    const errors = checkCustomerCidrs(["192.168.0.0/16", "192.168.100.0/24"]);
    expect(codes(errors)).toEqual(["PE-NET-005"]);
    expect(errors[0].message).toMatch(/`customerCidrs\[1\]`.*overlaps the customer CIDR 192\.168\.0\.0\/16/);
  });

  test("skips unresolved values (tokens, and ${} references of synthesized JSON read as tokens)", () => {
    const [cidr, vpcCidr] = expressionsAsTokens(["${var.customer_cidr}", "${aws_vpc.x.cidr_block}"]);
    expect(checkCustomerCidrs([cidr], { vpcCidr })).toEqual([]);
  });

  test("fails when a literal string merely contains ${: it is not a token (Token.isUnresolved only)", () => {
    expect(checkCustomerCidrs(["${var.customer_cidr}"], {}).map((e) => e.message)).toEqual([
      '[PE-NET-001] `customerCidrs[0]` ${var.customer_cidr} is not an IPv4 CIDR: "${var.customer_cidr}" is not a dotted-quad address (a.b.c.d/n); give a block such as 10.40.0.0/16',
    ]);
  });

  test("never accepts a block that overlaps the VPC (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 32 }), (third, prefix) => {
        const block = `10.40.${third}.0/${Math.max(prefix, 24)}`;
        return codes(checkCustomerCidrs([block], { vpcCidr: "10.40.0.0/16" })).includes("PE-NET-003");
      }),
    );
  });
});

describe("checkDeniedCidrs", () => {
  test("accepts other tenants' blocks", () => {
    expect(checkDeniedCidrs(["172.20.0.0/16"], { customerCidrs: ["192.168.100.0/24"] })).toEqual([]);
  });
  test("fails when a denied CIDR covers this tenant's customer CIDR or subnet", () => {
    const errors = checkDeniedCidrs(["192.168.0.0/16", "10.40.0.0/20"], {
      customerCidrs: ["192.168.100.0/24"],
      subnetCidrs: ["10.40.0.0/22"],
    });
    expect(codes(errors)).toEqual(["PE-NET-021", "PE-NET-021"]);
    expect(errors[1].message).toMatch(/`deniedCidrs\[1\]` 10\.40\.0\.0\/20 overlaps 10\.40\.0\.0\/22/);
  });
});

describe("small validators", () => {
  test("checkCidr and checkVpcCidr", () => {
    expect(checkCidr("x", "10.0.0.0/8")).toEqual([]);
    expect(codes(checkCidr("x", "10.0.0.1/8"))).toEqual(["PE-NET-002"]);
    expect(codes(checkVpcCidr("vpcCidrBlock", "10.0.0.0/8"))).toEqual(["PE-NET-025"]);
    expect(checkVpcCidr("vpcCidrBlock", "10.0.0.0/16")).toEqual([]);
  });
  test("checkPeerCidr refuses the whole space", () => {
    expect(codes(checkPeerCidr("p", "0.0.0.0/0"))).toEqual(["PE-NET-022"]);
    expect(checkPeerCidr("p", "10.0.16.0/20")).toEqual([]);
  });
  test("checkAvailabilityZones", () => {
    expect(checkAvailabilityZones(["us-gov-west-1a", "us-gov-west-1b"])).toEqual([]);
    expect(codes(checkAvailabilityZones([]))).toEqual(["PE-NET-010"]);
    expect(codes(checkAvailabilityZones(["us-gov-west-1a", "us-gov-west-1a", "usgw1-az1"]))).toEqual([
      "PE-NET-011",
      "PE-NET-012",
    ]);
  });
  test("checkSubnetPlacement", () => {
    const plan = {
      vpcCidr: "10.40.0.0/16",
      subnetCidrs: ["10.40.0.0/22"],
      existingSubnetCidrs: ["10.40.2.0/24"],
    };
    expect(codes(checkSubnetPlacement("segmentCidrBlock", "10.40.0.0/19", plan))).toEqual(["PE-NET-009"]);
    expect(
      codes(
        checkSubnetPlacement("segmentCidrBlock", "10.41.0.0/19", { ...plan, subnetCidrs: ["10.41.0.0/22"] }),
      ),
    ).toEqual(["PE-NET-008"]);
  });
  test("checkCellCapacity puts the numbers in the message", () => {
    expect(usableAddresses(24)).toBe(251);
    expect(checkCellCapacity(502, { cellSubnetPrefix: 24, availabilityZoneCount: 2 })).toEqual([]);
    const [e] = checkCellCapacity(503, { cellSubnetPrefix: 24, availabilityZoneCount: 2 });
    expect(e.code).toBe("PE-NET-015");
    expect(e.message).toMatch(
      /`expectedCells` 503 needs 252 addresses per AZ subnet \(503 cells over 2 AZ\(s\)\), but a \/24 subnet has 251 usable/,
    );
    expect(codes(checkCellCapacity(-1, { cellSubnetPrefix: 24, availabilityZoneCount: 2 }))).toEqual([
      "PE-NET-016",
    ]);
  });
  test("checkFlowLogRetention", () => {
    expect(checkFlowLogRetention(365)).toEqual([]);
    expect(checkFlowLogRetention(3653)).toEqual([]);
    expect(codes(checkFlowLogRetention(90))).toEqual(["PE-NET-018"]);
    expect(codes(checkFlowLogRetention(0))).toEqual(["PE-NET-018"]);
  });
});

describe("cell control-plane ports", () => {
  test("start with bosh-bootloader's isolation-segment table, in its order", () => {
    const bbl = CELL_CONTROL_PLANE_PORTS.filter((r) => r.source === "bbl");
    expect(portsFor(ControlPlaneRole.BOSH_DIRECTOR).map((r) => r.port)).toEqual([
      22, 6868, 2555, 4222, 25250,
    ]);
    expect(
      bbl
        .filter((r) => r.role === ControlPlaneRole.SHARED_COMPONENTS && r.protocol === "tcp")
        .map((r) => r.port),
    ).toEqual([9090, 9091, 8082, 8300, 8301, 8889, 8443, 3000, 4443, 8080, 3457, 9023, 9022, 4222]);
    expect(
      bbl
        .filter((r) => r.role === ControlPlaneRole.SHARED_COMPONENTS && r.protocol === "udp")
        .map((r) => r.port),
    ).toEqual([8301, 8302, 8600]);
    expect(portsFor(ControlPlaneRole.DIEGO_BBS)).toMatchObject([
      { role: ControlPlaneRole.DIEGO_BBS, direction: "ingress", protocol: "tcp", port: 1801 },
    ]);
    expect(bbl).toHaveLength(5 + 14 + 3 + 1);
    expect(CELL_CONTROL_PLANE_PORTS.slice(0, bbl.length)).toEqual(bbl);
  });
});

describe("planSegment", () => {
  const base = { vpcCidr: "10.40.0.0/16", cellSubnetPrefix: 22 };

  test("takes the first free /19 and gives each zone its letter's slot and a /28 NAT subnet in the last slot", () => {
    const { errors, plan } = planSegment({
      ...base,
      availabilityZones: ["us-gov-west-1b", "us-gov-west-1a"],
      existingSubnetCidrs: ["10.40.0.0/24"],
    });
    expect(errors).toEqual([]);
    expect(plan?.segmentCidrBlock).toBe("10.40.32.0/19");
    expect(plan?.cellSlots).toBe(7);
    expect(plan?.availabilityZones).toEqual([
      {
        availabilityZone: "us-gov-west-1b",
        slot: 1,
        cellSubnetCidr: "10.40.36.0/22",
        natSubnetCidr: "10.40.60.16/28",
        gateway: "10.40.36.1",
        reservedRanges: ["10.40.36.0-10.40.36.3", "10.40.39.255"],
      },
      {
        availabilityZone: "us-gov-west-1a",
        slot: 0,
        cellSubnetCidr: "10.40.32.0/22",
        natSubnetCidr: "10.40.60.0/28",
        gateway: "10.40.32.1",
        reservedRanges: ["10.40.32.0-10.40.32.3", "10.40.35.255"],
      },
    ]);
  });

  test("a zone's subnets depend on its name only (property)", () => {
    const letters = "abcdefg".split("");
    fc.assert(
      fc.property(
        fc.shuffledSubarray(letters, { minLength: 1 }),
        fc.shuffledSubarray(letters, { minLength: 1 }),
        (a, b) => {
          const pa = planSegment({ ...base, availabilityZones: a.map((l) => `us-east-1${l}`) }).plan;
          const pb = planSegment({ ...base, availabilityZones: b.map((l) => `us-east-1${l}`) }).plan;
          for (const za of pa?.availabilityZones ?? []) {
            const zb = pb?.availabilityZones.find((z) => z.availabilityZone === za.availabilityZone);
            if (zb) expect(zb).toEqual(za);
          }
          expect(zoneSlot(`us-east-1${a[0]}`)).toBe(letters.indexOf(a[0]));
        },
      ),
    );
  });

  test("never plans overlapping subnets, and keeps them inside the segment block (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 19, max: 25 }),
        fc.shuffledSubarray("abcdefg".split(""), { minLength: 1 }),
        (prefix, l) => {
          const { plan } = planSegment({
            vpcCidr: "10.40.0.0/16",
            cellSubnetPrefix: prefix,
            availabilityZones: l.map((x) => `us-east-1${x}`),
          });
          const blocks = (plan?.availabilityZones ?? []).flatMap((z) => [z.cellSubnetCidr, z.natSubnetCidr]);
          expect(blocks).toHaveLength(l.length * 2);
          expect(checkCustomerCidrs(blocks, { vpcCidr: "10.41.0.0/16" })).toEqual([]);
          expect(
            checkSubnetPlacement("s", "s", {
              vpcCidr: plan?.segmentCidrBlock as string,
              subnetCidrs: blocks,
            }),
          ).toEqual([]);
        },
      ),
    );
  });

  test("fails when the VPC is too small for the default segment block", () => {
    const { errors } = planSegment({
      vpcCidr: "10.40.0.0/20",
      cellSubnetPrefix: 22,
      availabilityZones: ["us-east-1a"],
    });
    expect(codes(errors)).toEqual(["PE-NET-024"]);
    expect(errors[0].message).toMatch(/`vpcCidrBlock` 10\.40\.0\.0\/20 has no free \/19/);
  });

  test("fails when existing subnets leave no free block", () => {
    const { errors } = planSegment({
      vpcCidr: "10.40.0.0/18",
      cellSubnetPrefix: 22,
      availabilityZones: ["us-east-1a"],
      existingSubnetCidrs: ["10.40.0.0/24", "10.40.32.0/24"],
    });
    expect(codes(errors)).toEqual(["PE-NET-024"]);
    expect(errors[0].message).toMatch(
      /overlaps one of the existing subnets 10\.40\.0\.0\/24, 10\.40\.32\.0\/24/,
    );
  });
});
