/**
 * The interfaces through which the Cloud Foundry constructs reference each other. Anything a user
 * may already own (org, space, isolation segment) is importable through these, creating nothing.
 */
import { ITerraformDependable, TerraformProvider } from "cdktf";

/** The provider option of every construct that creates Cloud Foundry resources. */
export interface CloudFoundryProviderOptions {
  /**
   * The Cloud Foundry provider of every resource and data source this construct creates, e.g. an
   * aliased `provider.CloudfoundryProvider` (from `cdktf-private-egress/cloudfoundry`) for another
   * foundation.
   * @default - the stack's default Cloud Foundry provider
   */
  readonly provider?: TerraformProvider;
}

/** A Cloud Foundry org, created by this library, looked up by name or imported by GUID. */
export interface IOrg {
  /** The org GUID (a token when created or looked up in the same stack). */
  readonly orgId: string;
}

/** A Cloud Foundry space, created by this library, looked up by name or imported by GUID. */
export interface ISpace {
  /** The space GUID (a token when created or looked up in the same stack). */
  readonly spaceId: string;
}

/** An isolation segment, created by this library, looked up by name or imported by GUID. */
export interface IIsolationSegment {
  /** The segment GUID. */
  readonly isolationSegmentId: string;
  /** The segment name, which is also the Diego cells' placement tag. */
  readonly isolationSegmentName: string;
  /**
   * What a space assigned to this segment must depend on: the entitlements made in this stack
   * (empty for a segment entitled elsewhere).
   */
  readonly entitlementDependables: ITerraformDependable[];
  /**
   * Whether the segment is entitled in this stack to the org, when that is known (`undefined` when the
   * entitlement is managed elsewhere).
   */
  entitles(org: IOrg): boolean | undefined;
}
