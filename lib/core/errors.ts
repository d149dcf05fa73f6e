/**
 * The library's validation errors. Every error has a stable code (`PE-<AREA>-<NNN>`), names the
 * prop, shows the value received and says what is allowed. Each area keeps its factories in its own
 * file beside this one (`errors-vpn.ts`, ...); codes never change meaning once released.
 */
import { Token, Tokenization } from "cdktf";

/** An input the library refuses, found at synth time before anything reaches Terraform. */
export class PrivateEgressError extends Error {
  /** Stable code, e.g. `PE-VPN-012`. */
  public readonly code: string;
  /** The prop (or prop path) at fault, e.g. `tunnel1.insideCidr`. */
  public readonly prop: string;
  /** The message without the code. */
  public readonly detail: string;

  constructor(code: string, prop: string, text: string) {
    const message = readableTokens(text);
    super(`[${code}] ${message}`);
    this.name = "PrivateEgressError";
    this.code = code;
    this.prop = prop;
    this.detail = message;
  }

  /** The same error, naming the prop by the path the caller used (e.g. `privateCidrs[0]` for a block's `cidr`). */
  public withProp(prop: string): PrivateEgressError {
    return new PrivateEgressError(this.code, prop, this.detail.split(`\`${this.prop}\``).join(`\`${prop}\``));
  }
}

/**
 * Runs `fn`; a `PrivateEgressError` it throws is re-thrown naming the prop as `rename` says (when it
 * returns a name). A composed construct uses it so errors of its building blocks name the composed
 * construct's own props.
 *
 * @example
 * withPropPath((p) => (p === "cidr" ? `privateCidrs[${i}]` : undefined), () => segment.addPrivateRoute(cidr, vgw));
 */
export function withPropPath<T>(rename: (prop: string) => string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PrivateEgressError) {
      const prop = rename(e.prop);
      if (prop !== undefined && prop !== e.prop) throw e.withProp(prop);
    }
    throw e;
  }
}

/**
 * A message never shows cdktf's token markers (`${TfToken[TOKEN.12]}`), which mean nothing to a
 * reader: a reference shows as the Terraform address it points at, anything else as a value known
 * only at apply.
 */
function readableTokens(text: string): string {
  if (!text.includes("TfToken[")) return text;
  return text.replace(/[$#&]\{TfToken\[[A-Za-z0-9:._-]+\]\}/g, (marker) => {
    const token = marker.startsWith("$") ? Tokenization.reverseString(marker).firstToken : undefined;
    const identifier = (token as { identifier?: unknown } | undefined)?.identifier;
    return typeof identifier === "string"
      ? `${identifier} (known only at apply)`
      : "(a value known only at apply)";
  });
}

/** Renders a received value for a message: strings as-is, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number" && Token.isUnresolved(value)) return "(a number known only at apply)";
  if (value === undefined) return "undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value); // JSON prints null
  return JSON.stringify(value);
}

/**
 * The common shape: "`prop` <value> <problem>; <allowed>".
 *
 * @example
 * throw invalid("PE-VPN-012", "tunnel1.insideCidr", "169.254.1.0/30", "is reserved by AWS", "choose another /30 in 169.254.0.0/16");
 */
export function invalid(
  code: string,
  prop: string,
  value: unknown,
  problem: string,
  allowed: string,
): PrivateEgressError {
  return new PrivateEgressError(code, prop, `\`${prop}\` ${show(value)} ${problem}; ${allowed}`);
}
