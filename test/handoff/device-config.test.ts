import { TerraformOutput, Testing } from "cdktf";
import { PrivateEgressError } from "../../lib/core/errors";
import {
  CustomerDevice,
  renderDeviceConfig,
  RenderedFile,
  validateVpnConnectionHandoff,
} from "../../lib/handoff/device-config";
import { escapeTemplateLiteral } from "../../lib/handoff/template";
import { CLOUD_GOV_IKEV1, STRICT_IKEV2, connection, linesOf, tokenStack, valuesOf } from "./fixtures";

const ALL_DEVICES = [
  CustomerDevice.LIBRESWAN,
  CustomerDevice.STRONGSWAN,
  CustomerDevice.PALO_ALTO_PANOS,
  CustomerDevice.GENERIC,
];

function file(
  device: CustomerDevice,
  options = CLOUD_GOV_IKEV1,
  name?: string,
  overrides = {},
): RenderedFile {
  const files = renderDeviceConfig(connection(device, options, overrides)).files;
  return name === undefined ? files[0] : (files.find((f) => f.fileName === name) as RenderedFile);
}

describe("Libreswan / Openswan", () => {
  test("OPENSWAN renders the same files as LIBRESWAN", () => {
    const openswan = renderDeviceConfig(connection(CustomerDevice.OPENSWAN, CLOUD_GOV_IKEV1));
    expect(openswan.device).toBe(CustomerDevice.OPENSWAN);
    expect(openswan.files.map((f) => f.fileName)).toEqual(["ipsec.conf", "ipsec.secrets", "agency-updown"]);
    expect(openswan.files).toEqual(
      renderDeviceConfig(connection(CustomerDevice.LIBRESWAN, CLOUD_GOV_IKEV1)).files,
    );
  });

  describe("cloud.gov IKEv1 baseline", () => {
    const conf = file(CustomerDevice.LIBRESWAN, CLOUD_GOV_IKEV1, "ipsec.conf").content;
    test("one conn per tunnel, towards each tunnel's outside address", () => {
      expect(linesOf(conf).filter((l) => l.startsWith("conn "))).toEqual([
        "conn agency-tunnel1",
        "conn agency-tunnel2",
      ]);
      expect(valuesOf(conf, "right")).toEqual(["52.61.0.10", "52.61.0.20"]);
      expect(valuesOf(conf, "leftid")).toEqual(["18.188.145.101", "18.188.145.101"]);
      expect(valuesOf(conf, "leftsubnet")).toEqual(["192.168.100.0/24", "192.168.100.0/24"]);
      // one selector pair per tunnel: the block covering both dedicated subnets
      expect(valuesOf(conf, "rightsubnet")).toEqual(["10.40.16.0/21", "10.40.16.0/21"]);
      expect(valuesOf(conf, "rightsubnets")).toEqual([]);
    });
    test("IKEv1 only, with the configured proposals in Libreswan's names", () => {
      expect(valuesOf(conf, "ikev2")).toEqual(["no", "no"]);
      expect(valuesOf(conf, "ike")).toEqual(
        Array(2).fill("aes256-sha2_256;modp2048,aes128-sha2_256;modp2048"),
      );
      expect(valuesOf(conf, "phase2alg")).toEqual(
        Array(2).fill("aes256-sha2_256;modp2048,aes128-sha2_256;modp2048"),
      );
      expect(valuesOf(conf, "pfs")).toEqual(["yes", "yes"]);
      expect(valuesOf(conf, "authby")).toEqual(["secret", "secret"]);
    });
    test("lifetimes, rekey, replay window and DPD from the tunnel options", () => {
      expect(valuesOf(conf, "ikelifetime")).toEqual(["28800s", "28800s"]);
      expect(valuesOf(conf, "salifetime")).toEqual(["3600s", "3600s"]);
      expect(valuesOf(conf, "rekeymargin")).toEqual(["540s", "540s"]);
      expect(valuesOf(conf, "rekeyfuzz")).toEqual(["100%", "100%"]);
      expect(valuesOf(conf, "replay-window")).toEqual(["1024", "1024"]);
      expect(valuesOf(conf, "dpddelay")).toEqual(["10", "10"]);
      expect(valuesOf(conf, "dpdtimeout")).toEqual(["30", "30"]);
      // AWS clears and waits (startup add): the customer restarts.
      expect(valuesOf(conf, "dpdaction")).toEqual(["restart", "restart"]);
    });
    test("the customer initiates (AWS startup action add)", () => {
      expect(valuesOf(conf, "auto")).toEqual(["start", "start"]);
    });
    test("ipsec.secrets names where each key is, never a key", () => {
      const secrets = file(CustomerDevice.LIBRESWAN, CLOUD_GOV_IKEV1, "ipsec.secrets").content;
      expect(linesOf(secrets).filter((l) => !l.startsWith("#"))).toEqual([
        '18.188.145.101 52.61.0.10 : PSK "%%{PSK tunnel 1 from arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:vpn-psk-AbCdEf}"',
        '18.188.145.101 52.61.0.20 : PSK "%%{PSK tunnel 2 from arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:vpn-psk-AbCdEf}"',
      ]);
    });
    test("snapshots", () => {
      for (const f of renderDeviceConfig(connection(CustomerDevice.LIBRESWAN, CLOUD_GOV_IKEV1)).files) {
        expect(f.content).toMatchSnapshot(f.fileName);
      }
    });
  });

  describe("strict IKEv2 profile", () => {
    const conf = file(CustomerDevice.LIBRESWAN, STRICT_IKEV2, "ipsec.conf").content;
    test("IKEv2 only, AEAD and classic proposals apart, algorithms combined with +", () => {
      expect(valuesOf(conf, "ikev2")).toEqual(["insist", "insist"]);
      expect(valuesOf(conf, "ike")[0]).toBe(
        "aes_gcm256-sha2_256+sha2_384+sha2_512;dh19+dh20+dh21,aes256-sha2_256+sha2_384+sha2_512;dh19+dh20+dh21",
      );
      expect(valuesOf(conf, "phase2alg")[0]).toBe(
        "aes_gcm256-null;dh19+dh20+dh21,aes256-sha2_256+sha2_384+sha2_512;dh19+dh20+dh21",
      );
    });
    test("AWS initiates and restarts: the customer waits and clears", () => {
      expect(valuesOf(conf, "auto")).toEqual(["add", "add"]);
      expect(valuesOf(conf, "dpdaction")).toEqual(["clear", "clear"]);
    });
    test("snapshot", () => {
      expect(conf).toMatchSnapshot();
    });
  });

  test("IKEv1 with several phase 2 groups uses the first and says so", () => {
    const conf = file(
      CustomerDevice.LIBRESWAN,
      { ...CLOUD_GOV_IKEV1, phase2DhGroupNumbers: [14, 15] },
      "ipsec.conf",
    ).content;
    expect(valuesOf(conf, "phase2alg")[0]).toBe("aes256-sha2_256;modp2048,aes128-sha2_256;modp2048");
    expect(conf).toContain("# phase 2 (PFS) group modp2048; the tunnel also accepts modp3072");
  });

  test("fails when phase 1 has AES-GCM under IKEv1", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.LIBRESWAN, {
          ...CLOUD_GOV_IKEV1,
          phase1EncryptionAlgorithms: ["AES256-GCM-16"],
        }),
      ),
    ).toThrow(/`tunnel1.phase1EncryptionAlgorithms` AES256-GCM-16 cannot be expressed/);
  });
  test("fails when a DH group was removed from Libreswan (2)", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.LIBRESWAN, { ...CLOUD_GOV_IKEV1, phase1DhGroupNumbers: [14, 2] }),
      ),
    ).toThrow(/`tunnel1.phase1DhGroupNumbers` 2 cannot be expressed in a Libreswan\/Openswan configuration/);
  });
  test("fails when a DH group is an RFC 5114 group (24) in phase 2", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.LIBRESWAN, { ...CLOUD_GOV_IKEV1, phase2DhGroupNumbers: [24] }),
      ),
    ).toThrow(/`tunnel1.phase2DhGroupNumbers` 24/);
  });
});

describe("strongSwan", () => {
  describe("cloud.gov IKEv1 baseline", () => {
    const conf = file(CustomerDevice.STRONGSWAN, CLOUD_GOV_IKEV1).content;
    test("one connection per tunnel, IKEv1, with the configured proposals", () => {
      expect(valuesOf(conf, "version", " = ")).toEqual(["1", "1"]);
      expect(valuesOf(conf, "remote_addrs", " = ")).toEqual(["52.61.0.10", "52.61.0.20"]);
      expect(valuesOf(conf, "proposals", " = ")).toEqual(
        Array(2).fill("aes256-sha256-modp2048,aes128-sha256-modp2048"),
      );
      expect(valuesOf(conf, "esp_proposals", " = ")).toEqual(
        Array(2).fill("aes256-sha256-modp2048,aes128-sha256-modp2048"),
      );
      expect(valuesOf(conf, "local_ts", " = ")).toEqual(Array(2).fill("192.168.100.0/24"));
      expect(valuesOf(conf, "remote_ts", " = ")).toEqual(Array(2).fill("10.40.16.0/21"));
    });
    test("lifetimes as rekey time plus margin, DPD, start action", () => {
      expect(valuesOf(conf, "rekey_time", " = ")).toEqual(["28260s", "3060s", "28260s", "3060s"]);
      expect(valuesOf(conf, "over_time", " = ")).toEqual(["540s", "540s"]);
      expect(valuesOf(conf, "life_time", " = ")).toEqual(["3600s", "3600s"]);
      expect(valuesOf(conf, "replay_window", " = ")).toEqual(["1024", "1024"]);
      expect(valuesOf(conf, "dpd_delay", " = ")).toEqual(["10s", "10s"]);
      expect(valuesOf(conf, "dpd_timeout", " = ")).toEqual(["30s", "30s"]);
      expect(valuesOf(conf, "dpd_action", " = ")).toEqual(["restart", "restart"]);
      expect(valuesOf(conf, "start_action", " = ")).toEqual(["start", "start"]);
    });
    test("secrets are placeholders naming the ARN", () => {
      expect(valuesOf(conf, "secret", " = ")).toEqual([
        '"%%{PSK tunnel 1 from arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:vpn-psk-AbCdEf}"',
        '"%%{PSK tunnel 2 from arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:vpn-psk-AbCdEf}"',
      ]);
    });
    test("snapshot", () => {
      expect(conf).toMatchSnapshot();
    });
  });

  describe("strict IKEv2 profile", () => {
    const conf = file(CustomerDevice.STRONGSWAN, STRICT_IKEV2).content;
    test("IKEv2 proposals: AEAD with PRFs, then classic; ECP groups", () => {
      expect(valuesOf(conf, "version", " = ")).toEqual(["2", "2"]);
      expect(valuesOf(conf, "proposals", " = ")[0]).toBe(
        "aes256gcm16-prfsha256-prfsha384-prfsha512-ecp256-ecp384-ecp521,aes256-sha256-sha384-sha512-ecp256-ecp384-ecp521",
      );
      expect(valuesOf(conf, "esp_proposals", " = ")[0]).toBe(
        "aes256gcm16-ecp256-ecp384-ecp521,aes256-sha256-sha384-sha512-ecp256-ecp384-ecp521",
      );
      expect(valuesOf(conf, "dpd_timeout", " = ")).toEqual([]);
      expect(valuesOf(conf, "dpd_action", " = ")).toEqual(["clear", "clear"]);
      expect(valuesOf(conf, "start_action", " = ")).toEqual(["none", "none"]);
    });
    test("snapshot", () => {
      expect(conf).toMatchSnapshot();
    });
  });

  test("expresses the RFC 5114 groups Libreswan and PAN-OS cannot", () => {
    const conf = file(CustomerDevice.STRONGSWAN, {
      ...STRICT_IKEV2,
      phase1DhGroupNumbers: [22, 23, 24],
    }).content;
    expect(valuesOf(conf, "proposals", " = ")[0]).toMatch(/-modp1024s160-modp2048s224-modp2048s256,/);
  });
  test("fails when phase 1 has AES-GCM under IKEv1", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.STRONGSWAN, {
          ...CLOUD_GOV_IKEV1,
          phase1EncryptionAlgorithms: ["AES128-GCM-16"],
        }),
      ),
    ).toThrow(/`tunnel1.phase1EncryptionAlgorithms` AES128-GCM-16/);
  });
});

describe("PAN-OS", () => {
  const setLines = (text: string, prefix: string) =>
    linesOf(text)
      .filter((l) => l.startsWith(prefix))
      .map((l) => l.slice(prefix.length));

  describe("cloud.gov IKEv1 baseline", () => {
    const conf = file(CustomerDevice.PALO_ALTO_PANOS, CLOUD_GOV_IKEV1).content;
    test("IKE and IPsec crypto profiles in PAN-OS names", () => {
      expect(setLines(conf, "set network ike crypto-profiles ike-crypto-profiles agency-p1-t1 ")).toEqual([
        "encryption [ aes-256-cbc aes-128-cbc ]",
        "hash sha256",
        "dh-group group14",
        "lifetime seconds 28800",
      ]);
      expect(setLines(conf, "set network ike crypto-profiles ipsec-crypto-profiles agency-p2-t2 ")).toEqual([
        "esp encryption [ aes-256-cbc aes-128-cbc ]",
        "esp authentication sha256",
        "dh-group group14",
        "lifetime seconds 3600",
      ]);
    });
    test("one IKEv1 gateway per tunnel towards its outside address, customer initiates", () => {
      const gw = setLines(conf, "set network ike gateway agency-gw-t1 ");
      expect(gw).toEqual([
        "protocol version ikev1",
        "protocol ikev1 exchange-mode main",
        "protocol ikev1 ike-crypto-profile agency-p1-t1",
        "protocol ikev1 dpd enable yes interval 10 retry 3",
        'authentication pre-shared-key key "%%{PSK tunnel 1 from arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:vpn-psk-AbCdEf}"',
        "local-address interface ethernet1/1",
        "local-id type ipaddr id 18.188.145.101",
        "peer-address ip 52.61.0.10",
        "peer-id type ipaddr id 52.61.0.10",
        "protocol-common nat-traversal enable no",
        "protocol-common passive-mode no",
      ]);
    });
    test("tunnel interfaces with the customer inside addresses and routes to the platform CIDRs", () => {
      expect(conf).toContain("set network interface tunnel units tunnel.1 ip 169.254.10.2/30");
      expect(conf).toContain("set network interface tunnel units tunnel.2 ip 169.254.11.2/30");
      expect(setLines(conf, "set network virtual-router default routing-table ip static-route ")).toEqual([
        "agency-t1-r1 destination 10.40.16.0/22 interface tunnel.1 nexthop ip-address 169.254.10.1 metric 10",
        "agency-t1-r2 destination 10.40.20.0/22 interface tunnel.1 nexthop ip-address 169.254.10.1 metric 10",
        "agency-t2-r1 destination 10.40.16.0/22 interface tunnel.2 nexthop ip-address 169.254.11.1 metric 20",
        "agency-t2-r2 destination 10.40.20.0/22 interface tunnel.2 nexthop ip-address 169.254.11.1 metric 20",
      ]);
    });
    test("snapshot", () => {
      expect(conf).toMatchSnapshot();
    });
  });

  describe("strict IKEv2 profile", () => {
    const conf = file(CustomerDevice.PALO_ALTO_PANOS, STRICT_IKEV2, undefined, {
      behindNat: true,
      panOs: {
        outsideInterface: "ethernet1/3",
        virtualRouter: "vr-edge",
        tunnelZone: "cloud",
        firstTunnelUnit: 41,
      },
    }).content;
    test("GCM and CBC, SHA-2 and ECP groups; one PFS group with a note", () => {
      expect(setLines(conf, "set network ike crypto-profiles ike-crypto-profiles agency-p1-t1 ")).toEqual([
        "encryption [ aes-256-gcm aes-256-cbc ]",
        "hash [ sha256 sha384 sha512 ]",
        "dh-group [ group19 group20 group21 ]",
        "lifetime seconds 28800",
      ]);
      expect(
        setLines(conf, "set network ike crypto-profiles ipsec-crypto-profiles agency-p2-t1 dh-group "),
      ).toEqual(["group19"]);
      expect(conf).toContain("# PFS group group19; the tunnel also accepts group20, group21");
    });
    test("IKEv2 gateway, AWS initiates (passive), NAT traversal, device options", () => {
      const gw = setLines(conf, "set network ike gateway agency-gw-t2 ");
      expect(gw).toContain("protocol version ikev2");
      expect(gw).toContain("protocol ikev2 ike-crypto-profile agency-p1-t2");
      expect(gw).toContain("protocol ikev2 dpd enable yes interval 10");
      expect(gw).toContain("protocol-common passive-mode yes");
      expect(gw).toContain("protocol-common nat-traversal enable yes");
      expect(gw).toContain("local-address interface ethernet1/3");
      expect(conf).toContain("set zone cloud network layer3 tunnel.42");
      expect(conf).toContain("set network virtual-router vr-edge interface tunnel.41");
    });
    test("snapshot", () => {
      expect(conf).toMatchSnapshot();
    });
  });

  test("fails when a DH group has no PAN-OS name (18)", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.PALO_ALTO_PANOS, { ...CLOUD_GOV_IKEV1, phase1DhGroupNumbers: [14, 18] }),
      ),
    ).toThrow(/`tunnel1.phase1DhGroupNumbers` 18 cannot be expressed in a PAN-OS configuration/);
  });
  test("fails when tunnel 2 alone has an inexpressible group", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.PALO_ALTO_PANOS, CLOUD_GOV_IKEV1, {
          tunnel2: {
            endpoints: connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1).tunnel2.endpoints,
            options: { ...CLOUD_GOV_IKEV1, phase2DhGroupNumbers: [22] },
          },
        }),
      ),
    ).toThrow(/`tunnel2.phase2DhGroupNumbers` 22/);
  });
  test("fails when phase 1 has AES-GCM under IKEv1", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.PALO_ALTO_PANOS, {
          ...CLOUD_GOV_IKEV1,
          phase1EncryptionAlgorithms: ["AES256", "AES256-GCM-16"],
        }),
      ),
    ).toThrow(/`tunnel1.phase1EncryptionAlgorithms` AES256-GCM-16/);
  });
  test("fails when panOs.outsideInterface is not a plain name", () => {
    expect(() =>
      renderDeviceConfig(
        connection(CustomerDevice.PALO_ALTO_PANOS, CLOUD_GOV_IKEV1, {
          panOs: { outsideInterface: "eth 1; delete" },
        }),
      ),
    ).toThrow(/`panOs.outsideInterface`/);
  });
});

describe("generic parameter sheet", () => {
  test("lists every parameter per tunnel in AWS's names", () => {
    const sheet = file(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1).content;
    const row = (label: string) =>
      linesOf(sheet)
        .filter((l) => l.startsWith(`${label} `))
        .map((l) => l.split(": ").slice(1).join(": "));
    expect(row("Peer (AWS outside address)")).toEqual(["52.61.0.10", "52.61.0.20"]);
    expect(row("IKE version")).toEqual(["IKEv1", "IKEv1"]);
    expect(row("Phase 1 encryption")).toEqual(["AES256, AES128", "AES256, AES128"]);
    expect(row("Phase 1 DH groups")).toEqual(["14", "14"]);
    expect(row("Phase 2 lifetime")).toEqual(["3600 s", "3600 s"]);
    expect(row("DPD action (your side)")).toEqual(["restart", "restart"]);
    expect(sheet).toMatchSnapshot();
  });
  test("strict profile", () => {
    expect(file(CustomerDevice.GENERIC, STRICT_IKEV2).content).toMatchSnapshot();
  });
});

describe("every device", () => {
  test.each(ALL_DEVICES)("%s: no key literal, only the placeholder", (device) => {
    for (const options of [CLOUD_GOV_IKEV1, STRICT_IKEV2]) {
      for (const f of renderDeviceConfig(connection(device, options)).files) {
        expect(f.content).not.toMatch(/preshared_key[^_]|tunnel[12]_preshared_key|PSK "[A-Za-z0-9._]{8,64}"/);
        // every %{ in the text is escaped (it is the placeholder); from literal inputs, no ${ at all
        expect(f.content).not.toMatch(/(^|[^%])%\{/);
        expect(f.content).not.toMatch(/(^|[^$])\$\{/);
      }
    }
  });

  test("escapes literal template markers in names and text", () => {
    expect(escapeTemplateLiteral("a ${b} %{c} $${d}")).toBe("a $${b} %%{c} $$${d}");
  });

  test("fails when the connection name is not usable", () => {
    expect(() =>
      renderDeviceConfig(connection(CustomerDevice.LIBRESWAN, CLOUD_GOV_IKEV1, { name: "${evil}" })),
    ).toThrow(/`name`/);
  });
  test("fails when customerEndpointIp is a token or not an address", () => {
    const { vpn } = tokenStack();
    expect(() =>
      validateVpnConnectionHandoff(
        connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, { customerEndpointIp: vpn.id }),
      ),
    ).toThrow(/`customerEndpointIp`/);
    expect(() =>
      validateVpnConnectionHandoff(
        connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, { customerEndpointIp: "18.188.145" }),
      ),
    ).toThrow(/PE-HANDOFF-002/);
  });
  test("fails when customerCidrs is empty or not canonical", () => {
    expect(() =>
      validateVpnConnectionHandoff(
        connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, { customerCidrs: [] }),
      ),
    ).toThrow(/`customerCidrs` \[\] is empty/);
    expect(() =>
      validateVpnConnectionHandoff(
        connection(CustomerDevice.GENERIC, CLOUD_GOV_IKEV1, { platformCidrs: ["10.40.16.1/22"] }),
      ),
    ).toThrow(/`platformCidrs\[0\]` 10.40.16.1\/22/);
  });
  test("fails when a tunnel option is not an AWS value", () => {
    const bad = { ...CLOUD_GOV_IKEV1, phase1IntegrityAlgorithms: ["MD5"] };
    let error: unknown;
    try {
      renderDeviceConfig(connection(CustomerDevice.STRONGSWAN, bad));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrivateEgressError);
    expect((error as PrivateEgressError).code).toBe("PE-HANDOFF-006");
    expect((error as PrivateEgressError).prop).toBe("tunnel1.phase1IntegrityAlgorithms");
  });
  test("fails when ikeVersions is empty", () => {
    expect(() =>
      renderDeviceConfig(connection(CustomerDevice.LIBRESWAN, { ...CLOUD_GOV_IKEV1, ikeVersions: [] })),
    ).toThrow(/`tunnel1.ikeVersions` \[\] is empty/);
  });
  test("prefers IKEv2 when AWS accepts both", () => {
    const conf = file(
      CustomerDevice.LIBRESWAN,
      { ...STRICT_IKEV2, ikeVersions: ["ikev1", "ikev2"] },
      "ipsec.conf",
    ).content;
    expect(valuesOf(conf, "ikev2")).toEqual(["insist", "insist"]);
  });
});

describe("in a Terraform output", () => {
  // GIVEN a stack whose VPN connection attributes are real cdktf tokens
  const { stack, vpn, endpoints } = tokenStack();
  ALL_DEVICES.forEach((device) => {
    const base = connection(device, CLOUD_GOV_IKEV1);
    const rendered = renderDeviceConfig({
      ...base,
      tunnel1: { endpoints: endpoints[0], options: CLOUD_GOV_IKEV1 },
      tunnel2: { endpoints: endpoints[1], options: CLOUD_GOV_IKEV1 },
      presharedKeyLocation: vpn.presharedKeyArn,
    });
    rendered.files.forEach((f, i) => new TerraformOutput(stack, `${device}-${i}`, { value: f.content }));
  });
  // WHEN synthesized
  const outputs = JSON.parse(Testing.synth(stack)).output as Record<string, { value: string }>;

  test("tokens become interpolations of the VPN connection's attributes", () => {
    // five files name the tunnels; strongswan-aws.conf (charon settings) and the Libreswan updown
    // script name no address
    expect(Object.keys(outputs)).toHaveLength(7);
    for (const [name, { value }] of Object.entries(outputs)) {
      if (name === "strongswan-1" || name === "libreswan-2") continue;
      expect(value).toContain("${aws_vpn_connection.vpn.tunnel1_address}");
      expect(value).toContain("${aws_vpn_connection.vpn.tunnel2_address}");
      expect(value).toContain("${aws_vpn_connection.vpn.preshared_key_arn}");
      expect(value).not.toContain("TfToken[");
      expect(value).not.toMatch(/(^|[^%])%\{/);
    }
    expect(outputs["palo-alto-panos-0"].value).toContain(
      "tunnel.1 ip ${aws_vpn_connection.vpn.tunnel1_cgw_inside_address}/30",
    );
  });
});
