/**
 * The two-tenants injection of issue #11: tenant B names a space after a Terraform expression that
 * reads tenant A's pre-shared keys. Through the constructs the request is refused at synth; written
 * in by an escape hatch (or a raw resource), PE-TF-001 fails the Aspect and `check` in every profile.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Testing } from "cdktf";
import {
  CustomerDevice,
  PolicyPack,
  PolicyProfile,
  PrivateEgressEnvironment,
  PrivateEgressError,
} from "../../lib";
import { runCheck } from "../../lib/cli/check";
import { liveTemplates } from "../../lib/checks/rules/terraform-template-injection";
import { TENANT_B, TwoTenantsStack } from "../../examples/two-tenants/stack";

function payload(vpnAddress: string): string {
  return `reports-\${regex("<pre_shared_key>([^<]*)", nonsensitive(${vpnAddress}.customer_gateway_configuration))[0]}`;
}

/** tenant A's VPN connection address in a synthesized two-tenants stack. */
function treasuryVpn(stack: TwoTenantsStack): string {
  return `aws_vpn_connection.${stack.tenantA.vpnConnections[0].resource.friendlyUniqueId}`;
}

describe("the two-tenants injection", () => {
  test("fails when tenant B's request names a space with the payload: refused at synth (PE-INPUT-006, tenant.spaces[1])", () => {
    const stack = new TwoTenantsStack(Testing.app(), "two");
    const name = payload(treasuryVpn(stack));
    let error: unknown;
    try {
      new PrivateEgressEnvironment(stack, "Intruder", {
        tenant: { org: "intruder-prod", spaces: ["permits", name] },
        customerEndpoint: { ip: "18.188.145.150", device: CustomerDevice.LIBRESWAN },
        privateCidrs: ["192.168.30.0/24"],
        expectedApps: 5,
        vpc: stack.tenantA.network.vpc,
        internetGateway: stack.tenantA.network.internetGateway,
        vpnGateway: stack.tenantA.vpnGateway,
        availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrivateEgressError);
    expect((error as PrivateEgressError).prop).toBe("tenant.spaces[1]");
    expect((error as PrivateEgressError).message).toContain(
      '[PE-INPUT-006] `tenant.spaces[1]` "reports-${regex(',
    );
    expect((error as PrivateEgressError).message).toContain("contains Terraform template syntax `${`");
  });

  describe.each([PolicyProfile.FEDERAL_STRICT, PolicyProfile.CLOUD_GOV_COMPAT])(
    "GIVEN the payload written in by an escape hatch, profile %s",
    (profile) => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-injection-"));
      afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
      const app = new App({ outdir });
      const stack = new TwoTenantsStack(app, "private-egress-two-tenants");
      const reports = stack.tenantB.spaces.find((s) => s.spaceName === TENANT_B.spaces[1]);
      reports?.resource.addOverride("name", payload(treasuryVpn(stack)));
      const vpnAddress = treasuryVpn(stack);

      test("fails the Aspect: a PE-TF-001 error annotation names nonsensitive", () => {
        PolicyPack.applyTo(app, { profile });
        expect(() => app.synth()).toThrow(/PE-TF-001/);
        const errors = stack.node
          .findAll()
          .flatMap((c) => c.node.metadata)
          .filter((m) => m.type === "@cdktf/error")
          .map((m) => String(m.data));
        expect(errors.filter((e) => e.startsWith("[PE-TF-001] "))).toEqual([
          expect.stringContaining("`name` calls `nonsensitive(...)`"),
        ]);
      });

      test("fails `check` with exit code 1 and the finding", () => {
        // the JSON as written before the Aspect failed: synthesize without the pack
        const plain = new App({ outdir });
        const again = new TwoTenantsStack(plain, "private-egress-two-tenants");
        const space = again.tenantB.spaces.find((s) => s.spaceName === TENANT_B.spaces[1]);
        space?.resource.addOverride("name", payload(vpnAddress));
        plain.synth();
        const out: string[] = [];
        const code = runCheck(["check", outdir, "--profile", profile], {
          out: (l) => out.push(l),
          err: (l) => out.push(l),
        });
        expect(code).toBe(1);
        expect(out.join("\n")).toContain("[PE-TF-001] cloudfoundry_space.");
        expect(out.join("\n")).toContain("calls `nonsensitive(...)`");
      });
    },
  );
});

describe("PE-TF-001's reading of templates", () => {
  test("escapes are literal text; live interpolations and directives are found", () => {
    expect(liveTemplates("a $${x} %%{if} b")).toEqual({ interpolations: [], directive: false });
    expect(liveTemplates('a ${file("x")} b')).toEqual({ interpolations: ['file("x")'], directive: false });
    expect(liveTemplates("%{if true}y%{endif}").directive).toBe(true);
    expect(liveTemplates("${a[{b}]}").interpolations).toEqual(["a[{b}]"]);
  });

  test("fails when a resource of one environment references another environment's VPN connection", () => {
    const app = Testing.app();
    const stack = new TwoTenantsStack(app, "two");
    const reports = stack.tenantB.spaces[1];
    reports.resource.addOverride("name", `x-\${${treasuryVpn(stack)}.id}`);
    PolicyPack.applyTo(stack, { profile: PolicyProfile.FEDERAL_STRICT });
    expect(() => Testing.fullSynth(stack)).toThrow(
      /references `aws_vpn_connection\..*` of another environment/,
    );
  });
});
