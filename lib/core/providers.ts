/**
 * Providers for the resources a construct creates, and App-level policy packs. Every construct of
 * the library calls `bindProviders` once in its constructor; it is the one hook the library has in
 * each stack before synthesis.
 */
import {
  Aspects,
  IAspect,
  TerraformDataSource,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from "cdktf";
import { IConstruct } from "constructs";
import { providerKindMismatch } from "./errors-provider";
import { keepPreparedResolution } from "./prepared";

/** The Terraform provider types the library creates resources of. */
type ProviderKind = "aws" | "cloudfoundry";

/** The providers a construct binds, by kind. */
interface ProviderBinding {
  readonly aws?: TerraformProvider;
  readonly cloudfoundry?: TerraformProvider;
}

const bindings = new WeakMap<IConstruct, Map<ProviderKind, TerraformProvider>>();
const forwarding = new WeakSet<TerraformStack>();
const APP_ASPECT = Symbol.for("cdktf-private-egress.app-aspect");
const JSON_INERT = Symbol.for("cdktf-private-egress.json-inert-aspect");
const POLICY_PACK = Symbol.for("cdktf-private-egress.policy-pack");

/** Marks an aspect with one of the flags above (a symbol property: aspects are plain objects too). */
function mark<T extends IAspect>(aspect: T, flag: symbol): T {
  (aspect as unknown as Record<symbol, boolean>)[flag] = true;
  return aspect;
}

function isMarked(aspect: IAspect, flag: symbol): boolean {
  return (aspect as unknown as Record<symbol, boolean>)[flag] === true;
}

/**
 * Marks one of the library's own aspects as leaving the synthesized JSON as it was when a policy
 * pack resolved the stack: it only adds annotations, forwards to packs, or makes changes the pack
 * has already made (see {@link settleProviderBindings}). A pack hands its resolution to synthesis
 * only when every aspect on the stack is a pack or marked so.
 */
export function markJsonInert<T extends IAspect>(aspect: T): T {
  return mark(aspect, JSON_INERT);
}

/** Marks a policy pack (it changes only the stack's `//.policy_pack` override). */
export function markPolicyPack<T extends IAspect>(aspect: T): T {
  return mark(aspect, POLICY_PACK);
}

/**
 * Whether every aspect synthesis runs on the stack (on it, below it or above it) is a policy pack or
 * one of the library's JSON-inert aspects: then nothing but the `//.policy_pack` override and the
 * provider bindings ({@link settleProviderBindings}) changes between the stack's resolutions.
 */
export function onlyLibraryAspects(stack: TerraformStack, nodes: readonly IConstruct[]): boolean {
  const known = (c: IConstruct) =>
    Aspects.of(c).all.every((a) => isMarked(a, JSON_INERT) || isMarked(a, POLICY_PACK));
  return nodes.every(known) && stack.node.scopes.every(known);
}

/**
 * Binds the given providers to every resource and data source created below `scope` (now or later,
 * e.g. by `addXxx` methods) whose type belongs to that provider, unless a construct nearer to the
 * resource binds its own. Refuses a provider of the wrong kind, naming the prop.
 */
export function bindProviders(
  scope: IConstruct,
  binding: ProviderBinding,
  props: Record<ProviderKind, string> = { aws: "provider", cloudfoundry: "provider" },
): void {
  const bound = new Map<ProviderKind, TerraformProvider>();
  for (const kind of ["aws", "cloudfoundry"] as const) {
    const provider = checkProviderKind(props[kind], binding[kind], kind);
    if (provider !== undefined) bound.set(kind, provider);
  }
  if (bound.size > 0) {
    bindings.set(scope, bound);
    Aspects.of(scope).add(markJsonInert(new ProviderAspect()));
  }
  forwardAppAspects(scope);
}

/** Returns the provider after checking it serves `kind` resources; throws naming `prop` otherwise. */
export function checkProviderKind(
  prop: string,
  provider: TerraformProvider | undefined,
  kind: ProviderKind,
): TerraformProvider | undefined {
  if (provider !== undefined && provider.terraformResourceType !== kind) {
    throw providerKindMismatch(prop, provider.terraformResourceType, kind);
  }
  return provider;
}

/** Sets the nearest bound provider on each resource and data source (and its import block). */
class ProviderAspect implements IAspect {
  public visit(node: IConstruct): void {
    bindNearestProvider(node);
  }
}

/**
 * Does now, for every resource and data source among `nodes` (a stack's), what the provider aspects
 * will do when synthesis visits them (idempotent: a node keeps a provider already set). A policy pack
 * calls it before resolving, so the JSON it hands to synthesis already names each resource's provider.
 */
export function settleProviderBindings(nodes: readonly IConstruct[]): void {
  for (const node of nodes) bindNearestProvider(node);
}

function bindNearestProvider(node: IConstruct): void {
  if (!(node instanceof TerraformResource) && !(node instanceof TerraformDataSource)) return;
  const kind = node.terraformResourceType.split("_")[0] as ProviderKind;
  const scopes = node.node.scopes;
  for (let i = scopes.length - 2; i >= 0; i--) {
    const provider = bindings.get(scopes[i])?.get(kind);
    if (provider === undefined) continue;
    if (node.provider === undefined || node.provider === provider) {
      node.provider = provider;
      // an `import` block must name the resource's provider (cdktf 0.21 keeps it in `_imported`)
      const imported = (node as unknown as { _imported?: { id: string; provider?: TerraformProvider } })
        ._imported;
      if (node instanceof TerraformResource && imported !== undefined && imported.provider === undefined) {
        node.importFrom(imported.id, provider);
      }
    }
    return;
  }
}

/**
 * Marks an aspect that should also run when it is added to the App (or any scope above a stack):
 * cdktf 0.21 invokes aspects from each stack down, so such an aspect would otherwise never run.
 */
export function runsFromApp(aspect: IAspect): void {
  mark(aspect, APP_ASPECT);
}

/** Once per stack: an aspect on the stack visits it with the marked aspects of the scopes above it. */
function forwardAppAspects(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (forwarding.has(stack)) return;
  forwarding.add(stack);
  keepPreparedResolution(stack, onlyLibraryAspects, settleProviderBindings);
  Aspects.of(stack).add(
    markJsonInert({
      visit(node: IConstruct): void {
        if (node !== stack) return;
        for (const above of stack.node.scopes.slice(0, -1)) {
          for (const aspect of Aspects.of(above).all) {
            if (isMarked(aspect, APP_ASPECT)) aspect.visit(stack);
          }
        }
      },
    }),
  );
}
