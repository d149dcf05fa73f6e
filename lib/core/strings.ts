// Construct ids, paths and texts the library computes, in the form V8 handles fastest (issue 17).
//
// A computed string used as a property key is internalized in place: V8 turns the original into a
// "thin string" pointing at the internalized copy. `constructs` keeps a scope's children by id, so
// every computed id (`PrivateRoute-${key}`) becomes one the moment it is passed to a constructor.
// Node 20's `Array.prototype.join` treats a thin string as two-byte, so a `node.path` or a cdktf
// logical id joined from it is stored two bytes per character, although it is plain ASCII; so is
// every string built from those, up to the whole `cdk.tf.json` text, which json-stable-stringify
// then assembles and `writeFileSync` encodes at 2-3x the cost (bench/PROFILE.md). Handing
// constructors the internalized copy leaves nothing to thin out; texts that end up in the synthesized
// JSON are joined by concatenation, which looks through thin strings. Values are unchanged.
import type { IConstruct } from "constructs";

// Internalized through one dictionary-mode object (`Object.create(null)` makes one): adding a key to
// it adds no hidden class. The object literal `{ [text]: 0 }` added a transition per distinct id to
// the map every `{}` starts from; once that map's transitions were full, objects built alike by cdktf
// no longer shared maps, and synthesizing 1,000 environments built ~860 MB of old-generation garbage
// (peak RSS 957 MB -> 1.6 GB). test/core/strings.test.ts checks maps are still shared.
const interned: Record<string, number> = Object.create(null);

/** `text` as V8's internalized copy: the same characters, safe to pass as a construct id. */
export function childId(text: string): string {
  interned[text] = 0;
  let id = text;
  for (const key in interned) id = key; // the only key: the internalized copy
  delete interned[text];
  return id;
}

/** `construct.node.path`, joined without `Array.prototype.join` (see above); the same text. */
export function nodePath(construct: IConstruct): string {
  let path = "";
  for (const scope of construct.node.scopes) {
    const id = scope.node.id;
    if (id) path = path ? `${path}/${id}` : id;
  }
  return flat(path);
}

/** `parts.join(separator)`, assembled by concatenation (see above); the same text. */
export function joinText(parts: readonly (string | number)[], separator = ""): string {
  let text = parts.length > 0 ? `${parts[0]}` : "";
  for (let i = 1; i < parts.length; i++) text = `${text}${separator}${parts[i]}`;
  return flat(text);
}

/**
 * `text` stored as one flat string. Concatenation builds a tree of V8 "cons strings" that holds every
 * part until something reads the text (a 6 KB YAML text of 2,000 parts held 78 KB, measured alone).
 * Reading one character makes V8 flatten it, and the tree becomes garbage while still young.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
