// Longest test files first, so that the two jest workers finish together. Jest orders by the
// durations it cached on the previous run; a fresh clone (CI) has no cache and jest falls back to
// file size, which starts the terraform and package tests late and leaves one worker alone at the
// end. Files without a cached duration get the idle-machine seconds below (measured with
// `npx jest --json`); the rest keep jest's order.
"use strict";
const Sequencer = require("@jest/test-sequencer").default;
const path = require("path");

const ESTIMATED_SECONDS = {
  "test/terraform/day2.test.ts": 90,
  "test/terraform/platform.test.ts": 48,
  "test/package/consumer.test.ts": 30,
  "test/terraform/examples.test.ts": 26,
  "test/environment/fuzz.test.ts": 24,
  "test/handoff/terraform-template.test.ts": 20,
  "test/terraform/default-example.test.ts": 8,
  "test/terraform/fuzz-validate.test.ts": 20,
  "test/environment/secrets.test.ts": 15,
  "test/cli/cdktf-synth.test.ts": 14,
  "test/terraform/provider-conformance.test.ts": 11,
  "examples/platform/platform.test.ts": 10,
  "test/environment/address-invariance.test.ts": 9,
  "test/core/boundary-canary.test.ts": 7,
};

class LongestFirst extends Sequencer {
  sort(tests) {
    const root = path.resolve(__dirname, "..", "..");
    const estimate = (test) =>
      this.time(test) ?? (ESTIMATED_SECONDS[path.relative(root, test.path)] ?? 0) * 1000;
    // stable: jest's own order breaks the ties
    const ordered = super.sort([...tests]);
    return ordered
      .map((test, i) => ({ test, i, ms: estimate(test) }))
      .sort((a, b) => b.ms - a.ms || a.i - b.i)
      .map(({ test }) => test);
  }
}

module.exports = LongestFirst;
