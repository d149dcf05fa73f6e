import { Testing } from "cdktf";
import { EgressTier, SpaceEgress } from "../../lib/cloudfoundry/space-egress";
import { Space } from "../../lib/cloudfoundry/org-space";
import { newStack, synthChecked } from "./helpers";
import { SynthJson } from "../support/synth";

const A = "3bc20dc4-1870-4835-8308-dda2d766e61e";
const B = "e6886bba-e263-4b52-aaf1-85d410f15fc8";

function bindingsByAsgName(json: SynthJson): Record<string, SynthJson> {
  const data = json.data.cloudfoundry_security_group as Record<string, { name: string }>;
  const out: Record<string, SynthJson> = {};
  for (const b of Object.values(
    json.resource.cloudfoundry_security_group_space_bindings as Record<string, SynthJson>,
  )) {
    const key = /data\.cloudfoundry_security_group\.([^.]+)\.id/.exec(b.security_group)![1];
    out[data[key].name] = b;
  }
  return out;
}

describe("SpaceEgress", () => {
  test("a production app: trusted-local + public running, public staging (one line)", () => {
    const stack = newStack();
    const spaces = [Space.fromSpaceId(stack, "A", A), Space.fromSpaceId(stack, "B", B)];
    new SpaceEgress(stack, "Egress", {
      spaces,
      running: [EgressTier.TRUSTED_LOCAL, EgressTier.PUBLIC],
      staging: [EgressTier.PUBLIC],
    });
    const { json } = synthChecked(stack);
    expect(bindingsByAsgName(json)).toEqual({
      trusted_local_networks_egress: {
        security_group: expect.any(String),
        running_spaces: [A, B],
        staging_spaces: [],
      },
      public_networks_egress: {
        security_group: expect.any(String),
        running_spaces: [A, B],
        staging_spaces: [A, B],
      },
    });
  });

  test("closed egress binds nothing", () => {
    const stack = newStack();
    new SpaceEgress(stack, "Egress", {
      spaces: [Space.fromSpaceId(stack, "A", A)],
      running: [EgressTier.CLOSED],
      staging: [],
    });
    const { json } = synthChecked(stack);
    expect(json.resource).toBeUndefined();
    expect(json.data).toBeUndefined();
  });

  test("tier names are configurable", () => {
    const stack = newStack();
    new SpaceEgress(stack, "Egress", {
      spaces: [Space.fromSpaceId(stack, "A", A)],
      running: [EgressTier.TRUSTED_LOCAL],
      staging: [EgressTier.TRUSTED_LOCAL],
      tierNames: { trustedLocal: "internal-services" },
    });
    expect(Object.keys(bindingsByAsgName(synthChecked(stack).json))).toEqual(["internal-services"]);
  });

  test("snapshot (required props only)", () => {
    const stack = newStack();
    new SpaceEgress(stack, "Egress", {
      spaces: [Space.fromSpaceId(stack, "A", A)],
      running: [EgressTier.PUBLIC],
      staging: [EgressTier.PUBLIC],
    });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test("fails when CLOSED is mixed with an open tier (running)", () => {
    const stack = newStack();
    expect(
      () =>
        new SpaceEgress(stack, "E", {
          spaces: [Space.fromSpaceId(stack, "A", A)],
          running: [EgressTier.CLOSED, EgressTier.PUBLIC],
          staging: [],
        }),
    ).toThrow(/`running`/);
  });
  test("fails when there is no space (spaces)", () => {
    expect(
      () => new SpaceEgress(newStack(), "E", { spaces: [], running: [EgressTier.PUBLIC], staging: [] }),
    ).toThrow(/`spaces`/);
  });
  test("fails when a tier name has whitespace (tierNames.public)", () => {
    const stack = newStack();
    expect(
      () =>
        new SpaceEgress(stack, "E", {
          spaces: [Space.fromSpaceId(stack, "A", A)],
          running: [EgressTier.PUBLIC],
          staging: [],
          tierNames: { public: "public egress" },
        }),
    ).toThrow(/`tierNames\.public`/);
  });
});
