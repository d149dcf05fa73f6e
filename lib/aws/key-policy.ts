/**
 * IAM/KMS policy documents written as one literal Terraform expression,
 * `${jsonencode({...})}`, with plain references to the resources they name.
 *
 * Built with `Fn.jsonencode` around `Fn.element(Fn.split(...))`, a key policy costs every cdktf
 * token-resolution pass ~20x what a literal string costs (issue 17). This module renders the same
 * HCL text cdktf renders for that expression, byte for byte, from one lazy token per policy: the
 * referenced resources' logical ids are read when the stack resolves, so `overrideLogicalId` is
 * honoured.
 *
 * Only text this module can render exactly is accepted ({@link isLiteralSafe}); callers fall back to
 * `Fn.jsonencode` for anything else (a token, a quote, `${`, a newline).
 *
 * @internal
 */
import { TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { lazyText } from "../core/tokens";
import { joinText } from "../core/strings";

/** A bare HCL expression inside a policy (rendered without quotes). */
export class HclExpr {
  constructor(public readonly text: string) {}
  /** The expression inside a string: `"arn:${expr}:..."`. */
  public toString(): string {
    return `\${${this.text}}`;
  }
}

/** A policy value: a string (which may embed `${expr}` from {@link HclExpr}), an expression, a list or a map. */
export type PolicyValue = string | HclExpr | readonly PolicyValue[] | { readonly [key: string]: PolicyValue };

/** `<type>.<logical id>.<attribute>` of a resource, read at resolution time. */
export function attributeOf(resource: TerraformResource, attribute: string): HclExpr {
  return new HclExpr(`${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}`);
}

/** `element(split(":", <arn>), i)`: one field of an ARN. */
export function arnField(arn: HclExpr, i: number): HclExpr {
  return new HclExpr(`element(split(":", ${arn.text}), ${i})`);
}

const SAFE_TEXT = /^[A-Za-z0-9 _.,:;/#*+=@()[\]{}<>!?|&%'~^-]*$/;

/**
 * Whether a literal string renders the same here as through `Fn.jsonencode`: no token, no quote, no
 * backslash, no `$`, no newline.
 */
export function isLiteralSafe(text: string): boolean {
  return SAFE_TEXT.test(text);
}

function render(value: PolicyValue): string {
  if (value instanceof HclExpr) return value.text;
  if (typeof value === "string") return `"${value}"`;
  if (Array.isArray(value)) return `[${joinText(value.map(render), ", ")}]`;
  const map = value as { readonly [key: string]: PolicyValue };
  return `{${joinText(
    Object.keys(map).map((k) => `"${k}" = ${render(map[k])}`),
    ", ",
  )}}`;
}

/** The `${jsonencode(...)}` text of a policy (exported for tests). */
export function renderJsonencode(value: PolicyValue): string {
  return `\${jsonencode(${render(value)})}`;
}

/**
 * A `${jsonencode(...)}` string built when the stack resolves. `build` runs at every resolution and
 * must only read logical ids (through {@link attributeOf}).
 */
export function literalPolicy(build: () => PolicyValue): string {
  return lazyText(() => renderJsonencode(build()));
}

/** Whether every construct lives in `scope`'s stack (a literal reference cannot cross stacks). */
export function sameStack(scope: IConstruct, ...others: IConstruct[]): boolean {
  const stack = TerraformStack.of(scope);
  return others.every((o) => TerraformStack.of(o) === stack);
}
