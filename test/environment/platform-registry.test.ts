import { Testing, TerraformStack } from "cdktf";
import {
  registerEnvironment,
  registeredEnvironments,
  EnvironmentRecord,
} from "../../lib/environment/platform-registry";

function record(
  over: Partial<EnvironmentRecord> & { denied?: string[] },
): EnvironmentRecord & { denied: string[]; admitted: string[] } {
  const denied = over.denied ?? [];
  const admitted: string[] = [];
  return {
    path: over.path ?? "app/stack/env",
    tenantOrg: over.tenantOrg ?? "agency-prod",
    environmentName: over.environmentName ?? "production",
    privateCidrs: over.privateCidrs ?? ["192.168.100.0/24"],
    segmentCidrs: over.segmentCidrs ?? ["10.40.16.0/22"],
    vpcKey: over.vpcKey ?? "vpc-1",
    joins: over.joins,
    tenantSegmentsCidrBlock: over.tenantSegmentsCidrBlock,
    confinedByTransitGateway: over.confinedByTransitGateway,
    denyCidr: (c) => denied.push(c),
    admitCidr: (c) => admitted.push(c),
    denied,
    admitted,
  };
}

describe("platform registry", () => {
  test("GIVEN two stacks of one app WHEN environments register THEN both are seen", () => {
    const app = Testing.app();
    const a = new TerraformStack(app, "a");
    const b = new TerraformStack(app, "b");
    registerEnvironment(a, record({ environmentName: "production" }));
    registerEnvironment(
      b,
      record({
        environmentName: "staging",
        privateCidrs: ["192.168.101.0/24"],
        segmentCidrs: ["10.40.32.0/22"],
      }),
    );
    expect(registeredEnvironments(a).map((r) => r.environmentName)).toEqual(["production", "staging"]);
    // another app is another platform
    expect(registeredEnvironments(new TerraformStack(Testing.app(), "c"))).toEqual([]);
  });

  test("fails when two environments of one tenant share a name", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    registerEnvironment(stack, record({}));
    expect(() =>
      registerEnvironment(stack, record({ privateCidrs: ["10.9.0.0/16"], segmentCidrs: ["10.40.32.0/22"] })),
    ).toThrow(/\[PE-ENV-001\] `environment` production is already used by tenant agency-prod/);
  });

  test("fails when two environments of one tenant share private CIDRs", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    registerEnvironment(stack, record({}));
    expect(() =>
      registerEnvironment(
        stack,
        record({
          environmentName: "staging",
          privateCidrs: ["192.168.100.128/25"],
          segmentCidrs: ["10.40.32.0/22"],
        }),
      ),
    ).toThrow(
      /\[PE-ENV-002\] `privateCidrs` 192.168.100.128\/25 overlaps 192.168.100.0\/24 of the same tenant's environment/,
    );
  });

  test("fails when two tenants share private CIDRs", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    registerEnvironment(stack, record({}));
    expect(() =>
      registerEnvironment(
        stack,
        record({ tenantOrg: "other", privateCidrs: ["192.168.0.0/16"], segmentCidrs: ["10.40.32.0/22"] }),
      ),
    ).toThrow(
      /`privateCidrs` 192.168.0.0\/16 overlaps 192.168.100.0\/24 of another tenant's environment agency-prod\/production/,
    );
  });

  test("fails when two segments in one VPC overlap, and not when they are in different VPCs", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    registerEnvironment(stack, record({}));
    expect(() =>
      registerEnvironment(
        stack,
        record({ tenantOrg: "other", privateCidrs: ["10.9.0.0/16"], segmentCidrs: ["10.40.18.0/24"] }),
      ),
    ).toThrow(
      /\[PE-ENV-003\] `segmentCidrBlock` 10.40.18.0\/24 overlaps the dedicated subnet 10.40.16.0\/22/,
    );
    expect(() =>
      registerEnvironment(
        stack,
        record({
          tenantOrg: "other",
          privateCidrs: ["10.9.0.0/16"],
          segmentCidrs: ["10.40.18.0/24"],
          vpcKey: "vpc-2",
        }),
      ),
    ).not.toThrow();
  });

  test("each tenant's environment is told the networks of the other tenants in its VPC to deny, whichever registers first", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const a = record({});
    const a2 = record({
      environmentName: "staging",
      privateCidrs: ["192.168.101.0/24"],
      segmentCidrs: ["10.40.24.0/22"],
    });
    const b = record({
      tenantOrg: "other",
      privateCidrs: ["172.20.0.0/16"],
      segmentCidrs: ["10.40.32.0/22"],
    });
    registerEnvironment(stack, a);
    registerEnvironment(stack, a2);
    registerEnvironment(stack, b);
    // all three share vpc-1: the other tenant's networks are denied, and so are the same tenant's
    // other environment's (isolated unless joined)
    expect(a.denied).toEqual(["192.168.101.0/24", "10.40.24.0/22", "172.20.0.0/16", "10.40.32.0/22"]);
    expect(a2.denied).toEqual(["192.168.100.0/24", "10.40.16.0/22", "172.20.0.0/16", "10.40.32.0/22"]);
    expect(b.denied.sort()).toEqual([
      "10.40.16.0/22",
      "10.40.24.0/22",
      "192.168.100.0/24",
      "192.168.101.0/24",
    ]);
    // a tenant in another VPC denies nothing and is denied nowhere: the ACL's implicit deny covers it
    const c = record({
      tenantOrg: "third",
      privateCidrs: ["172.30.0.0/16"],
      segmentCidrs: ["10.40.16.0/22"],
      vpcKey: "vpc-9",
    });
    registerEnvironment(stack, c);
    expect(c.denied).toEqual([]);
    expect(a.denied).toEqual(["192.168.101.0/24", "10.40.24.0/22", "172.20.0.0/16", "10.40.32.0/22"]);
  });

  test("environments of one tenant that join each other deny nothing of each other", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const a = record({});
    const a2 = record({
      environmentName: "staging",
      privateCidrs: ["192.168.101.0/24"],
      segmentCidrs: ["10.40.24.0/22"],
      joins: ["production"],
    });
    registerEnvironment(stack, a);
    registerEnvironment(stack, a2);
    expect(a.denied).toEqual([]);
    expect(a2.denied).toEqual([]);
  });

  describe("deny lists that do not grow with the number of tenants (issue 16)", () => {
    const tenant = (i: number, over: Partial<EnvironmentRecord> = {}) =>
      record({
        path: `app/t${i}/env`,
        tenantOrg: `tenant-${i}`,
        privateCidrs: [`192.168.${i}.0/24`],
        segmentCidrs: [`10.40.${4 * i}.0/24`, `10.40.${4 * i + 1}.0/24`],
        ...over,
      });

    test("GIVEN a tenant segments' block and transit gateway tenants THEN nothing is denied one by one, however many tenants", () => {
      const stack = new TerraformStack(Testing.app(), "s");
      const shared = { tenantSegmentsCidrBlock: "10.40.0.0/17", confinedByTransitGateway: true };
      const records = Array.from({ length: 20 }, (_, i) => tenant(i, shared));
      for (const r of records) registerEnvironment(stack, r);
      expect(records.flatMap((r) => r.denied)).toEqual([]);
    });

    test("GIVEN a shared virtual private gateway THEN the other tenants' customer CIDRs are still denied (the gateway delivers anywhere in the VPC), their segments not", () => {
      const stack = new TerraformStack(Testing.app(), "s");
      const a = tenant(1, { tenantSegmentsCidrBlock: "10.40.0.0/17" });
      const b = tenant(2, { tenantSegmentsCidrBlock: "10.40.0.0/17" });
      registerEnvironment(stack, a);
      registerEnvironment(stack, b);
      expect(a.denied).toEqual(["192.168.2.0/24"]);
      expect(b.denied).toEqual(["192.168.1.0/24"]);
    });

    test("GIVEN a segment outside the other's tenant segments' block THEN it is denied by its own rule", () => {
      const stack = new TerraformStack(Testing.app(), "s");
      const a = tenant(1, { tenantSegmentsCidrBlock: "10.40.0.0/17", confinedByTransitGateway: true });
      const b = tenant(2, {
        segmentCidrs: ["10.40.200.0/24"],
        confinedByTransitGateway: true,
      });
      registerEnvironment(stack, a);
      registerEnvironment(stack, b);
      expect(a.denied).toEqual(["10.40.200.0/24"]);
      // b has no block: every subnet of a is denied one by one
      expect(b.denied).toEqual(["10.40.4.0/24", "10.40.5.0/24"]);
    });

    test("GIVEN joined environments of one tenant under a tenant segments' block THEN each admits the other's subnets ahead of the deny", () => {
      const stack = new TerraformStack(Testing.app(), "s");
      const shared = { tenantSegmentsCidrBlock: "10.40.0.0/17", confinedByTransitGateway: true };
      const prod = tenant(1, shared);
      const staging = tenant(2, {
        ...shared,
        tenantOrg: "tenant-1",
        environmentName: "staging",
        joins: ["production"],
      });
      registerEnvironment(stack, prod);
      registerEnvironment(stack, staging);
      expect(prod.admitted).toEqual(["10.40.8.0/24", "10.40.9.0/24"]);
      expect(staging.admitted).toEqual(["10.40.4.0/24", "10.40.5.0/24"]);
      expect([...prod.denied, ...staging.denied]).toEqual([]);
    });
  });
});
