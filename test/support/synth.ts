/** Small helpers shared by the tests: synthesized JSON and its sorted resource addresses. */
import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";

export type SynthJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Synthesizes a stack once and parses the JSON. */
export function synthJson(stack: TerraformStack): SynthJson {
  return JSON.parse(Testing.synth(stack)) as SynthJson;
}

/** Sorted Terraform addresses (`type.name`, `data.type.name`) of a synthesized stack. */
export function addresses(json: SynthJson): string[] {
  const out: string[] = [];
  for (const [type, objects] of Object.entries((json.resource ?? {}) as SynthJson)) {
    for (const name of Object.keys(objects as SynthJson)) out.push(`${type}.${name}`);
  }
  for (const [type, objects] of Object.entries((json.data ?? {}) as SynthJson)) {
    for (const name of Object.keys(objects as SynthJson)) out.push(`data.${type}.${name}`);
  }
  return out.sort();
}

/** All resources of one type, keyed by logical name. */
export function resourcesOfType(json: SynthJson, type: string): Record<string, SynthJson> {
  return (json.resource?.[type] ?? {}) as Record<string, SynthJson>;
}

/**
 * Synthesizes a stack the way `cdktf synth` does (throws on error annotations, keeps the `//`
 * metadata such as recorded policy suppressions) and returns its JSON with every construct's
 * annotations.
 */
export function fullSynthJson(stack: TerraformStack): {
  json: SynthJson;
  metadata: Array<{ type: string; data: unknown }>;
} {
  const outdir = Testing.fullSynth(stack);
  const file = path.join(outdir, "stacks", stack.node.id, "cdk.tf.json");
  return {
    json: JSON.parse(fs.readFileSync(file, "utf8")) as SynthJson,
    metadata: stack.node.findAll().flatMap((c) => c.node.metadata),
  };
}
