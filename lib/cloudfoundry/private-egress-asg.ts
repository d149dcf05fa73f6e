/**
 * The tenant's private-egress ASG: exactly the customer CIDRs and private host:port services, nothing
 * wider, bound running to the tenant's spaces (staging only if asked).
 */
import { Construct } from "constructs";
import { Token } from "cdktf";
import * as E from "../core/errors-cloudfoundry";
import { cidrProblem, isIpv4, parseCidr } from "../core/ip";
import { ApplicationSecurityGroup } from "./application-security-group";
import { AsgProtocol, AsgRule } from "./asg-rules";
import { ISpace, CloudFoundryProviderOptions } from "./interfaces";
import { bindProviders } from "../core/providers";
import { ID, fieldsOf, guardStrings, listOf, stringSpec } from "../core/boundary";

/** A private service reached through the tunnel: a name apps bind to, and exactly one host and port. */
export interface PrivateService {
  /** Name of the service (also the user-provided service instance name), e.g. `liferay-db`. */
  readonly name: string;
  /** The host's IPv4 address in the customer network (ASGs take addresses, not host names). */
  readonly host: string;
  /** The TCP port, 1-65535. */
  readonly port: number;
}

const STRINGS = stringSpec("PrivateEgressAsgProps", {
  name: ID,
  privateCidrs: listOf(ID),
  privateServices: listOf(fieldsOf({ name: ID, host: ID })),
});

/** Properties of a {@link PrivateEgressAsg}. */
export interface PrivateEgressAsgProps extends CloudFoundryProviderOptions {
  /** The ASG name, e.g. `agency-prod-private-egress`. */
  readonly name: string;
  /**
   * The customer's private CIDRs: network-aligned, each once. Each becomes one rule (protocol `all`).
   * Whole RFC 1918 blocks and anything wider than a /8 are refused.
   * @default - none (then `privateServices` must name at least one service)
   */
  readonly privateCidrs?: string[];
  /**
   * Private services: each becomes one tcp rule to exactly that host and port.
   * @default - none
   */
  readonly privateServices?: PrivateService[];
  /** The tenant's spaces: bound for running apps. */
  readonly spaces: ISpace[];
  /**
   * Also bind the spaces for staging (needed only when staging itself must reach the private network).
   * @default false
   */
  readonly bindStaging?: boolean;
}

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/**
 * Checks private CIDRs and services and returns the ASG rules for them: one `all` rule per CIDR (in
 * the order given) then one tcp rule per service. Throws on the first problem.
 */
export function privateEgressRules(privateCidrs: string[], privateServices: PrivateService[]): AsgRule[] {
  if (privateCidrs.length === 0 && privateServices.length === 0) throw E.privateEgressEmpty("privateCidrs");
  const seen = new Set<string>();
  const rules: AsgRule[] = [];
  privateCidrs.forEach((cidr, i) => {
    const prop = `privateCidrs[${i}]`;
    if (Token.isUnresolved(cidr)) {
      rules.push({ protocol: AsgProtocol.ALL, destination: cidr, description: "private network" });
      return;
    }
    const c = parseCidr(cidr);
    if (!c || !c.canonical) throw E.privateCidr(prop, cidr, cidrProblem(cidr));
    if (seen.has(c.canonicalText)) throw E.privateCidr(prop, cidr, "is listed twice");
    seen.add(c.canonicalText);
    rules.push({ protocol: AsgProtocol.ALL, destination: cidr, description: "private network" });
  });
  const names = new Set<string>();
  privateServices.forEach((s, i) => {
    const prop = `privateServices[${i}]`;
    if (!Token.isUnresolved(s.name) && !SERVICE_NAME.test(s.name)) {
      throw E.privateService(
        `${prop}.name`,
        s.name,
        "is not a usable service name",
        "1-63 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit",
      );
    }
    if (names.has(s.name))
      throw E.privateService(`${prop}.name`, s.name, "is listed twice", "give each service a unique name");
    names.add(s.name);
    if (!Token.isUnresolved(s.host) && !isIpv4(s.host)) {
      throw E.privateService(
        `${prop}.host`,
        s.host,
        "is not an IPv4 address",
        "ASG destinations are addresses: give the host's private IPv4 address",
      );
    }
    if (!Token.isUnresolved(s.port) && (!Number.isInteger(s.port) || s.port < 1 || s.port > 65535)) {
      throw E.privateService(`${prop}.port`, s.port, "is not a TCP port", "an integer 1-65535");
    }
    rules.push({
      protocol: AsgProtocol.TCP,
      destination: s.host,
      ports: String(s.port),
      description: `private service ${s.name}`,
    });
  });
  return rules;
}

/**
 * Define the tenant's private-egress ASG: its destinations are exactly the private CIDRs and the
 * private services' hosts (`destinations`), bound running to the tenant's spaces on the ASG itself.
 *
 * @example
 * new PrivateEgressAsg(stack, "PrivateEgress", {
 *   name: "agency-prod-private-egress",
 *   privateCidrs: ["192.168.100.0/24"],
 *   privateServices: [{ name: "liferay", host: "192.168.100.30", port: 8080 }],
 *   spaces: [app],
 * });
 */
export class PrivateEgressAsg extends Construct {
  /** Every destination of the ASG, in rule order (for the environment's "ASG = routed CIDRs" check). */
  public readonly destinations: string[];
  /** The private CIDRs, as given. */
  public readonly privateCidrs: string[];
  /** The ASG's GUID (a token). */
  public readonly securityGroupId: string;
  /** The application security group holding the rules. */
  public readonly asg: ApplicationSecurityGroup;

  constructor(scope: Construct, id: string, props: PrivateEgressAsgProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { cloudfoundry: props.provider });
    const privateCidrs = props.privateCidrs ?? [];
    const privateServices = props.privateServices ?? [];
    const bindStaging = props.bindStaging ?? false;
    if (props.spaces.length === 0) throw E.egressNoSpaces("spaces");

    const rules = privateEgressRules(privateCidrs, privateServices);
    this.asg = new ApplicationSecurityGroup(this, "Resource", {
      name: props.name,
      rules,
      runningSpaces: props.spaces,
      stagingSpaces: bindStaging ? props.spaces : undefined,
    });
    this.destinations = rules.map((r) => r.destination);
    this.privateCidrs = [...privateCidrs];
    this.securityGroupId = this.asg.securityGroupId;
  }
}
