import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

function stacksIn(outdir: string): Record<string, unknown> {
  const dir = path.join(outdir, "stacks");
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name, "cdk.tf.json"), "utf8"))]),
  );
}

describe("the main job", () => {
  test("`cdktf synth` (the CLI users run) and `node dist/examples/default/main.js` produce the same stacks", () => {
    const viaCli = fs.mkdtempSync(path.join(os.tmpdir(), "pe-cli-"));
    const viaNode = fs.mkdtempSync(path.join(os.tmpdir(), "pe-node-"));
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "true" };
    try {
      execFileSync(path.join(ROOT, "node_modules", ".bin", "cdktf"), ["synth", "--output", viaCli], {
        cwd: ROOT,
        env,
        stdio: "pipe",
      });
      execFileSync(process.execPath, [path.join(ROOT, "dist", "examples", "default", "main.js")], {
        cwd: ROOT,
        env: { ...env, CDKTF_OUTDIR: viaNode },
        stdio: "pipe",
      });
      const cli = stacksIn(viaCli);
      expect(Object.keys(cli)).toEqual(["private-egress-default"]);
      expect(cli).toEqual(stacksIn(viaNode));
      // no machine path leaks into the synthesized JSON
      expect(JSON.stringify(cli)).not.toContain(ROOT);
      expect(JSON.stringify(cli)).not.toContain(os.tmpdir());
    } finally {
      fs.rmSync(viaCli, { recursive: true, force: true });
      fs.rmSync(viaNode, { recursive: true, force: true });
    }
  });
});
