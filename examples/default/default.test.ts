import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { parse } from "yaml";
import { applyOps, getPath, GoPatchOp } from "../../test/support/go-patch";
import { DefaultExampleStack } from "./stack";
import { DEFAULT_EXAMPLE_ADDRESSES } from "./addresses";
import { addresses, synthJson, fullSynthJson, SynthJson } from "../../test/support/synth";

/** What Terraform prints for an output written with `$${` / `%%{` escapes. */
const unescapeTemplate = (text: string) => text.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";
import { PolicyPack, PolicyProfile } from "../../lib";
import { refusedDescriptions, securityGroupDescriptions } from "../../test/support/aws-descriptions";

describe("default example", () => {
  const app = Testing.app();
  const stack = new DefaultExampleStack(app, "private-egress-default", { env: {} });
  PolicyPack.applyTo(stack, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
  const json = synthJson(stack);

  test("every security group and rule description is one AWS accepts (no apostrophe: the EC2 API refuses it at apply)", () => {
    for (const synthesized of [json]) {
      expect(securityGroupDescriptions(synthesized).some((d) => /customer network/.test(d.description))).toBe(
        true,
      );
      expect(refusedDescriptions(synthesized)).toEqual([]);
    }
  });

  test("pins the sorted resource addresses (a change here destroys and re-creates infrastructure)", () => {
    expect(addresses(json)).toEqual(DEFAULT_EXAMPLE_ADDRESSES);
  });

  test("requires cloudfoundry/cloudfoundry 1.16 and hashicorp/aws 5.100.0", () => {
    expect(json.terraform.required_providers).toEqual({
      aws: { source: "aws", version: "5.100.0" },
      cloudfoundry: { source: "cloudfoundry/cloudfoundry", version: "1.16.0" },
    });
  });

  test("its Cloud Foundry half passes the schema checker", () => {
    expect(checkAgainstSchema(json, cloudFoundrySchema(), "cloudfoundry_")).toEqual([]);
  });

  test("passes the cloud.gov profile with only acknowledged findings and warnings", () => {
    const { json: full, metadata } = fullSynthJson(stack); // throws on error annotations
    expect(metadata.filter((m) => m.type === "@cdktf/error")).toEqual([]);
    // the IKEv1 baseline is allowed with a warning ...
    const warnings = metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings.some((w) => w.includes("PE-AWS-VPN-001"))).toBe(true);
    // ... and public egress via NAT is a decision recorded in the output
    expect(full["//"].policy_pack).toMatchObject({ profile: "cloud-gov-compat" });
    expect(JSON.stringify(full)).toMatch(/PE-AWS-SG-004.*allowPublicEgressViaNat/);
  });

  test("records the public-egress acknowledgement on the one rule that opens 0.0.0.0/0, nowhere else", () => {
    // (it used to be copied onto all 77 resources of the segment); as `cdktf synth` writes it
    const { json: full } = fullSynthJson(stack);
    const carrying: string[] = [];
    for (const [type, byName] of Object.entries(full.resource)) {
      for (const [name, body] of Object.entries(
        byName as Record<string, { "//"?: Record<string, unknown> }>,
      )) {
        if (body["//"]?.policy_suppressions !== undefined) carrying.push(`${type}.${name}`);
      }
    }
    expect(carrying).toEqual([
      "aws_vpc_security_group_egress_rule.Agency_Network_CellSecurityGroup_EgressPublicViaNat_7D4D5159",
    ]);
    const rule = full.resource.aws_vpc_security_group_egress_rule[
      "Agency_Network_CellSecurityGroup_EgressPublicViaNat_7D4D5159"
    ] as { "//": { policy_suppressions: unknown }; cidr_ipv4: string };
    expect(rule.cidr_ipv4).toBe("0.0.0.0/0");
    expect(rule["//"].policy_suppressions).toEqual([
      {
        id: "PE-AWS-SG-004",
        reason:
          "allowPublicEgressViaNat: the cells reach 0.0.0.0/0 only through the segment's NAT gateways, for staging, the blobstore and the public egress tier",
      },
    ]);
  });

  test("builds the seed scenario: the tenant's endpoint, CIDR and service, cloud.gov's IKEv1 profile", () => {
    expect(JSON.stringify(json.resource.aws_customer_gateway)).toContain('"ip_address":"18.188.145.101"');
    const vpn = Object.values(json.resource.aws_vpn_connection)[0] as Record<string, unknown>;
    expect(vpn).toMatchObject({
      static_routes_only: true,
      tunnel1_ike_versions: ["ikev1"],
      tunnel2_ike_versions: ["ikev1"],
      tunnel1_phase1_dh_group_numbers: [14],
      preshared_key_storage: "SecretsManager",
    });
    const asg = Object.values(json.resource.cloudfoundry_security_group)[0] as {
      rules: Array<Record<string, unknown>>;
    };
    expect(asg.rules.map((r) => [r.protocol, r.destination, r.ports])).toEqual([
      ["all", "192.168.100.0/24", undefined],
      ["tcp", "192.168.100.30", "8080"],
    ]);
  });

  test("its ops file, applied with go-patch to a cf-deployment-shaped manifest, adds the tenant's cell clone and its alias target", () => {
    const manifest = parse(
      fs.readFileSync(path.join(__dirname, "../../test/fixtures/cf-deployment.yml"), "utf8"),
    );
    const ops = parse(unescapeTemplate(json.output.agency_bosh_ops_file.value as string)) as GoPatchOp[];
    expect(ops).toEqual(stack.environment.cells.opsFile);
    const after = applyOps(manifest, ops) as SynthJson;
    const clone = getPath(after, "/instance_groups/name=agency-prod-production-diego-cell") as SynthJson;
    expect(clone).toMatchObject({
      azs: ["z1", "z2"],
      instances: 4,
      networks: [{ name: "agency-prod-production-cells" }],
    });
    expect(clone.jobs).toHaveLength(13);
    expect(getPath(after, "/instance_groups/name=diego-cell")).toEqual(
      getPath(manifest, "/instance_groups/name=diego-cell"),
    );
    const targets = getPath(
      after,
      "/addons/name=bosh-dns-aliases/jobs/name=bosh-dns-aliases/properties/aliases/domain=_.cell.service.cf.internal/targets",
    ) as SynthJson[];
    expect(targets.map((t) => t.instance_group)).toContain("agency-prod-production-diego-cell");
  });

  test("uses local state unless PE_STATE_BUCKET is set", () => {
    expect(Object.keys(json.terraform.backend)).toEqual(["local"]);
    const remote = synthJson(
      new DefaultExampleStack(Testing.app(), "remote", {
        env: { PE_STATE_BUCKET: "tfstate", PE_STATE_LOCK_TABLE: "locks" },
      }),
    );
    expect(remote.terraform.backend.s3).toMatchObject({
      bucket: "tfstate",
      key: "private-egress/remote.tfstate",
      encrypt: true,
      dynamodb_table: "locks",
    });
    const lockfile = synthJson(
      new DefaultExampleStack(Testing.app(), "lf", { env: { PE_STATE_BUCKET: "b" } }),
    );
    expect(lockfile.terraform.backend.s3.use_lockfile).toBe(true);
  });
});
