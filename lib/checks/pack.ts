/**
 * The policy pack as a cdktf Aspect: evaluates every rule on what each stack will really synthesize
 * (escape hatches and raw provider resources included) and reports findings as annotations with
 * stable ids, at the severity the profile gives each rule.
 */
import { AnnotationMetadataEntryType, Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { evaluateStack, formatFinding, PolicyFinding } from "./evaluate";
import { PolicyProfile, Severity } from "./profiles";
import { PolicyRule } from "./rule";
import { ALL_RULES } from "./rules";
import { stackViewFromJson } from "./view";
import { checkProps } from "../core/boundary";
import { markPolicyPack, onlyLibraryAspects, runsFromApp, settleProviderBindings } from "../core/providers";
import { hasPreparedResolution } from "../core/prepared";

/** Props of {@link PolicyPack}. */
export interface PolicyPackProps {
  /**
   * The baseline the stack is held to.
   * @default PolicyProfile.FEDERAL_STRICT
   */
  readonly profile?: PolicyProfile;
  /**
   * The rules to run.
   * @default ALL_RULES (every rule of docs/policy-rules.md)
   */
  readonly rules?: readonly PolicyRule[];
}

/** The nearest stack at or above a node (its own scope chain walked up: no array per visit). */
function stackOf(node: IConstruct): TerraformStack | undefined {
  for (let c: IConstruct | undefined = node; c !== undefined; c = c.node.scope) {
    if (TerraformStack.isStack(c)) return c;
  }
  return undefined;
}

/**
 * The node of `stack` at a construct path (`stack/Env/Vpn`), or undefined when the path is not
 * below the stack: looked up child by child for the few paths findings name, instead of spelling
 * the path of every node.
 */
function nodeAt(stack: TerraformStack, path: string): IConstruct | undefined {
  const prefix = stack.node.path === "" ? "" : `${stack.node.path}/`;
  if (!path.startsWith(prefix) || path === prefix) return undefined;
  let node: IConstruct | undefined = stack;
  for (const id of path.slice(prefix.length).split("/")) {
    node = node.node.tryFindChild(id);
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * The JSON a pack evaluated, handed to the `toTerraform()` call that follows in the same synthesis
 * (cdktf's `StackSynthesizer` and `Testing.synth` call it right after the aspects): one token
 * resolution pass per stack instead of two. Used once, and only within the same synchronous run.
 */
const handedOver = new WeakMap<TerraformStack, Record<string, unknown>>();
/** Each stack's own `toTerraform` (before {@link reuseEvaluatedJson} wrapped it). */
const ownToTerraform = new WeakMap<TerraformStack, () => Record<string, unknown>>();

/** Resolves the stack exactly as synthesis will (never a handed-over copy). */
function resolveStack(stack: TerraformStack): Record<string, unknown> {
  const own = ownToTerraform.get(stack);
  return (own ? own() : stack.toTerraform()) as Record<string, unknown>;
}

/**
 * Hands `json` to the stack's next `toTerraform()` call, which synthesis makes right after the
 * aspects and validations. A synthesis that never gets there must not leave it behind for a later
 * call: it is dropped when validations throw, when the stack is rendered as HCL instead, and at the
 * end of the current synchronous run; the caller does not hand it over when an error annotation
 * will stop synthesis first.
 */
function handOver(stack: TerraformStack, json: Record<string, unknown>): void {
  if (!ownToTerraform.has(stack)) {
    const own = stack.toTerraform.bind(stack) as () => Record<string, unknown>;
    ownToTerraform.set(stack, own);
    stack.toTerraform = () => {
      const ready = handedOver.get(stack);
      if (ready === undefined) return own();
      handedOver.delete(stack);
      return ready;
    };
    const validations = stack.runAllValidations.bind(stack);
    stack.runAllValidations = () => {
      try {
        validations();
      } catch (e) {
        handedOver.delete(stack);
        throw e;
      }
    };
    const hcl = stack.toHclTerraform.bind(stack);
    stack.toHclTerraform = () => {
      handedOver.delete(stack);
      return hcl();
    };
  }
  handedOver.set(stack, json);
  queueMicrotask(() => {
    if (handedOver.get(stack) === json) handedOver.delete(stack);
  });
}

/**
 * Adds a finding as an annotation of the construct it names (once), as `Annotations.of(...)` would
 * but without a stack trace: one would show where the pack's aspect ran during synthesis, which says
 * nothing about the finding and made up most of `manifest.json`.
 */
function annotate(node: IConstruct, type: AnnotationMetadataEntryType, message: string): void {
  if (node.node.metadata.some((m) => m.type === type && m.data === message)) return;
  node.node.addMetadata(type, message);
}

/**
 * Define a policy pack that checks each stack it is applied to at synth time. Error findings fail
 * `cdktf synth` (and `Testing.fullSynth`); suppressed findings are reported as info with their reason.
 * Apply it to an App or a stack with `applyTo`, or add it with `Aspects.of(app).add(pack)` (which
 * cdktf 0.21 does not run from the App by itself: the pack reaches every stack holding a construct of
 * this library); the profile is recorded in the stack's `//` entry for `check`.
 *
 * @example
 * PolicyPack.applyTo(app, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
 */
export class PolicyPack implements IAspect {
  /**
   * Adds one pack to a stack, or to every stack below an App (or any scope holding stacks), and
   * returns it. cdktf 0.21 invokes aspects from each stack down, so an aspect added to the App
   * itself never runs; stacks created after this call are not covered.
   */
  public static applyTo(scope: IConstruct, props: PolicyPackProps = {}): PolicyPack {
    const pack = new PolicyPack(props);
    if (stackOf(scope) !== undefined) {
      Aspects.of(scope).add(pack);
    } else {
      for (const stack of scope.node
        .findAll()
        .filter((c): c is TerraformStack => TerraformStack.isStack(c))) {
        Aspects.of(stack).add(pack);
      }
    }
    return pack;
  }

  /** The profile the pack evaluates. */
  public readonly profile: PolicyProfile;
  /** The rules the pack runs. */
  public readonly rules: readonly PolicyRule[];
  private readonly findingsByStack = new Map<string, PolicyFinding[]>();
  private readonly rooted = new WeakSet<TerraformStack>();

  constructor(props: PolicyPackProps = {}) {
    checkProps("PolicyPackProps", props);
    this.profile = props.profile ?? PolicyProfile.FEDERAL_STRICT;
    this.rules = props.rules ?? ALL_RULES;
    // `Aspects.of(app).add(pack)` reaches each stack that holds a construct of this library
    runsFromApp(this);
    markPolicyPack(this);
  }

  /** The findings of the last evaluation of each stack (suppressed ones included, marked). */
  public findings(): PolicyFinding[] {
    return [...this.findingsByStack.values()].flat();
  }

  public visit(node: IConstruct): void {
    const stack = stackOf(node);
    if (!stack) return;
    if (node === stack) {
      this.rooted.add(stack);
      this.evaluate(stack, node);
    } else if (!this.rooted.has(stack)) {
      // Applied below the stack: the first node visited is the root of the reported subtree.
      this.rooted.add(stack);
      this.evaluate(stack, node);
    }
  }

  private evaluate(stack: TerraformStack, root: IConstruct): void {
    stack.addOverride("//.policy_pack", { profile: this.profile });
    handedOver.delete(stack);
    const nodes = stack.node.findAll();
    // the stack's next `toTerraform()` may be given this resolution only when nothing can change the
    // stack before that call: every aspect on it is a pack (the last one's resolution is handed over)
    // or a JSON-inert library aspect; asset writes and validations do not change the JSON, rules must
    // not mutate what they read. A stack prepared this synthesis passed that check, providers settled.
    const prepared = hasPreparedResolution(stack);
    const reusable = prepared || onlyLibraryAspects(stack, nodes);
    // the library's provider aspects would set these after this visit: set them before resolving a
    // JSON that synthesis will write (with another aspect present they keep their usual turn)
    if (reusable && !prepared) settleProviderBindings(nodes);
    const json = resolveStack(stack);
    const view = stackViewFromJson(json, stack.node.id);
    const findings = evaluateStack(view, { profile: this.profile, rules: this.rules });
    this.findingsByStack.set(stack.node.path, findings);
    const rootPath = root.node.path;
    for (const f of findings) {
      const target = (f.constructPath !== undefined ? nodeAt(stack, f.constructPath) : undefined) ?? stack;
      const path = target.node.path;
      if (target !== stack && path !== rootPath && !path.startsWith(`${rootPath}/`)) continue;
      const text = formatFinding(f);
      if (f.suppressedBecause !== undefined) {
        annotate(target, AnnotationMetadataEntryType.INFO, `${text} suppressed: ${f.suppressedBecause}`);
      } else if (f.severity === Severity.ERROR) {
        annotate(target, AnnotationMetadataEntryType.ERROR, text);
      } else {
        annotate(target, AnnotationMetadataEntryType.WARN, text);
      }
    }
    // an error annotation (the pack's or any construct's) stops synthesis before it resolves
    const failing = nodes.some((c) =>
      c.node.metadata.some((m) => m.type === AnnotationMetadataEntryType.ERROR),
    );
    if (reusable && !failing) handOver(stack, json);
  }
}
