import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { isSet, objectsOfType, referencesAddress } from "../view";

/**
 * PE-CF-ASG-003: running and staging bindings are explicit. A `cloudfoundry_security_group` sets
 * both `running_spaces` and `staging_spaces` (an empty list is explicit), or both
 * `globally_enabled_running`/`globally_enabled_staging`, or is bound by a
 * `cloudfoundry_security_group_space_bindings` that sets both lists; a bindings resource sets both.
 * Leaving one out leaves the lifecycle to whatever the foundation has (a space without a working
 * staging ASG cannot stage apps; an unmanaged running binding drifts).
 *
 * Mirrors no scanner check; anchored in CM-2 / AC-4.
 */
export const asgBindingsExplicit: PolicyRule = {
  id: "PE-CF-ASG-003",
  title: "ASG running and staging bindings are both explicit",
  mirrors: "- (NIST CM-2, AC-4)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["cloudfoundry_security_group", "cloudfoundry_security_group_space_bindings"],
  evaluate: (object, stack) => {
    const both = (v: Record<string, unknown>, a: string, b: string) => isSet(v, a) && isSet(v, b);
    if (object.type === "cloudfoundry_security_group_space_bindings") {
      return outcome(
        both(object.values, "running_spaces", "staging_spaces")
          ? []
          : ["set both `running_spaces` and `staging_spaces` (an empty list is explicit)"],
      );
    }
    if (object.type !== "cloudfoundry_security_group") return NOT_APPLICABLE;
    if (both(object.values, "running_spaces", "staging_spaces")) return outcome([]);
    if (both(object.values, "globally_enabled_running", "globally_enabled_staging")) return outcome([]);
    const bound = objectsOfType(stack, "cloudfoundry_security_group_space_bindings").some(
      (b) =>
        referencesAddress(b.values.security_group, object.address) &&
        both(b.values, "running_spaces", "staging_spaces"),
    );
    return outcome(
      bound
        ? []
        : [
            "neither both `running_spaces` and `staging_spaces` nor a bindings resource setting both; make running and staging explicit",
          ],
    );
  },
};
