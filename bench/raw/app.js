#!/usr/bin/env node
// Raw cdktf case of `npm run bench` (issue 17): `node bench/raw/app.js N [tenant.js]` synthesizes N
// tenant stacks, each the generated `buildTenant` (bench/raw/generate.js) in a stack with the same
// providers and backend as examples/shared/platform-stack.ts, and nothing of the library.
"use strict";
const path = require("path");
const { App, LocalBackend, TerraformStack } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");

const ROOT = path.resolve(__dirname, "../..");
const { CloudfoundryProvider } = require(path.join(ROOT, "dist/gen/providers/cloudfoundry/provider"));
const n = Number(process.argv[2] ?? "1");
const { buildTenant } = require(path.resolve(process.argv[3] ?? path.join(ROOT, "dist/bench/raw/tenant.js")));
if (!Number.isInteger(n) || n < 1) {
  console.error("usage: node bench/raw/app.js N [tenant.js]");
  process.exit(2);
}

// the same per-tenant values as bench/scale.ts
const cidrOf = (i) => `172.${16 + Math.floor(i / 256)}.${i % 256}.0/24`;
const endpointOf = (i) => `18.188.${146 + Math.floor(i / 250)}.${1 + (i % 250)}`;

const app = new App();
for (let i = 0; i < n; i++) {
  const org = `tenant-${String(i).padStart(3, "0")}`;
  const stack = new TerraformStack(app, org);
  new AwsProvider(stack, "aws", {
    region: "us-gov-west-1",
    defaultTags: [{ tags: { "managed-by": "cdktf-private-egress", stack: org } }],
  });
  new CloudfoundryProvider(stack, "cloudfoundry", {});
  // the examples' local backend: three levels up from cdktf.out/stacks/<id>/ (examples/shared/platform-stack.ts)
  new LocalBackend(stack, { path: `../../../terraform.${org}.tfstate` });
  const cidr = cidrOf(i);
  const endpoint = endpointOf(i);
  buildTenant(stack, {
    org,
    cidr,
    cidrKey: cidr.replace(/[./]/g, "-"),
    routeKey: cidr.replace(/\./g, "-").replace("/", "_"),
    host: cidr.replace(/\.0\/24$/, ".30"),
    endpoint,
    endpointKey: endpoint.replace(/\./g, "-"),
  });
}
app.synth();
