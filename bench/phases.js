#!/usr/bin/env node
// Where one synthesis spends its time, per environment (issue 17; bench/PROFILE.md):
//   npm run build && node bench/phases.js library|library-no-pack|raw [N=100]
// Wraps cdktf's and the library's phase functions with process.hrtime and prints the time spent in
// each, divided by N: construction, cdktf's preparing resolution, the pack (its resolution, rule
// evaluation, annotations), the stack's resolution, json-stable-stringify, file writes, asset copies.
// Wall time of one process: run it on an idle machine and compare cases run back to back.
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const [kind = "library", nArg = "100"] = process.argv.slice(2);
const N = Number(nArg);
if (!["library", "library-no-pack", "raw"].includes(kind) || !Number.isInteger(N) || N < 1) {
  console.error("usage: node bench/phases.js library|library-no-pack|raw [N]");
  process.exit(2);
}

const totals = new Map();
function timed(label, fn) {
  return function (...args) {
    const t = process.hrtime.bigint();
    try {
      return fn.apply(this, args);
    } finally {
      totals.set(label, (totals.get(label) ?? 0n) + process.hrtime.bigint() - t);
    }
  };
}
function wrap(obj, name, label) {
  obj[name] = timed(label, obj[name]);
}

// before cdktf loads: its synthesizer and manifest require these
const cdktfDir = path.join(ROOT, "node_modules", "cdktf");
const stringifyPath = require.resolve("json-stable-stringify", { paths: [cdktfDir] });
const stableStringify = require(stringifyPath);
require.cache[stringifyPath].exports = timed("json-stable-stringify", stableStringify);
wrap(fs, "writeFileSync", "fs.writeFileSync");

const cdktf = require(cdktfDir);
wrap(cdktf.TerraformStack.prototype, "prepareStack", "cdktf: preparing resolution (prepareStack)");
wrap(cdktf.TerraformStack.prototype, "toTerraform", "cdktf: stack resolution (toTerraform)");
wrap(cdktf.TerraformAsset.prototype, "_onSynthesize", "cdktf: asset copies");
wrap(require(path.join(cdktfDir, "lib", "manifest.js")).Manifest.prototype, "writeToFile", "cdktf: manifest");
const synthesizer = require(path.join(cdktfDir, "lib", "synthesize", "synthesizer.js"));
wrap(synthesizer.StackSynthesizer.prototype, "synthesize", "cdktf: synthesize (aspects .. file)");

let constructed = 0n;
let synthesized = 0n;
if (kind === "raw") {
  // the modules app.js loads, loaded first so that construction is timed alone
  require(path.join(ROOT, "dist", "bench", "raw", "tenant.js"));
  require("@cdktf/provider-aws/lib/provider");
  require(path.join(ROOT, "dist", "gen", "providers", "cloudfoundry", "provider"));
  const synth = cdktf.App.prototype.synth;
  let t0 = process.hrtime.bigint();
  cdktf.App.prototype.synth = function () {
    const t1 = process.hrtime.bigint();
    constructed = t1 - t0;
    const r = synth.call(this);
    synthesized = process.hrtime.bigint() - t1;
    return r;
  };
  process.argv = [process.argv[0], path.join(__dirname, "raw", "app.js"), String(N)];
  t0 = process.hrtime.bigint();
  require(path.join(__dirname, "raw", "app.js"));
} else {
  const lib = path.join(ROOT, "dist", "lib");
  wrap(require(path.join(lib, "checks", "evaluate")), "evaluateStack", "pack: rules (evaluateStack)");
  wrap(require(path.join(lib, "checks", "view")), "stackViewFromJson", "pack: view of the JSON");
  wrap(
    require(path.join(lib, "checks", "pack")).PolicyPack.prototype,
    "evaluate",
    "pack: total (incl. its resolution)",
  );
  const { buildScaleApp } = require(path.join(ROOT, "dist", "bench", "scale.js"));
  let t = process.hrtime.bigint();
  const app = buildScaleApp(N, new cdktf.App(), kind === "library");
  constructed = process.hrtime.bigint() - t;
  t = process.hrtime.bigint();
  app.synth();
  synthesized = process.hrtime.bigint() - t;
}

const perEnv = (ns) => (Number(ns / 1000n) / 1000 / N).toFixed(2).padStart(7);
console.log(`${kind}, ${N} environments (ms per environment)`);
console.log(`${perEnv(constructed)}  construction`);
console.log(`${perEnv(synthesized)}  synthesis (app.synth)`);
for (const [label, ns] of [...totals].sort()) console.log(`${perEnv(ns)}  ${label}`);
