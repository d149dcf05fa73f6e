import { checkAgainstSchema, cloudFoundrySchema } from "../provider-schema";
import { ERROR_IN_BOTH } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";

/**
 * PE-CF-SCHEMA-001: every Cloud Foundry resource passes the provider schema checker of
 * `lib/checks/provider-schema.ts` (no unknown or computed-only attribute, required ones present,
 * types right), so escape hatches cannot produce what the provider rejects.
 *
 * Mirrors `terraform validate` against cloudfoundry/cloudfoundry 1.16.0, offline.
 */
export const cloudFoundrySchemaRule: PolicyRule = {
  id: "PE-CF-SCHEMA-001",
  title: "Cloud Foundry resources match the provider schema",
  mirrors: "terraform validate (cloudfoundry/cloudfoundry 1.16.0 schema)",
  severity: ERROR_IN_BOTH,
  appliesTo: ["cloudfoundry_*"],
  evaluate: (object) => {
    if (!object.type.startsWith("cloudfoundry_")) return NOT_APPLICABLE;
    const doc = { resource: { [object.type]: { [object.name]: object.values } } };
    return outcome(
      checkAgainstSchema(doc, cloudFoundrySchema(), "cloudfoundry_").map((p) =>
        p.attribute ? `${p.attribute}: ${p.message}` : p.message,
      ),
    );
  },
};
