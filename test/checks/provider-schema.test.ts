import { Testing } from "cdktf";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { DefaultExampleStack } from "../../examples/default/stack";
import { Space } from "../../gen/providers/cloudfoundry/space";
import { SecurityGroup } from "../../gen/providers/cloudfoundry/security-group";
import { synthJson } from "../support/synth";

function stackWith(build: (stack: DefaultExampleStack) => void) {
  const stack = new DefaultExampleStack(Testing.app(), "schema");
  build(stack);
  return checkAgainstSchema(synthJson(stack), cloudFoundrySchema(), "cloudfoundry_");
}

describe("Cloud Foundry schema checker", () => {
  test("the default example's Cloud Foundry half passes", () => {
    expect(stackWith(() => undefined)).toEqual([]);
  });

  test("fails when a cloudfoundry_space carries an attribute the provider does not have", () => {
    const problems = stackWith((stack) => {
      const space = new Space(stack, "Space", { name: "app", org: "org-guid" });
      space.addOverride("isolation_segment_name", "seg");
    });
    expect(problems).toEqual([
      expect.objectContaining({
        address: "cloudfoundry_space.Space",
        attribute: "isolation_segment_name",
        message: expect.stringContaining("unknown attribute"),
      }),
    ]);
  });

  test("fails when a required attribute is removed by an override", () => {
    const problems = stackWith((stack) => {
      const space = new Space(stack, "Space", { name: "app", org: "org-guid" });
      space.addOverride("org", undefined);
    });
    expect(problems).toEqual([
      expect.objectContaining({ attribute: "org", message: "required attribute is missing" }),
    ]);
  });

  test("fails when an attribute has the wrong type", () => {
    const problems = stackWith((stack) => {
      const space = new Space(stack, "Space", { name: "app", org: "org-guid" });
      space.addOverride("allow_ssh", "sometimes");
      space.addOverride("labels", ["not", "a", "map"]);
    });
    expect(problems.map((p) => p.attribute).sort()).toEqual(["allow_ssh", "labels"]);
  });

  test("fails when a computed-only attribute is set", () => {
    const problems = stackWith((stack) => {
      const space = new Space(stack, "Space", { name: "app", org: "org-guid" });
      space.addOverride("quota", "q");
    });
    expect(problems).toEqual([
      expect.objectContaining({ attribute: "quota", message: expect.stringContaining("computed") }),
    ]);
  });

  test("checks nested rule objects of a security group", () => {
    const problems = stackWith((stack) => {
      const asg = new SecurityGroup(stack, "Asg", { name: "asg" });
      asg.addOverride("rules", [{ protocol: "tcp", ports: "443", protcol: "tcp" }]);
    });
    expect(problems.map((p) => `${p.attribute}: ${p.message}`).sort()).toEqual([
      "rules[0].destination: required attribute is missing",
      expect.stringMatching(/^rules\[0\]\.protcol: unknown attribute/),
    ]);
  });

  test("accepts Terraform references for any type", () => {
    const problems = stackWith((stack) => {
      const space = new Space(stack, "Space", { name: "app", org: "org-guid" });
      space.addOverride("allow_ssh", "${var.allow_ssh}");
    });
    expect(problems).toEqual([]);
  });

  test("fails when a resource type is not in the schema", () => {
    const problems = checkAgainstSchema(
      { resource: { cloudfoundry_route: { r: { space: "s" } } } },
      cloudFoundrySchema(),
      "cloudfoundry_",
    );
    expect(problems).toEqual([expect.objectContaining({ address: "cloudfoundry_route.r" })]);
  });
});
