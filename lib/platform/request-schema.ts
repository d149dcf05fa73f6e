/**
 * The shape of one tenant's request file (YAML or JSON), as a zod (v4) schema: what a platform team
 * copies from a support ticket (org, spaces, environment, endpoint IP, device type, private CIDRs,
 * approximate number of apps) plus the optional fields of `PrivateEgressEnvironmentProps` a file may
 * carry. The JSON Schema that editors and CI validate request files with
 * (`schema/tenant-request.schema.json`) is generated from it with `z.toJSONSchema`, and the
 * TypeScript type is inferred from it and checked against `PrivateEgressEnvironmentProps` at compile
 * time (test/platform/request-schema.test.ts), so neither is written twice.
 */
import { z } from "zod";
import { EgressTier } from "../cloudfoundry/space-egress";
import { DeploymentEnvironment } from "../environment/private-egress-environment";
import { CustomerDevice } from "../handoff/device-config";

const tenant = z
  .strictObject({
    org: z.string().min(1).describe("The tenant's Cloud Foundry org, e.g. agency-prod."),
    orgGuid: z.string().optional().describe("GUID of the org, to reference it without a lookup."),
    spaces: z
      .array(z.string().min(1).describe("A space name."))
      .min(1)
      .describe("Names of the spaces that join the isolation segment and get the private-egress ASG."),
    existingSpaceGuids: z
      .record(z.string(), z.string().describe("The space's GUID."))
      .optional()
      .describe("GUIDs of spaces that already exist, by space name (adopted into state, not created)."),
  })
  .describe("The tenant: its org and spaces.");

const customerEndpoint = z
  .strictObject({
    ip: z.string().describe("The public IPv4 address of the tenant's VPN endpoint."),
    device: z
      .enum(CustomerDevice)
      .describe("The endpoint's type; decides the device configuration handed off."),
    bgpAsn: z
      .number()
      .int()
      .optional()
      .describe("The endpoint's BGP ASN. Given: BGP; not given: static routes to privateCidrs."),
    behindNat: z.boolean().optional().describe("Whether NAT sits in front of the endpoint (adds UDP 4500)."),
    tunnel1InsideCidr: z
      .string()
      .optional()
      .describe("Tunnel 1's inside CIDR: a /30 in 169.254.0.0/16, unique on the gateway."),
    tunnel2InsideCidr: z
      .string()
      .optional()
      .describe("Tunnel 2's inside CIDR: a /30 in 169.254.0.0/16, unique on the gateway."),
  })
  .describe("The tenant's VPN endpoint.");

const privateService = z
  .strictObject({
    name: z.string().describe("Name of the service (also the user-provided service instance name)."),
    host: z.string().describe("The host's IPv4 address in the customer network."),
    port: z.number().int().describe("The TCP port, 1-65535."),
  })
  .describe("A host:port in the customer network the apps reach.");

const egressTiers = z
  .strictObject({
    running: z
      .array(z.enum(EgressTier).describe("An egress tier."))
      .describe("Tiers bound for running apps."),
    staging: z.array(z.enum(EgressTier).describe("An egress tier.")).describe("Tiers bound for staging."),
    tierNames: z
      .strictObject({
        trustedLocal: z.string().optional().describe("The platform's trusted-local ASG name."),
        public: z.string().optional().describe("The platform's public ASG name."),
      })
      .optional()
      .describe("The platform's ASG names for the tiers (default: cloud.gov's)."),
  })
  .describe("Platform egress tiers bound to the spaces, running and staging stated explicitly.");

const capacity = z
  .strictObject({
    instancesPerApp: z.number().optional().describe("Instances per app."),
    memoryPerInstanceMb: z.number().optional().describe("Memory per app instance, in MB."),
    cellMemoryMb: z.number().optional().describe("Memory of one Diego cell, in MB."),
    cellReservedMemoryMb: z.number().optional().describe("Memory of a cell kept for the platform, in MB."),
    spareCells: z.number().optional().describe("Cells beyond the computed need (for upgrades and failures)."),
  })
  .describe("Capacity plan inputs besides the expected apps.");

/** One tenant environment's request, as a request file holds it. */
export const tenantRequestSchema = z
  .strictObject({
    tenant,
    environment: z
      .enum(DeploymentEnvironment)
      .optional()
      .describe("Which of the tenant's environments this is (default production)."),
    customerEndpoint,
    secondCustomerEndpoint: customerEndpoint
      .optional()
      .describe("A second endpoint with its own connection (virtual private gateway platforms only)."),
    privateCidrs: z
      .array(z.string().describe("A private CIDR of the tenant's network."))
      .min(1)
      .describe("The tenant's private CIDRs the apps reach through the VPN."),
    expectedApps: z
      .number()
      .int()
      .describe("About how many applications will use the segment, 1-10000; sizes the dedicated cells."),
    segmentCidrBlock: z
      .string()
      .describe(
        "The block of the platform VPC the platform team allocates to this environment's dedicated subnets (stable: never derived from the other requests).",
      ),
    cellSubnetPrefix: z
      .number()
      .int()
      .optional()
      .describe("Prefix length of each zone's cell subnet, 16-25 (default: the platform's)."),
    privateServices: z
      .array(privateService)
      .optional()
      .describe("Private services (name -> host:port): an ASG rule and a user-provided service each."),
    egressTiers: egressTiers.optional(),
    bindPrivateEgressForStaging: z
      .boolean()
      .optional()
      .describe("Also bind the private-egress ASG for staging (default false)."),
    allowPublicEgressViaNat: z
      .boolean()
      .optional()
      .describe("Whether the cells may reach 0.0.0.0/0 through the NAT gateways (default false)."),
    capacity: capacity.optional(),
    isolationSegmentName: z
      .string()
      .optional()
      .describe("The isolation segment's name (default <org>-<environment>)."),
  })
  .describe("A tenant's private-egress environment request (cdktf-private-egress).");

/** A parsed tenant request. */
export type TenantRequest = z.infer<typeof tenantRequestSchema>;

/** The JSON Schema (draft 2020-12) of a tenant request file, generated from {@link tenantRequestSchema}. */
export function tenantRequestJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://github.com/cdktf-private-egress/schema/tenant-request.schema.json",
    title: "cdktf-private-egress tenant request",
    ...(z.toJSONSchema(tenantRequestSchema, { target: "draft-2020-12" }) as Record<string, unknown>),
  };
}
