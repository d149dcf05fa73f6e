import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdktf";
import { evaluateStack } from "../../lib/checks/evaluate";
import { PolicyPack } from "../../lib/checks/pack";
import { PolicyProfile } from "../../lib/checks/profiles";
import { PolicySuppressions } from "../../lib/checks/suppressions";
import { runCheck } from "../../lib/cli/check";
import { compliantFixture, Fixture, FAILING, viewOf } from "./fixtures";

const REASON = "NAT egress to the internet is the tenant's request (ticket 42)";

/** Writes a stack into a cdktf.out-shaped directory, as `cdktf synth` does. */
function writeOut(f: Fixture): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-check-"));
  const name = f.stack.node.id;
  fs.mkdirSync(path.join(dir, "stacks", name), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "stacks", name, "cdk.tf.json"),
    JSON.stringify(f.stack.toTerraform(), null, 2),
  );
  fs.writeFileSync(
    path.join(dir, "manifest.json"),
    JSON.stringify({
      version: "0.21.0",
      stacks: { [name]: { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json` } },
    }),
  );
  return dir;
}

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("suppressions", () => {
  // GIVEN world egress acknowledged on the rule resource
  const f = compliantFixture();
  FAILING["PE-AWS-SG-004"](f);
  const worldOut = f.stack.node.findChild("WorldOut");
  PolicySuppressions.addResourceSuppressions(worldOut, [{ id: "PE-AWS-SG-004", reason: REASON }]);
  const json = f.stack.toTerraform() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  test("are recorded in the synthesized output under the resource's // entry", () => {
    expect(json.resource.aws_vpc_security_group_egress_rule.WorldOut["//"].policy_suppressions).toEqual([
      { id: "PE-AWS-SG-004", reason: REASON },
    ]);
  });

  test("turn the finding into a suppressed one carrying the reason", () => {
    const findings = evaluateStack(viewOf(f));
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: "PE-AWS-SG-004", suppressedBecause: REASON }),
    ]);
  });

  test("let Testing.fullSynth pass and leave an info annotation with the reason", () => {
    const g = compliantFixture();
    FAILING["PE-AWS-SG-004"](g);
    PolicySuppressions.addResourceSuppressions(g.stack.node.findChild("WorldOut"), [
      { id: "PE-AWS-SG-004", reason: REASON },
    ]);
    PolicyPack.applyTo(g.app);
    expect(() => Testing.fullSynth(g.stack)).not.toThrow();
    const infos = g.stack.node.findChild("WorldOut").node.metadata.filter((m) => m.type === "@cdktf/info");
    expect(infos.map((m) => String(m.data))).toEqual([
      expect.stringMatching(/^\[PE-AWS-SG-004\] .*suppressed: NAT egress/),
    ]);
  });

  test("at stack level are recorded in the stack's // entry and apply to every object", () => {
    const g = compliantFixture();
    FAILING["PE-STATE-001"](g);
    PolicySuppressions.addStackSuppressions(g.stack, [
      { id: "PE-STATE-001", reason: "teardown of a sandbox environment" },
    ]);
    const out = g.stack.toTerraform() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(out["//"].policy_suppressions).toEqual([
      { id: "PE-STATE-001", reason: "teardown of a sandbox environment" },
    ]);
    expect(evaluateStack(viewOf(g)).map((x) => x.suppressedBecause)).toEqual([
      "teardown of a sandbox environment",
    ]);
  });

  test("on a construct apply to every resource below it", () => {
    const g = compliantFixture();
    FAILING["PE-STATE-002"](g);
    PolicySuppressions.addResourceSuppressions(g.stack.node.findChild("Egress"), [
      { id: "PE-STATE-002", reason: "legacy address kept until the moved block ships" },
    ]);
    const findings = evaluateStack(viewOf(g));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "PE-STATE-002",
        suppressedBecause: "legacy address kept until the moved block ships",
      }),
    ]);
  });

  test("fails when a reason is shorter than 10 characters", () => {
    expect(() =>
      PolicySuppressions.addResourceSuppressions(worldOut, [{ id: "PE-AWS-SG-004", reason: "ok" }]),
    ).toThrow(/PE-CHECK-001.*`suppressions\[PE-AWS-SG-004\]\.reason`/);
  });

  test("fails when the id is not a rule id", () => {
    expect(() =>
      PolicySuppressions.addResourceSuppressions(worldOut, [{ id: "AwsSolutions-S1", reason: REASON }]),
    ).toThrow(/PE-CHECK-002/);
  });

  test("a suppression with a short reason written by hand into the JSON is ignored", () => {
    const g = compliantFixture();
    FAILING["PE-AWS-SG-004"](g);
    (
      g.stack.node.findChild("WorldOut") as unknown as { addOverride(p: string, v: unknown): void }
    ).addOverride("//.policy_suppressions", [{ id: "PE-AWS-SG-004", reason: "because" }]);
    expect(evaluateStack(viewOf(g))[0].suppressedBecause).toBeUndefined();
  });
});

describe("check command over cdktf.out", () => {
  test("a compliant stack exits 0 and says so", () => {
    const r = run(["check", writeOut(compliantFixture())]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stack policy \(profile federal-strict\)\n  no findings/);
    expect(r.out).toMatch(/0 error\(s\), 0 warning\(s\), 0 suppressed, in 1 stack\(s\)/);
  });

  test("fails when the stack is known-bad: exits 1 and lists every rule id", () => {
    const f = compliantFixture();
    for (const mutate of Object.values(FAILING)) mutate(f);
    const r = run(["check", writeOut(f)]);
    expect(r.code).toBe(1);
    for (const id of Object.keys(FAILING)) expect(r.out).toContain(`[${id}]`);
    expect(r.out).not.toContain("NotSoSecret");
  });

  test("reports suppressed findings with their reason and exits 0", () => {
    const f = compliantFixture();
    FAILING["PE-AWS-SG-004"](f);
    PolicySuppressions.addResourceSuppressions(f.stack.node.findChild("WorldOut"), [
      { id: "PE-AWS-SG-004", reason: REASON },
    ]);
    const r = run(["check", writeOut(f)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SUPPRESSED \[PE-AWS-SG-004\] aws_vpc_security_group_egress_rule\.WorldOut/);
    expect(r.out).toContain(`reason: ${REASON}`);
  });

  test("uses the profile the pack recorded at synth, and --profile overrides it", () => {
    const seed: Record<string, unknown> = {};
    for (const t of [1, 2]) seed[`tunnel${t}IkeVersions`] = ["ikev1"];
    const f = compliantFixture({ ...seed });
    PolicyPack.applyTo(f.stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    Testing.synth(f.stack); // runs the aspect, which records the profile
    const dir = writeOut(f);
    const recorded = run(["check", dir]);
    expect(recorded.out).toMatch(/profile cloud-gov-compat/);
    expect(recorded.out).toMatch(/WARNING +\[PE-AWS-VPN-001\]/);
    expect(run(["check", dir, "--profile", "federal-strict"]).code).toBe(1);
  });

  test("--json prints machine-readable findings", () => {
    const f = compliantFixture();
    FAILING["PE-AWS-VPC-001"](f);
    const r = run(["check", writeOut(f), "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).stacks[0].findings[0]).toMatchObject({
      ruleId: "PE-AWS-VPC-001",
      address: "aws_vpc.Vpc",
    });
  });

  test("accepts a single cdk.tf.json", () => {
    const dir = writeOut(compliantFixture());
    expect(run(["check", path.join(dir, "stacks", "policy", "cdk.tf.json")]).code).toBe(0);
  });

  test.each([
    [["check"], /usage/],
    [["check", "/nonexistent/cdktf.out"], /does not exist/],
    [["check", ".", "--profile", "lenient"], /unknown profile lenient/],
    [["check", ".", "--strict"], /unknown option --strict/],
  ])("fails with exit 2 on bad usage: %j", (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
