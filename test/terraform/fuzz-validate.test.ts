import { Testing } from "cdktf";
import { PlatformStack } from "../../examples/shared/platform-stack";
import { addEnvironment, Flaw, FUZZ_SEED, sampleRequests } from "../environment/fuzz-requests";
import { cleanup, runTerraform } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

// A seeded sample of valid fuzz requests through `terraform validate`. Each request is built in its
// own app (the platform registry would otherwise refuse tenants that share CIDRs), under a distinct
// construct id so that logical names never collide, and the AWS halves are merged into ONE
// configuration: one terraform run for the whole sample.
const SAMPLE = Number(process.env.PE_FUZZ_VALIDATE_SAMPLE ?? 50);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function merge(target: Json, source: Json): void {
  for (const section of ["resource", "data"]) {
    for (const [type, objects] of Object.entries((source[section] ?? {}) as Json)) {
      target[section] ??= {};
      target[section][type] ??= {};
      for (const [name, body] of Object.entries(objects as Json)) {
        if (name in target[section][type]) throw new Error(`duplicate ${section} ${type}.${name}`);
        target[section][type][name] = body;
      }
    }
  }
  target.output = { ...(target.output ?? {}), ...(source.output ?? {}) };
}

describeTerraform("fuzz sample against terraform validate", () => {
  test(`at least 50 valid generated environments (seed ${FUZZ_SEED}) pass terraform validate`, () => {
    const valid = sampleRequests(SAMPLE * 3)
      .filter((r) => r.flaw === Flaw.NONE)
      .slice(0, SAMPLE);
    expect(valid.length).toBeGreaterThanOrEqual(50);
    let merged: Json | undefined;
    valid.forEach((request, i) => {
      const stack = new PlatformStack(Testing.app(), "fuzz", { env: {} });
      addEnvironment(stack, `Tenant${i}`, request);
      const json = JSON.parse(Testing.synth(stack)) as Json;
      if (!merged) merged = { terraform: json.terraform, provider: json.provider };
      merge(merged, json);
    });
    const result = runTerraform(merged as Json);
    try {
      expect(result.validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.validate.valid).toBe(true);
      const connections = Object.keys((merged as Json).resource.aws_vpn_connection);
      expect(connections.length).toBeGreaterThanOrEqual(valid.length);
    } finally {
      cleanup(result);
    }
  });
});
