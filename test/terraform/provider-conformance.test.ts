import { libraryRefuses, PROVIDER_ROWS, ProviderRow, rowResource } from "../aws/provider-conformance-table";
import { AWS_PROVIDER_VERSION, cleanup, runTerraform, TerraformRunResult } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

/**
 * The provider column of the AWS conformance table, checked against the real hashicorp/aws 5.100.0
 * provider: every row becomes one resource of ONE configuration (one `init`, one `validate`). The
 * provider validates each resource's arguments independently and reports every failing argument,
 * and each row changes exactly one argument of a valid base resource, so a row's resource has a
 * diagnostic exactly when the provider refuses the row's value. The library's verdict on the same
 * rows is asserted in `test/aws/vpn-provider-conformance.test.ts`; here it is tied to the
 * provider's: everything the library accepts passes `terraform validate`, and everything the
 * provider refuses the library refuses first.
 */
function configuration(rows: readonly ProviderRow[]): Record<string, unknown> {
  const resource: Record<string, Record<string, unknown>> = {};
  for (const row of rows) (resource[row.resource] ??= {})[row.id] = rowResource(row);
  return {
    terraform: {
      required_providers: { aws: { source: "hashicorp/aws", version: AWS_PROVIDER_VERSION } },
    },
    provider: { aws: [{ region: "us-gov-west-1" }] },
    resource,
  };
}

type Diagnostic = TerraformRunResult["validate"]["diagnostics"][number] & { address?: string };

describeTerraform("AWS conformance table against the real provider", () => {
  let result: TerraformRunResult;
  const byRow = new Map<string, Diagnostic[]>();

  beforeAll(() => {
    result = runTerraform(configuration(PROVIDER_ROWS));
    for (const d of result.validate.diagnostics as Diagnostic[]) {
      const id = d.address?.split(".")[1] ?? "(none)";
      byRow.set(id, [...(byRow.get(id) ?? []), d]);
    }
  });
  afterAll(() => result && cleanup(result));

  test("every diagnostic belongs to a row (nothing about the configuration itself)", () => {
    const ids = new Set(PROVIDER_ROWS.map((r) => r.id));
    expect([...byRow.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  test("every value the library accepts passes terraform validate", () => {
    const accepted = PROVIDER_ROWS.filter((r) => !libraryRefuses(r));
    expect(accepted.length).toBeGreaterThan(100);
    expect(accepted.filter((r) => byRow.has(r.id)).map((r) => [r.id, byRow.get(r.id)])).toEqual([]);
  });

  test("every value the provider refuses is refused by the library first, and the provider says what the table says", () => {
    const refused = PROVIDER_ROWS.filter((r) => r.provider === "refuse");
    expect(refused.every(libraryRefuses)).toBe(true);
    const wrong = refused
      .map((r) => {
        const said = (byRow.get(r.id) ?? []).map((d) => `${d.summary} ${d.detail ?? ""}`).join(" | ");
        return { id: r.id, expected: r.providerSays, said };
      })
      .filter((x) => x.expected === undefined || !x.said.includes(x.expected));
    expect(wrong).toEqual([]);
  });

  test("the provider accepts the rows the table says it accepts (apply-time and deliberate rows included)", () => {
    const accepted = PROVIDER_ROWS.filter((r) => r.provider === "accept");
    expect(accepted.filter((r) => byRow.has(r.id)).map((r) => [r.id, byRow.get(r.id)])).toEqual([]);
  });
});
