import { Testing } from "cdktf";
import { DefaultExampleStack } from "../../examples/default/stack";
import { cleanup, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";
import { synthJson } from "../support/synth";

describeTerraform("default example against real terraform", () => {
  test("the AWS half passes terraform validate and plans only creations", () => {
    const json = synthJson(new DefaultExampleStack(Testing.app(), "tf-default"));
    const result = runTerraform(json, { plan: true });
    try {
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      expect(result.planError).toBeUndefined();
      const changes = result.plan?.resource_changes ?? [];
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
      // the plan holds every AWS resource of the synthesized stack, and nothing of Cloud Foundry
      const planned = changes.map((c) => c.address).sort();
      const synthesized = Object.entries(json.resource)
        .filter(([type]) => type.startsWith("aws_"))
        .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.${name}`))
        .sort();
      expect(planned).toEqual(synthesized);
      const cgw = changes.find((c) => c.type === "aws_customer_gateway");
      expect(cgw?.change.after).toMatchObject({ ip_address: "18.188.145.101", type: "ipsec.1" });
    } finally {
      cleanup(result);
    }
  });

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
