import { Testing } from "cdktf";
import { DefaultExampleStack } from "../../examples/default/stack";
import { cleanup, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";
import { synthJson } from "../support/synth";

// The default example's creation plan is checked in test/terraform/examples.test.ts's merged run.
describeTerraform("default example against real terraform", () => {
  test("fails validation when an override adds an attribute the provider does not have", () => {
    const stack = new DefaultExampleStack(Testing.app(), "tf-broken");
    stack.environment.vpnConnections[0].resource.addOverride("enable_teleportation", true);
    const result = runTerraform(synthJson(stack), { plan: true });
    try {
      expect(result.validate.valid).toBe(false);
      const diagnostics = result.validate.diagnostics.map((d) => `${d.summary}: ${d.detail}`).join("\n");
      expect(diagnostics).toMatch(/Extraneous JSON object property: .*enable_teleportation/);
      expect(result.plan).toBeUndefined();
    } finally {
      cleanup(result);
    }
  });
});
