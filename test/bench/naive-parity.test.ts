import * as fs from "fs";
import * as path from "path";
import { DEFAULT_EXAMPLE_ADDRESSES } from "../../examples/default/addresses";

// The full parity check (synthesize both, compare the sorted address sets) runs in `npm run bench`:
// the naive app loads the provider barrel (seconds and hundreds of MB), too much for jest. This test
// only reads the naive app's source, so a change of the default example's addresses is caught here.
describe("bench/naive/main.ts", () => {
  const source = fs.readFileSync(path.join(__dirname, "../../bench/naive/main.ts"), "utf8");
  const ids = [
    ...source.matchAll(/new (?:aws|cloudfoundry)\.(?!provider\.)\w+\.\w+\(\s*stack,\s*"([^"]+)"/g),
  ].map((m) => m[1]);

  test("constructs one resource or data source per address of the default example", () => {
    const names = DEFAULT_EXAMPLE_ADDRESSES.map((a) => a.slice(a.lastIndexOf(".") + 1));
    expect([...ids].sort()).toEqual([...names].sort());
  });

  test("pins each one's logical id to the library's", () => {
    const pinned = new Set(
      [...source.matchAll(/\.overrideLogicalId\(\s*"([^"]+)",?\s*\);/g)].map((m) => m[1]),
    );
    expect(ids.filter((id) => !pinned.has(id))).toEqual([]);
  });

  test("imports the provider barrel (that is the baseline being measured)", () => {
    expect(source).toMatch(/^import \* as aws from "@cdktf\/provider-aws";$/m);
  });
});
