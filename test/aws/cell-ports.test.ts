import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";
import { CELL_CONTROL_PLANE_PORTS, ControlPlaneRole, portText } from "../../lib/aws/cell-ports";
import { ControlPlanePeer, DedicatedSegment } from "../../lib/aws/dedicated-segment";
import { resourcesOfType, synthJson, SynthJson } from "../support/synth";
import {
  AWS_SECURITY_GROUP_DESCRIPTION,
  refusedDescriptions,
  securityGroupDescriptions,
} from "../support/aws-descriptions";

/** The rows of docs/cell-ports.md's table: direction, role, port, what, source. */
function documentedRows(): string[][] {
  const doc = fs.readFileSync(path.join(__dirname, "../../docs/cell-ports.md"), "utf8");
  return doc
    .split("\n")
    .filter((l) => /^\| (egress|ingress) \|/.test(l))
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim().replace(/^`|`$/g, "")),
    );
}

const PEERS: Record<string, string> = {
  [ControlPlaneRole.BOSH_DIRECTOR]: "10.0.0.0/24",
  [ControlPlaneRole.SHARED_COMPONENTS]: "10.0.16.0/20",
  [ControlPlaneRole.DIEGO_BBS]: "10.0.32.0/20",
};

describe("the cell security group against docs/cell-ports.md", () => {
  const rows = documentedRows();
  const stack = new TerraformStack(Testing.app(), "test");
  new DedicatedSegment(stack, "Segment", {
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
    vpcCidrBlock: "10.40.0.0/16",
    boshDirectorPeers: [ControlPlanePeer.cidr(PEERS[ControlPlaneRole.BOSH_DIRECTOR])],
    sharedComponentPeers: [ControlPlanePeer.cidr(PEERS[ControlPlaneRole.SHARED_COMPONENTS])],
    diegoBbsPeers: [ControlPlanePeer.cidr(PEERS[ControlPlaneRole.DIEGO_BBS])],
  });
  const json = synthJson(stack);
  const roleOf = Object.fromEntries(Object.entries(PEERS).map(([role, cidr]) => [cidr, role]));
  const synthesized = (type: string, direction: string) =>
    Object.values(resourcesOfType(json, type))
      .filter((r: SynthJson) => r.cidr_ipv4 !== undefined && roleOf[r.cidr_ipv4] !== undefined)
      .map((r: SynthJson) => ({
        row: [
          direction,
          roleOf[r.cidr_ipv4],
          `${r.ip_protocol}/${r.from_port}${r.to_port === r.from_port ? "" : `-${r.to_port}`}`,
        ].join(" "),
        description: r.description as string,
      }));
  const rules = [
    ...synthesized("aws_vpc_security_group_egress_rule", "egress"),
    ...synthesized("aws_vpc_security_group_ingress_rule", "ingress"),
  ];

  test("the documented table is the library's table, row for row", () => {
    expect(rows).toEqual(
      CELL_CONTROL_PLANE_PORTS.map((r) => [r.direction, r.role, portText(r), r.purpose, r.source]),
    );
    expect(rows.length).toBeGreaterThan(30);
  });

  test("the synthesized rules are exactly the documented rows, one per row and peer", () => {
    const documented = rows.map((r) => [r[0], r[1], r[2]].join(" ")).sort();
    expect(rules.map((r) => r.row).sort()).toEqual(documented);
  });

  test("each rule is described with its peer, port and what uses it", () => {
    for (const r of rows) {
      const rule = rules.find((x) => x.row === [r[0], r[1], r[2]].join(" ")) as { description: string };
      expect(rule.description).toContain(r[2]);
      expect(rule.description).toContain(r[3]);
      expect(rule.description).toContain(PEERS[r[1]]);
      // AWS accepts only a-zA-Z0-9, spaces and ._-:/()#,@[]+=&;{}!$* in a rule description
      expect(rule.description).toMatch(AWS_SECURITY_GROUP_DESCRIPTION);
    }
  });

  test("the cells of the group reach each other, both ways", () => {
    for (const type of ["aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]) {
      const self = Object.values(resourcesOfType(json, type)).filter(
        (r: SynthJson) => r.referenced_security_group_id === r.security_group_id,
      );
      expect(self).toHaveLength(1);
      expect(self[0]).toMatchObject({ ip_protocol: "-1" });
    }
  });
});

describe("the security group description check every example runs (test/support/aws-descriptions.ts)", () => {
  // each example's own test (examples/*/*.test.ts) runs refusedDescriptions over its synthesized stacks
  test("refuses an apostrophe (the customer rule's wording before this release: AWS refused it at apply) and non-ASCII", () => {
    const json = {
      resource: {
        aws_vpc_security_group_egress_rule: {
          Old: { description: "Diego cells to the tenant's customer network 192.168.100.0/24 over the VPN" },
          New: {
            description: "Diego cells to the customer network 192.168.100.0/24 of the tenant over the VPN",
          },
        },
        aws_security_group: { Inline: { description: "ok", ingress: [{ description: "é" }] } },
      },
    };
    expect(securityGroupDescriptions(json)).toHaveLength(4);
    expect(refusedDescriptions(json)).toEqual([
      "aws_security_group.Inline.ingress[0]: é",
      "aws_vpc_security_group_egress_rule.Old: Diego cells to the tenant's customer network 192.168.100.0/24 over the VPN",
    ]);
  });
});
