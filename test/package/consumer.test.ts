/**
 * The package as an agency installs it: `npm pack` (which runs `prepack`), a fresh project laid out
 * like `cdktf init --template=typescript` in a temp directory outside the repository, the tarball
 * installed with npm, `cdktf synth` through the CLI, the project's own jest tests, and an ES module
 * import. The library comes only from the tarball; its dependencies (ipaddr.js, yaml) are installed
 * by npm from its package.json. The peers and tools (cdktf, constructs, @cdktf/provider-aws,
 * cdktf-cli, jest, typescript, ts-node) are `file:` links to this repository's node_modules, so the
 * test needs no download of hundreds of MB and stays under a minute.
 *
 * Environment (optional):
 * - `PE_CONSUMER_SOURCE`: the checkout to pack (default: this repository)
 * - `PE_CONSUMER_PROVIDER_AWS`: a `@cdktf/provider-aws` version to install from the registry instead
 *   of linking this repository's (the compatibility table in the README is filled this way)
 * - `PE_CONSUMER_KEEP=1`: keep the temp directory and print its path
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const SOURCE = path.resolve(process.env.PE_CONSUMER_SOURCE ?? ROOT);
const FIXTURE = path.join(__dirname, "consumer-project");
const PROVIDER_AWS = process.env.PE_CONSUMER_PROVIDER_AWS;
// what `npm pack` needs from a checkout: the build's inputs and the package's `files` besides dist/
const PACK_INPUTS = [
  "package.json",
  "tsconfig.json",
  "tsconfig.package.json",
  "README.md",
  "LICENSE",
  "scripts",
  "lib",
  "gen",
  ...(
    (JSON.parse(fs.readFileSync(path.join(SOURCE, "package.json"), "utf8")) as { files?: string[] }).files ??
    []
  ).filter((f) => !f.startsWith("dist/")),
];

// devDependencies of a `cdktf init --template=typescript` project (with @swc/jest for ts-jest), and
// the executables each provides
const TOOLS: Array<[string, Record<string, string>]> = [
  ["cdktf-cli", { cdktf: "bundle/bin/cdktf" }],
  ["jest", { jest: "bin/jest.js" }],
  ["@swc/jest", {}],
  ["@swc/core", {}],
  ["typescript", { tsc: "bin/tsc" }],
  ["ts-node", { "ts-node": "dist/bin.js" }],
  ["@types/jest", {}],
  ["@types/node", {}],
];

const PEERS = ["cdktf", "constructs", "@cdktf/provider-aws"];

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: "1",
        CI: "true",
        npm_config_update_notifier: "false",
        // a jest worker's own settings must not leak into the consumer's jest
        JEST_WORKER_ID: "",
        NODE_OPTIONS: "",
      },
      stdio: "pipe",
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
  }
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

describe("the packed package in a fresh cdktf TypeScript project", () => {
  let work: string;
  let consumer: string;
  let packed: PackResult;
  const seconds: Record<string, number> = {};
  const timed = <T>(step: string, body: () => T): T => {
    const start = Date.now();
    try {
      return body();
    } finally {
      seconds[step] = (Date.now() - start) / 1000;
    }
  };

  const versionOf = (name: string): string =>
    (
      JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
        version: string;
      }
    ).version;
  const link = (name: string): string => {
    const target = path.join(consumer, "node_modules", name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", name), target, "dir");
    return target;
  };

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pe-consumer-"));
    // ---- pack from a copy of the checkout, so the repository's own dist/ is left alone
    const source = path.join(work, "source");
    fs.mkdirSync(source);
    for (const entry of PACK_INPUTS) {
      if (fs.existsSync(path.join(SOURCE, entry)))
        fs.cpSync(path.join(SOURCE, entry), path.join(source, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(source, "node_modules"), "dir");
    packed = timed("npm pack", () => {
      const out = run("npm", ["pack", "--json", "--pack-destination", work], source);
      return (JSON.parse(out.slice(out.indexOf("["))) as PackResult[])[0];
    });

    // ---- the consumer project: `cdktf init --template=typescript`'s files, our stack and tests
    consumer = path.join(work, "agency-egress");
    fs.cpSync(FIXTURE, consumer, { recursive: true });
    const pkg = {
      name: "agency-egress",
      version: "1.0.0",
      main: "main.js",
      types: "main.ts",
      license: "MPL-2.0",
      private: true,
      scripts: { synth: "cdktf synth", test: "jest" },
      dependencies: {
        "cdktf-private-egress": `file:${path.join(work, packed.filename)}`,
        ...Object.fromEntries(PEERS.map((name) => [name, versionOf(name)])),
        ...(PROVIDER_AWS ? { "@cdktf/provider-aws": PROVIDER_AWS } : {}),
      },
    };
    // the peers are already there (as in a project where cdktf init ran): npm checks the tarball's
    // peer ranges against them and keeps them
    for (const name of PEERS) {
      if (name === "@cdktf/provider-aws" && PROVIDER_AWS) continue;
      link(name);
    }
    fs.writeFileSync(path.join(consumer, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    timed("npm install", () =>
      run(
        "npm",
        ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
        consumer,
      ),
    );
    // the project's tools, as `cdktf init` would have installed them (npm cannot link packages that
    // have dependencies of their own from outside the project, and would run their build scripts)
    fs.mkdirSync(path.join(consumer, "node_modules", ".bin"), { recursive: true });
    for (const [name, bins] of TOOLS) {
      const target = link(name);
      for (const [bin, file] of Object.entries(bins)) {
        fs.symlinkSync(path.join(target, file), path.join(consumer, "node_modules", ".bin", bin));
      }
    }
  });

  afterAll(() => {
    process.stdout.write(`consumer test steps (s): ${JSON.stringify(seconds)}\n`);
    if (packed) {
      process.stdout.write(
        `package: ${packed.files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked\n`,
      );
    }
    if (process.env.PE_CONSUMER_KEEP === "1") process.stdout.write(`kept ${work}\n`);
    else if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("the tarball holds the license, changelog, docs, build, schema and bindings, and no tests or examples", () => {
    const files = packed.files.map((f) => f.path);
    for (const required of [
      "LICENSE",
      "CHANGELOG.md",
      "README.md",
      "package.json",
      "docs/policy-rules.md",
      "dist/lib/index.js",
      "dist/lib/index.d.ts",
      "dist/gen/providers/cloudfoundry/index.js",
      "dist/gen/providers/cloudfoundry/index.d.ts",
      "providers/cloudfoundry-1.16.0.schema.json",
      "schema/private-egress-request.schema.json",
    ]) {
      expect(files).toContain(required);
    }
    expect(files.filter((f) => /(^|\/)(test|examples|bench)\/|\.test\.|\.tsbuildinfo$/.test(f))).toEqual([]);
    // no source maps with embedded sources
    const installed = path.join(consumer, "node_modules", "cdktf-private-egress");
    const index = fs.readFileSync(path.join(installed, "dist", "lib", "index.js"), "utf8");
    expect(index).not.toContain("sourceMappingURL=data:");
  });

  test("`cdktf synth` through the CLI synthesizes the agency's stack with the policy pack added by Aspects.of(app)", () => {
    timed("cdktf synth", () =>
      run(path.join(consumer, "node_modules", ".bin", "cdktf"), ["synth"], consumer),
    );
    const json = JSON.parse(
      fs.readFileSync(path.join(consumer, "cdktf.out", "stacks", "agency-egress", "cdk.tf.json"), "utf8"),
    );
    expect(Object.keys(json.provider).sort()).toEqual(["aws", "cloudfoundry"]);
    expect(Object.keys(json.resource.aws_vpn_connection)).toHaveLength(1);
    expect(Object.keys(json.resource.cloudfoundry_security_group).length).toBeGreaterThanOrEqual(2);
    // the pack ran: it records its profile in the stack
    expect(json["//"].policy_pack).toEqual({ profile: "federal-strict" });
  });

  test("the consumer's own jest tests (snapshot and toHaveResourceWithProperties) pass", () => {
    const out = timed("jest", () =>
      run(
        process.execPath,
        [path.join(consumer, "node_modules", "jest", "bin", "jest.js"), "--ci=false", "--colors=false"],
        consumer,
      ),
    );
    void out;
    const snapshot = fs.readFileSync(
      path.join(consumer, "__tests__", "__snapshots__", "main-test.ts.snap"),
      "utf8",
    );
    expect(snapshot).toContain("aws_vpn_connection");
    expect(snapshot).toContain("cloudfoundry_isolation_segment");
    expect(snapshot).not.toContain(work);
  });

  test("imports from an ES module, and its types resolve through the exports map", () => {
    const out = timed("esm", () => run(process.execPath, ["esm-check.mjs"], consumer));
    expect(JSON.parse(out)).toEqual({
      environment: "function",
      policyPack: "function",
      cloudfoundryProvider: "cloudfoundry",
    });
    timed("tsc node16", () =>
      run(
        path.join(consumer, "node_modules", ".bin", "tsc"),
        [
          "--noEmit",
          "--strict",
          "--skipLibCheck",
          "--module",
          "node16",
          "--moduleResolution",
          "node16",
          "--target",
          "es2020",
          "--types",
          "node",
          "esm-types.mts",
        ],
        consumer,
      ),
    );
  });
});
