// jest globalSetup: every test run gets a temp directory of its own (TMPDIR, inherited by the
// workers), removed by global-teardown.js. cdktf's Testing.app() leaves an outdir per call and the
// cells stage their BOSH files per test file (jest's sandboxed `process` never fires the library's
// exit cleanup): thousands of directories per run that used to stay in the shared temp directory.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async function globalSetup() {
  // `jest --watch` runs this again after each teardown: start from the temp directory jest began with
  if (process.env.PE_JEST_TMPDIR === undefined) process.env.PE_JEST_OUTER_TMPDIR = process.env.TMPDIR ?? "";
  const outer = process.env.PE_JEST_OUTER_TMPDIR || undefined;
  const dir = fs.mkdtempSync(path.join(outer ?? os.tmpdir(), "pe-jest-"));
  process.env.PE_JEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
