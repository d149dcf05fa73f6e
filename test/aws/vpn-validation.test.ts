import * as fc from "fast-check";
import { Token } from "cdktf";
import {
  checkAmazonSideAsn,
  checkCustomerGateway,
  checkCustomerGatewayResource,
  checkInsideCidrsUnique,
  checkPresharedKeyFormat,
  checkPresharedKeyIsToken,
  checkStaticRoutes,
  checkTunnelInsideCidr,
  checkTunnelOptions,
  checkVpnConnectionResource,
  checkVpnConnectionRouteResources,
  checkVpnGatewayResource,
  PHASE1_DH_GROUP_NUMBERS,
  PHASE2_DH_GROUP_NUMBERS,
  PropStyle,
  RESERVED_TUNNEL_INSIDE_CIDRS,
  tunnelPropName,
} from "../../lib/aws/vpn-validation";
import { expressionsAsTokens } from "../../lib/core/tokens";

const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

describe("vpn-validation", () => {
  describe("tunnel options", () => {
    test("AWS's defaults and an empty input are valid", () => {
      expect(checkTunnelOptions({}, "tunnel1")).toEqual([]);
    });

    test("names props in construct or Terraform style", () => {
      expect(tunnelPropName("tunnel2", "phase1DhGroupNumbers")).toBe("tunnel2.phase1DhGroupNumbers");
      expect(tunnelPropName("tunnel2", "phase1DhGroupNumbers", PropStyle.TERRAFORM)).toBe(
        "tunnel2_phase1_dh_group_numbers",
      );
      const [e] = checkTunnelOptions({ replayWindowSize: 1 }, "tunnel1", PropStyle.TERRAFORM);
      expect(e.prop).toBe("tunnel1_replay_window_size");
      expect(e.message).toMatch(/`tunnel1_replay_window_size` 1 is out of range/);
    });

    test("DH group 5 is phase 2 only", () => {
      expect(PHASE1_DH_GROUP_NUMBERS).not.toContain(5);
      expect(PHASE2_DH_GROUP_NUMBERS).toContain(5);
      expect(codes(checkTunnelOptions({ phase2DhGroupNumbers: [5] }, "tunnel1"))).toEqual([]);
      expect(codes(checkTunnelOptions({ phase1DhGroupNumbers: [5] }, "tunnel1"))).toEqual(["PE-VPN-017"]);
    });

    test("skips unresolved values", () => {
      const n = Token.asNumber("${var.lifetime}");
      expect(
        checkTunnelOptions({ phase1LifetimeSeconds: n, phase2LifetimeSeconds: 3600 }, "tunnel1"),
      ).toEqual([]);
      expect(checkTunnelOptions({ startupAction: expressionsAsTokens("${var.x}") }, "tunnel1")).toEqual([]);
    });

    test("start with IKEv2 only is fine; with both versions it is not", () => {
      expect(checkTunnelOptions({ startupAction: "start", ikeVersions: ["ikev2"] }, "tunnel1")).toEqual([]);
      expect(codes(checkTunnelOptions({ startupAction: "start" }, "tunnel1"))).toEqual(["PE-VPN-028"]);
    });

    test("lifetime and margin consistency matches AWS's rule (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 900, max: 28800 }),
          fc.integer({ min: 900, max: 3600 }),
          fc.integer({ min: 60, max: 1800 }),
          (p1, p2, m) => {
            const errs = checkTunnelOptions(
              { phase1LifetimeSeconds: p1, phase2LifetimeSeconds: p2, rekeyMarginTimeSeconds: m },
              "tunnel1",
            );
            const awsAccepts = p2 < p1 && m <= p2 / 2;
            expect(errs.length === 0).toBe(awsAccepts);
          },
        ),
      );
    });
  });

  describe("inside CIDRs", () => {
    const LL_START = 169 * 2 ** 24 + 254 * 2 ** 16;
    /** AWS's rule, written independently of lib/core/ip.ts: integer math on the octets. */
    function awsAccepts(a: number, b: number, c: number, d: number, prefix: number): boolean {
      const n = a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8 + d;
      const reserved = RESERVED_TUNNEL_INSIDE_CIDRS.includes(`${a}.${b}.${c}.${d}/${prefix}`);
      return prefix === 30 && n % 4 === 0 && n >= LL_START && n < LL_START + 65536 && !reserved;
    }
    const octet = fc.integer({ min: 0, max: 255 });

    test("agree with AWS's stated rule over generated inputs (property)", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.constant(169), octet),
          fc.oneof(fc.constant(254), octet),
          fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 5, 169), octet),
          fc.oneof(fc.constantFrom(0, 252), octet),
          fc.oneof(fc.constant(30), fc.integer({ min: 0, max: 32 })),
          (a, b, c, d, prefix) => {
            const cidr = `${a}.${b}.${c}.${d}/${prefix}`;
            expect(checkTunnelInsideCidr(cidr, "tunnel1.insideCidr").length === 0).toBe(
              awsAccepts(a, b, c, d, prefix),
            );
          },
        ),
        { numRuns: 2000 },
      );
    });

    test("every reserved block is refused with its own code", () => {
      for (const r of RESERVED_TUNNEL_INSIDE_CIDRS)
        expect(codes(checkTunnelInsideCidr(r, "p"))).toEqual(["PE-VPN-009"]);
    });

    test("uniqueness against connections already on the gateway", () => {
      const existing = [{ cidr: "169.254.10.0/30", usedBy: "A (tunnel 1)" }];
      expect(checkInsideCidrsUnique([{ cidr: "169.254.10.4/30", prop: "x" }], existing)).toEqual([]);
      expect(codes(checkInsideCidrsUnique([{ cidr: "169.254.10.0/30", prop: "x" }], existing))).toEqual([
        "PE-VPN-011",
      ]);
    });
  });

  describe("pre-shared keys", () => {
    const KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    /** AWS's rule, character by character. */
    const awsAccepts = (k: string) =>
      k.length >= 8 && k.length <= 64 && k[0] !== "0" && [...k].every((ch) => KEY_CHARS.includes(ch));

    test("the format check agrees with AWS's stated rule (property)", () => {
      const keyish = fc.string({
        unit: fc.constantFrom(..."ABCxyz0189._-!/ +".split("")),
        minLength: 0,
        maxLength: 70,
      });
      fc.assert(
        fc.property(fc.oneof(keyish, fc.string({ maxLength: 70 })), (k) => {
          fc.pre(!k.includes("${")); // a Terraform expression, not a literal
          expect(checkPresharedKeyFormat(k, "k").length === 0).toBe(awsAccepts(k));
        }),
        { numRuns: 2000 },
      );
    });

    test("a literal is refused whatever its format, a token is accepted (property)", () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 70 }), (k) => {
          fc.pre(!k.includes("${"));
          const [e] = checkPresharedKeyIsToken(k, "tunnel1.presharedKey");
          expect(e.code).toBe("PE-VPN-029");
          expect(e.message).not.toContain(k.length > 3 ? k : "\u0000");
        }),
      );
      expect(checkPresharedKeyIsToken(expressionsAsTokens("${var.psk}"), "p")).toEqual([]);
      // a literal that merely contains ${ is a literal (cdktf's Token.isUnresolved decides)
      expect(checkPresharedKeyIsToken("${var.psk}", "p").map((e) => e.code)).toEqual(["PE-VPN-029"]);
      expect(checkPresharedKeyIsToken(undefined, "p")).toEqual([]);
    });
  });

  describe("gateways and routes", () => {
    test("customer gateway: public unicast only", () => {
      for (const ip of [
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "127.0.0.1",
        "169.254.1.1",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "198.18.0.1",
        "0.0.0.0",
      ]) {
        expect(codes(checkCustomerGateway({ ipAddress: ip }))).toEqual(["PE-VPN-002"]);
      }
      expect(checkCustomerGateway({ ipAddress: "18.188.145.101", bgpAsn: 4294967294 })).toEqual([]);
    });

    test("ASNs: customer 1-4294967294, Amazon side private only", () => {
      expect(codes(checkCustomerGateway({ bgpAsn: 0 }))).toEqual(["PE-VPN-003"]);
      expect(checkAmazonSideAsn(64512)).toEqual([]);
      expect(checkAmazonSideAsn(4294967294)).toEqual([]);
      expect(codes(checkAmazonSideAsn(65535))).toEqual(["PE-VPN-004"]);
      expect(codes(checkAmazonSideAsn(7224))).toEqual(["PE-VPN-004"]);
    });

    test("static routes", () => {
      expect(checkStaticRoutes(["10.1.0.0/16", "101.0.0.0/16"])).toEqual([]);
      expect(codes(checkStaticRoutes(["0.0.0.0/0"]))).toEqual(["PE-VPN-032"]);
    });
  });

  describe("synthesized resources (policy pack view, snake_case)", () => {
    test("an aws_vpn_connection from raw provider resources", () => {
      const errors = checkVpnConnectionResource({
        type: "ipsec.1",
        tunnel1_ike_versions: ["ikev1"],
        tunnel1_startup_action: "start",
        tunnel1_phase1_dh_group_numbers: [2, 5],
        tunnel2_inside_cidr: "169.254.1.0/30",
        tunnel2_preshared_key: "literalKey123",
        remote_ipv4_network_cidr: "192.168.0.1/24",
      });
      expect(errors.map((e) => e.prop)).toEqual([
        "tunnel1_phase1_dh_group_numbers",
        "tunnel2_inside_cidr",
        "tunnel2_preshared_key",
        "remote_ipv4_network_cidr",
      ]);
      expect(
        codes(
          checkVpnConnectionResource({ tunnel1_ike_versions: ["ikev1"], tunnel1_startup_action: "start" }),
        ),
      ).toEqual(["PE-VPN-028"]);
      expect(
        checkVpnConnectionResource({
          tunnel1_preshared_key: "${var.psk}",
          tunnel1_phase1_lifetime_seconds: "${var.x}",
        }),
      ).toEqual([]);
    });

    test("aws_customer_gateway, aws_vpn_gateway, aws_vpn_connection_route", () => {
      expect(
        checkCustomerGatewayResource({ ip_address: "10.1.1.1", bgp_asn: "65000" }).map((e) => e.prop),
      ).toEqual(["ip_address"]);
      expect(
        checkCustomerGatewayResource({ ip_address: "18.1.1.1", bgp_asn_extended: "4200000001" }),
      ).toEqual([]);
      expect(checkVpnGatewayResource({ amazon_side_asn: "64512" })).toEqual([]);
      expect(checkVpnGatewayResource({ amazon_side_asn: "100" }).map((e) => e.prop)).toEqual([
        "amazon_side_asn",
      ]);
      expect(codes(checkVpnConnectionRouteResources([{ destination_cidr_block: "0.0.0.0/0" }]))).toEqual([
        "PE-VPN-032",
      ]);
    });
  });
});
