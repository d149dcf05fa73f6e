// Longest test files first, so that the two jest workers finish together. Jest orders by the
// durations it cached on the previous run; a fresh clone (CI) has no cache and jest falls back to
// file size, which starts the terraform and package tests late and leaves one worker alone at the
// end. Files without a cached duration get the seconds below (files of 4 s or more in
// `npm test -- --json` with an empty --cacheDirectory, load 2-4); the rest keep jest's order.
"use strict";
const Sequencer = require("@jest/test-sequencer").default;
const path = require("path");

const ESTIMATED_SECONDS = {
  "test/terraform/day2.test.ts": 100,
  "test/interop/strongswan.test.ts": 60, // mostly waiting on DPD timeouts: overlaps the other worker
  "test/package/consumer.test.ts": 35,
  "test/terraform/examples.test.ts": 33,
  "test/terraform/fuzz-validate.test.ts": 31,
  "test/terraform/platform.test.ts": 30,
  "test/cli/cdktf-synth.test.ts": 26,
  "test/environment/fuzz.test.ts": 20,
  "test/terraform/default-example.test.ts": 14,
  "test/handoff/terraform-template.test.ts": 12,
  "test/terraform/provider-conformance.test.ts": 10,
  "test/package/api-docs.test.ts": 10,
  "test/environment/secrets.test.ts": 9,
  "test/core/prop-shapes.test.ts": 9,
  "test/core/boundary-canary.test.ts": 7,
  "test/aws/dedicated-segment.test.ts": 6,
  "test/environment/address-invariance.test.ts": 6,
  "test/terraform/platform-state.test.ts": 5,
  "test/checks/rules.test.ts": 5,
  "examples/platform/platform.test.ts": 5,
  "test/environment/state-and-isolation.test.ts": 5,
  "test/checks/template-injection.test.ts": 5,
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
