import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { DedicatedSegment } from "../../lib";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { AgencyStack } from "../../examples/agency-stack/stack";
import { TwoTenantsStack } from "../../examples/two-tenants/stack";
import { HighAvailabilityStack } from "../../examples/high-availability/stack";
import { cleanup, mergeStacks, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";
import { synthJson, SynthJson } from "../support/synth";

/** The AWS addresses of a synthesized stack, sorted, each name with the given prefix. */
function awsAddresses(json: SynthJson, prefix: string): string[] {
  return Object.entries(json.resource ?? {})
    .filter(([type]) => type.startsWith("aws_"))
    .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.${prefix}${name}`))
    .sort();
}

/** Free text that Terraform would evaluate if the library did not escape it (issue #11's canary). */
const CANARY_TEXT = 'X${upper("a")}Y and X%{if true}Y%{endif}';

/** A segment whose tag value is the canary: the input boundary writes it escaped. */
function escapedTextStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "tf-escaped-text");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  new DedicatedSegment(stack, "Segment", {
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
    vpcCidrBlock: "10.60.0.0/16",
    tags: { Note: CANARY_TEXT },
  });
  return stack;
}

describeTerraform("examples 2-5 against real terraform", () => {
  test("every stack of every example validates, and the plan creates each AWS resource and only creates", () => {
    // GIVEN every stack of the four examples, merged into one configuration (one terraform run)
    const stacks: TerraformStack[] = [
      ...createMultiEnvironmentStacks(Testing.app(), { env: {} }),
      new AgencyStack(Testing.app(), "tf-agency", { env: {} }),
      new TwoTenantsStack(Testing.app(), "tf-two-tenants", { env: {} }),
      new HighAvailabilityStack(Testing.app(), "tf-high-availability", { env: {} }),
      escapedTextStack(),
    ];
    const parts = stacks.map((stack, i) => ({ prefix: `s${i}_`, json: synthJson(stack) }));
    expect(parts).toHaveLength(7);
    expect(JSON.stringify(parts[6].json)).toContain('X$${upper(\\"a\\")}Y and X%%{if true}Y%%{endif}');
    // WHEN terraform validates and plans it
    const result = runTerraform(mergeStacks(parts), { plan: true });
    try {
      // THEN
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      expect(result.planError).toBeUndefined();
      const changes = result.plan?.resource_changes ?? [];
      expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
      const planned = changes.map((c) => c.address).sort();
      expect(planned).toEqual(parts.flatMap((p) => awsAddresses(p.json, p.prefix)).sort());
      // each stack is really there, not just the first
      for (const p of parts) expect(planned.some((a) => a.includes(`.${p.prefix}`))).toBe(true);
      // the escaped text plans as the literal text: Terraform evaluated nothing
      const tagged = changes.filter(
        (c) =>
          c.address.includes(".s6_") &&
          (c.change.after as { tags?: Record<string, string> } | undefined)?.tags?.Note !== undefined,
      );
      expect(tagged.length).toBeGreaterThan(0);
      for (const c of tagged)
        expect((c.change.after as { tags?: Record<string, string> } | undefined)?.tags?.Note).toBe(
          CANARY_TEXT,
        );
    } finally {
      cleanup(result);
    }
  });
});
