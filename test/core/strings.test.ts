/**
 * The text cdktf writes for the library's stacks is stored one byte per character (issue 17).
 *
 * Node 20's `Array.prototype.join` builds a two-byte string when one of the parts is a "thin
 * string" (a computed string V8 internalized in place because it was used as a property key, as
 * `constructs` does with every child id). One computed construct id was enough to make the paths,
 * the logical ids and the whole `cdk.tf.json` text two-byte, which made json-stable-stringify 3x
 * and the file write 2-3x slower. Representation is observed with `v8.serialize`, which tags a
 * string by its storage ('"' one-byte, 'c' two-byte, after an optional padding byte).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import { execFileSync } from "child_process";
import * as ts from "typescript";
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PolicyPack, PolicyProfile } from "../../lib";
import { childId, nodePath } from "../../lib/core/strings";
import { AgencyStack } from "../../examples/agency-stack/stack";
import { DefaultExampleStack } from "../../examples/default/stack";
import { HighAvailabilityStack } from "../../examples/high-availability/stack";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { TwoTenantsStack } from "../../examples/two-tenants/stack";
import { buildPlatform } from "../../examples/platform/stack";

const oneByte = (s: string): boolean => v8.serialize(s)[2] === 0x22;

/** A string built at run time, as the constructs build their ids (`PrivateRoute-${key}`). */
const computed = (): string => `PrivateRoute-${"172.16.0.0/24".replace(/[^A-Za-z0-9-]/g, "-")}`;

/** Uses `text` as a property key, as `constructs` does with a child's id. */
function usedAsKey(text: string): string {
  const children: Record<string, number> = {};
  children[text] = 1;
  return text;
}

describe("childId and nodePath", () => {
  test("childId keeps the text; joined after use as a key it stays one-byte, where the computed string does not", () => {
    const id = usedAsKey(childId(computed()));
    expect(id).toBe("PrivateRoute-172-16-0-0-24");
    expect(oneByte([id, "x"].join("/"))).toBe(true);
    // the V8 behaviour this works around; if a later Node fixes `join`, this control says so
    const plain = usedAsKey(computed());
    expect(oneByte(plain)).toBe(true); // its characters are one-byte...
    expect(oneByte([plain, "x"].join("/"))).toBe(false); // ...but the join is stored two-byte
  });

  test("nodePath is node.path, one-byte even under a computed id", () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "strings-")) });
    const a = new Construct(app, computed());
    const b = new Construct(a, "Child");
    const c = new Construct(b, computed());
    for (const x of [a, b, c]) expect(nodePath(x)).toBe(x.node.path);
    expect(nodePath(c)).toBe("PrivateRoute-172-16-0-0-24/Child/PrivateRoute-172-16-0-0-24");
    expect(oneByte(nodePath(c))).toBe(true);
    expect(nodePath(app)).toBe("");
  });
});

describe("what V8 makes of them (node --allow-natives-syntax, lib/core/strings.ts transpiled)", () => {
  /** Runs `body` in a child node (V8 natives syntax, exposed gc) after the module's functions are defined. */
  function inV8(body: string): string {
    const source = fs.readFileSync(path.join(__dirname, "..", "..", "lib", "core", "strings.ts"), "utf8");
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const script = `const lib = {}; (function (exports) { ${js} })(lib);\nconst { childId, joinText, nodePath } = lib;\n${body}`;
    return execFileSync(process.execPath, ["--allow-natives-syntax", "--expose-gc", "-e", script], {
      encoding: "utf8",
    });
  }

  test("20,000 ids leave the maps objects share alone (peak RSS at 1,000 environments depended on it)", () => {
    const out = inV8(`
      for (let i = 0; i < 20000; i++) childId(\`PrivateRoute-\${i}-172-16-0-0-24\`);
      const a = {}; a["a-key-added-later"] = 1;
      const b = {}; b["a-key-added-later"] = 1;
      console.log(JSON.stringify({ shared: %HaveSameMap(a, b) }));
    `);
    expect(JSON.parse(out)).toEqual({ shared: true });
  });

  test("joinText's texts hold their characters, not a tree of their parts", () => {
    const out = inV8(`
      const parts = (d) => Array.from({ length: 2000 }, (_, i) => (i % 3 ? "  " : \`key\${i + d}\`));
      const measure = (make) => {
        const kept = [];
        globalThis.gc();
        const before = process.memoryUsage().heapUsed;
        for (let d = 0; d < 200; d++) kept.push(make(parts(d)));
        globalThis.gc();
        return { bytes: (process.memoryUsage().heapUsed - before) / 200, length: kept[0].length };
      };
      const concatenated = (p) => { let t = ""; for (const x of p) t = \`\${t}\${x}\`; return t; };
      console.log(JSON.stringify({ joinText: measure((p) => joinText(p, "")), concatenated: measure(concatenated) }));
    `);
    const { joinText, concatenated } = JSON.parse(out);
    expect(joinText.length).toBe(concatenated.length);
    // a one-byte text of ~6,000 characters: stored flat in about its length, as a tree in >10x that
    expect(joinText.bytes).toBeLessThan(2 * joinText.length);
    expect(concatenated.bytes).toBeGreaterThan(10 * concatenated.length);
  });
});

describe("the cdk.tf.json text cdktf writes is one-byte", () => {
  /**
   * Synthesizes `app` and returns, per stack, the JSON path of every key or string of its resolved
   * JSON stored two-byte, and whether the cdk.tf.json text handed to writeFileSync is. cdktf's own
   * cross-stack references (ids it computes, `cross-stack-reference-input-...`) meet the same V8
   * behaviour; they are cdktf's, so they are listed apart, and a stack holding one is not held to a
   * one-byte text.
   */
  function synthesize(app: App): Map<string, { twoByte: string[]; crossStack: number; text?: boolean }> {
    const stacks = new Map<string, { twoByte: string[]; crossStack: number; text?: boolean }>();
    // each stack's own toTerraform (the library's or cdktf's), wrapped to look at what it returns
    for (const stack of app.node.findAll().filter((c): c is TerraformStack => c instanceof TerraformStack)) {
      const toTerraform = stack.toTerraform.bind(stack);
      stack.toTerraform = () => {
        const json = toTerraform() as Record<string, unknown>;
        const found = { twoByte: [] as string[], crossStack: 0 };
        const visit = (value: unknown, at: string): void => {
          if (typeof value === "string") {
            if (oneByte(value)) return;
            if (value.includes("cross-stack-")) found.crossStack++;
            else found.twoByte.push(at);
          } else if (value !== null && typeof value === "object") {
            for (const [k, v] of Object.entries(value)) {
              if (!oneByte(k)) {
                if (k.includes("cross-stack-")) found.crossStack++;
                else found.twoByte.push(`${at}/${k} (key)`);
              }
              visit(v, `${at}/${k}`);
            }
          }
        };
        visit(json, "");
        stacks.set(stack.node.id, found);
        return json;
      };
    }
    // the module object cdktf holds (`import * as fs` gives this file a copy of it)
    const nodeFs = require("fs") as typeof fs; // eslint-disable-line @typescript-eslint/no-require-imports
    const write = nodeFs.writeFileSync;
    const written = jest.spyOn(nodeFs, "writeFileSync").mockImplementation((file, data, options) => {
      if (typeof file === "string" && file.endsWith("cdk.tf.json") && typeof data === "string") {
        const found = stacks.get(path.basename(path.dirname(file)));
        if (found) found.text = oneByte(data);
      }
      return write(file, data, options);
    });
    try {
      app.synth();
    } finally {
      written.mockRestore();
      fs.rmSync(app.outdir, { recursive: true, force: true });
    }
    return stacks;
  }

  const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), "strings-synth-"));

  // every example, as its main.ts builds it (the platform's stacks are named from request files)
  const examples: Array<[string, (app: App) => void, PolicyProfile]> = [
    [
      "default",
      (app) => new DefaultExampleStack(app, "private-egress-default"),
      PolicyProfile.CLOUD_GOV_COMPAT,
    ],
    ["agency-stack", (app) => new AgencyStack(app, "private-egress-agency"), PolicyProfile.FEDERAL_STRICT],
    [
      "high-availability",
      (app) => new HighAvailabilityStack(app, "private-egress-high-availability"),
      PolicyProfile.FEDERAL_STRICT,
    ],
    ["multi-environment", (app) => createMultiEnvironmentStacks(app), PolicyProfile.FEDERAL_STRICT],
    [
      "two-tenants",
      (app) => new TwoTenantsStack(app, "private-egress-two-tenants"),
      PolicyProfile.FEDERAL_STRICT,
    ],
    ["platform", (app) => buildPlatform(app, { env: {} }), PolicyProfile.FEDERAL_STRICT],
  ];

  test.each(examples)("%s", (_name, build, profile) => {
    const app = new App({ outdir: outdir() });
    build(app);
    PolicyPack.applyTo(app, { profile });
    const stacks = synthesize(app);
    expect(stacks.size).toBe(app.node.findAll().filter((c) => c instanceof TerraformStack).length);
    for (const [stack, found] of stacks) {
      expect({ stack, twoByte: found.twoByte.slice(0, 5) }).toEqual({ stack, twoByte: [] });
      if (found.crossStack === 0)
        expect({ stack, oneByteText: found.text }).toEqual({ stack, oneByteText: true });
    }
  });
});
