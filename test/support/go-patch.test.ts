import { applyOps, getPath, parsePath } from "./go-patch";

const doc = () => ({
  name: "cf",
  instance_groups: [
    { name: "api", instances: 2, jobs: [{ name: "cloud_controller_ng" }] },
    { name: "diego-cell", instances: 3, jobs: [{ name: "rep", properties: { a: 1 } }] },
    { name: "router", instances: 2 },
  ],
  "a/b": { "x~y": 1 },
});

const names = (d: unknown) =>
  (d as { instance_groups: Array<{ name: string }> }).instance_groups.map((g) => g.name);

describe("go-patch (test support)", () => {
  test("parses keys, indexes, matchers, optional marks, modifiers and escapes", () => {
    expect(parsePath("/instance_groups/name=diego-cell:after")).toEqual([
      { kind: "key", key: "instance_groups", optional: false },
      { kind: "match", key: "name", value: "diego-cell", optional: false, modifier: "after" },
    ]);
    expect(parsePath("/a~1b/x~0y?/0:next/-")).toEqual([
      { kind: "key", key: "a/b", optional: false },
      { kind: "key", key: "x~y", optional: true },
      { kind: "index", index: 0, optional: true, modifier: "next" },
      { kind: "after-last", optional: true },
    ]);
  });

  test("replace at a matcher with :after inserts right after the matched item", () => {
    const out = applyOps(doc(), [
      { type: "replace", path: "/instance_groups/name=diego-cell:after", value: { name: "iso" } },
    ]);
    expect(names(out)).toEqual(["api", "diego-cell", "iso", "router"]);
  });

  test("replace with :before inserts before; /- appends; an index replaces", () => {
    const out = applyOps(doc(), [
      { type: "replace", path: "/instance_groups/name=api:before", value: { name: "first" } },
      { type: "replace", path: "/instance_groups/-", value: { name: "last" } },
      { type: "replace", path: "/instance_groups/1/instances", value: 5 },
    ]);
    expect(names(out)).toEqual(["first", "api", "diego-cell", "router", "last"]);
    expect(getPath(out, "/instance_groups/name=api/instances")).toBe(5);
  });

  test("optional tokens create what is missing, for the rest of the path too", () => {
    const out = applyOps(doc(), [
      {
        type: "replace",
        path: "/instance_groups/name=diego-cell/jobs/name=rep/properties/diego?/rep/placement_tags",
        value: ["t"],
      },
      { type: "replace", path: "/addons?/name=dns/jobs", value: [] },
    ]);
    expect(
      getPath(out, "/instance_groups/name=diego-cell/jobs/name=rep/properties/diego/rep/placement_tags"),
    ).toEqual(["t"]);
    expect(getPath(out, "/addons/name=dns")).toEqual({ name: "dns", jobs: [] });
  });

  test("remove deletes a key or an item; an optional missing path is a no-op", () => {
    const out = applyOps(doc(), [
      { type: "remove", path: "/instance_groups/name=router" },
      { type: "remove", path: "/name" },
      { type: "remove", path: "/nothing?/here" },
    ]);
    expect(names(out)).toEqual(["api", "diego-cell"]);
    expect(out).not.toHaveProperty("name");
  });

  test(":prev and :next address the neighbours; a negative index counts from the end", () => {
    expect(getPath(doc(), "/instance_groups/name=diego-cell:prev/name")).toBe("api");
    expect(getPath(doc(), "/instance_groups/name=diego-cell:next/name")).toBe("router");
    expect(getPath(doc(), "/instance_groups/-1/name")).toBe("router");
    expect(getPath(doc(), "/a~1b/x~0y")).toBe(1);
  });

  test("test operations check a value or its absence", () => {
    expect(() => applyOps(doc(), [{ type: "test", path: "/name", value: "cf" }])).not.toThrow();
    expect(() => applyOps(doc(), [{ type: "test", path: "/nope", absent: true }])).not.toThrow();
    expect(() => applyOps(doc(), [{ type: "test", path: "/name", value: "other" }])).toThrow(
      /does not match/,
    );
  });

  test("the input document is never modified", () => {
    const input = doc();
    applyOps(input, [{ type: "replace", path: "/instance_groups/name=api/instances", value: 9 }]);
    expect(input).toEqual(doc());
  });

  test("fails when a map key is missing, naming it and the keys found", () =>
    expect(() => applyOps(doc(), [{ type: "replace", path: "/nope/x", value: 1 }])).toThrow(
      /Operation \[0\].*map key 'nope'.*found map keys: name, instance_groups/,
    ));
  test("fails when a matcher finds no item, listing the values", () =>
    expect(() => getPath(doc(), "/instance_groups/name=isolated-diego-cell")).toThrow(
      /found 0 \(name values: api, diego-cell, router\)/,
    ));
  test("fails when a matcher finds two items", () => {
    const twice = { l: [{ n: 1 }, { n: 1 }] };
    expect(() => getPath(twice, "/l/n=1")).toThrow(/exactly one matching array item.*found 2/);
  });
  test("fails when an index is out of range", () =>
    expect(() => getPath(doc(), "/instance_groups/7")).toThrow(/array index '7'.*length '3'/));
  test("fails when :after is not the last token", () =>
    expect(() =>
      applyOps(doc(), [{ type: "replace", path: "/instance_groups/name=api:after/x", value: 1 }]),
    ).toThrow(/must be the last token/));
  test("fails when an operation type is unknown", () =>
    expect(() => applyOps(doc(), [{ type: "merge", path: "/name", value: 1 }])).toThrow(
      /Unknown operation type 'merge'/,
    ));
  test("fails when a path does not start with /", () =>
    expect(() => getPath(doc(), "name")).toThrow(/start with '\/'/));
});
