/**
 * Interop: the hand-off's strongSwan configurations against a strongSwan peer configured as the
 * synthesized `aws_vpn_connection` (test/interop/aws-peer.ts), in two network namespaces per
 * scenario, with strongSwan 5.9 (Debian 12) and userspace ESP (kernel-libipsec). Scenarios:
 * the default example's connection (cloud.gov IKEv1 profile) and multi-environment's production
 * connection (strict IKEv2 profile; AWS initiates). Both run at once (~45-60 s wall time).
 *
 * Runs in `npm test` and `npm run interop`. Needs root and the packages .ci/run installs; otherwise
 * one loud SKIPPED line (a failure under `npm run interop`).
 */
import { TerraformOutput, Testing } from "cdktf";
import { CustomerDevice, PrivateEgressHandoff, renderDeviceConfig } from "../../lib";
import { DefaultExampleStack } from "../../examples/default/stack";
import { createMultiEnvironmentStacks } from "../../examples/multi-environment/stack";
import { strongSwanMissing } from "./netns";
import { runScenario, ScenarioInput, ScenarioResult, TABLE_HEADER, tableRow } from "./strongswan-scenario";
import type { TerraformStack } from "cdktf";

const missing = strongSwanMissing();
if (missing && process.env.PE_INTEROP_REQUIRED === "1") {
  throw new Error(`npm run interop cannot run: ${missing}`);
}
// part of npm test wherever the daemons are installed (CI installs them before the tests): about a
// minute of mostly DPD waiting, which the jest sequencer starts first so it overlaps the other worker
if (missing) {
  console.warn(`\n!!! INTEROP SKIPPED: ${missing}. The strongSwan host scenarios did NOT run. !!!\n`);
}
const suite = missing ? describe.skip : describe;

/** The stack's connection rendered for strongSwan, as outputs of the stack (Terraform templates). */
function strongSwanInput(
  tag: string,
  label: string,
  stack: TerraformStack,
  customerHost: string,
): ScenarioInput {
  const handoff = stack.node.findChild("Handoff") as PrivateEgressHandoff;
  const connection = {
    ...handoff.connections[0],
    device: CustomerDevice.STRONGSWAN,
    customerEndpointIp: "198.18.0.2",
  };
  const files = renderDeviceConfig(connection).files;
  new TerraformOutput(stack, "interop_swanctl", { value: files[0].content });
  new TerraformOutput(stack, "interop_charon", { value: files[1].content });
  const json = JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
  const outputs = json.output as Record<string, unknown>;
  const first = (cidr: string) => cidr.replace(/\.0\/\d+$/, ".10");
  return {
    tag,
    label,
    stack: json,
    swanctlOutput: Object.keys(outputs).find((k) => k.endsWith("interop_swanctl")) as string,
    charonOutput: Object.keys(outputs).find((k) => k.endsWith("interop_charon")) as string,
    customerHost,
    platformHosts: connection.platformCidrs.map(first),
    customerSelector: connection.customerCidrs[0],
    platformSelector: connection.platformCidrs[0].replace(/\.\d+\.0\/\d+$/, ".0.0/16"),
  };
}

suite("interop: strongSwan 5.9 customer configurations against the AWS-side peer", () => {
  const results: ScenarioResult[] = [];

  beforeAll(async () => {
    const inputs = [
      strongSwanInput(
        "v1",
        "strongSwan, IKEv1 (default example, cloud.gov IKEv1)",
        new DefaultExampleStack(Testing.app(), "default"),
        "192.168.100.10",
      ),
      strongSwanInput(
        "v2",
        "strongSwan, IKEv2 (multi-environment, strict)",
        createMultiEnvironmentStacks(Testing.app())[0],
        "172.20.10.10",
      ),
    ];
    results.push(...(await Promise.all(inputs.map((i) => runScenario(i)))));
    console.log(
      `${TABLE_HEADER}\n${results.map(tableRow).join("\n")}\n(wall time per scenario: ${results.map((r) => `${r.seconds} s`).join(", ")}; run concurrently)`,
    );
  }, 240000);

  const each = (name: string, check: (r: ScenarioResult) => void) =>
    it.each(["v1", "v2"])(`%s: ${name}`, (tag) => {
      const r = results[tag === "v1" ? 0 : 1];
      try {
        check(r);
      } catch (e) {
        throw new Error(
          `${(e as Error).message}\n${r.error ?? ""}\n--- customer charon log ---\n${r.customerLog.slice(-4000)}\n--- AWS peer log ---\n${r.awsLog.slice(-3000)}`,
        );
      }
    });

  each("ran without a harness error", (r) => expect(r.error).toBeUndefined());
  each("loads with no warning", (r) => {
    expect(r.loadOutput).toMatch(/successfully loaded 2 connections/);
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
  each("the customer's outside link carries only IKE and ESP, and nothing when the tunnels are down", (r) => {
    expect(r.ikeEspPackets).toBeGreaterThan(10);
    expect(r.cleartextPackets).toEqual([]);
    expect(r.privateCleartext).toEqual([]);
    expect(r.droppedWhenDown).toBe(true);
  });
});
