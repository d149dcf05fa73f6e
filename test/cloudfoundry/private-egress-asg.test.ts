import { Testing } from "cdktf";
import { PrivateEgressAsg } from "../../lib/cloudfoundry/private-egress-asg";
import { UserProvidedService } from "../../lib/cloudfoundry/user-provided-service";
import { Space } from "../../lib/cloudfoundry/org-space";
import { checkAsgRules } from "../../lib/cloudfoundry/asg-rules";
import { ServiceInstance } from "../../gen/providers/cloudfoundry/service-instance";
import { newStack, only, synthChecked } from "./helpers";

const A = "3bc20dc4-1870-4835-8308-dda2d766e61e";

describe("PrivateEgressAsg", () => {
  describe("GIVEN the seed's private network and service", () => {
    const stack = newStack();
    const space = Space.fromSpaceId(stack, "A", A);
    const asg = new PrivateEgressAsg(stack, "PrivateEgress", {
      name: "agency-private-egress",
      privateCidrs: ["192.168.100.0/24"],
      privateServices: [{ name: "liferay", host: "192.168.100.30", port: 8080 }],
      spaces: [space],
    });
    const { json } = synthChecked(stack);
    const sg = only(json, "cloudfoundry_security_group");
    test("THEN the destinations are exactly the CIDR and the service host:port", () => {
      expect(sg.rules).toEqual([
        { protocol: "all", destination: "192.168.100.0/24", description: "private network" },
        {
          protocol: "tcp",
          destination: "192.168.100.30",
          ports: "8080",
          description: "private service liferay",
        },
      ]);
      expect(asg.destinations).toEqual(["192.168.100.0/24", "192.168.100.30"]);
    });
    test("THEN it is bound running only, never globally", () => {
      expect(sg.running_spaces).toEqual([A]);
      expect(sg.staging_spaces).toEqual([]); // explicit: no staging binding
      expect(sg.globally_enabled_running).toBe(false);
    });
    test("THEN the synthesized rules pass the pure check (as a policy pack would run it)", () => {
      expect(checkAsgRules(sg.rules)).toEqual([]);
    });
  });

  test("bindStaging binds staging too", () => {
    const stack = newStack();
    new PrivateEgressAsg(stack, "P", {
      name: "p",
      privateCidrs: ["10.9.0.0/16"],
      spaces: [Space.fromSpaceId(stack, "A", A)],
      bindStaging: true,
    });
    expect(only(synthChecked(stack).json, "cloudfoundry_security_group").staging_spaces).toEqual([A]);
  });

  test("snapshot (required props only)", () => {
    const stack = newStack();
    new PrivateEgressAsg(stack, "P", {
      name: "p",
      privateCidrs: ["192.168.100.0/24"],
      spaces: [Space.fromSpaceId(stack, "A", A)],
    });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  const make = (props: Partial<ConstructorParameters<typeof PrivateEgressAsg>[2]>) => () => {
    const stack = newStack();
    new PrivateEgressAsg(stack, "P", { name: "p", spaces: [Space.fromSpaceId(stack, "A", A)], ...props });
  };
  test("fails when nothing is given (privateCidrs)", () => expect(make({})).toThrow(/`privateCidrs`/));
  test("fails when a CIDR is not aligned 192.168.100.1/24 (privateCidrs[0])", () =>
    expect(make({ privateCidrs: ["192.168.100.1/24"] })).toThrow(
      /`privateCidrs\[0\]` 192\.168\.100\.1\/24 has host bits set: it is not network-aligned/,
    ));
  test("fails when a CIDR is listed twice (privateCidrs[1])", () =>
    expect(make({ privateCidrs: ["10.1.0.0/16", "10.1.0.0/16"] })).toThrow(/`privateCidrs\[1\]`/));
  test("fails when a CIDR is the whole 10.0.0.0/8 (rules[0].destination)", () =>
    expect(make({ privateCidrs: ["10.0.0.0/8"] })).toThrow(/`rules\[0\]\.destination`.*RFC 1918/));
  test("fails when a CIDR is garbage (privateCidrs[0])", () =>
    expect(make({ privateCidrs: ["nope"] })).toThrow(/`privateCidrs\[0\]`/));
  test("fails when a service host is a name (privateServices[0].host)", () =>
    expect(make({ privateServices: [{ name: "db", host: "db.corp", port: 5432 }] })).toThrow(
      /`privateServices\[0\]\.host`/,
    ));
  test("fails when a service port is 0 (privateServices[0].port)", () =>
    expect(make({ privateServices: [{ name: "db", host: "10.1.1.1", port: 0 }] })).toThrow(
      /`privateServices\[0\]\.port`/,
    ));
  test("fails when two services share a name (privateServices[1].name)", () =>
    expect(
      make({
        privateServices: [
          { name: "db", host: "10.1.1.1", port: 1 },
          { name: "db", host: "10.1.1.2", port: 2 },
        ],
      }),
    ).toThrow(/`privateServices\[1\]\.name`/));
  test("fails when there are no spaces (spaces)", () =>
    expect(
      () => new PrivateEgressAsg(newStack(), "P", { name: "p", privateCidrs: ["10.1.0.0/16"], spaces: [] }),
    ).toThrow(/`spaces`/));
});

describe("UserProvidedService", () => {
  test("a private service becomes a user-provided instance carrying host and port", () => {
    const stack = newStack();
    UserProvidedService.forPrivateService(stack, "Liferay", Space.fromSpaceId(stack, "A", A), {
      name: "liferay",
      host: "192.168.100.30",
      port: 8080,
    });
    const { json, text } = synthChecked(stack);
    expect(text).toHaveResourceWithProperties(ServiceInstance, {
      name: "liferay",
      type: "user-provided",
      space: A,
      tags: ["private-egress"],
    });
    expect(JSON.parse(only(json, "cloudfoundry_service_instance").credentials)).toEqual({
      host: "192.168.100.30",
      port: 8080,
    });
  });
  test("snapshot (required props only)", () => {
    const stack = newStack();
    new UserProvidedService(stack, "Svc", {
      space: Space.fromSpaceId(stack, "A", A),
      name: "svc",
      credentials: { host: "10.0.0.1" },
    });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
  test("fails when the name has whitespace (name)", () => {
    const stack = newStack();
    expect(
      () =>
        new UserProvidedService(stack, "Svc", {
          space: Space.fromSpaceId(stack, "A", A),
          name: "my svc",
          credentials: {},
        }),
    ).toThrow(/`name`/);
  });
});
