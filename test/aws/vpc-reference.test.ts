import { TerraformStack, Testing } from "cdktf";
import { VpcReference } from "../../lib/aws/vpc-reference";
import { synthJson } from "../support/synth";

describe("VpcReference", () => {
  test("imports by attributes, creating nothing", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const vpc = VpcReference.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0abc",
      vpcCidrBlock: "10.40.0.0/16",
    });
    expect(vpc).toMatchObject({ vpcId: "vpc-0abc", vpcCidrBlock: "10.40.0.0/16" });
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test("fails when vpcCidrBlock is not network-aligned", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    expect(() =>
      VpcReference.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0abc", vpcCidrBlock: "10.40.0.1/16" }),
    ).toThrow(
      /`vpcCidrBlock` 10\.40\.0\.1\/16 has host bits set: it is not network-aligned \(did you mean 10\.40\.0\.0\/16\?\)/,
    );
  });
});
