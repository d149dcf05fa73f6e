// jest globalTeardown: removes the run's temp directory (see global-setup.js).
"use strict";
const fs = require("fs");

module.exports = async function globalTeardown() {
  const dir = process.env.PE_JEST_TMPDIR;
  if (dir && /[\\/]pe-jest-[^\\/]+$/.test(dir)) fs.rmSync(dir, { recursive: true, force: true });
  // back to the temp directory jest began with (a `--watch` run sets up again)
  const outer = process.env.PE_JEST_OUTER_TMPDIR;
  if (outer) process.env.TMPDIR = outer;
  else delete process.env.TMPDIR;
  delete process.env.PE_JEST_TMPDIR;
};
