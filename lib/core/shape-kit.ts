/**
 * The building blocks of the generated props schemas (lib/core/prop-shapes.generated.ts) for what a
 * JSON-like schema cannot say: a reference to something the caller built (a construct, a crypto
 * profile, a provider), a function, and "anything".
 */
import { z } from "zod";

/**
 * A reference of type `typeName`: an object (or a class instance) carrying the plain members every
 * reference of that type has, e.g. `vpcId` for an `IVpc`.
 */
export function ref(typeName: string, required: readonly string[]): z.ZodType {
  const what = required.length === 0 ? `a ${typeName}` : `a ${typeName} (with ${required.join(", ")})`;
  return z
    .custom<object>(
      (v) =>
        (typeof v === "object" || typeof v === "function") &&
        v !== null &&
        required.every((m) => (v as Record<string, unknown>)[m] !== undefined),
    )
    .describe(what);
}

/** A function. */
export function fn(typeName: string): z.ZodType {
  return z.custom<(...args: unknown[]) => unknown>((v) => typeof v === "function").describe(typeName);
}

/** Any value, including none: for props typed `unknown` (BOSH properties, credentials). */
export function anything(): z.ZodType {
  return z.unknown();
}
