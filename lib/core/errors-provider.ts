/**
 * Errors about the providers given to constructs. Codes `PE-PROVIDER-NNN`; a code never changes
 * meaning once released.
 */
import { invalid, PrivateEgressError } from "./errors";

/** A provider of another kind than the resources it would be bound to. */
export function providerKindMismatch(prop: string, given: string, wanted: string): PrivateEgressError {
  return invalid(
    "PE-PROVIDER-001",
    prop,
    `(a ${given} provider)`,
    `cannot serve the ${wanted}_* resources this construct creates`,
    wanted === "aws"
      ? "give an AwsProvider (e.g. one with an alias for another region or account)"
      : "give the CloudfoundryProvider from cdktf-private-egress/cloudfoundry",
  );
}
