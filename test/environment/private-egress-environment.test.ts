import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import {
  CustomerDevice,
  PrivateEgressEnvironment,
  PrivateEgressEnvironmentProps,
  DeploymentEnvironment,
  VpnCryptoProfile,
} from "../../lib";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { addresses, resourcesOfType, synthJson, SynthJson } from "../support/synth";

const REQUEST: PrivateEgressEnvironmentProps = {
  tenant: { org: "agency-prod", spaces: ["app", "batch"] },
  customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
  privateCidrs: ["192.168.100.0/24"],
  expectedApps: 40,
  controlPlane: FOUNDATION_CONTROL_PLANE,
  cells: { baseCell: foundationBaseCell({}) },
};

function stackWithProvider(app = Testing.app(), id = "s", region = "us-gov-west-1"): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region });
  return stack;
}

function build(over: Partial<PrivateEgressEnvironmentProps> = {}, stack = stackWithProvider()) {
  const env = new PrivateEgressEnvironment(stack, "Agency", { ...REQUEST, ...over });
  return { stack, env, json: synthJson(stack) };
}

function only(json: SynthJson, type: string): SynthJson {
  const all = Object.values(resourcesOfType(json, type));
  expect(all).toHaveLength(1);
  return all[0];
}

describe("PrivateEgressEnvironment", () => {
  describe("GIVEN the design's four-line request", () => {
    const { env, json } = build();

    test("THEN defaults: strict IKEv2 profile, production, AZs from the provider region, segment named org-environment", () => {
      expect(env.environment).toBe(DeploymentEnvironment.PRODUCTION);
      expect(only(json, "aws_vpn_connection")).toMatchObject({
        tunnel1_ike_versions: ["ikev2"],
        tunnel2_ike_versions: ["ikev2"],
        static_routes_only: true,
        preshared_key_storage: "SecretsManager",
        lifecycle: { prevent_destroy: true },
      });
      expect(
        Object.values(resourcesOfType(json, "aws_subnet"))
          .map((s) => s.availability_zone)
          .sort(),
      ).toEqual(["us-gov-west-1a", "us-gov-west-1a", "us-gov-west-1b", "us-gov-west-1b"]);
      expect(only(json, "cloudfoundry_isolation_segment")).toMatchObject({ name: "agency-prod-production" });
    });

    test("THEN the private CIDRs are routed statically to the VGW from each AZ's table, and nothing else is", () => {
      const vgwRoutes = Object.values(resourcesOfType(json, "aws_route")).filter((r) =>
        String(r.gateway_id).includes("aws_vpn_gateway"),
      );
      expect(vgwRoutes.map((r) => r.destination_cidr_block)).toEqual([
        "192.168.100.0/24",
        "192.168.100.0/24",
      ]);
      expect(
        Object.values(resourcesOfType(json, "aws_route_table")).every(
          (t) => t.propagating_vgws === undefined,
        ),
      ).toBe(true);
      expect(
        Object.values(resourcesOfType(json, "aws_vpn_connection_route")).map((r) => r.destination_cidr_block),
      ).toEqual(["192.168.100.0/24"]);
    });

    test("THEN the private-egress ASG opens exactly the routed CIDRs, bound running to the tenant's spaces", () => {
      const asg = only(json, "cloudfoundry_security_group");
      expect(asg.rules.map((r: SynthJson) => r.destination)).toEqual(["192.168.100.0/24"]);
      expect(asg.running_spaces).toHaveLength(2);
      expect(asg.staging_spaces).toEqual([]);
      expect(env.capacityPlan.cells).toBe(4);
    });

    test("THEN the spaces join the segment after the entitlement, and public egress via NAT stays closed", () => {
      for (const space of Object.values(resourcesOfType(json, "cloudfoundry_space"))) {
        expect(space.isolation_segment).toMatch(/cloudfoundry_isolation_segment\./);
        expect(space.depends_on).toEqual([
          expect.stringMatching(/cloudfoundry_isolation_segment_entitlement\./),
        ]);
      }
      const egress = Object.values(resourcesOfType(json, "aws_vpc_security_group_egress_rule"));
      expect(egress.some((r) => r.cidr_ipv4 === "0.0.0.0/0")).toBe(false);
    });

    test("THEN the cells' subnets carry the segment's cell security group, delivered as a named config", () => {
      // (the resolved ids are asserted on the hand-off's outputs)
      expect(env.cells.securityGroupIds).toEqual([env.network.cellSecurityGroup.securityGroupId]);
      expect(env.cells.updateConfigCommand).toMatch(
        /^bosh update-config --type cloud --name agency-prod-production-cells cloud-config\.yml -v cell_security_group_id=/,
      );
    });

    test("THEN the Cloud Foundry half passes the schema checker", () => {
      expect(checkAgainstSchema(json, cloudFoundrySchema(), "cloudfoundry_")).toEqual([]);
    });
  });

  test("GIVEN a second endpoint with BGP THEN a second connection on the same VGW, the first one unmoved", () => {
    const base = build();
    const ha = build({
      customerEndpoint: { ...REQUEST.customerEndpoint, bgpAsn: 65010 },
      secondCustomerEndpoint: { ip: "18.188.145.102", device: CustomerDevice.STRONGSWAN, bgpAsn: 65011 },
    });
    const connections = Object.values(resourcesOfType(ha.json, "aws_vpn_connection"));
    expect(connections).toHaveLength(2);
    expect(connections.every((c) => c.static_routes_only === false)).toBe(true);
    expect(new Set(connections.map((c) => c.vpn_gateway_id)).size).toBe(1);
    expect(Object.keys(resourcesOfType(ha.json, "aws_sns_topic"))).toHaveLength(1);
    const stateful = (a: string[]) =>
      a.filter((x) => /^aws_(vpn_connection|vpn_gateway|eip|nat_gateway)\./.test(x));
    expect(stateful(addresses(ha.json))).toEqual(expect.arrayContaining(stateful(addresses(base.json))));
  });

  test("GIVEN two tenants in one app but separate VPCs THEN no deny rules are spent (the implicit deny covers them)", () => {
    const app = Testing.app();
    const a = new PrivateEgressEnvironment(stackWithProvider(app, "a"), "A", REQUEST);
    const b = new PrivateEgressEnvironment(stackWithProvider(app, "b"), "B", {
      ...REQUEST,
      tenant: { org: "other", spaces: ["web"] },
      customerEndpoint: { ip: "18.188.145.200", device: CustomerDevice.GENERIC },
      privateCidrs: ["172.20.0.0/16"],
    });
    expect(a.network.deniedNetworks).toEqual([]);
    expect(b.network.deniedNetworks).toEqual([]);
  });

  test("GIVEN two tenants in one VPC THEN each segment's ACL denies the other's customer CIDRs and segment", () => {
    const stack = stackWithProvider();
    const a = new PrivateEgressEnvironment(stack, "A", REQUEST);
    const b = new PrivateEgressEnvironment(stack, "B", {
      ...REQUEST,
      tenant: { org: "other", spaces: ["web"] },
      customerEndpoint: { ip: "18.188.145.200", device: CustomerDevice.GENERIC },
      privateCidrs: ["172.20.0.0/16"],
      vpc: a.network.vpc,
      internetGateway: a.network.internetGateway,
      vpnGateway: a.vpnGateway,
      segmentCidrBlock: "10.40.32.0/19",
    });
    const segment = (e: PrivateEgressEnvironment) => [...e.network.subnetCidrs, ...e.network.natSubnetCidrs];
    expect(a.network.deniedNetworks).toEqual(["172.20.0.0/16", ...segment(b)]);
    expect(b.network.deniedNetworks).toEqual(["192.168.100.0/24", ...segment(a)]);
  });

  describe("fails when", () => {
    test.each([
      ["expectedApps is 0", { expectedApps: 0 }, /`expectedApps` 0/],
      ["expectedApps is not whole", { expectedApps: 2.5 }, /`expectedApps` 2.5/],
      ["no space is named", { tenant: { org: "agency-prod", spaces: [] } }, /`tenant.spaces`/],
      [
        "a space is named twice",
        { tenant: { org: "agency-prod", spaces: ["app", "app"] } },
        /`tenant.spaces\[1\]` app/,
      ],
      [
        "the org name has surrounding spaces",
        { tenant: { org: " agency", spaces: ["app"] } },
        /`tenant.org`/,
      ],
      [
        "an existing space GUID names a space not requested",
        {
          tenant: {
            org: "agency-prod",
            spaces: ["app"],
            existingSpaceGuids: { batch: "0f3a1b6c-3a5e-4d1b-9c1e-2f7d8e9a0b1c" },
          },
        },
        /`tenant.existingSpaceGuids.batch`/,
      ],
      [
        "a private service is outside the private CIDRs",
        { privateServices: [{ name: "db", host: "10.9.9.9", port: 5432 }] },
        /\[PE-ENV-004\] `privateServices\[0\].host` 10.9.9.9/,
      ],
      [
        "a private service host is a name",
        { privateServices: [{ name: "db", host: "db.agency.gov", port: 5432 }] },
        /`privateServices\[0\].host` db.agency.gov/,
      ],
      [
        "two private services share a name",
        {
          privateServices: [
            { name: "db", host: "192.168.100.5", port: 5432 },
            { name: "db", host: "192.168.100.6", port: 5432 },
          ],
        },
        /`privateServices\[1\].name` db/,
      ],
      [
        "a private CIDR overlaps the VPC",
        { privateCidrs: ["10.40.128.0/24"] },
        /`privateCidrs\[0\]` 10.40.128.0\/24/,
      ],
      [
        "a private CIDR is not a CIDR",
        { privateCidrs: ["192.168.100.0/33"] },
        /`privateCidrs(\[0\])?` 192.168.100.0\/33/,
      ],
      [
        "the customer BGP ASN equals the Amazon-side ASN",
        { customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.GENERIC, bgpAsn: 64512 } },
        /`customerEndpoint.bgpAsn` 64512/,
      ],
      [
        "the second endpoint is not public",
        { secondCustomerEndpoint: { ip: "192.0.2.10", device: CustomerDevice.GENERIC } },
        /`secondCustomerEndpoint.ip` 192.0.2.10/,
      ],
      ["a capacity option is out of range", { capacity: { spareCells: -1 } }, /`capacity.spareCells` -1/],
      [
        "no base cell is given (cells.baseCell), printing the bosh int command",
        { cells: {} },
        /PE-CELL-001.*`cells\.baseCell` is not given.*bosh int cf-deployment\.yml .*--path \/instance_groups\/name=diego-cell/,
      ],
      [
        "the base cell is a path string instead of a BaseCell (cells.baseCell)",
        { cells: { baseCell: "diego-cell.yml" } },
        /`cells\.baseCell`/,
      ],
      [
        "the control plane is not given (controlPlane)",
        { controlPlane: undefined },
        /PE-CELL-011.*`controlPlane` has no rules toward bosh-director, shared-components, diego-bbs/,
      ],
      [
        "the clone takes the base cell's name (cells.instanceGroupName)",
        { cells: { baseCell: foundationBaseCell({}), instanceGroupName: "diego-cell" } },
        /PE-CELL-006.*`cells\.instanceGroupName` diego-cell/,
      ],
      [
        "the customer endpoint is private",
        { customerEndpoint: { ip: "10.1.1.1", device: CustomerDevice.GENERIC } },
        /10.1.1.1/,
      ],
    ])("%s", (_title, over, message) => {
      expect(() => build(over as Partial<PrivateEgressEnvironmentProps>)).toThrow(message);
    });

    test("no AWS provider with a literal region gives the availability zones", () => {
      const stack = new TerraformStack(Testing.app(), "bare");
      expect(() => new PrivateEgressEnvironment(stack, "Agency", REQUEST)).toThrow(
        /\[PE-ENV-009\] `availabilityZones`/,
      );
    });

    test("two environments of one tenant share a name", () => {
      const app = Testing.app();
      new PrivateEgressEnvironment(stackWithProvider(app, "a"), "Prod", REQUEST);
      expect(
        () =>
          new PrivateEgressEnvironment(stackWithProvider(app, "b"), "Prod", {
            ...REQUEST,
            privateCidrs: ["192.168.101.0/24"],
          }),
      ).toThrow(/\[PE-ENV-001\] `environment` production/);
    });

    test("two environments of one tenant share private CIDRs", () => {
      const app = Testing.app();
      new PrivateEgressEnvironment(stackWithProvider(app, "a"), "Prod", REQUEST);
      expect(
        () =>
          new PrivateEgressEnvironment(stackWithProvider(app, "b"), "Staging", {
            ...REQUEST,
            environment: DeploymentEnvironment.STAGING,
            cryptoProfile: VpnCryptoProfile.strict(),
          }),
      ).toThrow(
        /\[PE-ENV-002\] `privateCidrs` 192.168.100.0\/24 overlaps 192.168.100.0\/24 of the same tenant's environment/,
      );
    });

    test("two tenants share private CIDRs", () => {
      const app = Testing.app();
      new PrivateEgressEnvironment(stackWithProvider(app, "a"), "A", REQUEST);
      expect(
        () =>
          new PrivateEgressEnvironment(stackWithProvider(app, "b"), "B", {
            ...REQUEST,
            tenant: { org: "other", spaces: ["web"] },
            privateCidrs: ["192.168.0.0/17"],
          }),
      ).toThrow(
        /\[PE-ENV-002\] `privateCidrs` 192.168.0.0\/17 overlaps 192.168.100.0\/24 of another tenant's environment/,
      );
    });
  });
});
