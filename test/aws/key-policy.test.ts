import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import * as fs from "fs";
import * as path from "path";
import { Fn, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { VpcFlowLogs } from "../../lib/aws/flow-logs";
import { isLiteralSafe } from "../../lib/aws/key-policy";
import { createServiceKey } from "../../lib/aws/vpn-connection";
import { resourcesOfType, synthJson } from "../support/synth";

// Issue 17: key and role policies are literal `${jsonencode(...)}` strings with plain references
// (one Lazy each) instead of Fn.jsonencode around Fn.element(Fn.split(...)): the same text, ~20x
// cheaper to resolve. These tests pin "the same text" against the cdktf-function form they replace.

function newStack(id = "s"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  return stack;
}

/** The policy createServiceKey wrote before issue 17, built with cdktf's functions. */
function fnServiceKeyPolicy(key: KmsKey, service: string, regional: boolean, actions: string[]): string {
  const part = (i: number) => Fn.element(Fn.split(":", key.arn), i) as string;
  return Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministers",
        Effect: "Allow",
        Principal: { AWS: `arn:${part(1)}:iam::${part(4)}:root` },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "ServiceUses",
        Effect: "Allow",
        Principal: { Service: regional ? `${service}.${part(3)}.amazonaws.com` : `${service}.amazonaws.com` },
        Action: actions,
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": part(4) } },
      },
    ],
  });
}

describe("createServiceKey's literal key policy", () => {
  test.each([
    [
      "logs",
      true,
      ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    ],
    ["cloudwatch", false, ["kms:Decrypt", "kms:GenerateDataKey*"]],
  ])("renders the text Fn.jsonencode renders (%s, regional %s)", (service, regional, actions) => {
    // GIVEN the literal policy and the cdktf-function policy of the same key
    const stack = newStack();
    const { key } = createServiceKey(stack, { description: "d", service, regional, actions });
    new KmsKeyPolicy(stack, "Reference", {
      keyId: key.id,
      policy: fnServiceKeyPolicy(key, service, regional, actions),
    });
    // WHEN synthesized
    const policies = resourcesOfType(synthJson(stack), "aws_kms_key_policy");
    // THEN both are the same string, byte for byte
    expect(policies.KeyPolicy.policy).toEqual(policies.Reference.policy);
    expect(policies.KeyPolicy.policy).toContain('element(split(":", aws_kms_key.Key.arn), 4)');
  });

  test("names the key by its synthesized address", () => {
    const stack = newStack();
    const scope = new Construct(stack, "Scope"); // the key's logical id gets a hash suffix
    createServiceKey(scope, { description: "d", service: "logs", regional: true, actions: ["kms:Decrypt"] });
    const json = synthJson(stack);
    const [address] = Object.keys(resourcesOfType(json, "aws_kms_key"));
    const policy = Object.values(resourcesOfType(json, "aws_kms_key_policy"))[0].policy as string;
    expect(address).toMatch(/^Scope_Key_[0-9A-F]{8}$/);
    expect(policy).toContain(`aws_kms_key.${address}.arn), 1)`);
  });

  test("fails when an action holds text the literal renderer does not carry", () => {
    const stack = newStack();
    expect(() =>
      createServiceKey(stack, {
        description: "d",
        service: "logs",
        regional: true,
        actions: ['kms:"Decrypt'],
      }),
    ).toThrow(/service or actions hold text a literal policy cannot carry/);
  });
});

describe("VpcFlowLogs' literal policies", () => {
  /** The three policies VpcFlowLogs wrote before issue 17, built with cdktf's functions. */
  function fnPolicies(vpc: Vpc, logGroupName: string, groupArn: string) {
    const part = (i: number) => Fn.element(Fn.split(":", vpc.arn), i) as string;
    const account = vpc.ownerId;
    return {
      key: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AccountAdministersKey",
            Effect: "Allow",
            Principal: { AWS: `arn:${part(1)}:iam::${account}:root` },
            Action: "kms:*",
            Resource: "*",
          },
          {
            Sid: "CloudWatchLogsUsesKeyForFlowLogs",
            Effect: "Allow",
            Principal: { Service: `logs.${part(3)}.amazonaws.com` },
            Action: [
              "kms:Encrypt*",
              "kms:Decrypt*",
              "kms:ReEncrypt*",
              "kms:GenerateDataKey*",
              "kms:Describe*",
            ],
            Resource: "*",
            Condition: {
              ArnEquals: {
                "kms:EncryptionContext:aws:logs:arn": `arn:${part(1)}:logs:${part(3)}:${account}:log-group:${logGroupName}`,
              },
            },
          },
        ],
      }),
      assume: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": account } },
          },
        ],
      }),
      role: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: [
              "logs:CreateLogStream",
              "logs:PutLogEvents",
              "logs:DescribeLogGroups",
              "logs:DescribeLogStreams",
            ],
            Resource: [groupArn, `${groupArn}:*`],
          },
        ],
      }),
    };
  }

  function synthFlowLogs(logGroupName: string) {
    const stack = newStack();
    const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.40.0.0/16" });
    const logs = new VpcFlowLogs(stack, "FlowLogs", { vpc, logGroupName });
    const group = logs.node.findChild("LogGroup") as unknown as { arn: string };
    const reference = fnPolicies(vpc, logGroupName, group.arn);
    new KmsKey(stack, "ReferenceKey", { policy: reference.key });
    new KmsKey(stack, "ReferenceAssume", { policy: reference.assume });
    new KmsKey(stack, "ReferenceRole", { policy: reference.role });
    const json = synthJson(stack);
    const keys = resourcesOfType(json, "aws_kms_key");
    return {
      key: Object.values(keys).find((k) => String(k.description).startsWith("Encrypts"))?.policy,
      assume: Object.values(resourcesOfType(json, "aws_iam_role"))[0].assume_role_policy,
      role: Object.values(resourcesOfType(json, "aws_iam_role_policy"))[0].policy,
      reference: {
        key: keys.ReferenceKey.policy,
        assume: keys.ReferenceAssume.policy,
        role: keys.ReferenceRole.policy,
      },
    };
  }

  test("render the text Fn.jsonencode renders (key, role trust and role policy)", () => {
    const out = synthFlowLogs("/aws/vpc/flow-logs/agency-prod");
    expect(out.key).toEqual(out.reference.key);
    expect(out.assume).toEqual(out.reference.assume);
    expect(out.role).toEqual(out.reference.role);
    expect(out.key).toContain('element(split(":", aws_vpc.Vpc.arn), 3)');
  });

  test("fall back to Fn.jsonencode when the log group's name is not plain text (same output)", () => {
    const out = synthFlowLogs('/aws/vpc/"quoted"');
    expect(out.key).toEqual(out.reference.key);
    expect(out.key).toContain('"quoted"');
  });

  test("fall back to cdktf's cross-stack references when the VPC is in another stack", () => {
    const app = Testing.app();
    const network = new TerraformStack(app, "network");
    new AwsProvider(network, "aws", { region: "us-gov-west-1" });
    const vpc = new Vpc(network, "Vpc", { cidrBlock: "10.40.0.0/16" });
    const logsStack = new TerraformStack(app, "logs");
    new AwsProvider(logsStack, "aws", { region: "us-gov-west-1" });
    new VpcFlowLogs(logsStack, "FlowLogs", { vpc, logGroupName: "/aws/vpc/flow-logs/x" });
    app.synth(); // resolves cross-stack references (prepareStack)
    const file = path.join(app.outdir, "stacks", "logs", "cdk.tf.json");
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const key = Object.values(resourcesOfType(json, "aws_kms_key"))[0].policy as string;
    expect(key).toContain("data.terraform_remote_state");
    expect(key).not.toContain("aws_vpc.Vpc");
  });
});

describe("isLiteralSafe", () => {
  test.each(["/aws/vpc/flow-logs/agency-prod", "kms:GenerateDataKey*", "logs", ""])("accepts %j", (s) => {
    expect(isLiteralSafe(s)).toBe(true);
  });
  test.each(['a"b', "a$b", "${x}", "a\nb", "a\\b", "a`b"])("refuses %j", (s) => {
    expect(isLiteralSafe(s)).toBe(false);
  });
});
