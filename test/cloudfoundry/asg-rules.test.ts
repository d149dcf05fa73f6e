import fc from "fast-check";
import { checkAsgRule, checkAsgRules, parseAsgDestination } from "../../lib/cloudfoundry/asg-rules";

const ok = (rule: Record<string, unknown>, options = {}) => expect(checkAsgRule(rule, options)).toEqual([]);

function firstMessage(rule: unknown, options: Parameters<typeof checkAsgRule>[1] = {}): string {
  const problems = checkAsgRule(rule, { index: 2, ...options });
  expect(problems.length).toBeGreaterThan(0);
  return problems.map((p) => p.message).join("\n");
}

describe("checkAsgRule accepts what Cloud Controller accepts", () => {
  test.each([
    [{ protocol: "tcp", destination: "10.1.2.3", ports: "443" }],
    [{ protocol: "tcp", destination: "10.1.0.0/16", ports: "80,443" }],
    [{ protocol: "udp", destination: "10.1.0.1-10.1.0.9", ports: "1000-2000" }],
    [{ protocol: "tcp", destination: "10.1.0.1-10.1.0.1", ports: "65535" }],
    [{ protocol: "all", destination: "192.168.100.0/24" }],
    [{ protocol: "icmp", destination: "10.0.0.1", type: -1, code: -1 }],
    [{ protocol: "icmp", destination: "10.0.0.1", type: 0, code: 255 }],
    [{ protocol: "tcp", destination: "10.0.0.1", ports: "22", log: true, description: "ssh" }],
    [{ protocol: "udp", destination: "10.0.0.1", ports: "53", log: false }],
  ])("%j", (rule) => ok(rule));

  test("comma destinations when the foundation enables them", () =>
    ok(
      { protocol: "tcp", destination: "10.0.0.1,10.0.0.2", ports: "443" },
      { allowCommaDestinations: true },
    ));
  test("log on udp, icmp and all rules (Cloud Controller accepts log on every protocol)", () => {
    ok({ protocol: "udp", destination: "10.0.0.1", ports: "53", log: true });
    ok({ protocol: "icmp", destination: "10.0.0.1", type: 0, code: 0, log: true });
    ok({ protocol: "all", destination: "10.0.0.1", log: false });
  });
  test("a public-internet range with allowBroadDestinations", () =>
    ok({ protocol: "all", destination: "11.0.0.0-169.253.255.255" }, { allowBroadDestinations: true }));
  test("a whole RFC 1918 block with allowWholePrivateNetworks", () =>
    ok({ protocol: "all", destination: "10.0.0.0/8" }, { allowWholePrivateNetworks: true }));
  test("the location names the prop", () => {
    const [p] = checkAsgRule(
      { protocol: "tcp", destination: "10.0.0.1" },
      { index: 7, propPrefix: "privateRules" },
    );
    expect(p.prop).toBe("privateRules[7].ports");
    expect(p.code).toBe("PE-CF-003");
  });
});

describe("checkAsgRule refuses what Cloud Controller refuses", () => {
  test('fails when a rule is not an object (rules[2] = "tcp")', () => {
    expect(firstMessage("tcp")).toMatch(/`rules\[2\]`/);
  });
  test("fails when a rule has an unknown key (rules[2].port)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "1", port: "1" })).toMatch(
      /`rules\[2\]\.port`/,
    );
  });
  test("fails when the protocol is TCP in capitals (rules[2].protocol)", () => {
    expect(firstMessage({ protocol: "TCP", destination: "10.0.0.1", ports: "1" })).toMatch(
      /`rules\[2\]\.protocol` TCP/,
    );
  });
  test("fails when the protocol is esp (rules[2].protocol)", () => {
    expect(firstMessage({ protocol: "esp", destination: "10.0.0.1" })).toMatch(/`rules\[2\]\.protocol`/);
  });
  test("fails when the protocol is icmpv6 without allowIcmpv6 (rules[2].protocol)", () => {
    expect(firstMessage({ protocol: "icmpv6", destination: "10.0.0.1", type: 1, code: 0 })).toMatch(
      /`rules\[2\]\.protocol`.*allowIcmpv6/,
    );
  });
  test("fails when the protocol is missing (rules[2].protocol)", () => {
    expect(firstMessage({ destination: "10.0.0.1" })).toMatch(/`rules\[2\]\.protocol`/);
  });
  test("fails when a tcp rule has no ports (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1" })).toMatch(
      /`rules\[2\]\.ports`.*required for protocol tcp/,
    );
  });
  test("fails when a udp rule has no ports (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "udp", destination: "10.0.0.1" })).toMatch(/`rules\[2\]\.ports`/);
  });
  test("fails when an all rule has ports (rules[2].ports = 443)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.1", ports: "443" })).toMatch(
      /`rules\[2\]\.ports` 443 is not allowed for protocol all/,
    );
  });
  test("fails when an icmp rule has ports (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "icmp", destination: "10.0.0.1", type: 0, code: 0, ports: "1" })).toMatch(
      /`rules\[2\]\.ports`/,
    );
  });
  test("fails when ports is port 0 (rules[2].ports = 0)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "0" })).toMatch(
      /`rules\[2\]\.ports` 0 has port 0 outside 1-65535/,
    );
  });
  test("fails when ports is 65536 (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "65536" })).toMatch(
      /`rules\[2\]\.ports`/,
    );
  });
  test("fails when ports is an inverted range 443-80 (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "443-80" })).toMatch(
      /`rules\[2\]\.ports` 443-80 is a range/,
    );
  });
  test("fails when ports is a one-port range 80-80 (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "80-80" })).toMatch(
      /`rules\[2\]\.ports`/,
    );
  });
  test("fails when ports mixes a list and a range 80,443-445 (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "80,443-445" })).toMatch(
      /`rules\[2\]\.ports`.*mixes/,
    );
  });
  test("fails when ports holds two ranges 1-2-3 (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "1-2-3" })).toMatch(
      /`rules\[2\]\.ports`/,
    );
  });
  test("fails when ports has a space '80, 443' (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "80, 443" })).toMatch(
      /`rules\[2\]\.ports`.*whitespace/,
    );
  });
  test("fails when ports is a name 'https' (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "https" })).toMatch(
      /`rules\[2\]\.ports`/,
    );
  });
  test("fails when ports has an empty element '80,' (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "80," })).toMatch(
      /`rules\[2\]\.ports`/,
    );
  });
  test("fails when ports is a number, not a string (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: 443 })).toMatch(
      /`rules\[2\]\.ports` 443 is not a string/,
    );
  });
  test("fails when ports is empty (rules[2].ports)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "" })).toMatch(
      /`rules\[2\]\.ports`/,
    );
  });
  test("fails when the destination is missing (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all" })).toMatch(/`rules\[2\]\.destination`/);
  });
  test("fails when the destination has whitespace ' 10.0.0.1' (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: " 10.0.0.1" })).toMatch(
      /`rules\[2\]\.destination`.*whitespace/,
    );
  });
  test("fails when the destination has leading zeros 010.0.0.1 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "010.0.0.1" })).toMatch(
      /`rules\[2\]\.destination` 010\.0\.0\.1/,
    );
  });
  test("fails when a CIDR has a leading zero 10.0.0.01/32 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.01/32" })).toMatch(
      /`rules\[2\]\.destination`/,
    );
  });
  test("fails when the prefix is /33 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.0/33" })).toMatch(
      /`rules\[2\]\.destination`.*CIDR/,
    );
  });
  test("fails when an octet is 256 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.256" })).toMatch(/`rules\[2\]\.destination`/);
  });
  test("fails when the destination is a host name (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "db.example.com" })).toMatch(
      /`rules\[2\]\.destination`/,
    );
  });
  test("fails when the destination is IPv6 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "2001:db8::1" })).toMatch(
      /`rules\[2\]\.destination`/,
    );
  });
  test("fails when the range is inverted 10.0.0.9-10.0.0.1 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.9-10.0.0.1" })).toMatch(
      /`rules\[2\]\.destination`.*inverted/,
    );
  });
  test("fails when the range has a CIDR end 10.0.0.1-10.0.0.0/24 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.1-10.0.0.0/24" })).toMatch(
      /`rules\[2\]\.destination`/,
    );
  });
  test("fails when the destination is a comma list on a default foundation (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.1,10.0.0.2" })).toMatch(
      /`rules\[2\]\.destination`.*allowCommaDestinations/,
    );
  });
  test("fails when a comma list exceeds 6000 destinations (rules[2].destination)", () => {
    const destination = Array.from(
      { length: 6001 },
      (_, i) => `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    ).join(",");
    expect(firstMessage({ protocol: "all", destination }, { allowCommaDestinations: true })).toMatch(
      /`rules\[2\]\.destination` 6001 destinations/,
    );
  });
  test("fails when a comma list element is bad (rules[2].destination)", () => {
    expect(
      firstMessage({ protocol: "all", destination: "10.0.0.1,bad" }, { allowCommaDestinations: true }),
    ).toMatch(/`rules\[2\]\.destination` bad/);
  });
  test("fails when an icmp rule has no type (rules[2].type)", () => {
    expect(firstMessage({ protocol: "icmp", destination: "10.0.0.1", code: 0 })).toMatch(
      /`rules\[2\]\.type`.*required/,
    );
  });
  test("fails when an icmp rule has no code (rules[2].code)", () => {
    expect(firstMessage({ protocol: "icmp", destination: "10.0.0.1", type: 0 })).toMatch(
      /`rules\[2\]\.code`/,
    );
  });
  test("fails when the icmp type is 256 (rules[2].type)", () => {
    expect(firstMessage({ protocol: "icmp", destination: "10.0.0.1", type: 256, code: 0 })).toMatch(
      /`rules\[2\]\.type` 256 is outside -1\.\.255/,
    );
  });
  test("fails when the icmp code is -2 (rules[2].code)", () => {
    expect(firstMessage({ protocol: "icmp", destination: "10.0.0.1", type: 0, code: -2 })).toMatch(
      /`rules\[2\]\.code` -2/,
    );
  });
  test("fails when the icmp type is fractional 1.5 (rules[2].type)", () => {
    expect(firstMessage({ protocol: "icmp", destination: "10.0.0.1", type: 1.5, code: 0 })).toMatch(
      /`rules\[2\]\.type`.*integer/,
    );
  });
  test("fails when a tcp rule has an icmp type (rules[2].type)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "1", type: 0 })).toMatch(
      /`rules\[2\]\.type` 0 is not allowed for protocol tcp/,
    );
  });
  test("fails when an icmpv6 rule has an IPv4 destination, even with allowIcmpv6 (rules[2].destination)", () => {
    expect(
      firstMessage({ protocol: "icmpv6", destination: "10.0.0.1", type: 1, code: 0 }, { allowIcmpv6: true }),
    ).toMatch(
      /\[PE-CF-040\] `rules\[2\]\.destination` 10\.0\.0\.1 is an IPv4 destination for protocol icmpv6/,
    );
  });
  test("fails when an icmpv6 rule has an IPv6 destination: the library's IPv4-only safety rule (rules[2].destination)", () => {
    expect(
      firstMessage(
        { protocol: "icmpv6", destination: "2001:db8::/32", type: 1, code: 0 },
        { allowIcmpv6: true },
      ),
    ).toMatch(/`rules\[2\]\.destination` 2001:db8::\/32 is an IPv6 destination: this library's safety rule/);
  });
  test("fails when a description has a character outside the Basic Multilingual Plane (rules[2].description)", () => {
    expect(
      firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "1", description: "db \u{1F600}" }),
    ).toMatch(/\[PE-CF-041\] `rules\[2\]\.description` .* outside the Basic Multilingual Plane \(U\+1F600\)/);
    ok({ protocol: "tcp", destination: "10.0.0.1", ports: "1", description: "Zürich \u{FFFD} 東京" });
  });
  test("fails when the rules' JSON exceeds Cloud Controller's 16,777,215-byte column (rules)", () => {
    const rule = (d: string) => ({ protocol: "tcp", destination: "10.0.0.1", ports: "1", description: d });
    // 2 rules: the JSON's framing plus two descriptions of 8,388,560 bytes lands just above/below the limit
    const framing = Buffer.byteLength(JSON.stringify([rule(""), rule("")]));
    const half = (16777215 - framing) / 2;
    const fits = [rule("a".repeat(Math.floor(half))), rule("a".repeat(Math.ceil(half)))];
    expect(Buffer.byteLength(JSON.stringify(fits))).toBe(16777215);
    expect(checkAsgRules(fits)).toEqual([]);
    const over = [rule("a".repeat(Math.floor(half))), rule("a".repeat(Math.ceil(half) + 1))];
    expect(checkAsgRules(over).map((e) => e.message)).toEqual([
      "[PE-CF-042] `rules` 16777216 bytes of JSON exceeds the 16777215 bytes Cloud Controller can store for one ASG's rules; split the rules over several ASGs",
    ]);
  });
  test("fails when log is a string (rules[2].log)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "10.0.0.1", ports: "1", log: "yes" })).toMatch(
      /`rules\[2\]\.log` yes is not a boolean/,
    );
  });
  test("fails when the description is not a string (rules[2].description)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.1", description: 5 })).toMatch(
      /`rules\[2\]\.description`/,
    );
  });
});

describe("checkAsgRule safety rules", () => {
  test("fails when the destination is 0.0.0.0/0 (rules[2].destination)", () => {
    const msg = firstMessage({ protocol: "all", destination: "0.0.0.0/0" });
    expect(msg).toMatch(/`rules\[2\]\.destination` 0\.0\.0\.0\/0 covers more than a \/8/);
    expect(msg).toMatch(/169\.254\.169\.254/);
  });
  test("fails when the destination is 0.0.0.0/0 even with every allowance (rules[2].destination)", () => {
    expect(
      firstMessage(
        { protocol: "all", destination: "0.0.0.0/0" },
        { allowBroadDestinations: true, allowWholePrivateNetworks: true },
      ),
    ).toMatch(/`rules\[2\]\.destination`.*metadata endpoint/);
  });
  test("fails when the destination is the metadata endpoint 169.254.169.254 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "tcp", destination: "169.254.169.254", ports: "80" })).toMatch(
      /`rules\[2\]\.destination`.*PE-CF-013|PE-CF-013.*`rules\[2\]\.destination`/,
    );
  });
  test("fails when the destination is link-local 169.254.0.0/16 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "169.254.0.0/16" })).toMatch(
      /`rules\[2\]\.destination`.*169\.254\.169\.254/,
    );
  });
  test("fails when a range spans the metadata endpoint 169.254.169.250-169.254.169.255 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "169.254.169.250-169.254.169.255" })).toMatch(
      /`rules\[2\]\.destination`/,
    );
  });
  test("fails when the destination is the whole 10.0.0.0/8 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "10.0.0.0/8" })).toMatch(
      /`rules\[2\]\.destination` 10\.0\.0\.0\/8 covers the whole RFC 1918 block/,
    );
  });
  test("fails when the destination is the whole 172.16.0.0/12 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "172.16.0.0/12" })).toMatch(
      /allowWholePrivateNetworks/,
    );
  });
  test("fails when a range covers 192.168.0.0/16 (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "192.167.0.0-192.169.0.0" })).toMatch(
      /`rules\[2\]\.destination`.*192\.168\.0\.0\/16/,
    );
  });
  test("fails when a public range is wider than a /8 without allowBroadDestinations (rules[2].destination)", () => {
    expect(firstMessage({ protocol: "all", destination: "11.0.0.0-169.253.255.255" })).toMatch(
      /allowBroadDestinations/,
    );
  });
  test("a /9 inside 10.0.0.0/8 is neither broad nor whole-RFC1918", () =>
    ok({ protocol: "all", destination: "10.0.0.0/9" }));
});

describe("checkAsgRules", () => {
  test("fails when there are no rules (rules)", () => {
    expect(checkAsgRules([])[0].message).toMatch(/`rules` \[\] has no rules/);
  });
  test("numbers every rule", () => {
    const problems = checkAsgRules([
      { protocol: "all", destination: "10.0.0.1" },
      { protocol: "tcp", destination: "10.0.0.1" },
    ]);
    expect(problems.map((p) => p.prop)).toEqual(["rules[1].ports"]);
  });
});

describe("parseAsgDestination (property)", () => {
  const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
  test("a single address covers exactly itself", () => {
    fc.assert(
      fc.property(ip, (a) => {
        const s = parseAsgDestination(a);
        expect(typeof s).toBe("object");
        if (typeof s === "object") expect(s.last).toBe(s.first);
      }),
    );
  });
  test("a range parses iff it is not inverted", () => {
    fc.assert(
      fc.property(ip, ip, (a, b) => {
        const s = parseAsgDestination(`${a}-${b}`);
        const n = (x: string) => x.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
        expect(typeof s === "object").toBe(n(a) <= n(b));
      }),
    );
  });
});
