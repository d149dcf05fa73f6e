#!/usr/bin/env node
// `npm test`'s static checks: tsc (npm run typecheck), eslint and Prettier (npm run lint), run at
// the same time (each is mostly one thread, the machine has two cores). Each tool's output is printed
// when it ends; the exit code is non-zero when any of them fails.
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const CHECKS = [
  ["tsc", [bin("typescript", "bin/tsc"), "-p", "tsconfig.json", "--noEmit"]],
  ["eslint", [bin("eslint", "bin/eslint.js"), "."]],
  ["prettier", [bin("prettier", "bin/prettier.cjs"), "--check", "."]],
];

let failed = 0;
Promise.all(
  CHECKS.map(
    ([name, args]) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("close", (code) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          if (code !== 0) failed++;
          process.stdout.write(`${code === 0 ? "ok" : "FAILED"}: ${name} (${seconds} s)\n`);
          if (code !== 0 || out.trim()) process.stdout.write(out.endsWith("\n") ? out : `${out}\n`);
          resolve();
        });
      }),
  ),
).then(() => process.exit(failed ? 1 : 0));
