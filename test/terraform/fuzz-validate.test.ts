import { Testing } from "cdktf";
import { PlatformStack } from "../../examples/shared/platform-stack";
import { addEnvironment, Flaw, FUZZ_SEED, sampleRequests } from "../environment/fuzz-requests";
import { synthJson } from "../support/synth";
import { cleanup, mergeStacks, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

// A seeded sample of valid fuzz requests through `terraform validate`. Each request is built in its
// own app (the platform registry would otherwise refuse tenants that share CIDRs), and the AWS halves
// are merged into ONE configuration (names prefixed per request): one terraform run for the sample.
const SAMPLE = Number(process.env.PE_FUZZ_VALIDATE_SAMPLE ?? 50);

describeTerraform("fuzz sample against terraform validate", () => {
  test(`at least 50 valid generated environments (seed ${FUZZ_SEED}) pass terraform validate`, () => {
    const valid = sampleRequests(SAMPLE * 3)
      .filter((r) => r.flaw === Flaw.NONE)
      .slice(0, SAMPLE);
    expect(valid.length).toBeGreaterThanOrEqual(50);
    const merged = mergeStacks(
      valid.map((request, i) => {
        const stack = new PlatformStack(Testing.app(), "fuzz", { env: {} });
        addEnvironment(stack, "Tenant", request);
        return { prefix: `f${i}_`, json: synthJson(stack) };
      }),
    );
    const result = runTerraform(merged);
    try {
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      const connections = Object.keys((merged.resource as Record<string, object>).aws_vpn_connection);
      expect(connections.length).toBeGreaterThanOrEqual(valid.length);
    } finally {
      cleanup(result);
    }
  });
});
