/**
 * The input boundary for strings that reach Terraform. cdktf writes a plain string into
 * `cdk.tf.json` as it is, and Terraform evaluates every string there as a template: a literal
 * `${file("...")}` or `%{if ...}` from a tenant would run at plan time. So every construct classifies
 * each of its string props once, declaratively ({@link StringSpec}), and applies the classification
 * at the top of its constructor with {@link guardStrings}:
 *
 * - **identifiers** (names, addresses, CIDRs, ARNs, AZs, ids) refuse `${`, `%{` and control
 *   characters with a `PrivateEgressError` naming the prop path (`tenant.spaces[1]`);
 * - **free text** (descriptions, tag values, credentials, rendered files) is escaped (`$${`, `%%{`), so
 *   Terraform prints it literally.
 *
 * Real cdktf tokens (`${TfToken[TOKEN.12]}`, `#{TfToken[...]}`) pass untouched: only the literal
 * parts of a string around them are checked or escaped.
 */
import { Token } from "cdktf";
import { z } from "zod";
import { templateSyntaxRefused } from "./errors-input";
import { PROP_SHAPES } from "./prop-shapes.generated";
import { checkShape } from "./shape";
import { joinText } from "./strings";

/** How a string prop reaches Terraform. */
export enum StringRole {
  /** A name, address, CIDR, ARN, zone or id: refused when it carries template syntax or a control character. */
  IDENTIFIER = "identifier",
  /** Free text: escaped (`${` -> `$${`, `%{` -> `%%{`) so Terraform prints it literally. */
  TEXT = "text",
}

/** How a prop holding strings is classified: a role, a list, a map or an object of further props. */
export type StringSpecNode =
  | StringRole
  | {
      /** The role of each element of a list. */
      readonly list: StringSpecNode;
    }
  | {
      /** The role of a map's keys. */
      readonly mapKeys: StringRole;
      /** The classification of a map's values. */
      readonly mapValues: StringSpecNode;
    }
  | {
      /** The classification of an object's props. */
      readonly fields: StringSpec;
    };

/** The classification of a props type's string props, by prop name. */
export type StringSpec = { readonly [prop: string]: StringSpecNode };

const SPECS = new Map<string, StringSpec>();

/**
 * Declares the classification of a props type's string props, by the props type's name, and returns
 * it. The registry lets a test compare each declaration with the props interface it classifies, so a
 * new string prop cannot be left out.
 *
 * @example
 * const STRINGS = stringSpec("CustomerGatewayProps", { ipAddress: ID, deviceName: ID, certificateArn: ID });
 */
export function stringSpec(typeName: string, spec: StringSpec): StringSpec {
  SPECS.set(typeName, spec);
  SPEC_TYPES.set(spec, typeName);
  return spec;
}

const SPEC_TYPES = new WeakMap<StringSpec, string>();
const SHAPES = new Map<string, z.ZodType>();

/**
 * Checks props at run time against the shape of their TypeScript type (generated from the props
 * interface, lib/core/prop-shapes.generated.ts): a missing required prop, a wrong type, an unknown
 * (misspelt) key or a value outside an enum throws a `PrivateEgressError` naming the full prop path,
 * instead of a `TypeError` deep inside a construct. Callers from JSON, YAML or plain JavaScript get
 * the same guarantees as TypeScript callers. {@link guardStrings} calls it for the spec's props type.
 *
 * @param typeName the props type's name, e.g. `VpnConnectionProps`
 * @param path prefix of the prop paths in errors
 * @example
 * checkProps("IsolationSegmentEntitlementProps", props);
 */
export function checkProps(typeName: string, props: unknown, path = ""): void {
  let shape = SHAPES.get(typeName);
  if (shape === undefined) {
    const make = PROP_SHAPES[typeName];
    if (make === undefined) return; // a type with a hand-written schema (the environment's request)
    shape = make();
    SHAPES.set(typeName, shape);
  }
  checkShape(shape, props, path);
}

/** Every declared classification, by props type name (for tests and documentation). */
export function declaredStringSpecs(): ReadonlyMap<string, StringSpec> {
  return SPECS;
}

/** An identifier. */
export const ID = StringRole.IDENTIFIER;
/** Free text. */
export const TEXT = StringRole.TEXT;
/** A list whose elements are classified by `of`. */
export const listOf = (of: StringSpecNode): StringSpecNode => ({ list: of });
/** A map (e.g. tags) whose keys and values are classified separately. */
export const mapOf = (keys: StringRole, values: StringSpecNode): StringSpecNode => ({
  mapKeys: keys,
  mapValues: values,
});
/** A nested object of props. */
export const fieldsOf = (fields: StringSpec): StringSpecNode => ({ fields });

// cdktf's string-encoded tokens (cdktf/lib/tokens/private/encoding: "${TfToken[", "#{TfToken[", "&{TfToken[")
const TOKEN_PATTERN = /([$#&]\{TfToken\[[a-zA-Z0-9:._-]+\]\})/;
const TEMPLATE_PATTERN = /\$\{|%\{/;
// C0 controls and DEL; tabs and newlines are text, not parts of a name
const CONTROL_PATTERN = /[\u0000-\u001f\u007f]/;

/** Whether a value is unknown until apply: cdktf's `Token.isUnresolved`, nothing broader. */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** The literal parts of a string (the text between cdktf tokens). */
function literalParts(value: string): string[] {
  return value.split(TOKEN_PATTERN).filter((_, i) => i % 2 === 0);
}

/**
 * Throws when a literal identifier carries Terraform template syntax (`${`, `%{`) or a control
 * character. Tokens inside the string pass.
 *
 * @example
 * checkIdentifier("tenant.org", "agency-prod"); // fine
 * checkIdentifier("tenant.org", 'x${file("~/.aws/credentials")}'); // throws PE-INPUT-006
 */
export function checkIdentifier(prop: string, value: unknown): void {
  if (typeof value !== "string") return;
  for (const part of literalParts(value)) {
    const template = TEMPLATE_PATTERN.exec(part);
    if (template) throw templateSyntaxRefused(prop, value, `Terraform template syntax \`${template[0]}\``);
    const control = CONTROL_PATTERN.exec(part);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).padStart(4, "0");
      throw templateSyntaxRefused(prop, value, `a control character (U+${code})`);
    }
  }
}

/**
 * Escapes the literal parts of free text for a Terraform string: `${` -> `$${`, `%{` -> `%%{`.
 * Tokens inside the string pass untouched.
 *
 * @example
 * escapeText('cost ${x}'); // "cost $${x}"
 */
export function escapeText(value: string): string {
  // a construct passes escaped text on to the constructs it composes: escape it only once
  if (ESCAPED.has(value)) return value;
  const escaped = joinText(
    value
      .split(TOKEN_PATTERN)
      .map((part, i) =>
        i % 2 === 1 ? part : part.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{"),
      ),
    "",
  );
  if (escaped !== value) ESCAPED.add(escaped);
  return escaped;
}

/**
 * Text this module escaped. Passing such a string on unescaped is always safe: it holds no live
 * template (at worst, text that was meant literally as `$${` prints as `${`).
 */
const ESCAPED = new Set<string>();

/**
 * Applies a classification to props: checks the props' shape ({@link checkProps}), checks
 * identifiers, returns a copy with free text escaped.
 * Call it first in a constructor: `props = guardStrings(props, STRINGS)`.
 *
 * @param path prefix of the prop paths in errors (e.g. `customerEndpoint`)
 */
export function guardStrings<T>(props: T, spec: StringSpec, path = ""): T {
  const typeName = SPEC_TYPES.get(spec);
  if (typeName !== undefined) checkProps(typeName, props, path);
  return guardFields(props, spec, path) as T;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function guardFields(value: unknown, spec: StringSpec, path: string): unknown {
  if (value === null || typeof value !== "object" || isToken(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, node] of Object.entries(spec)) {
    const current = (value as Record<string, unknown>)[key];
    if (current === undefined) continue;
    const next = guardNode(current, node, join(path, key));
    if (next !== current) {
      out ??= copyOf(value as Record<string, unknown>);
      out[key] = next;
    }
  }
  return out ?? value;
}

function guardNode(value: unknown, node: StringSpecNode, path: string): unknown {
  if (node === StringRole.IDENTIFIER) {
    checkIdentifier(path, value);
    return value;
  }
  if (node === StringRole.TEXT) return escapeDeep(value);
  if ("list" in node) {
    if (!Array.isArray(value)) return value;
    const next = value.map((v, i) => guardNode(v, node.list, `${path}[${i}]`));
    return next.some((v, i) => v !== value[i]) ? next : value;
  }
  if ("mapKeys" in node) {
    if (value === null || typeof value !== "object" || isToken(value)) return value;
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = guardNode(k, node.mapKeys, path) as string;
      const val = guardNode(v, node.mapValues, join(path, k));
      changed ||= key !== k || val !== v;
      next[key] = val;
    }
    return changed ? next : value;
  }
  return guardFields(value, node.fields, path);
}

/** Free text at any depth (credentials, BOSH properties): every string key and value escaped. */
function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return escapeText(value);
  if (value === null || typeof value !== "object" || isToken(value)) return value;
  if (Array.isArray(value)) {
    const next = value.map(escapeDeep);
    return next.some((v, i) => v !== value[i]) ? next : value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // tokens, resolvables, class instances
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = escapeText(k);
    const val = escapeDeep(v);
    changed ||= key !== k || val !== v;
    next[key] = val;
  }
  return changed ? next : value;
}

/** A shallow copy keeping the prototype (a props object may be a class instance). */
function copyOf(value: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>, value);
}
