import { Testing } from "cdktf";
import { ApplicationSecurityGroup } from "../../lib/cloudfoundry/application-security-group";
import { AsgProtocol } from "../../lib/cloudfoundry/asg-rules";
import { Space } from "../../lib/cloudfoundry/org-space";
import { SecurityGroup } from "../../gen/providers/cloudfoundry/security-group";
import { newStack, only, synthChecked } from "./helpers";

const A = "3bc20dc4-1870-4835-8308-dda2d766e61e";
const B = "e6886bba-e263-4b52-aaf1-85d410f15fc8";

describe("ApplicationSecurityGroup", () => {
  describe("GIVEN only the required props", () => {
    const stack = newStack();
    new ApplicationSecurityGroup(stack, "Asg", {
      name: "db",
      rules: [{ protocol: AsgProtocol.TCP, destination: "10.40.0.0/24", ports: "5432" }],
    });
    const { json, text } = synthChecked(stack);
    test("THEN it is not global and binds no space", () => {
      const asg = only(json, "cloudfoundry_security_group");
      expect(asg.globally_enabled_running).toBe(false);
      expect(asg.globally_enabled_staging).toBe(false);
      expect(asg.running_spaces).toEqual([]); // explicit: binds no space
      expect(asg.staging_spaces).toEqual([]);
    });
    test("THEN the rule is passed as given", () => {
      expect(text).toHaveResourceWithProperties(SecurityGroup, {
        name: "db",
        rules: [{ protocol: "tcp", destination: "10.40.0.0/24", ports: "5432" }],
      });
    });
    test("snapshot (required props only)", () => expect(text).toMatchSnapshot());
  });

  test("running and staging spaces are set on the ASG itself; no bindings resource", () => {
    const stack = newStack();
    const a = Space.fromSpaceId(stack, "A", A);
    const b = Space.fromSpaceId(stack, "B", B);
    new ApplicationSecurityGroup(stack, "Asg", {
      name: "db",
      rules: [
        { protocol: AsgProtocol.ICMP, destination: "10.40.0.1", type: 0, code: 0, description: "ping" },
      ],
      runningSpaces: [a, b],
      stagingSpaces: [a],
      globallyEnabledRunning: true,
    });
    const { json, text } = synthChecked(stack);
    expect(text).toHaveResourceWithProperties(SecurityGroup, {
      running_spaces: [A, B],
      staging_spaces: [A],
      globally_enabled_running: true,
      rules: [{ protocol: "icmp", destination: "10.40.0.1", type: 0, code: 0, description: "ping" }],
    });
    expect(json.resource.cloudfoundry_security_group_space_bindings).toBeUndefined();
  });

  test("allowances reach the rule check", () => {
    const stack = newStack();
    new ApplicationSecurityGroup(stack, "Asg", {
      name: "corp",
      rules: [{ protocol: AsgProtocol.ALL, destination: "10.0.0.0/8" }],
      allowWholePrivateNetworks: true,
    });
    expect(synthChecked(stack).text).toHaveResourceWithProperties(SecurityGroup, { name: "corp" });
  });

  test("fails when the third rule lacks ports (rules[2].ports)", () => {
    expect(
      () =>
        new ApplicationSecurityGroup(newStack(), "Asg", {
          name: "x",
          rules: [
            { protocol: AsgProtocol.ALL, destination: "10.0.0.1" },
            { protocol: AsgProtocol.ALL, destination: "10.0.0.2" },
            { protocol: AsgProtocol.TCP, destination: "10.0.0.3" },
          ],
        }),
    ).toThrow(/`rules\[2\]\.ports`/);
  });
  test("fails when a rule opens the metadata endpoint (rules[0].destination)", () => {
    expect(
      () =>
        new ApplicationSecurityGroup(newStack(), "Asg", {
          name: "x",
          rules: [{ protocol: AsgProtocol.ALL, destination: "169.254.169.254" }],
        }),
    ).toThrow(/`rules\[0\]\.destination`/);
  });
  test("fails when there are no rules (rules)", () => {
    expect(() => new ApplicationSecurityGroup(newStack(), "Asg", { name: "x", rules: [] })).toThrow(
      /`rules`/,
    );
  });
  test("fails when the name has a space (name)", () => {
    expect(
      () =>
        new ApplicationSecurityGroup(newStack(), "Asg", {
          name: "my asg",
          rules: [{ protocol: AsgProtocol.ALL, destination: "10.0.0.1" }],
        }),
    ).toThrow(/`name` my asg/);
  });
  test("tokens are not checked", () => {
    const stack = newStack();
    const space = Space.fromSpaceName(stack, "S", { orgId: A }, "app");
    new ApplicationSecurityGroup(stack, "Asg", {
      name: "x",
      rules: [{ protocol: AsgProtocol.ALL, destination: space.spaceId }],
    });
    expect(() => Testing.synth(stack)).not.toThrow();
  });
});
