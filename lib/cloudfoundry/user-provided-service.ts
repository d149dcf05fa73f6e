/**
 * A user-provided service instance: how apps find a private service by name (`VCAP_SERVICES`).
 */
import { Construct } from "constructs";
import { Fn, Token } from "cdktf";
import { ServiceInstance } from "../../gen/providers/cloudfoundry/service-instance";
import * as E from "../core/errors-cloudfoundry";
import { ISpace, CloudFoundryProviderOptions } from "./interfaces";
import { PrivateService } from "./private-egress-asg";
import { bindProviders } from "../core/providers";
import { checkProps, ID, TEXT, guardStrings, listOf, mapOf, stringSpec } from "../core/boundary";

/** Properties of a {@link UserProvidedService}. */
export interface UserProvidedServiceProps extends CloudFoundryProviderOptions {
  /** The space the instance lives in (apps bind to it there). */
  readonly space: ISpace;
  /** The service instance name. */
  readonly name: string;
  /**
   * The credentials apps receive, as a JSON object (sent as the provider's sensitive `credentials`).
   * Never put key material here: it lands in the synthesized JSON.
   */
  readonly credentials: { [key: string]: unknown };
  /**
   * Tags shown to apps in `VCAP_SERVICES`.
   * @default - none
   */
  readonly tags?: string[];
}

const STRINGS = stringSpec("UserProvidedServiceProps", {
  name: ID,
  credentials: mapOf(ID, TEXT),
  tags: listOf(ID),
});

/**
 * Define a user-provided service instance (`cloudfoundry_service_instance`, type `user-provided`).
 *
 * @example
 * UserProvidedService.forPrivateService(stack, "Liferay", space, { name: "liferay", host: "192.168.100.30", port: 8080 });
 */
export class UserProvidedService extends Construct {
  /** An instance carrying `{ host, port }` of a private service, named after it, tagged `private-egress`. */
  public static forPrivateService(
    scope: Construct,
    id: string,
    space: ISpace,
    service: PrivateService,
  ): UserProvidedService {
    checkProps("PrivateService", service);
    return new UserProvidedService(scope, id, {
      space,
      name: service.name,
      credentials: { host: service.host, port: service.port },
      tags: ["private-egress"],
    });
  }

  /** The service instance's GUID (a token). */
  public readonly serviceInstanceId: string;
  /** The service instance's name. */
  public readonly serviceInstanceName: string;
  /** The underlying `cloudfoundry_service_instance` (escape hatch). */
  public readonly resource: ServiceInstance;

  constructor(scope: Construct, id: string, props: UserProvidedServiceProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    bindProviders(this, { cloudfoundry: props.provider });
    if (!Token.isUnresolved(props.name) && !/^\S{1,255}$/.test(props.name)) {
      throw E.serviceInstanceName("name", props.name);
    }
    this.resource = new ServiceInstance(this, "Resource", {
      name: props.name,
      type: "user-provided",
      space: props.space.spaceId,
      credentials: credentialsJson(props.credentials),
      tags: props.tags && props.tags.length > 0 ? props.tags : undefined,
    });
    this.serviceInstanceId = this.resource.id;
    this.serviceInstanceName = props.name;
  }
}

/**
 * The credentials as JSON text. When any value holds a token, Terraform builds the text
 * (`jsonencode`), so a token resolving to `x","username":"admin` stays one string value instead of
 * being spliced into the JSON unescaped.
 */
function credentialsJson(credentials: { [key: string]: unknown }): string {
  return holdsToken(credentials) ? Fn.jsonencode(credentials) : JSON.stringify(credentials);
}

function holdsToken(value: unknown): boolean {
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(holdsToken);
  if (value && typeof value === "object") return Object.values(value).some(holdsToken);
  return false;
}
