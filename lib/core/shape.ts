/**
 * Checks the shape of a construct's props (or a request read from JSON/YAML) against a zod schema and
 * turns the first problem into a `PrivateEgressError` naming the full prop path as the user wrote it
 * (`customerEndpoint.ip`, `privateCidrs[2]`), with the nearest known key for a misspelt one.
 *
 * Shape only: types, required fields, unknown keys, closed sets. Domain checks (CIDR ranges, ASNs,
 * Cloud Controller rules) stay in the building blocks' validators.
 */
import { z } from "zod";
import { PrivateEgressError } from "./errors";
import { propInvalid, propMissing, propNotOneOf, propUnknown, propWrongType } from "./errors-input";

/**
 * Validates `input` against `schema`; throws the first problem as a `PrivateEgressError`. Returns
 * nothing: callers keep using their own objects (construct references keep their identity).
 *
 * @param path the prefix of every prop path, e.g. `environments[2]` (default: none)
 * @example
 * checkShape(environmentPropsSchema, props);
 */
export function checkShape(schema: z.ZodType, input: unknown, path = ""): void {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return;
  throw issueToError(schema, result.error.issues[0], path);
}

/** Renders a path as the user writes it: `a.b[2].c`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out === "" ? String(s) : `.${String(s)}`;
  }
  return out;
}

function issueToError(root: z.ZodType, issue: z.core.$ZodIssue, prefix: string): PrivateEgressError {
  const prop = formatPath(issue.path, prefix);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0];
      const known = knownKeys(schemaAt(root, issue.path));
      const near = nearest(key, known);
      return propUnknown(
        formatPath([...issue.path, key], prefix),
        near === undefined ? undefined : formatPath([...issue.path, near], prefix),
        known,
      );
    }
    case "invalid_type": {
      const expected = describeExpected(issue.expected, schemaAt(root, issue.path));
      if (input === undefined) return propMissing(prop, expected);
      return propWrongType(prop, input, describeReceived(input), expected);
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => String(v));
      return propNotOneOf(prop, input, allowed, nearestValue(input, allowed));
    }
    case "custom":
    case "invalid_union": {
      const s = schemaAt(root, issue.path);
      if (s?.description !== undefined) {
        if (input === undefined) return propMissing(prop, s.description);
        return propWrongType(prop, input, describeReceived(input), s.description);
      }
      return propInvalid(prop, input, issue.message);
    }
    default:
      return propInvalid(prop, input, issue.message);
  }
}

/** The schema a path leads to, through optional wrappers, objects, arrays and records. */
function schemaAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const key of path) {
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(key)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
    s = s === undefined ? undefined : unwrap(s);
  }
  return s;
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault) {
    cur = cur.unwrap() as z.ZodType;
  }
  return cur;
}

function knownKeys(s: z.ZodType | undefined): string[] {
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function describeExpected(expected: string, s: z.ZodType | undefined): string {
  if (s instanceof z.ZodArray) {
    const element = unwrap(s.element as z.ZodType);
    return `an array of ${element instanceof z.ZodObject ? "objects" : `${element.def.type}s`}`;
  }
  if (s instanceof z.ZodEnum) return `one of ${s.options.map(String).join(", ")}`;
  if (s !== undefined && s.def.type === "custom") return s.description ?? "an object of the expected class";
  if (expected === "object") return "an object";
  if (expected === "number") return "a finite number";
  return `a ${expected}`;
}

function describeReceived(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return "not a finite number";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function nearestValue(input: unknown, allowed: string[]): string | undefined {
  if (typeof input !== "string") return undefined;
  const near = nearest(input, allowed);
  return near === undefined ? undefined : JSON.stringify(near);
}

/** The closest candidate by edit distance (case-insensitive), when it is close enough to be a typo. */
export function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = word.toLowerCase().replace(/[_-]/g, "");
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase().replace(/[_-]/g, ""));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
