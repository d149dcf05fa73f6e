import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { VpnCryptoProfile } from "../../lib/aws/crypto-profile";
import { CustomerGateway } from "../../lib/aws/customer-gateway";
import { TunnelAlarms } from "../../lib/aws/tunnel-alarms";
import { VpnGateway } from "../../lib/aws/vpn-gateway";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { checkVpnConnectionResource } from "../../lib/aws/vpn-validation";
import { synthJson, SynthJson } from "../support/synth";
import { cleanup, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

/**
 * One stack, one terraform run: a gateway with three connections (strict + static routes,
 * cloud.gov IKEv1 + BGP, a custom profile with a caller-supplied key, given log group and topic),
 * route propagation and static routes on two route tables, and alarms with a created topic.
 */
function vpnStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "tf-vpn");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0123456789abcdef0",
    vpcCidrBlock: "10.40.0.0/16",
  });
  const vgw = new VpnGateway(stack, "VpnGateway", { vpc, amazonSideAsn: 64512 });
  const cgw = new CustomerGateway(stack, "CustomerGateway", {
    ipAddress: "18.188.145.101",
    deviceName: "openswan",
  });
  const strict = vgw.addConnection("Strict", {
    customerGateway: cgw,
    cryptoProfile: VpnCryptoProfile.strict(),
    staticRoutes: ["192.168.100.0/24", "10.1.0.0/16", "101.0.0.0/16"],
    tunnel1: { insideCidr: "169.254.100.0/30" },
    tunnel2: { insideCidr: "169.254.100.4/30" },
  });
  vgw.addConnection("CloudGov", {
    customerGatewayIp: "18.188.145.102",
    customerGatewayAsn: 4200000001,
    cryptoProfile: VpnCryptoProfile.cloudGovIkev1(),
    remoteNetworkCidr: "192.168.100.0/24",
    localNetworkCidr: "10.40.0.0/16",
  });
  const key = new TerraformVariable(stack, "vpn_psk", { type: "string", sensitive: true });
  const custom = vgw.addConnection("Custom", {
    customerGatewayIp: "18.188.145.103",
    cryptoProfile: VpnCryptoProfile.strict().derive("custom", { phase2LifetimeSeconds: 1800 }),
    tunnelOptions: { presharedKey: key.stringValue },
    tunnel2: { phase2DhGroupNumbers: [5, 14], enableTunnelLifecycleControl: true },
    logGroup: { logGroupArn: "arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:vpn" },
    staticRoutes: ["172.16.0.0/12"],
  });
  vgw.enableRoutePropagation("shared", { routeTableId: "rtb-0aaaaaaaaaaaaaaa0" });
  vgw.addStaticRoutes("app", { routeTableId: "rtb-0bbbbbbbbbbbbbbb0" }, ["192.168.100.0/24"]);
  new TunnelAlarms(stack, "StrictAlarms", { vpnConnection: strict });
  new TunnelAlarms(stack, "CustomAlarms", {
    vpnConnection: custom,
    topic: { topicArn: "arn:aws-us-gov:sns:us-gov-west-1:123456789012:ops" },
  });
  return stack;
}

describeTerraform("VPN building blocks against real terraform", () => {
  test("every construct, each crypto profile, static and BGP: validate and plan pass", () => {
    const json = synthJson(vpnStack());
    // the policy-pack view of the same JSON finds nothing either
    for (const conn of Object.values(json.resource.aws_vpn_connection as SynthJson)) {
      expect(checkVpnConnectionResource(conn as SynthJson)).toEqual([]);
    }
    const result = runTerraform(json, { plan: true, variables: { vpn_psk: "Generated.In_Test42" } });
    try {
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      expect(result.planError).toBeUndefined();
      const changes = result.plan?.resource_changes ?? [];
      expect(changes.filter((c) => c.change.actions.join() !== "create")).toEqual([]);
      const planned = changes.map((c) => c.address).sort();
      const synthesized = Object.entries(json.resource as SynthJson)
        .flatMap(([type, objs]) => Object.keys(objs as object).map((name) => `${type}.${name}`))
        .sort();
      expect(planned).toEqual(synthesized);
      const count = (type: string) => changes.filter((c) => c.type === type).length;
      expect(count("aws_vpn_connection")).toBe(3);
      expect(count("aws_customer_gateway")).toBe(3);
      expect(count("aws_vpn_connection_route")).toBe(4);
      expect(count("aws_cloudwatch_metric_alarm")).toBe(6);
      const cgw = changes.filter((c) => c.type === "aws_customer_gateway").map((c) => c.change.after);
      expect(cgw).toContainEqual(
        expect.objectContaining({ bgp_asn_extended: "4200000001", ip_address: "18.188.145.102" }),
      );
      const strict = changes.find((c) => c.address.startsWith("aws_vpn_connection.VpnGateway_Strict"));
      expect(strict?.change.after).toMatchObject({
        static_routes_only: true,
        preshared_key_storage: "SecretsManager",
        tunnel1_ike_versions: ["ikev2"],
        tunnel2_inside_cidr: "169.254.100.4/30",
      });
    } finally {
      cleanup(result);
    }
  });
});
