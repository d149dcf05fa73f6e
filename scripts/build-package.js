#!/usr/bin/env node
// Builds what the npm package ships (`prepack`): dist/lib and dist/gen from a clean slate, with
// declarations and without source maps, so nothing stale or test-only ends up in the tarball.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
for (const dir of ["lib", "gen"]) fs.rmSync(path.join(ROOT, "dist", dir), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.package.json"], {
  cwd: ROOT,
  stdio: "inherit",
});
