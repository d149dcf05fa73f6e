/**
 * The lines each daemon needs for the tested layout (test/interop): a rendered configuration that
 * loses one fails here, without daemons. Libreswan's lines follow the findings with
 * Libreswan 4.10 (ikev1-policy, one selector pair, IKEv2 narrowing and retransmit timeout).
 */
import { CustomerDevice, renderDeviceConfig } from "../../lib";
import { CLOUD_GOV_IKEV1, STRICT_IKEV2 } from "./fixtures";
import type { EffectiveTunnelOptions } from "../../lib/aws/interfaces";
import type { VpnConnectionHandoff } from "../../lib/handoff/device-config";

function connection(device: CustomerDevice, options: EffectiveTunnelOptions): VpnConnectionHandoff {
  const endpoints = (n: number) => ({
    outsideAddress: `198.18.1.${n}`,
    insideCidr: `169.254.10.${4 * n}/30`,
    vgwInsideAddress: `169.254.10.${4 * n + 1}`,
    cgwInsideAddress: `169.254.10.${4 * n + 2}`,
  });
  return {
    name: "agency",
    device,
    customerEndpointIp: "198.18.0.2",
    customerCidrs: ["192.168.100.0/24", "192.168.101.0/24"],
    platformCidrs: ["10.40.16.0/24", "10.40.17.0/24"],
    tunnel1: { endpoints: endpoints(1), options },
    tunnel2: { endpoints: endpoints(2), options },
    presharedKeyLocation: "arn:aws:secretsmanager:us-east-1:000000000000:secret:psk",
  } as VpnConnectionHandoff;
}

const file = (device: CustomerDevice, options: EffectiveTunnelOptions, name: string) =>
  renderDeviceConfig(connection(device, options)).files.find((f) => f.fileName === name)?.content ?? "";

describe("rendered configurations keep every line the daemon needs", () => {
  it.each([
    [
      "IKEv1",
      CLOUD_GOV_IKEV1,
      ["version = 1", "dpd_timeout = 30s", "dpd_action = restart", "start_action = start"],
    ],
    ["IKEv2", STRICT_IKEV2, ["version = 2", "mobike = no", "dpd_action = clear", "start_action = none"]],
  ])(
    "strongSwan %s: one selector pair per tunnel, DPD, start and the leak guard",
    (_v, options, specific) => {
      const conf = file(CustomerDevice.STRONGSWAN, options, "swanctl.conf");
      for (const l of [
        ...specific,
        "local_ts = 192.168.100.0/23",
        "remote_ts = 10.40.16.0/23",
        "dpd_delay = 10s",
        "keyingtries = 0",
        "#   ip route add blackhole 10.40.16.0/23",
      ]) {
        expect(conf.split("\n").map((x) => x.trim())).toContain(l.startsWith("#") ? l.trim() : l);
      }
      expect(conf.match(/local_ts = /g)).toHaveLength(2);
      expect(conf).not.toMatch(/local_ts = [^\n]*,/);
    },
  );

  it("strongSwan: the charon file sets the IKEv2 DPD timeout as retransmits (5 s x 6 = 30 s)", () => {
    const conf = file(CustomerDevice.STRONGSWAN, STRICT_IKEV2, "strongswan-aws.conf");
    for (const l of [
      "retransmit_timeout = 5",
      "retransmit_base = 1.0",
      "retransmit_tries = 5",
      "install_routes = yes",
    ]) {
      expect(conf.split("\n").map((x) => x.trim())).toContain(l);
    }
  });

  it("Libreswan IKEv1: ikev1-policy=accept in config setup, one selector pair, one VTI device and mark per tunnel", () => {
    const conf = file(CustomerDevice.LIBRESWAN, CLOUD_GOV_IKEV1, "ipsec.conf");
    const lines = conf.split("\n").map((x) => x.trim());
    expect(conf).toMatch(/^config setup\n(?:\s+#[^\n]*\n)*\s+ikev1-policy=accept$/m);
    for (const l of [
      "leftsubnet=192.168.100.0/23",
      "rightsubnet=10.40.16.0/23",
      "mark=101/0xffffffff",
      "mark=102/0xffffffff",
      "vti-interface=vti1",
      "vti-interface=vti2",
      "vti-shared=no",
      "vti-routing=no",
      "leftupdown=/etc/ipsec.d/agency-updown",
      "ikev2=no",
    ]) {
      expect(lines).toContain(l);
    }
    expect(conf).not.toMatch(/subnets=/);
    // the host setup that keeps the platform's traffic from leaving in cleartext
    expect(lines).toContain("#   ip route add blackhole 10.40.16.0/23 metric 4096");
  });

  it("Libreswan: the updown script moves the platform route with the tunnels' IPsec SAs", () => {
    const lines = file(CustomerDevice.LIBRESWAN, CLOUD_GOV_IKEV1, "agency-updown")
      .split("\n")
      .map((x) => x.trim());
    for (const l of [
      "#!/bin/sh",
      'metric="$${CONNMARK_OUT%%/*}"',
      'ip tunnel add "$VTI_IFACE" mode vti local "$PLUTO_ME" remote "$PLUTO_PEER" okey "$metric" ikey "$metric"',
      'ipsec _updown "$@" || exit $?',
      'up-client) ip route replace 10.40.16.0/23 dev "$VTI_IFACE" metric "$metric" ;;',
      'down-client) ip route del 10.40.16.0/23 dev "$VTI_IFACE" metric "$metric" 2>/dev/null || true ;;',
    ]) {
      expect(lines).toContain(l);
    }
  });

  it("Libreswan IKEv2: narrowing for AWS's 0.0.0.0/0 proposal, retransmit-timeout for DPD", () => {
    const lines = file(CustomerDevice.LIBRESWAN, STRICT_IKEV2, "ipsec.conf")
      .split("\n")
      .map((x) => x.trim());
    for (const l of ["narrowing=yes", "retransmit-timeout=30s", "ikev2=insist", "ikev1-policy=drop"]) {
      expect(lines).toContain(l);
    }
  });
});
