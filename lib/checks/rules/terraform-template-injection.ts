import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
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
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") {
      i += 2; // an escape: $${ or %%{
      continue;
    }
    if (c === "%" && text[i + 1] === "{") directive = true;
    if (c === "$" && text[i + 1] === "{") {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === "{") depth++;
        else if (text[j] === "}") depth--;
      }
      interpolations.push(text.slice(i + 2, j - 1));
      i = j - 1;
    }
  }
  return { interpolations, directive };
}

/**
 * The strings of a value that could hold a template (a `{`), with their paths (`a.b[0]`). The path
 * is spelt only for those: most strings have no brace.
 */
function strings(
  value: unknown,
  path: Array<string | number>,
  out: Array<{ path: string; text: string }>,
): void {
  if (typeof value === "string") {
    if (value.includes("{")) out.push({ path: spell(path), text: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      path.push(i);
      strings(v, path, out);
      path.pop();
    });
  } else if (isObject(value)) {
    for (const k of Object.keys(value)) {
      if (k === "//") continue; // comments in Terraform JSON syntax
      path.push(k);
      strings(value[k], path, out);
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
function environmentRoots(stack: StackView): Map<string, string> {
  const cached = ROOTS.get(stack);
  if (cached !== undefined) return cached;
  const rootOf = (o: TerraformObjectView) => o.constructPath?.split("/").slice(0, 2).join("/");
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
  ROOTS.set(stack, out);
  return out;
}

// once per evaluated stack, not once per object with a template (that was quadratic in the stack's size)
const ROOTS = new WeakMap<StackView, Map<string, string>>();

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
    const found: Array<{ path: string; text: string }> = [];
    strings(object.values, [], found);
    if (found.length === 0) return NOT_APPLICABLE;
    const roots = environmentRoots(stack);
    const own = roots.get(object.address);
    const problems: string[] = [];
    for (const { path, text } of found) {
      const { interpolations, directive } = liveTemplates(text);
      if (directive)
        problems.push(`\`${path}\` holds a template directive \`%{\`; escape literal text as \`%%{\``);
      for (const expression of interpolations) {
        const call = FORBIDDEN_FUNCTIONS.exec(expression);
        if (call) {
          problems.push(
            `\`${path}\` calls \`${call[1]}(...)\` in \`\${${expression}}\`; the library never does: it reads the operator's machine or unwraps a secret`,
          );
          continue;
        }
        if (own === undefined) continue;
        for (const m of expression.matchAll(REFERENCE)) {
          const address = `${m[1]}.${m[2]}`;
          const target = roots.get(address);
          const type = m[1].replace(/^data\./, "");
          if (target !== undefined && target !== own && !SHARED_TYPES.has(type)) {
            problems.push(
              `\`${path}\` references \`${address}\` of another environment (${target}); an environment reads only its own resources`,
            );
          }
        }
      }
    }
    return outcome(problems);
  },
};
