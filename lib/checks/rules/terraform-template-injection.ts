import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { memoized } from "../memo";
import { isObject, StackView, TerraformObjectView } from "../view";

/** Functions that read the operator's machine or unwrap secrets: never in a library-built string. */
const FORBIDDEN_FUNCTIONS =
  /\b(file|filebase64|filebase64sha256|filebase64sha512|filemd5|filesha1|filesha256|filesha512|fileexists|fileset|templatefile|pathexpand|nonsensitive)\s*\(/;

/** Types an environment legitimately shares with another (one VPC, its gateways, per AWS's limits). */
const SHARED_TYPES = new Set(["aws_vpc", "aws_internet_gateway", "aws_vpn_gateway"]);

const REFERENCE = /\b((?:data\.)?[a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\b/g;

/**
 * The live templates of a string: the contents of each `${...}` not escaped as `$${`, and whether a
 * `%{` directive (not escaped as `%%{`) is present.
 */
export function liveTemplates(text: string): { interpolations: string[]; directive: boolean } {
  const interpolations: string[] = [];
  let directive = false;
  // char codes: `$` 36, `%` 37, `{` 123, `}` 125 (most strings are one reference: no string per character)
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c !== 36 && c !== 37) continue;
    const next = text.charCodeAt(i + 1);
    if (next === c && text.charCodeAt(i + 2) === 123) {
      i += 2; // an escape: $${ or %%{
      continue;
    }
    if (next !== 123) continue;
    if (c === 37) directive = true;
    else {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        const d = text.charCodeAt(j);
        if (d === 123) depth++;
        else if (d === 125) depth--;
      }
      interpolations.push(text.slice(i + 2, j - 1));
      i = j - 1;
    }
  }
  return { interpolations, directive };
}

/** What one string's live templates hold, as far as the text alone decides. */
interface TextFacts {
  /** A live `%{` directive. */
  readonly directive: boolean;
  /** Each live `${...}`, in order: a forbidden function it calls, else the addresses it references. */
  readonly interpolations: ReadonlyArray<{
    readonly expression: string;
    readonly call?: string;
    /** Referenced addresses whose type is not one environments share. */
    readonly addresses: readonly string[];
  }>;
}

/** Facts per distinct text: references repeat across a stack's resources and stacks (bounded). */
const textFacts = new Map<string, TextFacts>();
const MAX_TEXT_FACTS = 50_000;

function factsOf(text: string): TextFacts {
  let facts = textFacts.get(text);
  if (facts !== undefined) return facts;
  const { interpolations, directive } = liveTemplates(text);
  facts = {
    directive,
    interpolations: interpolations.map((expression) => {
      const call = expression.includes("(") ? FORBIDDEN_FUNCTIONS.exec(expression) : null;
      if (call) return { expression, call: call[1], addresses: [] };
      const addresses: string[] = [];
      for (const m of expression.matchAll(REFERENCE)) {
        if (!SHARED_TYPES.has(m[1].replace(/^data\./, ""))) addresses.push(`${m[1]}.${m[2]}`);
      }
      return { expression, addresses };
    }),
  };
  if (textFacts.size >= MAX_TEXT_FACTS) textFacts.clear();
  textFacts.set(text, facts);
  return facts;
}

/** One object's scan: its environment, the stack's roots, the problems found so far. */
interface Scan {
  readonly own: string | undefined;
  readonly roots: Map<string, string>;
  readonly problems: string[];
  /** Whether any string could hold a template (a `{`). */
  templated: boolean;
}

/**
 * Checks the strings of a value that could hold a template (a `{`); `path` (`a.b[0]`) is spelt only
 * for a problem.
 */
function scan(value: unknown, path: Array<string | number>, at: Scan): void {
  if (typeof value === "string") {
    if (!value.includes("{")) return;
    at.templated = true;
    const facts = factsOf(value);
    if (facts.directive)
      at.problems.push(
        `\`${spell(path)}\` holds a template directive \`%{\`; escape literal text as \`%%{\``,
      );
    for (const { expression, call, addresses } of facts.interpolations) {
      if (call !== undefined) {
        at.problems.push(
          `\`${spell(path)}\` calls \`${call}(...)\` in \`\${${expression}}\`; the library never does: it reads the operator's machine or unwraps a secret`,
        );
        continue;
      }
      if (at.own === undefined) continue;
      for (const address of addresses) {
        const target = at.roots.get(address);
        if (target !== undefined && target !== at.own) {
          at.problems.push(
            `\`${spell(path)}\` references \`${address}\` of another environment (${target}); an environment reads only its own resources`,
          );
        }
      }
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      scan(value[i], path, at);
      path.pop();
    }
  } else if (isObject(value)) {
    for (const k of Object.keys(value)) {
      if (k === "//") continue; // comments in Terraform JSON syntax
      path.push(k);
      scan(value[k], path, at);
      path.pop();
    }
  }
}

function spell(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

/** The top-level construct of each object that owns a VPN connection: one tenant's environment each. */
function environmentRootsOf(stack: StackView): Map<string, string> {
  // the first two components of the construct path (`stack/Env`)
  const rootOf = (o: TerraformObjectView) => {
    const path = o.constructPath;
    if (path === undefined) return undefined;
    const second = path.indexOf("/", path.indexOf("/") + 1);
    return second < 0 ? path : path.slice(0, second);
  };
  const environments = new Set(
    stack.objects
      .filter((o) => o.type === "aws_vpn_connection")
      .map(rootOf)
      .filter((r) => r !== undefined),
  );
  const out = new Map<string, string>();
  for (const o of stack.objects) {
    const root = rootOf(o);
    if (root !== undefined && environments.has(root)) out.set(o.address, root);
  }
  return out;
}

// once per evaluated stack, not once per object with a template (that was quadratic in the stack's size)
const environmentRoots = (stack: StackView) =>
  memoized(stack, "environment-roots", () => environmentRootsOf(stack));

/**
 * PE-TF-001: a synthesized string carries no Terraform template that this library would not produce:
 * no `%{` directive, no function that reads files or unwraps secrets (`file`, `templatefile`,
 * `nonsensitive`, ...), and no reference from one tenant's environment into another's resources
 * (besides the VPC and gateways they share by design). Literal text is escaped (`$${`, `%%{`) by the
 * library; such a template comes from an escape hatch, a raw resource or tenant text that bypassed
 * the input boundary, and Terraform would evaluate it at plan time.
 *
 * Mirrors no public scanner check.
 */
export const terraformTemplateInjection: PolicyRule = {
  id: "PE-TF-001",
  title: "Synthesized strings carry no Terraform template the library would not produce",
  mirrors: "- (Terraform expression injection)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["*"],
  evaluate: (object, stack) => {
    const roots = environmentRoots(stack);
    const at: Scan = { own: roots.get(object.address), roots, problems: [], templated: false };
    scan(object.values, [], at);
    if (!at.templated) return NOT_APPLICABLE;
    const problems = at.problems;
    return outcome(problems);
  },
};
