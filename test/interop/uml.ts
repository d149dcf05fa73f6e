/**
 * A User-Mode Linux guest for the Libreswan scenarios: this host's kernel has no ESP, and
 * Libreswan has no userspace ESP, so pluto runs in a UML kernel (Debian's `user-mode-linux`, 6.1,
 * with ESP and XFRM as modules). The guest's root is the host's / over hostfs (read-only), with a
 * tmpfs overlay on which the unpacked Libreswan package lies, so the guest runs the host's
 * binaries plus Libreswan without installing it on the host (it conflicts with strongSwan). Its
 * one network card is a tap device in a host network namespace; the test drives the guest through
 * its console (one command a line, each answered by an end marker with the exit status).
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** Where .ci/run unpacks the Libreswan package (`dpkg -x`), unless PE_LIBRESWAN_ROOT says otherwise. */
export const LIBRESWAN_ROOT = process.env.PE_LIBRESWAN_ROOT ?? "/var/cache/pe-interop/libreswan";
const UML = "/usr/bin/linux.uml";

/** The guest kernel's release (its module directory). */
function umlModules(): string | undefined {
  const base = "/usr/lib/uml/modules";
  if (!fs.existsSync(base)) return undefined;
  const releases = fs.readdirSync(base);
  return releases.length > 0 ? path.join(base, releases[0]) : undefined;
}

/** Why the Libreswan guest cannot run here, or undefined when it can. */
export function libreswanGuestMissing(): string | undefined {
  if (process.platform !== "linux") return "not Linux";
  if (typeof process.getuid === "function" && process.getuid() !== 0) return "not root (network namespaces)";
  const need = [
    UML,
    "/usr/sbin/insmod",
    "/usr/sbin/modprobe",
    "/usr/bin/certutil",
    path.join(LIBRESWAN_ROOT, "usr/libexec/ipsec/pluto"),
  ];
  const missing = need.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) return `missing ${missing.join(", ")} (see .ci/run)`;
  if (!umlModules()) return "no User-Mode Linux modules in /usr/lib/uml/modules";
  if (!fs.existsSync("/dev/net/tun")) return "no /dev/net/tun (the guest's tap device)";
  return undefined;
}

/** Stage 1, the guest kernel's init: the overlay root with Libreswan on top, then stage 2 in it. */
const STAGE1 = `#!/bin/sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t tmpfs tmpfs /mnt
mkdir -p /mnt/ctl /mnt/up /mnt/work /mnt/root
mount -t hostfs none /mnt/ctl -o "$CTL"
exec >/mnt/ctl/guest.log 2>&1
set -x
M=/usr/lib/uml/modules/$(uname -r)
insmod $M/kernel/fs/overlayfs/overlay.ko
mount -t overlay overlay -o lowerdir=/,upperdir=/mnt/up,workdir=/mnt/work /mnt/root
R=/mnt/root
cp -a "$LSW"/usr/. $R/usr/
cp -a "$LSW"/etc/. $R/etc/
cp -a "$LSW"/var/. $R/var/
mkdir -p $R/lib/modules
ln -s $M $R/lib/modules/$(uname -r)
mount -t proc proc $R/proc
mount -t sysfs sys $R/sys
mount -t devtmpfs dev $R/dev
mount -t tmpfs tmpfs $R/run
mount -t tmpfs tmpfs $R/tmp
mkdir -p $R/ctl
mount --bind /mnt/ctl $R/ctl
exec chroot $R /bin/sh /ctl/stage2.sh
`;

/** Stage 2: network, then the command loop on the console. */
function stage2(setup: string[]): string {
  return [
    "export PATH=/usr/sbin:/usr/bin:/sbin:/bin",
    "dmesg -n 1",
    ...setup,
    "echo STAGE2-READY",
    "exec </dev/console >/dev/console 2>&1",
    "stty -echo -onlcr 2>/dev/null",
    "echo __READY__",
    'while IFS= read -r line; do id=${line%% *}; cmd=${line#* }; sh -c "$cmd" 2>&1; echo "__END__ $id $?"; done',
    "",
  ].join("\n");
}

/** A running guest. */
export class UmlGuest {
  private proc?: ChildProcess;
  private buffer = "";
  private next = 1;
  private waiters: (() => void)[] = [];

  /**
   * @param namespace host network namespace holding the tap device
   * @param tap the tap device's name (created by the caller)
   * @param ctl a host directory the guest mounts read-write at /ctl (logs, files to load)
   */
  constructor(
    readonly namespace: string,
    readonly tap: string,
    readonly ctl: string,
  ) {}

  /** Boots the guest; `setup` runs as root in the guest before the command loop starts. */
  async start(setup: string[], timeoutMs = 90000): Promise<void> {
    fs.mkdirSync(this.ctl, { recursive: true });
    fs.writeFileSync(path.join(this.ctl, "stage1.sh"), STAGE1, { mode: 0o755 });
    fs.writeFileSync(path.join(this.ctl, "stage2.sh"), stage2(setup));
    this.proc = spawn(
      "ip",
      [
        "netns",
        "exec",
        this.namespace,
        UML,
        "mem=256M",
        "rootfstype=hostfs",
        "rootflags=/",
        "ro",
        `init=${path.join(this.ctl, "stage1.sh")}`,
        `CTL=${this.ctl}`,
        `LSW=${LIBRESWAN_ROOT}`,
        "con0=fd:0,fd:1",
        "con=null",
        `vec0:transport=tap,ifname=${this.tap}`,
        "quiet",
      ],
      { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, TMPDIR: "/tmp" } },
    );
    const onData = (d: Buffer) => {
      this.buffer += d.toString("utf8").replace(/\r/g, "");
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    };
    this.proc.stdout?.on("data", onData);
    this.proc.stderr?.on("data", onData);
    await this.waitFor(/^__READY__$/m, timeoutMs, "the guest did not boot");
  }

  private async waitFor(re: RegExp, ms: number, what: string): Promise<RegExpExecArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = re.exec(this.buffer);
      if (m) return m;
      if (Date.now() > deadline || !this.proc || this.proc.exitCode !== null) {
        throw new Error(`${what}:\n${this.buffer.slice(-3000)}\n--- guest log ---\n${this.log.slice(-3000)}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The guest's stage log (setup output). */
  get log(): string {
    const f = path.join(this.ctl, "guest.log");
    return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "";
  }

  /** Runs one shell command line in the guest; resolves with its exit status and output. */
  async run(cmd: string, timeoutMs = 60000): Promise<{ rc: number; out: string }> {
    if (cmd.includes("\n")) throw new Error("one line per guest command");
    const id = this.next++;
    const start = this.buffer.length;
    this.proc?.stdin?.write(`${id} ${cmd}\n`);
    const re = new RegExp(`^__END__ ${id} (\\d+)$`, "m");
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const tail = this.buffer.slice(start);
      const m = re.exec(tail);
      if (m) return { rc: Number(m[1]), out: tail.slice(0, m.index) };
      if (Date.now() > deadline || !this.proc || this.proc.exitCode !== null) {
        throw new Error(`guest command timed out: ${cmd}\n${tail.slice(-2000)}`);
      }
      await this.waitFor(re, Math.max(0, deadline - Date.now()), `guest command: ${cmd}`).catch(
        () => undefined,
      );
    }
  }

  /** Like run, but rejects on a non-zero exit. */
  async sh(cmd: string, timeoutMs?: number): Promise<string> {
    const r = await this.run(cmd, timeoutMs);
    if (r.rc !== 0) throw new Error(`guest: ${cmd}: exit ${r.rc}\n${r.out}`);
    return r.out;
  }

  /** Everything the guest's console printed so far. */
  get console(): string {
    return this.buffer;
  }

  /** Powers the guest off (and kills it if it does not go). */
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    p.stdin?.write(`0 poweroff -f\n`);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 10000);
      p.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
    });
    if (p.exitCode === null) p.kill("SIGKILL");
  }
}
