import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require("../../scripts/generate-cloudfoundry.js") as { generate: (outdir: string) => Promise<void> };

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("generated Cloud Foundry bindings", () => {
  test("regenerating from the schema file changes nothing", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "pe-gen-"));
    try {
      await generate(out);
      const committed = path.join(__dirname, "..", "..", "gen", "providers", "cloudfoundry");
      const fresh = path.join(out, "providers", "cloudfoundry");
      expect(listFiles(fresh)).toEqual(listFiles(committed));
      for (const file of listFiles(fresh)) {
        expect({ file, text: fs.readFileSync(path.join(committed, file), "utf8") }).toEqual({
          file,
          text: fs.readFileSync(path.join(fresh, file), "utf8"),
        });
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test("the bindings pin cloudfoundry/cloudfoundry to 1.16", () => {
    const provider = fs.readFileSync(
      path.join(__dirname, "..", "..", "gen", "providers", "cloudfoundry", "provider", "index.ts"),
      "utf8",
    );
    expect(provider).toContain("providerVersionConstraint: '~> 1.16.0'");
  });
});
