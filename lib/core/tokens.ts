import { Token } from "cdktf";

/**
 * Whether a value is only known at apply time: a cdktf token, or a string carrying a Terraform
 * interpolation (as in synthesized JSON). Validators skip such values.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string" && value.includes("${")) return true;
  return Token.isUnresolved(value);
}
