/**
 * A user-provided service's credentials, evaluated by the real terraform (`terraform console`): a
 * token value is one JSON string value whatever it holds, never JSON spliced into the text.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformVariable } from "cdktf";
import { Space } from "../../lib/cloudfoundry/org-space";
import { UserProvidedService } from "../../lib/cloudfoundry/user-provided-service";
import { newStack } from "../cloudfoundry/helpers";
import { synthJson, SynthJson } from "../support/synth";
import { terraformAvailability } from "../support/terraform";
import { describeTerraform } from "../support/terraform-suite";

const PASSWORD = 'x","username":"admin';

/** What terraform makes of the synthesized `credentials`, with `var.password` set to PASSWORD. */
function evaluated(credentials: string): unknown {
  const tf = terraformAvailability();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-ups-"));
  try {
    fs.writeFileSync(
      path.join(dir, "main.tf.json"),
      // the synthesized value, where the provider would read it: a string of Terraform's JSON syntax
      JSON.stringify({ variable: { password: { type: "string" } }, locals: { credentials } }),
    );
    const r = spawnSync(tf.binary as string, ["console", "-no-color"], {
      cwd: dir,
      input: "local.credentials\n",
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_VAR_password: PASSWORD },
    });
    if (r.status !== 0) throw new Error(`terraform console failed: ${r.stderr}`);
    // console prints a string result quoted (HCL escapes, a superset of JSON's for this text)
    const text = r.stdout.trim();
    const body = text.startsWith("<<EOT")
      ? text.split("\n").slice(1, -1).join("\n")
      : (JSON.parse(text) as string);
    return JSON.parse(body);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeTerraform("UserProvidedService credentials through terraform", () => {
  test("a token holding JSON syntax stays one value: the password cannot override the username", () => {
    const stack = newStack();
    const password = new TerraformVariable(stack, "password", { type: "string", sensitive: true });
    const space = Space.fromSpaceId(stack, "Space", "6f1b2c3d-1111-4222-8333-944455556666");
    new UserProvidedService(stack, "Db", {
      space,
      name: "db",
      credentials: { username: "svc", password: password.stringValue, port: 5432 },
    });
    const json = synthJson(stack);
    const credentials = String(
      (Object.values(json.resource.cloudfoundry_service_instance)[0] as SynthJson).credentials,
    );
    expect(credentials).toContain("var.password");
    expect(evaluated(credentials)).toEqual({ username: "svc", password: PASSWORD, port: 5432 });
  });

  test("literal credentials stay plain JSON text", () => {
    const stack = newStack();
    const space = Space.fromSpaceId(stack, "Space", "6f1b2c3d-1111-4222-8333-944455556666");
    UserProvidedService.forPrivateService(stack, "Svc", space, {
      name: "hello",
      host: "192.168.100.30",
      port: 8080,
    });
    const json = synthJson(stack);
    const credentials = String(
      (Object.values(json.resource.cloudfoundry_service_instance)[0] as SynthJson).credentials,
    );
    expect(credentials).toBe('{"host":"192.168.100.30","port":8080}');
    expect(evaluated(credentials)).toEqual({ host: "192.168.100.30", port: 8080 });
  });
});
