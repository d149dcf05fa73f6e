import { Testing, TerraformStack } from "cdktf";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { AgencyStack } from "../../examples/agency-stack/stack";
import { TwoTenantsStack } from "../../examples/two-tenants/stack";
import { HighAvailabilityStack } from "../../examples/high-availability/stack";
import { cleanup, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";
import { synthJson, SynthJson } from "../support/synth";

/** The AWS addresses of a synthesized stack, sorted. */
function awsAddresses(json: SynthJson): string[] {
  return Object.entries(json.resource ?? {})
    .filter(([type]) => type.startsWith("aws_"))
    .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.${name}`))
    .sort();
}

/** One terraform run per stack: validate has no error, and the plan creates every AWS resource and only creates. */
function expectValidAndCreatesOnly(stack: TerraformStack): void {
  const json = synthJson(stack);
  const result = runTerraform(json, { plan: true });
  try {
    expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.validate.valid).toBe(true);
    expect(result.planError).toBeUndefined();
    const changes = result.plan?.resource_changes ?? [];
    expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
    expect(changes.map((c) => c.address).sort()).toEqual(awsAddresses(json));
  } finally {
    cleanup(result);
  }
}

describeTerraform("examples 2-5 against real terraform", () => {
  describe("multi-environment: each environment's stack", () => {
    const stacks = createMultiEnvironmentStacks(Testing.app(), { env: {} });
    test.each(stacks.map((s) => [s.node.id, s] as const))(
      "%s validates and plans only creations",
      (_, stack) => expectValidAndCreatesOnly(stack),
    );
  });

  test("agency stack validates and plans only creations", () => {
    expectValidAndCreatesOnly(new AgencyStack(Testing.app(), "tf-agency", { env: {} }));
  });

  test("two tenants validates and plans only creations", () => {
    expectValidAndCreatesOnly(new TwoTenantsStack(Testing.app(), "tf-two-tenants", { env: {} }));
  });

  test("high availability validates and plans only creations", () => {
    expectValidAndCreatesOnly(new HighAvailabilityStack(Testing.app(), "tf-high-availability", { env: {} }));
  });
});
