import { addresses, SynthJson } from "../../test/support/synth";
import { PLATFORM_STACK_ADDRESSES, TREASURY_PRODUCTION_ADDRESSES } from "./addresses";
import { aclPath, aclVerdict, isolationViolations, Packet, TenantNetworks } from "./isolation";
import { CONTROL_PLANE_CIDR_BLOCK, TENANT_SEGMENTS_CIDR_BLOCK } from "./stack";
import { nthAddress, parseCidr } from "../../lib/core/ip";
import { refusedDescriptions, securityGroupDescriptions } from "../../test/support/aws-descriptions";
import { synthesizePlatform } from "./synth";
import { stackIdOf } from "../../lib";

describe("platform example (12 tenant requests on one transit gateway)", () => {
  const { platform, stacks, annotations } = synthesizePlatform();
  const tenants: TenantNetworks[] = platform.requests.map((r) => ({
    stackId: stackIdOf(r),
    segmentCidrBlock: r.request.segmentCidrBlock,
    privateCidrs: r.request.privateCidrs,
  }));

  test("one platform stack and one stack per request file (12, more than a virtual private gateway's 10)", () => {
    expect([...stacks.keys()]).toEqual(["platform", ...tenants.map((t) => t.stackId)]);
    expect(tenants).toHaveLength(12);
    expect(platform.transitGateway).toBeDefined();
    expect(platform.vpnGateway).toBeUndefined();
  });

  test("pins the platform stack's sorted resource addresses (a change destroys and re-creates infrastructure)", () => {
    expect(addresses(stacks.get("platform")!)).toEqual(PLATFORM_STACK_ADDRESSES);
  });

  test("pins one tenant stack's sorted resource addresses", () => {
    expect(addresses(stacks.get("treasury-prod-production")!)).toEqual(TREASURY_PRODUCTION_ADDRESSES);
  });

  test("no tenant's transit gateway route table routes to another tenant's segment or CIDRs, and no segment route table routes another tenant's CIDRs", () => {
    // every tenant has the routes the check reads (so an empty list means isolated, not absent)
    for (const t of tenants) {
      const json = stacks.get(t.stackId)!;
      expect(Object.keys(json.resource.aws_ec2_transit_gateway_route).length).toBe(2 + t.privateCidrs.length);
      expect(
        Object.values(json.resource.aws_route as Record<string, SynthJson>).filter(
          (r: SynthJson) => r.transit_gateway_id,
        ),
      ).toHaveLength(2 * t.privateCidrs.length);
    }
    expect(isolationViolations(stacks, tenants)).toEqual([]);
  });

  test("the isolation check fails on a leak (negative control)", () => {
    // GIVEN treasury's own table with a route to interior's segment, and its segment routing interior's CIDR
    const leaky = new Map(stacks);
    const treasury = structuredClone(stacks.get("treasury-prod-production")!);
    const routes = treasury.resource.aws_ec2_transit_gateway_route;
    const own = Object.values(routes as Record<string, SynthJson>).find((r: SynthJson) =>
      /aws_ec2_transit_gateway_route_table\./.test(r.transit_gateway_route_table_id),
    ) as SynthJson;
    routes.Leak = { ...own, destination_cidr_block: "10.40.8.0/24" };
    const seg = Object.values(treasury.resource.aws_route as Record<string, SynthJson>).find(
      (r: SynthJson) => r.transit_gateway_id,
    ) as SynthJson;
    treasury.resource.aws_route.Leak = { ...seg, destination_cidr_block: "192.168.20.0/24" };
    leaky.set("treasury-prod-production", treasury);
    // THEN
    expect(isolationViolations(leaky, tenants)).toEqual([
      "treasury-prod-production: Leak routes 10.40.8.0/24, outside its segment 10.40.0.0/22",
      "treasury-prod-production: Leak routes 10.40.8.0/24 to interior-prod-production's networks",
      "treasury-prod-production: segment Leak sends 192.168.20.0/24 (not its CIDR) to the transit gateway",
      "treasury-prod-production: segment Leak routes interior-prod-production's CIDR 192.168.20.0/24",
    ]);
  });

  test("the policy pack (federal strict, as main.ts applies it) reports no error", () => {
    expect(annotations.filter((a) => /error/i.test(a.type))).toEqual([]);
  });

  test("each tenant's network ACL stays within AWS's 20 rules per direction, the same few rules whatever the number of tenants", () => {
    for (const t of tenants) {
      const rules = Object.values(
        stacks.get(t.stackId)!.resource.aws_network_acl_rule as Record<string, SynthJson>,
      );
      const inbound = rules.filter((r) => r.egress === false).length;
      const outbound = rules.filter((r) => r.egress === true).length;
      // own segment, the tenant segments' deny, the transit subnets' deny, the VPC, customer CIDRs
      expect({ id: t.stackId, inbound, outbound }).toEqual({
        id: t.stackId,
        inbound: 4 + t.privateCidrs.length,
        outbound: 4 + t.privateCidrs.length,
      });
      expect(inbound).toBeLessThanOrEqual(20);
    }
  });

  describe("network ACLs, evaluated first match by rule number as AWS does", () => {
    const cellIp = (t: TenantNetworks, zone: "a" | "b") => {
      const subnet = Object.values(
        stacks.get(t.stackId)!.resource.aws_subnet as Record<string, SynthJson>,
      ).find(
        (s) => s.availability_zone === `us-gov-west-1${zone}` && s.tags.Name.includes("-cells-"),
      ) as SynthJson;
      return nthAddress(parseCidr(subnet.cidr_block)!, 10);
    };
    const kinds: Array<Pick<Packet, "protocol" | "port">> = [
      { protocol: "tcp", port: 443 },
      { protocol: "tcp", port: 40000 },
      { protocol: "udp", port: 4789 },
      { protocol: "icmp" },
    ];
    const controlPlane = nthAddress(parseCidr(CONTROL_PLANE_CIDR_BLOCK)!, 10);

    test("no tenant's cells reach another tenant's cells: the sender's ACL and the receiver's ACL each deny", () => {
      const delivered: string[] = [];
      let pairs = 0;
      for (const a of tenants) {
        for (const b of tenants) {
          if (a === b) continue;
          for (const kind of kinds) {
            const packet = { source: cellIp(a, "a"), destination: cellIp(b, "b"), ...kind };
            const sender = aclVerdict(stacks.get(a.stackId)!, "outbound", packet);
            const receiver = aclVerdict(stacks.get(b.stackId)!, "inbound", packet);
            pairs++;
            if (sender.action !== "deny" || receiver.action !== "deny")
              delivered.push(
                `${a.stackId} -> ${b.stackId} ${kind.protocol}/${kind.port}: ${sender.rule}, ${receiver.rule}`,
              );
          }
        }
      }
      expect(pairs).toBe(12 * 11 * kinds.length);
      expect(delivered).toEqual([]);
    });

    test("each tenant's cells reach its own other zone, its own customer networks and the control plane, both ways", () => {
      for (const t of tenants) {
        const json = stacks.get(t.stackId)!;
        for (const kind of kinds) {
          const ownZone = { source: cellIp(t, "a"), destination: cellIp(t, "b"), ...kind };
          expect(aclPath(json, json, ownZone)).toMatchObject({ delivered: true });
          for (const cidr of t.privateCidrs) {
            const customer = nthAddress(parseCidr(cidr)!, 10);
            expect(
              aclPath(json, undefined, { source: cellIp(t, "a"), destination: customer, ...kind }),
            ).toMatchObject({ delivered: true });
            expect(
              aclPath(undefined, json, { source: customer, destination: cellIp(t, "b"), ...kind }),
            ).toMatchObject({ delivered: true });
          }
          expect(
            aclPath(json, undefined, { source: cellIp(t, "a"), destination: controlPlane, ...kind }),
          ).toMatchObject({ delivered: true });
          expect(
            aclPath(undefined, json, { source: controlPlane, destination: cellIp(t, "a"), ...kind }),
          ).toMatchObject({ delivered: true });
        }
      }
    });

    test("another tenant's customer network does not reach a tenant's cells (its transit gateway table routes it nowhere else, and the ACL does not admit it)", () => {
      for (const a of tenants) {
        for (const b of tenants.filter((o) => o !== a)) {
          const packet: Packet = {
            source: nthAddress(parseCidr(b.privateCidrs[0])!, 10),
            destination: cellIp(a, "a"),
            protocol: "tcp",
            port: 443,
          };
          expect(aclVerdict(stacks.get(a.stackId)!, "inbound", packet).action).toBe("deny");
        }
      }
    });

    test("the evaluation catches a tenant ACL without the tenant segments' deny (negative control)", () => {
      // GIVEN treasury's ACL without its deny of the tenant segments' block
      const treasury = structuredClone(stacks.get("treasury-prod-production")!);
      const rules = treasury.resource.aws_network_acl_rule as Record<string, SynthJson>;
      for (const [name, r] of Object.entries(rules))
        if (r.cidr_block === TENANT_SEGMENTS_CIDR_BLOCK) delete rules[name];
      const interior = tenants.find((t) => t.stackId === "interior-prod-production")!;
      const packet: Packet = {
        source: cellIp(tenants.find((t) => t.stackId === "treasury-prod-production")!, "a"),
        destination: cellIp(interior, "a"),
        protocol: "tcp",
        port: 443,
      };
      // THEN the VPC-wide allow lets treasury's cells send to interior's
      expect(aclVerdict(stacks.get("treasury-prod-production")!, "outbound", packet).action).toBe("deny");
      expect(aclVerdict(treasury, "outbound", packet)).toEqual({
        action: "allow",
        rule: "Environment_Network_NetworkAcl_AllowVpcOut_C23EA8BF",
      });
    });
  });

  test("every security group and rule description of every stack is one AWS accepts", () => {
    for (const json of stacks.values()) expect(refusedDescriptions(json)).toEqual([]);
    expect(
      securityGroupDescriptions(stacks.get("treasury-prod-production")!).some((d) =>
        /customer network/.test(d.description),
      ),
    ).toBe(true);
  });

  test("the alarm topic is shared: no tenant creates its own", () => {
    for (const t of tenants) expect(stacks.get(t.stackId)!.resource.aws_sns_topic).toBeUndefined();
    expect(Object.keys(stacks.get("platform")!.resource.aws_sns_topic)).toHaveLength(1);
  });
});
