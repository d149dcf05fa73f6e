import { Annotations, Testing } from "cdktf";
import { evaluateStack, PolicyFinding } from "../../lib/checks/evaluate";
import { PolicyPack } from "../../lib/checks/pack";
import { PolicyProfile, Severity } from "../../lib/checks/profiles";
import { ALL_RULES } from "../../lib/checks/rules";
import { positionalParts } from "../../lib/checks/rules/stable-addresses";
import { compliantFixture, FAILING, viewOf } from "./fixtures";

const byRule = (findings: PolicyFinding[], id: string) => findings.filter((f) => f.ruleId === id);

describe("policy rules over synthesized JSON", () => {
  // GIVEN a stack on which every rule is compliant
  const good = evaluateStack(viewOf(compliantFixture()));

  test("the fixtures cover every rule, and rule ids are unique", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(FAILING).sort()).toEqual([...ids].sort());
  });

  test("the compliant fixture has no finding under the strict profile", () => {
    expect(good.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
  });

  describe.each(ALL_RULES.map((r) => [r.id, r] as const))("%s", (id, rule) => {
    test("passes on the compliant fixture", () => {
      expect(byRule(evaluateStack(viewOf(compliantFixture()), { rules: [rule] }), id)).toEqual([]);
    });

    test(`fails when the fixture is mutated for ${id}`, () => {
      // GIVEN the compliant fixture with one mutation
      const f = compliantFixture();
      FAILING[id](f);
      // WHEN the rule runs over what would be synthesized
      const findings = evaluateStack(viewOf(f), { rules: [rule] });
      // THEN it reports a finding with its id
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((x) => x.ruleId === id && x.severity === Severity.ERROR)).toBe(true);
    });
  });

  test("fails when a key is a literal, without echoing the key", () => {
    const f = compliantFixture();
    FAILING["PE-AWS-VPN-006"](f);
    const findings = byRule(evaluateStack(viewOf(f)), "PE-AWS-VPN-006");
    expect(findings.map((x) => x.message).join("\n")).toMatch(/`tunnel1_preshared_key` \(value hidden\)/);
    expect(JSON.stringify(findings)).not.toContain("NotSoSecret");
  });

  test("fails when a tunnel option is bad on tunnel 2 only (both tunnels are checked)", () => {
    const f = compliantFixture();
    FAILING["PE-AWS-VPN-001"](f);
    const messages = byRule(evaluateStack(viewOf(f)), "PE-AWS-VPN-001").map((x) => x.message);
    expect(messages).toEqual([expect.stringMatching(/`tunnel2_ike_versions`/)]);
  });

  test("fails when tunnel options are left to AWS's defaults (unset lists include SHA1 and DH 2)", () => {
    const f = compliantFixture();
    f.vpn.addOverride("tunnel1_phase1_integrity_algorithms", null);
    f.vpn.addOverride("tunnel1_ike_versions", null);
    const findings = evaluateStack(viewOf(f));
    expect(byRule(findings, "PE-AWS-VPN-002").map((x) => x.message)).toEqual([
      expect.stringMatching(/`tunnel1_phase1_integrity_algorithms` is unset/),
    ]);
    expect(byRule(findings, "PE-AWS-VPN-001").map((x) => x.message)).toEqual([
      expect.stringMatching(/`tunnel1_ike_versions` is unset/),
    ]);
  });

  test("fails when inside CIDRs clash across connections on the same gateway", () => {
    const f = compliantFixture();
    const { VpnConnection } = jest.requireActual("@cdktf/provider-aws/lib/vpn-connection");
    new VpnConnection(f.stack, "Second", {
      vpnGatewayId: f.vgw.id,
      customerGatewayId: f.cgw.id,
      type: "ipsec.1",
      tunnel1InsideCidr: "169.254.10.4/30",
      tunnel2InsideCidr: "169.254.11.0/30",
    });
    const messages = byRule(evaluateStack(viewOf(f)), "PE-AWS-VPN-005").map(
      (x) => `${x.address} ${x.message}`,
    );
    expect(messages.join("\n")).toMatch(/169\.254\.10\.4\/30/);
  });

  test("a wider route to NAT (0.0.0.0/0) is not a customer-prefix leak; an IGW route for the prefix is", () => {
    const f = compliantFixture();
    const { Route } = jest.requireActual("@cdktf/provider-aws/lib/route");
    new Route(f.stack, "IgwLeak", {
      routeTableId: f.privateRt.id,
      destinationCidrBlock: CUSTOMER,
      gatewayId: "igw-0123456789abcdef0",
    });
    const findings = byRule(evaluateStack(viewOf(f)), "PE-AWS-RT-002");
    expect(findings.map((x) => x.address)).toEqual(["aws_route.IgwLeak"]);
    expect(findings[0].message).toMatch(/internet gateway/);
  });

  test("ASG scope: a destination reaching beyond the customer prefix fails", () => {
    const f = compliantFixture();
    f.asg.addOverride("rules", [{ protocol: "tcp", destination: "192.168.96.0/20", ports: "443" }]);
    expect(byRule(evaluateStack(viewOf(f)), "PE-CF-ASG-002").map((x) => x.message)).toEqual([
      expect.stringMatching(/beyond the customer prefixes/),
    ]);
  });
});

const CUSTOMER = "192.168.100.0/24";

describe("stable addresses: what counts as positional", () => {
  test.each([
    ["s/Egress/Eip-0", ["Eip-0"]],
    ["s/Egress/Eip_1", ["Eip_1"]],
    ["s/Egress/0", ["0"]],
    ["s/Subnets[2]/Subnet", ["Subnets[2]"]],
    ["s/Segment/10.40.16.0-22", []],
    ["s/Vpn/Tunnel-1", []],
    ["s/Nat-us-gov-west-1a", []],
    ["s/Subnet0", []],
  ])("%s", (path, expected) => {
    expect(positionalParts(path, "x")).toEqual(expected);
  });

  test("without a construct path, the logical id (hash suffix removed) is read", () => {
    expect(positionalParts(undefined, "Egress_Eip-0_B0D3279F")).toEqual(["Eip-0"]);
  });

  test("fails when a stateful resource uses count", () => {
    const f = compliantFixture();
    f.eip.addOverride("count", 2);
    const findings = byRule(evaluateStack(viewOf(f)), "PE-STATE-002");
    expect(findings.map((x) => x.message)).toEqual([expect.stringMatching(/`count`/)]);
  });
});

describe("policy pack as an Aspect", () => {
  test("the compliant fixture synthesizes with Testing.fullSynth and gets no warning or error", () => {
    const f = compliantFixture();
    const pack = PolicyPack.applyTo(f.stack);
    expect(() => Testing.fullSynth(f.stack)).not.toThrow();
    expect(pack.findings()).toEqual([]);
    const annotated = f.stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => String(m.type).startsWith("@cdktf/")));
    expect(annotated).toEqual([]);
  });

  describe("a stack with every rule's mutation", () => {
    // GIVEN one stack with all mutations, checked by a pack on the app
    const f = compliantFixture();
    for (const mutate of Object.values(FAILING)) mutate(f);
    PolicyPack.applyTo(f.app);

    test("fails Testing.fullSynth (error annotations abort synthesis)", () => {
      expect(() => Testing.fullSynth(f.stack)).toThrow(/PE-AWS-VPN-006/);
    });

    test.each(ALL_RULES.map((r) => r.id))(
      "fails when %s is violated: an error annotation with the id",
      (id) => {
        Testing.synth(f.stack);
        const errors = f.stack.node
          .findAll()
          .flatMap((c) =>
            c.node.metadata.filter((m) => m.type === "@cdktf/error").map((m) => String(m.data)),
          );
        expect(errors.some((e) => e.startsWith(`[${id}] `))).toBe(true);
      },
    );

    test("annotations sit on the offending construct and are not duplicated by repeated synths", () => {
      Testing.synth(f.stack);
      Testing.synth(f.stack);
      const onVpn = f.vpn.node.metadata.filter((m) => m.type === "@cdktf/error").map((m) => String(m.data));
      expect(onVpn.filter((m) => m.startsWith("[PE-AWS-VPN-007]"))).toHaveLength(1);
    });
  });

  test("cloud.gov profile: the seed's IKEv1 baseline gives warnings, not errors", () => {
    // GIVEN IKEv1, AES128/AES256, SHA2-256, DH 14 on both tunnels
    const seed: Record<string, unknown> = {};
    for (const t of [1, 2]) {
      seed[`tunnel${t}IkeVersions`] = ["ikev1"];
      seed[`tunnel${t}DpdTimeoutAction`] = "restart";
      for (const p of [1, 2]) {
        seed[`tunnel${t}Phase${p}EncryptionAlgorithms`] = ["AES128", "AES256"];
        seed[`tunnel${t}Phase${p}IntegrityAlgorithms`] = ["SHA2-256"];
        seed[`tunnel${t}Phase${p}DhGroupNumbers`] = [14];
      }
    }
    const f = compliantFixture(seed);
    // WHEN the cloud.gov pack runs
    PolicyPack.applyTo(f.stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
    // THEN synthesis succeeds, with warnings for PE-AWS-VPN-001 and PE-AWS-VPN-003
    expect(() => Testing.fullSynth(f.stack)).not.toThrow();
    const warnings = f.vpn.node.metadata
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data).slice(0, 16));
    expect([...new Set(warnings)].sort()).toEqual(["[PE-AWS-VPN-001]", "[PE-AWS-VPN-003]"]);
    // AND the strict profile refuses the same configuration
    const strict = evaluateStack(viewOf(f), { profile: PolicyProfile.FEDERAL_STRICT });
    expect(strict.filter((x) => x.severity === Severity.ERROR).map((x) => x.ruleId)).toContain(
      "PE-AWS-VPN-001",
    );
  });

  test("Annotations API is the reporting channel (addError), so cdktf synth fails on findings", () => {
    expect(typeof Annotations.of(compliantFixture().stack).addError).toBe("function");
  });
});
