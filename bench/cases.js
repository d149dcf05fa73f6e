// The bench cases. Paths are relative to the repository root; `{out}` is a fresh temp dir.
"use strict";
const path = require("path");
const node = process.execPath;
const bin = (name) => path.join("node_modules", ".bin", name);

module.exports = [
  { name: "floor: empty stack", cmd: node, args: ["dist/bench/floor.js"] },
  { name: "library: default example (node)", cmd: node, args: ["dist/examples/default/main.js"] },
  {
    name: "library: default example (cdktf synth)",
    cmd: bin("cdktf"),
    args: ["synth", "--app", `${node} dist/examples/default/main.js`, "--output", "{out}"],
  },
];
