/**
 * Security group and security group rule descriptions of a synthesized stack, checked against the
 * characters AWS accepts in them (a-z, A-Z, 0-9, spaces and `._-:/()#,@[]+=&;{}!$*`, at most 255):
 * `terraform plan` accepts any text, the EC2 API refuses the rest at apply.
 */
import { SynthJson } from "./synth";

/** What AWS accepts in a security group's or a security group rule's description. */
export const AWS_SECURITY_GROUP_DESCRIPTION = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/;

/** Every security group and security group rule description of a stack, with its address. */
export function securityGroupDescriptions(json: SynthJson): Array<{ address: string; description: string }> {
  const out: Array<{ address: string; description: string }> = [];
  const resources = (json.resource ?? {}) as SynthJson;
  for (const type of [
    "aws_security_group",
    "aws_default_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
  ]) {
    for (const [name, body] of Object.entries((resources[type] ?? {}) as SynthJson)) {
      const address = `${type}.${name}`;
      if (body.description !== undefined) out.push({ address, description: String(body.description) });
      for (const key of ["ingress", "egress"]) {
        for (const [i, rule] of ((body[key] ?? []) as SynthJson[]).entries()) {
          if (rule.description !== undefined)
            out.push({ address: `${address}.${key}[${i}]`, description: String(rule.description) });
        }
      }
    }
  }
  return out;
}

/** The descriptions AWS would refuse (empty: every one is accepted). */
export function refusedDescriptions(json: SynthJson): string[] {
  return securityGroupDescriptions(json)
    .filter((d) => !AWS_SECURITY_GROUP_DESCRIPTION.test(d.description))
    .map((d) => `${d.address}: ${d.description}`);
}
