import { CustomerDevice } from "../../lib/handoff/device-config";
import {
  FirewallDirection,
  FirewallProtocol,
  firewallRules,
  renderFirewallChecklist,
} from "../../lib/handoff/firewall";
import { CLOUD_GOV_IKEV1, connection, linesOf } from "./fixtures";

const T1 = "52.61.0.10";
const T2 = "52.61.0.20";
const CGW = "18.188.145.101";

describe("firewallRules", () => {
  test("UDP 500 and ESP both ways to and from both tunnel outside addresses", () => {
    const rules = firewallRules(connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1));
    expect(
      rules.map((r) => [
        r.tunnel,
        r.direction,
        r.protocol,
        r.ipProtocolNumber,
        r.port,
        r.source,
        r.destination,
      ]),
    ).toEqual([
      [1, FirewallDirection.OUTBOUND, FirewallProtocol.UDP, 17, 500, CGW, T1],
      [1, FirewallDirection.INBOUND, FirewallProtocol.UDP, 17, 500, T1, CGW],
      [1, FirewallDirection.OUTBOUND, FirewallProtocol.ESP, 50, undefined, CGW, T1],
      [1, FirewallDirection.INBOUND, FirewallProtocol.ESP, 50, undefined, T1, CGW],
      [2, FirewallDirection.OUTBOUND, FirewallProtocol.UDP, 17, 500, CGW, T2],
      [2, FirewallDirection.INBOUND, FirewallProtocol.UDP, 17, 500, T2, CGW],
      [2, FirewallDirection.OUTBOUND, FirewallProtocol.ESP, 50, undefined, CGW, T2],
      [2, FirewallDirection.INBOUND, FirewallProtocol.ESP, 50, undefined, T2, CGW],
    ]);
  });

  test("adds UDP 4500 both ways per tunnel behind NAT", () => {
    const rules = firewallRules(connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, { behindNat: true }));
    expect(rules).toHaveLength(12);
    expect(rules.filter((r) => r.port === 4500).map((r) => [r.tunnel, r.direction])).toEqual([
      [1, FirewallDirection.OUTBOUND],
      [1, FirewallDirection.INBOUND],
      [2, FirewallDirection.OUTBOUND],
      [2, FirewallDirection.INBOUND],
    ]);
  });

  test("fails when customerEndpointIp is not a literal address", () => {
    expect(() =>
      firewallRules(
        connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, { customerEndpointIp: "my-firewall" }),
      ),
    ).toThrow(/`customerEndpointIp` my-firewall/);
  });
});

describe("renderFirewallChecklist", () => {
  test("one line per rule, with the NAT note when not behind NAT", () => {
    const text = renderFirewallChecklist(connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1));
    const rules = linesOf(text).filter((l) => !l.startsWith("#"));
    expect(rules).toHaveLength(8);
    expect(rules[0]).toBe(`outbound   UDP 500           ${CGW} -> ${T1}  (IKE, tunnel 1)`);
    expect(rules[3]).toBe(`inbound    ESP (IP 50)       ${T1} -> ${CGW}  (ESP (IPsec traffic), tunnel 1)`);
    expect(text).toContain("also allow UDP 4500");
    expect(text).toMatchSnapshot();
  });

  test("behind NAT: UDP 4500 lines and no note", () => {
    const text = renderFirewallChecklist(
      connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, { behindNat: true }),
    );
    expect(linesOf(text).filter((l) => l.includes("UDP 4500 "))).toHaveLength(4);
    expect(text).not.toContain("also allow UDP 4500");
  });
});
