/**
 * The AWS side of the interop test, configured from the synthesized `aws_vpn_connection` JSON by
 * this file's own mapping (not the hand-off renderers'): a strongSwan peer with two connections,
 * one per tunnel outside address, that accepts and proposes what the tunnel options allow.
 *
 * AWS semantics modelled (Site-to-Site VPN tunnel options, domain-facts.md §2):
 * - traffic selectors `local_ipv4_network_cidr` (customer side) and `remote_ipv4_network_cidr`
 *   (AWS side), both 0.0.0.0/0 when unset;
 * - startup action `start`: AWS initiates; `add` (default): AWS waits for the customer;
 * - DPD every 10 s; the peer is dead after `dpd_timeout_seconds`; action `clear` (default),
 *   `restart` (re-initiate) or `none`.
 */

type Json = Record<string, unknown>;

const ENC: Record<string, string> = {
  AES128: "aes128",
  AES256: "aes256",
  "AES128-GCM-16": "aes128gcm16",
  "AES256-GCM-16": "aes256gcm16",
};
const INTEG: Record<string, string> = {
  SHA1: "sha1",
  "SHA2-256": "sha256",
  "SHA2-384": "sha384",
  "SHA2-512": "sha512",
};
const PRF: Record<string, string> = {
  SHA1: "prfsha1",
  "SHA2-256": "prfsha256",
  "SHA2-384": "prfsha384",
  "SHA2-512": "prfsha512",
};
const DH: Record<number, string> = {
  2: "modp1024",
  5: "modp1536",
  14: "modp2048",
  15: "modp3072",
  16: "modp4096",
  17: "modp6144",
  18: "modp8192",
  19: "ecp256",
  20: "ecp384",
  21: "ecp521",
  22: "modp1024s160",
  23: "modp2048s224",
  24: "modp2048s256",
};

/** AWS's documented defaults for options the resource leaves unset. */
const DEFAULTS: Json = {
  ike_versions: ["ikev1", "ikev2"],
  phase1_encryption_algorithms: ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"],
  phase2_encryption_algorithms: ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"],
  phase1_integrity_algorithms: ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"],
  phase2_integrity_algorithms: ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"],
  phase1_dh_group_numbers: [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
  phase2_dh_group_numbers: [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
  phase1_lifetime_seconds: 28800,
  phase2_lifetime_seconds: 3600,
  dpd_timeout_seconds: 30,
  dpd_timeout_action: "clear",
  startup_action: "add",
  replay_window_size: 1024,
};

/** One tunnel's options read from the resource (`tunnel<N>_<option>`), with AWS defaults. */
export interface AwsTunnel {
  readonly ikeVersions: string[];
  readonly p1Enc: string[];
  readonly p2Enc: string[];
  readonly p1Integ: string[];
  readonly p2Integ: string[];
  readonly p1Dh: number[];
  readonly p2Dh: number[];
  readonly p1Life: number;
  readonly p2Life: number;
  readonly dpdTimeout: number;
  readonly dpdAction: string;
  readonly startup: string;
}

/** Reads tunnel `n`'s options from an `aws_vpn_connection` resource body. */
export function awsTunnel(resource: Json, n: 1 | 2): AwsTunnel {
  const get = <T>(key: string): T => (resource[`tunnel${n}_${key}`] ?? DEFAULTS[key]) as T;
  return {
    ikeVersions: get<string[]>("ike_versions"),
    p1Enc: get<string[]>("phase1_encryption_algorithms"),
    p2Enc: get<string[]>("phase2_encryption_algorithms"),
    p1Integ: get<string[]>("phase1_integrity_algorithms"),
    p2Integ: get<string[]>("phase2_integrity_algorithms"),
    p1Dh: get<number[]>("phase1_dh_group_numbers"),
    p2Dh: get<number[]>("phase2_dh_group_numbers"),
    p1Life: get<number>("phase1_lifetime_seconds"),
    p2Life: get<number>("phase2_lifetime_seconds"),
    dpdTimeout: get<number>("dpd_timeout_seconds"),
    dpdAction: get<string>("dpd_timeout_action"),
    startup: get<string>("startup_action"),
  };
}

const gcm = (a: string) => a.endsWith("-GCM-16");

/** Proposals AWS accepts for one phase, strongSwan syntax (IKEv1: one algorithm of each kind each). */
function proposals(enc: string[], integ: string[], dh: number[], phase: 1 | 2, ikev1: boolean): string {
  const groups = dh.map((g) => DH[g]);
  const aead = enc.filter(gcm).map((e) => ENC[e]);
  const classic = enc.filter((e) => !gcm(e)).map((e) => ENC[e]);
  const integs = integ.map((i) => INTEG[i]);
  const prfs = integ.map((i) => PRF[i]);
  if (ikev1) {
    const out: string[] = [];
    for (const e of classic) for (const i of integs) for (const g of groups) out.push(`${e}-${i}-${g}`);
    if (phase === 2) for (const e of aead) for (const g of groups) out.push(`${e}-${g}`);
    return out.join(",");
  }
  const out: string[] = [];
  if (aead.length > 0) out.push([...aead, ...(phase === 1 ? prfs : []), ...groups].join("-"));
  if (classic.length > 0) out.push([...classic, ...integs, ...groups].join("-"));
  return out.join(",");
}

/** Addresses of the test topology the AWS peer needs. */
export interface AwsPeerAddresses {
  readonly customerOutside: string;
  readonly tunnelOutside: [string, string];
  readonly psk: [string, string];
}

/** The AWS peer's swanctl.conf for one `aws_vpn_connection` resource. */
export function awsPeerSwanctl(resource: Json, a: AwsPeerAddresses): string {
  const customerTs = (resource.local_ipv4_network_cidr as string | undefined) ?? "0.0.0.0/0";
  const awsTs = (resource.remote_ipv4_network_cidr as string | undefined) ?? "0.0.0.0/0";
  const conns = ([1, 2] as const).map((n) => {
    const t = awsTunnel(resource, n);
    // AWS answers in the version the customer starts; when it initiates it uses IKEv2 if allowed.
    const ikev1 = !t.ikeVersions.includes("ikev2");
    const version = t.ikeVersions.length === 2 ? 0 : ikev1 ? 1 : 2;
    return `
  aws-tunnel${n} {
    version = ${version}
    local_addrs = ${a.tunnelOutside[n - 1]}
    remote_addrs = ${a.customerOutside}
    proposals = ${proposals(t.p1Enc, t.p1Integ, t.p1Dh, 1, ikev1)}
    rekey_time = ${t.p1Life}s
    dpd_delay = 10s
    ${ikev1 ? `dpd_timeout = ${t.dpdTimeout}s` : ""}
    mobike = no
    keyingtries = 0
    local {
      auth = psk
      id = ${a.tunnelOutside[n - 1]}
    }
    remote {
      auth = psk
      id = ${a.customerOutside}
    }
    children {
      aws-tunnel${n} {
        local_ts = ${awsTs}
        remote_ts = ${customerTs}
        esp_proposals = ${proposals(t.p2Enc, t.p2Integ, t.p2Dh, 2, ikev1)}
        life_time = ${t.p2Life}s
        rekey_time = ${Math.floor(t.p2Life * 0.9)}s
        dpd_action = ${t.dpdAction === "restart" ? "restart" : t.dpdAction === "none" ? "none" : "clear"}
        start_action = ${t.startup === "start" ? "start" : "none"}
      }
    }
  }`;
  });
  const secrets = ([1, 2] as const).map(
    (n) => `
  ike-aws-${n} {
    id-1 = ${a.tunnelOutside[n - 1]}
    id-2 = ${a.customerOutside}
    secret = "${a.psk[n - 1]}"
  }`,
  );
  return `connections {${conns.join("")}\n}\nsecrets {${secrets.join("")}\n}\n`;
}

/** AWS's liveness: DPD every 10 s, dead after the timeout (IKEv2: retransmits over the timeout). */
export function awsPeerCharonSettings(resource: Json): string {
  const timeout = Math.min(awsTunnel(resource, 1).dpdTimeout, awsTunnel(resource, 2).dpdTimeout);
  return `charon {\n  retransmit_timeout = ${timeout / 6}\n  retransmit_base = 1\n  retransmit_tries = 5\n}\n`;
}
