/**
 * An application security group whose rules are checked as Cloud Controller checks them, bound to
 * spaces on the ASG itself.
 */
import { Construct } from "constructs";
import { Token } from "cdktf";
import { SecurityGroup } from "../../gen/providers/cloudfoundry/security-group";
import * as E from "../core/errors-cloudfoundry";
import { AsgRule, AsgRuleCheckOptions, checkAsgRules } from "./asg-rules";
import { ISpace, CloudFoundryProviderOptions } from "./interfaces";
import { bindProviders } from "../core/providers";
import { ID, TEXT, fieldsOf, guardStrings, listOf, stringSpec } from "../core/boundary";

/** Throws unless `name` is a usable ASG name (1-250 printable characters, no whitespace). */
export function validateAsgName(prop: string, name: string): void {
  if (Token.isUnresolved(name)) return;
  if (typeof name !== "string" || !/^[\x21-\x7e]{1,250}$/.test(name)) throw E.asgName(prop, name);
}

/** Properties of an {@link ApplicationSecurityGroup}. */
export interface ApplicationSecurityGroupProps extends AsgRuleCheckOptions, CloudFoundryProviderOptions {
  /** The ASG name. */
  readonly name: string;
  /** The rules (at least one), checked with {@link checkAsgRules}. */
  readonly rules: AsgRule[];
  /**
   * Spaces whose running apps get the ASG. Set on the ASG itself: do not also bind this ASG with a
   * `cloudfoundry_security_group_space_bindings` (an in-place update of the ASG unbinds those).
   * @default - none
   */
  readonly runningSpaces?: ISpace[];
  /**
   * Spaces whose staging apps get the ASG.
   * @default - none
   */
  readonly stagingSpaces?: ISpace[];
  /**
   * Apply to every running app of the platform.
   * @default false
   */
  readonly globallyEnabledRunning?: boolean;
  /**
   * Apply to every staging app of the platform.
   * @default false
   */
  readonly globallyEnabledStaging?: boolean;
}

const STRINGS = stringSpec("ApplicationSecurityGroupProps", {
  name: ID,
  rules: listOf(fieldsOf({ protocol: ID, destination: ID, ports: ID, description: TEXT })),
});

/**
 * Define an application security group (`cloudfoundry_security_group`) with validated rules.
 *
 * @example
 * new ApplicationSecurityGroup(stack, "Db", {
 *   name: "agency-db",
 *   rules: [{ protocol: AsgProtocol.TCP, destination: "10.40.0.0/24", ports: "5432" }],
 *   runningSpaces: [space],
 * });
 */
export class ApplicationSecurityGroup extends Construct {
  /** The ASG's GUID (a token). */
  public readonly securityGroupId: string;
  /** The ASG's name. */
  public readonly securityGroupName: string;
  /** The underlying `cloudfoundry_security_group` (escape hatch). */
  public readonly resource: SecurityGroup;

  constructor(scope: Construct, id: string, props: ApplicationSecurityGroupProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { cloudfoundry: props.provider });
    const runningSpaces = props.runningSpaces ?? [];
    const stagingSpaces = props.stagingSpaces ?? [];
    const globallyEnabledRunning = props.globallyEnabledRunning ?? false;
    const globallyEnabledStaging = props.globallyEnabledStaging ?? false;

    validateAsgName("name", props.name);
    const problems = checkAsgRules(
      props.rules.map((r) => stripTokens(r)),
      props,
    );
    if (problems.length > 0) throw problems[0];

    this.resource = new SecurityGroup(this, "Resource", {
      name: props.name,
      rules: props.rules.map((r) => ({
        protocol: r.protocol,
        destination: r.destination,
        ports: r.ports,
        type: r.type,
        code: r.code,
        log: r.log,
        description: r.description,
      })),
      globallyEnabledRunning,
      globallyEnabledStaging,
      // the provider refuses empty sets: leave an attribute out rather than send []
      runningSpaces: runningSpaces.map((s) => s.spaceId),
      stagingSpaces: stagingSpaces.map((s) => s.spaceId),
    });
    this.securityGroupId = this.resource.id;
    this.securityGroupName = props.name;
  }
}

/** Replaces unresolved tokens with valid stand-ins so only literal values are checked. */
function stripTokens(rule: AsgRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rule)) {
    if (v === undefined) continue;
    if (Token.isUnresolved(v)) {
      out[k] = k === "destination" ? "192.0.2.1" : k === "ports" ? "1" : k === "log" ? false : 0;
    } else {
      out[k] = v;
    }
  }
  return out;
}
