/**
 * `yamlText` (lib/cloudfoundry/yaml-text.ts) writes the BOSH files without building a YAML document:
 * its text must be byte for byte what `yaml`'s `stringify` writes, on every document the examples
 * produce and on generated data full of strings YAML reads specially.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { IConstruct } from "constructs";
import { parse, stringify } from "yaml";
import { DedicatedCells } from "../../lib/cloudfoundry/dedicated-cells";
import { plainYamlText, yamlText } from "../../lib/cloudfoundry/yaml-text";
import { AgencyStack } from "../../examples/agency-stack/stack";
import { DefaultExampleStack } from "../../examples/default/stack";
import { HighAvailabilityStack } from "../../examples/high-availability/stack";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { buildPlatform } from "../../examples/platform/stack";
import { TwoTenantsStack } from "../../examples/two-tenants/stack";

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;
const yamlOf = (v: unknown): string => stringify(v, OPTIONS);

function cellsIn(scope: IConstruct): DedicatedCells[] {
  return scope.node.findAll().filter((c): c is DedicatedCells => c instanceof DedicatedCells);
}

describe("yamlText writes what yaml's stringify writes", () => {
  test("on every BOSH document of every example (ops file, cloud config, its template)", () => {
    // one App per example, as each example's main.ts builds it (an App registers its tenants)
    const builders: Array<(app: App) => unknown> = [
      (app) => new DefaultExampleStack(app, "default"),
      (app) => new AgencyStack(app, "agency"),
      (app) => new HighAvailabilityStack(app, "ha"),
      (app) => new TwoTenantsStack(app, "two"),
      (app) => createMultiEnvironmentStacks(app),
      (app) => buildPlatform(app),
    ];
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-yaml-"));
    const cells = builders.flatMap((build) => {
      const app = new App({ outdir });
      build(app);
      return cellsIn(app);
    });
    fs.rmSync(outdir, { recursive: true, force: true });
    expect(cells.length).toBeGreaterThanOrEqual(20);
    let compared = 0;
    for (const c of cells) {
      for (const text of [c.opsFileText, c.cloudConfigYaml, c.cloudConfigTemplateYaml]) {
        const data = parse(text) as unknown;
        // written by the writer itself, not handed back to yaml
        expect(plainYamlText(data)).toBe(yamlOf(data));
        expect(yamlText(data)).toBe(text);
        compared++;
      }
      // the library's own objects (not parsed copies), as yaml would have written them
      expect(c.opsFileText).toBe(yamlOf(c.opsFile));
      expect(c.cloudConfigYaml).toBe(yamlOf(c.cloudConfig));
    }
    expect(compared).toBe(cells.length * 3);
  });

  test("on the example base cell, a whole Diego instance group from the operator", () => {
    const data = parse(
      fs.readFileSync(path.join(__dirname, "..", "..", "examples", "shared", "diego-cell.yml"), "utf8"),
    ) as unknown;
    expect(plainYamlText(data)).toBe(yamlOf(data));
  });

  // strings YAML reads as something else, or cannot write plain
  const TRICKY = [
    "",
    " ",
    "true",
    "True",
    "TRUE",
    "false",
    "FALSE",
    "null",
    "Null",
    "~",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "1",
    "-1",
    "+1",
    "1.0",
    ".5",
    "1e3",
    "0x1f",
    "0o17",
    "010",
    "1_000",
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "nan",
    "2001-12-14",
    "12:30:00",
    "-",
    "- a",
    "a: b",
    "a:b",
    "a:",
    ":a",
    "a #b",
    "#a",
    " a",
    "a ",
    "@a",
    "`a",
    "%a",
    'a"b',
    "a'b",
    "'a'",
    '"a"',
    "*a",
    "&a",
    "!a",
    "!!str",
    "|a",
    ">a",
    "{a",
    "}a",
    "[a",
    "]a",
    "a,b",
    "a]",
    "?a",
    "? a",
    "a?",
    "<<",
    "=",
    "é",
    "日本",
    "a\tb",
    "a\nb",
    "a\n",
    "\na",
    "a\r\nb",
    "a\\b",
    "\u0000",
    "\u0007",
    "\u00a0",
    "\ufeffa",
    "a\u2028b",
    "((var))",
    "/p/name=x:after",
    "/instance_groups/name=diego-cell/jobs/name=rep",
    "${var}",
    "$${x}",
    "%{if}",
    "a  b",
    "a b",
    "_a",
    "(a",
    "/a",
    "a/",
    "a=b",
    "a.b",
    "x".repeat(300),
    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
  ];
  const NUMBERS = [0, 1, -1, 42, 1.5, -2.25, 1e21, 1e-7, -0, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 + 2];

  /** A small deterministic generator (mulberry32). */
  function rng(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function generate(r: () => number, depth: number): unknown {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const roll = r();
    if (depth > 4 || roll < 0.35) {
      const kind = r();
      if (kind < 0.5) return pick(TRICKY);
      if (kind < 0.65) {
        const chars = "aZ09 _-.:/#'\"{}[],&*!|>%@`?=\t\\é";
        return Array.from({ length: 1 + Math.floor(r() * 8) }, () => pick([...chars])).join("");
      }
      if (kind < 0.8) return pick(NUMBERS);
      if (kind < 0.9) return r() < 0.5;
      return null;
    }
    if (roll < 0.65) return Array.from({ length: Math.floor(r() * 4) }, () => generate(r, depth + 1));
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(r() * 4); i > 0; i--) out[pick(TRICKY)] = generate(r, depth + 1);
    return out;
  }

  test("on 3,000 generated values (nested maps and lists of tricky strings, numbers, booleans, null)", () => {
    const r = rng(17);
    const differing: string[] = [];
    let written = 0;
    for (let i = 0; i < 3000; i++) {
      const v = generate(r, 0);
      if (yamlText(v) !== yamlOf(v)) differing.push(JSON.stringify(v));
      if (plainYamlText(v) !== undefined) written++;
    }
    expect(differing).toEqual([]);
    // most are written by the writer itself (the rest hold a multi-line string or -0-like numbers)
    expect(written).toBeGreaterThan(2000);
  });

  test("every tricky string alone, as a key, as a value and as a list item", () => {
    for (const s of TRICKY) {
      for (const v of [s, { [s]: 1 }, { k: s }, [s], [[s]], [{ [s]: [s] }]]) {
        expect([s, yamlText(v)]).toEqual([s, yamlOf(v)]);
      }
    }
  });

  test("values it does not write itself are yaml's text (undefined, holes, long keys, class instances, a Date)", () => {
    class Box {
      constructor(public readonly x = 1) {}
    }
    const sparse = [1, , 3];
    const longKey = "a".repeat(1100);
    for (const v of [
      { a: undefined, b: 1 },
      [undefined, 1],
      { box: new Box() },
      { when: new Date(0) },
      sparse,
      { a: new Array(3) },
      { [longKey]: 1 },
      [{ [longKey]: [longKey] }],
      { [`${"a:b ".repeat(300)}`]: 1 },
    ]) {
      expect(yamlText(v)).toBe(yamlOf(v));
    }
  });
});
