/**
 * Errors of the input boundary: the shape of a request (missing, mistyped or unknown props) and
 * literal text that Terraform would evaluate. Codes `PE-INPUT-NNN`; a code never changes meaning once
 * released.
 */
import { invalid, PrivateEgressError } from "./errors";

/** A required prop is absent. */
export function propMissing(prop: string, expected: string): PrivateEgressError {
  return new PrivateEgressError("PE-INPUT-001", prop, `\`${prop}\` is missing; it is required (${expected})`);
}

/** A prop has the wrong type. */
export function propWrongType(
  prop: string,
  value: unknown,
  received: string,
  expected: string,
): PrivateEgressError {
  return invalid("PE-INPUT-002", prop, value, `is ${received}`, `give ${expected}`);
}

/** A prop the construct does not know (a misspelt key is otherwise silently ignored). */
export function propUnknown(
  prop: string,
  suggestion: string | undefined,
  known: string[],
): PrivateEgressError {
  const hint = suggestion === undefined ? "" : `did you mean \`${suggestion}\`? `;
  return new PrivateEgressError(
    "PE-INPUT-003",
    prop,
    `\`${prop}\` is not a known prop; ${hint}(known here: ${known.join(", ")})`,
  );
}

/** A value outside a closed set (an enum). */
export function propNotOneOf(
  prop: string,
  value: unknown,
  allowed: string[],
  suggestion: string | undefined,
): PrivateEgressError {
  const hint = suggestion === undefined ? "" : `did you mean ${suggestion}? `;
  return invalid(
    "PE-INPUT-004",
    prop,
    value,
    "is not one of the allowed values",
    `${hint}use one of ${allowed.join(", ")}`,
  );
}

/** Any other shape problem the schema reports. */
export function propInvalid(prop: string, value: unknown, problem: string): PrivateEgressError {
  return invalid("PE-INPUT-005", prop, value, "is not valid", problem);
}

/** An identifier (a name, address, CIDR, ARN) carries Terraform template syntax or a control character. */
export function templateSyntaxRefused(prop: string, value: string, found: string): PrivateEgressError {
  return new PrivateEgressError(
    "PE-INPUT-006",
    prop,
    `\`${prop}\` ${JSON.stringify(value)} contains ${found}; ` +
      "Terraform would evaluate it (names, addresses and ARNs are never templates): give the literal name",
  );
}
