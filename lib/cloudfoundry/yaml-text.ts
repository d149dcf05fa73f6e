/**
 * YAML text of plain data, exactly as `stringify(value, { lineWidth: 0, aliasDuplicateObjects: false })`
 * of the `yaml` package writes it, without building a YAML document first: block style, two-space
 * indentation, sequences indented under their key, `[]` / `{}` for empty collections. Each scalar is
 * rendered by `yaml` itself unless it is a plain word that `yaml` provably writes as it is; anything
 * this writer does not handle (a multi-line string, a key over 1,000 characters, `undefined`, a hole
 * in an array, a class instance, a cycle) makes it return `yaml`'s own text for the whole value.
 * `test/cloudfoundry/yaml-text.test.ts` compares both on every document the library writes and on
 * generated data.
 */
import { stringify } from "yaml";
import { joinText } from "../core/strings";

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/** Thrown inside the writer: hand the whole value to `yaml`. */
const FALLBACK = Symbol("yaml-text fallback");

/** Starts with a letter, `_`, `/` or `(`, then only `[A-Za-z0-9_.=/():-]`, not ending in `:`. */
const PLAIN = /^[A-Za-z_/(][A-Za-z0-9_.=/():-]*$/;
/** The words `yaml`'s core schema reads as booleans or null. */
const RESERVED = /^(true|false|null)$/i;

const rendered = new Map<string, string>();
const MAX_CACHED = 50_000;

/** A scalar as `yaml` writes it alone, when that is one line (it then reads the same in place). */
function yamlScalar(v: string | number): string {
  const text = stringify(v, OPTIONS).slice(0, -1);
  // a block scalar (`|-`) depends on its indentation: only the whole value can be given to yaml
  if (text.includes("\n")) throw FALLBACK;
  return text;
}

function stringScalar(s: string): string {
  if (PLAIN.test(s) && !s.endsWith(":") && !RESERVED.test(s)) return s;
  let text = rendered.get(s);
  if (text === undefined) {
    text = yamlScalar(s);
    if (rendered.size >= MAX_CACHED) rendered.clear();
    rendered.set(s, text);
  }
  return text;
}

function scalar(v: unknown): string {
  if (typeof v === "string") return stringScalar(v);
  if (typeof v === "number") return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : yamlScalar(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === null) return "null";
  throw FALLBACK;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const MAX_DEPTH = 200;
/** Longer keys are written by yaml as explicit keys (with margin below its 1024). */
const MAX_IMPLICIT_KEY = 1000;

/** After `key:`: a scalar or empty collection on the line, a collection on the lines below. */
function value(v: unknown, indent: string, out: string[], depth: number): void {
  if (Array.isArray(v)) {
    if (v.length === 0) out.push(" []\n");
    else {
      out.push("\n");
      sequence(v, `${indent}  `, out, false, depth + 1);
    }
  } else if (isPlainObject(v)) {
    if (Object.keys(v).length === 0) out.push(" {}\n");
    else {
      out.push("\n");
      mapping(v, `${indent}  `, out, false, depth + 1);
    }
  } else out.push(" ", scalar(v), "\n");
}

function mapping(
  map: Record<string, unknown>,
  indent: string,
  out: string[],
  firstInline: boolean,
  depth: number,
): void {
  if (depth > MAX_DEPTH) throw FALLBACK;
  let first = true;
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) throw FALLBACK;
    const text = stringScalar(key);
    // yaml writes a key over 1024 characters as an explicit key (`? key`): left to yaml
    if (text.length > MAX_IMPLICIT_KEY) throw FALLBACK;
    out.push(first && firstInline ? "" : indent, text, ":");
    first = false;
    value(v, indent, out, depth);
  }
}

function sequence(list: unknown[], indent: string, out: string[], firstInline: boolean, depth: number): void {
  if (depth > MAX_DEPTH) throw FALLBACK;
  for (let i = 0; i < list.length; i++) {
    // a hole of a sparse array: yaml writes null, forEach would skip it; left to yaml
    if (!(i in list)) throw FALLBACK;
    const item = list[i];
    out.push(i === 0 && firstInline ? "-" : `${indent}-`);
    if (Array.isArray(item) && item.length > 0) {
      out.push(" ");
      sequence(item, `${indent}  `, out, true, depth + 1);
    } else if (isPlainObject(item) && Object.keys(item).length > 0) {
      out.push(" ");
      mapping(item, `${indent}  `, out, true, depth + 1);
    } else if (item === undefined) {
      throw FALLBACK;
    } else out.push(" ", Array.isArray(item) ? "[]" : isPlainObject(item) ? "{}" : scalar(item), "\n");
  }
}

/**
 * The YAML text of `value`, byte for byte what `stringify(value, { lineWidth: 0,
 * aliasDuplicateObjects: false })` of the `yaml` package returns.
 */
export function yamlText(value: unknown): string {
  return plainYamlText(value) ?? stringify(value, OPTIONS);
}

/** The text this writer produces itself, or undefined where it leaves the value to `yaml`. */
export function plainYamlText(value: unknown): string | undefined {
  const out: string[] = [];
  try {
    if (Array.isArray(value)) {
      if (value.length === 0) return "[]\n";
      sequence(value, "", out, false, 0);
    } else if (isPlainObject(value)) {
      if (Object.keys(value).length === 0) return "{}\n";
      mapping(value, "", out, false, 0);
    } else return `${scalar(value)}\n`;
  } catch (e) {
    if (e === FALLBACK) return undefined;
    throw e;
  }
  return joinText(out);
}
