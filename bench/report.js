// Prints the bench table and writes bench/RESULTS.md.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

function machine() {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : "-";
}

const pass = (ok) => (ok ? "met" : "**missed**");

function report(results, { runs, extra = [], load, only }) {
  const by = (prefix) => results.find((r) => r.name.startsWith(prefix));
  const lines = [
    "| case | runs | median wall (s) | median peak RSS (MB) | output (KB) |",
    "|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.name}${r.failed?.length ? ` (exit ${r.failed.join(", ")})` : ""} | ${r.runs} | ${fmt(r.seconds)} | ${fmt(r.rssMb, 0)} | ${fmt(r.outputBytes / 1024, 0)} |`,
    ),
  ];
  const ratios = [];
  const lib = by("library: default example (node)");
  const floor = by("floor");
  const naive = by("naive");
  if (lib && floor)
    ratios.push(
      `- library / floor: ${fmt(lib.seconds / floor.seconds)}× wall, ${fmt(lib.rssMb / floor.rssMb)}× RSS`,
    );
  if (lib && naive)
    ratios.push(
      `- library / naive: ${fmt(lib.seconds / naive.seconds, 3)}× wall, ${fmt(lib.rssMb / naive.rssMb, 3)}× RSS`,
      `- naive / library: ${fmt(naive.seconds / lib.seconds)}× wall (library is that many times faster), ${fmt(naive.rssMb / lib.rssMb)}× RSS`,
    );
  const scale = results.filter((r) => r.scale !== undefined).sort((a, b) => a.scale - b.scale);
  const s1 = scale[0];
  const sN = scale[scale.length - 1];
  if (s1 && sN && sN.scale > s1.scale) {
    const k = sN.scale - s1.scale;
    ratios.push(
      `- scale growth per environment ((${sN.scale} − ${s1.scale}) / ${k}): ` +
        `${fmt(((sN.seconds - s1.seconds) / k) * 1000, 0)} ms, ${fmt((sN.rssMb - s1.rssMb) / k, 1)} MB RSS, ` +
        `${fmt((sN.outputBytes - s1.outputBytes) / k / 1024, 1)} KB output ` +
        `(output per environment: ${scale.map((r) => `${fmt(r.outputBytes / r.scale / 1024, 0)} KB at ${r.scale}`).join(", ")})`,
    );
  }
  const npmTest = by("tests: npm test");
  const tfTests = by("tests: jest test/terraform");
  if (npmTest && tfTests)
    ratios.push(
      `- terraform share of \`npm test\`: ${fmt(tfTests.seconds)} s of ${fmt(npmTest.seconds)} s = ` +
        `${fmt((100 * tfTests.seconds) / npmTest.seconds, 0)} % (test/terraform timed alone, one run each)`,
    );
  const targets = [];
  if (lib && naive)
    targets.push(
      `- default example ≥ 8× faster than naive: ${fmt(naive.seconds / lib.seconds)}× — ${pass(naive.seconds / lib.seconds >= 8)}`,
    );
  if (lib && floor)
    targets.push(
      `- default example within 1.5× of the floor: ${fmt(lib.seconds / floor.seconds)}× — ${pass(lib.seconds / floor.seconds <= 1.5)}`,
    );
  const s100 = scale.find((r) => r.scale === 100);
  if (s100)
    targets.push(
      `- 100 environments ≤ 5 s and ≤ 1 GB: ${fmt(s100.seconds)} s — ${pass(s100.seconds <= 5)}, ${fmt(s100.rssMb, 0)} MB — ${pass(s100.rssMb <= 1024)}`,
    );
  if (npmTest)
    targets.push(
      `- \`npm test\` ≤ 120 s: ${fmt(npmTest.seconds)} s${npmTest.failed?.length ? " (the run failed, see the table)" : ""} — ${pass(npmTest.seconds <= 120)}`,
    );
  const text = [
    "# Benchmark results",
    "",
    `Machine: ${machine()}.`,
    `Command: \`npm run bench${runs !== 5 || only ? ` --${runs !== 5 ? ` --runs ${runs}` : ""}${only ? ` --only "${only}"` : ""}` : ""}\` ` +
      `(each case: one warm-up, then ${runs} cold processes, medians of wall time and GNU time's peak RSS; ` +
      `the two test cases: one run each, no warm-up).`,
    `Date: ${new Date().toISOString().slice(0, 10)}.`,
    ...(load
      ? [
          `Load average (1/5/15 min) at start: ${load.before.map((x) => x.toFixed(2)).join(" / ")}; ` +
            `at end: ${load.after.map((x) => x.toFixed(2)).join(" / ")} (other sessions may share this machine).`,
        ]
      : []),
    "",
    "Parity: the naive baseline and the library's default example synthesize the same sorted",
    "resource/data address set; `bench/run.js` checks it on the warm-up runs and fails the bench",
    "otherwise (not a jest test: loading the provider barrel costs seconds and hundreds of MB).",
    "",
    ...lines,
    "",
    "## Ratios",
    "",
    ...ratios,
    "",
    "## Targets (issue 8)",
    "",
    ...targets,
    ...extra,
    "",
  ].join("\n");
  console.log(text);
  fs.writeFileSync(path.join(__dirname, "RESULTS.md"), text);
}

module.exports = { report };
