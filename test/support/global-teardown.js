// jest globalTeardown: removes the run's temp directory (see global-setup.js).
"use strict";
const fs = require("fs");

module.exports = async function globalTeardown() {
  const dir = process.env.PE_JEST_TMPDIR;
  if (dir && /[\\/]pe-jest-[^\\/]+$/.test(dir)) fs.rmSync(dir, { recursive: true, force: true });
};
