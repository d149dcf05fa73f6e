// The bench cases. Paths are relative to the repository root; `{out}` is a fresh temp dir.
// Options: `runs` (default: --runs), `warmup: false`, `allowFail` (record the time of a failing
// command instead of aborting), `parity` (cases with the same key must synthesize the same sorted
// resource address set; checked on their warm-up runs, the bench fails at the first difference).
"use strict";
const path = require("path");
const node = process.execPath;
const bin = (name) => path.join("node_modules", ".bin", name);

const SCALE = [1, 10, 100];

module.exports = [
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
  ...SCALE.map((n) => ({
    name: `scale: ${n} environment${n === 1 ? "" : "s"}`,
    cmd: node,
    args: ["dist/bench/scale.js", String(n)],
    scale: n,
  })),
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
