#!/usr/bin/env node
// Generates the raw cdktf case of `npm run bench` (issue 17) from the library's synthesized JSON:
//   node bench/raw/generate.js <tenant-000/cdk.tf.json> <out.js>
// The output is a CommonJS module `buildTenant(stack, t)` that creates the same resources and data
// sources with the provider classes (deep imports), under plain `Construct` scopes that mirror the
// library's construct paths, so cdktf allocates the same logical ids. References are written as
// tokens (`vpc.id`), as a hand-written app would; expressions that are more than one reference (the
// `${jsonencode(...)}` policies) stay literal strings. Tenant 0's values (org, private CIDR, service
// host, customer endpoint) become `t.org`, `t.cidr`, ... so each tenant gets its own resource
// addresses and values; numbers stay tenant 0's (the library derives the ACL rule numbers from the
// CIDR). The bench checks the result: tenant-000's JSON equal to the library's apart from cdktf's
// `//` metadata, and every tenant's address set equal to the library's.
"use strict";
const fs = require("fs");
const path = require("path");

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error("usage: node bench/raw/generate.js <cdk.tf.json of tenant-000> <out.js>");
  process.exit(2);
}
const ROOT = path.resolve(__dirname, "../..");
const json = JSON.parse(fs.readFileSync(src, "utf8"));

// Tenant 0's values (bench/scale.ts: tenantCidr(0), tenantEndpoint(0)) and their key in `t`.
const TENANT0 = [
  ["tenant-000", "org"],
  ["172.16.0.0/24", "cidr"],
  ["172-16-0-0-24", "cidrKey"],
  ["172-16-0-0_24", "routeKey"],
  ["172.16.0.30", "host"],
  ["18.188.146.1", "endpoint"],
  ["18-188-146-1", "endpointKey"],
];
const TENANT_RE = new RegExp(
  TENANT0.map(([v]) => v)
    .sort((a, b) => b.length - a.length)
    .map((v) => v.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("|"),
  "g",
);
const tenantKey = new Map(TENANT0);

/** A JS expression for a literal string, with tenant 0's values replaced by `t.<key>`. */
function literal(s) {
  const parts = [];
  let last = 0;
  for (const m of s.matchAll(TENANT_RE)) {
    if (m.index > last) parts.push(JSON.stringify(s.slice(last, m.index)));
    parts.push(`t.${tenantKey.get(m[0])}`);
    last = m.index + m[0].length;
  }
  if (last < s.length || parts.length === 0) parts.push(JSON.stringify(s.slice(last)));
  return parts.join(" + ");
}

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (s) => camel(s).replace(/^./, (c) => c.toUpperCase());

// ---- objects of the template, keyed by their Terraform address
const objects = [];
for (const [section, isData] of [
  ["resource", false],
  ["data", true],
]) {
  for (const [type, byName] of Object.entries(json[section] ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const { "//": meta, ...config } = body;
      const address = `${isData ? "data." : ""}${type}.${name}`;
      const constructPath = meta?.metadata?.path;
      if (!constructPath) throw new Error(`${address}: no construct path in its // metadata`);
      objects.push({ address, type, isData, config, path: constructPath.split("/").slice(1) });
    }
  }
}
const byAddress = new Map(objects.map((o, i) => [o.address, { ...o, v: `r${i}` }]));

function moduleOf(type, isData) {
  const [provider, ...rest] = type.split("_");
  const file = (isData ? ["data", provider, ...rest] : rest).join("-");
  const cls = pascal((isData ? ["data", provider, ...rest] : rest).join("_"));
  if (provider === "aws") return { req: `@cdktf/provider-aws/lib/${file}`, cls };
  if (provider === "cloudfoundry")
    return {
      req: `../../gen/providers/cloudfoundry/${(isData ? ["data", provider, ...rest] : rest).join("-")}`,
      cls,
    };
  throw new Error(`no provider binding for ${type}`);
}

const REF = /^(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)$/;
const deps = new Map(); // address -> Set of addresses it references

/** A JS expression for a string value: literal parts plus top-level `${a.b.c}` references as tokens. */
function stringExpr(s, from) {
  const parts = [];
  let lit = "";
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("${", i)) {
      // find the matching brace (expressions may nest `${`, braces and strings)
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === "{") depth++;
        else if (s[j] === "}" && --depth === 0) break;
      }
      const inner = s.slice(i + 2, j);
      const m = REF.exec(inner);
      const target = m && byAddress.get(`${m[1] ?? ""}${m[2]}.${m[3]}`);
      if (target) {
        if (lit) parts.push(literal(lit));
        lit = "";
        parts.push(`${target.v}.${camel(m[4])}`);
        deps.get(from).add(target.address);
      } else {
        // a whole expression kept as text; note what it names so creation order stays valid
        for (const r of inner.matchAll(/(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z0-9_]+/g)) {
          const t = byAddress.get(`${r[1] ?? ""}${r[2]}.${r[3]}`);
          if (t) deps.get(from).add(t.address);
        }
        lit += s.slice(i, j + 1);
      }
      i = j + 1;
    } else {
      lit += s[i++];
    }
  }
  if (lit || parts.length === 0) parts.push(literal(lit));
  return parts.join(" + ");
}

const MAPS = new Set(["tags", "dimensions"]);
function valueExpr(v, from, key) {
  if (typeof v === "string") return stringExpr(v, from);
  if (typeof v !== "object" || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => valueExpr(x, from)).join(", ")}]`;
  const keep = MAPS.has(key);
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${JSON.stringify(keep ? k : camel(k))}: ${valueExpr(x, from, k)}`)
    .join(", ")} }`;
}

// ---- body
const scopes = new Map([["", "stack"]]);
const lines = [];
function scopeVar(parts) {
  const key = parts.join("/");
  if (scopes.has(key)) return scopes.get(key);
  const parent = scopeVar(parts.slice(0, -1));
  const v = `s${scopes.size}`;
  lines.push(`  const ${v} = new Construct(${parent}, ${literal(parts[parts.length - 1])});`);
  scopes.set(key, v);
  return v;
}
const bodies = new Map();
for (const o of byAddress.values()) {
  deps.set(o.address, new Set());
  const { depends_on: dependsOn, ...config } = o.config;
  const entries = Object.entries(config).map(
    ([k, x]) => `${JSON.stringify(camel(k))}: ${valueExpr(x, o.address, k)}`,
  );
  if (dependsOn) {
    const refs = dependsOn.map((d) => {
      const t = byAddress.get(d.replace(/^\$\{(.*)\}$/, "$1"));
      if (!t) throw new Error(`${o.address}: depends_on ${d} is not in the template`);
      deps.get(o.address).add(t.address);
      return t.v;
    });
    entries.push(`dependsOn: [${refs.join(", ")}]`);
  }
  bodies.set(o.address, entries);
}
// creation order: dependencies first (stable otherwise)
const done = new Set();
const requires = new Map();
function emit(address) {
  if (done.has(address)) return;
  done.add(address);
  for (const d of deps.get(address)) emit(d);
  const o = byAddress.get(address);
  const { req, cls } = moduleOf(o.type, o.isData);
  // one local name per binding (aws and cloudfoundry both have a SecurityGroup)
  let local = [...requires].find(([, r]) => r.req === req)?.[0];
  if (!local) {
    local = requires.has(cls) ? `${pascal(o.type.split("_")[0])}${cls}` : cls;
    requires.set(local, { req, cls });
  }
  const scope = scopeVar(o.path.slice(0, -1));
  lines.push(
    `  const ${o.v} = new ${local}(${scope}, ${literal(o.path[o.path.length - 1])}, { ${bodies.get(address).join(", ")} });`,
  );
}
for (const a of byAddress.keys()) emit(a);

const text = [
  `"use strict";`,
  `// Generated by bench/raw/generate.js from ${path.relative(ROOT, path.resolve(src)) || src}: do not edit.`,
  `const { Construct } = require("constructs");`,
  ...[...requires].map(
    ([local, { req, cls }]) =>
      `const { ${cls === local ? cls : `${cls}: ${local}`} } = require(${JSON.stringify(req)});`,
  ),
  ``,
  `/** ${byAddress.size} resources and data sources of one tenant, in \`stack\`. */`,
  `exports.buildTenant = function buildTenant(stack, t) {`,
  ...lines,
  `};`,
  `exports.addresses = ${byAddress.size};`,
  ``,
].join("\n");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, text);
console.error(`bench/raw/generate.js: ${byAddress.size} objects -> ${out}`);
