/**
 * Issue 17: `App.synth` resolves each element of a stack holding the library's constructs once
 * (cdktf's preparing pass, kept), where cdktf alone resolves it twice. The files written must be
 * exactly what a fresh resolution gives, with cross-stack references too, and nothing prepared may
 * reach a `toTerraform()` made outside the stack's synthesis.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  Annotations,
  App,
  Aspects,
  DefaultTokenResolver,
  IAspect,
  Lazy,
  StringConcat,
  TerraformElement,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Token,
} from "cdktf";
import { resolve as cdktfResolve } from "cdktf/lib/tokens/private/resolve";
import { IConstruct } from "constructs";
import { PolicyPack, PolicyProfile } from "../../lib";
import { DefaultExampleStack } from "../../examples/default/stack";
import { buildPlatform } from "../../examples/platform/stack";
import { AgencyStack } from "../../examples/agency-stack/stack";
import { HighAvailabilityStack } from "../../examples/high-availability/stack";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { TwoTenantsStack } from "../../examples/two-tenants/stack";
import { resolvePreparing } from "../../lib/core/prepared";

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
    [
      "an override holding a number-list token",
      (stack) =>
        stack.addOverride(
          "locals.ports",
          Token.asNumberList(new TerraformVariable(stack, "ports", { type: "list(number)" }).value),
        ),
    ],
    [
      "an override with undefined in a list",
      (stack) => stack.addOverride("locals.list", ["a", undefined, "b"]),
    ],
    [
      "an override with undefined in an object in a list",
      (stack) => stack.addOverride("locals.objects", [{ a: 1, b: undefined }]),
    ],
    // eslint-disable-next-line no-sparse-arrays
    ["an override with a hole in a list", (stack) => stack.addOverride("locals.holes", ["a", , "b"])],
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

test.each([
  ["the number map token value", Token.NUMBER_MAP_TOKEN_VALUE],
  ["the string map token value", Token.STRING_MAP_TOKEN_VALUE],
])("an override holding %s: refused as cdktf refuses it", (_name, value) => {
  const app = newApp();
  const stack = new DefaultExampleStack(app, "private-egress-default");
  stack.addOverride("locals.x", value);
  let message = "";
  try {
    TerraformStack.prototype.toTerraform.call(stack);
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/map token/i);
  expect(() => app.synth()).toThrow(message);
  fs.rmSync(app.outdir, { recursive: true, force: true });
});

test("the assembled object shares nothing with the stack's overrides", () => {
  const app = newApp();
  const stack = new DefaultExampleStack(app, "private-egress-default");
  stack.addOverride("locals.tier", { sizes: [1, 2] });
  const seen = recordToTerraform(stack);
  app.synth();
  const locals = (seen[0] as { locals: { tier: { sizes: number[] } } }).locals;
  locals.tier.sizes.push(3);
  expect(
    (TerraformStack.prototype.toTerraform.call(stack) as (typeof seen)[0] & { locals: unknown }).locals,
  ).toStrictEqual({
    tier: { sizes: [1, 2] },
  });
  fs.rmSync(app.outdir, { recursive: true, force: true });
});

describe("the preparing resolution gives what cdktf's gives", () => {
  const resolver = new DefaultTokenResolver(new StringConcat());
  /** cdktf's preparing resolution of a value, or the message it throws. */
  const byCdktf = (value: unknown, scope: IConstruct) => {
    try {
      return { value: cdktfResolve(value, { scope, preparing: true, resolver }) };
    } catch (e) {
      return { thrown: (e as Error).message };
    }
  };
  const byLibrary = (value: unknown, scope: IConstruct) => {
    try {
      return { value: resolvePreparing(value, scope) };
    } catch (e) {
      return { thrown: (e as Error).message };
    }
  };

  test.each<[string, (app: App) => unknown]>([
    ["default", (app) => new DefaultExampleStack(app, "private-egress-default")],
    ["agency-stack", (app) => new AgencyStack(app, "private-egress-agency")],
    ["high-availability", (app) => new HighAvailabilityStack(app, "private-egress-high-availability")],
    ["multi-environment", (app) => createMultiEnvironmentStacks(app)],
    ["two-tenants", (app) => new TwoTenantsStack(app, "private-egress-two-tenants")],
    ["platform (cross-stack references)", (app) => buildPlatform(app, { env: {} })],
  ])(
    "every element of the %s example",
    (_name, build) => {
      const app = newApp();
      build(app);
      let compared = 0;
      for (const stack of app.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c))) {
        for (const element of stack.node.findAll().filter((c) => TerraformElement.isTerraformElement(c))) {
          const config = (element as TerraformElement).toTerraform();
          expect(byLibrary(config, stack)).toStrictEqual(byCdktf(config, stack));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(60);
      fs.rmSync(app.outdir, { recursive: true, force: true });
    },
    60_000,
  );

  test("values at its edges: each resolved (or refused) as cdktf does", () => {
    const app = newApp();
    const stack = new TerraformStack(app, "edges");
    const ref = Token.asString({ resolve: () => "${aws_vpc.x.id}" });
    const numberToken = Token.asNumber({ resolve: () => 42 });
    const listToken = Token.asList({ resolve: () => ["a", "b"] });
    const numberListToken = Token.asNumberList({ resolve: () => [1, 2] });
    const mapToken = Token.asStringMap({ resolve: () => ({ k: "v" }) });
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 205; i++) cursor = cursor.next = {} as Record<string, unknown>;
    const cases: Record<string, unknown> = {
      plain: { a: "text", b: 1, c: true, d: null, e: [1, "x", false], f: { g: { h: "deep" } } },
      undefinedDropped: { a: undefined, b: [1, undefined, 2], c: { d: undefined } },
      exponentText: { a: "1e5 packets", b: "re-e-encrypt", c: "-1.5e+3" },
      numberTokenInText: { a: `port ${numberToken}` },
      referenceInText: { a: `vpc ${ref} here`, [`key-${"plain"}`]: ref },
      tokenKey: { [ref]: "value" },
      numbers: {
        a: 0,
        b: -0,
        c: Number.MAX_VALUE,
        d: -Number.MAX_VALUE,
        e: Number.NaN,
        f: -Infinity,
        g: -1e298,
      },
      numberToken: { a: numberToken },
      listInArray: { a: listToken, b: [...listToken], c: numberListToken },
      mapToken: { a: mapToken, b: { ...mapToken } },
      lazy: {
        a: Lazy.stringValue({ produce: () => "lazy" }),
        b: Lazy.anyValue({ produce: () => ({ x: [1] }) }),
      },
      date: { a: new Date(0) },
      mapTokenValues: { a: Token.STRING_MAP_TOKEN_VALUE },
      numberMapTokenValue: { a: Token.NUMBER_MAP_TOKEN_VALUE },
      listTokenAsText: { a: listToken[0] },
      fn: { a: () => 1 },
      construct: { a: stack },
      tooDeep: deep,
      classInstance: {
        a: new (class Point {
          public x = 1;
          public y = [2];
        })(),
      },
    };
    for (const [name, value] of Object.entries(cases)) {
      expect([name, byLibrary(value, stack)]).toStrictEqual([name, byCdktf(value, stack)]);
    }
    // the refusals above are cdktf's own errors, not an accident of both throwing
    expect(byCdktf(cases.fn, stack)).toHaveProperty("thrown");
    expect(byCdktf(cases.tooDeep, stack)).toHaveProperty("thrown");
    expect(byCdktf(cases.numberToken, stack)).toStrictEqual({ value: { a: 42 } });
  });

  test("a value is new: changing the result leaves the element's own config alone", () => {
    const app = newApp();
    const stack = new TerraformStack(app, "copies");
    const config = { a: { b: [1, 2] } };
    const resolved = resolvePreparing(config, stack) as { a: { b: number[] } };
    resolved.a.b.push(3);
    expect(config).toStrictEqual({ a: { b: [1, 2] } });
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
