#!/usr/bin/env node
// Writes the JSON Schema of a PrivateEgressEnvironment request (a JSON or YAML request file) from the
// zod schema in lib/environment/request-schema.ts. Never edit the output by hand; a test fails when
// it drifts.
//
//   npm run gen:schema
"use strict";
const fs = require("fs");
const path = require("path");
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { environmentRequestJsonSchema } = require("../lib/environment/request-schema");

const OUT = path.resolve(__dirname, "..", "schema", "private-egress-request.schema.json");
fs.writeFileSync(OUT, JSON.stringify(environmentRequestJsonSchema(), null, 2) + "\n");
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
