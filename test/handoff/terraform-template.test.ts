/**
 * Terraform reads each rendered text as a string template: this suite proves, with the real binary,
 * that the escapes hold (a literal `%{` placeholder survives apply as `%{`) and that the token form
 * validates. One terraform run (validate + plan); skipped loudly without terraform.
 */
import { TerraformOutput, Testing } from "cdktf";
import { CustomerDevice, renderDeviceConfig } from "../../lib/handoff/device-config";
import { renderFirewallChecklist } from "../../lib/handoff/firewall";
import { describeTerraform } from "../support/terraform-suite";
import { cleanup, runTerraform } from "../support/terraform";
import { CLOUD_GOV_IKEV1, STRICT_IKEV2, connection, tokenStack } from "./fixtures";

const ARN = "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:vpn-psk-AbCdEf";
const KNOWN = {
  tunnel1: {
    endpoints: {
      outsideAddress: "203.0.113.10",
      insideCidr: "169.254.10.0/30",
      vgwInsideAddress: "169.254.10.1",
      cgwInsideAddress: "169.254.10.2",
    },
    options: CLOUD_GOV_IKEV1,
  },
  tunnel2: {
    endpoints: {
      outsideAddress: "203.0.113.20",
      insideCidr: "169.254.11.0/30",
      vgwInsideAddress: "169.254.11.1",
      cgwInsideAddress: "169.254.11.2",
    },
    options: CLOUD_GOV_IKEV1,
  },
  presharedKeyLocation: ARN,
};

describeTerraform("hand-off texts as Terraform templates", () => {
  // GIVEN outputs of every rendered file: with known values (evaluated at plan) and with tokens
  const { stack, vpn, endpoints } = tokenStack();
  const devices = [
    CustomerDevice.LIBRESWAN,
    CustomerDevice.STRONGSWAN,
    CustomerDevice.PALO_ALTO_PANOS,
    CustomerDevice.GENERIC,
  ];
  const expected: Record<string, string> = {};
  for (const device of devices) {
    renderDeviceConfig(connection(device, CLOUD_GOV_IKEV1, KNOWN)).files.forEach((f, i) => {
      new TerraformOutput(stack, `known-${device}-${i}`, { value: f.content });
      expected[`known-${device}-${i}`] = f.content;
    });
    renderDeviceConfig(
      connection(device, STRICT_IKEV2, {
        tunnel1: { endpoints: endpoints[0], options: STRICT_IKEV2 },
        tunnel2: { endpoints: endpoints[1], options: STRICT_IKEV2 },
        presharedKeyLocation: vpn.presharedKeyArn,
      }),
    ).files.forEach((f, i) => new TerraformOutput(stack, `tokens-${device}-${i}`, { value: f.content }));
  }
  new TerraformOutput(stack, "known-firewall", {
    value: renderFirewallChecklist(connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, KNOWN)),
  });
  // WHEN terraform validates and plans it
  const result = runTerraform(JSON.parse(Testing.synth(stack)), { plan: true });
  afterAll(() => cleanup(result));

  test("validates", () => {
    expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.validate.valid).toBe(true);
  });

  test("evaluates escapes back to the literal text", () => {
    expect(result.planError).toBeUndefined();
    const outputs =
      (result.plan?.planned_values as { outputs?: Record<string, { value?: string }> }).outputs ?? {};
    for (const [name, template] of Object.entries(expected)) {
      const value = outputs[name]?.value;
      expect(value).toBe(template.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"));
    }
    expect(outputs["known-libreswan-1"]?.value).toContain(`203.0.113.10 : PSK "%{PSK tunnel 1 from ${ARN}}"`);
    expect(outputs["known-firewall"]?.value).toContain(
      "outbound   UDP 500           18.188.145.101 -> 203.0.113.10",
    );
  });
});
