import * as fc from "fast-check";
import {
  carveSubnets,
  cidrContains,
  cidrsOverlap,
  intToIpv4,
  ipv4ToInt,
  isCanonicalCidr,
  isIpv4,
  isPublicUnicastIpv4,
  nthAddress,
  parseCidr,
} from "../../lib/core/ip";

const cidr = (s: string) => {
  const c = parseCidr(s);
  if (!c) throw new Error(s);
  return c;
};

describe("ip", () => {
  test.each(["10.0.0.1", "0.0.0.0", "255.255.255.255", "18.188.145.101"])("accepts %s", (s) =>
    expect(isIpv4(s)).toBe(true),
  );
  test.each(["010.0.0.1", "10.0.0", "256.1.1.1", "10.0.0.1 ", "1.2.3.4/32", "::1", "", "1..2.3"])(
    "rejects %p",
    (s) => expect(isIpv4(s)).toBe(false),
  );

  test("parses and canonicalises CIDRs", () => {
    expect(cidr("10.1.2.3/16")).toMatchObject({
      network: ipv4ToInt("10.1.0.0"),
      prefix: 16,
      canonical: false,
      canonicalText: "10.1.0.0/16",
    });
    expect(isCanonicalCidr("10.1.0.0/16")).toBe(true);
    expect(isCanonicalCidr("10.1.0.0/016")).toBe(false);
    expect(parseCidr("10.1.0.0/33")).toBeUndefined();
    expect(parseCidr("10.1.0.0")).toBeUndefined();
    expect(cidr("0.0.0.0/0")).toMatchObject({ size: 2 ** 32, last: 0xffffffff });
    // a /0 of any address is the whole space (JavaScript's << 32 would keep the address)
    expect(cidr("1.2.3.4/0")).toMatchObject({ network: 0, canonical: false, canonicalText: "0.0.0.0/0" });
    // anchored at both ends, no leading zero in the prefix
    expect(parseCidr("10.0.0.0/8x")).toBeUndefined();
    expect(parseCidr("x10.0.0.0/8")).toBeUndefined();
    expect(parseCidr("10.0.0.0/08")).toBeUndefined();
    expect(parseCidr("10.0.0.0/0")?.prefix).toBe(0);
  });

  test("overlap and containment", () => {
    expect(cidrsOverlap(cidr("10.1.0.0/16"), cidr("10.1.255.0/24"))).toBe(true);
    expect(cidrsOverlap(cidr("10.1.0.0/16"), cidr("10.2.0.0/16"))).toBe(false);
    expect(cidrContains(cidr("10.0.0.0/8"), cidr("10.1.0.0/16"))).toBe(true);
    expect(cidrContains(cidr("10.1.0.0/16"), cidr("10.0.0.0/8"))).toBe(false);
  });

  test.each([
    ["18.188.145.101", true],
    ["10.0.0.1", false],
    ["172.16.5.4", false],
    ["192.168.1.1", false],
    ["127.0.0.1", false],
    ["169.254.1.1", false],
    ["100.64.0.1", false],
    ["224.0.0.1", false],
    ["240.0.0.1", false],
    ["255.255.255.255", false],
    ["0.0.0.0", false],
    ["192.0.2.10", false],
    ["198.18.0.1", false],
  ])("isPublicUnicastIpv4(%s) is %s", (ip, expected) =>
    expect(isPublicUnicastIpv4(ip as string)).toBe(expected),
  );

  test("carves consecutive subnets and refuses what does not fit", () => {
    expect(carveSubnets(cidr("10.40.0.0/20"), 22, 3)).toEqual([
      "10.40.0.0/22",
      "10.40.4.0/22",
      "10.40.8.0/22",
    ]);
    expect(carveSubnets(cidr("10.40.0.0/20"), 22, 5)).toBeUndefined();
    expect(carveSubnets(cidr("10.40.0.0/20"), 19, 1)).toBeUndefined();
    expect(nthAddress(cidr("10.40.0.0/24"), 1)).toBe("10.40.0.1");
    expect(nthAddress(cidr("10.40.0.0/24"), -1)).toBe("10.40.0.255");
  });

  test("property: int/text round trip and canonical networks contain their inputs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (n, prefix) => {
        const ip = intToIpv4(n);
        expect(ipv4ToInt(ip)).toBe(n);
        const c = cidr(`${ip}/${prefix}`);
        expect(c.network <= n && n <= c.last).toBe(true);
        expect(isCanonicalCidr(c.canonicalText)).toBe(true);
        expect(c.canonical).toBe(c.network === n);
      }),
    );
  });

  test("property: overlap is symmetric and implied by containment", () => {
    const arb = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
      .map(([n, p]) => cidr(cidr(`${intToIpv4(n)}/${p}`).canonicalText));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(cidrsOverlap(a, b)).toBe(cidrsOverlap(b, a));
        if (cidrContains(a, b)) expect(cidrsOverlap(a, b)).toBe(true);
        // two aligned blocks either nest or are disjoint
        expect(cidrsOverlap(a, b)).toBe(cidrContains(a, b) || cidrContains(b, a));
      }),
    );
  });
});
