import * as fs from "fs";
import * as path from "path";
import { Aspects, IAspect, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { evaluateStack } from "../../lib/checks/evaluate";
import { PolicyPack } from "../../lib/checks/pack";
import { PolicyProfile } from "../../lib/checks/profiles";
import { stackViewFromJson } from "../../lib/checks/view";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";
import { CustomerDevice, PrivateEgressEnvironment, PrivateEgressEnvironmentProps } from "../../lib";
import { DefaultExampleStack } from "../../examples/default/stack";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { compliantFixture, FAILING } from "./fixtures";

// Issue 17: the pack resolves each stack once and hands that JSON to the synthesis that follows,
// instead of the synthesizer resolving the whole stack a second time. What is written must be exactly
// what a fresh resolution gives.

/** Counts full resolutions (`TerraformStack.prototype.toTerraform` runs) during `fn`. */
function countResolutions(fn: () => void): number {
  const spy = jest.spyOn(TerraformStack.prototype, "toTerraform");
  try {
    fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

/** A stack with default providers and aliased ones (`aws.east`, `cloudfoundry.other`). */
function stackWithAliasedProviders(id: string): {
  stack: TerraformStack;
  east: AwsProvider;
  other: CloudfoundryProvider;
} {
  const stack = new TerraformStack(Testing.app(), id);
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  new CloudfoundryProvider(stack, "cloudfoundry", {});
  const east = new AwsProvider(stack, "aws-east", { region: "us-gov-east-1", alias: "east" });
  const other = new CloudfoundryProvider(stack, "cf-other", { alias: "other" });
  return { stack, east, other };
}

/** One tenant environment in `stack`, on the providers given. */
function environmentIn(
  stack: TerraformStack,
  providers: Pick<PrivateEgressEnvironmentProps, "awsProvider" | "cloudFoundryProvider">,
): PrivateEgressEnvironment {
  return new PrivateEgressEnvironment(stack, "Agency", {
    tenant: { org: "agency-prod", spaces: ["app"] },
    customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
    privateCidrs: ["192.168.100.0/24"],
    expectedApps: 40,
    controlPlane: FOUNDATION_CONTROL_PLANE,
    cells: { baseCell: foundationBaseCell({}) },
    ...providers,
  });
}

function written(outdir: string, stack: TerraformStack): string {
  return fs.readFileSync(path.join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8");
}

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

describe("PolicyPack: one resolution per stack", () => {
  test("full synthesis resolves the stack once and writes what a fresh resolution gives", () => {
    // GIVEN a stack with a pack
    const f = compliantFixture();
    PolicyPack.applyTo(f.stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    // WHEN it is synthesized the way `cdktf synth` does
    let outdir = "";
    const resolutions = countResolutions(() => {
      outdir = Testing.fullSynth(f.stack);
    });
    // THEN the pack's resolution was the only one, and the file equals a fresh resolution
    expect(resolutions).toBe(1);
    // (the stack's wrapper holds the spy, restored by now: resolve with the real method)
    const fresh = JSON.stringify(TerraformStack.prototype.toTerraform.call(f.stack), null, 2);
    expect(JSON.parse(written(outdir, f.stack))).toEqual(JSON.parse(fresh));
    expect(written(outdir, f.stack)).toContain('"policy_pack"');
  });

  test("the handed-over JSON is used once: a later toTerraform() resolves again", () => {
    const f = compliantFixture();
    PolicyPack.applyTo(f.stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    Testing.fullSynth(f.stack);
    f.vpc.addOverride("tags", { Name: "changed-after-synth" });
    expect(JSON.stringify(f.stack.toTerraform())).toContain("changed-after-synth");
  });

  test("resolves again when another aspect could change the stack after the pack", () => {
    // GIVEN a pack on the stack and another aspect that edits a resource below it
    const f = compliantFixture();
    PolicyPack.applyTo(f.stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    const tagger: IAspect = {
      visit: (node: IConstruct) => {
        if (node === f.vpc) f.vpc.addOverride("tags", { Name: "set-by-aspect" });
      },
    };
    Aspects.of(f.vpc).add(tagger);
    // WHEN synthesized
    let outdir = "";
    const resolutions = countResolutions(() => {
      outdir = Testing.fullSynth(f.stack);
    });
    // THEN the aspect's edit is written (the pack's JSON, resolved before it, was not reused)
    expect(resolutions).toBe(2);
    expect(written(outdir, f.stack)).toContain("set-by-aspect");
  });

  test("Testing.synth also reuses the pack's resolution", () => {
    const f = compliantFixture();
    PolicyPack.applyTo(f.stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    let json = "";
    const resolutions = countResolutions(() => {
      json = Testing.synth(f.stack);
    });
    expect(resolutions).toBe(1);
    expect(json).toContain("aws_vpn_connection");
  });

  test("a library environment's stack (its provider, forwarding and warning aspects) is resolved once", () => {
    // GIVEN the default example: an environment binds providers and forwards App-level packs, both
    // through aspects of the library
    const stack = new DefaultExampleStack(Testing.app(), "default");
    PolicyPack.applyTo(stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    expect(Aspects.of(stack).all.length).toBeGreaterThan(1);
    // WHEN synthesized as `cdktf synth` does
    let outdir = "";
    const resolutions = countResolutions(() => {
      outdir = Testing.fullSynth(stack);
    });
    // THEN once, and the file is a fresh resolution
    expect(resolutions).toBe(1);
    const fresh = TerraformStack.prototype.toTerraform.call(stack);
    expect(JSON.parse(written(outdir, stack))).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  test("providers the library's aspects bind after the pack's visit are in the JSON it hands over", () => {
    // GIVEN an environment on aliased providers: the provider aspects set each resource's provider
    // when synthesis visits it, after the pack has visited (and resolved) the stack
    const { stack, east, other } = stackWithAliasedProviders("aliased");
    environmentIn(stack, { awsProvider: east, cloudFoundryProvider: other });
    PolicyPack.applyTo(stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    // WHEN synthesized
    let outdir = "";
    const resolutions = countResolutions(() => {
      outdir = Testing.fullSynth(stack);
    });
    // THEN one resolution, and every resource written names its aliased provider
    expect(resolutions).toBe(1);
    const json = JSON.parse(written(outdir, stack)) as {
      resource: Record<string, Record<string, { provider?: string }>>;
    };
    const providers = new Set<string | undefined>();
    const elsewhere: string[] = [];
    for (const [type, byName] of Object.entries(json.resource)) {
      for (const [name, body] of Object.entries(byName)) {
        providers.add(body.provider);
        const expected = type.startsWith("aws_") ? "aws.east" : "cloudfoundry.other";
        if (body.provider !== expected) elsewhere.push(`${type}.${name}: ${String(body.provider)}`);
      }
    }
    expect(elsewhere).toEqual([]);
    expect([...providers].sort()).toEqual(["aws.east", "cloudfoundry.other"]);
  });

  test("findings are annotations without a stack trace (one would show only the pack's own synthesis frames)", () => {
    const stack = new DefaultExampleStack(Testing.app(), "default");
    PolicyPack.applyTo(stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    const outdir = Testing.fullSynth(stack);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
      stacks: Record<
        string,
        { annotations: Array<{ message: string; level: string; stacktrace?: string[] }> }
      >;
    };
    const annotations = manifest.stacks.default.annotations;
    const findings = annotations.filter((a) => /^\[PE-[A-Z0-9-]+\] /.test(a.message));
    // the example's known findings: IKEv1 warnings and the acknowledged public egress (info)
    expect(findings.some((a) => a.level === "@cdktf/warn" && a.message.startsWith("[PE-AWS-VPN-001]"))).toBe(
      true,
    );
    expect(findings.some((a) => a.level === "@cdktf/info" && a.message.startsWith("[PE-AWS-SG-004]"))).toBe(
      true,
    );
    expect(findings.filter((a) => a.stacktrace !== undefined)).toEqual([]);
  });

  describe("a synthesis that stops before resolving leaves nothing behind for a later call", () => {
    /** Adds a resource after the failed or HCL synthesis; the next resolution must show it. */
    function addedLater(stack: TerraformStack): string {
      new Vpc(stack, "AddedLater", { cidrBlock: "10.99.0.0/16" });
      return JSON.stringify(stack.toTerraform());
    }

    test("error findings stop `cdktf synth`", () => {
      const stack = new DefaultExampleStack(Testing.app(), "default");
      PolicyPack.applyTo(stack, { profile: PolicyProfile.FEDERAL_STRICT });
      expect(() => Testing.fullSynth(stack)).toThrow(/PE-/);
      expect(addedLater(stack)).toContain("AddedLater");
    });

    test("a failing validation stops `Testing.synth(stack, true)`", () => {
      const stack = new DefaultExampleStack(Testing.app(), "default");
      PolicyPack.applyTo(stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
      stack.node.addValidation({ validate: () => ["a validation that fails"] });
      expect(() => Testing.synth(stack, true)).toThrow(/a validation that fails/);
      expect(addedLater(stack)).toContain("AddedLater");
    });

    test("HCL output never calls toTerraform()", () => {
      const stack = new DefaultExampleStack(Testing.app(), "default");
      PolicyPack.applyTo(stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
      Testing.synthHcl(stack);
      expect(addedLater(stack)).toContain("AddedLater");
    });

    test("a pack applied below the stack, after error findings", () => {
      const stack = new DefaultExampleStack(Testing.app(), "default");
      Aspects.of(stack.environment).add(new PolicyPack({ profile: PolicyProfile.FEDERAL_STRICT }));
      expect(() => Testing.fullSynth(stack)).toThrow(/PE-/);
      new Vpc(stack, "AddedLater", { cidrBlock: "10.99.0.0/16" });
      expect(Testing.synth(stack)).toContain("AddedLater");
    });
  });

  test("with a user's aspect present, the library's providers keep their usual turn", () => {
    // GIVEN a user aspect on the stack that names a provider for resources that have none yet: it
    // runs before the library's provider aspect (stack aspects come first) and so it wins
    const { stack, east } = stackWithAliasedProviders("user-aspect");
    const west = new AwsProvider(stack, "aws-west", { region: "us-gov-west-1", alias: "west" });
    environmentIn(stack, { awsProvider: east });
    PolicyPack.applyTo(stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    Aspects.of(stack).add({
      visit: (node: IConstruct) => {
        const r = node as { terraformResourceType?: string; provider?: unknown };
        if (r.terraformResourceType === "aws_vpc" && r.provider === undefined) r.provider = west;
      },
    });
    // WHEN synthesized
    const json = JSON.parse(Testing.synth(stack)) as {
      resource: { aws_vpc: Record<string, { provider?: string }> };
    };
    // THEN the user's aspect set the VPC's provider, as it did before the pack settled providers
    expect(Object.values(json.resource.aws_vpc).map((v) => v.provider)).toEqual(["aws.west"]);
  });

  test("rules do not mutate the JSON they read (it is written afterwards)", () => {
    // GIVEN a stack with findings, resolved once and deep-frozen
    const f = compliantFixture();
    FAILING["PE-CF-SCHEMA-001"](f);
    const json = f.stack.toTerraform() as Record<string, unknown>;
    const expected = evaluateStack(stackViewFromJson(json, "policy"), {
      profile: PolicyProfile.FEDERAL_STRICT,
    });
    // WHEN the rules run on the frozen copy (a write would throw, and the pack reports throws as findings)
    const frozen = deepFreeze(JSON.parse(JSON.stringify(json)) as Record<string, unknown>);
    const findings = evaluateStack(stackViewFromJson(frozen, "policy"), {
      profile: PolicyProfile.FEDERAL_STRICT,
    });
    // THEN the findings are the same
    expect(findings).toEqual(expected);
    expect(findings.some((x) => x.ruleId === "PE-CF-SCHEMA-001")).toBe(true);
  });
});
