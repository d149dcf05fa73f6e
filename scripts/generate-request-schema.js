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

const { tenantRequestJsonSchema } = require("../lib/platform/request-schema");

for (const [file, schema] of [
  ["private-egress-request.schema.json", environmentRequestJsonSchema()],
  ["tenant-request.schema.json", tenantRequestJsonSchema()],
]) {
  const out = path.resolve(__dirname, "..", "schema", file);
  fs.writeFileSync(out, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
