/**
 * The view the policy rules read: one synthesized Terraform object (snake_case values exactly as they
 * land in `cdk.tf.json`, escape-hatch overrides applied) and the whole stack it belongs to. Built
 * from a stack's synthesized JSON, so the Aspect and the `check` command see the same thing.
 */
import { inEvaluation, memoized } from "./memo";

/** A suppression of one rule, recorded in the synthesized output under `"//".policy_suppressions`. */
export interface PolicySuppression {
  /** The rule id, e.g. `PE-AWS-SG-004`. */
  readonly id: string;
  /** Why the finding is acceptable here (at least 10 characters). */
  readonly reason: string;
}

/** One resource or data source of a synthesized stack. */
export interface TerraformObjectView {
  /** Whether this is a data source (`data.<type>.<name>`). */
  readonly isDataSource: boolean;
  /** Terraform type, e.g. `aws_vpn_connection`. */
  readonly type: string;
  /** Logical name, e.g. `Vpn` or `Egress_Eip_B0D3279F`. */
  readonly name: string;
  /** Terraform address, e.g. `aws_vpn_connection.Vpn`. */
  readonly address: string;
  /** Construct path from the synthesized metadata, e.g. `stack/Egress/Eip`, when recorded. */
  readonly constructPath?: string;
  /** The body as synthesized, without the `//` metadata entry. */
  readonly values: Record<string, unknown>;
  /** Suppressions recorded on this object. */
  readonly suppressions: PolicySuppression[];
}

/** A whole synthesized stack, for rules that compare resources. */
export interface StackView {
  /** Stack name (the manifest's name, or the construct id of the stack). */
  readonly name: string;
  /** Every resource and data source, in the order of the JSON. */
  readonly objects: TerraformObjectView[];
  /** Suppressions recorded at stack level (`"//".policy_suppressions` of the stack). */
  readonly suppressions: PolicySuppression[];
  /** The profile recorded by the pack at synth time (`"//".policy_pack.profile`), if any. */
  readonly recordedProfile?: string;
}

type Json = Record<string, unknown>;

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a value is (or contains) a Terraform expression such as `${aws_vpc.Vpc.id}`. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** A literal string (no Terraform expression inside), else undefined. */
export function literalString(value: unknown): string | undefined {
  return typeof value === "string" && !isExpression(value) ? value : undefined;
}

/** A literal number (numbers and numeric strings), else undefined. */
export function literalNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** A literal boolean (booleans and `"true"`/`"false"`), else undefined. */
export function literalBool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return undefined;
}

/** A literal list, else undefined (an expression standing for a whole list is not literal). */
export function literalList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/**
 * The blocks of a nested block attribute: Terraform JSON accepts one object or a list of objects
 * (cdktf writes single blocks as objects, escape hatches often as lists).
 */
export function blocks(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** The first block of a nested block attribute, if any. */
export function block(value: unknown): Json | undefined {
  return blocks(value)[0];
}

/** Whether a body sets a key to something other than null. */
export function isSet(values: Json, key: string): boolean {
  return values[key] !== undefined && values[key] !== null;
}

const REFERENCE = /\$\{\s*(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)(?:\.([a-z0-9_]+))?/g;

/** A reference to another object inside an expression: `${aws_vpc.Vpc.id}` → `aws_vpc.Vpc`, `id`. */
export interface Reference {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** The attribute read, e.g. `id` or `tunnel1_address`; empty when none. */
  readonly attribute: string;
}

/** The references in one string, per distinct text (strings repeat across objects and stacks; bounded). */
const textReferences = new Map<string, readonly Reference[]>();
const MAX_TEXT_REFERENCES = 50_000;
const NONE: readonly Reference[] = [];

function referencesInText(text: string): readonly Reference[] {
  if (!text.includes("${")) return NONE;
  let refs = textReferences.get(text);
  if (refs === undefined) {
    const found: Reference[] = [];
    for (const m of text.matchAll(REFERENCE)) {
      const type = m[2];
      if (["var", "local", "module", "each", "count", "path", "terraform", "self"].includes(type)) continue;
      const prefix = m[1] ? "data." : "";
      // frozen: every later call for this text hands out the same objects
      found.push(
        Object.freeze({ address: `${prefix}${type}.${m[3]}`, type, name: m[3], attribute: m[4] ?? "" }),
      );
    }
    refs = Object.freeze(found);
    if (textReferences.size >= MAX_TEXT_REFERENCES) textReferences.clear();
    textReferences.set(text, refs);
  }
  return refs;
}

/** Every object reference inside a value (strings, lists and objects, searched deeply). */
export function referencesIn(value: unknown): Reference[] {
  const out: Reference[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      for (const r of referencesInText(v)) out.push(r);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}

/** Whether `value` references the object at `address` (optionally a given attribute of it). */
export function referencesAddress(value: unknown, address: string, attribute?: string): boolean {
  return referencesIn(value).some(
    (r) => r.address === address && (attribute === undefined || r.attribute === attribute),
  );
}

/** A stack's objects by address and by type. */
interface StackIndex {
  readonly byAddress: Map<string, TerraformObjectView>;
  readonly byType: Map<string, TerraformObjectView[]>;
}

/** The stack's index, built once per evaluation (outside one, the callers search the stack instead). */
function indexOf(stack: StackView): StackIndex {
  return memoized(stack, "index", () => {
    const byAddress = new Map<string, TerraformObjectView>();
    const byType = new Map<string, TerraformObjectView[]>();
    for (const o of stack.objects) {
      if (!byAddress.has(o.address)) byAddress.set(o.address, o); // the first, as a search would find
      const key = o.isDataSource ? `data.${o.type}` : o.type;
      const list = byType.get(key);
      if (list) list.push(o);
      else byType.set(key, [o]);
    }
    return { byAddress, byType };
  });
}

/** The objects of one type in a stack (resources only unless `data` is set). */
export function objectsOfType(stack: StackView, type: string, data = false): TerraformObjectView[] {
  if (!inEvaluation()) return stack.objects.filter((o) => o.type === type && o.isDataSource === data);
  return [...(indexOf(stack).byType.get(data ? `data.${type}` : type) ?? [])];
}

/** The object at an address, if the stack has it. */
export function objectAt(stack: StackView, address: string): TerraformObjectView | undefined {
  return inEvaluation()
    ? indexOf(stack).byAddress.get(address)
    : stack.objects.find((o) => o.address === address);
}

/** The objects a value references that the stack holds. */
export function referencedObjects(stack: StackView, value: unknown): TerraformObjectView[] {
  const out: TerraformObjectView[] = [];
  for (const r of referencesIn(value)) {
    const o = objectAt(stack, r.address);
    if (o && !out.includes(o)) out.push(o);
  }
  return out;
}

function readSuppressions(meta: unknown): PolicySuppression[] {
  if (!isObject(meta)) return [];
  const list = meta.policy_suppressions;
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObject)
    .filter((s) => typeof s.id === "string" && typeof s.reason === "string")
    .map((s) => ({ id: s.id as string, reason: s.reason as string }));
}

/**
 * Builds the view of one synthesized stack (the parsed `cdk.tf.json`).
 *
 * @example
 * const view = stackViewFromJson(JSON.parse(fs.readFileSync("cdktf.out/stacks/s/cdk.tf.json", "utf8")), "s");
 */
export function stackViewFromJson(json: Record<string, unknown>, name: string): StackView {
  const objects: TerraformObjectView[] = [];
  const sections: Array<[string, boolean]> = [
    ["resource", false],
    ["data", true],
  ];
  for (const [section, isDataSource] of sections) {
    const byType = json[section];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [objectName, body] of Object.entries(byName)) {
        if (!isObject(body)) continue;
        const { "//": meta, ...values } = body;
        const metadata = isObject(meta) && isObject(meta.metadata) ? meta.metadata : undefined;
        objects.push({
          isDataSource,
          type,
          name: objectName,
          address: `${isDataSource ? "data." : ""}${type}.${objectName}`,
          constructPath: typeof metadata?.path === "string" ? metadata.path : undefined,
          values,
          suppressions: readSuppressions(meta),
        });
      }
    }
  }
  const stackMeta = json["//"];
  const pack = isObject(stackMeta) && isObject(stackMeta.policy_pack) ? stackMeta.policy_pack : undefined;
  return {
    name,
    objects,
    suppressions: readSuppressions(stackMeta),
    recordedProfile: typeof pack?.profile === "string" ? pack.profile : undefined,
  };
}
