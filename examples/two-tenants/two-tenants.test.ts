import { Testing } from "cdktf";
import { TENANT_A, TENANT_B, TwoTenantsStack, VPC_CIDR_BLOCK } from "./stack";
import { TWO_TENANTS_ADDRESSES } from "./addresses";
import { PlatformStack } from "../shared/platform-stack";
import { addresses, resourcesOfType, synthJson, SynthJson, fullSynthJson } from "../../test/support/synth";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { cidrsOverlap, parseCidr } from "../../lib/core/ip";
import {
  CustomerDevice,
  PolicyPack,
  PolicyProfile,
  PrivateEgressEnvironment,
  PrivateEgressEnvironmentProps,
} from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../shared/foundation";
import { refusedDescriptions, securityGroupDescriptions } from "../../test/support/aws-descriptions";

/** `aws_route_table.Treasury_Network_...` from `${aws_route_table.Treasury_Network_....id}`. */
function ref(expression: unknown): string {
  const m = /^\$\{([a-z_]+\.[^.}]+)\.id\}$/.exec(String(expression));
  return m ? m[1] : "";
}

const overlaps = (a: string, b: string): boolean => cidrsOverlap(parseCidr(a)!, parseCidr(b)!);

const TENANTS = [
  { prefix: "Treasury", own: [...TENANT_A.privateCidrs], other: [...TENANT_B.privateCidrs] },
  { prefix: "Interior", own: [...TENANT_B.privateCidrs], other: [...TENANT_A.privateCidrs] },
];

describe("two tenants example", () => {
  const app = Testing.app();
  const stack = new TwoTenantsStack(app, "private-egress-two-tenants", { env: {} });
  PolicyPack.applyTo(stack, { profile: PolicyProfile.FEDERAL_STRICT });
  const json = synthJson(stack);

  test("every security group and rule description is one AWS accepts (no apostrophe: the EC2 API refuses it at apply)", () => {
    for (const synthesized of [json]) {
      expect(securityGroupDescriptions(synthesized).some((d) => /customer network/.test(d.description))).toBe(
        true,
      );
      expect(refusedDescriptions(synthesized)).toEqual([]);
    }
  });

  test("pins the sorted resource addresses (a change here destroys and re-creates infrastructure)", () => {
    expect(addresses(json)).toEqual(TWO_TENANTS_ADDRESSES);
  });

  test("its Cloud Foundry half passes the schema checker", () => {
    expect(checkAgainstSchema(json, cloudFoundrySchema(), "cloudfoundry_")).toEqual([]);
  });

  test("passes the federal-strict profile with no error or warning", () => {
    const { json: full, metadata } = fullSynthJson(stack); // throws on error annotations
    expect(full["//"].policy_pack).toMatchObject({ profile: "federal-strict" });
    expect(metadata.filter((m) => m.type === "@cdktf/error")).toEqual([]);
    expect(metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data))).toEqual([]);
  });

  test("shares one VPC and one virtual private gateway, each tenant on its own connection and subnets", () => {
    expect(Object.keys(resourcesOfType(json, "aws_vpc"))).toHaveLength(1);
    const [vgw] = Object.keys(resourcesOfType(json, "aws_vpn_gateway"));
    const vpns = resourcesOfType(json, "aws_vpn_connection");
    expect(Object.keys(vpns)).toHaveLength(2);
    for (const vpn of Object.values(vpns)) expect(ref(vpn.vpn_gateway_id)).toBe(`aws_vpn_gateway.${vgw}`);
    const subnets = Object.entries(resourcesOfType(json, "aws_subnet"));
    const [vpc] = Object.keys(resourcesOfType(json, "aws_vpc"));
    for (const [, s] of subnets) expect(ref(s.vpc_id)).toBe(`aws_vpc.${vpc}`);
    const a = subnets.filter(([k]) => k.startsWith("Treasury_")).map(([, s]) => String(s.cidr_block));
    const b = subnets.filter(([k]) => k.startsWith("Interior_")).map(([, s]) => String(s.cidr_block));
    expect(a).toHaveLength(4);
    expect(b).toHaveLength(4);
    for (const x of a) for (const y of b) expect([x, y, overlaps(x, y)]).toEqual([x, y, false]);
  });

  test("no route table of one tenant routes the other's CIDRs, and none learns routes by propagation", () => {
    expect(Object.keys(json.resource).filter((t) => t.includes("propagation"))).toEqual([]);
    const routes = Object.values(resourcesOfType(json, "aws_route"));
    for (const { prefix, own, other } of TENANTS) {
      const tables = new Set(
        Object.keys(resourcesOfType(json, "aws_route_table"))
          .filter((k) => k.startsWith(`${prefix}_`))
          .map((k) => `aws_route_table.${k}`),
      );
      expect(tables.size).toBe(3); // one per zone and the NAT subnets'
      const destinations = routes
        .filter((r) => tables.has(ref(r.route_table_id)))
        .map((r) => String(r.destination_cidr_block));
      for (const d of destinations) {
        for (const o of other)
          expect([prefix, d, o, overlaps(d, o)]).toEqual([prefix, d, o, d === "0.0.0.0/0"]);
      }
      // the only non-default destinations are the tenant's own CIDRs, routed from both zones
      expect(destinations.filter((d) => d !== "0.0.0.0/0").sort()).toEqual([...own, ...own].sort());
    }
  });

  test("each tenant's network ACL denies the other tenant's customer CIDRs and segment both ways, ahead of every allow", () => {
    const rules = Object.values(resourcesOfType(json, "aws_network_acl_rule"));
    const segmentOf = {
      [TENANTS[0].prefix]: segmentCidrs(stack.tenantA),
      [TENANTS[1].prefix]: segmentCidrs(stack.tenantB),
    };
    for (const { prefix, other } of TENANTS) {
      const otherSegment = TENANTS.filter((t) => t.prefix !== prefix).flatMap((t) => segmentOf[t.prefix]);
      const [acl] = Object.keys(resourcesOfType(json, "aws_network_acl")).filter((k) =>
        k.startsWith(`${prefix}_`),
      );
      const mine = rules.filter((r) => ref(r.network_acl_id) === `aws_network_acl.${acl}`);
      for (const egress of [false, true]) {
        const direction = mine.filter((r) => r.egress === egress);
        const denies = direction.filter((r) => r.rule_action === "deny");
        // the VPC-wide allow would otherwise let the other tenant's cells in
        expect(denies.map((r) => r.cidr_block).sort()).toEqual([...other, ...otherSegment].sort());
        const firstAllow = Math.min(
          ...direction.filter((r) => r.rule_action === "allow").map((r) => r.rule_number),
        );
        for (const d of denies) expect(d.rule_number).toBeLessThan(firstAllow);
      }
    }
    expect(stack.tenantA.network.deniedNetworks.sort()).toEqual(
      [...TENANT_B.privateCidrs, ...segmentCidrs(stack.tenantB)].sort(),
    );
    expect(stack.tenantB.network.deniedNetworks.sort()).toEqual(
      [...TENANT_A.privateCidrs, ...segmentCidrs(stack.tenantA)].sort(),
    );
  });

  test("each tenant's security groups and ASG open only its own CIDRs, bound only to its own spaces", () => {
    const sgRules = Object.entries(resourcesOfType(json, "aws_vpc_security_group_egress_rule"));
    const asgs = Object.entries(resourcesOfType(json, "cloudfoundry_security_group"));
    for (const { prefix, own } of TENANTS) {
      const sg = sgRules.filter(([k]) => k.startsWith(`${prefix}_`)).map(([, r]) => r.cidr_ipv4);
      expect(sg.sort()).toEqual([...own].sort());
      const mine = asgs.filter(([k]) => k.startsWith(`${prefix}_`));
      expect(mine).toHaveLength(1);
      const asg = mine[0][1] as SynthJson;
      expect(asg.rules.map((r: SynthJson) => r.destination).sort()).toEqual([...own].sort());
      expect(asg.globally_enabled_running).toBe(false);
      for (const space of asg.running_spaces)
        expect(ref(space)).toMatch(new RegExp(`^cloudfoundry_space\\.${prefix}_`));
    }
  });

  describe("fails when the tenants are not kept apart", () => {
    const build = (over: Partial<PrivateEgressEnvironmentProps>): void => {
      const s = new PlatformStack(Testing.app(), "conflict", { env: {} });
      const a = new PrivateEgressEnvironment(s, "Treasury", {
        tenant: { org: TENANT_A.org, spaces: ["payments"] },
        customerEndpoint: { ip: TENANT_A.endpointIp, device: CustomerDevice.STRONGSWAN },
        privateCidrs: [...TENANT_A.privateCidrs],
        expectedApps: 30,
        controlPlane: FOUNDATION_CONTROL_PLANE,
        cells: { baseCell: foundationBaseCell({}) },
        vpcCidrBlock: VPC_CIDR_BLOCK,
        availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
      });
      new PrivateEgressEnvironment(s, "Interior", {
        tenant: { org: TENANT_B.org, spaces: ["permits"] },
        customerEndpoint: { ip: TENANT_B.endpointIp, device: CustomerDevice.LIBRESWAN },
        privateCidrs: [...TENANT_B.privateCidrs],
        expectedApps: 20,
        controlPlane: FOUNDATION_CONTROL_PLANE,
        cells: { baseCell: foundationBaseCell({}) },
        vpc: a.network.vpc,
        internetGateway: a.network.internetGateway,
        vpnGateway: a.vpnGateway,
        existingSubnetCidrs: [...a.network.subnetCidrs, ...a.network.natSubnetCidrs],
        availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
        ...over,
      });
    };

    test("fails when the second tenant's private CIDRs overlap the first's (PE-ENV-002)", () => {
      expect(() => build({ privateCidrs: ["192.168.10.128/25"] })).toThrow(
        /PE-ENV-002.*`privateCidrs`.*192\.168\.10\.128\/25.*another tenant's environment treasury-prod\/production/s,
      );
    });

    test("fails when the second tenant's segment overlaps the first's in the same VPC (PE-ENV-003)", () => {
      expect(() => build({ existingSubnetCidrs: undefined })).toThrow(/PE-ENV-003.*`segmentCidrBlock`/s);
    });
  });
});

function segmentCidrs(env: { network: { subnetCidrs: string[]; natSubnetCidrs: string[] } }): string[] {
  return [...env.network.subnetCidrs, ...env.network.natSubnetCidrs];
}
