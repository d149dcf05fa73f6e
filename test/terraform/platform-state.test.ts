/**
 * The examples' local state, as terraform reads it across stacks: a tenant stack of the platform
 * reads the platform stack's outputs through cdktf's `terraform_remote_state`, whose `path` is the
 * platform backend's path as written, resolved by terraform from the TENANT's folder
 * (`cdktf.out/stacks/<tenant>/`), while the platform's backend resolves it from the PLATFORM's
 * folder. Proved with the real terraform in a project laid out as `cdktf synth` lays it out: the
 * platform stack's own backend block writes a state (an apply of its cross-stack outputs, with
 * stand-in values), and the tenant stack's own `terraform_remote_state` block reads it back.
 * Offline: no provider is needed (outputs only; `terraform_remote_state` is built in).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdktf";
import { PrivateEgressPlatform } from "../../lib";
import { PlatformStack } from "../../examples/shared/platform-stack";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { TENANTS_DIR } from "../../examples/platform/stack";
import { terraformAvailability } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The platform over one request (treasury's), synthesized with `env` while the app runs in `cwd`. */
function synthesize(cwd: string, env: Record<string, string>): { platform: Json; tenant: Json } {
  const requests = fs.mkdtempSync(path.join(os.tmpdir(), "pe-state-requests-"));
  fs.copyFileSync(
    path.join(TENANTS_DIR, "treasury-prod-production.yaml"),
    path.join(requests, "treasury-prod-production.yaml"),
  );
  const before = process.cwd();
  process.chdir(cwd); // as `cdktf synth` runs the app: in the project directory
  try {
    const app = Testing.app();
    const p = new PrivateEgressPlatform(app, "Platform", {
      requests,
      stacks: { createStack: (scope, id) => new PlatformStack(scope, id, { env }) },
      availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
      tenantSegmentsCidrBlock: "10.40.0.0/17",
      cells: { baseCell: foundationBaseCell({}) },
      controlPlane: FOUNDATION_CONTROL_PLANE,
    });
    app.synth();
    const read = (id: string) =>
      JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8")) as Json;
    const out = { platform: read(p.platformStack.node.id), tenant: read(p.tenantStacks[0].node.id) };
    fs.rmSync(app.outdir, { recursive: true, force: true });
    return out;
  } finally {
    process.chdir(before);
    fs.rmSync(requests, { recursive: true, force: true });
  }
}

function terraform(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const tf = terraformAvailability();
  const r = spawnSync(tf.binary as string, [...args, "-no-color"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" },
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function initAndApply(dir: string, config: Json): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(config, null, 2));
  for (const args of [
    ["init", "-input=false"],
    ["apply", "-auto-approve", "-input=false"],
  ]) {
    const r = terraform(args, dir);
    if (r.code !== 0) throw new Error(`terraform ${args[0]} failed in ${dir}:\n${r.stderr}\n${r.stdout}`);
  }
}

/**
 * Lays the two stacks out in `project/cdktf.out/stacks/`, applies the platform stack's outputs
 * through its own backend block, then reads one back through the tenant's own
 * `terraform_remote_state` block. Returns what the tenant read, or terraform's error.
 */
function readAcross(project: string, stacks: { platform: Json; tenant: Json }): string {
  const [remoteName, remote] = Object.entries(stacks.tenant.data.terraform_remote_state as Json)[0];
  const outputs = Object.keys(stacks.platform.output).filter((o) => o.startsWith("cross-stack-output-"));
  const read = outputs.find((o) => JSON.stringify(stacks.tenant).includes(`outputs.${o}`)) as string;
  expect(read).toBeDefined();
  const root = path.join(project, "cdktf.out", "stacks");
  initAndApply(path.join(root, "platform"), {
    terraform: { backend: stacks.platform.terraform.backend },
    output: Object.fromEntries(outputs.map((o) => [o, { value: `stand-in for ${o}` }])),
  });
  const tenantDir = path.join(root, "treasury-prod-production");
  try {
    initAndApply(tenantDir, {
      terraform: { backend: stacks.tenant.terraform.backend },
      data: { terraform_remote_state: { [remoteName]: remote } },
      output: { read: { value: `\${data.terraform_remote_state.${remoteName}.outputs["${read}"]}` } },
    });
  } catch (e) {
    return (e as Error).message;
  }
  return terraform(["output", "-raw", "read"], tenantDir).stdout;
}

describeTerraform("the examples' local state, read across stacks by the real terraform", () => {
  let project: string;
  beforeEach(() => {
    project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pe-state-project-")));
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  test.each([
    ["the default (the project directory)", {}, "terraform.platform.tfstate"],
    [
      "a relative PE_STATE_DIR (a folder of the project)",
      { PE_STATE_DIR: "state" },
      "state/terraform.platform.tfstate",
    ],
  ])(
    "%s: the tenant's terraform_remote_state reads the state the platform's backend wrote, in one folder outside cdktf.out",
    (_title, env, expected) => {
      // GIVEN both stacks synthesized as `cdktf synth` would, in the project directory
      const stacks = synthesize(project, env as Record<string, string>);
      expect(stacks.tenant.data.terraform_remote_state).toBeDefined();
      // WHEN the platform applies its outputs and the tenant reads them
      const read = readAcross(project, stacks);
      // THEN the tenant read the platform's value, from the file the platform wrote
      expect(read).toMatch(/^stand-in for cross-stack-output-/);
      expect(fs.existsSync(path.join(project, expected))).toBe(true);
      expect(fs.readdirSync(path.join(project, "cdktf.out", "stacks", "platform"))).not.toContain("state");
    },
  );

  test("a relative path written as given (as a relative PE_STATE_DIR was before) sends each stack to its own folder: the tenant reads nothing (negative control)", () => {
    const stacks = synthesize(project, {});
    const relative = { local: { path: "state/terraform.platform.tfstate" } };
    stacks.platform.terraform.backend = relative;
    const remote = Object.values(stacks.tenant.data.terraform_remote_state as Json)[0] as Json;
    remote.config = { path: relative.local.path };
    const read = readAcross(project, stacks);
    expect(read).not.toMatch(/^stand-in/);
    expect(read).toMatch(/Unsupported attribute|does not have an attribute|Unable to find remote state/);
    // the platform's state went inside cdktf.out, next to its own configuration
    expect(
      fs.existsSync(
        path.join(project, "cdktf.out", "stacks", "platform", "state", "terraform.platform.tfstate"),
      ),
    ).toBe(true);
  });
});
