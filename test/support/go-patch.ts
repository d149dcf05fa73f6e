/**
 * A small go-patch implementation (the ops-file language `bosh int -o` and `bosh deploy -o` apply),
 * written from its documented semantics so the suite can apply the library's ops files to a
 * cf-deployment-shaped manifest. No npm package implements go-patch (`npm view go-patch` is a 404).
 *
 * Supported, as go-patch defines them:
 * - operations `replace` (set, append with `/-`, insert with `:before`/`:after`), `remove`, `test`;
 * - path tokens: map key `key`, array index `N` (negative counts from the end), `-` (after the last
 *   item), matcher `key=value`, each optionally `?` (missing parts are created by `replace`, and a
 *   missing optional part makes `remove` a no-op); once a token is optional, the rest are too;
 * - modifiers on index and matcher tokens: `:before`, `:after` (insert), `:prev`, `:next` (neighbour);
 * - escapes `~1` for `/` and `~0` for `~`.
 * Errors name the token, the path so far and what was found, like go-patch's.
 */

export type Yaml = unknown;
type YMap = { [key: string]: Yaml };

/** One go-patch operation. */
export interface GoPatchOp {
  readonly type: string;
  readonly path: string;
  readonly value?: Yaml;
  readonly absent?: boolean;
}

interface Token {
  readonly kind: "key" | "index" | "after-last" | "match";
  readonly key?: string;
  readonly value?: string;
  readonly index?: number;
  readonly optional: boolean;
  readonly modifier?: "before" | "after" | "prev" | "next";
}

function isMap(v: Yaml): v is YMap {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function unescape(text: string): string {
  return text.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Parses a go-patch path into tokens. */
export function parsePath(path: string): Token[] {
  if (path === "/") return [];
  if (!path.startsWith("/")) throw new Error(`Expected path '${path}' to start with '/'`);
  let optional = false;
  return path
    .slice(1)
    .split("/")
    .map((raw) => {
      let text = raw;
      let modifier: Token["modifier"];
      const mod = /:(before|after|prev|next)$/.exec(text);
      if (mod) {
        modifier = mod[1] as Token["modifier"];
        text = text.slice(0, mod.index);
      }
      if (text.endsWith("?")) {
        optional = true;
        text = text.slice(0, -1);
      }
      if (text === "-") return { kind: "after-last", optional } as Token;
      if (/^-?\d+$/.test(text)) return { kind: "index", index: Number(text), optional, modifier } as Token;
      const eq = text.indexOf("=");
      if (eq > 0) {
        return {
          kind: "match",
          key: unescape(text.slice(0, eq)),
          value: unescape(text.slice(eq + 1)),
          optional,
          modifier,
        } as Token;
      }
      if (modifier) throw new Error(`Modifier ':${modifier}' is not allowed on map key '${text}'`);
      return { kind: "key", key: unescape(text), optional } as Token;
    });
}

function render(tokens: Token[]): string {
  return (
    "/" +
    tokens
      .map((t) => {
        const base =
          t.kind === "key"
            ? t.key
            : t.kind === "index"
              ? String(t.index)
              : t.kind === "after-last"
                ? "-"
                : `${t.key}=${t.value}`;
        return `${base}${t.optional ? "?" : ""}${t.modifier ? `:${t.modifier}` : ""}`;
      })
      .join("/")
  );
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Index of the array item a token designates, after modifiers; -1 when a matcher finds nothing. */
function resolveIndex(arr: Yaml[], t: Token, at: string): number {
  let i: number;
  if (t.kind === "index") {
    i = (t.index as number) < 0 ? arr.length + (t.index as number) : (t.index as number);
    if (i < 0 || i >= arr.length) {
      throw new Error(
        `Expected to find array index '${t.index}' but found array of length '${arr.length}' for path '${at}'`,
      );
    }
  } else {
    const found = arr
      .map((item, n) => [item, n] as const)
      .filter(([item]) => isMap(item) && String(item[t.key as string]) === t.value);
    if (found.length > 1) {
      throw new Error(
        `Expected to find exactly one matching array item for path '${at}' but found ${found.length}`,
      );
    }
    if (found.length === 0) return -1;
    i = found[0][1];
  }
  if (t.modifier === "prev") i -= 1;
  if (t.modifier === "next") i += 1;
  if ((t.modifier === "prev" || t.modifier === "next") && (i < 0 || i >= arr.length)) {
    throw new Error(
      `Expected to find array index '${i}' but found array of length '${arr.length}' for path '${at}'`,
    );
  }
  return i;
}

function missingMatch(arr: Yaml[], t: Token, at: string): Error {
  return new Error(
    `Expected to find exactly one matching array item for path '${at}' but found 0 (${t.key} values: ${arr
      .filter(isMap)
      .map((i) => String(i[t.key as string]))
      .join(", ")})`,
  );
}

/** The value at a path (what `bosh int --path` prints); throws when it does not exist. */
export function getPath(doc: Yaml, path: string): Yaml {
  const tokens = parsePath(path);
  let cur = doc;
  tokens.forEach((t, n) => {
    const at = render(tokens.slice(0, n + 1));
    if (t.kind === "key") {
      if (!isMap(cur)) throw new Error(`Expected to find a map at path '${at}' but found '${typeof cur}'`);
      if (!(t.key! in cur)) {
        throw new Error(
          `Expected to find a map key '${t.key}' for path '${at}' (found map keys: ${Object.keys(cur).join(", ")})`,
        );
      }
      cur = cur[t.key!];
    } else {
      if (!Array.isArray(cur)) throw new Error(`Expected to find an array at path '${at}'`);
      if (t.kind === "after-last" || t.modifier === "before" || t.modifier === "after") {
        throw new Error(`Path '${at}' designates an insertion point, not a value`);
      }
      const i = resolveIndex(cur, t, at);
      if (i < 0) throw missingMatch(cur, t, at);
      cur = cur[i];
    }
  });
  return cur;
}

function applyOne(doc: Yaml, op: GoPatchOp): Yaml {
  const tokens = parsePath(op.path);
  if (op.type === "replace" && !("value" in op))
    throw new Error(`Replace operation '${op.path}' has no value`);
  if (tokens.length === 0) {
    if (op.type === "replace") return clone(op.value);
    if (op.type === "remove") throw new Error("Cannot remove the document root");
  }
  if (op.type === "test") {
    try {
      const v = getPath(doc, op.path);
      if (op.absent) throw new Error(`Expected to not find '${op.path}'`);
      if (JSON.stringify(v) !== JSON.stringify(op.value)) {
        throw new Error(`Found value does not match expected value for path '${op.path}'`);
      }
    } catch (e) {
      if (op.absent && !String((e as Error).message).startsWith("Expected to not find")) return doc;
      throw e;
    }
    return doc;
  }
  if (op.type !== "replace" && op.type !== "remove") throw new Error(`Unknown operation type '${op.type}'`);

  const root = clone(doc);
  let parent: Yaml = root;
  for (let n = 0; n < tokens.length; n++) {
    const t = tokens[n];
    const last = n === tokens.length - 1;
    const at = render(tokens.slice(0, n + 1));
    if (t.kind === "key") {
      if (!isMap(parent)) throw new Error(`Expected to find a map at path '${at}'`);
      const key = t.key!;
      if (last) {
        if (op.type === "replace") parent[key] = clone(op.value);
        else if (key in parent) delete parent[key];
        else if (!t.optional) throw new Error(`Expected to find a map key '${key}' for path '${at}'`);
        return root;
      }
      if (!(key in parent)) {
        if (!t.optional) {
          throw new Error(
            `Expected to find a map key '${key}' for path '${at}' (found map keys: ${Object.keys(parent).join(", ")})`,
          );
        }
        if (op.type === "remove") return root;
        parent[key] = tokens[n + 1].kind === "key" ? {} : [];
      }
      parent = parent[key];
      continue;
    }
    if (!Array.isArray(parent)) throw new Error(`Expected to find an array at path '${at}'`);
    const arr = parent;
    if (t.kind === "after-last") {
      if (!last || op.type !== "replace")
        throw new Error(`Expected not to find '-' in the middle of path '${at}' or with remove`);
      arr.push(clone(op.value));
      return root;
    }
    let i = resolveIndex(arr, t, at);
    if (i < 0) {
      if (!t.optional) throw missingMatch(arr, t, at);
      if (op.type === "remove") return root;
      arr.push(last ? clone(op.value) : { [t.key!]: t.value });
      if (last) return root;
      i = arr.length - 1;
    }
    if (t.modifier === "before" || t.modifier === "after") {
      if (!last || op.type !== "replace") {
        throw new Error(`Modifier ':${t.modifier}' must be the last token of a replace path ('${at}')`);
      }
      arr.splice(t.modifier === "before" ? i : i + 1, 0, clone(op.value));
      return root;
    }
    if (last) {
      if (op.type === "replace") arr[i] = clone(op.value);
      else arr.splice(i, 1);
      return root;
    }
    parent = arr[i];
  }
  return root;
}

/**
 * Applies an ops file (a list of operations) to a document, as `bosh int -o` does; the input is not
 * modified. The first failing operation throws with its index.
 */
export function applyOps(doc: Yaml, ops: GoPatchOp[]): Yaml {
  if (!Array.isArray(ops)) throw new Error("An ops file is a list of operations");
  return ops.reduce((acc, op, i) => {
    try {
      return applyOne(acc, op);
    } catch (e) {
      throw new Error(`Operation [${i}] (${op.type} ${op.path}) failed: ${(e as Error).message}`);
    }
  }, doc);
}
