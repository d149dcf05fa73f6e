/** Shared helpers for the Cloud Foundry construct tests. */
// brings the cdktf jest matchers' types (Testing.setupJest registers them at run time)
import type {} from "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformStack } from "cdktf";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { SynthJson, synthJson } from "../support/synth";

export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), "test");
}

/** Synthesizes and asserts every cloudfoundry_* object passes the provider schema. */
export function synthChecked(stack: TerraformStack): { json: SynthJson; text: string } {
  const text = Testing.synth(stack);
  const json = synthJson(stack);
  expect(checkAgainstSchema(json, cloudFoundrySchema(), "cloudfoundry_")).toEqual([]);
  return { json, text };
}

export function only<T = SynthJson>(json: SynthJson, type: string, data = false): T {
  const objects = Object.values((data ? json.data : json.resource)?.[type] ?? {});
  expect(objects).toHaveLength(1);
  return objects[0] as T;
}
