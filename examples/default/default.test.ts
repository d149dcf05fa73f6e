import { Testing } from "cdktf";
import { DefaultExampleStack } from "./stack";
import { addresses, synthJson } from "../../test/support/synth";
import { checkAgainstSchema, cloudFoundrySchema } from "../../lib/checks/provider-schema";

describe("default example", () => {
  const json = synthJson(new DefaultExampleStack(Testing.app(), "private-egress-default", { env: {} }));

  test("pins the sorted resource addresses (a change here destroys and re-creates infrastructure)", () => {
    expect(addresses(json)).toEqual([
      "aws_customer_gateway.CustomerGateway",
      "aws_vpc.Vpc",
      "aws_vpn_gateway.VpnGateway",
      "cloudfoundry_isolation_segment.IsolationSegment",
      "cloudfoundry_isolation_segment_entitlement.Entitlement",
      "data.cloudfoundry_org.Org",
    ]);
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
