import { IResolvable, Token } from "cdktf";

/**
 * Whether a value is only known at apply time: cdktf's `Token.isUnresolved`, nothing broader. A
 * literal string carrying `${` is not a token: the input boundary (`lib/core/boundary.ts`) refuses it
 * in identifiers and escapes it in free text, and validators check it like any other literal.
 * (Checks over synthesized JSON, where references are already `${...}` text, use
 * `isExpression` of `lib/checks/view.ts` instead.)
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  // cdktf encodes a number token as a double whose top 16 bits are 0xfdff: -8.1e298 to -8.4e298.
  // Any number above -1e298 is a literal; decided here without the buffer cdktf's check allocates.
  if (typeof value === "number" && value > -1e298) return false;
  return Token.isUnresolved(value);
}

const EXPRESSION = /(^|[^$])\$\{|(^|[^%])%\{/;

/**
 * Whether a string of synthesized JSON (the policy pack's view) holds a live Terraform template: a
 * `${` or `%{` that is not escaped as `$${` / `%%{`.
 */
export function isSynthesizedExpression(value: unknown): boolean {
  return typeof value === "string" && EXPRESSION.test(value);
}

/**
 * For validators run over synthesized JSON: each string holding a live Terraform template (a
 * reference such as `${aws_vpc.Vpc.cidr_block}`, known at apply) becomes a cdktf token, so the
 * validators skip it exactly as they skip tokens in construct props. Other values are returned as they are.
 */
export function expressionsAsTokens<T>(value: T): T {
  if (isSynthesizedExpression(value)) return expressionToken(value as unknown as string) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => expressionsAsTokens(v)) as unknown as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, expressionsAsTokens(v)]),
    ) as T;
  }
  return value;
}

/**
 * A string token whose text `produce` gives at resolution. Unlike `Lazy.stringValue`, it records no
 * creation stack trace: for the library's own values (a trace would point into the library) cdktf's
 * trace is the largest cost of making a token.
 */
export function lazyText(produce: () => string): string {
  return Token.asString(new ProducedText(produce));
}

class ProducedText implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly produce: () => string) {}
  public resolve(): string {
    return this.produce();
  }
  public toString(): string {
    return Token.asString(this);
  }
}

/** One token per distinct synthesized expression (it resolves to its own text); bounded. */
const expressionTokens = new Map<string, string>();
const MAX_EXPRESSION_TOKENS = 100_000;

function expressionToken(text: string): string {
  let token = expressionTokens.get(text);
  if (token === undefined) {
    token = lazyText(() => text);
    if (expressionTokens.size >= MAX_EXPRESSION_TOKENS) expressionTokens.clear();
    expressionTokens.set(text, token);
  }
  return token;
}
