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

/** `text` as V8's internalized copy: the same characters, safe to pass as a construct id. */
export function childId(text: string): string {
  for (const key in { [text]: 0 }) return key;
  return text;
}

/** `construct.node.path`, joined without `Array.prototype.join` (see above); the same text. */
export function nodePath(construct: IConstruct): string {
  let path = "";
  for (const scope of construct.node.scopes) {
    const id = scope.node.id;
    if (id) path = path ? `${path}/${id}` : id;
  }
  return path;
}

/** `parts.join(separator)`, assembled by concatenation (see above); the same text. */
export function joinText(parts: readonly (string | number)[], separator = ""): string {
  let text = parts.length > 0 ? `${parts[0]}` : "";
  for (let i = 1; i < parts.length; i++) text = `${text}${separator}${parts[i]}`;
  return text;
}
