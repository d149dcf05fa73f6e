/**
 * Two tenants on one platform, in one VPC behind one virtual private gateway: each gets its own
 * dedicated subnets, route tables, network ACL, VPN connection, isolation segment and ASG, and
 * neither can reach the other's networks. The second tenant's segment is carved clear of the
 * first's subnets; the platform registry makes each network ACL deny the other tenant's customer
 * CIDRs.
 */
import { Construct } from "constructs";
import { CustomerDevice, PrivateEgressEnvironment, PrivateEgressHandoff } from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../shared/foundation";
import { PlatformStack, PlatformStackProps } from "../shared/platform-stack";

/** Tenant A: the Treasury office. */
export const TENANT_A = {
  org: "treasury-prod",
  spaces: ["payments"],
  endpointIp: "18.188.145.130",
  privateCidrs: ["192.168.10.0/24", "10.210.0.0/20"],
} as const;

/** Tenant B: the Interior office. */
export const TENANT_B = {
  org: "interior-prod",
  spaces: ["permits", "reports"],
  endpointIp: "18.188.145.140",
  privateCidrs: ["192.168.20.0/24"],
} as const;

/** The platform's VPC block, shared by both tenants' segments. */
export const VPC_CIDR_BLOCK = "10.40.0.0/16";

/** Both tenants in one stack: one VPC, one virtual private gateway. */
export class TwoTenantsStack extends PlatformStack {
  public readonly tenantA: PrivateEgressEnvironment;
  public readonly tenantB: PrivateEgressEnvironment;

  constructor(scope: Construct, id: string, props: PlatformStackProps = {}) {
    super(scope, id, props);
    const availabilityZones = [`${this.region}a`, `${this.region}b`];
    this.tenantA = new PrivateEgressEnvironment(this, "Treasury", {
      tenant: { org: TENANT_A.org, spaces: [...TENANT_A.spaces] },
      customerEndpoint: { ip: TENANT_A.endpointIp, device: CustomerDevice.STRONGSWAN },
      privateCidrs: [...TENANT_A.privateCidrs],
      expectedApps: 30,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell(props.env) },
      vpcCidrBlock: VPC_CIDR_BLOCK,
      availabilityZones,
    });
    const a = this.tenantA.network;
    this.tenantB = new PrivateEgressEnvironment(this, "Interior", {
      tenant: { org: TENANT_B.org, spaces: [...TENANT_B.spaces] },
      customerEndpoint: { ip: TENANT_B.endpointIp, device: CustomerDevice.LIBRESWAN },
      privateCidrs: [...TENANT_B.privateCidrs],
      expectedApps: 20,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell(props.env) },
      // the same VPC and gateway (AWS attaches one virtual private gateway per VPC)
      vpc: a.vpc,
      internetGateway: a.internetGateway,
      vpnGateway: this.tenantA.vpnGateway,
      existingSubnetCidrs: [...a.subnetCidrs, ...a.natSubnetCidrs],
      availabilityZones,
    });
    new PrivateEgressHandoff(this, "TreasuryHandoff", { environment: this.tenantA });
    new PrivateEgressHandoff(this, "InteriorHandoff", { environment: this.tenantB });
  }
}
