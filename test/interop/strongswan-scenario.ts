/**
 * One strongSwan host scenario: an example stack's synthesized `aws_vpn_connection` drives the AWS
 * peer; the hand-off's rendered strongSwan files (as Terraform would render the output: the
 * interpolations filled with the test topology's addresses) are loaded as they are into the
 * customer's charon. The scenario records what happened; the test asserts on the record.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { awsPeerCharonSettings, awsPeerSwanctl, awsTunnel } from "./aws-peer";
import { ADDR, Capture, Charon, outBytes, parseSas, rekeyed, sleep, Topology, tryRun } from "./netns";

type Json = Record<string, unknown>;

export interface ScenarioInput {
  /** Short tag (namespace and interface names). */
  readonly tag: string;
  /** Label in the result table. */
  readonly label: string;
  /** The synthesized stack JSON. */
  readonly stack: Json;
  /** Output names of the rendered swanctl.conf and strongswan-aws.conf in the stack. */
  readonly swanctlOutput: string;
  readonly charonOutput: string;
  /** One host address in each customer CIDR and each platform (dedicated) subnet. */
  readonly customerHost: string;
  readonly platformHosts: string[];
  /** The selector pair, to find private traffic in the capture. */
  readonly customerSelector: string;
  readonly platformSelector: string;
}

export interface ScenarioResult {
  readonly label: string;
  loadOutput: string;
  loadWarnings: string[];
  ikeUp: [boolean, boolean];
  childUp: [boolean, boolean];
  pings: Record<string, boolean>;
  rekeyCustomer: boolean;
  rekeyAws: boolean;
  pingsAfterRekey: boolean;
  /** Seconds from the rekey commands until both tunnels showed new IKE and CHILD SAs. */
  rekeySeconds?: number;
  blackholedTunnel?: 1 | 2;
  failoverSeconds?: number;
  failoverBound: number;
  pingsAfterFailover: boolean;
  cleartextPackets: string[];
  privateCleartext: string[];
  ikeEspPackets: number;
  droppedWhenDown: boolean;
  error?: string;
  seconds: number;
  customerLog: string;
  awsLog: string;
}

/** Fills a Terraform string template the way apply would, for the test topology. */
export function renderTemplate(template: string, psk: [string, string]): string {
  const filled = template.replace(/(?<!\$)\$\{([^}]*)\}/g, (_m, expr: string) => {
    const t = /^aws_vpn_connection\.[^.]+\.tunnel([12])_address$/.exec(expr.trim());
    if (t) return ADDR.tunnelOutside[Number(t[1]) - 1];
    if (/(\.arn|_arn)$/.test(expr.trim())) return "arn:aws:secretsmanager:us-east-1:000000000000:secret:test";
    throw new Error(`unexpected interpolation \${${expr}} in a rendered device configuration`);
  });
  if (/(?<!%)%\{/.test(filled))
    throw new Error("unexpected template directive in a rendered device configuration");
  const text = filled.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
  return text.replace(/%\{PSK tunnel ([12]) from [^}]*\}/g, (_m, n: string) => psk[Number(n) - 1]);
}

function vpnResource(stack: Json): Json {
  const all = ((stack.resource as Json)?.aws_vpn_connection ?? {}) as Record<string, Json>;
  const first = Object.values(all)[0];
  if (!first) throw new Error("no aws_vpn_connection in the stack");
  return first;
}

const WARNING = /warn|invalid|unknown|failed|error|ignor|deprecat|discard/i;

async function waitUp(charon: Charon, names: [string, string], seconds: number) {
  let sas = parseSas("");
  for (let i = 0; i < seconds * 4; i++) {
    sas = parseSas(await charon.swanctl("--list-sas"));
    if (names.every((n) => sas[n]?.ike === "ESTABLISHED" && sas[n]?.child === "INSTALLED")) break;
    await sleep(250);
  }
  return sas;
}

async function ping(top: Topology, from: string, to: string, wait = 2): Promise<boolean> {
  const r = await tryRun("ip", [
    "netns",
    "exec",
    top.c,
    "ping",
    "-n",
    "-c",
    "1",
    "-W",
    String(wait),
    "-I",
    from,
    to,
  ]);
  return r.ok;
}

async function pingAll(top: Topology, input: ScenarioInput): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const h of input.platformHosts) {
    // Two tries: the first packet may race a just-installed SA.
    out[h] = (await ping(top, input.customerHost, h)) || (await ping(top, input.customerHost, h));
  }
  return out;
}

/** Runs the scenario end to end; never throws (errors land in `error`). */
export async function runScenario(input: ScenarioInput): Promise<ScenarioResult> {
  const t0 = Date.now();
  const resource = vpnResource(input.stack);
  const tunnels = [awsTunnel(resource, 1), awsTunnel(resource, 2)];
  const failoverBound = 10 + Math.max(tunnels[0].dpdTimeout, tunnels[1].dpdTimeout) + 10;
  const result: ScenarioResult = {
    label: input.label,
    loadOutput: "",
    loadWarnings: [],
    ikeUp: [false, false],
    childUp: [false, false],
    pings: {},
    rekeyCustomer: false,
    rekeyAws: false,
    pingsAfterRekey: false,
    failoverBound,
    pingsAfterFailover: false,
    cleartextPackets: [],
    privateCleartext: [],
    ikeEspPackets: 0,
    droppedWhenDown: false,
    seconds: 0,
    customerLog: "",
    awsLog: "",
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pe18-${input.tag}-`));
  const psk: [string, string] = [
    `interop-psk-one-${input.tag}-0123456789`,
    `interop-psk-two-${input.tag}-0123456789`,
  ];
  const top = new Topology(input.tag);
  const ts = { customer: input.customerSelector, platform: input.platformSelector };
  const outputs = input.stack.output as Record<string, { value: string }>;
  const swanctl = renderTemplate(outputs[input.swanctlOutput].value, psk);
  const charonConf = renderTemplate(outputs[input.charonOutput].value, psk);
  fs.mkdirSync(path.join(dir, "customer"), { recursive: true });
  fs.writeFileSync(path.join(dir, "customer", "swanctl.conf"), swanctl, { mode: 0o600 });
  fs.writeFileSync(path.join(dir, "strongswan-aws.conf"), charonConf);
  fs.mkdirSync(path.join(dir, "aws"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "aws", "swanctl.conf"),
    awsPeerSwanctl(resource, {
      customerOutside: ADDR.customerOutside,
      tunnelOutside: ADDR.tunnelOutside,
      psk,
    }),
  );
  fs.writeFileSync(path.join(dir, "aws-settings.conf"), awsPeerCharonSettings(resource));
  const customer = new Charon(top.c, path.join(dir, "customer"), path.join(dir, "strongswan-aws.conf"));
  const aws = new Charon(top.a, path.join(dir, "aws"), path.join(dir, "aws-settings.conf"));
  const capture = new Capture(top.c, top.cIf, path.join(dir, "outside.pcap"));
  const customerNames = [...swanctl.matchAll(/^ {4}(\S+-tunnel[12]) \{$/gm)]
    .map((m) => m[1])
    .filter((n) => !n.startsWith("ike-"));
  if (customerNames.length !== 2) throw new Error(`expected two connections in the rendered swanctl.conf`);
  const names: [string, string] = [customerNames[0], customerNames[1]];
  const awsNames: [string, string] = ["aws-tunnel1", "aws-tunnel2"];
  try {
    await top.create([input.customerHost], input.platformHosts);
    // The host setup the rendered file's header asks for, run exactly as written there.
    for (const m of swanctl.matchAll(/^#\s+(ip route add blackhole \S+)$/gm)) {
      await top.ns("c", m[1].split(" "));
    }
    await capture.start();
    await aws.start();
    await customer.start();
    // Whoever initiates is loaded last: AWS's configuration exists before a customer initiates,
    // and with startup action `start` the customer's is in place before AWS initiates.
    const awsInitiates = tunnels.some((t) => t.startup === "start");
    if (!awsInitiates) await aws.load(path.join(dir, "aws", "swanctl.conf"));
    result.loadOutput = await customer.load(path.join(dir, "customer", "swanctl.conf"));
    if (awsInitiates) await aws.load(path.join(dir, "aws", "swanctl.conf"));
    result.loadWarnings = result.loadOutput.split("\n").filter((l) => WARNING.test(l));

    const sas = await waitUp(customer, names, 20);
    await waitUp(aws, awsNames, 5);
    result.ikeUp = [sas[names[0]]?.ike === "ESTABLISHED", sas[names[1]]?.ike === "ESTABLISHED"];
    result.childUp = [sas[names[0]]?.child === "INSTALLED", sas[names[1]]?.child === "INSTALLED"];
    result.pings = await pingAll(top, input);

    // Forced rekeys: IKE and CHILD of tunnel 1 from the customer, of tunnel 2 from the AWS peer.
    const before = await customer.swanctl("--list-sas");
    await customer.swanctl("--rekey", "--ike", names[0]);
    await customer.swanctl("--rekey", "--child", names[0]);
    await aws.swanctl("--rekey", "--ike", awsNames[1]);
    await aws.swanctl("--rekey", "--child", awsNames[1]);
    // Wait until both rekeys have completed, not a fixed time: the SAs of before stay up (and
    // listed) next to their replacements, so "both tunnels up" says nothing about the rekeys. A
    // rekey may need an IKE retransmit (5 s here: a Main Mode packet lost while both peers start one
    // at once was the failure seen in 3 of 10 runs), so the wait covers the peers' retransmits up to
    // the DPD timeout; a rekey that has not completed by then fails the check.
    const rekeyStart = Date.now();
    const rekeyDeadline = rekeyStart + Math.min(tunnels[0].dpdTimeout, tunnels[1].dpdTimeout) * 1000;
    let after = before;
    do {
      await sleep(250);
      after = await customer.swanctl("--list-sas");
    } while (
      !(rekeyed(before, after, names[0]) && rekeyed(before, after, names[1])) &&
      Date.now() < rekeyDeadline
    );
    result.rekeySeconds = Math.round((Date.now() - rekeyStart) / 100) / 10;
    result.rekeyCustomer = rekeyed(before, after, names[0]);
    result.rekeyAws = rekeyed(before, after, names[1]);
    result.pingsAfterRekey = Object.values(await pingAll(top, input)).every(Boolean);

    // Failover: blackhole the outside address of the tunnel that carries the customer's packets.
    const out0 = outBytes(await customer.swanctl("--list-sas"));
    await ping(top, input.customerHost, input.platformHosts[0]);
    const out1 = outBytes(await customer.swanctl("--list-sas"));
    const grew = names.map((n) => (out1[n] ?? 0) > (out0[n] ?? 0));
    if (grew[0] === grew[1])
      throw new Error(`cannot tell the tunnel carrying traffic: ${JSON.stringify([out0, out1])}`);
    const active: 1 | 2 = grew[0] ? 1 : 2;
    result.blackholedTunnel = active;
    const cut = Date.now();
    await top.blackhole(active);
    const deadline = cut + (failoverBound + 20) * 1000;
    while (Date.now() < deadline) {
      if (await ping(top, input.customerHost, input.platformHosts[0], 1)) {
        result.failoverSeconds = Math.round((Date.now() - cut) / 100) / 10;
        break;
      }
      await sleep(500);
    }
    result.pingsAfterFailover = Object.values(await pingAll(top, input)).every(Boolean);

    // Both tunnels gone (the customer's charon stops and removes its SAs and routes): the platform
    // must be unreachable, never reached in cleartext over the default route.
    await customer.stop();
    await sleep(500);
    result.droppedWhenDown = !(await ping(top, input.customerHost, input.platformHosts[0], 1));
  } catch (e) {
    result.error = (e as Error).message;
  } finally {
    await capture.stop();
    await customer.stop();
    await aws.stop();
    try {
      // Anything but IKE, ESP (in UDP 4500 with kernel-libipsec) and ARP; ICMP unreachable for an
      // IKE port (a stopped daemon) is allowed, it carries no private traffic.
      result.cleartextPackets = await capture.packets(
        "not arp and not (udp port 500 or udp port 4500 or ip proto 50) and not (icmp[icmptype] == icmp-unreach and src host 198.18.0.2)",
      );
      result.privateCleartext = await capture.packets(`net ${ts.customer} or net ${ts.platform}`);
      result.ikeEspPackets = (await capture.packets("udp port 500 or udp port 4500 or ip proto 50")).length;
    } catch (e) {
      result.error = `${result.error ?? ""} capture: ${(e as Error).message}`;
    }
    result.customerLog = customer.log;
    result.awsLog = aws.log;
    await top.destroy();
    result.seconds = Math.round((Date.now() - t0) / 100) / 10;
    if (!process.env.PE_INTEROP_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** The result table row of a scenario. */
export function tableRow(r: ScenarioResult): string {
  const yn = (b: boolean) => (b ? "yes" : "no");
  const both = (p: [boolean, boolean]) => (p[0] && p[1] ? "both" : p[0] || p[1] ? "one" : "no");
  const pings = Object.values(r.pings);
  return `| ${r.label} | ${yn(r.loadWarnings.length === 0 && r.loadOutput.includes("loaded connection"))} | ${both(r.ikeUp)} | ${both(r.childUp)} | ${pings.filter(Boolean).length}/${pings.length} subnets | ${yn(r.rekeyCustomer && r.rekeyAws && r.pingsAfterRekey)} (${r.rekeySeconds ?? "-"} s) | ${r.failoverSeconds ?? "none"} s (bound ${r.failoverBound} s, tunnel ${r.blackholedTunnel} cut) | ${r.cleartextPackets.length + r.privateCleartext.length} |`;
}

export const TABLE_HEADER =
  "| config | loads | IKE | CHILD | traffic | rekeys both sides | failover | cleartext packets |\n|---|---|---|---|---|---|---|---|";
