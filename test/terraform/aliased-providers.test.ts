import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { CustomerDevice, PrivateEgressEnvironment, TunnelAlarms, VpnGateway } from "../../lib";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { synthJson, SynthJson } from "../support/synth";
import { cleanup, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

/**
 * Terraform itself accepts what the `provider` props produce: an environment and building blocks on
 * an aliased AWS provider (another region) pass `terraform validate`, which refuses a `provider`
 * reference to an alias no provider block declares. (That every resource carries the alias is
 * asserted without terraform in test/core/providers.test.ts; a plan would add ~20 s of CPU.)
 */
describeTerraform("an environment on an aliased AWS provider", () => {
  test("validates, every AWS resource on the alias", () => {
    const stack = new TerraformStack(Testing.app(), "tf-aliased");
    new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
    const east = new AwsProvider(stack, "aws-east", { region: "us-gov-east-1", alias: "east" });
    const other = new CloudfoundryProvider(stack, "cf-other", { alias: "other" });
    const environment = new PrivateEgressEnvironment(stack, "Agency", {
      tenant: { org: "agency-prod", spaces: ["app"] },
      customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
      privateCidrs: ["192.168.100.0/24"],
      expectedApps: 40,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell({}) },
      awsProvider: east,
      cloudFoundryProvider: other,
      allowDestroy: true,
    });
    const vgw = VpnGateway.fromVpnGatewayId(stack, "Existing", "vgw-0123456789abcdef0", 64512, east);
    const branch = vgw.addConnection("Branch", {
      customerGatewayIp: "18.188.145.102",
      staticRoutes: ["192.168.200.0/24"],
      allowDestroy: true,
    });
    new TunnelAlarms(stack, "BranchAlarms", { vpnConnection: branch, provider: east });
    void environment;
    const result = runTerraform(synthJson(stack) as SynthJson, { plan: true });
    try {
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.planError).toBeUndefined();
      const config = (
        result.plan as unknown as { configuration: { root_module: { resources: SynthJson[] } } }
      ).configuration.root_module.resources;
      expect(config.length).toBeGreaterThan(30);
      expect(config.filter((r) => r.provider_config_key !== "aws.east").map((r) => r.address)).toEqual([]);
      expect(result.plan?.resource_changes?.length).toBeGreaterThan(30);
    } finally {
      cleanup(result);
    }
  });
});
