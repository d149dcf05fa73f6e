#!/usr/bin/env node
/**
 * `cdktf-private-egress check <cdktf.out>`: runs the policy pack over synthesized stacks (a
 * `cdktf.out` directory with its manifest, a directory of `stacks/<name>/cdk.tf.json`, or one
 * `cdk.tf.json`), prints a readable report and exits non-zero when an unsuppressed error remains.
 *
 * Exit codes: 0 no blocking finding; 1 at least one unsuppressed error; 2 usage or input problem.
 *
 * @example
 * npx cdktf-private-egress check cdktf.out --profile cloud-gov-compat
 */
import * as fs from "fs";
import * as path from "path";
import { blockingFindings, evaluateStack, PolicyFinding } from "../checks/evaluate";
import { parseProfile, PolicyProfile, Severity } from "../checks/profiles";
import { stackViewFromJson } from "../checks/view";

/** Where the command writes. */
export interface CheckIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** One stack found in the input. */
interface StackInput {
  readonly name: string;
  readonly file: string;
}

const USAGE = [
  "usage: cdktf-private-egress check <cdktf.out | stacks dir | cdk.tf.json> [--profile federal-strict|cloud-gov-compat] [--json]",
  "",
  "  --profile  the baseline (default: the profile the pack recorded at synth, else federal-strict)",
  "  --json     print the findings as JSON instead of the report",
  "exit code: 0 no unsuppressed error, 1 unsuppressed errors, 2 usage or input problem",
];

class UsageError extends Error {}

function findStacks(input: string): StackInput[] {
  if (!fs.existsSync(input)) throw new UsageError(`${input} does not exist`);
  if (fs.statSync(input).isFile())
    return [{ name: path.basename(path.dirname(path.resolve(input))), file: input }];
  const manifestFile = path.join(input, "manifest.json");
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
      stacks?: Record<string, { name?: string; synthesizedStackPath?: string }>;
    };
    return Object.entries(manifest.stacks ?? {}).map(([key, s]) => ({
      name: s.name ?? key,
      file: path.join(input, s.synthesizedStackPath ?? path.join("stacks", key, "cdk.tf.json")),
    }));
  }
  const stacksDir = fs.existsSync(path.join(input, "stacks")) ? path.join(input, "stacks") : input;
  const found = fs
    .readdirSync(stacksDir)
    .filter((d) => fs.existsSync(path.join(stacksDir, d, "cdk.tf.json")))
    .sort()
    .map((d) => ({ name: d, file: path.join(stacksDir, d, "cdk.tf.json") }));
  if (fs.existsSync(path.join(input, "cdk.tf.json")))
    found.push({ name: path.basename(path.resolve(input)), file: path.join(input, "cdk.tf.json") });
  if (found.length === 0) throw new UsageError(`${input} holds no manifest.json and no cdk.tf.json`);
  return found;
}

function line(f: PolicyFinding): string {
  if (f.suppressedBecause !== undefined) {
    return `  SUPPRESSED [${f.ruleId}] ${f.address}: ${f.message}\n             reason: ${f.suppressedBecause}`;
  }
  const label = f.severity === Severity.ERROR ? "ERROR     " : "WARNING   ";
  return `  ${label}[${f.ruleId}] ${f.address}: ${f.message}\n             ${f.title}; mirrors ${f.mirrors}${f.constructPath ? `; construct ${f.constructPath}` : ""}`;
}

/**
 * Runs the command with the given arguments (without `node` and the script) and returns the exit code.
 *
 * @example
 * process.exitCode = runCheck(["check", "cdktf.out"]);
 */
export function runCheck(
  args: readonly string[],
  io: CheckIo = { out: (s) => console.log(s), err: (s) => console.error(s) },
): number {
  const rest = [...args];
  if (rest[0] === "check") rest.shift();
  let profileArg: string | undefined;
  let json = false;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--help" || a === "-h") {
      USAGE.forEach((l) => io.out(l));
      return 0;
    } else if (a === "--json") json = true;
    else if (a === "--profile") profileArg = rest[++i];
    else if (a.startsWith("--profile=")) profileArg = a.slice("--profile=".length);
    else if (a.startsWith("-")) {
      io.err(`unknown option ${a}`);
      USAGE.forEach((l) => io.err(l));
      return 2;
    } else positional.push(a);
  }
  if (positional.length !== 1) {
    USAGE.forEach((l) => io.err(l));
    return 2;
  }
  const forced = profileArg !== undefined ? parseProfile(profileArg) : undefined;
  if (profileArg !== undefined && forced === undefined) {
    io.err(`unknown profile ${profileArg}; use federal-strict or cloud-gov-compat`);
    return 2;
  }
  let stacks: StackInput[];
  try {
    stacks = findStacks(positional[0]);
  } catch (e) {
    io.err(`cdktf-private-egress check: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const all: Array<{ stack: string; profile: PolicyProfile; findings: PolicyFinding[] }> = [];
  for (const s of stacks) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(fs.readFileSync(s.file, "utf8")) as Record<string, unknown>;
    } catch (e) {
      io.err(
        `cdktf-private-egress check: cannot read ${s.file}: ${e instanceof Error ? e.message : String(e)}`,
      );
      return 2;
    }
    const view = stackViewFromJson(parsed, s.name);
    const profile = forced ?? parseProfile(view.recordedProfile ?? "") ?? PolicyProfile.FEDERAL_STRICT;
    all.push({ stack: s.name, profile, findings: evaluateStack(view, { profile }) });
  }
  const findings = all.flatMap((a) => a.findings);
  const blocking = blockingFindings(findings);
  if (json) {
    io.out(JSON.stringify({ stacks: all, blocking: blocking.length }, null, 2));
    return blocking.length > 0 ? 1 : 0;
  }
  io.out(`cdktf-private-egress check ${positional[0]}`);
  for (const a of all) {
    io.out("");
    io.out(`stack ${a.stack} (profile ${a.profile})`);
    if (a.findings.length === 0) io.out("  no findings");
    const order = (f: PolicyFinding) =>
      f.suppressedBecause !== undefined ? 2 : f.severity === Severity.ERROR ? 0 : 1;
    for (const f of [...a.findings].sort((x, y) => order(x) - order(y))) io.out(line(f));
  }
  const count = (p: (f: PolicyFinding) => boolean) => findings.filter(p).length;
  io.out("");
  io.out(
    `${blocking.length} error(s), ${count((f) => f.severity === Severity.WARNING && f.suppressedBecause === undefined)} warning(s), ` +
      `${count((f) => f.suppressedBecause !== undefined)} suppressed, in ${all.length} stack(s)`,
  );
  return blocking.length > 0 ? 1 : 0;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === "request") {
    // `request check|show` lives in its own module, loaded only when asked for
    void import("./request").then((m) => {
      process.exitCode = m.runRequest(args.slice(1));
    });
  } else {
    process.exitCode = runCheck(args);
  }
}
