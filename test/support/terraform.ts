/**
 * Runs the real `terraform` binary over the AWS half of a synthesized stack, offline: provider
 * installation comes from a local filesystem mirror, credentials are dummies, and nothing reaches
 * the registry or AWS. Used by the `test/terraform` suite.
 *
 * Environment:
 * - `TERRAFORM_BINARY` : the terraform executable (default: `terraform` on PATH)
 * - `TF_PROVIDER_MIRROR` : a filesystem mirror holding registry.terraform.io/hashicorp/aws/5.100.0
 *   (default: the first of the well-known mirror locations that holds it)
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const AWS_PROVIDER_VERSION = "5.100.0";

/** Mirror locations looked at when `TF_PROVIDER_MIRROR` is not set. */
const WELL_KNOWN_MIRRORS = [
  "/opt/tf-plugins",
  path.join(os.homedir(), ".terraform.d", "plugins"),
  path.join(os.homedir(), ".local", "share", "terraform", "plugins"),
  "/usr/local/share/terraform/plugins",
  "/usr/share/terraform/plugins",
];

export interface TerraformAvailability {
  readonly available: boolean;
  /** Why the checks cannot run, when they cannot. */
  readonly reason?: string;
  readonly binary?: string;
  readonly version?: string;
  readonly mirror?: string;
}

function mirrorHoldsAws(dir: string): boolean {
  const base = path.join(dir, "registry.terraform.io", "hashicorp", "aws");
  // unpacked layout: <version>/<os_arch>/; packed layout: terraform-provider-aws_<version>_<os_arch>.zip
  return (
    fs.existsSync(path.join(base, AWS_PROVIDER_VERSION)) ||
    (fs.existsSync(base) && fs.readdirSync(base).some((f) => f.includes(`_${AWS_PROVIDER_VERSION}_`)))
  );
}

let cached: TerraformAvailability | undefined;

/** Finds the terraform binary and the provider mirror, once per process. */
export function terraformAvailability(): TerraformAvailability {
  if (cached) return cached;
  const binary = process.env.TERRAFORM_BINARY ?? "terraform";
  let version: string;
  try {
    const out = execFileSync(binary, ["version", "-json"], {
      encoding: "utf8",
      env: baseEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    version = (JSON.parse(out) as { terraform_version: string }).terraform_version;
  } catch (e) {
    cached = {
      available: false,
      reason: `no terraform binary (${binary}): ${(e as Error).message.split("\n")[0]}`,
    };
    return cached;
  }
  const override = process.env.TF_PROVIDER_MIRROR;
  const candidates = override ? [override] : WELL_KNOWN_MIRRORS;
  const mirror = candidates.find((dir) => mirrorHoldsAws(dir));
  if (!mirror) {
    cached = {
      available: false,
      binary,
      version,
      reason: `terraform ${version} found, but no provider mirror holding hashicorp/aws ${AWS_PROVIDER_VERSION} in ${candidates.join(", ")} (set TF_PROVIDER_MIRROR)`,
    };
    return cached;
  }
  cached = { available: true, binary, version, mirror };
  return cached;
}

/** The loud line printed when the terraform checks cannot run. */
export function skipBanner(reason: string): string {
  return `\n!!! TERRAFORM CHECKS SKIPPED: ${reason}. terraform validate/plan did NOT run. !!!\n`;
}

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", ...extra };
  // a CLI config variable naming a missing file only produces warnings
  if (env.TF_CLI_CONFIG_FILE && !fs.existsSync(env.TF_CLI_CONFIG_FILE)) delete env.TF_CLI_CONFIG_FILE;
  return env;
}

type Json = Record<string, unknown>;

function mentionsOnlyAws(value: unknown): boolean {
  return !JSON.stringify(value).includes("cloudfoundry");
}

/**
 * Keeps the AWS half of a synthesized stack: the `aws` provider (with the dummy-credential
 * settings), `aws_*` resources and data sources, variables, locals and the outputs that reference
 * nothing of Cloud Foundry. Drops the backend (init runs with `-backend=false`).
 */
export function awsHalf(synthesized: Json): Json {
  const terraform = { ...((synthesized.terraform ?? {}) as Json) };
  delete terraform.backend;
  const required = (terraform.required_providers ?? {}) as Json;
  terraform.required_providers = Object.fromEntries(
    Object.entries(required).filter(([name]) => name === "aws"),
  );
  const filterTypes = (section: unknown) =>
    Object.fromEntries(Object.entries((section ?? {}) as Json).filter(([type]) => type.startsWith("aws_")));
  const providers = (synthesized.provider ?? {}) as Json;
  const aws = ((providers.aws as Json[] | undefined) ?? [{}]).map((config) => ({
    ...config,
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
  }));
  const out: Json = { terraform, provider: { aws } };
  const resource = filterTypes(synthesized.resource);
  const data = filterTypes(synthesized.data);
  if (Object.keys(resource).length) out.resource = resource;
  if (Object.keys(data).length) out.data = data;
  for (const key of ["variable", "locals"]) if (synthesized[key]) out[key] = synthesized[key];
  const outputs = Object.fromEntries(
    Object.entries((synthesized.output ?? {}) as Json).filter(([, o]) => mentionsOnlyAws(o)),
  );
  if (Object.keys(outputs).length) out.output = outputs;
  return out;
}

export interface TerraformRunResult {
  readonly dir: string;
  readonly validate: {
    valid: boolean;
    error_count: number;
    diagnostics: Array<{ severity: string; summary: string; detail?: string }>;
  };
  /** `terraform show -json` of the saved plan, when `plan` was requested and succeeded. */
  readonly plan?: {
    resource_changes?: Array<{ address: string; type: string; change: { actions: string[]; after?: Json } }>;
    output_changes?: Record<string, { actions: string[]; after?: unknown }>;
    planned_values?: Json;
  };
  readonly planError?: string;
}

function run(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(binary, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/**
 * Writes the AWS half of `synthesized` to a temp dir and runs `terraform init -backend=false`, then
 * `terraform validate -json`, or, when `plan` is true, `terraform plan` with dummy credentials (which
 * validates first; `terraform validate` runs only when the plan fails) followed by `terraform show -json`. Throws when terraform is unavailable or
 * `init` fails; validation and plan outcomes are returned for the caller to assert on.
 */
export function runTerraform(
  synthesized: Json,
  options: { plan?: boolean; variables?: Record<string, string> } = {},
): TerraformRunResult {
  const tf = terraformAvailability();
  if (!tf.available || !tf.binary || !tf.mirror) throw new Error(`terraform unavailable: ${tf.reason}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-tf-"));
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(awsHalf(synthesized), null, 2));
  const cliConfig = path.join(dir, ".terraformrc");
  fs.writeFileSync(
    cliConfig,
    [
      "provider_installation {",
      `  filesystem_mirror {`,
      `    path    = ${JSON.stringify(tf.mirror)}`,
      `    include = ["registry.terraform.io/hashicorp/aws"]`,
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  const env = baseEnv({
    TF_CLI_CONFIG_FILE: cliConfig,
    AWS_ACCESS_KEY_ID: "offline-plan-dummy",
    AWS_SECRET_ACCESS_KEY: "dummy-secret-for-offline-plan",
    AWS_REGION: "us-gov-west-1",
    AWS_EC2_METADATA_DISABLED: "true",
    ...Object.fromEntries(Object.entries(options.variables ?? {}).map(([k, v]) => [`TF_VAR_${k}`, v])),
  });
  const init = run(tf.binary, ["init", "-backend=false", "-input=false", "-no-color"], dir, env);
  if (init.code !== 0) throw new Error(`terraform init failed in ${dir}:\n${init.stderr}\n${init.stdout}`);
  const binary = tf.binary;
  const validateCommand = () => {
    const v = run(binary, ["validate", "-json", "-no-color"], dir, env);
    return JSON.parse(v.stdout) as TerraformRunResult["validate"];
  };
  if (!options.plan) return { dir, validate: validateCommand() };
  // `terraform plan` runs the validation of `terraform validate` (the same Core.Validate walk of the
  // configuration) before it plans, and stops on its errors: a plan that succeeds has validated, and
  // its diagnostics are the validation's warnings. Only a failed plan needs `terraform validate`
  // itself, to tell an invalid configuration from a plan error. (This saves one start of the AWS
  // provider, ~5 s of CPU, per run.)
  const p = run(
    tf.binary,
    ["plan", "-input=false", "-lock=false", "-refresh=false", "-json", "-out=plan.tfplan"],
    dir,
    env,
  );
  const messages = p.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map(
      (line) =>
        JSON.parse(line) as { type?: string; diagnostic?: TerraformRunResult["validate"]["diagnostics"][0] },
    );
  const diagnostics = messages.flatMap((m) =>
    m.type === "diagnostic" && m.diagnostic ? [m.diagnostic] : [],
  );
  if (p.code !== 0) {
    const validate = validateCommand();
    if (!validate.valid) return { dir, validate };
    const text = diagnostics.map((d) => `${d.severity}: ${d.summary}${d.detail ? `: ${d.detail}` : ""}`);
    return { dir, validate, planError: `${p.stderr}\n${text.join("\n")}` };
  }
  const validate = { valid: true, error_count: 0, diagnostics };
  const show = run(tf.binary, ["show", "-json", "plan.tfplan"], dir, env);
  if (show.code !== 0) return { dir, validate, planError: show.stderr };
  return { dir, validate, plan: JSON.parse(show.stdout) as TerraformRunResult["plan"] };
}

/** Removes a run's temp dir (the provider is symlinked from the mirror, so this is cheap). */
export function cleanup(result: TerraformRunResult): void {
  fs.rmSync(result.dir, { recursive: true, force: true });
}

/**
 * Merges the AWS halves of several synthesized stacks into ONE configuration, so that a single
 * terraform run checks them all: every resource, data source and output of part `i` is renamed with
 * that part's prefix, and every reference to it (in interpolations and `depends_on`) is rewritten.
 * The first part's provider and `terraform` blocks are kept, with the aliased AWS providers of the
 * other parts (references stay `aws.<alias>`); input variables keep their names.
 */
export function mergeStacks(parts: Array<{ prefix: string; json: Json }>): Json {
  const merged: Json = {};
  // cdktf's cross-stack references (an output of the producing stack read through
  // `terraform_remote_state` by the consumer) become direct references to the producer's resources
  const crossStack = new Map<string, string>();
  for (const { prefix, json } of parts) {
    for (const [name, body] of Object.entries((json.output ?? {}) as Json)) {
      const value = (body as Json).value;
      const m = typeof value === "string" ? /^\$\{([^{}]+)\}$/.exec(value) : null;
      if (name.startsWith("cross-stack-output-") && m) {
        crossStack.set(
          name,
          m[1].replace(/\b([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/, `$1.${prefix}$2`),
        );
      }
    }
  }
  const inlineCrossStack = (value: unknown): unknown => {
    if (typeof value === "string") {
      return value.replace(
        /data\.terraform_remote_state\.[A-Za-z0-9_-]+\.outputs\.([A-Za-z0-9_-]+)/g,
        (m, name: string) => crossStack.get(name) ?? m,
      );
    }
    if (Array.isArray(value)) return value.map(inlineCrossStack);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, inlineCrossStack(v)]));
    }
    return value;
  };
  for (const { prefix, json } of parts) {
    const half = awsHalf(json);
    merged.terraform ??= half.terraform;
    if (!merged.provider) merged.provider = { aws: [...((half.provider as { aws: Json[] }).aws ?? [])] };
    else {
      // a later part's aliased providers join (one block per alias); its default provider does not
      const aws = (merged.provider as { aws: Json[] }).aws;
      for (const config of (half.provider as { aws: Json[] }).aws ?? []) {
        if (config.alias === undefined) continue;
        const known = aws.find((c) => c.alias === config.alias);
        if (known && JSON.stringify(known) !== JSON.stringify(config))
          throw new Error(`mergeStacks: parts configure provider alias ${String(config.alias)} differently`);
        if (!known) aws.push(config);
      }
    }
    // input variables keep their names (references stay `var.x`); two parts may share one only
    // when they declare it alike
    for (const [name, body] of Object.entries((half.variable ?? {}) as Json)) {
      const known = ((merged.variable ??= {}) as Json)[name];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(body))
        throw new Error(`mergeStacks: parts declare variable ${name} differently`);
      (merged.variable as Json)[name] = body;
    }
    const names = { resource: new Set<string>(), data: new Set<string>() };
    for (const section of ["resource", "data"] as const) {
      for (const [type, objects] of Object.entries((half[section] ?? {}) as Json)) {
        for (const name of Object.keys(objects as Json)) names[section].add(`${type}.${name}`);
      }
    }
    const rewrite = (value: unknown): unknown => {
      if (typeof value === "string") {
        return value.replace(
          /(data\.)?\b([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g,
          (m, data, type, name) =>
            names[data ? "data" : "resource"].has(`${type}.${name}`)
              ? `${data ?? ""}${type}.${prefix}${name}`
              : m,
        );
      }
      if (Array.isArray(value)) return value.map(rewrite);
      if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, rewrite(v)]));
      }
      return value;
    };
    for (const section of ["resource", "data", "output"] as const) {
      if (section === "output") {
        for (const [name, body] of Object.entries((half.output ?? {}) as Json)) {
          merged.output = { ...((merged.output as Json) ?? {}), [`${prefix}${name}`]: rewrite(body) };
        }
        continue;
      }
      for (const [type, objects] of Object.entries((half[section] ?? {}) as Json)) {
        const target = (((merged[section] as Json) ??= {})[type] as Json | undefined) ?? {};
        for (const [name, body] of Object.entries(objects as Json))
          target[`${prefix}${name}`] = inlineCrossStack(rewrite(body));
        (merged[section] as Json)[type] = target;
      }
    }
  }
  return merged;
}
