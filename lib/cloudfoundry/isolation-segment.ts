/**
 * The isolation segment and its entitlement to orgs.
 */
import { Construct } from "constructs";
import { ITerraformDependable, Lazy, TerraformProvider, Token } from "cdktf";
import { IsolationSegment as CfIsolationSegment } from "../../gen/providers/cloudfoundry/isolation-segment";
import { IsolationSegmentEntitlement as CfEntitlement } from "../../gen/providers/cloudfoundry/isolation-segment-entitlement";
import { DataCloudfoundryIsolationSegment } from "../../gen/providers/cloudfoundry/data-cloudfoundry-isolation-segment";
import * as E from "../core/errors-cloudfoundry";
import { IIsolationSegment, IOrg, CloudFoundryProviderOptions } from "./interfaces";
import { validateGuid } from "./org-space";
import { bindProviders, checkProviderKind } from "../core/providers";
import { checkIdentifier, checkProps, guardStrings, ID, stringSpec } from "../core/boundary";

/**
 * The library's rule for a segment name, which is also the cells' placement tag and part of the BOSH
 * instance group name: 1-63 characters of `a-z 0-9 - _`, starting and ending with a letter or digit.
 *
 * Cloud Controller accepts any non-blank name (unique, case-insensitively) and Diego matches placement
 * tags as exact strings; BOSH instance group names and bosh-dns labels are safe with lowercase
 * letters, digits, `-` and `_`, and 63 characters is the DNS label limit. This is the intersection,
 * so the same text works in Cloud Controller, the rep's `placement_tags` and the ops file.
 */
export function isValidIsolationSegmentName(name: string): boolean {
  return typeof name === "string" && /^[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?$/.test(name);
}

/** Throws unless `name` passes {@link isValidIsolationSegmentName} (skipped for tokens). */
export function validateIsolationSegmentName(prop: string, name: string): void {
  if (Token.isUnresolved(name)) return;
  if (!isValidIsolationSegmentName(name)) throw E.isolationSegmentName(prop, name);
}

function sameOrg(a: IOrg, b: IOrg): boolean {
  return a === b || a.orgId === b.orgId;
}

/** Options shared by entitlements. */
export interface EntitlementOptions {
  /**
   * `true` makes the segment every listed org's default (new spaces land in it); `false` clears the
   * orgs' default; unset leaves the orgs' default alone.
   * @default - not set: the orgs' default segment is left alone
   */
  readonly defaultForOrgs?: boolean;
}

/** Properties of an {@link IsolationSegment}. */
export interface IsolationSegmentProps extends EntitlementOptions, CloudFoundryProviderOptions {
  /** The segment name: also the Diego cells' placement tag (see {@link isValidIsolationSegmentName}). */
  readonly name: string;
  /**
   * Orgs entitled to the segment. A segment entitled to no org by synth time is an error.
   * @default - none yet: add with {@link IsolationSegment.addOrg}
   */
  readonly orgs?: IOrg[];
  /**
   * GUID of an existing segment to adopt into Terraform state with an `import` block (Terraform >= 1.5);
   * `name` must match it.
   * @default - a new segment is created
   */
  readonly importFrom?: string;
  /**
   * Guard the segment with `lifecycle.prevent_destroy` (its name is the dedicated cells' placement
   * tag: a destroyed segment strands every app placed on it).
   * @default false
   */
  readonly preventDestroy?: boolean;
}

/** Attributes of a segment managed elsewhere. */
export interface IsolationSegmentAttributes {
  /** The segment's GUID. */
  readonly isolationSegmentId: string;
  /** The segment's name (also the cells' placement tag). */
  readonly isolationSegmentName: string;
}

const ATTRIBUTE_STRINGS = stringSpec("IsolationSegmentAttributes", {
  isolationSegmentId: ID,
  isolationSegmentName: ID,
});
const STRINGS = stringSpec("IsolationSegmentProps", { name: ID, importFrom: ID });

class ImportedIsolationSegment extends Construct implements IIsolationSegment {
  public readonly isolationSegmentId: string;
  public readonly isolationSegmentName: string;
  public readonly entitlementDependables: ITerraformDependable[] = [];
  constructor(scope: Construct, id: string, attrs: IsolationSegmentAttributes) {
    super(scope, id);
    attrs = guardStrings(attrs, ATTRIBUTE_STRINGS);
    this.isolationSegmentId = attrs.isolationSegmentId;
    this.isolationSegmentName = attrs.isolationSegmentName;
  }
  public entitles(): boolean | undefined {
    return undefined;
  }
}

/**
 * Define an isolation segment (`cloudfoundry_isolation_segment`) entitled to one or more orgs
 * (`cloudfoundry_isolation_segment_entitlement`). Spaces join it through {@link Space}'s
 * `isolationSegment`, which also wires their dependency on the entitlement.
 *
 * @example
 * const segment = new IsolationSegment(stack, "Segment", { name: "agency-prod", orgs: [org] });
 * new Space(stack, "App", { org, name: "app", isolationSegment: segment });
 */
export class IsolationSegment extends Construct implements IIsolationSegment {
  /** References a segment by GUID and name, creating nothing (its entitlements are managed elsewhere). */
  public static fromIsolationSegmentAttributes(
    scope: Construct,
    id: string,
    attrs: IsolationSegmentAttributes,
  ): IIsolationSegment {
    checkProps("IsolationSegmentAttributes", attrs);
    validateGuid("isolationSegmentId", attrs.isolationSegmentId);
    validateIsolationSegmentName("isolationSegmentName", attrs.isolationSegmentName);
    return new ImportedIsolationSegment(scope, id, attrs);
  }

  /**
   * Looks a segment up by name (`data.cloudfoundry_isolation_segment`), through `provider` when
   * given; its entitlements are managed elsewhere.
   */
  public static fromIsolationSegmentName(
    scope: Construct,
    id: string,
    name: string,
    provider?: TerraformProvider,
  ): IIsolationSegment {
    checkIdentifier("name", name);
    validateIsolationSegmentName("name", name);
    checkProviderKind("provider", provider, "cloudfoundry");
    const holder = new Construct(scope, id);
    const data = new DataCloudfoundryIsolationSegment(holder, "Lookup", { name, provider });
    return new ImportedIsolationSegment(holder, "Ref", {
      isolationSegmentId: data.id,
      isolationSegmentName: name,
    });
  }

  public readonly isolationSegmentId: string;
  public readonly isolationSegmentName: string;
  /** The underlying `cloudfoundry_isolation_segment` (escape hatch). */
  public readonly resource: CfIsolationSegment;
  /** The underlying `cloudfoundry_isolation_segment_entitlement` (escape hatch). */
  public readonly entitlement: CfEntitlement;
  public readonly entitlementDependables: ITerraformDependable[];
  private readonly orgs: IOrg[] = [];

  constructor(scope: Construct, id: string, props: IsolationSegmentProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { cloudfoundry: props.provider });
    validateIsolationSegmentName("name", props.name);
    if (props.importFrom !== undefined) validateGuid("importFrom", props.importFrom);

    this.resource = new CfIsolationSegment(this, "Resource", {
      name: props.name,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    if (props.importFrom !== undefined) this.resource.importFrom(props.importFrom);
    this.isolationSegmentId = this.resource.id;
    this.isolationSegmentName = props.name;

    for (const org of props.orgs ?? []) this.addOrg(org);
    this.entitlement = new CfEntitlement(this, "Entitlement", {
      segment: this.isolationSegmentId,
      orgs: Lazy.listValue({ produce: () => this.orgs.map((o) => o.orgId) }),
      default: props.defaultForOrgs,
    });
    this.entitlementDependables = [this.entitlement];
    this.node.addValidation({
      validate: () => (this.orgs.length === 0 ? [E.notEntitled(props.name).message] : []),
    });
  }

  /** Entitles one more org to the segment (a no-op when already entitled). */
  public addOrg(org: IOrg): void {
    if (!this.orgs.some((o) => sameOrg(o, org))) this.orgs.push(org);
  }

  public entitles(org: IOrg): boolean {
    return this.orgs.some((o) => sameOrg(o, org));
  }
}

/** Properties of an {@link IsolationSegmentEntitlement}. */
export interface IsolationSegmentEntitlementProps extends EntitlementOptions, CloudFoundryProviderOptions {
  /** A segment managed elsewhere (for one created by {@link IsolationSegment}, use its `orgs`). */
  readonly segment: IIsolationSegment;
  /** The orgs to entitle (at least one). */
  readonly orgs: IOrg[];
}

/**
 * Define an entitlement of a segment managed elsewhere to orgs. It stands for the segment when
 * assigning spaces, so they depend on it.
 *
 * @example
 * const shared = IsolationSegment.fromIsolationSegmentName(stack, "Shared", "agency-shared");
 * const entitled = new IsolationSegmentEntitlement(stack, "Entitled", { segment: shared, orgs: [org] });
 * new Space(stack, "App", { org, name: "app", isolationSegment: entitled });
 */
export class IsolationSegmentEntitlement extends Construct implements IIsolationSegment {
  public readonly isolationSegmentId: string;
  public readonly isolationSegmentName: string;
  /** The underlying `cloudfoundry_isolation_segment_entitlement` (escape hatch). */
  public readonly resource: CfEntitlement;
  public readonly entitlementDependables: ITerraformDependable[];
  private readonly orgs: IOrg[];

  constructor(scope: Construct, id: string, props: IsolationSegmentEntitlementProps) {
    super(scope, id);
    checkProps("IsolationSegmentEntitlementProps", props);
    bindProviders(this, { cloudfoundry: props.provider });
    if (props.orgs.length === 0) throw E.notEntitled(props.segment.isolationSegmentName);
    this.orgs = [...props.orgs];
    this.isolationSegmentId = props.segment.isolationSegmentId;
    this.isolationSegmentName = props.segment.isolationSegmentName;
    this.resource = new CfEntitlement(this, "Resource", {
      segment: props.segment.isolationSegmentId,
      orgs: this.orgs.map((o) => o.orgId),
      default: props.defaultForOrgs,
    });
    this.entitlementDependables = [...props.segment.entitlementDependables, this.resource];
  }

  public entitles(org: IOrg): boolean {
    return this.orgs.some((o) => sameOrg(o, org));
  }
}
