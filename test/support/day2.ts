/**
 * Day-2 plans: what Terraform would do to an APPLIED deployment when its configuration changes.
 *
 * 1. The base configuration's AWS half is planned from nothing with the real provider; the plan's
 *    `after` values, with every value known only after apply (ids, ARNs, addresses, ...) filled
 *    with a stable fake of the type the provider schema gives, become an applied-state fixture
 *    (`terraform.tfstate`, format 4). Attributes that are a plain reference to another resource
 *    (`${aws_vpc.x.id}`) get the referenced fake; the rest (policies built with `jsonencode`) are
 *    taken from a plan against the fixture, until planning the base configuration against its own
 *    fixture is a no-op (checked: `fixtureConverged`).
 * 2. Every changed configuration is merged, each under its own prefix, into ONE configuration, and
 *    the base fixture is copied under each prefix into ONE state, so a single `terraform plan
 *    -refresh=false` classifies every address of every case: create / update / replace / delete.
 *    A case whose AWS resources equal an earlier case's is planned once (its outputs still are).
 *
 * `prevent_destroy` is lifted from the changed configurations (it would stop the one merged plan
 * at the first guarded replacement) and recorded: a replacement or delete of such an address is
 * reported as `guarded` (a real apply would refuse it).
 *
 * Only the AWS half is planned: there is no Cloud Foundry provider binary offline. Cloud Foundry
 * resources are compared at address level (`cfAdded`, `cfRemoved`, with `moved` blocks applied).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { awsHalf, mergeStacks, terraformAvailability } from "./terraform";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One changed configuration, planned against the applied state of its base. */
export interface Day2Case {
  /** Row label. */
  readonly name: string;
  /** Key of the base (in `bases`) whose applied state the change is planned against. */
  readonly base: string;
  /** The changed stack, synthesized. */
  readonly json: Json;
}

/** What the plan does to one case, per address (names without the case prefix). */
export interface Day2Row {
  readonly name: string;
  readonly base: string;
  readonly create: string[];
  readonly update: string[];
  readonly replace: string[];
  readonly delete: string[];
  /** Replaced or deleted addresses that carry `prevent_destroy` (the real plan stops there). */
  readonly guarded: string[];
  /** Per updated or replaced address: the attributes that change (replace: those forcing it). */
  readonly changed: Record<string, string[]>;
  /** Cloud Foundry addresses only in the changed configuration. */
  readonly cfAdded: string[];
  /** Cloud Foundry addresses of the base that the changed configuration lacks (after `moved`). */
  readonly cfRemoved: string[];
  /** Of those, the ones the base guards with `prevent_destroy` (the real plan stops there). */
  readonly cfGuarded: string[];
}

export interface Day2Result {
  readonly rows: Day2Row[];
  readonly seconds: { total: number; base: number; fixture: number; cases: number };
  /** Resources in the merged case configuration. */
  readonly plannedResources: number;
  /** Cases planned with their resources (a case whose AWS resources equal an earlier one's reads its rows). */
  readonly plannedCases: number;
}

const AWS = "registry.terraform.io/hashicorp/aws";

interface Env {
  readonly binary: string;
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

function tf(e: Env, args: string[]): string {
  const r = spawnSync(e.binary, args, {
    cwd: e.dir,
    env: e.env,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(`terraform ${args.join(" ")} failed in ${e.dir}:\n${r.stderr.slice(0, 4000)}`);
  return r.stdout;
}

function plan(e: Env, config: Json, state?: Json): Json {
  fs.writeFileSync(path.join(e.dir, "main.tf.json"), JSON.stringify(config));
  const statePath = path.join(e.dir, "terraform.tfstate");
  if (state) fs.writeFileSync(statePath, JSON.stringify(state));
  else fs.rmSync(statePath, { force: true });
  const t = Date.now();
  tf(e, ["plan", "-input=false", "-lock=false", "-refresh=false", "-no-color", "-out=day2.tfplan"]);
  if (process.env.PE_DAY2_DEBUG) process.stderr.write(`plan ${(Date.now() - t) / 1000}s\n`);
  return JSON.parse(tf(e, ["show", "-json", "day2.tfplan"])) as Json;
}

// ---- fake values of the provider schema's types

interface SchemaBlock {
  attributes?: Record<string, { type?: unknown; nested_type?: { attributes: Json; nesting_mode: string } }>;
  block_types?: Record<string, { nesting_mode: string; block: SchemaBlock }>;
}

let counter = 0;
function fakeString(type: string, attr: string): string {
  const n = ++counter;
  const service = type.replace(/^aws_/, "").split("_")[0];
  if (attr === "arn" || attr.endsWith("_arn")) {
    return `arn:aws-us-gov:${service}:us-gov-west-1:123456789012:${type.replace(/^aws_/, "")}/fake-${n}`;
  }
  if (/inside_address$/.test(attr)) return `169.254.${n % 250}.${attr.includes("cgw") ? 2 : 1}`;
  if (/inside_cidr$/.test(attr)) return `169.254.${n % 250}.0/30`;
  if (/(^|_)(ip|address)$/.test(attr) || attr === "private_ip" || attr === "public_ip") {
    return `198.51.100.${n % 250}`;
  }
  if (attr === "ipv6_cidr_block" || attr.includes("ipv6")) return "";
  if (attr === "owner_id" || attr === "owner") return "123456789012";
  if (attr === "id" || attr.endsWith("_id") || attr === "name" || attr.endsWith("_key"))
    return `fake-${service}-${n}`;
  return "";
}

function fakeOf(ctyType: unknown, type: string, attr: string): unknown {
  if (ctyType === "string") return fakeString(type, attr);
  if (ctyType === "number") return attr.includes("rotation_period") ? 365 : 0;
  if (ctyType === "bool") return false;
  if (Array.isArray(ctyType)) {
    const [kind] = ctyType as [string, unknown];
    if (kind === "list" || kind === "set") return [];
    if (kind === "map") return {};
    if (kind === "object") {
      const fields = ctyType[1] as Record<string, unknown>;
      return Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, fakeOf(t, type, k)]));
    }
  }
  return null;
}

/** The cty type (or block) of `key` inside `schema`, for filling nested unknowns. */
function childSchema(schema: SchemaBlock | undefined, key: string): { type?: unknown; block?: SchemaBlock } {
  const a = schema?.attributes?.[key];
  if (a?.type !== undefined) return { type: a.type };
  if (a?.nested_type) return { block: { attributes: a.nested_type.attributes } };
  const b = schema?.block_types?.[key];
  if (b) return { block: b.block };
  return {};
}

/** `after` with every unknown (per `unknown`, the plan's `after_unknown`) filled with a fake. */
function fill(
  after: unknown,
  unknown: unknown,
  schema: SchemaBlock | undefined,
  type: string,
  attr = "",
): unknown {
  if (unknown === true) return undefined; // the caller fills it with the schema's type
  if (Array.isArray(unknown)) {
    const list = Array.isArray(after) ? after : [];
    return list.map((v, i) => fill(v, unknown[i], schema, type, attr));
  }
  if (unknown && typeof unknown === "object") {
    const obj = { ...((after ?? {}) as Json) };
    for (const [k, u] of Object.entries(unknown as Json)) {
      const child = childSchema(schema, k);
      if (u === true) {
        obj[k] = child.block ? [] : fakeOf(child.type, type, k);
      } else {
        obj[k] = fill(obj[k], u, child.block, type, k);
      }
    }
    return obj;
  }
  return after;
}

// ---- the fixture

interface StateResource {
  type: string;
  name: string;
  schemaVersion: number;
  attributes: Json;
  /** Paths the provider schema marks sensitive (state v4 `sensitive_attributes`). */
  sensitive: Json[][];
}

/** Paths of the `true` leaves of a plan's `after_sensitive`, in state v4 form. */
function sensitivePaths(marks: unknown, at: Json[] = []): Json[][] {
  if (marks === true) return [at];
  if (Array.isArray(marks)) {
    return marks.flatMap((m, i) =>
      sensitivePaths(m, [...at, { type: "index", value: { value: i, type: "number" } }]),
    );
  }
  if (marks && typeof marks === "object") {
    return Object.entries(marks as Json).flatMap(([k, m]) =>
      sensitivePaths(m, [...at, { type: "get_attr", value: k }]),
    );
  }
  return [];
}

const PURE_REF = /^\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/;

/** Gives attributes that are a plain reference in `config` the referenced resource's value. */
function resolveReferences(resources: Map<string, StateResource>, config: Json): void {
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const r of resources.values()) {
      const body = (config.resource?.[r.type]?.[r.name] ?? {}) as Json;
      for (const [attr, expr] of Object.entries(body)) {
        const m = typeof expr === "string" ? PURE_REF.exec(expr) : null;
        if (!m) continue;
        const target = resources.get(`${m[1]}.${m[2]}`);
        const value = target?.attributes[m[3]];
        if (value !== undefined && r.attributes[attr] !== value) {
          r.attributes[attr] = value;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

function stateOf(resources: Iterable<StateResource>): Json {
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "00000000-0000-4000-8000-000000000d22",
    outputs: {},
    resources: [...resources].map((r) => ({
      mode: "managed",
      type: r.type,
      name: r.name,
      provider: `provider["${AWS}"]`,
      instances: [
        { schema_version: r.schemaVersion, attributes: r.attributes, sensitive_attributes: r.sensitive },
      ],
    })),
  };
}

function changesOf(p: Json): Json[] {
  return ((p.resource_changes ?? []) as Json[]).filter((c) => c.mode === "managed");
}

/** Removes `prevent_destroy` from every resource, returning the addresses that had it. */
function liftPreventDestroy(config: Json): Set<string> {
  const guarded = new Set<string>();
  for (const [type, objects] of Object.entries((config.resource ?? {}) as Json)) {
    for (const [name, body] of Object.entries(objects as Json)) {
      const lifecycle = (body as Json).lifecycle as Json | undefined;
      if (lifecycle?.prevent_destroy) {
        guarded.add(`${type}.${name}`);
        delete lifecycle.prevent_destroy;
      }
    }
  }
  return guarded;
}

/** `moved` blocks of a synthesized stack, `from` -> `to`. */
function movedOf(json: Json): Map<string, string> {
  const moved = new Map<string, string>();
  for (const m of (json.moved ?? []) as Json[]) moved.set(String(m.from), String(m.to));
  return moved;
}

function cfAddresses(json: Json): string[] {
  return Object.entries((json.resource ?? {}) as Json)
    .filter(([type]) => type.startsWith("cloudfoundry_"))
    .flatMap(([type, objects]) => Object.keys(objects as Json).map((name) => `${type}.${name}`))
    .sort();
}

/**
 * Plans every case against the applied state of its base; see the file comment. Throws when
 * terraform is unavailable, a plan fails, or the fixture does not converge.
 */
export function runDay2(bases: Record<string, Json>, cases: Day2Case[]): Day2Result {
  const started = Date.now();
  const avail = terraformAvailability();
  if (!avail.available || !avail.binary || !avail.mirror)
    throw new Error(`terraform unavailable: ${avail.reason}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-day2-"));
  const cliConfig = path.join(dir, ".terraformrc");
  fs.writeFileSync(
    cliConfig,
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(avail.mirror)}\n    include = ["${AWS}"]\n  }\n}\n`,
  );
  const e: Env = {
    binary: avail.binary,
    dir,
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      TF_CLI_CONFIG_FILE: cliConfig,
      AWS_ACCESS_KEY_ID: "offline-plan-dummy",
      AWS_SECRET_ACCESS_KEY: "dummy-secret-for-offline-plan",
      AWS_REGION: "us-gov-west-1",
      AWS_EC2_METADATA_DISABLED: "true",
    },
  };
  try {
    const baseKeys = Object.keys(bases);
    const prefixOf = (key: string) => `${key}__`;
    const baseConfig = mergeStacks(baseKeys.map((k) => ({ prefix: prefixOf(k), json: bases[k] })));
    fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(baseConfig));
    tf(e, ["init", "-backend=false", "-input=false", "-no-color"]);
    const schemas = JSON.parse(tf(e, ["providers", "schema", "-json"])).provider_schemas[AWS]
      .resource_schemas as Record<string, { version: number; block: SchemaBlock }>;

    // 1. the base plan from nothing -> the fixture
    const basePlan = plan(e, baseConfig);
    const tBase = Date.now();
    const resources = new Map<string, StateResource>();
    for (const c of changesOf(basePlan)) {
      const schema = schemas[c.type];
      const attributes = fill(c.change.after, c.change.after_unknown, schema?.block, c.type) as Json;
      resources.set(c.address, {
        type: c.type,
        name: c.name,
        schemaVersion: schema?.version ?? 0,
        attributes,
        sensitive: sensitivePaths(c.change.after_sensitive),
      });
    }
    resolveReferences(resources, baseConfig);
    // one plan against the fixture gives what the fakes make of the other expressions (policies
    // built with jsonencode, nested references); the cases' unchanged rows check the result
    const p = plan(e, baseConfig, stateOf(resources.values()));
    for (const c of changesOf(p)) {
      const r = resources.get(c.address);
      if (!r || c.change.actions.join() === "no-op") continue;
      const unknown = (c.change.after_unknown ?? {}) as Json;
      for (const [k, v] of Object.entries((c.change.after ?? {}) as Json)) {
        if (unknown[k] !== true && v !== null) r.attributes[k] = v;
      }
    }
    const tFixture = Date.now();

    // 2. every case under its own prefix, in one configuration and one state. Cases whose AWS
    // resources, data sources and providers are identical to an earlier case's (same base, same
    // merged JSON but outputs: what terraform plans) get the same resource changes: only the first
    // of them is planned with resources, and the others read its rows. Their outputs are still in
    // the configuration (named with their own prefix, referring to the first case's resources), so
    // terraform still evaluates every output of every case.
    const firstOf = new Map<string, number>();
    const planned = cases.map((c, i) => {
      const resources = mergeStacks([{ prefix: "c__", json: c.json }]);
      delete resources.output;
      const key = `${c.base}\n${JSON.stringify(resources)}`;
      if (!firstOf.has(key)) firstOf.set(key, i);
      return firstOf.get(key) as number;
    });
    const caseParts = cases
      .map((c, i) => ({ prefix: `c${i}__`, json: c.json }))
      .filter((_, i) => planned[i] === i);
    const caseConfig = mergeStacks(caseParts);
    cases.forEach((c, i) => {
      if (planned[i] === i) return;
      const from = `c${planned[i]}__`;
      const outputs = (mergeStacks([{ prefix: from, json: c.json }]).output ?? {}) as Json;
      for (const [name, body] of Object.entries(outputs))
        caseConfig.output = { ...(caseConfig.output ?? {}), [`c${i}__${name.slice(from.length)}`]: body };
    });
    const guarded = liftPreventDestroy(caseConfig);
    const caseState: StateResource[] = [];
    cases.forEach((c, i) => {
      if (planned[i] !== i) return;
      const from = prefixOf(c.base);
      for (const r of resources.values()) {
        if (!r.name.startsWith(from)) continue;
        caseState.push({
          ...r,
          name: `c${i}__${r.name.slice(from.length)}`,
          attributes: JSON.parse(JSON.stringify(r.attributes)) as Json,
        });
      }
    });
    const casePlan = plan(e, caseConfig, stateOf(caseState));
    const tCases = Date.now();

    const rows: Day2Row[] = cases.map((c, i) => {
      const prefix = `c${planned[i]}__`;
      const row: Day2Row = {
        name: c.name,
        base: c.base,
        create: [],
        update: [],
        replace: [],
        delete: [],
        guarded: [],
        changed: {},
        cfAdded: [],
        cfRemoved: [],
        cfGuarded: [],
      };
      for (const ch of changesOf(casePlan)) {
        if (!String(ch.name).startsWith(prefix)) continue;
        const address = `${ch.type}.${String(ch.name).slice(prefix.length)}`;
        const actions = (ch.change.actions as string[]).join();
        const kind =
          actions === "create"
            ? "create"
            : actions === "update"
              ? "update"
              : actions === "delete"
                ? "delete"
                : actions.includes("delete") && actions.includes("create")
                  ? "replace"
                  : undefined;
        if (!kind) continue;
        row[kind].push(address);
        // a deleted address is guarded when the base had prevent_destroy on it; others by the new config
        const baseName = `${prefixOf(c.base)}${String(ch.name).slice(prefix.length)}`;
        const baseResources = (baseConfig.resource ?? {}) as Json;
        const baseBody = ((baseResources[ch.type as string] ?? {}) as Json)[baseName] as Json | undefined;
        const wasGuarded =
          guarded.has(ch.address as string) ||
          (baseBody?.lifecycle as Json | undefined)?.prevent_destroy === true;
        if ((kind === "replace" || kind === "delete") && wasGuarded) row.guarded.push(address);
        if (kind === "replace") {
          row.changed[address] = ((ch.change.replace_paths ?? []) as unknown[][]).map((p) => p.join("."));
        } else if (kind === "update") {
          const before = (ch.change.before ?? {}) as Json;
          const after = (ch.change.after ?? {}) as Json;
          const unknown = (ch.change.after_unknown ?? {}) as Json;
          row.changed[address] = Object.keys(after)
            .filter((k) => unknown[k] === true || JSON.stringify(before[k]) !== JSON.stringify(after[k]))
            .sort();
        }
      }
      for (const k of ["create", "update", "replace", "delete", "guarded"] as const) row[k].sort();
      const baseCf = cfAddresses(bases[c.base]);
      const caseCf = new Set(cfAddresses(c.json));
      const moved = movedOf(c.json);
      row.cfRemoved.push(...baseCf.filter((a) => !caseCf.has(moved.get(a) ?? a)));
      for (const a of row.cfRemoved) {
        const [type, name] = a.split(".");
        const body = ((bases[c.base].resource ?? {}) as Json)[type]?.[name] as Json | undefined;
        if ((body?.lifecycle as Json | undefined)?.prevent_destroy === true) row.cfGuarded.push(a);
      }
      const kept = new Set(baseCf.map((a) => moved.get(a) ?? a));
      row.cfAdded.push(...[...caseCf].filter((a) => !kept.has(a)));
      return row;
    });
    return {
      rows,
      plannedResources: changesOf(casePlan).length,
      plannedCases: caseParts.length,
      seconds: {
        total: (tCases - started) / 1000,
        base: (tBase - started) / 1000,
        fixture: (tFixture - tBase) / 1000,
        cases: (tCases - tFixture) / 1000,
      },
    };
  } finally {
    if (!process.env.PE_DAY2_DEBUG) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Resource types of addresses, unique and sorted (`aws_vpn_connection.X` -> `aws_vpn_connection`). */
export function typesOf(addresses: string[]): string[] {
  return [...new Set(addresses.map((a) => a.split(".")[0]))].sort();
}

/** The rows as a Markdown table (for the report and the README). */
export function day2Table(rows: Day2Row[]): string {
  const cell = (list: string[]) => (list.length ? typesOf(list).join(", ") : "-");
  const lines = [
    "| change | base | create | update in place | replace | delete | guarded | Cloud Foundry (addresses) |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const cf = [
      r.cfAdded.length ? `+${typesOf(r.cfAdded).join(", +")}` : "",
      r.cfRemoved.length ? `-${typesOf(r.cfRemoved).join(", -")}` : "",
      r.cfGuarded.length ? `(guarded: ${typesOf(r.cfGuarded).join(", ")})` : "",
    ]
      .filter(Boolean)
      .join(" ");
    lines.push(
      `| ${r.name} | ${r.base} | ${cell(r.create)} | ${cell(r.update)} | ${cell(r.replace)} | ${cell(r.delete)} | ${cell(r.guarded)} | ${cf || "unchanged"} |`,
    );
  }
  return lines.join("\n");
}

export { awsHalf };
