/**
 * The shape of one tenant's request file (YAML or JSON) on a platform: the environment request of
 * `lib/environment/request-schema.ts` (what a support ticket gives: org, spaces, environment,
 * endpoint IP, device type, private CIDRs, approximate number of apps, plus the optional fields of
 * `PrivateEgressEnvironmentProps`), without the fields the platform owns (its VPC, zones, subnets,
 * teardown switch) and with the segment block required (the platform team allocates it; a block
 * derived from the other requests would move when a tenant is added). Derived with zod, so nothing
 * is written twice; the JSON Schema (`schema/tenant-request.schema.json`, `npm run gen:schema`) is
 * generated from it with `z.toJSONSchema`, and a test fails when the file drifts.
 */
import { z } from "zod";
import { environmentRequestSchema } from "../environment/request-schema";

/** One tenant environment's request, as a request file holds it. */
export const tenantRequestSchema = environmentRequestSchema
  .omit({ vpcCidrBlock: true, existingSubnetCidrs: true, availabilityZones: true, allowDestroy: true })
  .extend({
    /** The block of the platform VPC allocated to this environment's dedicated subnets (required). */
    segmentCidrBlock: z
      .string()
      .describe(
        "The block of the platform VPC the platform team allocates to this environment's dedicated subnets (required on a platform: never derived from the other requests).",
      ),
  })
  .describe("A tenant's private-egress environment request on a platform (cdktf-private-egress).");

/** A parsed tenant request. */
export type TenantRequest = z.infer<typeof tenantRequestSchema>;

/** The JSON Schema (draft 2020-12) of a tenant request file, generated from {@link tenantRequestSchema}. */
export function tenantRequestJsonSchema(): Record<string, unknown> {
  return {
    title: "cdktf-private-egress tenant request",
    ...z.toJSONSchema(tenantRequestSchema, { target: "draft-2020-12" }),
  };
}
