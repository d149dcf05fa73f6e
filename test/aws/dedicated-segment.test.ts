import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Testing, TerraformStack } from "cdktf";
import * as fc from "fast-check";
import { ControlPlanePeer, DedicatedSegment, DedicatedSegmentProps } from "../../lib/aws/dedicated-segment";
import { IVpnGateway } from "../../lib/aws/interfaces";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { addresses, resourcesOfType, synthJson, SynthJson } from "../support/synth";

const VGW: IVpnGateway = { vpnGatewayId: "vgw-0123456789abcdef0" };
const AZS = ["us-gov-west-1a", "us-gov-west-1b"];
const IMPORTED_VPC = { vpcId: "vpc-0123456789abcdef0", vpcCidrBlock: "10.40.0.0/16" };
const IGW = { internetGatewayId: "igw-0123456789abcdef0" };

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), "test");
}

function segment(props: Partial<DedicatedSegmentProps> = {}, s = stack()): DedicatedSegment {
  const base: DedicatedSegmentProps = props.vpc
    ? { availabilityZones: AZS, internetGateway: IGW }
    : { availabilityZones: AZS, vpcCidrBlock: "10.40.0.0/16" };
  return new DedicatedSegment(s, "Segment", { ...base, ...props });
}

/** Rule objects whose reference names the given construct path fragment. */
function ownedBy(objects: Record<string, SynthJson>, field: string, fragment: string): SynthJson[] {
  return Object.values(objects).filter((o) => String(o[field]).includes(fragment));
}

describe("DedicatedSegment in a created VPC, defaults", () => {
  // GIVEN required props only
  const s = stack();
  const seg = segment({}, s);
  // WHEN
  const synth = Testing.synth(s);

  test("creates the VPC with DNS, an internet gateway and a closed default security group", () => {
    expect(synth).toHaveResourceWithProperties(Vpc, {
      cidr_block: "10.40.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
    const dsg = Object.values(resourcesOfType(JSON.parse(synth), "aws_default_security_group"));
    expect(dsg).toHaveLength(1);
    expect(dsg[0].ingress).toBeUndefined();
    expect(dsg[0].egress).toBeUndefined();
    expect(synth).toHaveResource(DefaultSecurityGroup);
  });

  test("logs ALL flows to a KMS-encrypted log group kept 365 days, with key rotation", () => {
    expect(synth).toHaveResourceWithProperties(FlowLog, {
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
    });
    expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: "/aws/vpc/flow-logs/test-Segment",
      retention_in_days: 365,
      kms_key_id: expect.stringMatching(/aws_kms_key\..*\.arn/),
    });
    expect(synth).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true });
  });

  test("carves one /22 cell subnet per zone letter and a /28 NAT subnet, no public IPs on launch", () => {
    expect(seg.segmentCidrBlock).toBe("10.40.0.0/19");
    expect(seg.subnetCidrs).toEqual(["10.40.0.0/22", "10.40.4.0/22"]);
    expect(seg.natSubnetCidrs).toEqual(["10.40.28.0/28", "10.40.28.16/28"]);
    for (const [az, cidr] of [
      ["us-gov-west-1a", "10.40.0.0/22"],
      ["us-gov-west-1b", "10.40.4.0/22"],
      ["us-gov-west-1a", "10.40.28.0/28"],
    ]) {
      expect(synth).toHaveResourceWithProperties(Subnet, {
        availability_zone: az,
        cidr_block: cidr,
        map_public_ip_on_launch: false,
      });
    }
  });

  test("gives BOSH each zone's subnet, gateway and reserved ranges", () => {
    expect(seg.subnets.map(({ subnetId: _id, ...rest }) => rest)).toEqual([
      {
        availabilityZone: "us-gov-west-1a",
        cidrBlock: "10.40.0.0/22",
        gateway: "10.40.0.1",
        reservedRanges: ["10.40.0.0-10.40.0.3", "10.40.3.255"],
      },
      {
        availabilityZone: "us-gov-west-1b",
        cidrBlock: "10.40.4.0/22",
        gateway: "10.40.4.1",
        reservedRanges: ["10.40.4.0-10.40.4.3", "10.40.7.255"],
      },
    ]);
    expect(seg.subnets[0].subnetId).toMatch(/TfToken/);
  });

  test("protects EIPs and NAT gateways with prevent_destroy, one per zone", () => {
    expect(synth).toHaveResourceWithProperties(Eip, { domain: "vpc", lifecycle: { prevent_destroy: true } });
    expect(synth).toHaveResourceWithProperties(NatGateway, {
      connectivity_type: "public",
      lifecycle: { prevent_destroy: true },
    });
    expect(seg.egressIps).toHaveLength(2);
    expect(seg.routeTables).toHaveLength(2);
    const json = JSON.parse(synth);
    expect(Object.keys(resourcesOfType(json, "aws_eip"))).toEqual([
      expect.stringContaining("us-gov-west-1a_Eip"),
      expect.stringContaining("us-gov-west-1b_Eip"),
    ]);
  });

  test("routes 0.0.0.0/0 to the same zone's NAT gateway, with no inline routes or propagation", () => {
    const json = JSON.parse(synth);
    const natRoutes = Object.entries(resourcesOfType(json, "aws_route")).filter(([n]) =>
      n.includes("NatRoute"),
    );
    expect(natRoutes).toHaveLength(2);
    for (const [name, route] of natRoutes) {
      const az = name.includes("1a") ? "us-gov-west-1a" : "us-gov-west-1b";
      expect(route.destination_cidr_block).toBe("0.0.0.0/0");
      expect(route.nat_gateway_id).toContain(`Segment_${az}_NatGateway`);
      expect(route.route_table_id).toContain(`Segment_${az}_RouteTable`);
    }
    for (const table of Object.values(resourcesOfType(json, "aws_route_table"))) {
      expect(table.route).toBeUndefined();
      expect(table.propagating_vgws).toBeUndefined();
    }
    expect(resourcesOfType(json, "aws_vpn_gateway_route_propagation")).toEqual({});
  });

  test("opens nothing to 0.0.0.0/0 by default, and the security group has no inline rules", () => {
    const json = JSON.parse(synth);
    // only the group to itself: the cells of the segment reach each other
    const egress = Object.values(resourcesOfType(json, "aws_vpc_security_group_egress_rule"));
    expect(egress.map((r) => [r.ip_protocol, r.cidr_ipv4, r.referenced_security_group_id])).toEqual([
      ["-1", undefined, expect.stringContaining("Segment_CellSecurityGroup")],
    ]);
    const [sg] = Object.values(resourcesOfType(json, "aws_security_group"));
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
    const rules = Object.values(resourcesOfType(json, "aws_network_acl_rule"));
    expect(rules.filter((r) => r.cidr_block === "0.0.0.0/0")).toEqual([]);
    expect(rules.map((r) => [r.egress, r.rule_number, r.rule_action, r.cidr_block]).sort()).toEqual([
      [false, 20000, "allow", "10.40.0.0/16"],
      [true, 20000, "allow", "10.40.0.0/16"],
    ]);
  });

  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });
});

describe("DedicatedSegment overrides", () => {
  test("allowDestroy drops prevent_destroy from EIPs and NAT gateways", () => {
    const json = synthJson(segment({ allowDestroy: true }).node.scope as TerraformStack);
    for (const type of ["aws_eip", "aws_nat_gateway"]) {
      for (const r of Object.values(resourcesOfType(json, type))) expect(r.lifecycle).toBeUndefined();
    }
  });

  test("allowPublicEgressViaNat adds a described 0.0.0.0/0 egress rule and the ACL rules it needs", () => {
    const synth = Testing.synth(segment({ allowPublicEgressViaNat: true }).node.scope as TerraformStack);
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
      ip_protocol: "-1",
      cidr_ipv4: "0.0.0.0/0",
      description: expect.stringMatching(/NAT gateways \(allowPublicEgressViaNat\)/),
    });
    expect(synth).toHaveResourceWithProperties(NetworkAclRule, {
      egress: false,
      rule_action: "allow",
      cidr_block: "0.0.0.0/0",
      protocol: "tcp",
      from_port: 1024,
      to_port: 65535,
      rule_number: 30000,
    });
    expect(synth).toHaveResourceWithProperties(NetworkAclRule, {
      egress: true,
      cidr_block: "0.0.0.0/0",
      protocol: "-1",
      rule_number: 30000,
    });
  });

  test("cellSubnetPrefix, segmentCidrBlock, flowLogRetentionDays, name and tags", () => {
    const seg = segment({
      cellSubnetPrefix: 24,
      segmentCidrBlock: "10.40.64.0/20",
      flowLogRetentionDays: 731,
      name: "agency",
      tags: { Tenant: "agency" },
    });
    expect(seg.subnetCidrs).toEqual(["10.40.64.0/24", "10.40.65.0/24"]);
    expect(seg.natSubnetCidrs).toEqual(["10.40.79.0/28", "10.40.79.16/28"]);
    const synth = Testing.synth(seg.node.scope as TerraformStack);
    expect(synth).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: "/aws/vpc/flow-logs/agency",
      retention_in_days: 731,
    });
    expect(synth).toHaveResourceWithProperties(Subnet, {
      cidr_block: "10.40.64.0/24",
      tags: { Name: "agency-cells-us-gov-west-1a", Tenant: "agency" },
    });
    expect(synth).toHaveResourceWithProperties(SecurityGroup, { name: "agency-cells" });
  });

  test("expectedCells within capacity is accepted", () => {
    expect(() => segment({ cellSubnetPrefix: 25, expectedCells: 246 })).not.toThrow();
  });

  test("control-plane peers get one described rule per port, by CIDR or security group", () => {
    const s = stack();
    const directorSg = new SecurityGroup(s, "Director", { vpcId: "vpc-1" });
    const seg = segment(
      {
        boshDirectorPeers: [ControlPlanePeer.securityGroup(directorSg.id, "director")],
        sharedComponentPeers: [ControlPlanePeer.cidr("10.0.16.0/20")],
        diegoBbsPeers: [ControlPlanePeer.securityGroup("sg-0123456789abcdef0")],
      },
      s,
    );
    const synth = Testing.synth(s);
    const json = JSON.parse(synth);
    const egress = Object.values(resourcesOfType(json, "aws_vpc_security_group_egress_rule"));
    const ingress = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule"));
    // docs/cell-ports.md: 5 director, 29 shared egress, 1 BBS and 4 shared ingress, plus the group to itself
    expect(egress).toHaveLength(5 + 29 + 1);
    expect(ingress).toHaveLength(1 + 4 + 1);
    for (const r of [...egress, ...ingress]) expect(r.description).toMatch(/\S/);
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
      ip_protocol: "tcp",
      from_port: 25250,
      to_port: 25250,
      referenced_security_group_id: expect.stringContaining("aws_security_group.Director"),
      description:
        "Diego cells to BOSH director (director) on tcp/25250: director blobstore (BOSH agent packages and logs)",
    });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
      ip_protocol: "udp",
      from_port: 8600,
      cidr_ipv4: "10.0.16.0/20",
    });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      ip_protocol: "tcp",
      from_port: 1801,
      to_port: 1801,
      referenced_security_group_id: "sg-0123456789abcdef0",
      description:
        "Diego BBS (sg-0123456789abcdef0) to Diego cells on tcp/1801: rep (BBS and auctioneer calls)",
    });
    // a CIDR peer outside the VPC is admitted by the network ACL too
    expect(synth).toHaveResourceWithProperties(NetworkAclRule, {
      egress: false,
      rule_action: "allow",
      cidr_block: "10.0.16.0/20",
    });
    expect(seg.cellSecurityGroupId).toMatch(/TfToken/);
  });
});

describe("addPrivateRoute and addDeniedCidr", () => {
  const seg = segment({ deniedCidrs: ["172.20.0.0/16"] });
  seg.addPrivateRoute("10.1.0.0/16", VGW);
  seg.addPrivateRoute("101.0.0.0/16", VGW);
  seg.addDeniedCidr("172.21.0.0/16");
  const json = synthJson(seg.node.scope as TerraformStack);
  const synth = JSON.stringify(json);

  test("adds one static aws_route per zone route table to the VPN gateway, ids from the CIDR text", () => {
    const routes = Object.entries(resourcesOfType(json, "aws_route")).filter(([n]) =>
      n.includes("PrivateRoute"),
    );
    expect(routes.map(([n]) => n.replace(/_[0-9A-F]{8}$/, "")).sort()).toEqual([
      "Segment_us-gov-west-1a_PrivateRoute-10-1-0-0-16",
      "Segment_us-gov-west-1a_PrivateRoute-101-0-0-0-16",
      "Segment_us-gov-west-1b_PrivateRoute-10-1-0-0-16",
      "Segment_us-gov-west-1b_PrivateRoute-101-0-0-0-16",
    ]);
    expect(synth).toHaveResourceWithProperties(Route, {
      destination_cidr_block: "10.1.0.0/16",
      gateway_id: "vgw-0123456789abcdef0",
      route_table_id: expect.stringContaining("us-gov-west-1b_RouteTable"),
    });
    expect(seg.routedCidrs).toEqual(["10.1.0.0/16", "101.0.0.0/16"]);
  });

  test("lets the cells reach each customer CIDR, described", () => {
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, {
      ip_protocol: "-1",
      cidr_ipv4: "101.0.0.0/16",
      description: "Diego cells to the customer network 101.0.0.0/16 of the tenant over the VPN",
    });
  });

  test("admits customer CIDRs and denies other tenants both ways, denials ahead of every allow", () => {
    const rules = Object.values(resourcesOfType(json, "aws_network_acl_rule"));
    const inbound = rules.filter((r) => r.egress === false);
    const denies = inbound.filter((r) => r.rule_action === "deny");
    const allows = inbound.filter((r) => r.rule_action === "allow");
    expect(denies.map((r) => r.cidr_block).sort()).toEqual(["172.20.0.0/16", "172.21.0.0/16"]);
    expect(allows.map((r) => r.cidr_block).sort()).toEqual(["10.1.0.0/16", "10.40.0.0/16", "101.0.0.0/16"]);
    expect(Math.max(...denies.map((r) => r.rule_number))).toBeLessThan(
      Math.min(...allows.map((r) => r.rule_number)),
    );
    expect(rules.filter((r) => r.egress === true && r.rule_action === "deny")).toHaveLength(2);
    const numbers = inbound.map((r) => r.rule_number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(seg.deniedNetworks).toEqual(["172.20.0.0/16", "172.21.0.0/16"]);
  });
});

describe("the network ACL rule quota (AWS: 20 per direction by default, at most 40)", () => {
  const synthErrors = (seg: DedicatedSegment) => {
    const stack = TerraformStack.of(seg);
    if (!stack.node.tryFindChild("aws")) new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
    try {
      Testing.synth(TerraformStack.of(seg), true);
      return "";
    } catch (e) {
      return (e as Error).message;
    }
  };

  test("fails when the network ACL would hold more than 20 rules in a direction (at synthesis: later calls add rules)", () => {
    // GIVEN the VPC allow plus 19 customer CIDRs: 20 rules each way, AWS's default quota
    const seg = segment();
    for (let i = 0; i < 19; i++) seg.addPrivateRoute(`192.168.${i}.0/24`, VGW);
    expect(seg.networkAclRuleCounts).toEqual({ inbound: 20, outbound: 20 });
    expect(synthErrors(seg)).toBe("");
    // WHEN one more arrives
    seg.addPrivateRoute("192.168.19.0/24", VGW);
    // THEN synthesis fails, naming the count, the quota, its maximum and what to do
    const message = synthErrors(seg);
    expect(message).toContain(
      "[PE-NET-029] `networkAclRulesQuota` 20 is below the 21 inbound rules the cell network ACL of test/Segment would hold",
    );
    expect(message).toContain("21 outbound rules");
    expect(message).toContain('"Rules per network ACL", L-2AEEBF1A: 20 by default, adjustable to at most 40');
    expect(message).toContain("set `networkAclRulesQuota` to it");
  });

  test("a raised quota (networkAclRulesQuota) admits up to that many rules", () => {
    const seg = segment({ networkAclRulesQuota: 40 });
    for (let i = 0; i < 39; i++) seg.addPrivateRoute(`192.168.${i}.0/24`, VGW);
    expect(seg.checkNetworkAclRules()).toEqual([]);
    seg.addPrivateRoute("192.168.39.0/24", VGW);
    expect(seg.checkNetworkAclRules().map((e) => e.code)).toEqual(["PE-NET-029", "PE-NET-029"]);
  });

  test.each([0, 41, 20.5])("fails when networkAclRulesQuota is %p", (quota) => {
    expect(() => segment({ networkAclRulesQuota: quota })).toThrow(
      `[PE-NET-030] \`networkAclRulesQuota\` ${quota} is not a quota AWS allows for "Rules per network ACL" (L-2AEEBF1A); give a whole number from 1 to 40`,
    );
  });
});

describe("a VPC shared by tenants (tenantSegmentsCidrBlock)", () => {
  const seg = segment({
    vpcCidrBlock: "10.40.0.0/16",
    segmentCidrBlock: "10.40.8.0/22",
    cellSubnetPrefix: 24,
    tenantSegmentsCidrBlock: "10.40.0.0/17",
    sharedComponentPeers: [ControlPlanePeer.cidr("10.40.64.0/24"), ControlPlanePeer.cidr("10.40.200.0/24")],
  });
  const json = synthJson(TerraformStack.of(seg));
  const rules = Object.values(resourcesOfType(json, "aws_network_acl_rule"));
  const byCidr = (cidr: string, egress: boolean) =>
    rules.find((r) => r.cidr_block === cidr && r.egress === egress) as SynthJson;

  test("allows its own block, then denies the tenant segments' block, both ways, ahead of the VPC-wide allow", () => {
    for (const egress of [false, true]) {
      expect(byCidr("10.40.8.0/22", egress)).toMatchObject({ rule_action: "allow", rule_number: 15000 });
      expect(byCidr("10.40.0.0/17", egress)).toMatchObject({ rule_action: "deny", rule_number: 16000 });
      expect(byCidr("10.40.0.0/16", egress).rule_number).toBeGreaterThan(16000);
    }
  });

  test("admits a control-plane peer inside the tenant segments' block ahead of its deny; one outside it needs no rule", () => {
    for (const egress of [false, true]) {
      expect(byCidr("10.40.64.0/24", egress).rule_number).toBeLessThan(16000);
      expect(byCidr("10.40.200.0/24", egress)).toBeUndefined();
    }
  });

  test("fails when tenantSegmentsCidrBlock does not contain the segment", () => {
    expect(() =>
      segment({
        vpcCidrBlock: "10.40.0.0/16",
        segmentCidrBlock: "10.40.200.0/22",
        cellSubnetPrefix: 24,
        tenantSegmentsCidrBlock: "10.40.0.0/17",
      }),
    ).toThrow(
      "[PE-NET-031] `tenantSegmentsCidrBlock` 10.40.0.0/17 does not contain the segment's own block 10.40.200.0/22",
    );
  });
});

describe("fails when", () => {
  test.each<[string, Partial<DedicatedSegmentProps>, RegExp]>([
    [
      "both vpc and vpcCidrBlock are given",
      { vpc: IMPORTED_VPC, vpcCidrBlock: "10.40.0.0/16" },
      /PE-NET-019.*`vpc` both/,
    ],
    [
      "vpc is given without internetGateway",
      { vpc: IMPORTED_VPC, internetGateway: undefined },
      /PE-NET-020.*`internetGateway`/,
    ],
    ["vpcCidrBlock is not a CIDR", { vpcCidrBlock: "10.40.0.0" }, /PE-NET-001.*`vpcCidrBlock` 10\.40\.0\.0 /],
    [
      "vpcCidrBlock is not canonical",
      { vpcCidrBlock: "10.40.1.0/16" },
      /PE-NET-002.*`vpcCidrBlock`.*10\.40\.0\.0\/16/,
    ],
    ["vpcCidrBlock is larger than /16", { vpcCidrBlock: "10.0.0.0/8" }, /PE-NET-025.*`vpcCidrBlock`/],
    ["availabilityZones is empty", { availabilityZones: [] }, /PE-NET-010.*`availabilityZones`/],
    [
      "availabilityZones repeats a zone",
      { availabilityZones: ["us-gov-west-1a", "us-gov-west-1a"] },
      /PE-NET-011.*`availabilityZones\[1\]`/,
    ],
    [
      "availabilityZones holds a zone id",
      { availabilityZones: ["usgw1-az1"] },
      /PE-NET-012.*`availabilityZones\[0\]` usgw1-az1/,
    ],
    [
      "availabilityZones share a letter",
      { availabilityZones: ["us-west-2a", "us-west-2-lax-1a"] },
      /PE-NET-014.*`availabilityZones\[1\]`.*us-west-2a/,
    ],
    [
      "availabilityZones has a letter beyond the block's slots",
      { availabilityZones: ["us-east-1h"] },
      /PE-NET-013.*`availabilityZones\[0\]` us-east-1h needs cell slot 7.*7 cell slot\(s\) \(zone letters a-g\)/,
    ],
    [
      "segmentCidrBlock lies outside the VPC",
      { segmentCidrBlock: "10.41.0.0/19" },
      /PE-NET-008.*`segmentCidrBlock` 10\.41\.0\.0\/19 does not fit inside the VPC 10\.40\.0\.0\/16/,
    ],
    [
      "segmentCidrBlock is not canonical",
      { segmentCidrBlock: "10.40.1.0/19" },
      /PE-NET-002.*`segmentCidrBlock`/,
    ],
    [
      "segmentCidrBlock overlaps existingSubnetCidrs",
      { vpc: IMPORTED_VPC, segmentCidrBlock: "10.40.0.0/19", existingSubnetCidrs: ["10.40.4.0/24"] },
      /PE-NET-009.*`segmentCidrBlock`.*10\.40\.4\.0\/22, which overlaps the existing subnet 10\.40\.4\.0\/24/,
    ],
    [
      "existingSubnetCidrs holds a malformed block",
      { vpc: IMPORTED_VPC, existingSubnetCidrs: ["10.40.4/24"] },
      /PE-NET-001.*`existingSubnetCidrs\[0\]`/,
    ],
    [
      "segmentCidrBlock cannot hold two slots of cellSubnetPrefix",
      { segmentCidrBlock: "10.40.0.0/22" },
      /PE-NET-017.*`cellSubnetPrefix` 22.*10\.40\.0\.0\/22 holds fewer than 2 slots/,
    ],
    [
      "cellSubnetPrefix is above 25",
      { cellSubnetPrefix: 26 },
      /PE-NET-017.*`cellSubnetPrefix` 26 is out of range/,
    ],
    ["cellSubnetPrefix is below 16", { cellSubnetPrefix: 15 }, /PE-NET-017.*`cellSubnetPrefix` 15/],
    [
      "the VPC (vpcCidrBlock) has no room for the default segment block",
      { vpcCidrBlock: "10.40.0.0/20" },
      /PE-NET-024.*`vpcCidrBlock` 10\.40\.0\.0\/20 has no free \/19/,
    ],
    [
      "expectedCells exceeds the zone subnets",
      { cellSubnetPrefix: 25, expectedCells: 247 },
      /PE-NET-015.*`expectedCells` 247 needs 124 addresses per AZ subnet \(247 cells over 2 AZ\(s\)\), but a \/25 subnet has 123 usable/,
    ],
    ["expectedCells is not a whole number", { expectedCells: 2.5 }, /PE-NET-016.*`expectedCells` 2\.5/],
    [
      "flowLogRetentionDays is under a year",
      { flowLogRetentionDays: 90 },
      /PE-NET-018.*`flowLogRetentionDays` 90.*365, 400/,
    ],
    [
      "deniedCidrs covers a dedicated subnet",
      { deniedCidrs: ["10.40.0.0/20"] },
      /PE-NET-021.*`deniedCidrs\[0\]` 10\.40\.0\.0\/20 overlaps 10\.40\.0\.0\/22/,
    ],
    [
      "deniedCidrs holds a malformed block",
      { deniedCidrs: ["172.20.0.0/33"] },
      /PE-NET-001.*`deniedCidrs\[0\]`/,
    ],
    [
      "sharedComponentPeers holds 0.0.0.0/0",
      { sharedComponentPeers: [ControlPlanePeer.cidr("0.0.0.0/0")] },
      /PE-NET-022.*`sharedComponentPeers\[0\]` 0\.0\.0\.0\/0/,
    ],
    [
      "boshDirectorPeers holds a malformed CIDR",
      { boshDirectorPeers: [ControlPlanePeer.cidr("10.0.0.1/24")] },
      /PE-NET-002.*`boshDirectorPeers\[0\]`/,
    ],
  ])("%s", (_title, props, message) => {
    expect(() => segment(props)).toThrow(message);
  });

  test("vpc and vpcCidrBlock are both missing", () => {
    expect(() => new DedicatedSegment(stack(), "Segment", { availabilityZones: AZS })).toThrow(
      /PE-NET-019.*`vpc` neither/,
    );
  });

  test("diegoBbsPeers holds a token security group without a key", () => {
    const s = stack();
    const bbs = new SecurityGroup(s, "Bbs", { vpcId: "vpc-1" });
    expect(() => segment({ diegoBbsPeers: [ControlPlanePeer.securityGroup(bbs.id)] }, s)).toThrow(
      /PE-NET-023.*`diegoBbsPeers\[0\]`.*stable `key`/,
    );
  });

  test.each<[string, string, RegExp]>([
    ["overlaps the VPC", "10.40.200.0/24", /PE-NET-003.*`cidr` 10\.40\.200\.0\/24 overlaps the VPC/],
    ["is 0.0.0.0/0", "0.0.0.0/0", /PE-NET-007.*`cidr` 0\.0\.0\.0\/0/],
    ["lies in 169.254.0.0/16", "169.254.0.0/24", /PE-NET-006.*`cidr`/],
    [
      "overlaps an earlier customer CIDR",
      "192.168.0.0/16",
      /PE-NET-005.*`cidr` 192\.168\.0\.0\/16 overlaps the customer CIDR 192\.168\.100\.0\/24/,
    ],
    [
      "overlaps a denied CIDR",
      "172.20.1.0/24",
      /PE-NET-026.*`cidr` 172\.20\.1\.0\/24 overlaps the denied CIDR 172\.20\.0\.0\/16/,
    ],
    ["is not canonical", "192.169.0.1/24", /PE-NET-002.*`cidr`/],
    ["is not a CIDR", "192.169.0.1", /PE-NET-001.*`cidr`/],
  ])("addPrivateRoute's cidr %s", (_title, cidr, message) => {
    const seg = segment({ deniedCidrs: ["172.20.0.0/16"] });
    seg.addPrivateRoute("192.168.100.0/24", VGW);
    expect(() => seg.addPrivateRoute(cidr, VGW)).toThrow(message);
  });

  test("addDeniedCidr's cidr covers a routed customer CIDR", () => {
    const seg = segment();
    seg.addPrivateRoute("192.168.100.0/24", VGW);
    expect(() => seg.addDeniedCidr("192.168.0.0/16")).toThrow(
      /PE-NET-021.*`cidr` 192\.168\.0\.0\/16 overlaps 192\.168\.100\.0\/24/,
    );
  });

  test("addDeniedCidr's cidr is denied twice", () => {
    const seg = segment({ deniedCidrs: ["172.20.0.0/16"] });
    expect(() => seg.addDeniedCidr("172.20.0.0/16")).toThrow(
      /PE-NET-027.*`cidr` 172\.20\.0\.0\/16 is already denied/,
    );
  });
});

describe("DedicatedSegment in an imported VPC", () => {
  const s = stack();
  const vpc = VpcReference.fromVpcAttributes(s, "Vpc", IMPORTED_VPC);
  const seg = segment({ vpc, existingSubnetCidrs: ["10.40.0.0/20"] }, s);
  const json = synthJson(s);

  test("creates no VPC, flow logs or default security group, and uses the given internet gateway", () => {
    for (const type of [
      "aws_vpc",
      "aws_flow_log",
      "aws_default_security_group",
      "aws_kms_key",
      "aws_internet_gateway",
    ]) {
      expect(resourcesOfType(json, type)).toEqual({});
    }
    expect(JSON.stringify(json)).toHaveResourceWithProperties(Route, {
      destination_cidr_block: "0.0.0.0/0",
      gateway_id: "igw-0123456789abcdef0",
    });
    expect(seg.vpc).toBe(vpc);
  });

  test("places the segment clear of the existing subnets", () => {
    expect(seg.segmentCidrBlock).toBe("10.40.32.0/19");
    expect(JSON.stringify(json)).toHaveResourceWithProperties(Subnet, {
      vpc_id: "vpc-0123456789abcdef0",
      cidr_block: "10.40.32.0/22",
    });
  });
});

describe("two tenants' segments in one VPC", () => {
  // GIVEN tenant A creates the VPC; tenant B shares it, clear of A's block
  const s = stack();
  const a = new DedicatedSegment(s, "TenantA", { vpcCidrBlock: "10.40.0.0/16", availabilityZones: AZS });
  const b = new DedicatedSegment(s, "TenantB", {
    vpc: a.vpc,
    internetGateway: a.internetGateway,
    availabilityZones: AZS,
    existingSubnetCidrs: [a.segmentCidrBlock],
  });
  const A_CUSTOMER = ["192.168.100.0/24", "192.168.101.0/24"];
  const B_CUSTOMER = ["172.20.0.0/16"];
  // WHEN each routes its own customers and denies the other's customers and segment
  for (const c of A_CUSTOMER) a.addPrivateRoute(c, VGW);
  for (const c of B_CUSTOMER) b.addPrivateRoute(c, VGW);
  for (const c of [...B_CUSTOMER, b.segmentCidrBlock]) a.addDeniedCidr(c);
  for (const c of [...A_CUSTOMER, a.segmentCidrBlock]) b.addDeniedCidr(c);
  const json = synthJson(s);
  const routes = resourcesOfType(json, "aws_route");
  const aclRules = resourcesOfType(json, "aws_network_acl_rule");
  const sgEgress = resourcesOfType(json, "aws_vpc_security_group_egress_rule");

  test("the segments do not overlap", () => {
    expect(a.segmentCidrBlock).toBe("10.40.0.0/19");
    expect(b.segmentCidrBlock).toBe("10.40.32.0/19");
  });

  test("no route table of one tenant routes the other's customer CIDRs", () => {
    const aRoutes = ownedBy(routes, "route_table_id", "aws_route_table.TenantA_");
    const bRoutes = ownedBy(routes, "route_table_id", "aws_route_table.TenantB_");
    expect(aRoutes.length).toBeGreaterThan(0);
    expect(aRoutes.map((r) => r.destination_cidr_block).filter((d) => B_CUSTOMER.includes(d))).toEqual([]);
    expect(bRoutes.map((r) => r.destination_cidr_block).filter((d) => A_CUSTOMER.includes(d))).toEqual([]);
    expect(aRoutes.filter((r) => A_CUSTOMER.includes(r.destination_cidr_block))).toHaveLength(4);
  });

  test("A's network ACL denies B's customer CIDRs and segment inbound, ahead of every allow", () => {
    const aInbound = ownedBy(aclRules, "network_acl_id", "aws_network_acl.TenantA_").filter(
      (r) => r.egress === false,
    );
    const firstAllow = Math.min(
      ...aInbound.filter((r) => r.rule_action === "allow").map((r) => r.rule_number),
    );
    for (const cidr of [...B_CUSTOMER, b.segmentCidrBlock]) {
      const deny = aInbound.find((r) => r.cidr_block === cidr && r.rule_action === "deny");
      expect(deny?.rule_number).toBeLessThan(firstAllow);
    }
    expect(aInbound.filter((r) => r.rule_action === "allow" && B_CUSTOMER.includes(r.cidr_block))).toEqual(
      [],
    );
    const bInbound = ownedBy(aclRules, "network_acl_id", "aws_network_acl.TenantB_").filter(
      (r) => r.egress === false,
    );
    for (const cidr of A_CUSTOMER) {
      expect(bInbound.find((r) => r.cidr_block === cidr)?.rule_action).toBe("deny");
    }
  });

  test("A's cells have no security group egress to B's customer CIDRs", () => {
    const aEgress = ownedBy(sgEgress, "security_group_id", "aws_security_group.TenantA_");
    expect(aEgress.map((r) => r.cidr_ipv4).sort()).toEqual(A_CUSTOMER);
  });
});

describe("state safety (property)", () => {
  const LETTERS = "abcdefg".split("");
  const CUSTOMERS = [
    "192.168.100.0/24",
    "172.16.0.0/16",
    "100.64.0.0/20",
    "10.1.0.0/16",
    "101.0.0.0/16",
    "198.51.100.0/24",
  ];
  const STABLE = [
    "aws_eip",
    "aws_nat_gateway",
    "aws_subnet",
    "aws_route_table",
    "aws_route",
    "aws_network_acl_rule",
  ];

  function build(letters: string[], customers: string[]): SynthJson {
    const seg = segment({ availabilityZones: letters.map((l) => `us-gov-west-1${l}`) });
    for (const c of customers) seg.addPrivateRoute(c, VGW);
    return synthJson(seg.node.scope as TerraformStack);
  }

  test("adding a zone or a customer CIDR never changes an existing EIP, NAT gateway, subnet or route table", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(LETTERS, { minLength: 2 }),
        fc.shuffledSubarray(CUSTOMERS, { minLength: 1 }),
        fc.boolean(),
        (letters, customers, addZone) => {
          // GIVEN a segment, WHEN one more zone (anywhere in the list) or one more customer CIDR is added
          const [extraZone, ...zones] = letters;
          const [extraCidr, ...cidrs] = customers;
          const before = build(zones, cidrs);
          const after = addZone
            ? build([...zones.slice(0, 1), extraZone, ...zones.slice(1)], cidrs)
            : build(zones, [...cidrs, extraCidr]);
          // THEN every address that existed still exists, with the same configuration
          const kept = addresses(before).filter((a) => STABLE.includes(a.split(".")[0]));
          expect(addresses(after)).toEqual(expect.arrayContaining(kept));
          for (const type of STABLE) {
            for (const [name, config] of Object.entries(resourcesOfType(before, type))) {
              expect(resourcesOfType(after, type)[name]).toEqual(config);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe("network ACL rule numbers come from the CIDR alone", () => {
  /** cidr -> [inbound, outbound] rule number, for the customer and denied rules. */
  function numbers(routes: string[], denied: string[]): Record<string, number[]> {
    const seg = segment({}, stack());
    for (const cidr of routes) seg.addPrivateRoute(cidr, VGW);
    for (const cidr of denied) seg.addDeniedCidr(cidr);
    const out: Record<string, number[]> = {};
    // the rules' inputs, as synthesized (no synth per property run)
    for (const r of seg.node.findAll().filter((c): c is NetworkAclRule => c instanceof NetworkAclRule)) {
      (out[String(r.cidrBlockInput)] ??= [0, 0])[r.egressInput ? 1 : 0] = Number(r.ruleNumberInput);
    }
    return out;
  }
  // 10.5.158.0/24 hashes to 192.168.100.0/24's customer rule number (7902)
  const POOL = ["192.168.100.0/24", "10.5.158.0/24", "172.16.0.0/16", "192.168.101.0/24", "100.64.0.0/20"];
  const DENY_POOL = ["172.20.0.0/16", "172.21.0.0/16", "198.18.0.0/15"];

  test("fails when a new CIDR hashes to a number another CIDR holds, instead of renumbering it", () => {
    const s = stack();
    const seg = segment({}, s);
    seg.addPrivateRoute("10.5.158.0/24", VGW);
    expect(() => seg.addPrivateRoute("192.168.100.0/24", VGW)).toThrow(
      /PE-NET-028.*`cidr` 192\.168\.100\.0\/24 would take inbound network ACL rule number 7902, which its hash shares with 10\.5\.158\.0\/24/,
    );
  });

  test("192.168.100.0/24 keeps #7902 whatever else is added, and whenever", () => {
    expect(numbers(["192.168.100.0/24"], [])["192.168.100.0/24"]).toEqual([7902, 7902]);
    expect(
      numbers(["172.16.0.0/16", "192.168.100.0/24", "100.64.0.0/20"], ["172.20.0.0/16"])["192.168.100.0/24"],
    ).toEqual([7902, 7902]);
  });

  test("every insertion order of the same CIDRs gives the same numbers, or the same named refusal", () => {
    const outcome = (routes: string[], denied: string[]) => {
      try {
        return numbers(routes, denied);
      } catch (e) {
        return (e as Error).message.match(/PE-NET-028/)?.[0] ?? (e as Error).message;
      }
    };
    fc.assert(
      fc.property(
        fc.shuffledSubarray(POOL, { minLength: 1 }),
        fc.shuffledSubarray(DENY_POOL),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (routes, denied, random) => {
          const shuffle = (list: string[]) =>
            list
              .map((v) => [random.next().value as number, v] as const)
              .sort((a, b) => a[0] - b[0])
              .map(([, v]) => v);
          const sorted = outcome([...routes].sort(), [...denied].sort());
          expect(outcome(shuffle(routes), shuffle(denied))).toEqual(sorted);
          const collides = routes.includes("192.168.100.0/24") && routes.includes("10.5.158.0/24");
          expect(sorted === "PE-NET-028").toBe(collides);
        },
      ),
      { numRuns: 8 },
    );
  });
});
