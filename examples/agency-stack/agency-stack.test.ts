import { Testing } from "cdktf";
import { AGENCY_ENDPOINT_IP, AGENCY_PRIVATE_CIDRS, AgencyStack, EXISTING } from "./stack";
import { AGENCY_STACK_ADDRESSES } from "./addresses";
import { addresses, resourcesOfType, synthJson, fullSynthJson } from "../../test/support/synth";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { cidrsOverlap, parseCidr } from "../../lib/core/ip";
import { PolicyPack, PolicyProfile } from "../../lib";
import { refusedDescriptions, securityGroupDescriptions } from "../../test/support/aws-descriptions";

describe("agency stack example", () => {
  const app = Testing.app();
  const stack = new AgencyStack(app, "private-egress-agency", { env: {} });
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
    expect(addresses(json)).toEqual(AGENCY_STACK_ADDRESSES);
  });

  test("its Cloud Foundry half passes the schema checker", () => {
    expect(checkAgainstSchema(json, cloudFoundrySchema(), "cloudfoundry_")).toEqual([]);
  });

  test("passes the federal-strict profile with no error", () => {
    const { json: full, metadata } = fullSynthJson(stack); // throws on error annotations
    expect(full["//"].policy_pack).toMatchObject({ profile: "federal-strict" });
    expect(metadata.filter((m) => m.type === "@cdktf/error")).toEqual([]);
    expect(metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data))).toEqual([]);
  });

  test("creates no VPC, internet gateway or org: it builds inside the existing ones", () => {
    for (const type of ["aws_vpc", "aws_internet_gateway", "aws_flow_log", "cloudfoundry_org"]) {
      expect([type, Object.keys(resourcesOfType(json, type))]).toEqual([type, []]);
    }
    expect(json.data?.cloudfoundry_org).toBeUndefined();
    const subnets = Object.values(resourcesOfType(json, "aws_subnet"));
    expect(subnets.length).toBeGreaterThan(0);
    for (const s of subnets) {
      expect(s.vpc_id).toBe(EXISTING.vpcId);
      for (const existing of EXISTING.subnetCidrs) {
        expect([s.cidr_block, cidrsOverlap(parseCidr(s.cidr_block)!, parseCidr(existing)!)]).toEqual([
          s.cidr_block,
          false,
        ]);
      }
    }
    expect(Object.values(resourcesOfType(json, "aws_vpn_gateway"))[0].vpc_id).toBe(EXISTING.vpcId);
    const natRoute = Object.values(resourcesOfType(json, "aws_route")).find(
      (r) => r.destination_cidr_block === "0.0.0.0/0" && r.gateway_id !== undefined,
    );
    expect(natRoute?.gateway_id).toBe(EXISTING.internetGatewayId);
  });

  test("adopts the existing spaces into the new isolation segment, entitled to the existing org", () => {
    const spaces = resourcesOfType(json, "cloudfoundry_space");
    expect(Object.values(spaces).map((s) => [s.name, s.org, s.lifecycle])).toEqual([
      ["case-management", EXISTING.orgGuid, { prevent_destroy: true }],
      ["reporting", EXISTING.orgGuid, { prevent_destroy: true }],
    ]);
    expect(
      Object.values(spaces).every((s) => String(s.isolation_segment).includes("isolation_segment")),
    ).toBe(true);
    const imports = (json.import ?? []) as Array<{ id: string; to: string }>;
    expect(imports.map((i) => i.id).sort()).toEqual(Object.values(EXISTING.spaceGuids).sort());
    const entitlement = Object.values(resourcesOfType(json, "cloudfoundry_isolation_segment_entitlement"))[0];
    expect(entitlement.orgs).toEqual([EXISTING.orgGuid]);
  });

  test("routes, alarms and the ASG cover exactly the agency's CIDRs and service", () => {
    expect(JSON.stringify(json.resource.aws_customer_gateway)).toContain(
      `"ip_address":"${AGENCY_ENDPOINT_IP}"`,
    );
    const routed = Object.values(resourcesOfType(json, "aws_route"))
      .map((r) => r.destination_cidr_block)
      .filter((c) => c !== "0.0.0.0/0");
    expect([...new Set(routed)]).toEqual(AGENCY_PRIVATE_CIDRS);
    expect(Object.keys(resourcesOfType(json, "aws_cloudwatch_metric_alarm"))).toHaveLength(3);
    const asg = Object.values(resourcesOfType(json, "cloudfoundry_security_group"))[0] as {
      rules: Array<Record<string, unknown>>;
    };
    expect(asg.rules.map((r) => [r.protocol, r.destination, r.ports])).toEqual([
      ["all", "172.16.40.0/22", undefined],
      ["tcp", "172.16.41.15", "5432"],
    ]);
  });

  test("sizes the dedicated cells from the expected apps and tags them with the segment's name", () => {
    expect(stack.cells.placementTag).toBe("agency-private-egress");
    expect(stack.cells.capacityPlan.cells).toBeGreaterThanOrEqual(2);
    expect(stack.cells.opsFileYaml).toContain("agency-private-egress");
  });
});
