/**
 * Space egress tiers: the platform-owned ASGs (cloud.gov's `closed-egress`,
 * `trusted_local_networks_egress`, `public_networks_egress`) bound to spaces.
 */
import { Construct } from "constructs";
import { Token } from "cdktf";
import { DataCloudfoundrySecurityGroup } from "../../gen/providers/cloudfoundry/data-cloudfoundry-security-group";
import { SecurityGroupSpaceBindings } from "../../gen/providers/cloudfoundry/security-group-space-bindings";
import * as E from "../core/errors-cloudfoundry";
import { ISpace, CloudFoundryProviderOptions } from "./interfaces";
import { bindProviders } from "../core/providers";
import { ID, fieldsOf, guardStrings, listOf, stringSpec } from "../core/boundary";
import { childId } from "../core/strings";

/** The egress tiers a space can have. */
export enum EgressTier {
  /** Internal routes only: nothing is bound (the platform's default for new spaces). */
  CLOSED = "closed",
  /** Brokered services (databases, Redis, Elasticsearch, brokered S3) and internal routes. */
  TRUSTED_LOCAL = "trusted-local",
  /** The public internet (everything but RFC 1918 and 169.254.0.0/16) and internal routes. */
  PUBLIC = "public",
}

/** The platform ASG names behind the open tiers. Other foundations name them differently. */
export interface EgressTierNames {
  /** @default "trusted_local_networks_egress" (cloud.gov) */
  readonly trustedLocal?: string;
  /** @default "public_networks_egress" (cloud.gov) */
  readonly public?: string;
}

/** cloud.gov's platform ASG names. */
export const CLOUD_GOV_TIER_NAMES: Required<EgressTierNames> = {
  trustedLocal: "trusted_local_networks_egress",
  public: "public_networks_egress",
};

/** Properties of a {@link SpaceEgress}. */
export interface SpaceEgressProps extends CloudFoundryProviderOptions {
  /** The spaces to bind (at least one). */
  readonly spaces: ISpace[];
  /** Tiers for running apps: `[CLOSED]` (or `[]`) binds nothing; open tiers add up. */
  readonly running: EgressTier[];
  /**
   * Tiers for staging apps, stated separately: staging usually needs public egress to fetch
   * dependencies, and a space without a working staging ASG cannot stage.
   */
  readonly staging: EgressTier[];
  /**
   * The platform ASG names.
   * @default - cloud.gov's names ({@link CLOUD_GOV_TIER_NAMES})
   */
  readonly tierNames?: EgressTierNames;
}

const STRINGS = stringSpec("SpaceEgressProps", {
  running: listOf(ID),
  staging: listOf(ID),
  tierNames: fieldsOf({ trustedLocal: ID, public: ID }),
});

const OPEN_TIERS: Array<{ tier: EgressTier; key: keyof EgressTierNames; id: string }> = [
  { tier: EgressTier.TRUSTED_LOCAL, key: "trustedLocal", id: "TrustedLocal" },
  { tier: EgressTier.PUBLIC, key: "public", id: "Public" },
];

function validateTiers(prop: string, tiers: EgressTier[]): void {
  if (tiers.includes(EgressTier.CLOSED) && tiers.some((t) => t !== EgressTier.CLOSED)) {
    throw E.egressTierMix(prop, tiers);
  }
}

/**
 * Define the egress tiers of spaces: each open tier's platform ASG is looked up by name
 * (`data.cloudfoundry_security_group`) and bound with `cloudfoundry_security_group_space_bindings`,
 * which manages only the spaces it lists, with running and staging spaces each stated.
 *
 * @example
 * // a production app: brokered services and the public internet, staging with public egress
 * new SpaceEgress(stack, "Egress", { spaces: [app], running: [EgressTier.TRUSTED_LOCAL, EgressTier.PUBLIC], staging: [EgressTier.PUBLIC] });
 */
export class SpaceEgress extends Construct {
  /** The bindings created, by tier. */
  public readonly bindings: Partial<Record<EgressTier, SecurityGroupSpaceBindings>> = {};

  constructor(scope: Construct, id: string, props: SpaceEgressProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { cloudfoundry: props.provider });
    const tierNames: Required<EgressTierNames> = {
      ...CLOUD_GOV_TIER_NAMES,
      ...stripUndefined(props.tierNames),
    };
    if (props.spaces.length === 0) throw E.egressNoSpaces("spaces");
    validateTiers("running", props.running);
    validateTiers("staging", props.staging);
    for (const key of ["trustedLocal", "public"] as const) {
      const name = tierNames[key];
      if (!Token.isUnresolved(name) && !/^[\x21-\x7e]{1,250}$/.test(name))
        throw E.egressTierName(`tierNames.${key}`, name);
    }

    const spaceIds = props.spaces.map((s) => s.spaceId);
    for (const { tier, key, id: tierId } of OPEN_TIERS) {
      const running = props.running.includes(tier);
      const staging = props.staging.includes(tier);
      if (!running && !staging) continue;
      const asg = new DataCloudfoundrySecurityGroup(this, childId(`${tierId}Asg`), { name: tierNames[key] });
      this.bindings[tier] = new SecurityGroupSpaceBindings(this, tierId, {
        securityGroup: asg.id,
        runningSpaces: running ? spaceIds : [],
        stagingSpaces: staging ? spaceIds : [],
      });
    }
  }
}

function stripUndefined(names: EgressTierNames | undefined): EgressTierNames {
  const out: { trustedLocal?: string; public?: string } = {};
  if (names?.trustedLocal !== undefined) out.trustedLocal = names.trustedLocal;
  if (names?.public !== undefined) out.public = names.public;
  return out;
}
