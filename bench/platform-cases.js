// The platform cases of `npm run bench` (issue 16): PrivateEgressPlatform over 1, 10 and 100
// generated tenant requests on one transit gateway (bench/platform.ts), and the report section
// they add to bench/RESULTS.md (per-tenant growth from the 1- and 100-tenant medians).
"use strict";
const fs = require("fs");
const path = require("path");
const node = process.execPath;

const TENANTS = [1, 10, 100];

const cases = TENANTS.map((n) => ({
  name: `platform: ${n} tenant request${n === 1 ? "" : "s"} on one transit gateway`,
  cmd: node,
  args: ["dist/bench/platform.js", String(n)],
  platformTenants: n,
}));

/** Appends the platform section to RESULTS.md (after report.js wrote it). */
function appendReport(results, file = path.join(__dirname, "RESULTS.md")) {
  const rows = results.filter((r) => r.platformTenants !== undefined);
  if (rows.length === 0) return;
  const byN = new Map(rows.map((r) => [r.platformTenants, r]));
  const lines = ["", "## Platform: tenant requests on one transit gateway (issue 16)", ""];
  lines.push("| tenants | median wall (s) | median peak RSS (MB) | output (KB) |", "|---|---|---|---|");
  for (const r of rows) {
    lines.push(
      `| ${r.platformTenants} | ${r.seconds.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${(r.outputBytes / 1024).toFixed(0)} |`,
    );
  }
  const a = byN.get(1);
  const b = byN.get(100);
  if (a && b) {
    const k = 99;
    lines.push(
      "",
      `Per-tenant growth ((100 − 1) / 99): ${(((b.seconds - a.seconds) / k) * 1000).toFixed(0)} ms wall, ` +
        `${((b.rssMb - a.rssMb) / k).toFixed(1)} MB RSS, ${((b.outputBytes - a.outputBytes) / k / 1024).toFixed(1)} KB output.`,
    );
  }
  fs.appendFileSync(file, lines.join("\n") + "\n");
}

module.exports = { cases, appendReport };
