/**
 * The input boundary's canary: every string a user can hand the library (derived from the code by
 * the TypeScript compiler, test/support/string-props.ts) receives a Terraform template payload; the
 * construct must refuse it with a named error (PE-INPUT-006 naming the prop as the user wrote it) or
 * write it escaped, so Terraform prints it literally. A new string prop without a classification
 * fails the first test; one whose payload reaches cdk.tf.json live fails the second.
 */
import { Testing } from "cdktf";
import { PrivateEgressError } from "../../lib";
import { declaredStringSpecs, StringRole, StringSpec, StringSpecNode } from "../../lib/core/boundary";
import { FIXTURES, Patch, stack, structuredCloneKeepingClasses } from "../support/construct-fixtures";
import { publicStringInputs, StringInput } from "../support/string-props";

const PAYLOADS = ['X${upper("a")}Y', "X%{if true}Y%{endif}"];
const LIVE = /(^|[^$])\$\{upper\(|(^|[^%])%\{if true\}/;
const ESCAPED = /\$\$\{upper\(|%%\{if true\}/;

/**
 * Inputs that never reach a Terraform-evaluated string, with the reason: the canary does not require
 * them to be refused or escaped (it still checks that nothing live reaches cdk.tf.json).
 */
const NOT_TERRAFORM: Record<string, string> = {
  "PolicyPack.applyTo":
    "rule definitions (id, title, severity) are code; they become annotations, never Terraform values",
  "PolicySuppressions.addResourceSuppressions":
    'recorded under "//" (a comment in Terraform JSON syntax), never evaluated',
  "PolicySuppressions.addStackSuppressions":
    'recorded under "//" (a comment in Terraform JSON syntax), never evaluated',
};

// ---------------------------------------------------------------------------------------------
// the declared classification as paths, in the notation of string-props.ts

function specPaths(spec: StringSpec, prefix: string): string[] {
  return Object.entries(spec).flatMap(([key, node]) =>
    nodePaths(node, prefix === "" ? key : `${prefix}.${key}`),
  );
}

function nodePaths(node: StringSpecNode, path: string): string[] {
  if (node === StringRole.IDENTIFIER || node === StringRole.TEXT) return [path];
  if ("list" in node) return nodePaths(node.list, `${path}[]`);
  if ("mapKeys" in node) return [`${path}{}`, ...nodePaths(node.mapValues, `${path}.*`)];
  return specPaths(node.fields, path);
}

// ---------------------------------------------------------------------------------------------
// the payload goes where the path says

function setAt(base: unknown, path: string, payload: string): unknown {
  const root: Record<string, unknown> = { v: structuredCloneKeepingClasses(base) };
  let parent: Record<string | number, unknown> = root;
  let key: string | number = "v";
  for (const step of path.match(/[^.[\]{}]+|\[\]|\{\}/g) ?? []) {
    const current = parent[key];
    const isObject = current !== null && typeof current === "object";
    if (step === "[]") {
      const list = Array.isArray(current) ? current : [];
      if (list.length === 0) list.push(undefined);
      parent[key] = list;
      parent = list as unknown as Record<number, unknown>;
      key = 0;
    } else if (step === "{}") {
      const first = isObject ? Object.values(current as object)[0] : undefined;
      parent[key] = { [payload]: first ?? "v" };
      return root.v;
    } else {
      const next = step === "*" || !isObject ? {} : (current as Record<string, unknown>);
      parent[key] = next;
      parent = next as Record<string, unknown>;
      key = step === "*" ? "k" : step;
    }
  }
  parent[key] = payload;
  return root.v;
}

// ---------------------------------------------------------------------------------------------

interface Case {
  readonly owner: string;
  readonly path: string;
  readonly payload: string;
}

function isFactory(owner: string): boolean {
  return owner.includes(".");
}

/** The prop as the user wrote it: `a[]` -> `a[0]`, `a.*` -> `a.k`, `a{}` -> `a`; a factory's parameter name dropped for attributes. */
function expectedProp(c: Case): string {
  let prop = c.path.replace(/\[\]/g, "[0]").replace(/\.\*/g, ".k").replace(/\{\}$/, "");
  if (isFactory(c.owner) && /^(attrs|options|service)\./.test(prop)) prop = prop.replace(/^\w+\./, "");
  return prop;
}

type Outcome = "refused" | "escaped" | "absent" | string;

function run(c: Case): Outcome {
  const s = stack();
  const fixture = FIXTURES[c.owner];
  const p: Patch = (base) => (c.path === "" ? base : (setAt(base, c.path, c.payload) as typeof base));
  try {
    fixture(s, p);
  } catch (e) {
    if (e instanceof PrivateEgressError && e.code === "PE-INPUT-006") {
      return e.prop === expectedProp(c) ? "refused" : `refused naming ${e.prop}, not ${expectedProp(c)}`;
    }
    if (e instanceof PrivateEgressError && e.prop === expectedProp(c)) return "refused";
    return `threw ${e instanceof Error ? e.message : String(e)}`;
  }
  const json = Testing.synth(s);
  if (LIVE.test(json)) return "LIVE in cdk.tf.json";
  return ESCAPED.test(json) ? "escaped" : "absent";
}

const inputs = publicStringInputs();
const cases: Case[] = inputs.flatMap((input) =>
  input.paths.flatMap((path) => {
    const owner = input.owner;
    return PAYLOADS.map((payload) => ({ owner, path, payload }));
  }),
);
// the environment request read from a file: the same paths through parseEnvironmentRequest
const environment = inputs.find((i) => i.owner === "PrivateEgressEnvironment") as StringInput;
const requestCases: Case[] = environment.paths.flatMap((path) =>
  PAYLOADS.map((payload) => ({ owner: "parseEnvironmentRequest", path, payload })),
);

describe("input boundary canary", () => {
  test("THEN every construct's string props (derived from the code) are classified exactly as declared", () => {
    const specs = declaredStringSpecs();
    const mismatches: string[] = [];
    for (const input of inputs) {
      if (isFactory(input.owner) || input.paths.length === 0) continue;
      const spec = specs.get(input.typeName);
      if (!spec) {
        mismatches.push(`${input.owner}: no stringSpec("${input.typeName}", ...) declared`);
        continue;
      }
      const declared = specPaths(spec, "").sort();
      if (JSON.stringify(declared) !== JSON.stringify(input.paths)) {
        const missing = input.paths.filter((x) => !declared.includes(x));
        const extra = declared.filter((x) => !input.paths.includes(x));
        mismatches.push(
          `${input.typeName}: unclassified ${missing.join(", ")}; not props ${extra.join(", ")}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("THEN every input has a fixture (a new construct or factory needs one here)", () => {
    expect(inputs.filter((i) => i.paths.length > 0 && !(i.owner in FIXTURES)).map((i) => i.owner)).toEqual(
      [],
    );
  });

  test("THEN the canary covers the library's string inputs (count in the report)", () => {
    const count = new Set(cases.map((c) => `${c.owner}:${c.path}`)).size;
    const constructProps = inputs.filter((i) => !isFactory(i.owner)).reduce((n, i) => n + i.paths.length, 0);
    console.log(
      `canary: ${count} string inputs (${constructProps} construct/renderer props, ${count - constructProps} factory parameters) + ${environment.paths.length} request-file paths, ${cases.length + requestCases.length} cases`,
    );
    expect(constructProps).toBeGreaterThanOrEqual(150);
  });

  test.each([...cases, ...requestCases].map((c) => [`${c.owner} ${c.path} <- ${c.payload}`, c] as const))(
    "%s: refused by name or escaped, never live",
    (_title, c) => {
      const outcome = run(c);
      if (NOT_TERRAFORM[c.owner] !== undefined) {
        expect(outcome).not.toBe("LIVE in cdk.tf.json");
      } else {
        expect(["refused", "escaped"]).toContain(outcome);
      }
    },
  );
});
