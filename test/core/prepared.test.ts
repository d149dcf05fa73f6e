/**
 * Issue 17: `App.synth` resolves each element of a stack holding the library's constructs once
 * (cdktf's preparing pass, kept), where cdktf alone resolves it twice. The files written must be
 * exactly what a fresh resolution gives, with cross-stack references too, and nothing prepared may
 * reach a `toTerraform()` made outside the stack's synthesis.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Annotations, App, Aspects, IAspect, TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { PolicyPack, PolicyProfile } from "../../lib";
import { DefaultExampleStack } from "../../examples/default/stack";
import { buildPlatform } from "../../examples/platform/stack";

const newApp = () => new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "prepared-")) });

function written(app: App, stack: TerraformStack): unknown {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8"));
}

/** How many times `toTerraform()` of each resource ran during `fn`: the distinct counts seen. */
function resolutionsPerResource(fn: () => void): number[] {
  const spy = jest.spyOn(TerraformResource.prototype, "toTerraform");
  try {
    fn();
    const counts = new Map<unknown, number>();
    for (const self of spy.mock.contexts) counts.set(self, (counts.get(self) ?? 0) + 1);
    return [...new Set(counts.values())].sort();
  } finally {
    spy.mockRestore();
  }
}

/** A fresh resolution, as cdktf's own `toTerraform` gives it. */
const fresh = (stack: TerraformStack) =>
  JSON.parse(JSON.stringify(TerraformStack.prototype.toTerraform.call(stack)));

const userAspect: IAspect = { visit: (_node: IConstruct) => undefined };

describe("one resolution per element in App.synth", () => {
  test.each([
    ["with the policy pack", true],
    ["without a policy pack", false],
  ])("the default example %s: each resource resolved once, the file a fresh resolution", (_name, pack) => {
    const app = newApp();
    const stack = new DefaultExampleStack(app, "private-egress-default");
    if (pack) PolicyPack.applyTo(app, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    expect(resolutionsPerResource(() => app.synth())).toEqual([1]);
    expect(written(app, stack)).toEqual(fresh(stack));
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });

  test("a user's aspect on the stack: cdktf's two resolutions, the same file", () => {
    const reference = newApp();
    const referenceStack = new DefaultExampleStack(reference, "private-egress-default");
    reference.synth();
    const app = newApp();
    const stack = new DefaultExampleStack(app, "private-egress-default");
    Aspects.of(stack).add(userAspect);
    expect(resolutionsPerResource(() => app.synth())).toEqual([2]);
    expect(written(app, stack)).toEqual(written(reference, referenceStack));
    for (const a of [reference, app]) fs.rmSync(a.outdir, { recursive: true, force: true });
  });

  test("the platform example (cross-stack references): every file a fresh resolution", () => {
    const app = newApp();
    const platform = buildPlatform(app, { env: {} });
    PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT });
    expect(resolutionsPerResource(() => app.synth())).toEqual([1]);
    const stacks = [platform.platformStack, ...platform.tenantStacks];
    expect(stacks.length).toBeGreaterThan(10);
    for (const stack of stacks) expect(written(app, stack)).toEqual(fresh(stack));
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }, 30_000);
});

/**
 * The objects the stack's `toTerraform()` returns during `app.synth()` (the pack's call and the
 * synthesizer's), recorded by wrapping the stack's own method after the library installed its own.
 */
function recordToTerraform(stack: TerraformStack): unknown[] {
  const seen: unknown[] = [];
  const own = stack.toTerraform.bind(stack);
  stack.toTerraform = () => {
    const json = own();
    seen.push(json);
    return json;
  };
  return seen;
}

describe("the assembled object is the one cdktf's toTerraform gives", () => {
  // the assembled object is not resolved a second time when the stack's overrides are plain data;
  // any token in them sends it through cdktf's whole resolution, as before
  const vpcOf = (stack: TerraformStack) =>
    stack.node
      .findAll()
      .find(
        (c): c is TerraformResource =>
          c instanceof TerraformResource && c.terraformResourceType === "aws_vpc",
      )!;
  test.each<[string, (stack: TerraformStack) => void]>([
    ["no stack override", () => undefined],
    ["a plain stack override", (stack) => stack.addOverride("locals.tier", { name: "gold", sizes: [1, 2] })],
    [
      "an override deleting a key",
      (stack) => stack.addOverride("terraform.required_providers.aws", undefined),
    ],
    [
      "an override holding a reference token",
      (stack) => stack.addOverride("locals.vpc", vpcOf(stack).getStringAttribute("id")),
    ],
    [
      "an override holding a token inside text",
      (stack) => stack.addOverride("locals.text", `vpc ${vpcOf(stack).getStringAttribute("id")} here`),
    ],
    [
      "an override holding a number token",
      (stack) => stack.addOverride("locals.n", vpcOf(stack).getNumberAttribute("id")),
    ],
    ["an override holding exponent text", (stack) => stack.addOverride("locals.e", "1e5 packets")],
  ])("%s: strictly equal (no undefined member, same values)", (_name, change) => {
    const app = newApp();
    const stack = new DefaultExampleStack(app, "private-egress-default");
    change(stack);
    PolicyPack.applyTo(app, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    const seen = recordToTerraform(stack);
    app.synth();
    expect(seen.length).toBeGreaterThan(0);
    const own = TerraformStack.prototype.toTerraform.call(stack);
    for (const json of seen) expect(json).toStrictEqual(own);
    expect(written(app, stack)).toEqual(JSON.parse(JSON.stringify(own)));
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });
});

describe("nothing prepared outside the stack's synthesis", () => {
  test("prepareStack, a change, then toTerraform: the change is there", () => {
    const app = newApp();
    const stack = new DefaultExampleStack(app, "private-egress-default");
    stack.prepareStack();
    const resource = stack.node
      .findAll()
      .find((c): c is TerraformResource => c instanceof TerraformResource)!;
    resource.addOverride("//.prepared_probe", "changed after preparing");
    const json = stack.toTerraform() as Record<
      string,
      Record<string, Record<string, Record<string, unknown>>>
    >;
    expect(json.resource[resource.terraformResourceType][resource.friendlyUniqueId]["//"]).toMatchObject({
      prepared_probe: "changed after preparing",
    });
  });

  test("a synthesis stopped by an error annotation leaves nothing for a later call", () => {
    const app = newApp();
    const stack = new DefaultExampleStack(app, "private-egress-default");
    const resource = stack.node
      .findAll()
      .find((c): c is TerraformResource => c instanceof TerraformResource)!;
    Annotations.of(resource).addError("stop this synthesis");
    expect(() => app.synth()).toThrow(/stop this synthesis/);
    resource.addOverride("//.prepared_probe", "changed after the failed synthesis");
    expect(JSON.stringify(stack.toTerraform())).toContain("changed after the failed synthesis");
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });
});
