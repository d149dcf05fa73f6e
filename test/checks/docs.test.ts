import * as fs from "fs";
import * as path from "path";
import { ALL_RULES } from "../../lib/checks/rules";

describe("docs/policy-rules.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "../../docs/policy-rules.md"), "utf8");

  test.each(ALL_RULES.map((r) => [r.id, r] as const))(
    "lists %s with its severities, title and mirrored check",
    (id, rule) => {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row).toBeDefined();
      const cells = (row as string).split("|").map((c) => c.trim());
      expect(cells.slice(2, 5)).toEqual([
        rule.severity.federalStrict,
        rule.severity.cloudGovCompat,
        rule.title,
      ]);
      expect(cells[6]).toBe(rule.mirrors);
    },
  );
});
