import { Testing } from "cdktf";
import { createMultiEnvironmentStacks, ENVIRONMENTS, STACK_IDS, TenantEnvironmentStack } from "./stack";
import { MULTI_ENVIRONMENT_ADDRESSES } from "./addresses";
import { addresses, resourcesOfType, synthJson, SynthJson, fullSynthJson } from "../../test/support/synth";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { cidrsOverlap, parseCidr } from "../../lib/core/ip";
import { DeploymentEnvironment, PolicyPack, PolicyProfile } from "../../lib";
import { refusedDescriptions, securityGroupDescriptions } from "../../test/support/aws-descriptions";

describe("multi-environment example", () => {
  const app = Testing.app();
  const stacks = createMultiEnvironmentStacks(app, { env: {} });
  const pack = PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT });
  const jsons = new Map<string, SynthJson>(stacks.map((s) => [s.node.id, synthJson(s)]));

  test("every security group and rule description is one AWS accepts (no apostrophe: the EC2 API refuses it at apply)", () => {
    for (const synthesized of [...jsons.values()]) {
      expect(securityGroupDescriptions(synthesized).some((d) => /customer network/.test(d.description))).toBe(
        true,
      );
      expect(refusedDescriptions(synthesized)).toEqual([]);
    }
  });

  test("builds one stack per environment of the one tenant", () => {
    expect(stacks.map((s) => s.node.id)).toEqual([
      "liferay-production",
      "liferay-staging",
      "liferay-development",
    ]);
    expect(stacks.map((s) => [s.environment.tenantOrg, s.environment.environment])).toEqual([
      ["liferay", "production"],
      ["liferay", "staging"],
      ["liferay", "development"],
    ]);
  });

  test("pins each stack's sorted resource addresses (a change here destroys and re-creates infrastructure)", () => {
    expect(Object.fromEntries([...jsons].map(([id, json]) => [id, addresses(json)]))).toEqual(
      MULTI_ENVIRONMENT_ADDRESSES,
    );
  });

  test("each stack's Cloud Foundry half passes the schema checker", () => {
    for (const json of jsons.values()) {
      expect(checkAgainstSchema(json, cloudFoundrySchema(), "cloudfoundry_")).toEqual([]);
    }
  });

  test("passes the federal-strict profile with no finding at all", () => {
    for (const stack of stacks) {
      const { json: full, metadata } = fullSynthJson(stack); // throws on error annotations
      expect(full["//"].policy_pack).toMatchObject({ profile: "federal-strict" });
      expect(JSON.stringify(full)).not.toContain("policy_suppressions");
      expect(metadata.filter((m) => m.type === "@cdktf/error")).toEqual([]);
      expect(metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data))).toEqual([]);
    }
    expect(pack.findings().filter((f) => f.suppressedBecause === undefined && f.severity !== "off")).toEqual(
      [],
    );
  });

  test("every connection uses the strict IKEv2 profile", () => {
    for (const json of jsons.values()) {
      const vpns = Object.values(resourcesOfType(json, "aws_vpn_connection"));
      expect(vpns).toHaveLength(1);
      expect(vpns[0]).toMatchObject({
        static_routes_only: true,
        tunnel1_ike_versions: ["ikev2"],
        tunnel2_ike_versions: ["ikev2"],
        tunnel1_phase1_encryption_algorithms: ["AES256-GCM-16", "AES256"],
        tunnel1_phase1_dh_group_numbers: [19, 20, 21],
        tunnel2_phase2_dh_group_numbers: [19, 20, 21],
        preshared_key_storage: "SecretsManager",
      });
    }
  });

  test("segregates the environments: no private CIDR, VPC block or subnet of one overlaps another's", () => {
    const blocks = (json: SynthJson): string[] => [
      ...Object.values(resourcesOfType(json, "aws_vpc")).map((v) => String(v.cidr_block)),
      ...Object.values(resourcesOfType(json, "aws_subnet")).map((s) => String(s.cidr_block)),
      ...Object.values(resourcesOfType(json, "aws_vpn_connection_route")).map((r) =>
        String(r.destination_cidr_block),
      ),
    ];
    const ids = [...jsons.keys()];
    for (const a of ids) {
      for (const b of ids) {
        if (a === b) continue;
        for (const x of blocks(jsons.get(a)!)) {
          for (const y of blocks(jsons.get(b)!)) {
            expect([a, x, b, y, cidrsOverlap(parseCidr(x)!, parseCidr(y)!)]).toEqual([a, x, b, y, false]);
          }
        }
      }
    }
    // each environment routes exactly its own private CIDRs
    for (const env of Object.values(DeploymentEnvironment)) {
      const json = jsons.get(STACK_IDS[env])!;
      const routed = Object.values(resourcesOfType(json, "aws_route"))
        .map((r) => r.destination_cidr_block)
        .filter((c) => c !== "0.0.0.0/0");
      expect([...new Set(routed)]).toEqual(ENVIRONMENTS[env].privateCidrs);
    }
  });

  test("names each isolation segment after the tenant and the environment", () => {
    const names = [...jsons.values()].map(
      (json) => Object.values(resourcesOfType(json, "cloudfoundry_isolation_segment"))[0].name,
    );
    expect(names).toEqual(["liferay-production", "liferay-staging", "liferay-development"]);
  });

  test("fails when a stack reuses another environment's private CIDR (PE-ENV-002)", () => {
    const other = Testing.app();
    const production = ENVIRONMENTS[DeploymentEnvironment.PRODUCTION];
    new TenantEnvironmentStack(other, STACK_IDS[DeploymentEnvironment.PRODUCTION], {
      env: {},
      settings: production,
    });
    expect(
      () =>
        new TenantEnvironmentStack(other, STACK_IDS[DeploymentEnvironment.STAGING], {
          env: {},
          settings: { ...ENVIRONMENTS[DeploymentEnvironment.STAGING], privateCidrs: ["172.20.10.128/25"] },
        }),
    ).toThrow(
      /PE-ENV-002.*`privateCidrs`.*172\.20\.10\.128\/25.*overlaps 172\.20\.10\.0\/24 .*liferay\/production/s,
    );
  });

  test("fails when a stack reuses another environment's name (PE-ENV-001)", () => {
    const other = Testing.app();
    createMultiEnvironmentStacks(other, { env: {} });
    expect(
      () =>
        new TenantEnvironmentStack(other, "liferay-staging-2", {
          env: {},
          settings: {
            ...ENVIRONMENTS[DeploymentEnvironment.STAGING],
            privateCidrs: ["172.20.40.0/24"],
            vpcCidrBlock: "10.53.0.0/16",
            segmentCidrBlock: "10.53.0.0/19",
            spaces: ["staging2-portal"],
          },
        }),
    ).toThrow(/PE-ENV-001.*`environment`.*staging/s);
  });
});
