/**
 * The API reference (`npm run docs`, typedoc into docs/api/) is complete: typedoc's validation over
 * the package entry finds no exported symbol, property, method or enum member without a doc
 * comment, no public type that is not exported, and no broken `{@link}`.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

test("every exported symbol and member has a doc comment, and every type the API uses is exported", () => {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typedoc", "bin", "typedoc"), "--emit", "none"],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  const lines = `${run.stdout}\n${run.stderr}`.split("\n");
  const problems = lines.filter((l) => /^\[(warning|error)\]/.test(l));
  expect(problems).toEqual([]);
  expect(run.status).toBe(0);
  // typedoc ran over the configured entry (its plugin loaded)
  expect(lines).toContain("[info] Loaded plugin typedoc-plugin-markdown");
});
