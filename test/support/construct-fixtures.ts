/**
 * A valid call of each public input (every exported construct, renderer and static factory), with a
 * patch hook: `p` receives the props (or, for a factory, an object keyed by parameter name) and returns
 * what the fixture passes on. Shared by the input-boundary canary and the props-shape test.
 */
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { stringify } from "yaml";
import {
  ApplicationSecurityGroup,
  AsgProtocol,
  BaseCell,
  ControlPlaneRole,
  ControlPlanePeer,
  CustomerDevice,
  CustomerGateway,
  DedicatedCells,
  DedicatedSegment,
  EgressTier,
  IsolationSegment,
  Org,
  parseEnvironmentRequest,
  PolicyPack,
  PolicySuppressions,
  PrivateEgressAsg,
  PrivateEgressEnvironment,
  PrivateEgressEnvironmentProps,
  PrivateEgressHandoff,
  PrivateEgressPlatform,
  renderDeviceConfig,
  Space,
  SpaceEgress,
  TransitGateway,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  TransitGatewayVpcAttachment,
  TunnelAlarms,
  UserProvidedService,
  VpcFlowLogs,
  VpcReference,
  VpnConnection,
  VpnCryptoProfile,
  VpnCryptoProfileOptions,
  VpnGateway,
} from "../../lib";
import { ERROR_IN_BOTH } from "../../lib/checks/profiles";
import { NOT_APPLICABLE } from "../../lib/checks/rule";
import { CLOUD_GOV_IKEV1, connection } from "../handoff/fixtures";

// ---------------------------------------------------------------------------------------------
// fixtures: a valid call of each input; `p` puts the payload where the path says

export type Patch = <T>(base: T) => T;

/** A deep copy of plain objects and arrays; class instances (constructs, profiles) are kept. */
export function structuredCloneKeepingClasses<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuredCloneKeepingClasses) as unknown as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, structuredCloneKeepingClasses(v)]),
    ) as T;
  }
  return value;
}

export function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), "canary");
  new AwsProvider(s, "aws", { region: "us-gov-west-1" });
  return s;
}

const ORG_GUID = "3bc20dc4-1870-4835-8308-dda2d766e61e";
const SPACE_GUID = "5e2f1a4c-0b7d-4e2a-9c1f-6a8b3d2e1f00";
const DIEGO_CELL_FILE = path.join(__dirname, "..", "..", "examples", "shared", "diego-cell.yml");
// the dedicated cells come from code (the operator's base cell), never from a request file
const CELLS = { baseCell: BaseCell.fromFile(DIEGO_CELL_FILE) };
// where the foundation's control plane is (code gives it, like the base cell): the hand-off needs cells
const CONTROL_PLANE = {
  boshDirector: [ControlPlanePeer.securityGroup("sg-0b0500d1ec7000001", "bosh-director")],
  sharedComponents: [ControlPlanePeer.securityGroup("sg-0c0ffee0c0ffee001", "cf-internal")],
  diegoBbs: [ControlPlanePeer.securityGroup("sg-0c0ffee0c0ffee001", "cf-internal")],
};
const REQUEST: PrivateEgressEnvironmentProps = {
  cells: CELLS,
  tenant: { org: "agency-prod", spaces: ["app", "batch"], existingSpaceGuids: { app: SPACE_GUID } },
  customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
  secondCustomerEndpoint: { ip: "18.188.145.102", device: CustomerDevice.STRONGSWAN, bgpAsn: 65010 },
  privateCidrs: ["192.168.100.0/24"],
  expectedApps: 40,
  privateServices: [{ name: "db", host: "192.168.100.30", port: 5432 }],
  egressTiers: { running: [EgressTier.TRUSTED_LOCAL], staging: [EgressTier.PUBLIC], tierNames: {} },
  availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
};

const space = (s: TerraformStack) => Space.fromSpaceId(s, "Space", SPACE_GUID);
const subnets = [
  {
    availabilityZone: "us-gov-west-1a",
    subnetId: "subnet-aaa",
    cidrBlock: "10.40.16.0/22",
    gateway: "10.40.16.1",
    reservedRanges: ["10.40.16.0-10.40.16.3"],
  },
  {
    availabilityZone: "us-gov-west-1b",
    subnetId: "subnet-bbb",
    cidrBlock: "10.40.20.0/22",
    gateway: "10.40.20.1",
    reservedRanges: ["10.40.20.0-10.40.20.3"],
  },
];
const tunnels = {
  vpnConnectionId: "vpn-0123",
  tunnel1: {
    outsideAddress: "52.0.0.1",
    insideCidr: "169.254.10.0/30",
    vgwInsideAddress: "169.254.10.1",
    cgwInsideAddress: "169.254.10.2",
  },
  tunnel2: {
    outsideAddress: "52.0.0.2",
    insideCidr: "169.254.10.4/30",
    vgwInsideAddress: "169.254.10.5",
    cgwInsideAddress: "169.254.10.6",
  },
};

function diegoCell(): Record<string, unknown> {
  return BaseCell.fromFile(DIEGO_CELL_FILE).resolve("baseCell");
}

/** An environment cloned from `baseCell`, and its hand-off (where the cells' ops file is an output). */
function baseCellHandoff(s: TerraformStack, baseCell: BaseCell): void {
  const environment = new PrivateEgressEnvironment(s, "Agency", {
    ...REQUEST,
    controlPlane: CONTROL_PLANE,
    cells: { baseCell },
  });
  new PrivateEgressHandoff(s, "Handoff", { environment });
}

export const FIXTURES: Record<string, (s: TerraformStack, p: Patch) => void> = {
  ApplicationSecurityGroup: (s, p) =>
    new ApplicationSecurityGroup(
      s,
      "Asg",
      p({
        name: "agency-asg",
        rules: [
          { protocol: AsgProtocol.TCP, destination: "192.168.100.0/24", ports: "443", description: "db" },
        ],
        runningSpaces: [space(s)],
      }),
    ),
  CustomerGateway: (s, p) =>
    new CustomerGateway(s, "Cgw", p({ ipAddress: "18.188.145.101", deviceName: "fw" })),
  DedicatedCells: (s, p) => {
    const segment = new IsolationSegment(s, "Segment", {
      name: "agency",
      orgs: [Org.fromOrgId(s, "Org", ORG_GUID)],
    });
    const cells = new DedicatedCells(
      s,
      "Cells",
      p({
        segment,
        subnets,
        dnsServers: ["10.40.0.2"],
        vmExtensions: ["ext"],
        additionalSecurityGroupIds: ["sg-0123456789abcdef1"],
        deploymentName: "cf",
        cellSecurityGroup: {
          securityGroupId: "sg-0123456789abcdef0",
          controlPlaneRoles: [
            ControlPlaneRole.BOSH_DIRECTOR,
            ControlPlaneRole.SHARED_COMPONENTS,
            ControlPlaneRole.DIEGO_BBS,
          ],
        },
        baseCell: BaseCell.fromFile(DIEGO_CELL_FILE),
        boshAzNames: { "us-gov-west-1a": "z1", "us-gov-west-1b": "z2" },
      }),
    );
    new TerraformOutput(s, "ops", { value: cells.opsFileYaml });
    new TerraformOutput(s, "cloud", { value: cells.cloudConfigYaml });
  },
  DedicatedSegment: (s, p) =>
    new DedicatedSegment(
      s,
      "Segment",
      p({
        availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
        vpcCidrBlock: "10.40.0.0/16",
        name: "agency",
        tags: { Owner: "agency" },
      }),
    ),
  IsolationSegment: (s, p) => new IsolationSegment(s, "Segment", p({ name: "agency" })),
  Org: (s, p) => new Org(s, "Org", p({ name: "agency" })),
  PrivateEgressAsg: (s, p) =>
    new PrivateEgressAsg(
      s,
      "Asg",
      p({
        name: "agency-private-egress",
        privateCidrs: ["192.168.100.0/24"],
        privateServices: [{ name: "db", host: "192.168.100.30", port: 5432 }],
        spaces: [space(s)],
      }),
    ),
  PrivateEgressEnvironment: (s, p) => new PrivateEgressEnvironment(s, "Agency", p(REQUEST)),
  // the request file's data through parseEnvironmentRequest; `cells` (a BaseCell only code can give)
  // is passed by code next to it, as an app does
  parseEnvironmentRequest: (s, p) => {
    const { cells, ...data } = REQUEST;
    const patched = p({ ...(JSON.parse(JSON.stringify(data)) as object), cells: { ...cells } }) as {
      cells: typeof cells;
    };
    const { cells: patchedCells, ...patchedData } = patched;
    new PrivateEgressEnvironment(s, "Agency", {
      ...parseEnvironmentRequest(patchedData),
      cells: patchedCells,
    });
  },
  PrivateEgressPlatform: (_s, p) =>
    new PrivateEgressPlatform(
      Testing.app(),
      "Platform",
      p({
        requests: path.join(__dirname, "..", "..", "examples", "platform", "tenants"),
        stacks: {
          createStack: (scope, id) => {
            const s = new TerraformStack(scope, id);
            new AwsProvider(s, "aws", { region: "us-gov-west-1" });
            return s;
          },
        },
        availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
        vpcCidrBlock: "10.40.0.0/16",
        transitSubnetBlock: "10.40.255.0/24",
        platformStackId: "platform",
        cells: { ...CELLS },
        controlPlane: CONTROL_PLANE,
      }),
    ),
  TransitGateway: (s, p) =>
    new TransitGateway(s, "Tgw", p({ description: "tenants", tags: { Owner: "platform" } })),
  TransitGatewayRouteTable: (s, p) =>
    new TransitGatewayRouteTable(
      s,
      "RouteTable",
      p({ transitGateway: new TransitGateway(s, "Tgw"), tags: { Owner: "agency" } }),
    ),
  TransitGatewayRoute: (s, p) => {
    const transitGateway = new TransitGateway(s, "Tgw");
    const attachment = new TransitGatewayVpcAttachment(s, "Attachment", {
      transitGateway,
      vpc: VpcReference.fromVpcAttributes(s, "Vpc", { vpcId: "vpc-0123", vpcCidrBlock: "10.40.0.0/16" }),
      subnets: [{ availabilityZone: "us-gov-west-1a", subnetId: "subnet-aaa" }],
    });
    new TransitGatewayRoute(
      s,
      "Route",
      p({ routeTable: attachment.routeTable, destinationCidrBlock: "192.168.100.0/24", attachment }),
    );
  },
  TransitGatewayVpcAttachment: (s, p) =>
    new TransitGatewayVpcAttachment(
      s,
      "Attachment",
      p({
        transitGateway: new TransitGateway(s, "Tgw"),
        vpc: VpcReference.fromVpcAttributes(s, "Vpc", { vpcId: "vpc-0123", vpcCidrBlock: "10.40.0.0/16" }),
        subnets: [
          { availabilityZone: "us-gov-west-1a", subnetId: "subnet-aaa" },
          { availabilityZone: "us-gov-west-1b", subnetId: "subnet-bbb" },
        ],
        tags: { Owner: "agency" },
      }),
    ),
  PrivateEgressHandoff: (s, p) => {
    const environment = new PrivateEgressEnvironment(s, "Agency", {
      ...REQUEST,
      controlPlane: CONTROL_PLANE,
    });
    new PrivateEgressHandoff(s, "Handoff", p({ environment, outputPrefix: "agency", panOs: {} }));
  },
  Space: (s, p) => new Space(s, "Space", p({ org: Org.fromOrgId(s, "Org", ORG_GUID), name: "app" })),
  SpaceEgress: (s, p) =>
    new SpaceEgress(
      s,
      "Egress",
      p({
        spaces: [space(s)],
        running: [EgressTier.TRUSTED_LOCAL],
        staging: [EgressTier.PUBLIC],
        tierNames: {},
      }),
    ),
  TunnelAlarms: (s, p) =>
    new TunnelAlarms(s, "Alarms", p({ vpnConnection: tunnels, alarmNamePrefix: "agency" })),
  UserProvidedService: (s, p) =>
    new UserProvidedService(
      s,
      "Ups",
      p({ space: space(s), name: "db", credentials: { host: "h" }, tags: ["t"] }),
    ),
  VpcFlowLogs: (s, p) =>
    new VpcFlowLogs(
      s,
      "FlowLogs",
      p({
        vpc: new Vpc(s, "Vpc", { cidrBlock: "10.40.0.0/16" }),
        logGroupName: "flow",
        tags: { Owner: "a" },
      }),
    ),
  VpnConnection: (s, p) =>
    new VpnConnection(
      s,
      "Vpn",
      p({
        vpnGateway: VpnGateway.fromVpnGatewayId(s, "Vgw", "vgw-0123456789abcdef0"),
        customerGateway: CustomerGateway.fromCustomerGatewayId(s, "Cgw", "cgw-0123456789abcdef0"),
        staticRoutes: ["192.168.100.0/24"],
      }),
    ),
  VpnGateway: (s, p) =>
    new VpnGateway(
      s,
      "Vgw",
      p({
        vpc: VpcReference.fromVpcAttributes(s, "Vpc", { vpcId: "vpc-0123", vpcCidrBlock: "10.40.0.0/16" }),
        availabilityZone: "us-gov-west-1a",
      }),
    ),
  renderDeviceConfig: (s, p) => {
    const files = renderDeviceConfig(p(connection(CustomerDevice.PALO_ALTO_PANOS, CLOUD_GOV_IKEV1))).files;
    files.forEach((f, i) => new TerraformOutput(s, `f${i}`, { value: f.content }));
  },
  // factories: the path starts with the parameter's name
  // the base cell: the file path is an identifier; the group's content is BOSH text, carried into the
  // hand-off's ops file output (escaped there), so the payload goes inside a valid instance group
  "BaseCell.fromFile": (s, p) =>
    baseCellHandoff(s, BaseCell.fromFile(p({ filePath: DIEGO_CELL_FILE }).filePath)),
  "BaseCell.fromYaml": (s, p) => {
    const note = p({ yamlText: "note" }).yamlText;
    baseCellHandoff(s, BaseCell.fromYaml(stringify({ ...diegoCell(), canary_note: note })));
  },
  "BaseCell.fromObject": (s, p) =>
    baseCellHandoff(s, BaseCell.fromObject({ ...diegoCell(), ...p({ instanceGroup: {} }).instanceGroup })),
  "TransitGateway.fromTransitGatewayId": (s, p) =>
    TransitGateway.fromTransitGatewayId(s, "Tgw", p({ transitGatewayId: "tgw-0123" }).transitGatewayId),
  "ControlPlanePeer.cidr": (_s, p) => ControlPlanePeer.cidr(p({ cidrBlock: "10.0.0.0/24" }).cidrBlock),
  "ControlPlanePeer.securityGroup": (_s, p) => {
    const a = p({ securityGroupId: "sg-0123", key: "director" });
    ControlPlanePeer.securityGroup(a.securityGroupId, a.key);
  },
  "CustomerGateway.fromCustomerGatewayAttributes": (s, p) =>
    CustomerGateway.fromCustomerGatewayAttributes(
      s,
      "Cgw",
      p({ attrs: { customerGatewayId: "cgw-0123", ipAddress: "18.188.145.101" } }).attrs,
    ),
  "CustomerGateway.fromCustomerGatewayId": (s, p) =>
    CustomerGateway.fromCustomerGatewayId(s, "Cgw", p({ customerGatewayId: "cgw-0123" }).customerGatewayId),
  "IsolationSegment.fromIsolationSegmentAttributes": (s, p) =>
    IsolationSegment.fromIsolationSegmentAttributes(
      s,
      "Seg",
      p({ attrs: { isolationSegmentId: ORG_GUID, isolationSegmentName: "agency" } }).attrs,
    ),
  "IsolationSegment.fromIsolationSegmentName": (s, p) =>
    IsolationSegment.fromIsolationSegmentName(s, "Seg", p({ name: "agency" }).name),
  "Org.fromOrgId": (s, p) => Org.fromOrgId(s, "Org", p({ orgId: ORG_GUID }).orgId),
  "Org.fromOrgName": (s, p) => Org.fromOrgName(s, "Org", p({ name: "agency" }).name),
  "Space.fromSpaceId": (s, p) => Space.fromSpaceId(s, "Space", p({ spaceId: SPACE_GUID }).spaceId),
  "Space.fromSpaceName": (s, p) =>
    Space.fromSpaceName(s, "Space", Org.fromOrgId(s, "Org", ORG_GUID), p({ name: "app" }).name),
  "UserProvidedService.forPrivateService": (s, p) =>
    UserProvidedService.forPrivateService(
      s,
      "Ups",
      space(s),
      p({ service: { name: "db", host: "192.168.100.30", port: 5432 } }).service,
    ),
  "VpcReference.fromVpcAttributes": (s, p) =>
    VpcReference.fromVpcAttributes(
      s,
      "Vpc",
      p({ attrs: { vpcId: "vpc-0123", vpcCidrBlock: "10.40.0.0/16" } }).attrs,
    ),
  "VpnCryptoProfile.custom": (s, p) => {
    const strict = VpnCryptoProfile.strict();
    const options = { ...strict.options, name: "custom" } as unknown as VpnCryptoProfileOptions;
    const profile = VpnCryptoProfile.custom(p({ options }).options);
    new VpnConnection(s, "Vpn", {
      vpnGateway: VpnGateway.fromVpnGatewayId(s, "Vgw", "vgw-0123456789abcdef0"),
      customerGateway: CustomerGateway.fromCustomerGatewayId(s, "Cgw", "cgw-0123456789abcdef0"),
      cryptoProfile: profile,
    });
  },
  "VpnGateway.fromVpnGatewayId": (s, p) =>
    VpnGateway.fromVpnGatewayId(s, "Vgw", p({ vpnGatewayId: "vgw-0123" }).vpnGatewayId),
  "PolicyPack.applyTo": (s, p) => {
    new Org(s, "Org", { name: "agency" });
    const rule = {
      id: "PE-TEST-001",
      title: "a rule",
      mirrors: "-",
      severity: ERROR_IN_BOTH,
      appliesTo: ["cloudfoundry_org"],
      evaluate: () => NOT_APPLICABLE,
    };
    PolicyPack.applyTo(s, p({ props: { rules: [rule] } }).props);
  },
  "PolicySuppressions.addResourceSuppressions": (s, p) => {
    const org = new Org(s, "Org", { name: "agency" });
    PolicySuppressions.addResourceSuppressions(
      org,
      p({ suppressions: [{ id: "PE-CF-001", reason: "a reason long enough" }] }).suppressions,
    );
  },
  "PolicySuppressions.addStackSuppressions": (s, p) =>
    PolicySuppressions.addStackSuppressions(
      s,
      p({ suppressions: [{ id: "PE-CF-001", reason: "a reason long enough" }] }).suppressions,
    ),
};
