import { Testing } from "cdktf";
import { Org, Space } from "../../lib/cloudfoundry/org-space";
import { Space as CfSpace } from "../../gen/providers/cloudfoundry/space";
import { Org as CfOrg } from "../../gen/providers/cloudfoundry/org";
import { newStack, only, synthChecked } from "./helpers";

const ORG_GUID = "3bc20dc4-1870-4835-8308-dda2d766e61e";
const SPACE_GUID = "e6886bba-e263-4b52-aaf1-85d410f15fc8";

describe("Org and Space", () => {
  test("an org is created, or imported by GUID without creating anything", () => {
    const stack = newStack();
    new Org(stack, "Org", { name: "agency" });
    const imported = Org.fromOrgId(stack, "Imported", ORG_GUID);
    const { text } = synthChecked(stack);
    expect(text).toHaveResourceWithProperties(CfOrg, { name: "agency" });
    expect(imported.orgId).toBe(ORG_GUID);
  });

  test("a space by name is looked up in its org", () => {
    const stack = newStack();
    const space = Space.fromSpaceName(stack, "App", Org.fromOrgId(stack, "Org", ORG_GUID), "app");
    const { json } = synthChecked(stack);
    expect(only(json, "cloudfoundry_space", true)).toEqual({ name: "app", org: ORG_GUID });
    expect(space.spaceId).toMatch(/TfToken/);
  });

  test("a managed space defaults: no segment, no allow_ssh, no lifecycle guard", () => {
    const stack = newStack();
    new Space(stack, "App", { org: Org.fromOrgId(stack, "Org", ORG_GUID), name: "app" });
    expect(only(synthChecked(stack).json, "cloudfoundry_space")).toEqual({ name: "app", org: ORG_GUID });
  });

  test("allowSsh is passed through", () => {
    const stack = newStack();
    new Space(stack, "App", { org: Org.fromOrgId(stack, "Org", ORG_GUID), name: "app", allowSsh: false });
    expect(synthChecked(stack).text).toHaveResourceWithProperties(CfSpace, { allow_ssh: false });
  });

  test("an existing space is adopted with an import block and guarded by prevent_destroy", () => {
    const stack = newStack();
    new Space(stack, "App", {
      org: Org.fromOrgId(stack, "Org", ORG_GUID),
      name: "app",
      importFrom: SPACE_GUID,
    });
    const { json, text } = synthChecked(stack);
    expect(text).toHaveResourceWithProperties(CfSpace, { lifecycle: { prevent_destroy: true } });
    expect(JSON.stringify(json.import)).toContain(SPACE_GUID);
  });

  test("preventDestroy false overrides the guard of an adopted space", () => {
    const stack = newStack();
    new Space(stack, "App", {
      org: Org.fromOrgId(stack, "Org", ORG_GUID),
      name: "app",
      importFrom: SPACE_GUID,
      preventDestroy: false,
    });
    expect(only(synthChecked(stack).json, "cloudfoundry_space")).not.toHaveProperty("lifecycle");
  });

  test("snapshot (required props only)", () => {
    const stack = newStack();
    new Space(stack, "App", { org: Org.fromOrgId(stack, "Org", ORG_GUID), name: "app" });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test("fails when a space id is not a GUID (spaceId)", () => {
    expect(() => Space.fromSpaceId(newStack(), "S", "app")).toThrow(/`spaceId` app is not a GUID/);
  });
  test("fails when an org id is not a GUID (orgId)", () => {
    expect(() => Org.fromOrgId(newStack(), "O", "agency")).toThrow(/`orgId`/);
  });
  test("fails when a space name has surrounding whitespace (name)", () => {
    const stack = newStack();
    expect(() => new Space(stack, "S", { org: Org.fromOrgId(stack, "O", ORG_GUID), name: " app" })).toThrow(
      /`name`/,
    );
  });
  test("fails when a space name is empty (name)", () => {
    const stack = newStack();
    expect(() => new Space(stack, "S", { org: Org.fromOrgId(stack, "O", ORG_GUID), name: "" })).toThrow(
      /`name`/,
    );
  });
  test("fails when importFrom is not a GUID (importFrom)", () => {
    const stack = newStack();
    expect(
      () =>
        new Space(stack, "S", { org: Org.fromOrgId(stack, "O", ORG_GUID), name: "app", importFrom: "app" }),
    ).toThrow(/`importFrom`/);
  });
});
