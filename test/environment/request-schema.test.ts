import * as fs from "fs";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import {
  CustomerDevice,
  environmentPropsSchema,
  environmentRequestJsonSchema,
  EnvironmentRequest,
  parseEnvironmentRequest,
  PrivateEgressEnvironment,
  PrivateEgressEnvironmentProps,
  PrivateEgressError,
} from "../../lib";
import { z } from "zod";
import { SynthJson as Json } from "../support/synth";

const REQUEST = {
  tenant: { org: "agency-prod", spaces: ["app", "batch"] },
  customerEndpoint: { ip: "18.188.145.101", device: "openswan" },
  privateCidrs: ["192.168.100.0/24"],
  expectedApps: 40,
};

/** The request with `edit` applied to a deep copy (as a JSON/YAML request file would hold it). */
function request(edit: (r: Json) => void): unknown {
  const r = JSON.parse(JSON.stringify(REQUEST));
  edit(r);
  return r;
}

function construct(props: unknown): PrivateEgressEnvironment {
  const stack = new TerraformStack(Testing.app(), "s");
  new AwsProvider(stack, "aws", { region: "us-gov-west-1" });
  return new PrivateEgressEnvironment(stack, "Agency", props as PrivateEgressEnvironmentProps);
}

function errorOf(fn: () => unknown): PrivateEgressError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PrivateEgressError) return e;
    throw new Error(`expected a PrivateEgressError, got ${String(e)}`);
  }
  throw new Error("expected an error");
}

describe("environment request shape (zod)", () => {
  test("THEN the seed request parses, typed as EnvironmentRequest", () => {
    const parsed: EnvironmentRequest = parseEnvironmentRequest(request(() => undefined));
    expect(parsed.customerEndpoint.device).toBe(CustomerDevice.OPENSWAN);
  });

  // each case: the request edit, the prop named, the exact message fragment
  const cases: Array<[string, (r: Json) => void, string, string]> = [
    [
      "customerEndpoint is omitted",
      (r) => delete r.customerEndpoint,
      "customerEndpoint",
      "[PE-INPUT-001] `customerEndpoint` is missing; it is required (an object)",
    ],
    [
      "privateCidrs is omitted",
      (r) => delete r.privateCidrs,
      "privateCidrs",
      "`privateCidrs` is missing; it is required (an array of strings)",
    ],
    [
      "privateCidrs is one string",
      (r) => (r.privateCidrs = "192.168.100.0/24"),
      "privateCidrs",
      "[PE-INPUT-002] `privateCidrs` 192.168.100.0/24 is a string; give an array of strings",
    ],
    [
      "a private CIDR is a number",
      (r) => (r.privateCidrs = ["192.168.100.0/24", 7]),
      "privateCidrs[1]",
      "`privateCidrs[1]` 7 is a number; give a string",
    ],
    [
      "bgpAsn is misspelt bgpASN",
      (r) => (r.customerEndpoint.bgpASN = 65010),
      "customerEndpoint.bgpASN",
      "[PE-INPUT-003] `customerEndpoint.bgpASN` is not a known prop; did you mean `customerEndpoint.bgpAsn`?",
    ],
    [
      "a top-level key is misspelt",
      (r) => (r.privateCidr = ["10.0.0.0/8"]),
      "privateCidr",
      "did you mean `privateCidrs`?",
    ],
    [
      "an unknown key has no near neighbour",
      (r) => (r.tenant.colour = "blue"),
      "tenant.colour",
      "`tenant.colour` is not a known prop; (known here: org, orgGuid, spaces, existingSpaceGuids)",
    ],
    [
      "device is the enum's key OPENSWAN",
      (r) => (r.customerEndpoint.device = "OPENSWAN"),
      "customerEndpoint.device",
      '[PE-INPUT-004] `customerEndpoint.device` OPENSWAN is not one of the allowed values; did you mean "openswan"? use one of libreswan, openswan, strongswan, palo-alto-panos, generic',
    ],
    [
      "expectedApps is NaN",
      (r) => (r.expectedApps = NaN),
      "expectedApps",
      "`expectedApps` NaN is not a finite number; give a finite number",
    ],
    [
      "expectedApps is Infinity",
      (r) => (r.expectedApps = Infinity),
      "expectedApps",
      "`expectedApps` Infinity is not a finite number",
    ],
    [
      "expectedApps is a string",
      (r) => (r.expectedApps = "40"),
      "expectedApps",
      "`expectedApps` 40 is a string; give a finite number",
    ],
    [
      "the customer IP is missing",
      (r) => delete r.customerEndpoint.ip,
      "customerEndpoint.ip",
      "`customerEndpoint.ip` is missing; it is required (a string)",
    ],
    [
      "a private service lacks its port",
      (r) => (r.privateServices = [{ name: "db", host: "192.168.100.30" }]),
      "privateServices[0].port",
      "`privateServices[0].port` is missing",
    ],
    [
      "an egress tier is misspelt",
      (r) => (r.egressTiers = { running: ["trusted_local"], staging: [] }),
      "egressTiers.running[0]",
      'did you mean "trusted-local"?',
    ],
    ["tenant is null", (r) => (r.tenant = null), "tenant", "`tenant` null is null; give an object"],
  ];

  test.each(cases)("fails when %s (parseEnvironmentRequest)", (_title, edit, prop, fragment) => {
    const e = errorOf(() => parseEnvironmentRequest(request(edit)));
    expect(e.prop).toBe(prop);
    expect(e.message).toContain(fragment);
  });

  test.each(cases)(
    "fails when %s (the constructor, before any TypeError)",
    (_title, edit, prop, fragment) => {
      const e = errorOf(() => construct(request(edit)));
      expect(e.prop).toBe(prop);
      expect(e.message).toContain(fragment);
    },
  );

  test("fails when a request file's path prefix is given: the prop path starts with it", () => {
    const e = errorOf(() =>
      parseEnvironmentRequest(
        request((r) => delete r.customerEndpoint.ip),
        "tenants[2]",
      ),
    );
    expect(e.message).toContain("`tenants[2].customerEndpoint.ip` is missing");
  });

  test("fails when a code-only prop has the wrong class", () => {
    const e = errorOf(() => construct({ ...REQUEST, cryptoProfile: { name: "strict" } }));
    expect(e.message).toContain("`cryptoProfile` ");
    expect(e.message).toContain("a VpnCryptoProfile (VpnCryptoProfile.strict(), ...)");
  });

  test("THEN the schema's props are exactly PrivateEgressEnvironmentProps' (types checked both ways)", () => {
    type Props = z.infer<typeof environmentPropsSchema>;
    // compile-time: every typed request is a valid schema value and the other way round
    const fromProps = (p: PrivateEgressEnvironmentProps): Props => p;
    const toProps = (p: Props): PrivateEgressEnvironmentProps => p;
    expect(typeof fromProps).toBe("function");
    expect(typeof toProps).toBe("function");
  });

  test("THEN schema/private-egress-request.schema.json is z.toJSONSchema of the request (run `npm run gen:schema`)", () => {
    const file = path.join(__dirname, "..", "..", "schema", "private-egress-request.schema.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(environmentRequestJsonSchema());
  });

  test("THEN the JSON Schema closes every object and requires the required props", () => {
    const schema = environmentRequestJsonSchema() as Json;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["tenant", "customerEndpoint", "privateCidrs", "expectedApps"]);
    expect(schema.properties.customerEndpoint.additionalProperties).toBe(false);
    expect(schema.properties.customerEndpoint.properties.device.enum).toContain("openswan");
  });
});
