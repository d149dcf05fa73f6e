// A CLI config variable naming a file that does not exist only makes terraform (and @cdktf/commons,
// which runs `terraform version` when loaded) print warnings. Workers inherit this process's env.
const fs = require("fs");
if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) {
  delete process.env.TF_CLI_CONFIG_FILE;
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/examples"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2020" },
        module: { type: "commonjs" },
      },
    ],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  // a temp directory per run, removed afterwards (what tests and cdktf leave there goes with it)
  globalSetup: "<rootDir>/test/support/global-setup.js",
  globalTeardown: "<rootDir>/test/support/global-teardown.js",
  // CI never writes snapshots: a missing snapshot fails there instead of being recorded.
  ci: process.env.CI === "true",
  testTimeout: 120000,
  testSequencer: "<rootDir>/test/support/sequencer.js",
  maxWorkers: 2,
};
