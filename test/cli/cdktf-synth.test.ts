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
    // a temp directory of their own: what the runs leave behind in it is visible
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pe-tmp-"));
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "true", TMPDIR: tmp };
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
      // the cells' BOSH files were written into the stack's assets, and the asset's empty source
      // directory removed when each process exited
      const assets = path.join(viaNode, "stacks", "private-egress-default", "assets");
      const staged = fs.readdirSync(assets, { recursive: true }).map(String);
      expect(staged.filter((f) => /ops-file\.yml$|cloud-config\.yml$/.test(f))).toHaveLength(2);
      expect(fs.readdirSync(tmp).filter((f) => f.startsWith("cdktf-private-egress-artifacts-"))).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.rmSync(viaCli, { recursive: true, force: true });
      fs.rmSync(viaNode, { recursive: true, force: true });
    }
  });
});
