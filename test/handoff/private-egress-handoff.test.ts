import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformOutput, TerraformStack } from "cdktf";
import * as fs from "fs";
import * as path from "path";
import {
  BaseCell,
  CustomerDevice,
  PrivateEgressEnvironment,
  PrivateEgressHandoff,
  VpnCryptoProfile,
} from "../../lib";
import { LIBRESWAN_NAMES, PANOS_NAMES, STRONGSWAN_NAMES } from "../../lib/handoff/algorithms";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { parse } from "yaml";
import { resourcesOfType, synthJson, SynthJson } from "../support/synth";

// Each device configuration is checked against the tunnel options in the SAME synthesized JSON,
// not against the props: the hand-off can never disagree with what the tunnels accept.
function environment(device: CustomerDevice, cryptoProfile: VpnCryptoProfile) {
  const stack = new TerraformStack(Testing.app(), "s");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  const env = new PrivateEgressEnvironment(stack, "Agency", {
    tenant: { org: "agency-prod", spaces: ["app"] },
    customerEndpoint: { ip: "18.188.145.101", device },
    privateCidrs: ["192.168.100.0/24"],
    expectedApps: 40,
    controlPlane: FOUNDATION_CONTROL_PLANE,
    cells: { baseCell: foundationBaseCell({}) },
    cryptoProfile,
  });
  const handoff = new PrivateEgressHandoff(stack, "Handoff", { environment: env });
  const json = synthJson(stack);
  const vpn = Object.values(resourcesOfType(json, "aws_vpn_connection"))[0];
  return { json, vpn, handoff, output: (name: string) => json.output[`agency_${name}`] as SynthJson };
}

/** The value of `key=` / `key = ` lines of a rendered config, in order. */
function values(text: string, key: string): string[] {
  const re = new RegExp(`^\\s*${key.replace(/[.[\]]/g, "\\$&")}\\s*=\\s*(.*)$`, "gm");
  return [...text.matchAll(re)].map((m) => m[1].trim());
}

const map = (names: Readonly<Record<string, string>>, list: Array<string | number>) =>
  list.map((x) => names[String(x)]);

describe.each([
  ["cloud.gov IKEv1 baseline", VpnCryptoProfile.cloudGovIkev1()],
  ["strict IKEv2", VpnCryptoProfile.strict()],
])("hand-off with the %s", (_name, profile) => {
  test("Libreswan ipsec.conf: every conn's proposals, lifetimes, DPD and IKE version come from the synthesized tunnels", () => {
    const { vpn, output } = environment(CustomerDevice.LIBRESWAN, profile);
    const conf = output("vpn_ipsec_conf").value as string;
    for (const t of [1, 2]) {
      const section = conf.split(/^conn /m).find((s) => s.startsWith(`pe-production-tunnel${t}`)) as string;
      const p = (k: string) => vpn[`tunnel${t}_${k}`];
      const ike = values(section, "ike")[0].split(",");
      // every phase 1 encryption, integrity and DH group configured appears, and nothing else
      const ikeNames = new Set(ike.flatMap((prop) => prop.split(/[-;+]/)));
      for (const n of map(LIBRESWAN_NAMES.encryption, p("phase1_encryption_algorithms")))
        expect(ikeNames).toContain(n);
      for (const n of map(LIBRESWAN_NAMES.dhGroups, p("phase1_dh_group_numbers")))
        expect(ikeNames).toContain(n);
      const allowed = new Set([
        ...map(LIBRESWAN_NAMES.encryption, p("phase1_encryption_algorithms")),
        ...map(LIBRESWAN_NAMES.integrity, p("phase1_integrity_algorithms")),
        ...map(LIBRESWAN_NAMES.prf, p("phase1_integrity_algorithms")),
        ...map(LIBRESWAN_NAMES.dhGroups, p("phase1_dh_group_numbers")),
      ]);
      expect([...ikeNames].filter((n) => !allowed.has(n))).toEqual([]);
      expect(values(section, "ikelifetime")).toEqual([`${p("phase1_lifetime_seconds")}s`]);
      expect(values(section, "salifetime")).toEqual([`${p("phase2_lifetime_seconds")}s`]);
      expect(values(section, "dpdtimeout")).toEqual([String(p("dpd_timeout_seconds"))]);
      expect(values(section, "rekeymargin")).toEqual([`${p("rekey_margin_time_seconds")}s`]);
      expect(values(section, "replay-window")).toEqual([String(p("replay_window_size"))]);
      expect(values(section, "ikev2")).toEqual([p("ike_versions").includes("ikev2") ? "insist" : "no"]);
      expect(values(section, "right")).toEqual([`\${${vpn_address(t)}}`]);
    }
  });

  test("strongSwan swanctl.conf: version, IKE and ESP proposals and lifetimes come from the synthesized tunnels", () => {
    const { vpn, output } = environment(CustomerDevice.STRONGSWAN, profile);
    const conf = output("vpn_swanctl_conf").value as string;
    const p = (k: string) => vpn[`tunnel1_${k}`];
    expect(new Set(values(conf, "version"))).toEqual(
      new Set([p("ike_versions").includes("ikev2") ? "2" : "1"]),
    );
    const proposals = values(conf, "proposals")[0].split(",");
    const names = new Set(proposals.flatMap((x) => x.split("-")));
    for (const n of map(STRONGSWAN_NAMES.encryption, p("phase1_encryption_algorithms")))
      expect(names).toContain(n);
    for (const n of map(STRONGSWAN_NAMES.dhGroups, p("phase1_dh_group_numbers"))) expect(names).toContain(n);
    const esp = new Set(values(conf, "esp_proposals")[0].split(/[-,]/));
    for (const n of map(STRONGSWAN_NAMES.encryption, p("phase2_encryption_algorithms")))
      expect(esp).toContain(n);
    expect(new Set(values(conf, "life_time"))).toEqual(new Set([`${p("phase2_lifetime_seconds")}s`]));
    expect(new Set(values(conf, "replay_window"))).toEqual(new Set([String(p("replay_window_size"))]));
  });

  test("PAN-OS set commands: crypto profile lists and lifetimes come from the synthesized tunnels", () => {
    const { vpn, output } = environment(CustomerDevice.PALO_ALTO_PANOS, profile);
    const text = output("vpn_panos_set_commands_txt").value as string;
    const p = (k: string) => vpn[`tunnel1_${k}`];
    const list = (suffix: string) => {
      // `<suffix> [ a b ]` for several values, `<suffix> a` for one
      const m = new RegExp(
        `ike-crypto-profiles pe-production-p1-t1 ${suffix} (?:\\[ (.*) \\]|(\\S+))$`,
        "m",
      ).exec(text);
      return m ? (m[1] ?? m[2]).split(" ") : [];
    };
    expect(list("encryption")).toEqual(map(PANOS_NAMES.encryption, p("phase1_encryption_algorithms")));
    expect(list("dh-group")).toEqual(map(PANOS_NAMES.dhGroups, p("phase1_dh_group_numbers")));
    expect(text).toContain(
      `ike-crypto-profiles pe-production-p1-t1 lifetime seconds ${p("phase1_lifetime_seconds")}`,
    );
  });
});

function vpn_address(t: number): string {
  return `aws_vpn_connection.Agency_VpnConnection_C6E910C6.tunnel${t}_address`;
}

describe("hand-off outputs", () => {
  const { json, handoff } = environment(CustomerDevice.OPENSWAN, VpnCryptoProfile.cloudGovIkev1());

  test("hold what the seed says the platform returns", () => {
    expect(handoff.outputNames).toEqual(
      expect.arrayContaining([
        "agency_egress_ips",
        "agency_dedicated_subnet_cidrs",
        "agency_vpn_tunnels",
        "agency_vpn_preshared_key_arn",
        "agency_vpn_firewall_rules",
        "agency_vpn_ipsec_conf",
        "agency_vpn_ipsec_secrets",
        "agency_how_to_deploy",
        "agency_diagram",
      ]),
    );
    expect(json.output.agency_dedicated_subnet_cidrs.value).toEqual(["10.40.0.0/22", "10.40.4.0/22"]);
    expect(json.output.agency_vpn_tunnels.value.tunnel1.outside_address).toMatch(/tunnel1_address/);
    const rules = json.output.agency_vpn_firewall_rules.value as SynthJson[];
    expect(new Set(rules.map((r) => `${r.protocol}/${r.port ?? "-"}`))).toEqual(
      new Set(["udp/500", "esp/-"]),
    );
  });

  test("hand the operator the cells: ops file, named cloud config with the cell security group, the command, the group id", () => {
    const sgRef = expect.stringMatching(
      /^\$\{aws_security_group\.Agency_Network_CellSecurityGroup_[0-9A-F]+\.id\}$/,
    );
    expect(json.output.agency_cell_security_group_id.value).toEqual(sgRef);
    const cloudConfig = parse(json.output.agency_bosh_cloud_config.value as string);
    expect(cloudConfig.networks[0].subnets.map((s: SynthJson) => s.cloud_properties.security_groups)).toEqual(
      [[sgRef], [sgRef]],
    );
    expect(json.output.agency_bosh_update_config_command.value).toMatch(
      /^bosh update-config --type cloud --name agency-prod-production-cells cloud-config\.yml -v cell_security_group_id=\$\{aws_security_group\.\S+\.id\} -v subnet_id_10_40_0_0_22=\$\{aws_subnet\.\S+\.id\} -v subnet_id_10_40_4_0_22=\$\{aws_subnet\.\S+\.id\}$/,
    );
    const ops = parse(json.output.agency_bosh_ops_file.value as string);
    expect(ops.map((o: SynthJson) => o.path)).toEqual([
      "/instance_groups/name=diego-cell:after",
      "/addons/name=bosh-dns-aliases/jobs/name=bosh-dns-aliases/properties/aliases/domain=_.cell.service.cf.internal/targets/-",
    ]);
  });

  test("a base cell's text that looks like a Terraform template reaches the ops file output escaped", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
    const group = parse(
      fs.readFileSync(path.join(__dirname, "../../examples/shared/diego-cell.yml"), "utf8"),
    );
    group.jobs[0].properties.internal_domains = ['${file("/etc/passwd")}', "%{ for x in [1] }x%{ endfor }"];
    const env = new PrivateEgressEnvironment(stack, "Agency", {
      tenant: { org: "agency-prod", spaces: ["app"] },
      customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
      privateCidrs: ["192.168.100.0/24"],
      expectedApps: 40,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: BaseCell.fromObject(group) },
    });
    new PrivateEgressHandoff(stack, "Handoff", { environment: env });
    // an app outputting the cells' ops file itself, as DedicatedCells' own example does
    new TerraformOutput(stack, "direct", { value: env.cells.opsFileYaml });
    const out = synthJson(stack).output;
    const text = out.agency_bosh_ops_file.value as string;
    expect(text).toContain('$${file("/etc/passwd")}');
    expect(text).toContain("%%{ for x in [1] }x%%{ endfor }");
    expect(text.replace(/\$\$\{|%%\{/g, "")).not.toMatch(/\$\{|%\{/);
    expect(out.direct.value).toBe(text);
    // the BOSH text itself (what a file written by the app holds) is the base cell's, unescaped
    expect(env.cells.opsFileText).toContain('${file("/etc/passwd")}');
    expect(env.cells.opsFileText).not.toContain("$${");
    expect(parse(env.cells.opsFileText)).toEqual(parse(text.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{")));
  });

  test("only the AWS device configuration (which embeds keys) is sensitive, and no key literal is output", () => {
    const sensitive = Object.entries(json.output as Record<string, SynthJson>)
      .filter(([, o]) => o.sensitive)
      .map(([k]) => k);
    expect(sensitive).toEqual(["agency_vpn_customer_gateway_configuration"]);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/tunnel[12]_preshared_key"/);
    expect(text).not.toMatch(/PSK "[A-Za-z0-9._]{8,64}"/);
  });
});

describe("the connection's own traffic selectors", () => {
  test("reach the rendered configuration when the connection sets them", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
    const env = new PrivateEgressEnvironment(stack, "Agency", {
      tenant: { org: "agency-prod", spaces: ["app"] },
      customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.STRONGSWAN },
      privateCidrs: ["192.168.100.0/24"],
      expectedApps: 40,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell({}) },
    });
    // GIVEN a connection whose selectors are set (local = customer side, remote = AWS side)
    Object.defineProperty(env.vpnConnections[0], "localNetworkCidr", { value: "192.168.0.0/16" });
    Object.defineProperty(env.vpnConnections[0], "remoteNetworkCidr", { value: "10.0.0.0/8" });
    // WHEN the hand-off renders the strongSwan configuration
    const handoff = new PrivateEgressHandoff(stack, "Handoff", { environment: env });
    // THEN the rendered pair is the connection's, not the covering blocks of the CIDR lists
    expect(handoff.connections[0].customerTrafficSelector).toBe("192.168.0.0/16");
    expect(handoff.connections[0].platformTrafficSelector).toBe("10.0.0.0/8");
    const swanctl = synthJson(stack).output["agency_vpn_swanctl_conf"] as SynthJson;
    expect(values(String(swanctl.value), "local_ts")).toEqual(["192.168.0.0/16", "192.168.0.0/16"]);
    expect(values(String(swanctl.value), "remote_ts")).toEqual(["10.0.0.0/8", "10.0.0.0/8"]);
  });
});
