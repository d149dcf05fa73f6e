/**
 * Secrets: no synthesized string of any example stack (every `examples/<name>/stack.ts`, found when
 * the test runs) or of a seeded sample of 20 valid fuzz requests holds a pre-shared key, password or token
 * literal, and the hand-off's customer gateway configuration output (which embeds the keys) is
 * marked sensitive.
 *
 * Detectors:
 * - `preshared_key` (and `tunnelN_preshared_key`) attributes whose value is a literal, not a
 *   `${...}` reference;
 * - `password`, `secret`, `token` (any attribute whose name contains them, except `*_arn`,
 *   `*_storage`, `*_id`) with a literal string value;
 * - AWS access key ids (`AKIA`/`ASIA` + 16) and 40-character secret-key-shaped strings;
 * - PEM blocks (`-----BEGIN ... PRIVATE KEY-----` or any `-----BEGIN`).
 */
import * as fs from "fs";
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { buildStack, Flaw, sampleRequests, synthText } from "./fuzz-requests";

type Json = Record<string, unknown>;

const SECRET_NAME = /(password|secret|token|preshared_key)/i;
const NOT_A_SECRET_NAME = /(_arn|_storage|_id|_ids|_version_stage|description)$/i;

/** Every place a key, password or token literal shows, as `path: why`. */
export function secretLiterals(value: unknown, at = "$", key = "", out: string[] = []): string[] {
  if (typeof value === "string") {
    const literal = value !== "" && !/^\$\{[^}]*\}$/.test(value.trim());
    if (key && SECRET_NAME.test(key) && !NOT_A_SECRET_NAME.test(key) && literal) {
      out.push(`${at}: literal value of a secret attribute`);
    }
    if (/\b(AKIA|ASIA)[0-9A-Z]{16}\b/.test(value)) out.push(`${at}: AWS access key id`);
    if (
      /(^|[^A-Za-z0-9/+=])[A-Za-z0-9/+]{40}($|[^A-Za-z0-9/+=])/.test(value) &&
      /[A-Z]/.test(value) &&
      /\d/.test(value)
    ) {
      // 40 base64 characters with mixed case and digits: the shape of an AWS secret access key
      const m = /(^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})($|[^A-Za-z0-9/+=])/.exec(value);
      if (m && /[a-z]/.test(m[2]) && /[A-Z]/.test(m[2]) && /\d/.test(m[2]))
        out.push(`${at}: AWS secret-key-shaped string`);
    }
    if (/-----BEGIN [A-Z ]+-----/.test(value)) out.push(`${at}: PEM block`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => secretLiterals(v, `${at}[${i}]`, key, out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Json)) {
      // `//` holds metadata (construct paths, suppressions), not configuration
      if (k === "//") continue;
      secretLiterals(v, `${at}.${k}`, k, out);
    }
  }
  return out;
}

/** The example stack classes: every exported TerraformStack subclass of `examples/<name>/stack.ts`. */
function exampleStacks(): Array<[string, TerraformStack]> {
  const root = path.join(__dirname, "..", "..", "examples");
  const out: Array<[string, TerraformStack]> = [];
  for (const name of fs.readdirSync(root).sort()) {
    const file = path.join(root, name, "stack.ts");
    if (!fs.existsSync(file)) continue;
    const mod = require(file) as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-require-imports
    // an example whose stacks need settings exports a factory (`create...Stacks(scope, props)`)
    const factories = Object.entries(mod).filter(
      ([n, v]) => typeof v === "function" && /^create\w*Stacks$/.test(n),
    );
    if (factories.length > 0) {
      for (const [exported, factory] of factories) {
        const stacks = (factory as (scope: unknown, props: unknown) => TerraformStack[])(Testing.app(), {
          env: {},
        });
        for (const stack of stacks) out.push([`${name}/${exported}/${stack.node.id}`, stack]);
      }
      continue;
    }
    for (const [exported, value] of Object.entries(mod)) {
      if (typeof value !== "function" || !(value.prototype instanceof TerraformStack)) continue;
      const Stack = value as new (scope: unknown, id: string, props: unknown) => TerraformStack;
      out.push([`${name}/${exported}`, new Stack(Testing.app(), `secrets-${name}`, { env: {} })]);
    }
  }
  return out;
}

describe("no key, password or token literal in synthesized output", () => {
  test("the detectors catch each kind of literal (and let references and ARNs through)", () => {
    const planted = {
      resource: {
        aws_vpn_connection: {
          a: { tunnel1_preshared_key: "abcdefgh12345678", preshared_key_arn: "arn:aws:x" },
        },
        x: { y: { password: "hunter2", token: "${var.token}", client_secret: "s3cr3t", secret_id: "id" } },
        z: { w: { note: "AKIAABCDEFGHIJKLMNOP", pem: "-----BEGIN RSA PRIVATE KEY-----\nMII" } },
        k: { v: { blob: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } },
      },
    };
    expect(secretLiterals(planted)).toEqual([
      "$.resource.aws_vpn_connection.a.tunnel1_preshared_key: literal value of a secret attribute",
      "$.resource.x.y.password: literal value of a secret attribute",
      "$.resource.x.y.client_secret: literal value of a secret attribute",
      "$.resource.z.w.note: AWS access key id",
      "$.resource.z.w.pem: PEM block",
      "$.resource.k.v.blob: AWS secret-key-shaped string",
    ]);
  });

  const examples = exampleStacks();

  test("there is at least the default example", () => {
    expect(examples.map(([name]) => name)).toContain("default/DefaultExampleStack");
  });

  test.each(examples.map(([name, stack]) => [name, stack] as const))("example %s", (_, stack) => {
    const json = JSON.parse(synthText(stack as never)) as Json;
    expect(secretLiterals(json)).toEqual([]);
    // the hand-off's customer gateway configuration embeds the keys: sensitive, always
    const outputs = Object.entries((json.output ?? {}) as Record<string, Json>);
    for (const [name, output] of outputs.filter(([n]) => n.endsWith("_customer_gateway_configuration"))) {
      expect([name, output.sensitive]).toEqual([name, true]);
    }
  });

  test("the default example hands off the customer gateway configuration as a sensitive output", () => {
    const [, stack] = examples.find(([name]) => name === "default/DefaultExampleStack")!;
    const outputs = (JSON.parse(synthText(stack as never)) as Json).output as Record<string, Json>;
    const cgw = Object.entries(outputs).filter(([n]) => n.endsWith("_customer_gateway_configuration"));
    expect(cgw.length).toBeGreaterThan(0);
    expect(cgw.every(([, o]) => o.sensitive === true)).toBe(true);
  });

  test("a seeded sample of 20 valid fuzz requests (with hand-off)", () => {
    const valid = sampleRequests(80, 7)
      .filter((r) => r.flaw === Flaw.NONE)
      .slice(0, 40);
    expect(valid.length).toBeGreaterThanOrEqual(15);
    for (const request of valid) {
      const json = JSON.parse(synthText(buildStack({ ...request, handoff: true }))) as Json;
      expect([JSON.stringify(request.props), secretLiterals(json)]).toEqual([
        JSON.stringify(request.props),
        [],
      ]);
      const outputs = Object.entries((json.output ?? {}) as Record<string, Json>).filter(([n]) =>
        n.endsWith("_customer_gateway_configuration"),
      );
      expect(outputs.length).toBe(request.props.secondCustomerEndpoint ? 2 : 1);
      expect(outputs.filter(([, o]) => o.sensitive !== true)).toEqual([]);
    }
  });
});
