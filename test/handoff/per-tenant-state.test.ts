/**
 * The hand-off is emitted per tenant: each tenant's stack (its own Terraform state) holds only its
 * own hand-off outputs, and nothing in one tenant's stack reads another tenant's state.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import * as os from "os";
import { CustomerDevice, PrivateEgressEnvironment, PrivateEgressHandoff } from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { synthJson, SynthJson } from "../support/synth";

function tenantStack(app: App, org: string, ip: string, cidr: string) {
  const stack = new TerraformStack(app, org);
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const environment = new PrivateEgressEnvironment(stack, "Env", {
    tenant: { org, spaces: ["app"] },
    customerEndpoint: { ip, device: CustomerDevice.STRONGSWAN },
    privateCidrs: [cidr],
    expectedApps: 10,
    controlPlane: FOUNDATION_CONTROL_PLANE,
    cells: { baseCell: foundationBaseCell({}) },
  });
  new PrivateEgressHandoff(stack, "Handoff", { environment, outputPrefix: org.replace(/-/g, "_") });
  return stack;
}

test("two tenants' hand-offs live in their own stacks and never reference each other", () => {
  const app = new App({ outdir: os.tmpdir() });
  const a = synthJson(tenantStack(app, "agency-a", "18.188.145.101", "192.168.100.0/24"));
  const b = synthJson(tenantStack(app, "agency-b", "18.188.145.102", "192.168.200.0/24"));
  for (const [mine, theirs, json] of [
    ["agency_a", "agency_b", a],
    ["agency_b", "agency_a", b],
  ] as Array<[string, string, SynthJson]>) {
    const outputs = Object.keys(json.output as SynthJson);
    expect(outputs.length).toBeGreaterThan(5);
    expect(outputs.every((name) => name.startsWith(`${mine}_`))).toBe(true);
    const text = JSON.stringify(json);
    expect(text).not.toContain(theirs);
    expect(text).not.toContain(theirs.replace("_", "-"));
    // no cross-stack read: one tenant's state is never an input of another's
    expect((json.data as SynthJson | undefined)?.terraform_remote_state).toBeUndefined();
  }
  // the customer gateway configuration (pre-shared keys) output is sensitive in each stack
  const cgwOutputs = Object.entries(a.output as Record<string, SynthJson>).filter(([, o]) =>
    JSON.stringify(o.value).includes("customer_gateway_configuration"),
  );
  expect(cgwOutputs.length).toBeGreaterThan(0);
  expect(cgwOutputs.every(([, o]) => o.sensitive === true)).toBe(true);
});
