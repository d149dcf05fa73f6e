/**
 * The input boundary's canary: every string a user can hand the library (derived from the code by
 * the TypeScript compiler, test/support/string-props.ts) receives a Terraform template payload; the
 * construct must refuse it with a named error (PE-INPUT-006 naming the prop as the user wrote it) or
 * write it escaped, so Terraform prints it literally. A new string prop without a classification
 * fails the first test; one whose payload reaches cdk.tf.json live fails the second.
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
  PrivateEgressError,
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
import { declaredStringSpecs, StringRole, StringSpec, StringSpecNode } from "../../lib/core/boundary";
import { ERROR_IN_BOTH } from "../../lib/checks/profiles";
import { NOT_APPLICABLE } from "../../lib/checks/rule";
import { CLOUD_GOV_IKEV1, connection } from "../handoff/fixtures";
import { publicStringInputs, StringInput } from "../support/string-props";

const PAYLOADS = ['X${upper("a")}Y', "X%{if true}Y%{endif}"];
const LIVE = /(^|[^$])\$\{upper\(|(^|[^%])%\{if true\}/;
const ESCAPED = /\$\$\{upper\(|%%\{if true\}/;

/**
 * Inputs that never reach a Terraform-evaluated string, with the reason: the canary does not require
 * them to be refused or escaped (it still checks that nothing live reaches cdk.tf.json).
 */
const NOT_TERRAFORM: Record<string, string> = {
  "PolicyPack.applyTo":
    "rule definitions (id, title, severity) are code; they become annotations, never Terraform values",
  "PolicySuppressions.addResourceSuppressions":
    'recorded under "//" (a comment in Terraform JSON syntax), never evaluated',
  "PolicySuppressions.addStackSuppressions":
    'recorded under "//" (a comment in Terraform JSON syntax), never evaluated',
};

// ---------------------------------------------------------------------------------------------
// the declared classification as paths, in the notation of string-props.ts

function specPaths(spec: StringSpec, prefix: string): string[] {
  return Object.entries(spec).flatMap(([key, node]) =>
    nodePaths(node, prefix === "" ? key : `${prefix}.${key}`),
  );
}

function nodePaths(node: StringSpecNode, path: string): string[] {
  if (node === StringRole.IDENTIFIER || node === StringRole.TEXT) return [path];
  if ("list" in node) return nodePaths(node.list, `${path}[]`);
  if ("mapKeys" in node) return [`${path}{}`, ...nodePaths(node.mapValues, `${path}.*`)];
  return specPaths(node.fields, path);
}

// ---------------------------------------------------------------------------------------------
// fixtures: a valid call of each input; `p` puts the payload where the path says

type Patch = <T>(base: T) => T;

function setAt(base: unknown, path: string, payload: string): unknown {
  const root: Record<string, unknown> = { v: structuredCloneKeepingClasses(base) };
  let parent: Record<string | number, unknown> = root;
  let key: string | number = "v";
  for (const step of path.match(/[^.[\]{}]+|\[\]|\{\}/g) ?? []) {
    const current = parent[key];
    const isObject = current !== null && typeof current === "object";
    if (step === "[]") {
      const list = Array.isArray(current) ? current : [];
      if (list.length === 0) list.push(undefined);
      parent[key] = list;
      parent = list as unknown as Record<number, unknown>;
      key = 0;
    } else if (step === "{}") {
      const first = isObject ? Object.values(current as object)[0] : undefined;
      parent[key] = { [payload]: first ?? "v" };
      return root.v;
    } else {
      const next = step === "*" || !isObject ? {} : (current as Record<string, unknown>);
      parent[key] = next;
      parent = next as Record<string, unknown>;
      key = step === "*" ? "k" : step;
    }
  }
  parent[key] = payload;
  return root.v;
}

/** A deep copy of plain objects and arrays; class instances (constructs, profiles) are kept. */
function structuredCloneKeepingClasses<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuredCloneKeepingClasses) as unknown as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, structuredCloneKeepingClasses(v)]),
    ) as T;
  }
  return value;
}

function stack(): TerraformStack {
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

const FIXTURES: Record<string, (s: TerraformStack, p: Patch) => void> = {
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

// ---------------------------------------------------------------------------------------------

interface Case {
  readonly owner: string;
  readonly path: string;
  readonly payload: string;
}

function isFactory(owner: string): boolean {
  return owner.includes(".");
}

/** The prop as the user wrote it: `a[]` -> `a[0]`, `a.*` -> `a.k`, `a{}` -> `a`; a factory's parameter name dropped for attributes. */
function expectedProp(c: Case): string {
  let prop = c.path.replace(/\[\]/g, "[0]").replace(/\.\*/g, ".k").replace(/\{\}$/, "");
  if (isFactory(c.owner) && /^(attrs|options|service)\./.test(prop)) prop = prop.replace(/^\w+\./, "");
  return prop;
}

type Outcome = "refused" | "escaped" | "absent" | string;

function run(c: Case): Outcome {
  const s = stack();
  const fixture = FIXTURES[c.owner];
  const p: Patch = (base) => (c.path === "" ? base : (setAt(base, c.path, c.payload) as typeof base));
  try {
    fixture(s, p);
  } catch (e) {
    if (e instanceof PrivateEgressError && e.code === "PE-INPUT-006") {
      return e.prop === expectedProp(c) ? "refused" : `refused naming ${e.prop}, not ${expectedProp(c)}`;
    }
    if (e instanceof PrivateEgressError && e.prop === expectedProp(c)) return "refused";
    return `threw ${e instanceof Error ? e.message : String(e)}`;
  }
  const json = Testing.synth(s);
  if (LIVE.test(json)) return "LIVE in cdk.tf.json";
  return ESCAPED.test(json) ? "escaped" : "absent";
}

const inputs = publicStringInputs();
const cases: Case[] = inputs.flatMap((input) =>
  input.paths.flatMap((path) => {
    const owner = input.owner;
    return PAYLOADS.map((payload) => ({ owner, path, payload }));
  }),
);
// the environment request read from a file: the same paths through parseEnvironmentRequest
const environment = inputs.find((i) => i.owner === "PrivateEgressEnvironment") as StringInput;
const requestCases: Case[] = environment.paths.flatMap((path) =>
  PAYLOADS.map((payload) => ({ owner: "parseEnvironmentRequest", path, payload })),
);

describe("input boundary canary", () => {
  test("THEN every construct's string props (derived from the code) are classified exactly as declared", () => {
    const specs = declaredStringSpecs();
    const mismatches: string[] = [];
    for (const input of inputs) {
      if (isFactory(input.owner) || input.paths.length === 0) continue;
      const spec = specs.get(input.typeName);
      if (!spec) {
        mismatches.push(`${input.owner}: no stringSpec("${input.typeName}", ...) declared`);
        continue;
      }
      const declared = specPaths(spec, "").sort();
      if (JSON.stringify(declared) !== JSON.stringify(input.paths)) {
        const missing = input.paths.filter((x) => !declared.includes(x));
        const extra = declared.filter((x) => !input.paths.includes(x));
        mismatches.push(
          `${input.typeName}: unclassified ${missing.join(", ")}; not props ${extra.join(", ")}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("THEN every input has a fixture (a new construct or factory needs one here)", () => {
    expect(inputs.filter((i) => i.paths.length > 0 && !(i.owner in FIXTURES)).map((i) => i.owner)).toEqual(
      [],
    );
  });

  test("THEN the canary covers the library's string inputs (count in the report)", () => {
    const count = new Set(cases.map((c) => `${c.owner}:${c.path}`)).size;
    const constructProps = inputs.filter((i) => !isFactory(i.owner)).reduce((n, i) => n + i.paths.length, 0);
    console.log(
      `canary: ${count} string inputs (${constructProps} construct/renderer props, ${count - constructProps} factory parameters) + ${environment.paths.length} request-file paths, ${cases.length + requestCases.length} cases`,
    );
    expect(constructProps).toBeGreaterThanOrEqual(150);
  });

  test.each([...cases, ...requestCases].map((c) => [`${c.owner} ${c.path} <- ${c.payload}`, c] as const))(
    "%s: refused by name or escaped, never live",
    (_title, c) => {
      const outcome = run(c);
      if (NOT_TERRAFORM[c.owner] !== undefined) {
        expect(outcome).not.toBe("LIVE in cdk.tf.json");
      } else {
        expect(["refused", "escaped"]).toContain(outcome);
      }
    },
  );
});
