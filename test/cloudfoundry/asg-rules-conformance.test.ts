// Conformance table: every concrete case of Cloud Controller's security group rule validator specs,
// ported as data (input rules -> Cloud Controller's verdict and message), run through checkAsgRules.
// Each row agrees with Cloud Controller, or is a deliberate difference with its reason and opt-out
// (listed in docs/conformance.md).
//
// Sources (cloudfoundry/cloud_controller_ng at 3bbba9069894b1b74652c7b88fdfd4171136c8c4; facts only):
// - V3 = spec/unit/messages/validators/security_group_rule_validator_spec.rb (the v3 API validator,
//   app/messages/validators/security_group_rule_validator.rb)
// - V2 = spec/unit/lib/cloud_controller/rule_validator_spec.rb (lib/cloud_controller/rule_validator.rb,
//   destination only; each destination is wrapped in an `all` rule here)
// - SRC = the validator sources themselves, for cases the specs do not pin down (line of the check)
import * as fs from "fs";
import * as path from "path";
import { ApplicationSecurityGroup } from "../../lib/cloudfoundry/application-security-group";
import { AsgProtocol, AsgRuleCheckOptions, checkAsgRules } from "../../lib/cloudfoundry/asg-rules";
import { newStack, only, synthChecked } from "./helpers";

const V3 = "spec/unit/messages/validators/security_group_rule_validator_spec.rb";
const V2 = "spec/unit/lib/cloud_controller/rule_validator_spec.rb";
const VALIDATOR = "app/messages/validators/security_group_rule_validator.rb";
const TRANSPORT = "lib/cloud_controller/transport_rule_validator.rb";
const MIGRATION = "db/migrations/20151231224207_increase_security_group_rules_length.rb";

/** Cloud Controller's configuration in the spec's context. */
interface CcConfig {
  /** `security_groups.enable_comma_delimited_destinations` */
  readonly comma?: boolean;
  /** `enable_ipv6` */
  readonly ipv6?: boolean;
}

interface CcRow {
  /** Source file and line of the case. */
  readonly src: string;
  readonly rules: unknown;
  readonly cc: CcConfig;
  readonly ccValid: boolean;
  /** Cloud Controller's message, for invalid rows. */
  readonly ccSays?: string;
  /** A fragment of the library's messages, for rows the library refuses. */
  readonly ours?: string;
  /** Set when the library's verdict differs on purpose: the id of the difference in docs/conformance.md. */
  readonly deliberate?: keyof typeof DELIBERATE;
}

/** The deliberate differences: why, and the opt-out where one exists. */
const DELIBERATE = {
  "cf-no-empty-rules": {
    reason:
      "the cloudfoundry provider requires at least one rule; an ASG without rules is refused before plan",
    optOut: undefined,
  },
  "cf-ipv4-only": {
    reason:
      "this library's ASGs open the private-egress VPN, which carries IPv4 only; IPv6 destinations (and so icmpv6 rules, which Cloud Controller takes with IPv6 destinations only and the cloudfoundry provider refuses at plan) are refused",
    optOut: undefined,
  },
  "cf-whole-rfc1918": {
    reason:
      "a destination covering a whole RFC 1918 block opens the platform's internal network to every app bound to the ASG",
    optOut: { allowWholePrivateNetworks: true } as AsgRuleCheckOptions,
  },
  "cf-broad": {
    reason:
      "a destination wider than a /8 defeats every narrow ASG; 0.0.0.0/0 also covers the metadata endpoint",
    optOut: { allowBroadDestinations: true } as AsgRuleCheckOptions,
  },
  "cf-metadata": {
    reason: "a destination covering 169.254.169.254 opens the IaaS metadata endpoint (credentials)",
    optOut: undefined,
  },
  "cf-ignored-fields": {
    reason:
      "Cloud Controller ignores ports on icmp rules and type/code on tcp, udp and all rules; the library refuses them so a rule never claims a filter it does not apply",
    optOut: undefined,
  },
  "cf-port-whitespace": {
    reason: "ports are written one way (no spaces), so rules compare and render identically",
    optOut: undefined,
  },
} as const;

const one = (rule: Record<string, unknown>) => [rule];
const V3_DEST_INVALID = "destination must be a valid CIDR, IP address, or IP address range";
const V3_COMMA_INVALID = "destination must contain valid CIDR(s), IP address(es), or IP address range(s)";
const ZEROS = "destination octets cannot contain leading zeros";
const INVERTED =
  "beginning of IP address range is numerically greater than the end of its range (range endpoints are inverted)";
const PROTOCOL = "protocol must be 'tcp', 'udp', 'icmp', 'icmpv6' or 'all'";
const PORTS =
  "ports must be a valid single port, comma separated list of ports, or range or ports, formatted as a string";
const ICMP_RANGE = "must be an integer between -1 and 255 (inclusive)";

const ROWS: CcRow[] = [
  // --- rules as a whole
  {
    src: `${V3}:23`,
    rules: [],
    cc: {},
    ccValid: true,
    ours: "`rules` [] has no rules",
    deliberate: "cf-no-empty-rules",
  },
  {
    src: `${V3}:29`,
    rules: "bad rule",
    cc: {},
    ccValid: false,
    ccSays: "must be an array",
    ours: "has no rules",
  },
  {
    src: `${V3}:38`,
    rules: [{ protocol: "blah" }, { "not-a-field": true }],
    cc: {},
    ccValid: false,
    ccSays: PROTOCOL,
    ours: "`rules[1].not-a-field`",
  },
  {
    src: `${V3}:59`,
    rules: ["bad rule"],
    cc: {},
    ccValid: false,
    ccSays: "must be an object",
    ours: "is not an ASG rule object",
  },
  {
    src: `${V3}:68`,
    rules: one({ blork: "busted", blark: "also busted" }),
    cc: {},
    ccValid: false,
    ccSays: 'unknown field(s): ["blork", "blark"]',
    ours: "`rules[0].blork` blork is not a key",
  },
  // --- destinations, IPv4
  {
    src: `${V3}:85`,
    rules: one({ protocol: "udp", destination: "10.10.10.0/24", ports: "8080" }),
    cc: {},
    ccValid: true,
  },
  {
    src: `${V3}:101`,
    rules: one({ protocol: "udp", destination: 42 }),
    cc: {},
    ccValid: false,
    ccSays: "destination must be a string",
    ours: "`rules[0].destination` 42 is not a string",
  },
  {
    src: `${V3}:117`,
    rules: one({ protocol: "udp", destination: null }),
    cc: {},
    ccValid: false,
    ccSays: V3_DEST_INVALID,
    ours: "`rules[0].destination` null is missing",
  },
  {
    src: `${V3}:134`,
    rules: one({ protocol: "udp", destination: "    10.10.10.10" }),
    cc: {},
    ccValid: false,
    ccSays: "destination must not contain whitespace",
    ours: "contains whitespace",
  },
  {
    src: `${V3}:150`,
    rules: one({ protocol: "udp", destination: "    10.10.10.10   ,   192.168.17.12" }),
    cc: {},
    ccValid: false,
    ccSays: "destination must not contain whitespace",
    ours: "`rules[0].destination`",
  },
  {
    src: `${V3}:167`,
    rules: one({ protocol: "udp", destination: "10.10.10.10," }),
    cc: {},
    ccValid: false,
    ccSays: V3_DEST_INVALID,
    ours: "is a comma-delimited list",
  },
  ...["10.000.0.0/24", "10.0.0.000/24"].map((d) => ({
    src: `${V3}:184`,
    rules: one({ protocol: "tcp", destination: d, ports: "443" }),
    cc: {},
    ccValid: false,
    ccSays: ZEROS,
    ours: `\`rules[0].destination\` ${d} has an octet with a leading zero (000)`,
  })),
  {
    src: `${V3}:207`,
    rules: one({ protocol: "tcp", destination: "1.0.0.000-1.0.0.200", ports: "443" }),
    cc: {},
    ccValid: false,
    ccSays: ZEROS,
    ours: "is not a valid IPv4 range a-b",
  },
  ...["010.0.0.53", "10.000.0.53", "10.0.000.53", "10.0.0.053", "010.000.000.053"].map((d) => ({
    src: `${V3}:224`,
    rules: one({ protocol: "tcp", destination: d, ports: "443" }),
    cc: {},
    ccValid: false,
    ccSays: ZEROS,
    ours: `\`rules[0].destination\` ${d} is not a valid IPv4 address`,
  })),
  {
    src: `${V3}:267`,
    rules: one({ protocol: "udp", destination: "1010" }),
    cc: {},
    ccValid: false,
    ccSays: V3_DEST_INVALID,
    ours: "1010 is not a valid IPv4 address",
  },
  {
    src: `${V3}:283`,
    rules: one({ protocol: "tcp", destination: "192.168.10.2-192.168.105", ports: "8080" }),
    cc: {},
    ccValid: false,
    ccSays: "destination IP address range is invalid",
    ours: "is not a valid IPv4 range a-b",
  },
  {
    src: `${V3}:300`,
    rules: one({ protocol: "udp", destination: "9.9.9.9-0.0.0.0" }),
    cc: {},
    ccValid: false,
    ccSays: INVERTED,
    ours: "is an inverted range",
  },
  {
    src: `${V3}:316`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/240" }),
    cc: {},
    ccValid: false,
    ccSays: V3_DEST_INVALID,
    ours: "192.168.10.2/240 has prefix length /240, out of range (0-32)",
  },
  {
    src: `${V3}:332`,
    rules: one({ protocol: "udp", destination: "192.168.10.2", ports: "8080" }),
    cc: {},
    ccValid: true,
  },
  {
    src: `${V3}:348`,
    rules: one({ protocol: "udp", destination: "192.168.10.2-192.168.15.254", ports: "8080" }),
    cc: {},
    ccValid: true,
  },
  {
    src: `${V3}:364`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/24", ports: "8080" }),
    cc: {},
    ccValid: true,
  },
  // --- comma-delimited destinations enabled
  {
    src: `${V3}:386`,
    rules: one({ protocol: "udp", destination: "10.0.0.0/8,192.168.0.0/16", ports: "8080" }),
    cc: { comma: true },
    ccValid: true,
    ours: "covers the whole RFC 1918 block 10.0.0.0/8",
    deliberate: "cf-whole-rfc1918",
  },
  {
    src: `${V3}:402`,
    rules: one({ protocol: "udp", destination: "10.0.0.0/8,1.0.0.0-1.0.0.255,4.5.6.7", ports: "8080" }),
    cc: { comma: true },
    ccValid: true,
    ours: "covers the whole RFC 1918 block 10.0.0.0/8",
    deliberate: "cf-whole-rfc1918",
  },
  {
    src: `${V3}:419`,
    rules: one({ protocol: "udp", destination: null, ports: "8080" }),
    cc: { comma: true },
    ccValid: false,
    ccSays:
      "nil destination; destination must be a comma-delimited list of valid CIDRs, IP addresses, or IP address ranges",
    ours: "is missing",
  },
  {
    src: `${V3}:438`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/24,1.2", ports: "8080" }),
    cc: { comma: true },
    ccValid: false,
    ccSays: V3_COMMA_INVALID,
    ours: "1.2 is not a valid IPv4 address",
  },
  {
    src: `${V3}:455`,
    rules: one({
      protocol: "udp",
      destination: "1.2-7.8,999.999.999.999,200.0.0.0-150.0.0.0,10.0.0.0/500",
      ports: "8080",
    }),
    cc: { comma: true },
    ccValid: false,
    ccSays: INVERTED,
    ours: "200.0.0.0-150.0.0.0 is an inverted range",
  },
  {
    src: `${V3}:477`,
    rules: one({ protocol: "all", destination: Array(7000).fill("192.168.1.3").join(",") }),
    cc: { comma: true },
    ccValid: false,
    ccSays: "maximum destinations per rule exceeded - must be under 6000",
    ours: "7000 destinations exceeds Cloud Controller's limit",
  },
  ...[
    ",10.10.10.10,11.11.11.11",
    "10.10.10.10,,11.11.11.11",
    "10.10.10.10,11.11.11.11,",
    ",10.10.10.10,,11.11.11.11,",
  ].map((d, i) => ({
    src: `${V3}:${[493, 512, 531, 550][i]}`,
    rules: one({ protocol: "udp", destination: d, ports: "8080" }),
    cc: { comma: true },
    ccValid: false,
    ccSays: "empty destination specified in comma-delimited list",
    ours: "is empty",
  })),
  // --- IPv6 enabled
  {
    src: `${V3}:577`,
    rules: one({ protocol: "udp", destination: "2001:db8::/32", ports: "8080" }),
    cc: { ipv6: true },
    ccValid: true,
    ours: "is an IPv6 destination",
    deliberate: "cf-ipv4-only",
  },
  {
    src: `${V3}:593`,
    rules: one({ protocol: "udp", destination: "10.10.10.0/24", ports: "8080" }),
    cc: { ipv6: true },
    ccValid: true,
  },
  {
    src: `${V3}:610`,
    rules: one({ protocol: "udp", destination: "    2001:0db8::1" }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: "destination must not contain whitespace",
    ours: "contains whitespace",
  },
  {
    src: `${V3}:626`,
    rules: one({ protocol: "udp", destination: "    2001:0db8::1   ,   2001:0db8::2" }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: "destination must not contain whitespace",
    ours: "`rules[0].destination`",
  },
  {
    src: `${V3}:643`,
    rules: one({ protocol: "udp", destination: "2001:0db8::1," }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: V3_DEST_INVALID,
    ours: "is a comma-delimited list",
  },
  ...[
    "2001:0db8::/32",
    "2001:db8:0000::/32",
    "2001:0db8::1-2001:0db8::ff",
    "2001:0db8::1",
    "2001:db8:0000::1",
    "2001:db8::0001",
    "2001:db8::01",
    "2001:db8:0000:0000::01",
  ].map((d, i) => ({
    src: `${V3}:${i < 2 ? 660 : i < 3 ? 681 : 697}`,
    rules: one({ protocol: "tcp", destination: d, ports: "443" }),
    cc: { ipv6: true },
    ccValid: true,
    ours: "is an IPv6 destination",
    deliberate: "cf-ipv4-only" as const,
  })),
  {
    src: `${V3}:734`,
    rules: one({ protocol: "tcp", destination: "2001:db8::1-2001:db8::g", ports: "8080" }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: "destination IP address range is invalid",
    ours: "is an IPv6 destination",
  },
  {
    src: `${V3}:751`,
    rules: one({ protocol: "udp", destination: "2001:db8::ff-2001:db8::1" }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: INVERTED,
    ours: "is an IPv6 destination",
  },
  {
    src: `${V3}:768`,
    rules: one({ protocol: "udp", destination: "2001:db8::/129" }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: V3_DEST_INVALID,
    ours: "is an IPv6 destination",
  },
  ...["2001:db8::", "2001:db8::1-2001:db8::ff", "2001:db8::/32"].map((d, i) => ({
    src: `${V3}:${[784, 800, 816][i]}`,
    rules: one({ protocol: "udp", destination: d, ports: "8080" }),
    cc: { ipv6: true },
    ccValid: true,
    ours: "is an IPv6 destination",
    deliberate: "cf-ipv4-only" as const,
  })),
  ...[
    "2001:db8::/32,2001:db8:85a3::/64",
    "2001:db8::/32,2001:db8::1-2001:db8::ff,2001:db8::2",
    "2001:db8::,4.5.6.7",
  ].map((d, i) => ({
    src: `${V3}:${[838, 854, 870][i]}`,
    rules: one({ protocol: "udp", destination: d, ports: "8080" }),
    cc: { ipv6: true, comma: true },
    ccValid: true,
    ours: "is an IPv6 destination",
    deliberate: "cf-ipv4-only" as const,
  })),
  {
    src: `${V3}:887`,
    rules: one({ protocol: "udp", destination: "2001:db8::/32,2001", ports: "8080" }),
    cc: { ipv6: true, comma: true },
    ccValid: false,
    ccSays: V3_COMMA_INVALID,
    ours: "2001 is not a valid IPv4 address",
  },
  {
    src: `${V3}:904`,
    rules: one({
      protocol: "udp",
      destination: "2001:db8::1-2001:db8::g,2001:db8::/129,2001:db8::ff-2001:db8::1",
      ports: "8080",
    }),
    cc: { ipv6: true, comma: true },
    ccValid: false,
    ccSays: INVERTED,
    ours: "is an IPv6 destination",
  },
  {
    src: `${V3}:926`,
    rules: one({ protocol: "all", destination: Array(7000).fill("2001:db8::").join(",") }),
    cc: { ipv6: true, comma: true },
    ccValid: false,
    ccSays: "maximum destinations per rule exceeded - must be under 6000",
    ours: "7000 destinations exceeds Cloud Controller's limit",
  },
  {
    src: `${V3}:947`,
    rules: one({ protocol: "udp", destination: "2001:db8::,192.168.200.1", ports: "8080" }),
    cc: { comma: true },
    ccValid: false,
    ccSays: V3_COMMA_INVALID,
    ours: "is an IPv6 destination",
  },
  {
    src: `${V3}:971`,
    rules: one({ protocol: "udp", destination: "2001:db8::", ports: "8080" }),
    cc: {},
    ccValid: false,
    ccSays: V3_DEST_INVALID,
    ours: "is an IPv6 destination",
  },
  // --- description, log, protocol
  {
    src: `${V3}:992`,
    rules: one({
      protocol: "udp",
      destination: "192.168.10.2/24",
      description: "a description",
      ports: "8080",
    }),
    cc: {},
    ccValid: true,
  },
  {
    src: `${V3}:1009`,
    rules: one({ protocol: "udp", description: 42 }),
    cc: {},
    ccValid: false,
    ccSays: "description must be a string",
    ours: "`rules[0].description` 42 is not a string",
  },
  {
    src: `${V3}:1027`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/24", log: true, ports: "8080" }),
    cc: {},
    ccValid: true,
  },
  {
    src: `${V3}:1044`,
    rules: one({ protocol: "udp", log: 42, ports: "8080" }),
    cc: {},
    ccValid: false,
    ccSays: "log must be a boolean",
    ours: "`rules[0].log` 42 is not a boolean",
  },
  {
    src: `${V3}:1063`,
    rules: one({ protocol: 4 }),
    cc: {},
    ccValid: false,
    ccSays: PROTOCOL,
    ours: "`rules[0].protocol` 4 is not an ASG protocol",
  },
  {
    src: `${V3}:1072`,
    rules: one({ protocol: null }),
    cc: {},
    ccValid: false,
    ccSays: PROTOCOL,
    ours: "`rules[0].protocol` null is not an ASG protocol",
  },
  {
    src: `${V3}:1081`,
    rules: one({ protocol: "arp" }),
    cc: {},
    ccValid: false,
    ccSays: PROTOCOL,
    ours: "`rules[0].protocol` arp is not an ASG protocol",
  },
  {
    src: `${V3}:1090`,
    rules: one({ protocol: "icmp", destination: "10.10.10.0/24", ports: "8080", type: -1, code: 255 }),
    cc: {},
    ccValid: true,
    ours: "`rules[0].ports` 8080 is not allowed for protocol icmp (Cloud Controller ignores it",
    deliberate: "cf-ignored-fields",
  },
  ...["tcp", "udp", "all"].map((p) => ({
    src: `${V3}:1090`,
    rules: one({
      protocol: p,
      destination: "10.10.10.0/24",
      ports: p === "all" ? null : "8080",
      type: null,
      code: null,
    }),
    cc: {},
    ccValid: true,
  })),
  // --- ports
  ...["8080", "3000,8888", "4000-5000"].map((ports, i) => ({
    src: `${V3}:${[1113, 1129, 1145][i]}`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/24", ports }),
    cc: {},
    ccValid: true,
  })),
  {
    src: `${V3}:1161`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/24" }),
    cc: {},
    ccValid: false,
    ccSays: "ports are required for protocols of type TCP and UDP",
    ours: "`rules[0].ports` undefined is required for protocol udp",
  },
  {
    src: `${V3}:1179`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/24", ports: "6000-5000" }),
    cc: {},
    ccValid: false,
    ccSays: PORTS,
    ours: "is a range whose start is not below its end",
  },
  {
    src: `${V3}:1198`,
    rules: one({ protocol: "udp", destination: "192.168.10.2/24", ports: 42 }),
    cc: {},
    ccValid: false,
    ccSays: PORTS,
    ours: "`rules[0].ports` 42 is not a string",
  },
  {
    src: `${V3}:1215`,
    rules: one({ protocol: "all", destination: "192.168.10.2/24", ports: "6000" }),
    cc: {},
    ccValid: false,
    ccSays: "ports are not allowed for protocols of type all",
    ours: "`rules[0].ports` 6000 is not allowed for protocol all",
  },
  // --- ICMP
  {
    src: `${V3}:1234`,
    rules: one({ protocol: "icmp", destination: "10.10.10.0/24", type: -1, code: 255 }),
    cc: {},
    ccValid: true,
  },
  {
    src: `${V3}:1255`,
    rules: one({ protocol: "icmp", destination: "1.0.0.1-1.0.0.200", type: -1, code: 255 }),
    cc: {},
    ccValid: true,
  },
  {
    src: `${V3}:1272`,
    rules: one({ protocol: "icmp", destination: "10.10.10.0/24" }),
    cc: {},
    ccValid: false,
    ccSays: "type is required for protocols of type ICMP",
    ours: "`rules[0].type` undefined is required for protocol icmp",
  },
  {
    src: `${V3}:1289`,
    rules: one({ protocol: "icmp", type: -2, code: 256 }),
    cc: {},
    ccValid: false,
    ccSays: `type ${ICMP_RANGE}`,
    ours: "`rules[0].type` -2 is outside -1..255",
  },
  {
    src: `${V3}:1307`,
    rules: one({ protocol: "icmp", type: "not an int", code: "not an int" }),
    cc: {},
    ccValid: false,
    ccSays: `type ${ICMP_RANGE}`,
    ours: "`rules[0].type` not an int is not an integer",
  },
  {
    src: `${V3}:1330`,
    rules: one({ protocol: "icmpv6", destination: "2001:db8::/32", type: -1, code: 255 }),
    cc: {},
    ccValid: false,
    ccSays: "icmpv6 cannot be used if enable_ipv6 is false",
    ours: "`rules[0].protocol` icmpv6 is not an ASG protocol",
  },
  {
    src: `${V3}:1354`,
    rules: one({ protocol: "icmp", destination: "2001:db8::/32", type: -1, code: 255 }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: 'for protocol "icmp" you cannot use IPv6 addresses',
    ours: "is an IPv6 destination",
  },
  {
    src: `${V3}:1372`,
    rules: one({ protocol: "icmp", destination: "2001:0db8::1-2001:0db8::ff", type: -1, code: 255 }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: 'for protocol "icmp" you cannot use IPv6 addresses',
    ours: "is an IPv6 destination",
  },
  {
    src: `${V3}:1390`,
    rules: one({ protocol: "icmp", destination: "2001:db8::/32,2001:db8:85a3::/64", type: -1, code: 255 }),
    cc: { ipv6: true, comma: true },
    ccValid: false,
    ccSays: 'for protocol "icmp" you cannot use IPv6 addresses',
    ours: "is an IPv6 destination",
  },
  ...["2001:db8::/32", "2001:0db8::1-2001:0db8::ff", "2001:db8::/32,2001:db8:85a3::/64"].map((d, i) => ({
    src: `${V3}:${[1412, 1429, 1446][i]}`,
    rules: one({ protocol: "icmpv6", destination: d, type: -1, code: 255 }),
    cc: { ipv6: true, comma: i === 2 },
    ccValid: true,
    ours: "is an IPv6 destination",
    deliberate: "cf-ipv4-only" as const,
  })),
  {
    src: `${V3}:1467`,
    rules: one({ protocol: "icmpv6", destination: "10.0.0.0/8", type: -1, code: 255 }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: 'for protocol "icmpv6" you cannot use IPv4 addresses',
    ours: "[PE-CF-040] `rules[0].destination` 10.0.0.0/8 is an IPv4 destination for protocol icmpv6",
  },
  {
    src: `${V3}:1485`,
    rules: one({ protocol: "icmpv6", destination: "1.0.0.1-1.0.0.200", type: -1, code: 255 }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: 'for protocol "icmpv6" you cannot use IPv4 addresses',
    ours: "[PE-CF-040] `rules[0].destination` 1.0.0.1-1.0.0.200 is an IPv4 destination for protocol icmpv6",
  },
  {
    src: `${V3}:1503`,
    rules: one({ protocol: "icmpv6", destination: "10.0.0.0/8,2001:db8::/32", type: -1, code: 255 }),
    cc: { ipv6: true, comma: true },
    ccValid: false,
    ccSays: 'for protocol "icmpv6" you cannot use IPv4 addresses',
    ours: "[PE-CF-040]",
  },
  {
    src: `${V3}:1525`,
    rules: one({ protocol: "icmpv6", destination: "2001:db8::/32" }),
    cc: { ipv6: true },
    ccValid: false,
    ccSays: "type is required for protocols of type ICMP",
    ours: "`rules[0].type` undefined is required for protocol icmpv6",
  },
  // --- the v2 destination validator (IPv6 on, comma lists off)
  ...(
    [
      [15, "192.168.10.2", true],
      [21, "10.0.0.0/8", true],
      [27, "192.168.10.2-192.168.15.254", true],
      [33, "200.0.0.0-150.0.0.0", false],
      [39, "1.1.1.1-2.2.2.2/30", false],
      [45, "999.999.999.999", false],
      [53, "010.0.0.53", false],
      [59, "03.005.010.02", false],
      [65, "010.000.000.000/24", false],
      [71, "010.0.0.1-10.0.0.9", false],
      [78, "2001:db8::1", true],
      [85, "2001:0db8::1", true],
      [93, "::ffff:10.0.0.1", true],
      [99, "::ffff:010.0.0.1", false],
      [106, "2001:db8::1-2001:db8::ff", true],
      [112, "2001:db8::ff-2001:db8::1", false],
    ] as const
  ).map(([line, d, valid]) => ({
    src: `${V2}:${line}`,
    rules: one({ protocol: "all", destination: d }),
    cc: { ipv6: true },
    ccValid: valid,
    ccSays: valid ? undefined : "validate_destination is false",
    ours: d.includes(":")
      ? "is an IPv6 destination"
      : d === "10.0.0.0/8"
        ? "covers the whole RFC 1918 block"
        : "`rules[0].destination`",
    deliberate: !valid
      ? undefined
      : d.includes(":")
        ? ("cf-ipv4-only" as const)
        : d === "10.0.0.0/8"
          ? ("cf-whole-rfc1918" as const)
          : undefined,
  })),
  // --- the validator sources, for what the specs leave open
  ...["udp", "icmp", "all"].map((p) => ({
    src: `${VALIDATOR}:72`,
    rules: one({
      protocol: p,
      destination: "10.10.10.0/24",
      log: true,
      ...(p === "udp" ? { ports: "53" } : p === "icmp" ? { type: 0, code: 0 } : {}),
    }),
    cc: {},
    ccValid: true,
  })),
  {
    src: `${MIGRATION}:7 (MEDIUMTEXT; MySQL utf8)`,
    rules: one({ protocol: "tcp", destination: "10.10.10.0/24", ports: "443", description: "db \u{1F600}" }),
    cc: {},
    ccValid: false,
    ccSays: "(MySQL) Incorrect string value",
    ours: "[PE-CF-041]",
  },
  {
    src: `${TRANSPORT}:15,17,30`,
    rules: one({ protocol: "tcp", destination: "10.10.10.0/24", ports: "80, 443" }),
    cc: {},
    ccValid: true,
    ours: "this library's safety rule refuses it",
    deliberate: "cf-port-whitespace",
  },
  {
    src: `${TRANSPORT}:15,17,30`,
    rules: one({ protocol: "tcp", destination: "10.10.10.0/24", ports: "1000 - 2000" }),
    cc: {},
    ccValid: true,
    ours: "this library's safety rule refuses it",
    deliberate: "cf-port-whitespace",
  },
  {
    src: `${VALIDATOR}:75-86`,
    rules: one({ protocol: "tcp", destination: "10.10.10.0/24", ports: "443", type: 0, code: 0 }),
    cc: {},
    ccValid: true,
    ours: "`rules[0].type` 0 is not allowed for protocol tcp (Cloud Controller ignores it",
    deliberate: "cf-ignored-fields",
  },
  {
    src: `${VALIDATOR}:144-174`,
    rules: one({ protocol: "all", destination: "0.0.0.0/0" }),
    cc: {},
    ccValid: true,
    ours: "covers the IaaS metadata endpoint",
    deliberate: "cf-metadata",
  },
  {
    src: `${VALIDATOR}:144-174`,
    rules: one({ protocol: "tcp", destination: "169.254.169.254", ports: "80" }),
    cc: {},
    ccValid: true,
    ours: "covers the IaaS metadata endpoint 169.254.169.254 (Cloud Controller accepts it; this library's safety rule refuses it)",
    deliberate: "cf-metadata",
  },
  {
    src: `${VALIDATOR}:144-174`,
    rules: one({ protocol: "tcp", destination: "12.0.0.0/7", ports: "443" }),
    cc: {},
    ccValid: true,
    ours: "covers more than a /8",
    deliberate: "cf-broad",
  },
  {
    src: `${VALIDATOR}:144-174`,
    rules: one({ protocol: "tcp", destination: "172.16.0.0/12", ports: "443" }),
    cc: {},
    ccValid: true,
    ours: "covers the whole RFC 1918 block 172.16.0.0/12",
    deliberate: "cf-whole-rfc1918",
  },
];

function optionsFor(cc: CcConfig): AsgRuleCheckOptions {
  return { allowCommaDestinations: cc.comma ?? false, allowIcmpv6: cc.ipv6 ?? false };
}

describe("Cloud Controller conformance table (checkAsgRules)", () => {
  test.each(ROWS.map((r, i) => [`${i + 1} ${r.src}`, r] as const))("%s", (_name, row) => {
    // GIVEN the spec's rules, with the foundation options its context sets
    const errors = checkAsgRules(row.rules, optionsFor(row.cc));
    const messages = errors.map((e) => e.message).join("\n");
    // THEN the verdict is Cloud Controller's, or the documented deliberate difference
    const libraryValid = errors.length === 0;
    if (row.deliberate) {
      expect(row.ccValid).toBe(true);
      expect(libraryValid).toBe(false);
      const optOut = DELIBERATE[row.deliberate].optOut;
      if (optOut) expect(checkAsgRules(row.rules, { ...optionsFor(row.cc), ...optOut })).toEqual([]);
    } else {
      expect(libraryValid).toBe(row.ccValid);
    }
    if (!libraryValid) expect(messages).toContain(row.ours);
  });

  test("counts: rows, agreement and the deliberate differences", () => {
    const deliberate = ROWS.filter((r) => r.deliberate);
    expect({
      rows: ROWS.length,
      agree: ROWS.length - deliberate.length,
      deliberate: deliberate.length,
    }).toEqual({ rows: 124, agree: 90, deliberate: 34 });
  });

  test("every deliberate difference's message says it is the library's safety rule, with its opt-out", () => {
    for (const row of ROWS.filter((r) => r.deliberate && r.deliberate !== "cf-no-empty-rules")) {
      const messages = checkAsgRules(row.rules, optionsFor(row.cc))
        .map((e) => e.message)
        .join("\n");
      expect(messages).toMatch(/this library's safety rule/);
      const optOut = DELIBERATE[row.deliberate as keyof typeof DELIBERATE].optOut;
      if (optOut) expect(messages).toContain(`opt out with ${Object.keys(optOut)[0]}`);
      else expect(messages).toMatch(/no opt-out|no option allows it/);
    }
  });

  test("docs/conformance.md lists every deliberate difference with its reason", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/conformance.md"), "utf8");
    for (const id of Object.keys(DELIBERATE)) expect(doc).toContain(`\`${id}\``);
  });
});

describe("ApplicationSecurityGroup holds its rules to the same table", () => {
  test("fails when an icmpv6 rule has an IPv4 destination, even with allowIcmpv6 (rules[0].destination)", () => {
    const stack = newStack();
    expect(
      () =>
        new ApplicationSecurityGroup(stack, "Asg", {
          name: "ping6",
          rules: [{ protocol: AsgProtocol.ICMPV6, destination: "10.40.0.0/24", type: -1, code: -1 }],
          allowIcmpv6: true,
        }),
    ).toThrow(
      /\[PE-CF-040\] `rules\[0\]\.destination` 10\.40\.0\.0\/24 is an IPv4 destination for protocol icmpv6/,
    );
  });

  test("log on a udp rule is synthesized (Cloud Controller accepts log on every protocol)", () => {
    const stack = newStack();
    new ApplicationSecurityGroup(stack, "Asg", {
      name: "dns",
      rules: [{ protocol: AsgProtocol.UDP, destination: "10.40.0.2", ports: "53", log: true }],
    });
    const { json } = synthChecked(stack);
    expect(only(json, "cloudfoundry_security_group").rules).toEqual([
      expect.objectContaining({ protocol: "udp", destination: "10.40.0.2", ports: "53", log: true }),
    ]);
  });

  test("fails when a description has an emoji (rules[0].description)", () => {
    const stack = newStack();
    expect(
      () =>
        new ApplicationSecurityGroup(stack, "Asg", {
          name: "db",
          rules: [
            {
              protocol: AsgProtocol.TCP,
              destination: "10.40.0.0/24",
              ports: "5432",
              description: "db \u{1F680}",
            },
          ],
        }),
    ).toThrow(/\[PE-CF-041\] `rules\[0\]\.description`/);
  });
});
