/**
 * Run-time shape checks of every public construct's props (and of the object parameters of the
 * static factories), as an untyped caller (JSON, YAML, plain JavaScript) would meet them.
 *
 * The schemas are generated from the props interfaces (scripts/prop-shapes.ts); the cases below are
 * derived from those schemas and from a valid call of each construct (test/support/construct-fixtures.ts):
 * for every prop at any depth of the valid call, the prop removed (when required), given a value of the
 * wrong type, and a misspelt sibling key. Each must be refused with a `PrivateEgressError` that names
 * the prop path as the user wrote it, never a `TypeError` from inside a construct and never silently.
 */
import * as fs from "fs";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { z } from "zod";
import {
  CustomerGateway,
  IsolationSegment,
  IsolationSegmentEntitlement,
  Org,
  PrivateEgressError,
  TransitGateway,
} from "../../lib";
import { PROP_SHAPES } from "../../lib/core/prop-shapes.generated";
import { generatePropShapes, PROP_SHAPES_FILE } from "../../scripts/prop-shapes";
import { FIXTURES, Patch, stack, structuredCloneKeepingClasses } from "../support/construct-fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const ORG_GUID = "3bc20dc4-1870-4835-8308-dda2d766e61e";

/** Where each props type is given: the fixture, and (for a factory) the parameter the patch wraps it in. */
const GIVEN_BY: Record<string, { fixture: string; param?: string }> = {
  ApplicationSecurityGroupProps: { fixture: "ApplicationSecurityGroup" },
  CustomerGatewayAttributes: { fixture: "CustomerGateway.fromCustomerGatewayAttributes", param: "attrs" },
  CustomerGatewayProps: { fixture: "CustomerGateway" },
  DedicatedCellsProps: { fixture: "DedicatedCells" },
  DedicatedSegmentProps: { fixture: "DedicatedSegment" },
  ImportedTransitGatewayOptions: { fixture: "TransitGateway.fromTransitGatewayId options", param: "options" },
  IsolationSegmentAttributes: { fixture: "IsolationSegment.fromIsolationSegmentAttributes", param: "attrs" },
  IsolationSegmentEntitlementProps: { fixture: "IsolationSegmentEntitlement" },
  IsolationSegmentProps: { fixture: "IsolationSegment" },
  OrgProps: { fixture: "Org" },
  PolicyPackProps: { fixture: "PolicyPack.applyTo", param: "props" },
  PrivateEgressAsgProps: { fixture: "PrivateEgressAsg" },
  PrivateEgressHandoffProps: { fixture: "PrivateEgressHandoff" },
  PrivateEgressPlatformProps: { fixture: "PrivateEgressPlatform" },
  PrivateService: { fixture: "UserProvidedService.forPrivateService", param: "service" },
  SpaceEgressProps: { fixture: "SpaceEgress" },
  SpaceProps: { fixture: "Space" },
  TransitGatewayProps: { fixture: "TransitGateway" },
  TransitGatewayRouteProps: { fixture: "TransitGatewayRoute" },
  TransitGatewayRouteTableProps: { fixture: "TransitGatewayRouteTable" },
  TransitGatewayVpcAttachmentProps: { fixture: "TransitGatewayVpcAttachment" },
  TunnelAlarmsProps: { fixture: "TunnelAlarms" },
  UserProvidedServiceProps: { fixture: "UserProvidedService" },
  VpcAttributes: { fixture: "VpcReference.fromVpcAttributes", param: "attrs" },
  VpcFlowLogsProps: { fixture: "VpcFlowLogs" },
  VpnConnectionProps: { fixture: "VpnConnection" },
  VpnCryptoProfileOptions: { fixture: "VpnCryptoProfile.custom", param: "options" },
  VpnGatewayProps: { fixture: "VpnGateway" },
};

// valid calls of the props types the string canary has no fixture for (they hold no string prop)
const MORE_FIXTURES: Record<string, (s: TerraformStack, p: Patch) => void> = {
  "TransitGateway.fromTransitGatewayId options": (s, p) => {
    TransitGateway.fromTransitGatewayId(
      s,
      "Tgw",
      "tgw-0123",
      p({ options: { amazonSideAsn: 64512 } }).options,
    );
  },
  IsolationSegmentEntitlement: (s, p) =>
    new IsolationSegmentEntitlement(
      s,
      "Entitlement",
      p({
        segment: IsolationSegment.fromIsolationSegmentName(s, "Segment", "agency"),
        orgs: [Org.fromOrgId(s, "Org", ORG_GUID)],
        defaultForOrgs: true,
      }),
    ),
};
const ALL_FIXTURES = { ...FIXTURES, ...MORE_FIXTURES };

type Segment = string | number;
interface Mutation {
  readonly kind: "missing" | "wrong type" | "unknown key";
  readonly path: Segment[];
  /** The key to add (unknown key) or the value to put (wrong type). */
  readonly value?: unknown;
}

function unwrap(s: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let cur = s;
  let optional = false;
  while (cur instanceof z.ZodOptional) {
    optional = true;
    cur = cur.unwrap() as z.ZodType;
  }
  return { schema: cur, optional };
}

/** A value of the wrong type for a schema. */
function wrongValue(s: z.ZodType): unknown {
  if (s instanceof z.ZodString) return 42;
  if (s instanceof z.ZodNumber || s instanceof z.ZodBoolean) return "42";
  if (s instanceof z.ZodUnknown) return undefined; // anything goes
  return 42; // arrays, records, objects, references, functions
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

/** The mutations of a valid value, derived from its schema: every prop the value holds, at any depth. */
function mutations(schema: z.ZodType, value: unknown, at: Segment[] = []): Mutation[] {
  const s = unwrap(schema).schema;
  const out: Mutation[] = [];
  if (s instanceof z.ZodObject && isPlain(value)) {
    const shape = s.shape as Record<string, z.ZodType>;
    const keys = Object.keys(shape);
    const misspelt = keys.find((k) => k.length > 3) ?? keys[0];
    out.push({
      kind: "unknown key",
      path: at,
      value: misspelt.slice(0, -1) + misspelt.slice(-1).toUpperCase(),
    });
    for (const key of keys) {
      const { schema: field, optional } = unwrap(shape[key]);
      if (!optional && value[key] !== undefined) out.push({ kind: "missing", path: [...at, key] });
      const wrong = wrongValue(field);
      if (wrong !== undefined) out.push({ kind: "wrong type", path: [...at, key], value: wrong });
      if (value[key] !== undefined) out.push(...mutations(field, value[key], [...at, key]));
    }
  } else if (s instanceof z.ZodArray && Array.isArray(value) && value.length > 0) {
    const element = s.element as z.ZodType;
    const wrong = wrongValue(unwrap(element).schema);
    if (wrong !== undefined) out.push({ kind: "wrong type", path: [...at, 0], value: wrong });
    out.push(...mutations(element, value[0], [...at, 0]));
  } else if (s instanceof z.ZodRecord && isPlain(value) && Object.keys(value).length > 0) {
    const key = Object.keys(value)[0];
    const wrong = wrongValue(unwrap(s.valueType as z.ZodType).schema);
    if (wrong !== undefined) out.push({ kind: "wrong type", path: [...at, key], value: wrong });
  }
  return out;
}

function apply(base: unknown, m: Mutation): unknown {
  const root: Record<Segment, unknown> = { v: structuredCloneKeepingClasses(base) };
  let parent = root;
  let key: Segment = "v";
  for (const step of m.path) {
    parent = parent[key] as Record<Segment, unknown>;
    key = step;
  }
  if (m.kind === "unknown key") {
    (parent[key] as Record<string, unknown>)[m.value as string] = "x";
  } else if (m.kind === "missing") {
    delete parent[key];
  } else {
    parent[key] = m.value;
  }
  return root.v;
}

function propPath(segments: Segment[]): string {
  return segments.reduce<string>(
    (out, s) => (typeof s === "number" ? `${out}[${s}]` : out === "" ? s : `${out}.${s}`),
    "",
  );
}

/** The valid props a fixture passes (the patch hook sees them first). */
function validProps(typeName: string): unknown {
  const given = GIVEN_BY[typeName];
  let seen: unknown;
  ALL_FIXTURES[given.fixture](stack(), (base) => {
    seen = given.param === undefined ? base : (base as Record<string, unknown>)[given.param];
    return base;
  });
  return seen;
}

function attempt(typeName: string, m: Mutation): unknown {
  const given = GIVEN_BY[typeName];
  const p: Patch = (base) => {
    if (given.param === undefined) return apply(base, m) as typeof base;
    const wrapper = base as Record<string, unknown>;
    return { ...wrapper, [given.param]: apply(wrapper[given.param], m) } as typeof base;
  };
  try {
    ALL_FIXTURES[given.fixture](stack(), p);
  } catch (e) {
    return e;
  }
  return undefined;
}

const EXPECTED_CODE = {
  missing: "PE-INPUT-001",
  "wrong type": "PE-INPUT-002",
  "unknown key": "PE-INPUT-003",
};

const typeNames = Object.keys(PROP_SHAPES).sort();
const cases = typeNames.flatMap((typeName) =>
  mutations(PROP_SHAPES[typeName](), validProps(typeName)).map((m) => ({ typeName, m })),
);

describe("run-time shape of every public construct's props", () => {
  test("THEN the generated schemas are what the props interfaces give today (npm run gen:shapes)", () => {
    expect(fs.readFileSync(path.join(ROOT, PROP_SHAPES_FILE), "utf8")).toBe(generatePropShapes());
  });

  test("THEN every generated props type has a valid call here, and nothing else", () => {
    expect(Object.keys(GIVEN_BY).sort()).toEqual(typeNames);
  });

  test("THEN the valid call of each props type passes its own schema", () => {
    for (const typeName of typeNames) {
      expect(PROP_SHAPES[typeName]().safeParse(validProps(typeName)).error).toBeUndefined();
    }
  });

  test(`THEN the cases cover every props type (${cases.length} cases)`, () => {
    const covered = new Set(cases.filter((c) => c.m.kind === "unknown key").map((c) => c.typeName));
    expect([...covered].sort()).toEqual(typeNames);
  });

  test.each(cases.map((c) => [c.typeName, c.m.kind, propPath(c.m.path) || "(top)", c] as const))(
    "fails when %s has a %s at %s",
    (_type, _kind, _path, { m, typeName }) => {
      const error = attempt(typeName, m);
      expect(error).toBeInstanceOf(PrivateEgressError);
      const e = error as PrivateEgressError;
      expect(e.code).toBe(EXPECTED_CODE[m.kind]);
      if (m.kind === "unknown key") {
        const wrong = propPath([...m.path, m.value as string]);
        const right = propPath([
          ...m.path,
          (m.value as string).slice(0, -1) + (m.value as string).slice(-1).toLowerCase(),
        ]);
        expect(e.prop).toBe(wrong);
        expect(e.message).toContain(`did you mean \`${right}\`?`);
      } else {
        expect(e.prop).toBe(propPath(m.path));
      }
    },
  );

  test("fails when a JavaScript caller omits the customer gateway's IP address (named, not a TypeError)", () => {
    const untyped = {} as unknown as ConstructorParameters<typeof CustomerGateway>[2];
    expect(() => new CustomerGateway(stack(), "Cgw", untyped)).toThrow(
      "[PE-INPUT-001] `ipAddress` is missing; it is required (a string)",
    );
  });
});
