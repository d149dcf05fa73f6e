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

/** Issue 17's comparison: growth per environment, 100 and 1,000 environments, as ratios. */
function scaleSection(results) {
  const at = (family, n) => results.find((r) => r.family === family && r.scale === n);
  const growth = (family, a, b, key = "seconds") => {
    const x = at(family, a);
    const y = at(family, b);
    return x && y ? (y[key] - x[key]) / (b - a) : undefined;
  };
  const ms = (x) => (x === undefined ? "-" : `${fmt(x * 1000, 1)} ms`);
  const ratio = (x, y) => (x === undefined || y === undefined ? undefined : x / y);
  const out = ["", "## Scale: library vs raw cdktf vs AWS CDK (issue 17)", ""];
  const fams = [
    ["library", "library"],
    ["library-no-pack", "library without the policy pack"],
    ["raw", "raw cdktf, same addresses"],
    ["aws-cdk", "AWS CDK, AWS half"],
  ];
  out.push(
    "| figure | " + fams.map(([, label]) => label).join(" | ") + " |",
    "|---|" + fams.map(() => "---|").join(""),
    "| growth per environment 1 -> 100, wall | " +
      fams.map(([f]) => ms(growth(f, 1, 100))).join(" | ") +
      " |",
    "| growth per environment 1 -> 100, CPU (user + sys) | " +
      fams.map(([f]) => ms(growth(f, 1, 100, "cpuSeconds"))).join(" | ") +
      " |",
    "| 100 environments, wall / peak RSS | " +
      fams
        .map(([f]) => (at(f, 100) ? `${fmt(at(f, 100).seconds)} s / ${fmt(at(f, 100).rssMb, 0)} MB` : "-"))
        .join(" | ") +
      " |",
    "| 1,000 environments, wall / peak RSS | " +
      fams
        .map(([f]) => (at(f, 1000) ? `${fmt(at(f, 1000).seconds)} s / ${fmt(at(f, 1000).rssMb, 0)} MB` : "-"))
        .join(" | ") +
      " |",
    "| growth per environment 100 -> 1,000, wall | " +
      fams.map(([f]) => ms(growth(f, 100, 1000))).join(" | ") +
      " |",
    "| allocated (promoted) at 100 environments, one `--trace-gc-nvp` run | " +
      fams
        .map(([f]) =>
          at(f, 100)?.allocatedMb !== undefined
            ? `${fmt(at(f, 100).allocatedMb, 0)} MB (${fmt(at(f, 100).promotedMb, 0)} MB), ${at(f, 100).marks} mark-compacts`
            : "-",
        )
        .join(" | ") +
      " |",
    "| allocated per environment 1 -> 100 | " +
      fams
        .map(([f]) => {
          const g = growth(f, 1, 100, "allocatedMb");
          return g === undefined || Number.isNaN(g) ? "-" : `${fmt(g, 1)} MB`;
        })
        .join(" | ") +
      " |",
    "",
  );
  const targets = [];
  const gl = growth("library", 1, 100);
  const gr = growth("raw", 1, 100);
  const gc = growth("aws-cdk", 1, 100);
  const glc = growth("library", 1, 100, "cpuSeconds");
  const grc = growth("raw", 1, 100, "cpuSeconds");
  const gcc = growth("aws-cdk", 1, 100, "cpuSeconds");
  const check = (label, value, limit, note = "") =>
    targets.push(
      `- ${label}: ${value === undefined ? "not measured" : `${fmt(value)}×`} (target ≤ ${limit}×)${note} — ${value === undefined ? "**not measured**" : pass(value <= limit)}`,
    );
  check(
    "growth per environment, library / raw cdktf (wall)",
    ratio(gl, gr),
    1.2,
    ` [CPU: ${fmt(ratio(glc, grc))}×]`,
  );
  check(
    "growth per environment, library / AWS CDK (wall)",
    ratio(gl, gc),
    1.0,
    ` [CPU: ${fmt(ratio(glc, gcc))}×]`,
  );
  const l100 = at("library", 100);
  const r100 = at("raw", 100);
  check(
    "100 environments, library / raw cdktf (wall)",
    ratio(l100?.seconds, r100?.seconds),
    1.25,
    l100 && r100 ? ` [CPU: ${fmt(l100.cpuSeconds / r100.cpuSeconds)}×]` : "",
  );
  const l1000 = at("library", 1000);
  if (l1000)
    targets.push(
      `- 1,000 environments peak RSS: ${fmt(l1000.rssMb, 0)} MB (target ≤ 1024 MB) — ${pass(l1000.rssMb <= 1024)}`,
    );
  check(
    "library growth per environment 100 -> 1,000 / 1 -> 100 (wall)",
    ratio(growth("library", 100, 1000), gl),
    1.1,
    ` [CPU: ${fmt(ratio(growth("library", 100, 1000, "cpuSeconds"), glc))}×; raw cdktf: ${fmt(ratio(growth("raw", 100, 1000), gr))}×]`,
  );
  const al = growth("library", 1, 100, "allocatedMb");
  const ar = growth("raw", 1, 100, "allocatedMb");
  if (al !== undefined && ar !== undefined && !Number.isNaN(al) && !Number.isNaN(ar))
    targets.push(
      `- (not a target; load-independent) bytes allocated per environment, library / raw cdktf: ${fmt(al / ar)}×`,
    );
  const gn = growth("library-no-pack", 1, 100);
  const gnc = growth("library-no-pack", 1, 100, "cpuSeconds");
  if (gn !== undefined)
    targets.push(
      `- (not a target) growth per environment, library without the policy pack / raw cdktf (wall): ${fmt(ratio(gn, gr))}× [CPU: ${fmt(ratio(gnc, grc))}×]; the pack's share of the library's growth: ${fmt(gl - gn > 0 ? 1000 * (gl - gn) : 0, 1)} ms wall per environment`,
    );
  out.push("### Targets (issue 17)", "", ...targets);
  return out;
}

function report(results, { runs, bigRuns = 1, extra = [], load, only }) {
  const by = (prefix) => results.find((r) => r.name.startsWith(prefix));
  const lines = [
    "| case | runs | median wall (s) | median CPU (s) | median peak RSS (MB) | output (KB) | wall of each run (s) |",
    "|---|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.name}${r.failed?.length ? ` (exit ${r.failed.join(", ")})` : ""}${r.interleaved ? ` [${r.interleaved}]` : ""} | ${r.runs} | ${fmt(r.seconds)} | ${fmt(r.cpuSeconds)} | ${fmt(r.rssMb, 0)} | ${fmt(r.outputBytes / 1024, 0)} | ${(r.samples ?? []).map((x) => fmt(x, 1)).join(", ")} |`,
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
  const scale = results
    .filter((r) => r.scale !== undefined && (r.family ?? "library") === "library")
    .sort((a, b) => a.scale - b.scale);
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
  // (issue 8's scale figures use the library family)
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
          ...(load.uptimeBefore
            ? ["", `\`uptime\` at start: \`${load.uptimeBefore}\`; at end: \`${load.uptimeAfter}\`.`]
            : []),
        ]
      : []),
    `Cases marked [scale] or [big] ran interleaved (round-robin, one run of each case per round; the 1,000-environment cases ${bigRuns} run${bigRuns === 1 ? "" : "s"} each, no warm-up): compare their ratios, not their absolute times.`,
    "",
    "Parity: the naive baseline and the library's default example synthesize the same sorted",
    "resource/data address set; `bench/run.js` checks it on the warm-up runs and fails the bench",
    "otherwise (not a jest test: loading the provider barrel costs seconds and hundreds of MB).",
    "The raw cdktf scale case is generated from the library's synthesized JSON of one tenant",
    "(`bench/raw/generate.js`); before measuring, the bench checks that for 3 tenants tenant-000's",
    "JSON equals the library's apart from cdktf's `//` metadata and that every stack has the same",
    "addresses, and the warm-ups check the address sets of 1 and 100 environments.",
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
    ...(results.some((r) => r.family) ? scaleSection(results) : []),
    ...extra,
    "",
  ].join("\n");
  console.log(text);
  fs.writeFileSync(path.join(__dirname, "RESULTS.md"), text);
}

module.exports = { report };
