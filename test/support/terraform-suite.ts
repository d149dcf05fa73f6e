/**
 * `describeTerraform` wraps suites that need the terraform binary: they run when terraform and the
 * provider mirror are there, and otherwise are skipped with one loud line on stderr (or fail, when
 * `PE_REQUIRE_TERRAFORM=1`), so a missing binary never looks like a pass.
 */
import { skipBanner, terraformAvailability } from "./terraform";

export function describeTerraform(name: string, body: () => void): void {
  const tf = terraformAvailability();
  if (tf.available) {
    describe(`${name} (terraform ${tf.version}, mirror ${tf.mirror})`, body);
    return;
  }
  const reason = tf.reason ?? "unknown";
  if (process.env.PE_REQUIRE_TERRAFORM === "1") {
    describe(name, () => {
      test("terraform is required (PE_REQUIRE_TERRAFORM=1)", () => {
        throw new Error(`terraform checks cannot run: ${reason}`);
      });
    });
    return;
  }
  process.stderr.write(skipBanner(`${name}: ${reason}`));
  describe.skip(`${name} [SKIPPED: ${reason}]`, body);
}
