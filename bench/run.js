#!/usr/bin/env node
// npm run bench [-- --runs N] [--big-runs M] [--only TEXT] : measures synth, scale and test cost;
// prints a table and writes bench/RESULTS.md. Each case: one warm-up, then N cold processes; the
// median wall time, CPU time (user + sys) and peak RSS (GNU time's %M, the largest resident set of
// the process tree's waited-for processes). Cases sharing an `interleave` key run round-robin (one
// sample of each case per round) so that a change of machine load hits every case alike.
"use strict";
const { spawnSync, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const BIG_RUNS = Number(process.argv[process.argv.indexOf("--big-runs") + 1]) || 1;
const TIME = "/usr/bin/time";
const env = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "true" };
if (env.TF_CLI_CONFIG_FILE && !fs.existsSync(env.TF_CLI_CONFIG_FILE)) delete env.TF_CLI_CONFIG_FILE;

if (!fs.existsSync(TIME)) {
  console.error("bench needs GNU time at /usr/bin/time (Debian package `time`) to read peak RSS");
  process.exit(2);
}

function measureOnce(cmd, args, extraEnv = {}, opts = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "pe-bench-"));
  const r = spawnSync(TIME, ["-f", "BENCH %e %M %U %S", cmd, ...args.map((a) => a.replace("{out}", out))], {
    cwd: ROOT,
    env: { ...env, CDKTF_OUTDIR: out, ...extraEnv },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (r.stderr || "").split("\n").find((l) => l.startsWith("BENCH "));
  if (!line || (r.status !== 0 && !opts.allowFail)) {
    throw new Error(
      `${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}\n${r.stdout}`.slice(0, 4000),
    );
  }
  const [, seconds, kb, user, sys] = line.split(" ");
  const bytes = dirSize(path.join(out, "stacks"));
  const addresses = opts.parity ? addressSet(path.join(out, "stacks")) : undefined;
  if (opts.keepOutput) opts.keepOutput(out);
  fs.rmSync(out, { recursive: true, force: true });
  return {
    seconds: Number(seconds),
    cpuSeconds: Number(user) + Number(sys),
    rssMb: Number(kb) / 1024,
    outputBytes: bytes,
    status: r.status,
    addresses,
  };
}

/** The sorted `resource` and `data` addresses of every stack under `dir` (`stack:type.name`). */
function addressSet(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const stack of fs.readdirSync(dir)) {
    const file = path.join(dir, stack, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    for (const [kind, prefix] of [
      ["resource", ""],
      ["data", "data."],
    ]) {
      for (const [type, byName] of Object.entries(json[kind] ?? {})) {
        for (const name of Object.keys(byName)) out.push(`${stack}:${prefix}${type}.${name}`);
      }
    }
  }
  return out.sort();
}

const parityRefs = new Map();

/** Fails the bench when two cases of one parity key synthesize different address sets. */
function checkParity(name, key, addresses) {
  if (!addresses.length) throw new Error(`${name}: synthesized no resources (parity ${key})`);
  const ref = parityRefs.get(key);
  if (!ref) {
    parityRefs.set(key, { name, addresses });
    return;
  }
  const a = new Set(ref.addresses);
  const b = new Set(addresses);
  const missing = ref.addresses.filter((x) => !b.has(x));
  const extra = addresses.filter((x) => !a.has(x));
  if (missing.length || extra.length) {
    throw new Error(
      `parity ${key}: ${name} and ${ref.name} synthesize different resource addresses\n` +
        `only in ${ref.name}: ${missing.join(", ") || "-"}\nonly in ${name}: ${extra.join(", ") || "-"}`,
    );
  }
  process.stderr.write(` [parity ${key}: ${addresses.length} addresses match ${ref.name}]`);
}

function uptime() {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return `load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}`;
  }
}

function dirSize(dir) {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(name, cmd, args, opts = {}) {
  const runs = opts.runs ?? RUNS;
  process.stderr.write(`${name}:`);
  if (opts.warmup !== false) {
    process.stderr.write(" warm-up");
    const w = measureOnce(cmd, args, opts.env, opts);
    if (opts.parity) checkParity(name, opts.parity, w.addresses);
  } else if (opts.parity) {
    throw new Error(`${name}: parity is checked on the warm-up run`);
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    process.stderr.write(` ${i + 1}`);
    samples.push(measureOnce(cmd, args, opts.env, { allowFail: opts.allowFail }));
  }
  process.stderr.write("\n");
  return {
    name,
    command: [cmd, ...args]
      .map((a) => (path.relative(ROOT, a) && a.startsWith(ROOT) ? path.relative(ROOT, a) : a))
      .join(" "),
    runs,
    seconds: median(samples.map((s) => s.seconds)),
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    samples: samples.map((s) => s.seconds),
    rssMb: median(samples.map((s) => s.rssMb)),
    outputBytes: median(samples.map((s) => s.outputBytes)),
    failed: samples.filter((s) => s.status !== 0).map((s) => s.status),
    scale: opts.scale,
  };
}

/**
 * Bytes a node case allocates and promotes over its run, from V8's `--trace-gc-nvp` lines (summed
 * `allocated=` and `promoted=`), and its count of mark-compacts: unlike wall time, these do not
 * depend on the machine's load.
 */
function measureAllocation(c) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "pe-bench-"));
  try {
    const r = spawnSync(c.cmd, ["--trace-gc-nvp", ...c.args], {
      cwd: ROOT,
      env: { ...env, CDKTF_OUTDIR: out },
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
    });
    if (r.status !== 0)
      throw new Error(`${c.name}: --trace-gc-nvp run failed (${r.status})\n${r.stderr}`.slice(0, 4000));
    let allocated = 0;
    let promoted = 0;
    let marks = 0;
    for (const line of r.stdout.split("\n")) {
      const a = /\ballocated=(\d+)/.exec(line);
      const p = /\bpromoted=(\d+)/.exec(line);
      if (a) allocated += Number(a[1]);
      if (p) promoted += Number(p[1]);
      if (/\bgc=(mc|ms)\b/.test(line)) marks++;
    }
    return { allocatedMb: allocated / 1e6, promotedMb: promoted / 1e6, marks };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Runs cases round-robin: every warm-up first (parity checked there), then one sample per case per round. */
function measureInterleaved(cases) {
  const samples = new Map(cases.map((c) => [c, []]));
  const allocation = new Map();
  for (const c of cases) {
    if (c.warmup === false) continue;
    process.stderr.write(`${c.name}: warm-up`);
    const w = measureOnce(c.cmd, c.args, c.env, c);
    if (c.parity) checkParity(c.name, c.parity, w.addresses);
    if (c.check) c.check(w);
    if (c.alloc) {
      process.stderr.write(" allocation");
      allocation.set(c, measureAllocation(c));
    }
    process.stderr.write("\n");
  }
  const runsOf = (c) => c.runs ?? RUNS;
  const rounds = Math.max(...cases.map(runsOf));
  for (let r = 0; r < rounds; r++) {
    process.stderr.write(`round ${r + 1}/${rounds}:`);
    for (const c of cases) {
      if (r >= runsOf(c)) continue;
      process.stderr.write(` [${c.name}]`);
      const s = measureOnce(c.cmd, c.args, c.env, { allowFail: c.allowFail });
      samples.get(c).push(s);
      process.stderr.write(` ${s.seconds.toFixed(1)}s`);
    }
    process.stderr.write("\n");
  }
  return cases.map((c) => {
    const xs = samples.get(c);
    return {
      name: c.name,
      command: [c.cmd, ...c.args]
        .map((a) => (path.relative(ROOT, a) && a.startsWith(ROOT) ? path.relative(ROOT, a) : a))
        .join(" "),
      runs: xs.length,
      interleaved: c.interleave,
      seconds: median(xs.map((s) => s.seconds)),
      cpuSeconds: median(xs.map((s) => s.cpuSeconds)),
      samples: xs.map((s) => s.seconds),
      rssMb: median(xs.map((s) => s.rssMb)),
      outputBytes: median(xs.map((s) => s.outputBytes)),
      failed: xs.filter((s) => s.status !== 0).map((s) => s.status),
      scale: c.scale,
      family: c.family,
      ...allocation.get(c),
    };
  });
}

module.exports = { measure, measureOnce, measureInterleaved, median, addressSet, ROOT, RUNS, BIG_RUNS };

if (require.main === module) {
  const { prepare, cases: baseCases } = require("./cases.js");
  const platform = require("./platform-cases.js"); // issue 16
  const cases = [...baseCases, ...platform.cases];
  const results = [];
  const loadBefore = os.loadavg();
  const uptimeBefore = uptime();
  const selected = cases.filter((c) => !ONLY || c.name.includes(ONLY));
  if (selected.some((c) => c.needs)) prepare(new Set(selected.flatMap((c) => c.needs ?? [])));
  const done = new Set();
  for (const c of selected) {
    if (done.has(c)) continue;
    if (c.interleave) {
      const group = selected.filter((x) => x.interleave === c.interleave);
      group.forEach((x) => done.add(x));
      results.push(...measureInterleaved(group));
    } else {
      done.add(c);
      results.push(measure(c.name, c.cmd, c.args, c));
    }
  }
  const loadAfter = os.loadavg();
  require("./report.js").report(results, {
    runs: RUNS,
    bigRuns: BIG_RUNS,
    load: { before: loadBefore, after: loadAfter, uptimeBefore, uptimeAfter: uptime() },
    only: ONLY,
  });
  platform.appendReport(results);
}
