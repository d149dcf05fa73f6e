/**
 * The Liferay seed's segregation: production, staging and development of one tenant, each its own
 * stack (own state, own VPC, own VPN and isolation segment) in one app, with segregated CIDRs on
 * both sides of the tunnel and the library's strict IKEv2 profile.
 */
import { Construct } from "constructs";
import {
  CustomerDevice,
  DeploymentEnvironment,
  PrivateEgressEnvironment,
  PrivateEgressHandoff,
  VpnCryptoProfile,
} from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../shared/foundation";
import { PlatformStack, PlatformStackProps } from "../shared/platform-stack";

/** The tenant whose three environments the example builds. */
export const TENANT_ORG = "liferay";

/** What differs between the tenant's environments. */
export interface EnvironmentSettings {
  /** Which environment. */
  readonly environment: DeploymentEnvironment;
  /** The tenant's private CIDRs for this environment. */
  readonly privateCidrs: string[];
  /** The environment's VPC block. */
  readonly vpcCidrBlock: string;
  /** The block the dedicated subnets are carved from (inside `vpcCidrBlock`). */
  readonly segmentCidrBlock: string;
  /** The environment's VPN endpoint (one device per environment). */
  readonly endpointIp: string;
  /** The environment's spaces (space names are unique within the org). */
  readonly spaces: string[];
  /** About how many apps the environment runs. */
  readonly expectedApps: number;
}

/** The three environments, segregated: no CIDR of one overlaps any of another. */
export const ENVIRONMENTS: Record<DeploymentEnvironment, EnvironmentSettings> = {
  [DeploymentEnvironment.PRODUCTION]: {
    environment: DeploymentEnvironment.PRODUCTION,
    privateCidrs: ["172.20.10.0/24"],
    vpcCidrBlock: "10.50.0.0/16",
    segmentCidrBlock: "10.50.0.0/19",
    endpointIp: "18.188.145.110",
    spaces: ["prod-portal", "prod-batch"],
    expectedApps: 40,
  },
  [DeploymentEnvironment.STAGING]: {
    environment: DeploymentEnvironment.STAGING,
    privateCidrs: ["172.20.20.0/24"],
    vpcCidrBlock: "10.51.0.0/16",
    segmentCidrBlock: "10.51.0.0/19",
    endpointIp: "18.188.145.111",
    spaces: ["staging-portal"],
    expectedApps: 15,
  },
  [DeploymentEnvironment.DEVELOPMENT]: {
    environment: DeploymentEnvironment.DEVELOPMENT,
    privateCidrs: ["172.20.30.0/24"],
    vpcCidrBlock: "10.52.0.0/16",
    segmentCidrBlock: "10.52.0.0/19",
    endpointIp: "18.188.145.112",
    spaces: ["dev-portal"],
    expectedApps: 10,
  },
};

/** Props of {@link TenantEnvironmentStack}. */
export interface TenantEnvironmentStackProps extends PlatformStackProps {
  /** The environment to build. */
  readonly settings: EnvironmentSettings;
}

/** One environment of the tenant: its own stack and state. */
export class TenantEnvironmentStack extends PlatformStack {
  public readonly environment: PrivateEgressEnvironment;

  constructor(scope: Construct, id: string, props: TenantEnvironmentStackProps) {
    super(scope, id, props);
    const s = props.settings;
    this.environment = new PrivateEgressEnvironment(this, "Liferay", {
      tenant: { org: TENANT_ORG, spaces: s.spaces },
      environment: s.environment,
      customerEndpoint: { ip: s.endpointIp, device: CustomerDevice.STRONGSWAN },
      privateCidrs: s.privateCidrs,
      expectedApps: s.expectedApps,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell(props.env) },
      cryptoProfile: VpnCryptoProfile.strict(),
      vpcCidrBlock: s.vpcCidrBlock,
      segmentCidrBlock: s.segmentCidrBlock,
      availabilityZones: [`${this.region}a`, `${this.region}b`],
    });
    new PrivateEgressHandoff(this, "Handoff", { environment: this.environment });
  }
}

/** The stack ids, by environment. */
export const STACK_IDS: Record<DeploymentEnvironment, string> = {
  [DeploymentEnvironment.PRODUCTION]: "liferay-production",
  [DeploymentEnvironment.STAGING]: "liferay-staging",
  [DeploymentEnvironment.DEVELOPMENT]: "liferay-development",
};

/** Creates the three environment stacks in `scope` (production first). */
export function createMultiEnvironmentStacks(
  scope: Construct,
  props: PlatformStackProps = {},
): TenantEnvironmentStack[] {
  return Object.values(DeploymentEnvironment).map(
    (env) => new TenantEnvironmentStack(scope, STACK_IDS[env], { ...props, settings: ENVIRONMENTS[env] }),
  );
}
