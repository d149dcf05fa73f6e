/**
 * Orgs and spaces: created here, looked up by name with the provider's data sources, imported by GUID
 * (creating nothing), or adopted into Terraform state with an `import` block (`importFrom`), which is
 * the only way provider 1.16 can put an existing space into an isolation segment.
 */
import { Construct } from "constructs";
import { TerraformProvider, Token } from "cdktf";
import { Org as CfOrg } from "../../gen/providers/cloudfoundry/org";
import { Space as CfSpace } from "../../gen/providers/cloudfoundry/space";
import { DataCloudfoundryOrg } from "../../gen/providers/cloudfoundry/data-cloudfoundry-org";
import { DataCloudfoundrySpace } from "../../gen/providers/cloudfoundry/data-cloudfoundry-space";
import * as E from "../core/errors-cloudfoundry";
import { IIsolationSegment, IOrg, ISpace, CloudFoundryProviderOptions } from "./interfaces";
import { bindProviders, checkProviderKind } from "../core/providers";
import { checkIdentifier, guardStrings, ID, stringSpec } from "../core/boundary";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws unless `value` is a GUID (skipped for tokens). */
export function validateGuid(prop: string, value: string): void {
  if (!Token.isUnresolved(value) && !GUID.test(value)) throw E.guid(prop, value);
}

/** Throws unless `value` is a usable org/space name (1-255 characters, no surrounding whitespace). */
export function validateCfName(prop: string, value: string): void {
  if (Token.isUnresolved(value)) return;
  if (typeof value !== "string" || value.length < 1 || value.length > 255 || value.trim() !== value) {
    throw E.spaceName(prop, value);
  }
}

class ImportedOrg extends Construct implements IOrg {
  constructor(
    scope: Construct,
    id: string,
    public readonly orgId: string,
  ) {
    super(scope, id);
  }
}

class ImportedSpace extends Construct implements ISpace {
  constructor(
    scope: Construct,
    id: string,
    public readonly spaceId: string,
  ) {
    super(scope, id);
  }
}

const ORG_STRINGS = stringSpec("OrgProps", { name: ID, importFrom: ID });
const SPACE_STRINGS = stringSpec("SpaceProps", { name: ID, importFrom: ID });

/** Properties of an {@link Org}. */
export interface OrgProps extends CloudFoundryProviderOptions {
  /** The org name. */
  readonly name: string;
  /**
   * GUID of an existing org to adopt into Terraform state (an `import` block; Terraform >= 1.5).
   * @default - a new org is created
   */
  readonly importFrom?: string;
}

/**
 * Define a Cloud Foundry org (`cloudfoundry_org`), or reference an existing one with
 * {@link Org.fromOrgName} / {@link Org.fromOrgId}.
 *
 * @example
 * const org = Org.fromOrgName(stack, "Org", "agency-prod");
 */
export class Org extends Construct implements IOrg {
  /** Looks an org up by name (`data.cloudfoundry_org`), through `provider` when given. */
  public static fromOrgName(scope: Construct, id: string, name: string, provider?: TerraformProvider): IOrg {
    checkIdentifier("name", name);
    validateCfName("name", name);
    checkProviderKind("provider", provider, "cloudfoundry");
    const data = new DataCloudfoundryOrg(scope, id, { name, provider });
    return { orgId: data.id };
  }

  /** References an org by GUID, creating nothing. */
  public static fromOrgId(scope: Construct, id: string, orgId: string): IOrg {
    checkIdentifier("orgId", orgId);
    validateGuid("orgId", orgId);
    return new ImportedOrg(scope, id, orgId);
  }

  public readonly orgId: string;
  /** The org's name. */
  public readonly orgName: string;
  /** The underlying `cloudfoundry_org` (escape hatch). */
  public readonly resource: CfOrg;

  constructor(scope: Construct, id: string, props: OrgProps) {
    super(scope, id);
    props = guardStrings(props, ORG_STRINGS);
    bindProviders(this, { cloudfoundry: props.provider });
    validateCfName("name", props.name);
    if (props.importFrom !== undefined) validateGuid("importFrom", props.importFrom);
    this.resource = new CfOrg(this, "Resource", { name: props.name });
    if (props.importFrom !== undefined) this.resource.importFrom(props.importFrom);
    this.orgId = this.resource.id;
    this.orgName = props.name;
  }
}

/** Properties of a {@link Space}. */
export interface SpaceProps extends CloudFoundryProviderOptions {
  /** The org the space belongs to. */
  readonly org: IOrg;
  /** The space name. */
  readonly name: string;
  /**
   * Put the space in this isolation segment (`isolation_segment`). The space is made to depend on the
   * segment's entitlements in this stack, which the provider does not order by itself.
   * @default - the org's default segment (the shared platform unless the org has one)
   */
  readonly isolationSegment?: IIsolationSegment;
  /**
   * Allow SSH into the space's apps.
   * @default - not set (the provider keeps what Cloud Controller has)
   */
  readonly allowSsh?: boolean;
  /**
   * GUID of an existing space to adopt into Terraform state with an `import` block (Terraform >= 1.5).
   * This is how an existing space joins a segment: provider 1.16 has no resource that assigns a segment
   * to a space it does not manage. After adoption, Terraform owns the space: `name` must match it.
   * @default - a new space is created
   */
  readonly importFrom?: string;
  /**
   * Guard the space with `lifecycle.prevent_destroy` (a destroy would delete its apps).
   * @default - true for an adopted space (`importFrom`), false otherwise
   */
  readonly preventDestroy?: boolean;
}

/**
 * Define a Cloud Foundry space (`cloudfoundry_space`), optionally in an isolation segment, or reference
 * an existing one with {@link Space.fromSpaceName} / {@link Space.fromSpaceId}.
 *
 * @example
 * new Space(stack, "App", { org, name: "app", isolationSegment: segment });
 * // an existing space, adopted so that it can join the segment:
 * new Space(stack, "Batch", { org, name: "batch", isolationSegment: segment, importFrom: "6f1b...-guid" });
 */
export class Space extends Construct implements ISpace {
  /** Looks a space up by name in an org (`data.cloudfoundry_space`), through `provider` when given. */
  public static fromSpaceName(
    scope: Construct,
    id: string,
    org: IOrg,
    name: string,
    provider?: TerraformProvider,
  ): ISpace {
    checkIdentifier("name", name);
    validateCfName("name", name);
    checkProviderKind("provider", provider, "cloudfoundry");
    const data = new DataCloudfoundrySpace(scope, id, { name, org: org.orgId, provider });
    return { spaceId: data.id };
  }

  /** References a space by GUID, creating nothing. It cannot be put in a segment this way (see `importFrom`). */
  public static fromSpaceId(scope: Construct, id: string, spaceId: string): ISpace {
    checkIdentifier("spaceId", spaceId);
    validateGuid("spaceId", spaceId);
    return new ImportedSpace(scope, id, spaceId);
  }

  public readonly spaceId: string;
  /** The space's name. */
  public readonly spaceName: string;
  /** The underlying `cloudfoundry_space` (escape hatch). */
  public readonly resource: CfSpace;

  constructor(scope: Construct, id: string, props: SpaceProps) {
    super(scope, id);
    props = guardStrings(props, SPACE_STRINGS);
    bindProviders(this, { cloudfoundry: props.provider });
    const preventDestroy = props.preventDestroy ?? props.importFrom !== undefined;
    validateCfName("name", props.name);
    if (props.importFrom !== undefined) validateGuid("importFrom", props.importFrom);

    const segment = props.isolationSegment;
    this.resource = new CfSpace(this, "Resource", {
      name: props.name,
      org: props.org.orgId,
      allowSsh: props.allowSsh,
      isolationSegment: segment?.isolationSegmentId,
      dependsOn:
        segment && segment.entitlementDependables.length > 0
          ? [...segment.entitlementDependables]
          : undefined,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });
    if (props.importFrom !== undefined) this.resource.importFrom(props.importFrom);
    this.spaceId = this.resource.id;
    this.spaceName = props.name;

    if (segment) {
      this.node.addValidation({
        validate: () =>
          segment.entitles(props.org) === false
            ? [
                `[PE-CF-034] \`isolationSegment\` ${segment.isolationSegmentName} is not entitled to the org of space ${props.name}; entitle the org (IsolationSegment orgs / addOrg) first`,
              ]
            : [],
      });
    }
  }
}
