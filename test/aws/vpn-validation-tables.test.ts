// Exhaustive checks of the VPN validators' tables, ranges and prop names: every value AWS accepts
// passes, the value next to each boundary fails, and each error names the field at fault (written
// after mutation testing showed these paths were not pinned down).
import {
  checkAmazonSideAsn,
  checkAsnsDiffer,
  checkCustomerAsn,
  checkCustomerGateway,
  checkCustomerGatewayResource,
  checkInsideCidrsDiffer,
  checkInsideCidrsUnique,
  checkLogOutputFormat,
  checkLogRetention,
  checkNetworkCidr,
  checkPresharedKeyFormat,
  checkStaticRoutes,
  checkTunnelInsideCidr,
  checkTunnelOptions,
  checkVpnConnectionResource,
  checkVpnConnectionRouteResources,
  checkVpnGatewayResource,
  DPD_TIMEOUT_ACTIONS,
  IKE_VERSIONS,
  LOG_RETENTION_DAYS,
  PHASE1_DH_GROUP_NUMBERS,
  PHASE1_ENCRYPTION_ALGORITHMS,
  PHASE1_INTEGRITY_ALGORITHMS,
  PHASE2_DH_GROUP_NUMBERS,
  PHASE2_ENCRYPTION_ALGORITHMS,
  PHASE2_INTEGRITY_ALGORITHMS,
  PropStyle,
  STARTUP_ACTIONS,
  throwFirst,
  TunnelOptionsInput,
  TUNNEL_OPTION_RANGES,
} from "../../lib/aws/vpn-validation";
import { expressionsAsTokens } from "../../lib/core/tokens";

const props = (errors: { prop: string }[]) => errors.map((e) => e.prop);

describe("tunnel option tables", () => {
  const lists: Array<[keyof TunnelOptionsInput, readonly (string | number)[], (string | number)[]]> = [
    ["ikeVersions", IKE_VERSIONS, ["ikev3", "IKEV1"]],
    ["phase1EncryptionAlgorithms", PHASE1_ENCRYPTION_ALGORITHMS, ["3DES", "aes256"]],
    ["phase2EncryptionAlgorithms", PHASE2_ENCRYPTION_ALGORITHMS, ["3DES", "AES192"]],
    ["phase1IntegrityAlgorithms", PHASE1_INTEGRITY_ALGORITHMS, ["MD5", "SHA2-224"]],
    ["phase2IntegrityAlgorithms", PHASE2_INTEGRITY_ALGORITHMS, ["MD5", "sha1"]],
    ["phase1DhGroupNumbers", PHASE1_DH_GROUP_NUMBERS, [1, 5, 13, 25]],
    ["phase2DhGroupNumbers", PHASE2_DH_GROUP_NUMBERS, [1, 3, 13, 25]],
  ];

  test("AWS's lists are exactly the documented ones", () => {
    expect(IKE_VERSIONS).toEqual(["ikev1", "ikev2"]);
    for (const l of [PHASE1_ENCRYPTION_ALGORITHMS, PHASE2_ENCRYPTION_ALGORITHMS]) {
      expect(l).toEqual(["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"]);
    }
    for (const l of [PHASE1_INTEGRITY_ALGORITHMS, PHASE2_INTEGRITY_ALGORITHMS]) {
      expect(l).toEqual(["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"]);
    }
    expect(PHASE1_DH_GROUP_NUMBERS).toEqual([2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(PHASE2_DH_GROUP_NUMBERS).toEqual([2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(DPD_TIMEOUT_ACTIONS).toEqual(["clear", "none", "restart"]);
    expect(STARTUP_ACTIONS).toEqual(["add", "start"]);
  });

  describe.each(lists)("%s", (field, allowed, rejected) => {
    test.each(allowed.map((v) => [v]))("accepts %p alone", (v) => {
      expect(checkTunnelOptions({ [field]: [v] }, "tunnel2")).toEqual([]);
    });
    test.each(rejected.map((v) => [v]))("fails when it holds %p, naming tunnel2.<field>", (v) => {
      const errors = checkTunnelOptions({ [field]: [allowed[0], v] }, "tunnel2");
      expect(props(errors)).toEqual([`tunnel2.${field}`]);
      expect(errors[0].message).toContain(String(v));
    });
    test("fails when it is empty or holds a value twice", () => {
      expect(props(checkTunnelOptions({ [field]: [] }, "tunnel1"))).toEqual([`tunnel1.${field}`]);
      expect(props(checkTunnelOptions({ [field]: [allowed[0], allowed[0]] }, "tunnel1"))).toEqual([
        `tunnel1.${field}`,
      ]);
    });
  });

  describe.each(Object.entries(TUNNEL_OPTION_RANGES))("%s", (field, range) => {
    // values in range that keep the consistency rules (phase 2 < phase 1, margin <= phase 2 / 2) satisfied
    const context: TunnelOptionsInput =
      field === "phase1LifetimeSeconds"
        ? { phase2LifetimeSeconds: 899 + 1, rekeyMarginTimeSeconds: 60 }
        : field === "phase2LifetimeSeconds"
          ? { phase1LifetimeSeconds: 28800, rekeyMarginTimeSeconds: 60 }
          : field === "rekeyMarginTimeSeconds"
            ? { phase2LifetimeSeconds: 3600 }
            : {};
    const at = (value: number) => checkTunnelOptions({ ...context, [field]: value }, "tunnel1");
    // rekey fuzz 0 is in AWS's range but refused on its own (the provider sends it as unset)
    const firstValid =
      field === "phase1LifetimeSeconds" || field === "rekeyFuzzPercentage" ? range.min + 1 : range.min;

    test(`accepts ${range.min}-${range.max}`, () => {
      expect(at(firstValid)).toEqual([]);
      if (field !== "phase2LifetimeSeconds" && field !== "rekeyMarginTimeSeconds")
        expect(at(range.max)).toEqual([]);
    });
    test.each([[range.min - 1], [range.max + 1], [range.min + 0.5]])("fails when it is %p", (value) => {
      const errors = at(value);
      expect(props(errors)).toContain(`tunnel1.${field}`);
      expect(errors.find((e) => e.prop === `tunnel1.${field}`)?.message).toContain(String(value));
    });
  });

  test.each([
    ["dpdTimeoutAction", DPD_TIMEOUT_ACTIONS, "reset"],
    ["startupAction", STARTUP_ACTIONS, "begin"],
  ] as const)("%s accepts each allowed value and fails otherwise", (field, allowed, bad) => {
    for (const v of allowed) {
      const extra = v === "start" ? { ikeVersions: ["ikev2"] } : {};
      expect(checkTunnelOptions({ ...extra, [field]: v }, "tunnel1")).toEqual([]);
    }
    expect(props(checkTunnelOptions({ [field]: bad }, "tunnel1"))).toEqual([`tunnel1.${field}`]);
  });

  test("Terraform style names the arguments as synthesized", () => {
    expect(props(checkTunnelOptions({ phase1DhGroupNumbers: [5] }, "tunnel2", PropStyle.TERRAFORM))).toEqual([
      "tunnel2_phase1_dh_group_numbers",
    ]);
    expect(props(checkTunnelOptions({ replayWindowSize: 63 }, "tunnel1", PropStyle.TERRAFORM))).toEqual([
      "tunnel1_replay_window_size",
    ]);
  });

  test("consistency: phase 2 below phase 1, margin at most half of phase 2, start only with IKEv2 alone", () => {
    expect(
      props(checkTunnelOptions({ phase1LifetimeSeconds: 3600, phase2LifetimeSeconds: 3600 }, "t")),
    ).toEqual(["t.phase2LifetimeSeconds"]);
    expect(checkTunnelOptions({ phase1LifetimeSeconds: 3601, phase2LifetimeSeconds: 3600 }, "t")).toEqual([]);
    expect(
      props(checkTunnelOptions({ phase2LifetimeSeconds: 1000, rekeyMarginTimeSeconds: 501 }, "t")),
    ).toEqual(["t.rekeyMarginTimeSeconds"]);
    expect(checkTunnelOptions({ phase2LifetimeSeconds: 1000, rekeyMarginTimeSeconds: 500 }, "t")).toEqual([]);
    // AWS's defaults stand in for omitted values: phase 1 28800 s, phase 2 3600 s, margin 270 s
    // (EC2 API reference), so phase 2 lifetimes from 900 s pass with the margin omitted
    expect(checkTunnelOptions({ phase2LifetimeSeconds: 1000 }, "t")).toEqual([]);
    expect(checkTunnelOptions({ phase2LifetimeSeconds: 900 }, "t")).toEqual([]);
    expect(
      props(checkTunnelOptions({ phase2LifetimeSeconds: 900, rekeyMarginTimeSeconds: 451 }, "t")),
    ).toEqual(["t.rekeyMarginTimeSeconds"]);
    expect(props(checkTunnelOptions({ startupAction: "start" }, "t"))).toEqual(["t.startupAction"]);
    expect(
      props(checkTunnelOptions({ startupAction: "start", ikeVersions: ["ikev1", "ikev2"] }, "t")),
    ).toEqual(["t.startupAction"]);
    expect(checkTunnelOptions({ startupAction: "start", ikeVersions: ["ikev2"] }, "t")).toEqual([]);
    // tokens are skipped
    expect(
      checkTunnelOptions(
        { phase1LifetimeSeconds: expressionsAsTokens("${var.p1}") as unknown as number },
        "t",
      ),
    ).toEqual([]);
  });
});

describe("inside CIDRs", () => {
  test.each([
    ["169.254.10.0/30", []],
    ["169.254.10.1/30", ["p"]],
    ["169.254.10.0/29", ["p"]],
    ["10.0.0.0/30", ["p"]],
    ["169.254.169.252/30", ["p"]],
    ["169.254.5.0/30", ["p"]],
    ["169.254.6.0/30", []],
  ])("%s", (cidr, expected) => {
    expect(props(checkTunnelInsideCidr(cidr, "p"))).toEqual(expected);
  });

  test("the two tunnels differ; each is unique on the gateway", () => {
    expect(props(checkInsideCidrsDiffer("169.254.10.0/30", "169.254.10.0/30"))).toEqual([
      "tunnel2.insideCidr",
    ]);
    expect(checkInsideCidrsDiffer("169.254.10.0/30", "169.254.10.4/30")).toEqual([]);
    expect(checkInsideCidrsDiffer(undefined, "169.254.10.4/30")).toEqual([]);
    const used = [{ cidr: "169.254.10.0/30", usedBy: "other (tunnel 1)" }];
    const errors = checkInsideCidrsUnique(
      [
        { cidr: "169.254.10.0/30", prop: "tunnel1.insideCidr" },
        { cidr: "169.254.10.4/30", prop: "tunnel2.insideCidr" },
        { cidr: undefined, prop: "x" },
      ],
      used,
    );
    expect(props(errors)).toEqual(["tunnel1.insideCidr"]);
    expect(errors[0].message).toContain("other (tunnel 1)");
  });
});

describe("keys, routes, networks", () => {
  test.each([
    ["abcdefgh", true],
    ["a".repeat(64), true],
    ["A1._zzzz", true],
    ["abcdefg", false],
    ["a".repeat(65), false],
    ["0abcdefgh", false],
    ["abcd-efgh", false],
    ["abcd efgh", false],
  ])("pre-shared key %p valid: %p", (key, ok) => {
    const errors = checkPresharedKeyFormat(key, "tunnel1.presharedKey");
    expect(errors.length === 0).toBe(ok);
    if (!ok) {
      expect(props(errors)).toEqual(["tunnel1.presharedKey"]);
      expect(errors[0].message).not.toContain(key); // never echo a key
    }
  });

  test("static routes: empty, malformed, default, duplicate, too many", () => {
    expect(props(checkStaticRoutes([]))).toEqual(["staticRoutes"]);
    expect(checkStaticRoutes(["10.1.0.0/16", "101.0.0.0/16"])).toEqual([]);
    expect(props(checkStaticRoutes(["10.1.0.1/16"], "r"))).toEqual(["r[0]"]);
    expect(props(checkStaticRoutes(["0.0.0.0/0"], "r"))).toEqual(["r[0]"]);
    expect(props(checkStaticRoutes(["10.1.0.0/16", "10.1.0.0/16"], "r"))).toEqual(["r[1]"]);
    const many = Array.from({ length: 101 }, (_, i) => `10.${i}.0.0/16`);
    expect(props(checkStaticRoutes(many, "r"))).toEqual(["r"]);
    expect(checkStaticRoutes(many.slice(0, 100), "r")).toEqual([]);
    expect(
      props(
        checkVpnConnectionRouteResources([
          { destination_cidr_block: "10.1.0.0/16" },
          { destination_cidr_block: "x" },
        ]),
      ),
    ).toEqual(["destination_cidr_block[1]"]);
  });

  test("local/remote network CIDRs must be canonical", () => {
    expect(checkNetworkCidr("10.0.0.0/8", "localNetworkCidr")).toEqual([]);
    expect(checkNetworkCidr(undefined, "localNetworkCidr")).toEqual([]);
    expect(props(checkNetworkCidr("10.0.0.1/8", "localNetworkCidr"))).toEqual(["localNetworkCidr"]);
  });
});

describe("gateways and logs", () => {
  test("customer gateway: public IPv4, ASN, device name, certificate ARN, in both prop styles", () => {
    expect(
      checkCustomerGateway({ ipAddress: "18.188.145.101", bgpAsn: 65000, deviceName: "openswan" }),
    ).toEqual([]);
    expect(props(checkCustomerGateway({ ipAddress: "10.0.0.1" }))).toEqual(["ipAddress"]);
    expect(props(checkCustomerGateway({ ipAddress: "not-an-ip" }))).toEqual(["ipAddress"]);
    expect(props(checkCustomerGateway({ ipAddress: "198.18.0.1" }))).toEqual(["ipAddress"]);
    expect(checkCustomerGateway({ ipAddress: "198.18.0.1" })[0].message).toContain("(it is reserved)");
    expect(checkCustomerGateway({ ipAddress: "100.64.0.1" })[0].message).toContain("(it is carrierGradeNat)");
    expect(props(checkCustomerGateway({ deviceName: "" }))).toEqual(["deviceName"]);
    expect(props(checkCustomerGateway({ deviceName: "x".repeat(256) }))).toEqual(["deviceName"]);
    expect(checkCustomerGateway({ deviceName: "x".repeat(255) })).toEqual([]);
    expect(props(checkCustomerGateway({ deviceName: "tab\there" }))).toEqual(["deviceName"]);
    const arn =
      "arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    expect(checkCustomerGateway({ certificateArn: arn })).toEqual([]);
    expect(props(checkCustomerGateway({ certificateArn: `x${arn}` }))).toEqual(["certificateArn"]);
    expect(props(checkCustomerGateway({ certificateArn: `${arn}/x y` }))).toEqual(["certificateArn"]);
    expect(
      props(checkCustomerGateway({ certificateArn: "arn:aws:acm:us-east-1:12345:certificate/abc" })),
    ).toEqual(["certificateArn"]);
    expect(
      props(
        checkCustomerGateway(
          { ipAddress: "10.0.0.1", bgpAsn: 0, deviceName: "", certificateArn: "x" },
          PropStyle.TERRAFORM,
        ),
      ),
    ).toEqual(["ip_address", "bgp_asn", "device_name", "certificate_arn"]);
    expect(props(checkCustomerGatewayResource({ ip_address: "10.0.0.1", bgp_asn: "65000" }))).toEqual([
      "ip_address",
    ]);
    expect(
      props(checkCustomerGatewayResource({ ip_address: "18.188.145.101", bgp_asn_extended: "0" })),
    ).toEqual(["bgp_asn_extended"]);
    expect(
      checkCustomerGatewayResource({ ip_address: "18.188.145.101", bgp_asn_extended: "4200000001" }),
    ).toEqual([]);
  });

  test("ASN ranges and distinctness", () => {
    for (const ok of [1, 65000, 2147483647, 4294967294]) expect(checkCustomerAsn(ok)).toEqual([]);
    for (const bad of [0, 4294967295, 1.5, -1]) expect(props(checkCustomerAsn(bad))).toEqual(["bgpAsn"]);
    for (const ok of [64512, 65534, 4200000000, 4294967294]) expect(checkAmazonSideAsn(ok)).toEqual([]);
    for (const bad of [64511, 65535, 4199999999, 4294967295, 65000.5]) {
      expect(props(checkAmazonSideAsn(bad))).toEqual(["amazonSideAsn"]);
    }
    expect(props(checkVpnGatewayResource({ amazon_side_asn: "65535" }))).toEqual(["amazon_side_asn"]);
    expect(checkVpnGatewayResource({ amazon_side_asn: "64512" })).toEqual([]);
    expect(props(checkAsnsDiffer(64512, 64512))).toEqual(["bgpAsn"]);
    expect(checkAsnsDiffer(65000, 64512)).toEqual([]);
    expect(checkAsnsDiffer(undefined, 64512)).toEqual([]);
    expect(checkAsnsDiffer(64512, undefined)).toEqual([]);
  });

  test("log retention and format", () => {
    for (const d of LOG_RETENTION_DAYS) expect(checkLogRetention(d)).toEqual([]);
    for (const d of [1, 30, 364, 366]) expect(props(checkLogRetention(d))).toEqual(["logRetentionDays"]);
    expect(checkLogRetention(undefined)).toEqual([]);
    expect(checkLogOutputFormat("json")).toEqual([]);
    expect(checkLogOutputFormat("text")).toEqual([]);
    expect(props(checkLogOutputFormat("yaml"))).toEqual(["logOutputFormat"]);
  });

  test("throwFirst throws the first error and nothing when there is none", () => {
    expect(() => throwFirst([])).not.toThrow();
    const errors = [...checkLogRetention(1), ...checkLogOutputFormat("yaml")];
    expect(() => throwFirst(errors)).toThrow(/logRetentionDays/);
  });

  test("a synthesized connection is checked on both tunnels with Terraform names", () => {
    const errors = checkVpnConnectionResource({
      tunnel1_phase1_dh_group_numbers: [14],
      tunnel2_phase1_dh_group_numbers: [5],
      tunnel2_inside_cidr: "169.254.1.0/30",
      tunnel1_inside_cidr: "169.254.10.0/30",
    });
    expect(props(errors).sort()).toEqual(["tunnel2_inside_cidr", "tunnel2_phase1_dh_group_numbers"]);
    expect(
      props(
        checkVpnConnectionResource({
          tunnel1_inside_cidr: "169.254.10.0/30",
          tunnel2_inside_cidr: "169.254.10.0/30",
        }),
      ),
    ).toEqual(["tunnel2_inside_cidr"]);
  });
});
