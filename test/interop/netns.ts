/**
 * Network namespaces, strongSwan daemons and packet captures for the interop test. Every scenario
 * gets two namespaces joined by one veth pair: the customer's outside link. Addresses are test
 * addresses from 198.18.0.0/15 for the outside link; the customer and platform CIDRs of the example
 * live on the namespaces' loopbacks. Neither namespace has a link to the host: nothing routes out.
 */
import { ChildProcess, execFile, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** Runs a command; resolves with stdout+stderr, rejects with them on a non-zero exit. */
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout: 60000 }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (err) reject(new Error(`${cmd} ${args.join(" ")}: ${err.message}\n${out}`));
      else resolve(out);
    });
  });
}

/** Like `run`, but resolves with the exit status instead of rejecting. */
export function tryRun(
  cmd: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ ok: boolean; out: string }> {
  return run(cmd, args, env).then(
    (out) => ({ ok: true, out }),
    (e: Error) => ({ ok: false, out: e.message }),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a process to exit, at most `ms`; the timer never outlives the wait. */
function exited(proc: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    proc.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Why the strongSwan host scenarios cannot run here, or undefined when they can. */
export function strongSwanMissing(): string | undefined {
  if (process.platform !== "linux") return "not Linux";
  if (typeof process.getuid === "function" && process.getuid() !== 0) return "not root (network namespaces)";
  const need = [
    "/usr/lib/ipsec/charon",
    "/usr/sbin/swanctl",
    "/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so",
    "/usr/lib/ipsec/plugins/libstrongswan-openssl.so",
    "/usr/lib/ipsec/plugins/libstrongswan-gcm.so",
    "/usr/bin/tcpdump",
    "/usr/bin/unshare",
  ];
  const missing = need.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) return `missing ${missing.join(", ")} (apt-get install: see .ci/run)`;
  if (!fs.existsSync("/dev/net/tun")) return "no /dev/net/tun (kernel-libipsec needs TUN)";
  return undefined;
}

/** The fixed addresses of every scenario's topology. */
export const ADDR = {
  customerOutside: "198.18.0.2",
  link: "198.18.0.1",
  tunnelOutside: ["198.18.1.1", "198.18.1.2"] as [string, string],
};

/** One scenario's two namespaces. */
export class Topology {
  readonly c: string;
  readonly a: string;
  readonly cIf: string;
  readonly aIf: string;

  constructor(readonly tag: string) {
    this.c = `pe18-${tag}-c`;
    this.a = `pe18-${tag}-a`;
    this.cIf = `p18${tag}c`;
    this.aIf = `p18${tag}a`;
  }

  /** Runs a command in a namespace. */
  ns(which: "c" | "a", args: string[]): Promise<string> {
    return run("ip", ["netns", "exec", which === "c" ? this.c : this.a, ...args]);
  }

  async create(customerHosts: string[], platformHosts: string[]): Promise<void> {
    await this.destroy();
    const ip = (...args: string[]) => run("ip", args);
    await ip("netns", "add", this.c);
    await ip("netns", "add", this.a);
    for (const n of [this.c, this.a]) {
      await run("ip", ["netns", "exec", n, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1"]);
      await run("ip", ["netns", "exec", n, "sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1"]);
      await ip("-n", n, "link", "set", "lo", "up");
    }
    await ip("link", "add", this.cIf, "type", "veth", "peer", "name", this.aIf);
    await ip("link", "set", this.cIf, "netns", this.c);
    await ip("link", "set", this.aIf, "netns", this.a);
    await ip("-n", this.c, "addr", "add", `${ADDR.customerOutside}/24`, "dev", this.cIf);
    await ip("-n", this.a, "addr", "add", `${ADDR.link}/24`, "dev", this.aIf);
    for (const t of ADDR.tunnelOutside) await ip("-n", this.a, "addr", "add", `${t}/32`, "dev", this.aIf);
    await ip("-n", this.c, "link", "set", this.cIf, "up");
    await ip("-n", this.a, "link", "set", this.aIf, "up");
    // Default routes both ways over the outside link: a packet that escapes IPsec would leave in
    // cleartext and be seen by the capture (and even answered).
    await ip("-n", this.c, "route", "add", "default", "via", ADDR.link);
    await ip("-n", this.a, "route", "add", "default", "via", ADDR.customerOutside);
    for (const h of customerHosts) await ip("-n", this.c, "addr", "add", `${h}/32`, "dev", "lo");
    for (const h of platformHosts) await ip("-n", this.a, "addr", "add", `${h}/32`, "dev", "lo");
  }

  async destroy(): Promise<void> {
    await tryRun("ip", ["netns", "del", this.c]);
    await tryRun("ip", ["netns", "del", this.a]);
  }

  /** Cuts tunnel `n`'s outside address both ways (customer route, AWS source rule). */
  async blackhole(n: 1 | 2): Promise<void> {
    const t = ADDR.tunnelOutside[n - 1];
    await run("ip", ["-n", this.c, "route", "add", "blackhole", `${t}/32`]);
    await run("ip", ["-n", this.a, "rule", "add", "from", t, "blackhole", "prio", "100"]);
  }
}

/** A charon running in a namespace, in its own mount namespace (its own /run), with its own vici. */
export class Charon {
  readonly dir: string;
  readonly vici: string;
  private proc?: ChildProcess;

  constructor(
    readonly namespace: string,
    dir: string,
    private readonly include?: string,
  ) {
    this.dir = dir;
    this.vici = `unix://${path.join(dir, "charon.vici")}`;
  }

  get log(): string {
    const f = path.join(this.dir, "charon.log");
    return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "";
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    for (const d of [
      "x509",
      "x509ca",
      "x509ocsp",
      "x509aa",
      "x509ac",
      "x509crl",
      "pubkey",
      "private",
      "rsa",
      "ecdsa",
      "bliss",
      "pkcs8",
      "pkcs12",
      "conf.d",
    ]) {
      fs.mkdirSync(path.join(this.dir, d), { recursive: true });
    }
    const conf = [
      "charon {",
      // The host's setup, not the rendered files': userspace ESP (this kernel has none).
      "  load = random nonce aes sha1 sha2 hmac gcm openssl kdf pem pkcs1 pubkey gmp kernel-libipsec kernel-netlink socket-default vici updown",
      "  load_modular = no",
      `  plugins { vici { socket = ${this.vici} } }`,
      "  filelog {",
      `    log { path = ${path.join(this.dir, "charon.log")}`,
      "      default = 1",
      "      ike = 1",
      "      cfg = 1",
      "      time_format = %s",
      "      ike_name = yes",
      "      flush_line = yes",
      "    }",
      "  }",
      "  syslog { daemon { default = -1 } }",
      "}",
      "swanctl { load = random openssl pem pkcs1 x509 pubkey }",
      ...(this.include ? [`include ${this.include}`] : []),
      "",
    ].join("\n");
    fs.writeFileSync(path.join(this.dir, "strongswan.conf"), conf);
    this.proc = spawn(
      "ip",
      [
        "netns",
        "exec",
        this.namespace,
        "unshare",
        "-m",
        "sh",
        "-c",
        "mount -t tmpfs tmpfs /run && exec /usr/lib/ipsec/charon",
      ],
      { env: { ...process.env, STRONGSWAN_CONF: path.join(this.dir, "strongswan.conf") }, stdio: "ignore" },
    );
    for (let i = 0; i < 50; i++) {
      if (fs.existsSync(path.join(this.dir, "charon.vici"))) return;
      await sleep(100);
    }
    throw new Error(`charon in ${this.namespace} did not start:\n${this.log}`);
  }

  swanctl(...args: string[]): Promise<string> {
    return run("swanctl", [...args, "--uri", this.vici], {
      STRONGSWAN_CONF: path.join(this.dir, "strongswan.conf"),
    });
  }

  /** Loads a swanctl.conf; returns swanctl's output. */
  load(file: string): Promise<string> {
    return this.swanctl("--load-all", "--file", file);
  }

  async stop(): Promise<void> {
    if (!this.proc || this.proc.exitCode !== null) return;
    const done = exited(this.proc, 5000);
    this.proc.kill("SIGTERM");
    await done;
    if (this.proc.exitCode === null) this.proc.kill("SIGKILL");
  }
}

/** One SA listing: per IKE SA name, its state and its children's state and SPIs/counters. */
export interface SaState {
  readonly ike: string;
  readonly child?: string;
  readonly spiIn?: string;
  readonly spiOut?: string;
  readonly bytesOut: number;
  readonly ikeSpi: string;
}

/** Parses `swanctl --list-sas` text output (one IKE SA per top-level entry; first child). */
export function parseSas(text: string): Record<string, SaState> {
  const out: Record<string, SaState> = {};
  let current: string | undefined;
  let entry:
    | { ike: string; child?: string; spiIn?: string; spiOut?: string; bytesOut: number; ikeSpi: string }
    | undefined;
  for (const l of text.split("\n")) {
    const top = /^(\S+): #\d+, (\w+), IKEv\d, (\S+)/.exec(l);
    if (top) {
      current = top[1];
      // Keep an ESTABLISHED SA over a CONNECTING/DELETING one of the same name.
      if (out[current]?.ike === "ESTABLISHED" && top[2] !== "ESTABLISHED") {
        entry = undefined;
        continue;
      }
      entry = { ike: top[2], bytesOut: 0, ikeSpi: top[3] };
      out[current] = entry;
      continue;
    }
    if (!entry) continue;
    const child = /^\s+\S+: #\d+, reqid \d+, (\w+),/.exec(l);
    if (child && (entry.child === undefined || (entry.child !== "INSTALLED" && child[1] === "INSTALLED"))) {
      entry.child = child[1];
      entry.spiIn = undefined;
      entry.spiOut = undefined;
      continue;
    }
    const spi = /^\s+(in|out)\s+([0-9a-f]{8}),\s+(\d+) bytes/.exec(l);
    if (spi && entry.child === "INSTALLED") {
      if (spi[1] === "in" && entry.spiIn === undefined) entry.spiIn = spi[2];
      if (spi[1] === "out" && entry.spiOut === undefined) {
        entry.spiOut = spi[2];
        entry.bytesOut = Number(spi[3]);
      }
    }
  }
  return out;
}

/** Every IKE SA of a `swanctl --list-sas` listing: name, state, IKE SPI, and its CHILD_SAs. */
export function listSas(
  text: string,
): { name: string; ike: string; ikeSpi: string; children: { state: string; spiIn?: string }[] }[] {
  const out: ReturnType<typeof listSas> = [];
  for (const l of text.split("\n")) {
    const top = /^(\S+): #\d+, (\w+), IKEv\d, (\S+)/.exec(l);
    if (top) {
      out.push({ name: top[1], ike: top[2], ikeSpi: top[3], children: [] });
      continue;
    }
    const current = out[out.length - 1];
    if (!current) continue;
    const child = /^\s+\S+: #\d+, reqid \d+, (\w+),/.exec(l);
    if (child) {
      current.children.push({ state: child[1] });
      continue;
    }
    const spi = /^\s+in\s+([0-9a-f]{8}),/.exec(l);
    const last = current.children[current.children.length - 1];
    if (spi && last && last.spiIn === undefined) last.spiIn = spi[1];
  }
  return out;
}

/**
 * Whether connection `name` was rekeyed between two listings: an ESTABLISHED IKE SA whose SPI is
 * new, holding an INSTALLED CHILD_SA whose inbound SPI is new. (The SAs of before stay listed for
 * a while after a rekey: IKEv1 deletes the old IKE SA some seconds after its replacement is up.)
 */
export function rekeyed(before: string, after: string, name: string): boolean {
  const old = listSas(before).filter((s) => s.name === name);
  const oldIke = new Set(old.map((s) => s.ikeSpi));
  const oldChild = new Set(old.flatMap((s) => s.children.map((c) => c.spiIn)));
  return listSas(after).some(
    (s) =>
      s.name === name &&
      s.ike === "ESTABLISHED" &&
      !oldIke.has(s.ikeSpi) &&
      s.children.some((c) => c.state === "INSTALLED" && c.spiIn !== undefined && !oldChild.has(c.spiIn)),
  );
}

/** Bytes sent so far per IKE SA name, summed over all its CHILD_SAs (`swanctl --list-sas`). */
export function outBytes(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  let current = "";
  for (const l of text.split("\n")) {
    const top = /^(\S+): #\d+,/.exec(l);
    if (top) current = top[1];
    const o = /^\s+out\s+[0-9a-f]{8},\s+(\d+) bytes/.exec(l);
    if (o && current) out[current] = (out[current] ?? 0) + Number(o[1]);
  }
  return out;
}

/** A tcpdump capture on an interface, packet-buffered to a file. */
export class Capture {
  private proc?: ChildProcess;
  constructor(
    readonly namespace: string,
    readonly iface: string,
    readonly file: string,
  ) {}

  async start(): Promise<void> {
    this.proc = spawn(
      "ip",
      ["netns", "exec", this.namespace, "tcpdump", "-U", "-n", "-i", this.iface, "-w", this.file],
      {
        stdio: "ignore",
      },
    );
    for (let i = 0; i < 50 && !fs.existsSync(this.file); i++) await sleep(100);
    await sleep(300);
  }

  async stop(): Promise<void> {
    if (!this.proc || this.proc.exitCode !== null) return;
    const done = exited(this.proc, 3000);
    this.proc.kill("SIGINT");
    await done;
  }

  /** Packets matching a tcpdump filter, one line each. */
  async packets(filter: string): Promise<string[]> {
    const out = await run("tcpdump", ["-n", "-r", this.file, filter]);
    return out.split("\n").filter((l) => /^\d/.test(l));
  }
}
