/**
 * One token resolution of each element per synthesis, where cdktf makes two (issue 17).
 *
 * `App.synth` first calls every stack's `prepareStack`, which resolves each element's
 * `toTerraform()` (to register cross-stack references) and discards the result; then each stack's
 * synthesizer calls `toTerraform()`, which resolves every element again. For a stack holding the
 * library's constructs, the preparing pass keeps what it resolved, and the `toTerraform()` made
 * during the stack's own synthesis is built from those results instead of resolving the elements
 * afresh (then merged as cdktf merges them). Preparing and final resolution give
 * the same values: a cross-stack reference resolves to the same remote state expression once
 * registered, and elements added while preparing (remote state, outputs) are resolved afresh.
 *
 * Kept only when nothing can change an element between the two: every aspect synthesis runs on the
 * stack must be a policy pack or one of the library's JSON-inert aspects (the provider bindings the
 * provider aspects would set are set before preparing). Used once, only by a `toTerraform()` made
 * while the stack's synthesizer runs (the pack's or the synthesizer's own), and dropped when that
 * synthesizer returns or throws: a call from anywhere else (`Testing.synth`, which does not prepare,
 * a user after a failed synthesis) resolves afresh. Held from preparing to the stack's synthesis
 * (about 40 MB at 1,000 environments); measured in bench/PROFILE.md (issue 17, third and fourth pass).
 */
import {
  DefaultTokenResolver,
  StringConcat,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  Token,
  Tokenization,
} from "cdktf";
import { resolve as cdktfResolve } from "cdktf/lib/tokens/private/resolve"; // what Tokenization.resolve calls
import { deepMerge } from "cdktf/lib/util"; // cdktf's own merge, as its toTerraform uses it
import { IConstruct } from "constructs";
import { childId } from "./strings";

const RESOLVER = new DefaultTokenResolver(new StringConcat());
const prepared = new WeakMap<TerraformStack, Map<TerraformElement, unknown>>();
const installed = new WeakSet<TerraformStack>();
const synthesizing = new WeakSet<TerraformStack>();

/**
 * Whether the stack is being synthesized with its preparing resolution kept: it passed the aspect
 * check and had its provider bindings settled when it was prepared.
 */
export function hasPreparedResolution(stack: TerraformStack): boolean {
  return synthesizing.has(stack) && prepared.has(stack);
}

/** The stack's elements as cdktf lists them (depth first, not into nested stacks). */
function elementsOf(node: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) if (!TerraformStack.isStack(child)) elementsOf(child, into);
  return into;
}

/**
 * Makes `stack` keep its preparing resolution for the `toTerraform()` that follows, when `reusable`
 * says nothing will change its elements in between; `settle` does before preparing what the
 * library's aspects would do to the elements after it. Once per stack.
 */
export function keepPreparedResolution(
  stack: TerraformStack,
  reusable: (stack: TerraformStack, nodes: readonly IConstruct[]) => boolean,
  settle: (nodes: readonly IConstruct[]) => void,
): void {
  if (installed.has(stack)) return;
  installed.add(stack);
  // what the stack did before: an instance's own method, else its class's, looked up when called
  const before = <K extends "prepareStack" | "toTerraform">(
    name: K,
  ): (() => ReturnType<TerraformStack[K]>) => {
    const instance = Object.prototype.hasOwnProperty.call(stack, name) ? stack[name] : undefined;
    return () => (instance ?? (Object.getPrototypeOf(stack) as TerraformStack)[name]).call(stack);
  };
  const prepare = before("prepareStack");
  const toTerraform = before("toTerraform");
  stack.prepareStack = () => {
    prepared.delete(stack);
    const nodes = stack.node.findAll();
    if (!reusable(stack, nodes)) return prepare();
    settle(nodes);
    // ids a user computed are thin strings too (lib/core/strings.ts): the same characters,
    // internalized, so that the paths and logical ids joined from them below stay one-byte
    for (const node of nodes) {
      const id = node.node.id;
      if (id) (node.node as { id: string }).id = childId(id);
    }
    stack.ensureBackendExists(); // as cdktf's prepareStack does first
    const fragments = new Map<TerraformElement, unknown>();
    for (const element of elementsOf(stack)) {
      fragments.set(element, resolvePreparing(element.toTerraform(), stack));
    }
    prepared.set(stack, fragments);
  };
  const synthesizer = stack.synthesizer;
  const synthesize = synthesizer.synthesize.bind(synthesizer);
  synthesizer.synthesize = (session) => {
    synthesizing.add(stack);
    try {
      synthesize(session);
    } finally {
      synthesizing.delete(stack);
      prepared.delete(stack);
    }
  };
  stack.toTerraform = () => {
    const fragments = synthesizing.has(stack) ? prepared.get(stack) : undefined;
    if (fragments === undefined) return toTerraform();
    prepared.delete(stack);
    return assemble(stack, fragments);
  };
}

/**
 * cdktf 0.21's `TerraformStack.toTerraform()` (pinned exactly), step for step, with each element's
 * fragment as resolved while preparing instead of resolved again; elements added since (remote
 * state, cross-stack outputs) are resolved here. The whole is resolved once more, as cdktf does, only
 * when the stack's overrides need it (see below). test/core/prepared.test.ts compares the result with
 * cdktf's own `toTerraform()`.
 */
function assemble(stack: TerraformStack, fragments: Map<TerraformElement, unknown>): unknown {
  const internals = stack as unknown as { rawOverrides: Record<string, unknown>; cdktfVersion: string };
  const overrides = internals.rawOverrides;
  const resolve = (value: unknown) =>
    Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
  const metadata: Record<string, unknown> = {
    version: internals.cdktfVersion,
    stackName: stack.node.id,
    backend: "local",
    cloud: undefined,
    ...(Object.keys(overrides).length > 0 ? { overrides: { stack: Object.keys(overrides) } } : {}),
  };
  const elements = elementsOf(stack);
  for (const element of elements) deepMerge(metadata, resolve(element.toMetadata()));
  const outputs: Record<string, unknown> = {};
  let deepOutput = false;
  for (const element of elements) {
    if (!TerraformOutput.isTerraformOutput(element)) continue;
    // { <path part>: { ... { <last part>: <output's logical id> } } }, as cdktf nests them
    const parts = element.node.path.split("/");
    if (parts.length > 190) deepOutput = true; // cdktf's whole pass refuses paths over 200 levels
    let nested: unknown = element.friendlyUniqueId;
    for (let i = parts.length - 1; i >= 0; i--) nested = { [parts[i]]: nested };
    deepMerge(outputs, nested);
  }
  const tf: Record<string, unknown> = { "//": { metadata, outputs } };
  for (const element of elements) {
    deepMerge(tf, fragments.has(element) ? fragments.get(element) : resolve(element.toTerraform()));
  }
  if (deepOutput || !isPlainData(overrides)) {
    deepMerge(tf, overrides);
    return resolve(tf);
  }
  // a copy: deepMerge puts arrays in by reference, and the result must not share the stack's own
  deepMerge(tf, structuredClone(overrides));
  // Everything merged is resolved already (fragments, metadata, fresh elements) or plain data
  // (ids, the overrides): resolving the whole again, as cdktf does, would return the same values
  // in new objects; it was the largest single step of a synthesis (issue 17). What that pass would
  // still do: drop the metadata's `cloud` when no backend set it.
  if (metadata.cloud === undefined) delete metadata.cloud;
  return tf;
}

/**
 * Whether cdktf's resolution of the stack's overrides, once merged, would return them unchanged:
 * text {@link isPlainText}, numbers above -1e288 other than the map token number (a number token is
 * about -8.2e298, an element of a number-list token about -1.9e289), booleans, null, and arrays and
 * plain objects of those. `undefined` only as an object member outside any array, where cdktf's
 * merge deletes the key; in an array (or in an object inside one) the merge keeps it and only the
 * resolution would drop it. Anything else (a token, a class instance, a function) is left to a
 * full resolution.
 */
function isPlainData(value: unknown, depth = 0, inArray = false): boolean {
  if (depth > 100) return false;
  if (value === undefined) return !inArray;
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "string") return isPlainText(value);
  if (typeof value === "number") return value > -1e288 && value !== Token.NUMBER_MAP_TOKEN_VALUE;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || value[i] === undefined || !isPlainData(value[i], depth + 1, true)) return false;
    }
    return true;
  }
  if (typeof value !== "object" || Tokenization.isResolvable(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.keys(value).every(
    (k) => isPlainText(k) && isPlainData((value as Record<string, unknown>)[k], depth + 1, inArray),
  );
}

/**
 * cdktf 0.21's preparing resolution of one element's `toTerraform()`, with what it would return
 * unchanged taken as it is: a string without a token marker, a map token value or anything cdktf's
 * number-token pass looks at; a literal number; booleans, null; and new arrays and objects of those
 * (undefined members dropped, as cdktf does). Everything else (a token string, an encoded number,
 * a list or map token, a resolvable, a construct, a function, a key that is not plain text) is
 * handed to cdktf's own `resolve` at the same path, which resolves it, registers its cross-stack
 * references and throws its errors exactly as the whole pass would. Most of a resource's values are
 * plain, and cdktf builds two closures and a path string per value (issue 17).
 * test/core/prepared.test.ts compares it with cdktf's pass on every element of the examples.
 */
export function resolvePreparing(value: unknown, scope: IConstruct): unknown {
  return resolveAt(value, [], scope);
}

function resolveAt(value: unknown, prefix: string[], scope: IConstruct): unknown {
  const cdktf = () =>
    cdktfResolve(value, { scope, preparing: true, resolver: RESOLVER, prefix: [...prefix] });
  if (prefix.length > 200) return cdktf(); // cdktf's circular-reference error, with its path
  switch (typeof value) {
    case "undefined":
    case "boolean":
    case "bigint":
    case "symbol":
      return value;
    case "string":
      return isPlainText(value) ? value : cdktf();
    case "number":
      return value > -1e298 && value !== Token.NUMBER_MAP_TOKEN_VALUE ? value : cdktf();
    case "function":
      return cdktf();
  }
  if (value === null || value instanceof Date) return value;
  if (Array.isArray(value)) {
    if (
      value.some(
        (x) => (typeof x === "string" && x.includes("TfToken[")) || (typeof x === "number" && !(x > -1e288)),
      )
    )
      return cdktf(); // a list token among them (a list number token is about -1.9e289)
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      prefix.push(`${i}`);
      const x = resolveAt(value[i], prefix, scope);
      prefix.pop();
      if (x !== undefined) out.push(x);
    }
    return out;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (
    typeof object.resolve === "function" ||
    (object._children !== undefined && object._metadata !== undefined) ||
    !keys.every(isPlainText)
  )
    return cdktf();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    prefix.push(key);
    const x = resolveAt(object[key], prefix, scope);
    prefix.pop();
    if (x !== undefined) out[key] = x;
  }
  return out;
}

/** cdktf's number-token pass over a string (its regex, without the global flag). */
const NUMBER_TOKEN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

/** Whether cdktf's resolution returns a string as it is (no token of any kind, no map token value). */
function isPlainText(text: string): boolean {
  return (
    !text.includes("TfToken[") &&
    text !== Token.STRING_MAP_TOKEN_VALUE &&
    text !== Token.ANY_MAP_TOKEN_VALUE &&
    !NUMBER_TOKEN_TEXT.test(text)
  );
}
