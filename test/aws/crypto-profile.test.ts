import {
  DpdTimeoutAction,
  EncryptionAlgorithm,
  IkeVersion,
  IntegrityAlgorithm,
  StartupAction,
  VpnCryptoProfile,
} from "../../lib/aws/crypto-profile";

describe("VpnCryptoProfile", () => {
  test("snapshot of both factories", () => {
    expect({
      strict: VpnCryptoProfile.strict(),
      cloudGov: VpnCryptoProfile.cloudGovIkev1(),
    }).toMatchSnapshot();
  });

  test("cloud.gov baseline: IKEv1, AES256 and AES128, SHA2-256, DH 14, the customer initiates", () => {
    const p = VpnCryptoProfile.cloudGovIkev1();
    expect(p.name).toBe("cloud-gov-ikev1");
    expect(p.options).toMatchObject({
      ikeVersions: ["ikev1"],
      phase1EncryptionAlgorithms: ["AES256", "AES128"],
      phase2EncryptionAlgorithms: ["AES256", "AES128"],
      phase1IntegrityAlgorithms: ["SHA2-256"],
      phase2IntegrityAlgorithms: ["SHA2-256"],
      phase1DhGroupNumbers: [14],
      phase2DhGroupNumbers: [14],
      startupAction: "add",
      dpdTimeoutAction: "clear",
    });
  });

  test("strict: IKEv2 only, GCM, SHA2, DH 19-21, start and restart", () => {
    expect(VpnCryptoProfile.strict().options).toMatchObject({
      ikeVersions: ["ikev2"],
      phase1EncryptionAlgorithms: ["AES256-GCM-16", "AES256"],
      phase1IntegrityAlgorithms: ["SHA2-256", "SHA2-384", "SHA2-512"],
      phase1DhGroupNumbers: [19, 20, 21],
      phase2DhGroupNumbers: [19, 20, 21],
      startupAction: "start",
      dpdTimeoutAction: "restart",
    });
  });

  test("resolve applies overrides in order and ignores undefined", () => {
    const p = VpnCryptoProfile.strict();
    const o = p.resolve(
      { dpdTimeoutSeconds: 60, replayWindowSize: undefined },
      { dpdTimeoutSeconds: 90 },
      undefined,
    );
    expect(o.dpdTimeoutSeconds).toBe(90);
    expect(o.replayWindowSize).toBe(1024);
    expect(p.options.dpdTimeoutSeconds).toBe(30);
  });

  test("derive makes a new named profile and leaves the original alone", () => {
    const base = VpnCryptoProfile.strict();
    const mine = base.derive("short", { phase2LifetimeSeconds: 1800 });
    expect(mine.name).toBe("short");
    expect(mine.options.phase2LifetimeSeconds).toBe(1800);
    expect(base.options.phase2LifetimeSeconds).toBe(3600);
  });

  test("profiles do not share mutable arrays", () => {
    const a = VpnCryptoProfile.strict();
    (a.options.ikeVersions as string[]).push("ikev1");
    expect(VpnCryptoProfile.strict().options.ikeVersions).toEqual(["ikev2"]);
  });

  test("fails when a custom profile uses an algorithm AWS does not offer", () => {
    expect(() =>
      VpnCryptoProfile.custom({
        name: "bad",
        ikeVersions: [IkeVersion.IKEV2],
        phase1EncryptionAlgorithms: ["DES" as EncryptionAlgorithm],
        phase2EncryptionAlgorithms: [EncryptionAlgorithm.AES256],
        phase1IntegrityAlgorithms: [IntegrityAlgorithm.SHA1],
        phase2IntegrityAlgorithms: [IntegrityAlgorithm.SHA2_256],
        phase1DhGroupNumbers: [14],
        phase2DhGroupNumbers: [14],
        phase1LifetimeSeconds: 28800,
        phase2LifetimeSeconds: 3600,
        rekeyMarginTimeSeconds: 540,
        rekeyFuzzPercentage: 100,
        replayWindowSize: 1024,
        dpdTimeoutSeconds: 30,
        dpdTimeoutAction: DpdTimeoutAction.CLEAR,
        startupAction: StartupAction.ADD,
      }),
    ).toThrow(/`cryptoProfile\.phase1EncryptionAlgorithms` DES is not allowed/);
  });

  test("fails when a custom profile starts an IKEv1 tunnel", () => {
    expect(() =>
      VpnCryptoProfile.cloudGovIkev1().derive("bad", { startupAction: StartupAction.START }),
    ).toThrow(/`cryptoProfile\.startupAction` start requires IKEv2 only/);
  });
});
