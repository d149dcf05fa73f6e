/**
 * Synthesizes the platform example the way `cdktf synth` does (all stacks of one app, so cdktf's
 * cross-stack references become outputs and `terraform_remote_state` reads), once per process,
 * for the example's tests and the terraform suite.
 */
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { PolicyPack, PolicyProfile, PrivateEgressPlatform } from "../../lib";
import { buildPlatform } from "./stack";

export interface SynthesizedPlatform {
  readonly platform: PrivateEgressPlatform;
  /** The synthesized JSON of each stack, by stack id (platform first, then the tenants in file order). */
  readonly stacks: Map<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Every annotation of the app after synthesis (the policy pack's findings among them). */
  readonly annotations: Array<{ path: string; type: string; data: string }>;
}

let cached: SynthesizedPlatform | undefined;

export function synthesizePlatform(): SynthesizedPlatform {
  if (cached) return cached;
  const app = Testing.app();
  const platform = buildPlatform(app, { env: {} });
  PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT }); // as main.ts does
  app.synth();
  const annotations = app.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type !== "stacktrace")
        .map((m) => ({ path: c.node.path, type: m.type, data: String(m.data) })),
    );
  const stacks = new Map<string, Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const stack of [platform.platformStack, ...platform.tenantStacks]) {
    const file = path.join(app.outdir, "stacks", stack.node.id, "cdk.tf.json");
    stacks.set(stack.node.id, JSON.parse(fs.readFileSync(file, "utf8")));
  }
  fs.rmSync(app.outdir, { recursive: true, force: true });
  cached = { platform, stacks, annotations };
  return cached;
}
