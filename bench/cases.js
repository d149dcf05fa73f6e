// The bench cases. Paths are relative to the repository root; `{out}` is a fresh temp dir.
// Options: `runs` (default: --runs), `warmup: false`, `allowFail` (record the time of a failing
// command instead of aborting), `parity` (cases with the same key must synthesize the same sorted
// resource address set; checked on their warm-up runs, the bench fails at the first difference).
// `interleave` (cases with the same key run round-robin, see run.js), `family` + `scale` (the
// scale comparisons of issue 17: library, raw cdktf, AWS CDK), `needs` (what `prepare` must set up),
// `alloc` (one more run with `--trace-gc-nvp` after the warm-up: bytes allocated and promoted).
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const node = process.execPath;
const bin = (name) => path.join("node_modules", ".bin", name);
const ROOT = path.resolve(__dirname, "..");

const SCALE = [1, 100];
const BIG = 1000;
const RAW_TENANT = path.join(ROOT, "dist", "bench", "raw", "tenant.js");
const AWS_CDK = path.join(__dirname, "aws-cdk");

function synthTo(out, cmd, args) {
  execFileSync(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: out, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

function withoutMetadata(x) {
  if (Array.isArray(x)) return x.map(withoutMetadata);
  if (x === null || typeof x !== "object") return x;
  return Object.fromEntries(
    Object.entries(x)
      .filter(([k]) => k !== "//")
      .map(([k, v]) => [k, withoutMetadata(v)]),
  );
}

/**
 * Generates the raw cdktf case from the library's synthesized JSON of one tenant, then checks it:
 * for 3 tenants, tenant-000's JSON equals the library's apart from cdktf's `//` metadata, and every
 * stack has the library's resource and data addresses. Throws otherwise.
 */
function prepareRaw() {
  const { addressSet } = require("./run.js");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pe-bench-raw-"));
  try {
    synthTo(path.join(tmp, "lib1"), node, ["dist/bench/scale.js", "1"]);
    execFileSync(node, [
      path.join(__dirname, "raw", "generate.js"),
      path.join(tmp, "lib1", "stacks", "tenant-000", "cdk.tf.json"),
      RAW_TENANT,
    ]);
    synthTo(path.join(tmp, "lib3"), node, ["dist/bench/scale.js", "3"]);
    synthTo(path.join(tmp, "raw3"), node, [path.join(__dirname, "raw", "app.js"), "3", RAW_TENANT]);
    const read = (d) =>
      withoutMetadata(
        JSON.parse(fs.readFileSync(path.join(tmp, d, "stacks", "tenant-000", "cdk.tf.json"), "utf8")),
      );
    if (JSON.stringify(read("lib3")) !== JSON.stringify(read("raw3"))) {
      throw new Error("raw cdktf parity: tenant-000's JSON differs from the library's (outside `//`)");
    }
    const a = addressSet(path.join(tmp, "lib3", "stacks"));
    const b = addressSet(path.join(tmp, "raw3", "stacks"));
    if (a.join("\n") !== b.join("\n"))
      throw new Error("raw cdktf parity: the address sets of 3 tenants differ");
    process.stderr.write(
      `raw cdktf: generated ${path.relative(ROOT, RAW_TENANT)}; parity checked (${a.length} addresses for 3 tenants)\n`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Installs aws-cdk-lib into bench/aws-cdk (bench only, never the library's dependencies). */
function prepareAwsCdk() {
  if (fs.existsSync(path.join(AWS_CDK, "node_modules", "aws-cdk-lib"))) return;
  process.stderr.write("installing bench/aws-cdk (aws-cdk-lib) ...\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: AWS_CDK,
    stdio: "inherit",
  });
}

function prepare(needs) {
  if (needs.has("raw")) prepareRaw();
  if (needs.has("aws-cdk")) prepareAwsCdk();
}

const envs = (n) => `${n} environment${n === 1 ? "" : "s"}`;
const scaleCases = (n, extra) => [
  {
    name: `scale: library, ${envs(n)}`,
    cmd: node,
    args: ["dist/bench/scale.js", String(n)],
    family: "library",
    scale: n,
    parity: `scale-${n}`,
    alloc: true,
    ...extra,
  },
  {
    name: `scale: raw cdktf, ${envs(n)}`,
    cmd: node,
    args: [path.join("bench", "raw", "app.js"), String(n), RAW_TENANT],
    family: "raw",
    scale: n,
    parity: `scale-${n}`,
    needs: ["raw"],
    alloc: true,
    ...extra,
  },
];

const cases = [
  { name: "floor: empty stack", cmd: node, args: ["dist/bench/floor.js"] },
  {
    name: "library: default example (node)",
    cmd: node,
    args: ["dist/examples/default/main.js"],
    parity: "default",
  },
  {
    name: "library: default example (cdktf synth)",
    cmd: bin("cdktf"),
    args: ["synth", "--app", `${node} dist/examples/default/main.js`, "--output", "{out}"],
  },
  {
    // barrel import + ts-node with type-checking (no --transpile-only), as a newcomer runs it
    name: "naive: barrel import + ts-node (type-checked)",
    cmd: bin("ts-node"),
    args: ["--project", "bench/naive/tsconfig.json", "bench/naive/main.ts"],
    parity: "default",
  },
  // Issue 17: library, raw cdktf (same addresses) and AWS CDK (AWS half), interleaved; and the
  // library without its policy pack, to show what the pack costs.
  ...SCALE.flatMap((n) => [
    ...scaleCases(n, { interleave: "scale" }),
    {
      name: `scale: library without the policy pack, ${envs(n)}`,
      cmd: node,
      args: ["dist/bench/scale.js", String(n), "--no-pack"],
      family: "library-no-pack",
      scale: n,
      interleave: "scale",
    },
    {
      name: `scale: AWS CDK, ${envs(n)}`,
      cmd: node,
      args: [path.join("bench", "aws-cdk", "app.js"), String(n)],
      family: "aws-cdk",
      scale: n,
      interleave: "scale",
      needs: ["aws-cdk"],
      alloc: true,
    },
  ]),
  // 1,000 environments: heavy (minutes, ~1 GB each), `--big-runs` samples (default 1), no warm-up.
  ...scaleCases(BIG, {
    interleave: "big",
    warmup: false,
    parity: undefined,
    runs: Number(process.argv[process.argv.indexOf("--big-runs") + 1]) || 1,
  }),
  // One run each (minutes). The steps of `npm test` (tsc, eslint + Prettier, jest) run even when an
  // earlier one fails, so a failing step elsewhere in the tree does not hide the jest time.
  {
    name: "tests: npm test",
    cmd: "sh",
    args: [
      "-c",
      "s=0; npm run --silent typecheck || s=1; npm run --silent lint || s=1; npx jest --silent || s=1; exit $s",
    ],
    runs: 1,
    warmup: false,
    allowFail: true,
  },
  {
    name: "tests: jest test/terraform",
    cmd: bin("jest"),
    args: ["test/terraform"],
    runs: 1,
    warmup: false,
    allowFail: true,
  },
];

module.exports = { prepare, cases };
