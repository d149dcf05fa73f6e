/**
 * Interop: the hand-off's Libreswan configurations (ipsec.conf, ipsec.secrets and the updown
 * script) loaded into Libreswan 4.10's pluto in a User-Mode Linux guest (Linux 6.1 with ESP, XFRM
 * and VTI: this host's kernel has no ESP, and Libreswan has no userspace ESP) against the AWS-side
 * strongSwan peer configured from the synthesized `aws_vpn_connection` (test/interop/aws-peer.ts).
 * Scenarios: the default example (cloud.gov IKEv1 profile) and multi-environment's production
 * connection (strict IKEv2 profile; AWS initiates). Run by `npm run interop` (and .ci/run).
 *
 * Needs root and the packages .ci/run installs; otherwise one loud SKIPPED line (a failure under
 * `npm run interop`).
 */
import { TerraformOutput, Testing } from "cdktf";
import { CustomerDevice, PrivateEgressHandoff, renderDeviceConfig } from "../../lib";
import { DefaultExampleStack } from "../../examples/default/stack";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { LibreswanInput, LibreswanResult, libreswanRow, runLibreswanScenario } from "./libreswan-scenario";
import { libreswanGuestMissing } from "./uml";
import type { TerraformStack } from "cdktf";

const missing = libreswanGuestMissing();
if (missing && process.env.PE_INTEROP_REQUIRED === "1") {
  throw new Error(`npm run interop cannot run the Libreswan scenarios: ${missing}`);
}
const optedOut = process.env.PE_INTEROP_REQUIRED !== "1" ? "run `npm run interop` for them" : undefined;
if (missing || optedOut) {
  console.warn(
    `\n!!! INTEROP SKIPPED: ${missing ?? optedOut}. The Libreswan (User-Mode Linux) scenarios did NOT run. !!!\n`,
  );
}
const suite = missing || optedOut ? describe.skip : describe;

/** The stack's connection rendered for Libreswan, as outputs of the stack (Terraform templates). */
export function libreswanInput(
  tag: string,
  label: string,
  stack: TerraformStack,
  customerHost: string,
): LibreswanInput {
  const handoff = stack.node.findChild("Handoff") as PrivateEgressHandoff;
  const connection = {
    ...handoff.connections[0],
    device: CustomerDevice.LIBRESWAN,
    customerEndpointIp: "198.18.0.2",
  };
  const files = renderDeviceConfig(connection).files;
  new TerraformOutput(stack, "interop_ipsec_conf", { value: files[0].content });
  new TerraformOutput(stack, "interop_ipsec_secrets", { value: files[1].content });
  new TerraformOutput(stack, "interop_updown", { value: files[2].content });
  const json = JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
  const outputs = Object.keys(json.output as Record<string, unknown>);
  const first = (cidr: string) => cidr.replace(/\.0\/\d+$/, ".10");
  return {
    tag,
    label,
    stack: json,
    confOutput: outputs.find((k) => k.endsWith("interop_ipsec_conf")) as string,
    secretsOutput: outputs.find((k) => k.endsWith("interop_ipsec_secrets")) as string,
    updownOutput: outputs.find((k) => k.endsWith("interop_updown")) as string,
    customerHost,
    platformHosts: connection.platformCidrs.map(first),
    customerSelector: connection.customerCidrs[0],
    platformSelector: connection.platformCidrs[0].replace(/\.\d+\.0\/\d+$/, ".0.0/16"),
  };
}

suite("interop: Libreswan 4.10 customer configurations (UML guest) against the AWS-side peer", () => {
  const results: LibreswanResult[] = [];

  beforeAll(async () => {
    const inputs = [
      libreswanInput(
        "l1",
        "Libreswan, IKEv1 (default example, cloud.gov IKEv1)",
        new DefaultExampleStack(Testing.app(), "default"),
        "192.168.100.10",
      ),
      libreswanInput(
        "l2",
        "Libreswan, IKEv2 (multi-environment, strict)",
        createMultiEnvironmentStacks(Testing.app())[0],
        "172.20.10.10",
      ),
    ];
    results.push(...(await Promise.all(inputs.map((i) => runLibreswanScenario(i)))));
    console.log(
      `| config | loads | IKE | CHILD | traffic | rekeys both sides | failover | cleartext packets |\n|---|---|---|---|---|---|---|---|\n${results.map(libreswanRow).join("\n")}\n(wall time per scenario: ${results.map((r) => `${r.seconds} s`).join(", ")}; run concurrently)`,
    );
  }, 420000);

  const each = (name: string, check: (r: LibreswanResult) => void) =>
    it.each(["l1", "l2"])(`%s: ${name}`, (tag) => {
      const r = results[tag === "l1" ? 0 : 1];
      try {
        check(r);
      } catch (e) {
        throw new Error(
          `${(e as Error).message}\n${r.error ?? ""}\n--- pluto log ---\n${r.plutoLog.slice(-5000)}\n--- AWS peer log ---\n${r.awsLog.slice(-2500)}\n--- guest ---\n${r.guestLog.slice(-2500)}`,
        );
      }
    });

  each("ran without a harness error", (r) => expect(r.error).toBeUndefined());
  each("loads with no warning (addconn --checkconfig, pluto)", (r) => {
    expect(r.checkconfig).toBe("exit 0: ");
    expect(r.loadWarnings).toEqual([]);
  });
  each("IKE and CHILD SAs up on both tunnels", (r) => {
    expect(r.ikeUp).toEqual([true, true]);
    expect(r.childUp).toEqual([true, true]);
  });
  each("ping from the customer CIDR reaches every dedicated subnet", (r) => {
    expect(Object.keys(r.pings).length).toBeGreaterThanOrEqual(2);
    expect(Object.values(r.pings).every(Boolean)).toBe(true);
  });
  each("forced rekeys from both sides keep the tunnels and the traffic", (r) => {
    expect(r.rekeyCustomer).toBe(true);
    expect(r.rekeyAws).toBe(true);
    expect(r.pingsAfterRekey).toBe(true);
  });
  each("fails over within DPD interval + timeout + margin when a tunnel's address is blackholed", (r) => {
    expect(r.failoverSeconds).toBeDefined();
    expect(r.failoverSeconds as number).toBeLessThanOrEqual(r.failoverBound);
    expect(r.pingsAfterFailover).toBe(true);
  });
  each("the customer's outside link carries only IKE and ESP", (r) => {
    expect(r.ikeEspPackets).toBeGreaterThan(10);
    expect(r.cleartextPackets).toEqual([]);
    expect(r.privateCleartext).toEqual([]);
  });
});
