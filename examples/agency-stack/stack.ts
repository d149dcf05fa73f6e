/**
 * An agency that already runs a VPC, an internet gateway, a Cloud Foundry org and spaces uses the
 * building blocks alone, without `PrivateEgressEnvironment`: a dedicated segment carved clear of
 * the VPC's existing subnets, a VPN gateway, customer gateway and connection, tunnel alarms, an
 * isolation segment entitled to the existing org, the existing spaces adopted into it, the
 * private-egress ASG and the dedicated cells' BOSH artifacts.
 */
import { Construct } from "constructs";
import {
  CustomerDevice,
  CustomerGateway,
  DedicatedCells,
  DedicatedSegment,
  IsolationSegment,
  Org,
  PrivateEgressAsg,
  Space,
  TunnelAlarms,
  VpcReference,
  VpnConnection,
  VpnCryptoProfile,
  VpnGateway,
} from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../shared/foundation";
import { PlatformStack, PlatformStackProps } from "../shared/platform-stack";

/** What the agency already has (ids as its platform team hands them over). */
export const EXISTING = {
  vpcId: "vpc-0a1b2c3d4e5f60718",
  vpcCidrBlock: "10.60.0.0/16",
  internetGatewayId: "igw-0f1e2d3c4b5a69788",
  /** The VPC's current subnets, which the segment must avoid. */
  subnetCidrs: ["10.60.0.0/20", "10.60.16.0/20"],
  orgGuid: "5f0c6b8e-2d7a-4c1b-9e3f-8a6d4b2c1e07",
  spaceGuids: {
    "case-management": "0b9e4a3c-7f21-4d8e-a5b6-3c2d1e0f9a84",
    reporting: "c3d4e5f6-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
  },
} as const;

/** The agency's side of the tunnel. */
export const AGENCY_ENDPOINT_IP = "18.188.145.120";
/** The agency's data-center networks the apps reach through the VPN. */
export const AGENCY_PRIVATE_CIDRS = ["172.16.40.0/22"];
/** The one private service: the agency's case database. */
export const CASE_DB = { name: "case-db", host: "172.16.41.15", port: 5432 };

/** The agency stack: building blocks inside an existing VPC, org and spaces. */
export class AgencyStack extends PlatformStack {
  public readonly segment: DedicatedSegment;
  public readonly vpnConnection: VpnConnection;
  public readonly isolationSegment: IsolationSegment;
  public readonly spaces: Space[];
  public readonly asg: PrivateEgressAsg;
  public readonly cells: DedicatedCells;

  constructor(scope: Construct, id: string, props: PlatformStackProps = {}) {
    super(scope, id, props);
    const zones = [`${this.region}a`, `${this.region}b`];

    // AWS: the segment inside the existing VPC, the VPN, routes and alarms
    const vpc = VpcReference.fromVpcAttributes(this, "Vpc", {
      vpcId: EXISTING.vpcId,
      vpcCidrBlock: EXISTING.vpcCidrBlock,
    });
    this.segment = new DedicatedSegment(this, "Segment", {
      vpc,
      internetGateway: { internetGatewayId: EXISTING.internetGatewayId },
      existingSubnetCidrs: [...EXISTING.subnetCidrs],
      availabilityZones: zones,
      expectedCells: 4,
      name: "agency-private-egress",
      boshDirectorPeers: FOUNDATION_CONTROL_PLANE.boshDirector,
      sharedComponentPeers: FOUNDATION_CONTROL_PLANE.sharedComponents,
      diegoBbsPeers: FOUNDATION_CONTROL_PLANE.diegoBbs,
    });
    const vpnGateway = new VpnGateway(this, "VpnGateway", { vpc });
    const customerGateway = new CustomerGateway(this, "CustomerGateway", {
      ipAddress: AGENCY_ENDPOINT_IP,
      deviceName: CustomerDevice.PALO_ALTO_PANOS,
    });
    this.vpnConnection = new VpnConnection(this, "VpnConnection", {
      vpnGateway,
      customerGateway,
      staticRoutes: AGENCY_PRIVATE_CIDRS,
      cryptoProfile: VpnCryptoProfile.strict(),
    });
    for (const cidr of AGENCY_PRIVATE_CIDRS) this.segment.addPrivateRoute(cidr, vpnGateway);
    new TunnelAlarms(this, "TunnelAlarms", { vpnConnection: this.vpnConnection });

    // Cloud Foundry: the existing org and spaces, a new isolation segment, the ASG and the cells
    const org = Org.fromOrgId(this, "Org", EXISTING.orgGuid);
    this.isolationSegment = new IsolationSegment(this, "IsolationSegment", {
      name: "agency-private-egress",
      orgs: [org],
    });
    this.spaces = Object.entries(EXISTING.spaceGuids).map(
      ([name, guid]) =>
        new Space(this, `Space-${name}`, {
          org,
          name,
          isolationSegment: this.isolationSegment,
          importFrom: guid,
        }),
    );
    this.asg = new PrivateEgressAsg(this, "PrivateEgressAsg", {
      name: "agency-private-egress",
      privateCidrs: AGENCY_PRIVATE_CIDRS,
      privateServices: [CASE_DB],
      spaces: this.spaces,
    });
    this.cells = new DedicatedCells(this, "Cells", {
      segment: this.isolationSegment,
      subnets: this.segment.subnets,
      cellSecurityGroup: this.segment.cellSecurityGroup,
      baseCell: foundationBaseCell(props.env),
      capacity: { expectedApps: 25 },
    });
  }
}
