/**
 * The conformance table of the AWS provider's `aws_vpn_connection` and `aws_customer_gateway`
 * arguments: every enum value and range boundary of the hashicorp/aws schema (plus the values AWS
 * itself refuses at apply), as data rows. Used by `vpn-provider-conformance.test.ts` (the library's
 * verdict per row) and by `test/terraform/provider-conformance.test.ts` (the provider's verdict per
 * row, from `terraform validate` with the real hashicorp/aws 5.100.0 binary).
 *
 * Sources (facts only, no code copied):
 * - P_CONN: terraform-provider-aws `internal/service/ec2/vpnsite_connection.go`, the stored snapshot
 *   at commit 050ac11163cab8cdae5936a7f40b0e528ff780df (the v5.100.0 tag was not retrievable: the
 *   repository snapshot is larger than the fetch limit). Rows cite the schema key, whose
 *   `ValidateFunc` is named in the row. Attributes newer than that snapshot (`preshared_key_storage`)
 *   cite the 5.100.0 binary's own diagnostic. Every row's provider verdict is re-checked against the
 *   5.100.0 binary by the terraform-backed test, so a stale citation cannot hide a wrong verdict.
 * - P_CGW: `internal/service/ec2/vpnsite_customer_gateway.go` (same caveat; the 5.100.0 binary
 *   validates `bgp_asn`/`bgp_asn_extended` as "must be in the range 0 to 4294967295" and makes them
 *   conflict).
 * - AWS_TUN: EC2 API reference, VpnTunnelOptionsSpecification
 *   (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpnTunnelOptionsSpecification.html).
 * - AWS_CGW: EC2 API reference, CreateCustomerGateway (BgpAsn 1-2,147,483,647; BgpAsnExtended
 *   2,147,483,648-4,294,967,295; type ipsec.1).
 * - AWS_CONN: EC2 API reference, CreateVpnConnection ("the supported connection type is ipsec.1").
 */

export const P_CONN = "terraform-provider-aws@050ac111 internal/service/ec2/vpnsite_connection.go";
export const P_CGW = "terraform-provider-aws@8a0b630a internal/service/ec2/vpnsite_customer_gateway.go";
export const P_BIN = "hashicorp/aws 5.100.0 binary (terraform validate diagnostic)";
export const AWS_TUN = "EC2 API reference: VpnTunnelOptionsSpecification";
export const AWS_CGW = "EC2 API reference: CreateCustomerGateway";
export const AWS_CONN = "EC2 API reference: CreateVpnConnection";

export type ProviderResourceType = "aws_vpn_connection" | "aws_customer_gateway";

/**
 * What happens to the value after the library:
 * - `agree`: the library's verdict is the provider's (`terraform validate`), and AWS does the same.
 * - `apply`: the provider accepts it at plan, but AWS refuses or changes it at apply; the library
 *   refuses first (the "too lenient" cases).
 * - `deliberate`: provider and AWS accept it; the library refuses on purpose (reason given).
 */
export type Category = "agree" | "apply" | "deliberate";

export interface ProviderRow {
  /** Stable row id, also the Terraform resource name in the merged configuration. */
  readonly id: string;
  readonly resource: ProviderResourceType;
  /** Arguments laid over the row's base resource (null = unset). */
  readonly args: Record<string, unknown>;
  /** The source of the provider verdict (and of AWS's, for `apply` rows). */
  readonly source: string;
  /** The provider's verdict at `terraform validate`. */
  readonly provider: "accept" | "refuse";
  /** A fragment of the provider's diagnostic, for refused rows. */
  readonly providerSays?: string;
  readonly category: Category;
  /** Why, for `apply` and `deliberate` rows. */
  readonly reason?: string;
  /** A fragment of the library's message, for rows it refuses. */
  readonly librarySays?: string;
}

/** The library refuses the row unless provider and AWS both accept it and it is not a deliberate difference. */
export function libraryRefuses(row: ProviderRow): boolean {
  return row.provider === "refuse" || row.category !== "agree";
}

/** A valid resource of each type, on which one row's arguments are laid. */
export const BASE: Record<ProviderResourceType, Record<string, unknown>> = {
  aws_vpn_connection: {
    type: "ipsec.1",
    customer_gateway_id: "cgw-0123456789abcdef0",
    vpn_gateway_id: "vgw-0123456789abcdef0",
    static_routes_only: true,
  },
  aws_customer_gateway: { type: "ipsec.1", ip_address: "18.188.145.101", bgp_asn: "65000" },
};

const rows: ProviderRow[] = [];
const slug = (v: unknown) =>
  String(Array.isArray(v) ? v.join("_") : v)
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40) || "empty";

function add(row: Omit<ProviderRow, "id"> & { id?: string }, idHint: string): void {
  const base = `${row.resource === "aws_vpn_connection" ? "vpn" : "cgw"}_${idHint}`;
  let id = base;
  for (let n = 2; rows.some((r) => r.id === id); n++) id = `${base}_${n}`;
  rows.push({ ...row, id } as ProviderRow);
}

// ---------------------------------------------------------------------------------------------
// Tunnel options, both tunnels (the provider declares each `tunnelN_*` key separately)
// ---------------------------------------------------------------------------------------------

interface ListField {
  readonly field: string;
  readonly accepted: readonly (string | number)[];
  readonly refusedByProvider: readonly string[];
  /** Values the provider does not validate (no ValidateFunc on the element) but AWS refuses. */
  readonly refusedByAws?: readonly number[];
  readonly validator: string;
}

const LIST_FIELDS: ListField[] = [
  {
    field: "ike_versions",
    accepted: ["ikev1", "ikev2"],
    refusedByProvider: ["ikev3"],
    validator: "StringInSlice(vpnTunnelOptionsIKEVersion_Values())",
  },
  ...(["phase1", "phase2"] as const).map((ph) => ({
    field: `${ph}_encryption_algorithms`,
    accepted: ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"],
    refusedByProvider: ["3DES"],
    validator: `StringInSlice(vpnTunnelOptions${ph === "phase1" ? "Phase1" : "Phase2"}EncryptionAlgorithm_Values())`,
  })),
  ...(["phase1", "phase2"] as const).map((ph) => ({
    field: `${ph}_integrity_algorithms`,
    accepted: ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"],
    refusedByProvider: ["MD5"],
    validator: `StringInSlice(vpnTunnelOptions${ph === "phase1" ? "Phase1" : "Phase2"}IntegrityAlgorithm_Values())`,
  })),
  {
    field: "phase1_dh_group_numbers",
    accepted: [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
    refusedByProvider: [],
    refusedByAws: [1, 5, 13, 25],
    validator: "TypeSet of TypeInt without ValidateFunc",
  },
  {
    field: "phase2_dh_group_numbers",
    accepted: [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
    refusedByProvider: [],
    refusedByAws: [1, 13, 25],
    validator: "TypeSet of TypeInt without ValidateFunc",
  },
];

interface ScalarField {
  readonly field: string;
  readonly validator: string;
  readonly accepted: ReadonlyArray<{ v: unknown; with?: Record<string, unknown> }>;
  readonly refused: ReadonlyArray<{ v: unknown; says: string }>;
  readonly apply?: ReadonlyArray<{
    v: unknown;
    with?: Record<string, unknown>;
    reason: string;
    ours: string;
  }>;
}

const SCALAR_FIELDS = (t: string): ScalarField[] => [
  {
    field: "phase1_lifetime_seconds",
    validator: "IntBetween(900, 28800)",
    // phase 2 must stay below phase 1 (AWS_TUN), so the lowest phase 1 that can be applied is 901
    accepted: [{ v: 901, with: { [`${t}_phase2_lifetime_seconds`]: 900 } }, { v: 28800 }],
    refused: [
      { v: 899, says: "to be in the range (900 - 28800), got 899" },
      { v: 28801, says: "to be in the range (900 - 28800), got 28801" },
    ],
    apply: [
      {
        v: 900,
        with: { [`${t}_phase2_lifetime_seconds`]: 900 },
        reason: `${AWS_TUN}: the phase 2 lifetime must be less than phase 1, and phase 2 is at least 900`,
        ours: "is not below the phase 1 lifetime",
      },
    ],
  },
  {
    field: "phase2_lifetime_seconds",
    validator: "IntBetween(900, 3600)",
    // with the rekey margin omitted AWS applies 270 s (AWS_TUN), at most half of 900
    accepted: [{ v: 900 }, { v: 3600 }],
    refused: [
      { v: 899, says: "to be in the range (900 - 3600), got 899" },
      { v: 3601, says: "to be in the range (900 - 3600), got 3601" },
    ],
  },
  {
    field: "rekey_margin_time_seconds",
    validator: "IntBetween(60, 1800)",
    accepted: [{ v: 60 }, { v: 1800 }],
    refused: [
      { v: 59, says: "to be in the range (60 - 1800), got 59" },
      { v: 1801, says: "to be in the range (60 - 1800), got 1801" },
    ],
    apply: [
      {
        v: 451,
        with: { [`${t}_phase2_lifetime_seconds`]: 900 },
        reason: `${AWS_TUN}: the rekey margin is between 60 and half of the phase 2 lifetime`,
        ours: "exceeds half the phase 2 lifetime",
      },
    ],
  },
  {
    field: "rekey_fuzz_percentage",
    validator: "IntBetween(0, 100)",
    accepted: [{ v: 1 }, { v: 100 }],
    refused: [
      { v: -1, says: "to be in the range (0 - 100), got -1" },
      { v: 101, says: "to be in the range (0 - 100), got 101" },
    ],
    apply: [
      {
        v: 0,
        reason: `${P_CONN}: the provider treats 0 as unset (its DiffSuppressFunc equates 0 with the default 100), so AWS applies 100 (${AWS_TUN})`,
        ours: "the provider treats 0 as unset",
      },
    ],
  },
  {
    field: "replay_window_size",
    validator: "IntBetween(64, 2048)",
    accepted: [{ v: 64 }, { v: 2048 }],
    refused: [
      { v: 63, says: "to be in the range (64 - 2048), got 63" },
      { v: 2049, says: "to be in the range (64 - 2048), got 2049" },
    ],
  },
  {
    field: "dpd_timeout_seconds",
    validator: "IntAtLeast(30)",
    // AWS documents a minimum of 30 and no maximum
    accepted: [{ v: 30 }, { v: 3601 }, { v: 2147483647 }],
    refused: [{ v: 29, says: "to be at least (30), got 29" }],
    apply: [
      {
        v: 2147483648,
        reason: `${AWS_TUN}: DPDTimeoutSeconds is an Integer (32-bit); the provider converts larger values without a check`,
        ours: "use an integer from 30 to 2147483647",
      },
    ],
  },
  {
    field: "dpd_timeout_action",
    validator: "StringInSlice(vpnTunnelOptionsDPDTimeoutAction_Values())",
    accepted: [{ v: "clear" }, { v: "none" }, { v: "restart" }],
    refused: [{ v: "reset", says: 'to be one of ["clear" "none" "restart"], got reset' }],
  },
  {
    field: "startup_action",
    validator: "StringInSlice(vpnTunnelOptionsStartupAction_Values())",
    accepted: [{ v: "add" }, { v: "start", with: { [`${t}_ike_versions`]: ["ikev2"] } }],
    refused: [{ v: "begin", says: 'to be one of ["add" "start"], got begin' }],
  },
  {
    field: "inside_cidr",
    validator: "validVPNConnectionTunnelInsideCIDR()",
    accepted: [{ v: t === "tunnel1" ? "169.254.10.0/30" : "169.254.10.4/30" }, { v: "169.254.255.252/30" }],
    refused: [
      ...[
        "169.254.0.0/30",
        "169.254.1.0/30",
        "169.254.2.0/30",
        "169.254.3.0/30",
        "169.254.4.0/30",
        "169.254.5.0/30",
        "169.254.169.252/30",
      ].map((v) => ({ v, says: `to not be any of [169.254.0.0/30 ` })),
      { v: "169.254.10.0/29", says: "between 30 and 30 significant bits, got: 29" },
      { v: "169.254.10.1/30", says: "169.254.10.1/30" },
      { v: "10.0.0.0/30", says: "must be within 169.254.0.0/16" },
    ],
  },
  {
    field: "preshared_key",
    validator: "validVPNConnectionTunnelPreSharedKey()",
    accepted: [],
    refused: [
      { v: "short", says: "to be in the range (8 - 64)" },
      { v: "0StartsWithZero", says: "cannot start with zero character" },
      { v: "has-a-dash-in-it", says: "can only contain alphanumeric, period and underscore characters" },
    ],
  },
];

for (const t of ["tunnel1", "tunnel2"]) {
  for (const f of LIST_FIELDS) {
    const key = `${t}_${f.field}`;
    for (const v of f.accepted) {
      add(
        {
          resource: "aws_vpn_connection",
          args: { [key]: [v] },
          source: `${P_CONN} \`${key}\` ${f.validator}`,
          provider: "accept",
          category: "agree",
        },
        `${key}_${slug(v)}`,
      );
    }
    for (const v of f.refusedByProvider) {
      add(
        {
          resource: "aws_vpn_connection",
          args: { [key]: [v] },
          source: `${P_CONN} \`${key}\` ${f.validator}`,
          provider: "refuse",
          providerSays: `got ${v}`,
          category: "agree",
          librarySays: `\`${key}\` ${v} is not allowed`,
        },
        `${key}_${slug(v)}`,
      );
    }
    for (const v of f.refusedByAws ?? []) {
      add(
        {
          resource: "aws_vpn_connection",
          args: { [key]: [v] },
          source: `${P_CONN} \`${key}\` ${f.validator}; ${AWS_TUN} valid values`,
          provider: "accept",
          category: "apply",
          reason: `the provider does not check DH groups; AWS refuses group ${v} at apply`,
          librarySays: `\`${key}\` ${v} is not allowed`,
        },
        `${key}_${slug(v)}`,
      );
    }
  }
  for (const f of SCALAR_FIELDS(t)) {
    const key = `${t}_${f.field}`;
    const source = `${P_CONN} \`${key}\` ${f.validator}`;
    for (const a of f.accepted) {
      add(
        {
          resource: "aws_vpn_connection",
          args: { ...(a.with ?? {}), [key]: a.v },
          source,
          provider: "accept",
          category: "agree",
        },
        `${key}_${slug(a.v)}`,
      );
    }
    for (const r of f.refused) {
      add(
        {
          resource: "aws_vpn_connection",
          args: { [key]: r.v },
          source,
          provider: "refuse",
          providerSays: r.says,
          category: "agree",
          librarySays: `\`${key}\``,
        },
        `${key}_${slug(r.v)}`,
      );
    }
    for (const a of f.apply ?? []) {
      add(
        {
          resource: "aws_vpn_connection",
          args: { ...(a.with ?? {}), [key]: a.v },
          source,
          provider: "accept",
          category: "apply",
          reason: a.reason,
          librarySays: a.ours,
        },
        `${key}_${slug(a.v)}`,
      );
    }
  }
  // a literal key the provider accepts: the library never puts a key into JSON and state
  add(
    {
      resource: "aws_vpn_connection",
      args: { [`${t}_preshared_key`]: "Generated.In_Test42" },
      source: `${P_CONN} \`${t}_preshared_key\` validVPNConnectionTunnelPreSharedKey()`,
      provider: "accept",
      category: "deliberate",
      reason:
        "a literal pre-shared key would sit in cdk.tf.json, state and snapshots; pass a token (variable, secret) or let AWS generate it",
      librarySays: "preshared_key",
    },
    `${t}_preshared_key_literal`,
  );
  // tunnel log output format (nested block)
  for (const v of ["json", "text", "xml"]) {
    add(
      {
        resource: "aws_vpn_connection",
        args: {
          [`${t}_log_options`]: { cloudwatch_log_options: { log_enabled: false, log_output_format: v } },
        },
        source: `${P_CONN} \`${t}_log_options.cloudwatch_log_options.log_output_format\` StringInSlice(vpnTunnelCloudWatchLogOutputFormat_Values())`,
        provider: v === "xml" ? "refuse" : "accept",
        providerSays: v === "xml" ? 'to be one of ["json" "text"], got xml' : undefined,
        category: "agree",
        librarySays: v === "xml" ? "log_output_format` xml is not allowed" : undefined,
      },
      `${t}_log_output_format_${v}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Connection-level arguments
// ---------------------------------------------------------------------------------------------

const CONNECTION_ENUMS: Array<{
  key: string;
  accepted: string[];
  refused: string;
  says: string;
  validator: string;
  source?: string;
}> = [
  {
    key: "type",
    accepted: ["ipsec.1"],
    refused: "ipsec.2",
    says: 'to be one of ["ipsec.1" "ipsec.1-aes256"], got ipsec.2',
    validator: "StringInSlice(vpnConnectionType_Values())",
  },
  {
    key: "tunnel_inside_ip_version",
    accepted: ["ipv4", "ipv6"],
    refused: "ipv5",
    says: 'to be one of ["ipv4" "ipv6"], got ipv5',
    validator: "StringInSlice(ec2.TunnelInsideIpVersion_Values())",
  },
  {
    key: "preshared_key_storage",
    accepted: ["Standard", "SecretsManager"],
    refused: "Vault",
    says: 'to be one of ["SecretsManager" "Standard"], got Vault',
    validator: "StringInSlice",
    source: P_BIN,
  },
  {
    key: "outside_ip_address_type",
    accepted: ["PublicIpv4", "PrivateIpv4"],
    refused: "Ipv6",
    says: 'to be one of ["PrivateIpv4" "PublicIpv4"], got Ipv6',
    validator: "StringInSlice(outsideIPAddressType_Values())",
  },
];

for (const e of CONNECTION_ENUMS) {
  const source = e.source
    ? `${e.source}: \`${e.key}\` ${e.validator}`
    : `${P_CONN} \`${e.key}\` ${e.validator}`;
  for (const v of e.accepted) {
    add(
      { resource: "aws_vpn_connection", args: { [e.key]: v }, source, provider: "accept", category: "agree" },
      `${e.key}_${slug(v)}`,
    );
  }
  add(
    {
      resource: "aws_vpn_connection",
      args: { [e.key]: e.refused },
      source,
      provider: "refuse",
      providerSays: e.says,
      category: "agree",
      librarySays: `\`${e.key}\` ${e.refused} is not allowed`,
    },
    `${e.key}_${slug(e.refused)}`,
  );
}
add(
  {
    resource: "aws_vpn_connection",
    args: { type: "ipsec.1-aes256" },
    source: `${P_BIN}: \`type\` accepts "ipsec.1-aes256"; ${AWS_CONN}`,
    provider: "accept",
    category: "deliberate",
    reason:
      "the provider's list has ipsec.1-aes256, but AWS's API reference names ipsec.1 as the supported connection type and every construct emits ipsec.1; a raw resource with the other type is flagged so it is a decision, not an accident",
    librarySays: "`type` ipsec.1-aes256 is not allowed",
  },
  "type_ipsec_1_aes256",
);
for (const key of ["local_ipv4_network_cidr", "remote_ipv4_network_cidr"]) {
  const source = `${P_CONN} \`${key}\` IsCIDRNetwork(0, 32)`;
  add(
    {
      resource: "aws_vpn_connection",
      args: { [key]: "10.40.0.0/16" },
      source,
      provider: "accept",
      category: "agree",
    },
    `${key}_10_40_0_0_16`,
  );
  add(
    {
      resource: "aws_vpn_connection",
      args: { [key]: "0.0.0.0/0" },
      source,
      provider: "accept",
      category: "agree",
    },
    `${key}_0_0_0_0_0`,
  );
  add(
    {
      resource: "aws_vpn_connection",
      args: { [key]: "10.40.0.1/16" },
      source,
      provider: "refuse",
      providerSays: "10.40.0.1/16",
      category: "agree",
      librarySays: `\`${key}\` 10.40.0.1/16`,
    },
    `${key}_10_40_0_1_16`,
  );
}

// ---------------------------------------------------------------------------------------------
// Customer gateway
// ---------------------------------------------------------------------------------------------

const ASN_SOURCE = `${P_BIN}: \`bgp_asn\`/\`bgp_asn_extended\` "must be in the range 0 to 4294967295", ConflictsWith each other; ${AWS_CGW}`;
const cgwRows: Array<Omit<ProviderRow, "id" | "resource"> & { hint: string }> = [
  {
    hint: "type_ipsec_1",
    args: { type: "ipsec.1" },
    source: `${P_CGW} \`type\` StringInSlice(ec2.GatewayType_Values())`,
    provider: "accept",
    category: "agree",
  },
  {
    hint: "type_ipsec_2",
    args: { type: "ipsec.2" },
    source: `${P_CGW} \`type\` StringInSlice(ec2.GatewayType_Values())`,
    provider: "refuse",
    providerSays: 'to be one of ["ipsec.1"], got ipsec.2',
    category: "agree",
    librarySays: "`type` ipsec.2 is not allowed",
  },
  ...["1", "65000", "2147483647"].map((v) => ({
    hint: `bgp_asn_${v}`,
    args: { bgp_asn: v },
    source: ASN_SOURCE,
    provider: "accept" as const,
    category: "agree" as const,
  })),
  {
    hint: "bgp_asn_0",
    args: { bgp_asn: "0" },
    source: ASN_SOURCE,
    provider: "accept",
    category: "apply",
    reason: `${AWS_CGW}: BgpAsn valid values are 1 to 2,147,483,647`,
    librarySays: "`bgp_asn` 0 is not a valid BGP ASN",
  },
  {
    hint: "bgp_asn_2147483648",
    args: { bgp_asn: "2147483648" },
    source: ASN_SOURCE,
    provider: "accept",
    category: "apply",
    reason: `${AWS_CGW}: BgpAsn is a 32-bit signed integer (1 to 2,147,483,647); larger ASNs go in BgpAsnExtended`,
    librarySays: "`bgp_asn` 2147483648 is above 2147483647",
  },
  {
    hint: "bgp_asn_4294967296",
    args: { bgp_asn: "4294967296" },
    source: ASN_SOURCE,
    provider: "refuse",
    providerSays: '"bgp_asn" ("4294967296") must be in the range 0 to 4294967295',
    category: "agree",
    librarySays: "`bgp_asn` 4294967296",
  },
  {
    hint: "bgp_asn_abc",
    args: { bgp_asn: "abc" },
    source: ASN_SOURCE,
    provider: "refuse",
    providerSays: "must be a 64-bit integer",
    category: "agree",
    librarySays: "`bgp_asn` abc is not a valid BGP ASN",
  },
  ...["2147483648", "4200000001", "4294967294"].map((v) => ({
    hint: `bgp_asn_extended_${v}`,
    args: { bgp_asn: null, bgp_asn_extended: v },
    source: ASN_SOURCE,
    provider: "accept" as const,
    category: "agree" as const,
  })),
  {
    hint: "bgp_asn_extended_2147483647",
    args: { bgp_asn: null, bgp_asn_extended: "2147483647" },
    source: ASN_SOURCE,
    provider: "accept",
    category: "apply",
    reason: `${AWS_CGW}: BgpAsnExtended valid values are 2,147,483,648 to 4,294,967,295`,
    librarySays: "`bgp_asn_extended` 2147483647 is at most 2147483647",
  },
  {
    hint: "bgp_asn_extended_4294967295",
    args: { bgp_asn: null, bgp_asn_extended: "4294967295" },
    source: ASN_SOURCE,
    provider: "accept",
    category: "deliberate",
    reason:
      "AWS accepts 4294967295, but it is reserved (RFC 7300, last ASN) and unusable in BGP; the library's ASN range stops at 4294967294",
    librarySays: "`bgp_asn_extended` 4294967295 is not a valid BGP ASN",
  },
  {
    hint: "bgp_asn_extended_4294967296",
    args: { bgp_asn: null, bgp_asn_extended: "4294967296" },
    source: ASN_SOURCE,
    provider: "refuse",
    providerSays: '"bgp_asn_extended" ("4294967296") must be in the range 0 to 4294967295',
    category: "agree",
    librarySays: "`bgp_asn_extended` 4294967296",
  },
  {
    hint: "bgp_asn_and_extended",
    args: { bgp_asn: "65000", bgp_asn_extended: "4200000001" },
    source: ASN_SOURCE,
    provider: "refuse",
    providerSays: "conflicts with",
    category: "agree",
    librarySays: "is set together with bgp_asn",
  },
  {
    hint: "ip_address_test_net",
    args: { ip_address: "203.0.113.200" },
    source: `${P_CGW} \`ip_address\` IsIPv4Address`,
    provider: "accept",
    category: "deliberate",
    reason:
      "203.0.113.0/24 is TEST-NET-3 (documentation), not a reachable endpoint; the library takes public unicast addresses only",
    librarySays: "`ip_address` 203.0.113.200 is not a public unicast address",
  },
  {
    hint: "ip_address_18_188_145_102",
    args: { ip_address: "18.188.145.102" },
    source: `${P_CGW} \`ip_address\` IsIPv4Address`,
    provider: "accept",
    category: "agree",
  },
  {
    hint: "ip_address_private",
    args: { ip_address: "10.0.0.1" },
    source: `${P_CGW} \`ip_address\` IsIPv4Address`,
    provider: "accept",
    category: "deliberate",
    reason:
      "AWS takes a private address only for a private-IP VPN over Direct Connect (outside_ip_address_type PrivateIpv4 with a transit gateway), which this library does not build; its customer gateways are Internet endpoints",
    librarySays: "`ip_address` 10.0.0.1 is not a public unicast address",
  },
  {
    hint: "ip_address_not_ip",
    args: { ip_address: "vpn.example.com" },
    source: `${P_CGW} \`ip_address\` IsIPv4Address`,
    provider: "refuse",
    providerSays: "expected ip_address to contain a valid IPv4 address, got: vpn.example.com",
    category: "agree",
    librarySays: "`ip_address` vpn.example.com is not an IPv4 address",
  },
  ...[1, 255].map((n) => ({
    hint: `device_name_${n}`,
    args: { device_name: "d".repeat(n) },
    source: `${P_CGW} \`device_name\` StringLenBetween(1, 255)`,
    provider: "accept" as const,
    category: "agree" as const,
  })),
  ...[0, 256].map((n) => ({
    hint: `device_name_${n}`,
    args: { device_name: "d".repeat(n) },
    source: `${P_CGW} \`device_name\` StringLenBetween(1, 255)`,
    provider: "refuse" as const,
    providerSays: "expected length of device_name to be in the range (1 - 255)",
    category: "agree" as const,
    librarySays: "is not a valid device name",
  })),
  {
    hint: "device_name_non_ascii",
    args: { device_name: "Pare-feu Genève" },
    source: `${P_CGW} \`device_name\` StringLenBetween(1, 255)`,
    provider: "accept",
    category: "deliberate",
    reason:
      "the device name is copied into hand-off device configurations and comments; the library keeps it printable ASCII",
    librarySays: "is not a valid device name",
  },
  {
    hint: "certificate_arn_acm",
    args: {
      certificate_arn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789",
    },
    source: `${P_CGW} \`certificate_arn\` verify.ValidARN`,
    provider: "accept",
    category: "agree",
  },
  {
    hint: "certificate_arn_not_arn",
    args: { certificate_arn: "certificate-1" },
    source: `${P_CGW} \`certificate_arn\` verify.ValidARN`,
    provider: "refuse",
    providerSays: "is an invalid ARN",
    category: "agree",
    librarySays: "is not an ACM certificate ARN",
  },
  {
    hint: "certificate_arn_s3",
    args: { certificate_arn: "arn:aws:s3:::vpn-certificates" },
    source: `${P_CGW} \`certificate_arn\` verify.ValidARN; ${AWS_CGW}`,
    provider: "accept",
    category: "apply",
    reason: `${AWS_CGW}: CertificateArn is the ARN of the customer gateway certificate (an ACM private certificate); any other ARN fails at apply`,
    librarySays: "is not an ACM certificate ARN",
  },
];
for (const { hint, ...row } of cgwRows) add({ resource: "aws_customer_gateway", ...row }, hint);

/** Every row, in a stable order. */
export const PROVIDER_ROWS: readonly ProviderRow[] = rows;

/** The resource one row describes: its base with the row's arguments laid over. */
export function rowResource(row: ProviderRow): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...BASE[row.resource], ...row.args };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
}
