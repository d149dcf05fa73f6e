import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CustomerGateway } from "@cdktf/provider-aws/lib/customer-gateway";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpnConnection } from "@cdktf/provider-aws/lib/vpn-connection";
import { VpnConnectionRoute } from "@cdktf/provider-aws/lib/vpn-connection-route";
import { VpnGateway } from "@cdktf/provider-aws/lib/vpn-gateway";
import { IsolationSegment } from "../../gen/providers/cloudfoundry/isolation-segment";
import { SecurityGroup } from "../../gen/providers/cloudfoundry/security-group";
import { Space } from "../../gen/providers/cloudfoundry/space";
import { mermaidId, renderEnvironmentDiagram } from "../../lib/handoff/diagram";
import { escapeTemplateLiteral } from "../../lib/handoff/template";

/** The seed scenario as raw provider resources, under one construct. */
function environment(): { stack: TerraformStack; env: Construct } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "diagram");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const env = new Construct(stack, "Agency");
  const vpc = new Vpc(env, "Vpc", { cidrBlock: "10.40.0.0/16" });
  const cgw = new CustomerGateway(env, "CustomerGateway", {
    ipAddress: "18.188.145.101",
    type: "ipsec.1",
    bgpAsn: "65000",
  });
  const vgw = new VpnGateway(env, "VpnGateway", { vpcId: vpc.id });
  const vpn = new VpnConnection(env, "VpnConnection", {
    customerGatewayId: cgw.id,
    vpnGatewayId: vgw.id,
    type: "ipsec.1",
    staticRoutesOnly: true,
  });
  new VpnConnectionRoute(env, "Route-192.168.100.0_24", {
    vpnConnectionId: vpn.id,
    destinationCidrBlock: "192.168.100.0/24",
  });
  // Declared in reverse order: the output must not depend on declaration order.
  const b = new Subnet(env, "Dedicated-us-gov-west-1b", {
    vpcId: vpc.id,
    cidrBlock: "10.40.20.0/22",
    availabilityZone: "us-gov-west-1b",
  });
  const a = new Subnet(env, "Dedicated-us-gov-west-1a", {
    vpcId: vpc.id,
    cidrBlock: "10.40.16.0/22",
    availabilityZone: "us-gov-west-1a",
  });
  const pub = new Subnet(env, "Public-us-gov-west-1a", {
    vpcId: vpc.id,
    cidrBlock: "10.40.0.0/24",
    availabilityZone: "us-gov-west-1a",
  });
  const eip = new Eip(env, "EgressIp-us-gov-west-1a", { domain: "vpc" });
  new NatGateway(env, "Nat-us-gov-west-1a", { allocationId: eip.allocationId, subnetId: pub.id });
  const seg = new IsolationSegment(env, "IsolationSegment", { name: "agency-prod" });
  const app1 = new Space(env, "Space-app", { name: "app", org: "org-guid", isolationSegment: seg.id });
  const batch = new Space(env, "Space-batch", { name: "batch", org: "org-guid", isolationSegment: seg.id });
  new SecurityGroup(env, "PrivateEgress", {
    name: "agency-private-egress",
    rules: [{ protocol: "tcp", destination: "192.168.100.30", ports: "8080" }],
    runningSpaces: [app1.id, batch.id],
  });
  void a;
  void b;
  return { stack, env };
}

describe("renderEnvironmentDiagram", () => {
  // GIVEN the seed scenario as raw resources
  const { stack, env } = environment();
  // WHEN the diagram is rendered
  const mermaid = renderEnvironmentDiagram(env);
  const lines = mermaid.split("\n").map((l) => l.trim());

  test("is a top-to-bottom Mermaid graph with the seeds' boxes", () => {
    expect(lines[0]).toBe("graph TB;");
    expect(lines).toContain('subgraph customer_network["Customer Network"]');
    expect(lines).toContain('subgraph platform["cloud.gov"]');
    expect(lines).toContain('subgraph dedicated_segment["Dedicated Segment"]');
  });

  const nodeId = (prefix: string) => {
    const found = lines.find((l) => l.startsWith(prefix));
    return found === undefined ? "" : found.split("[")[0];
  };

  test("draws the customer side from the customer gateway and the routed CIDRs", () => {
    expect(lines).toContain('net_192_168_100_0_24["Private Network<br/>192.168.100.0/24"]');
    expect(lines.find((l) => l.startsWith("cgw_"))).toMatch(
      /\["Customer VPN Endpoint<br\/>18\.188\.145\.101"\]$/,
    );
    expect(lines).toContain(`net_192_168_100_0_24 --- ${nodeId("cgw_")}`);
  });

  test("draws both tunnels between the customer endpoint and the VPN gateway", () => {
    expect(lines).toContain(`${nodeId("cgw_")} -- "IPsec tunnel 1" --- ${nodeId("vgw_")}`);
    expect(lines).toContain(`${nodeId("cgw_")} -- "IPsec tunnel 2" --- ${nodeId("vgw_")}`);
  });

  test("puts only the subnets without NAT in the dedicated segment, sorted", () => {
    const subnets = lines.filter((l) => l.startsWith("subnet_") && l.includes('["'));
    expect(subnets).toEqual([
      expect.stringMatching(
        /^subnet_Agency_Dedicated_us_gov_west_1a_\w+\["Dedicated Subnet<br\/>10\.40\.16\.0\/22<br\/>us-gov-west-1a"\]$/,
      ),
      expect.stringMatching(
        /^subnet_Agency_Dedicated_us_gov_west_1b_\w+\["Dedicated Subnet<br\/>10\.40\.20\.0\/22<br\/>us-gov-west-1b"\]$/,
      ),
    ]);
    expect(mermaid).not.toContain("10.40.0.0/24");
  });

  test("connects cells, isolation segment, spaces and the ASG towards the customer network", () => {
    const seg = nodeId("isoseg_");
    expect(lines.filter((l) => l.endsWith(`-- "Diego cells" --- ${seg}`))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith(`${seg} --- space_`))).toHaveLength(2);
    expect(lines.filter((l) => l.endsWith(`-- "bound" --- ${nodeId("asg_")}`))).toHaveLength(2);
    expect(lines).toContain(`${nodeId("asg_")} -. "egress" .-> net_192_168_100_0_24`);
  });

  test("sends egress through NAT to the internet from the subnet in the NAT's zone", () => {
    const nat = nodeId("nat_");
    expect(lines).toContain(`${nat} --> internet`);
    expect(lines.filter((l) => l.endsWith(`-- "egress" --> ${nat}`))).toEqual([
      expect.stringMatching(/^subnet_Agency_Dedicated_us_gov_west_1a_/),
    ]);
  });

  test("snapshot", () => {
    expect(mermaid).toMatchSnapshot();
  });

  test("is deterministic and independent of the scope's stack", () => {
    expect(renderEnvironmentDiagram(env)).toBe(mermaid);
    expect(renderEnvironmentDiagram(stack)).toBe(mermaid);
  });

  test("sanitizes ids", () => {
    expect(mermaidId("net", "192.168.100.0/24")).toBe("net_192_168_100_0_24");
    expect(escapeTemplateLiteral(mermaid)).not.toMatch(/(^|[^$])\$\{/);
  });
});
