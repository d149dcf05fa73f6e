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

function report(results, { runs, extra = [] }) {
  const by = (prefix) => results.find((r) => r.name.startsWith(prefix));
  const lines = [
    "| case | runs | median wall (s) | median peak RSS (MB) | output (KB) |",
    "|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.runs} | ${fmt(r.seconds)} | ${fmt(r.rssMb, 0)} | ${fmt(r.outputBytes / 1024, 0)} |`,
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
      `- naive / library: ${fmt(naive.seconds / lib.seconds)}× wall (library is that many times faster), ${fmt(naive.rssMb / lib.rssMb)}× RSS`,
    );
  const text = [
    "# Benchmark results",
    "",
    `Machine: ${machine()}.`,
    `Command: \`npm run bench\` (each case: one warm-up, then ${runs} cold processes; medians).`,
    `Date: ${new Date().toISOString().slice(0, 10)}.`,
    "",
    ...lines,
    "",
    ...ratios,
    ...extra,
    "",
  ].join("\n");
  console.log(text);
  fs.writeFileSync(path.join(__dirname, "RESULTS.md"), text);
}

module.exports = { report };
