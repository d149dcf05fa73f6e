/**
 * State safety and isolation by declaration, at synth: guards on what a destroy would lose, stable
 * names and space keys, and networks denied because the caller declared them (not because of the
 * order constructs were built in). What these mean to a real plan is in test/terraform/day2.test.ts.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, Testing, TerraformStack } from "cdktf";
import {
  CustomerDevice,
  DeploymentEnvironment,
  PrivateEgressEnvironment,
  PrivateEgressEnvironmentProps,
  VpnCryptoProfile,
} from "../../lib";
import { ControlPlanePeer } from "../../lib/aws/dedicated-segment";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { addresses, resourcesOfType, synthJson, SynthJson } from "../support/synth";

const REQUEST: PrivateEgressEnvironmentProps = {
  tenant: { org: "agency-prod", spaces: ["app", "batch"] },
  customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
  privateCidrs: ["192.168.100.0/24"],
  privateServices: [{ name: "hello-world", host: "192.168.100.30", port: 8080 }],
  expectedApps: 40,
  controlPlane: FOUNDATION_CONTROL_PLANE,
  cells: { baseCell: foundationBaseCell({}) },
};

function stackIn(app: App = Testing.app(), id = "s"): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  return stack;
}

function build(over: Partial<PrivateEgressEnvironmentProps> = {}, stack = stackIn()) {
  const env = new PrivateEgressEnvironment(stack, "Agency", { ...REQUEST, ...over });
  return { stack, env, json: synthJson(stack) };
}

/** `type` objects with `prevent_destroy`, and all of them. */
function guarded(json: SynthJson, type: string): [number, number] {
  const all = Object.values(resourcesOfType(json, type));
  return [all.filter((r) => r.lifecycle?.prevent_destroy === true).length, all.length];
}

/** CIDRs the environment's network ACL denies inbound. */
function deniedIn(json: SynthJson, env: PrivateEgressEnvironment): string[] {
  return Object.values(resourcesOfType(json, "aws_network_acl_rule"))
    .filter(
      (r) =>
        r.rule_action === "deny" &&
        r.egress === false &&
        String(r.network_acl_id).includes(`${env.node.id}_Network_NetworkAcl`),
    )
    .map((r) => String(r.cidr_block))
    .sort();
}

describe("guards against destroying what cannot be re-created", () => {
  const { json } = build();

  test.each([
    ["cloudfoundry_space", 2],
    ["cloudfoundry_isolation_segment", 1],
    ["aws_cloudwatch_log_group", 2],
    ["aws_kms_key", 3],
  ])("every %s carries prevent_destroy", (type, count) => {
    expect(guarded(json, type)).toEqual([count, count]);
  });

  test("allowDestroy lifts every guard (teardown)", () => {
    const open = build({ allowDestroy: true }).json;
    for (const type of [
      "cloudfoundry_space",
      "cloudfoundry_isolation_segment",
      "aws_cloudwatch_log_group",
      "aws_kms_key",
    ]) {
      expect(guarded(open, type)[0]).toBe(0);
    }
  });

  test("a device change does not replace the customer gateway: device_name is ignored after creation", () => {
    const cgw = Object.values(resourcesOfType(json, "aws_customer_gateway"))[0];
    expect(cgw.lifecycle).toMatchObject({ prevent_destroy: true, ignore_changes: ["device_name"] });
  });
});

describe("names and addresses that survive a rename", () => {
  test("with stableId pinned, renaming the org or changing environment changes no force-new name", () => {
    const names = (json: SynthJson) => ({
      logGroups: Object.values(resourcesOfType(json, "aws_cloudwatch_log_group")).map(
        (g) => g.name ?? g.name_prefix,
      ),
      sg: Object.values(resourcesOfType(json, "aws_security_group")).map((g) => [g.name, g.description]),
      segment: Object.values(resourcesOfType(json, "cloudfoundry_isolation_segment")).map((s) => s.name),
    });
    const base = names(build({ stableId: "agency-prod-production" }).json);
    expect(base.segment).toEqual(["agency-prod-production"]);
    expect(
      names(
        build({ stableId: "agency-prod-production", tenant: { ...REQUEST.tenant, org: "agency-main" } }).json,
      ),
    ).toEqual(base);
    expect(
      names(build({ stableId: "agency-prod-production", environment: DeploymentEnvironment.STAGING }).json),
    ).toEqual(base);
  });

  test("stableId defaults to the names 0.1 gave (<org>-<environment>), so upgrading renames nothing", () => {
    const { json } = build();
    expect(
      Object.values(resourcesOfType(json, "aws_cloudwatch_log_group"))
        .map((g) => g.name)
        .filter(Boolean),
    ).toEqual(["/aws/vpc/flow-logs/agency-prod-production"]);
    expect(Object.values(resourcesOfType(json, "aws_security_group"))[0].name).toBe(
      "agency-prod-production-cells",
    );
  });

  test("a space renamed with its key kept keeps every address", () => {
    const before = addresses(build().json);
    const after = build({
      tenant: { org: "agency-prod", spaces: ["app", "batch-jobs"], spaceKeys: { "batch-jobs": "batch" } },
    });
    expect(addresses(after.json)).toEqual(before);
    expect(
      Object.values(resourcesOfType(after.json, "cloudfoundry_space"))
        .map((s) => s.name)
        .sort(),
    ).toEqual(["app", "batch-jobs"]);
  });

  test("fails when two spaces would share a key", () => {
    expect(() =>
      build({ tenant: { org: "agency-prod", spaces: ["app", "batch"], spaceKeys: { app: "batch" } } }),
    ).toThrow(/PE-ENV-010.*`tenant\.spaces\[1\]` batch is not valid; has the key batch that space app has/);
  });

  test("fails when spaceKeys names a space not in tenant.spaces", () => {
    expect(() =>
      build({ tenant: { org: "agency-prod", spaces: ["app"], spaceKeys: { batch: "b" } } }),
    ).toThrow(/`tenant\.spaceKeys\.batch` batch.*name one of tenant\.spaces \(app\)/);
  });
});

describe("staged crypto", () => {
  test("tunnel2CryptoProfile keeps tunnel 2 on the old profile while tunnel 1 moves", () => {
    const { json } = build({
      cryptoProfile: VpnCryptoProfile.strict(),
      tunnel2CryptoProfile: VpnCryptoProfile.cloudGovIkev1(),
    });
    const vpn = Object.values(resourcesOfType(json, "aws_vpn_connection"))[0];
    expect(vpn.tunnel1_ike_versions).toEqual(["ikev2"]);
    expect(vpn.tunnel2_ike_versions).toEqual(["ikev1"]);
    const old = Object.values(
      resourcesOfType(build({ cryptoProfile: VpnCryptoProfile.cloudGovIkev1() }).json, "aws_vpn_connection"),
    )[0];
    for (const [k, v] of Object.entries(old))
      if (k.startsWith("tunnel2_")) expect([k, vpn[k]]).toEqual([k, v]);
  });
});

describe("isolation by declaration", () => {
  const IMPORTED = { vpcId: "vpc-0123456789abcdef0", vpcCidrBlock: "10.40.0.0/16" };
  const IGW = { internetGatewayId: "igw-0123456789abcdef0" };

  test("two apps (one pipeline per tenant) in one VPC: the second app's segment denies the first's, declared as existing subnets", () => {
    // GIVEN app 1 builds tenant A's segment; app 2 imports the VPC by its literal id
    const first = build({}, stackIn(Testing.app(), "first"));
    const taken = [...first.env.network.subnetCidrs, ...first.env.network.natSubnetCidrs];
    const second = new PrivateEgressEnvironment(stackIn(Testing.app(), "second"), "Interior", {
      ...REQUEST,
      tenant: { org: "interior-prod", spaces: ["permits"] },
      customerEndpoint: { ip: "18.188.145.140", device: CustomerDevice.LIBRESWAN },
      privateCidrs: ["192.168.20.0/24"],
      privateServices: [],
      vpc: IMPORTED,
      internetGateway: IGW,
      existingSubnetCidrs: taken,
    });
    const json = synthJson(second.node.scope as TerraformStack);
    // THEN every declared subnet is denied both ways
    expect(deniedIn(json, second)).toEqual([...taken].sort());
  });

  test("denyNetworks are denied both ways, ahead of every allow", () => {
    const { env, json } = build({ denyNetworks: ["172.20.0.0/16"] });
    expect(deniedIn(json, env)).toEqual(["172.20.0.0/16"]);
    expect(env.network.deniedNetworks).toEqual(["172.20.0.0/16"]);
  });

  test("an existing subnet holding a declared control-plane peer is not denied", () => {
    const { env, json } = build({
      vpc: IMPORTED,
      internetGateway: IGW,
      existingSubnetCidrs: ["10.40.200.0/24", "10.40.201.0/24"],
      controlPlane: { ...FOUNDATION_CONTROL_PLANE, boshDirector: [ControlPlanePeer.cidr("10.40.200.0/24")] },
    });
    expect(deniedIn(json, env)).toEqual(["10.40.201.0/24"]);
  });

  test("production and staging of one org in one VPC are isolated both ways unless joined", () => {
    const stack = stackIn();
    const prod = new PrivateEgressEnvironment(stack, "Prod", REQUEST);
    const staging = new PrivateEgressEnvironment(stack, "Staging", {
      ...REQUEST,
      environment: DeploymentEnvironment.STAGING,
      privateCidrs: ["192.168.200.0/24"],
      privateServices: [],
      vpc: prod.network.vpc,
      internetGateway: prod.network.internetGateway,
      vpnGateway: prod.vpnGateway,
      existingSubnetCidrs: [...prod.network.subnetCidrs, ...prod.network.natSubnetCidrs],
    });
    const json = synthJson(stack);
    expect(deniedIn(json, prod)).toEqual(
      [...staging.network.subnetCidrs, ...staging.network.natSubnetCidrs, "192.168.200.0/24"].sort(),
    );
    expect(deniedIn(json, staging)).toEqual(
      [...prod.network.subnetCidrs, ...prod.network.natSubnetCidrs, "192.168.100.0/24"].sort(),
    );

    const joinedStack = stackIn();
    const p2 = new PrivateEgressEnvironment(joinedStack, "Prod", REQUEST);
    const s2 = new PrivateEgressEnvironment(joinedStack, "Staging", {
      ...REQUEST,
      environment: DeploymentEnvironment.STAGING,
      privateCidrs: ["192.168.200.0/24"],
      privateServices: [],
      vpc: p2.network.vpc,
      internetGateway: p2.network.internetGateway,
      vpnGateway: p2.vpnGateway,
      existingSubnetCidrs: [...p2.network.subnetCidrs, ...p2.network.natSubnetCidrs],
      joinEnvironments: [DeploymentEnvironment.PRODUCTION],
    });
    const joined = synthJson(joinedStack);
    expect(deniedIn(joined, p2)).toEqual([]);
    expect(deniedIn(joined, s2)).toEqual([]);
  });

  test("warns when a segment in an existing VPC declares no neighbours", () => {
    const stack = stackIn();
    const env = new PrivateEgressEnvironment(stack, "Lonely", {
      ...REQUEST,
      vpc: IMPORTED,
      internetGateway: IGW,
    });
    Testing.synth(stack);
    const warnings = env.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([
      expect.stringMatching(
        /declares no neighbours .* isolation from other segments in that VPC is not guaranteed/,
      ),
    ]);
  });

  test("no such warning once neighbours are declared", () => {
    const stack = stackIn();
    const env = new PrivateEgressEnvironment(stack, "Declared", {
      ...REQUEST,
      vpc: IMPORTED,
      internetGateway: IGW,
      denyNetworks: ["10.40.128.0/20"],
    });
    Testing.synth(stack);
    expect(env.node.metadata.filter((m) => m.type === "@cdktf/warn")).toEqual([]);
  });
});
