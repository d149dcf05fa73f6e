/**
 * Where the examples keep state, and what the state backend offers: local state outside cdktf.out
 * (terraform runs in cdktf.out/stacks/<stack>/ and resolves a relative local path from there;
 * `cdktf synth` deletes the directory of a stack that left the app), SSE-KMS for S3.
 */
import * as path from "path";
import { Testing } from "cdktf";
import { DefaultExampleStack } from "../../examples/default/stack";
import { TwoTenantsStack } from "../../examples/two-tenants/stack";
import { synthJson } from "../support/synth";

const PROJECT = path.resolve(__dirname, "..", "..");
const OUT = path.join(PROJECT, "cdktf.out");

/** The file terraform writes local state to, resolved the way terraform does from the stack's directory. */
function localStateFile(backend: { local?: { path?: string } }, stackId: string): string {
  return path.resolve(OUT, "stacks", stackId, backend.local?.path ?? "terraform.tfstate");
}

test.each([
  ["default", (id: string) => new DefaultExampleStack(Testing.app(), id, { env: {} })],
  ["two-tenants", (id: string) => new TwoTenantsStack(Testing.app(), id, { env: {} })],
])("the %s example keeps local state outside cdktf.out, in the project directory", (_name, make) => {
  const id = "state-probe";
  const file = localStateFile(synthJson(make(id)).terraform.backend, id);
  expect(path.relative(OUT, file).startsWith("..")).toBe(true);
  expect(file).toBe(path.join(PROJECT, `terraform.${id}.tfstate`));
});

test("PE_STATE_DIR moves local state", () => {
  const json = synthJson(
    new DefaultExampleStack(Testing.app(), "s", { env: { PE_STATE_DIR: "/srv/state" } }),
  );
  expect(json.terraform.backend.local.path).toBe("/srv/state/terraform.s.tfstate");
});

test("the S3 backend takes a KMS key for the state (it holds the pre-shared keys)", () => {
  const key = "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1b2c3d4e-0000-4000-8000-000000000001";
  const json = synthJson(
    new DefaultExampleStack(Testing.app(), "s3", {
      env: { PE_STATE_BUCKET: "tfstate", PE_STATE_KMS_KEY_ID: key },
    }),
  );
  expect(json.terraform.backend.s3).toMatchObject({ bucket: "tfstate", encrypt: true, kms_key_id: key });
});
