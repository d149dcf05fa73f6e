import { addresses, SynthJson } from "../../test/support/synth";
import { PLATFORM_STACK_ADDRESSES, TREASURY_PRODUCTION_ADDRESSES } from "./addresses";
import { isolationViolations, TenantNetworks } from "./isolation";
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
    // known and left open: in one shared VPC each tenant's network ACL denies every other tenant's
    // networks, so it passes AWS's default 20 rules per direction (see the README)
    expect(annotations.filter((a) => /more than 20 inbound rules/.test(a.data))).toHaveLength(12);
  });

  test("the alarm topic is shared: no tenant creates its own", () => {
    for (const t of tenants) expect(stacks.get(t.stackId)!.resource.aws_sns_topic).toBeUndefined();
    expect(Object.keys(stacks.get("platform")!.resource.aws_sns_topic)).toHaveLength(1);
  });
});
