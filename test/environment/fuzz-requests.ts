/**
 * fast-check generators of environment requests for the reliability harness (fuzz, secrets and
 * terraform-validate tests): valid and invalid inputs mixed, as plain data, so a request can be
 * printed, replayed and synthesized twice.
 */
import { Testing } from "cdktf";
import * as fc from "fast-check";
import {
  CustomerDevice,
  DeploymentEnvironment,
  EgressTier,
  PrivateEgressEnvironment,
  PrivateEgressEnvironmentProps,
  PrivateEgressHandoff,
  VpnCryptoProfile,
} from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";
import { PlatformStack } from "../../examples/shared/platform-stack";
import { PolicyProfile } from "../../lib/checks/profiles";

/** The fixed seed of every fuzz run (change it only on purpose; print it when a case fails). */
export const FUZZ_SEED = 20261124;

/** A crypto profile by name (profiles are objects; requests stay plain data). */
export enum CryptoChoice {
  DEFAULT = "default",
  CLOUD_GOV_IKEV1 = "cloud-gov-ikev1",
  STRICT = "strict",
}

/** One generated request: the props minus the crypto profile object, plus what the stack needs. */
export interface FuzzRequest {
  readonly props: Omit<PrivateEgressEnvironmentProps, "cryptoProfile">;
  readonly crypto: CryptoChoice;
  readonly handoff: boolean;
  /** The one flaw built in, or `NONE`. */
  readonly flaw: Flaw;
}

const PUBLIC_IPS = ["18.188.145.101", "52.61.0.10", "3.32.1.7", "8.8.8.8", "44.200.1.254"];
const NON_PUBLIC_IPS = [
  "198.51.100.0",
  "10.1.2.3",
  "192.168.1.1",
  "172.16.0.5",
  "127.0.0.1",
  "169.254.169.254",
  "100.64.0.1",
];
const BAD_IPS = ["", "not-an-ip", "256.1.1.1", "1.2.3", "::1", " 18.188.145.101", "18.188.145.101/32"];

/** Customer CIDRs that are valid and routable outside the default VPC 10.40.0.0/16, pairwise disjoint. */
const GOOD_CIDRS = ["192.168.100.0/24", "172.16.0.0/16", "10.200.0.0/16", "192.168.10.0/23", "10.8.0.0/24"];
/**
 * Invalid, non-canonical, inside the VPC, reserved, too broad. (Overlap between the tenant's own
 * CIDRs is the separate pair below: a lone 192.168.100.0/25 is a valid request, as the 1,000-case run
 * showed when it was listed here.)
 */
const BAD_CIDRS = [
  "192.168.100.1/24",
  "10.0.0.0/33",
  "bogus",
  "",
  "0.0.0.0/0",
  "10.40.0.0/24",
  "10.0.0.0/8",
  "169.254.0.0/16",
  "2001:db8::/32",
  "192.168.100.0",
];

/** What makes a request invalid; `NONE` requests must synthesize, the others must be refused. */
export enum Flaw {
  NONE = "none",
  ORG = "org",
  SPACES = "spaces",
  CUSTOMER_IP = "customer-ip",
  SECOND_IP = "second-ip",
  BGP_ASN = "bgp-asn",
  PRIVATE_CIDRS = "private-cidrs",
  EXPECTED_APPS = "expected-apps",
  ZONES = "zones",
  SERVICE_OUTSIDE = "service-outside",
  SERVICE_NAME_TAKEN = "service-name-taken",
  SERVICE_PORT = "service-port",
  CAPACITY = "capacity",
  TIERS = "tiers",
}

const FLAWS = Object.values(Flaw).filter((f) => f !== Flaw.NONE);
const flaw = fc.oneof(
  { weight: FLAWS.length, arbitrary: fc.constant(Flaw.NONE) },
  { weight: FLAWS.length, arbitrary: fc.constantFrom(...FLAWS) },
);

const goodOrg = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);
const badOrg = fc.constantFrom("", " agency", "agency ", "\tagency");
const goodSpaces = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), {
  minLength: 1,
  maxLength: 3,
});
const badSpaces = fc.constantFrom([] as string[], ["app", "app"], ["app", "batch", "app"]);
const publicIp = fc.constantFrom(...PUBLIC_IPS);
const badIp = fc.constantFrom(...NON_PUBLIC_IPS, ...BAD_IPS);
const goodAsn = fc.option(fc.integer({ min: 64513, max: 65534 }), { nil: undefined });
const badAsn = fc.constantFrom(0, -1, 64512, 4294967295, 4294967296, 1.5);
const goodEndpoint = fc.record({
  ip: publicIp,
  device: fc.constantFrom(...Object.values(CustomerDevice)),
  bgpAsn: goodAsn,
  behindNat: fc.option(fc.boolean(), { nil: undefined }),
});
const goodCidrs = fc.shuffledSubarray(GOOD_CIDRS, { minLength: 1, maxLength: 3 });
const badCidrs = fc.oneof(
  fc
    .tuple(
      fc.shuffledSubarray(GOOD_CIDRS.slice(1), { minLength: 0, maxLength: 2 }),
      fc.constantFrom(...BAD_CIDRS),
    )
    .map(([good, bad]) => [...good, bad]),
  fc.constant<string[]>(["192.168.100.0/24", "192.168.100.128/25"]),
);
const goodApps = fc.integer({ min: 1, max: 400 });
const badApps = fc.constantFrom(0, -5, 10001, 1e9, 2.5, Number.NaN, Number.POSITIVE_INFINITY);
const goodZones = fc.constantFrom(
  undefined,
  ["us-gov-west-1a", "us-gov-west-1b"],
  ["us-gov-west-1a", "us-gov-west-1b", "us-gov-west-1c"],
);
const badZones = fc.constantFrom(
  ["us-gov-west-1a"],
  ["us-gov-west-1a", "us-gov-west-1a"],
  [] as string[],
  ["us-gov-west-1a", ""],
  ["us-gov-west-1a", "usgw1-az2"],
);
const goodCapacity = fc.option(
  fc.record(
    {
      instancesPerApp: fc.integer({ min: 1, max: 4 }),
      memoryPerInstanceMb: fc.constantFrom(256, 512, 1024, 2048),
      spareCells: fc.integer({ min: 1, max: 2 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const badCapacity = fc.constantFrom<Record<string, number>>(
  { instancesPerApp: 0 },
  { instancesPerApp: -1 },
  { instancesPerApp: 1.5 },
  { memoryPerInstanceMb: 0 },
  { memoryPerInstanceMb: -512 },
  { spareCells: 0 },
  { spareCells: -1 },
);
/** Tier lists without CLOSED mixed in (CLOSED alone is fine). */
const openTiers = fc.oneof(
  fc.subarray([EgressTier.TRUSTED_LOCAL, EgressTier.PUBLIC]),
  fc.constant([EgressTier.CLOSED]),
);
const goodTiers = fc.option(fc.record({ running: openTiers, staging: openTiers }), { nil: undefined });
const badTiers = fc.constantFrom<{ running: EgressTier[]; staging: EgressTier[] }>(
  { running: [EgressTier.CLOSED, EgressTier.PUBLIC], staging: [] },
  { running: [], staging: [EgressTier.CLOSED, EgressTier.TRUSTED_LOCAL] },
);

/** Requests, valid and invalid mixed (about half of them valid, the others with one flaw). */
export function fuzzRequest(): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      flaw,
      org: goodOrg,
      badOrg,
      spaces: goodSpaces,
      badSpaces,
      customerEndpoint: goodEndpoint,
      second: fc.option(goodEndpoint, { nil: undefined, freq: 3 }),
      badIp,
      badAsn,
      privateCidrs: goodCidrs,
      badCidrs,
      expectedApps: goodApps,
      badApps,
      environment: fc.option(fc.constantFrom(...Object.values(DeploymentEnvironment)), { nil: undefined }),
      crypto: fc.constantFrom(...Object.values(CryptoChoice)),
      availabilityZones: goodZones,
      badZones,
      services: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom("db", "ldap", "hello-world", "cache", "queue"),
          hostByte: fc.integer({ min: 1, max: 254 }),
          port: fc.integer({ min: 1, max: 65535 }),
        }),
        { maxLength: 2, selector: (s) => s.name },
      ),
      badPort: fc.constantFrom(0, -1, 65536, 70000, 1.5),
      egressTiers: goodTiers,
      badTiers,
      bindPrivateEgressForStaging: fc.option(fc.boolean(), { nil: undefined }),
      allowPublicEgressViaNat: fc.option(fc.boolean(), { nil: undefined }),
      capacity: goodCapacity,
      badCapacity,
      handoff: fc.boolean(),
    })
    .map((r) => {
      const f = r.flaw;
      const privateCidrs = f === Flaw.PRIVATE_CIDRS ? r.badCidrs : r.privateCidrs;
      const firstCidr = privateCidrs.find((c) => GOOD_CIDRS.includes(c)) ?? r.privateCidrs[0];
      const services = r.services.map((s) => ({
        name: s.name,
        host: hostIn(firstCidr, s.hostByte),
        port: s.port,
      }));
      const service0 = services[0] ?? { name: "db", host: hostIn(firstCidr, 30), port: 5432 };
      if (f === Flaw.SERVICE_OUTSIDE) services.splice(0, 1, { ...service0, host: "203.0.113.7" });
      if (f === Flaw.SERVICE_NAME_TAKEN)
        services.splice(0, 1, service0, { ...service0, port: 1 + (service0.port % 65535) });
      if (f === Flaw.SERVICE_PORT) services.splice(0, 1, { ...service0, port: r.badPort });
      const customerEndpoint = {
        ...r.customerEndpoint,
        ...(f === Flaw.CUSTOMER_IP ? { ip: r.badIp } : {}),
        ...(f === Flaw.BGP_ASN ? { bgpAsn: r.badAsn } : {}),
      };
      // one customer gateway per device: a valid second endpoint has its own IP
      const otherIp = PUBLIC_IPS[(PUBLIC_IPS.indexOf(r.customerEndpoint.ip) + 1) % PUBLIC_IPS.length];
      const distinct =
        r.second && r.second.ip === r.customerEndpoint.ip ? { ...r.second, ip: otherIp } : r.second;
      const second = f === Flaw.SECOND_IP ? { ...(r.second ?? r.customerEndpoint), ip: r.badIp } : distinct;
      const zones = f === Flaw.ZONES ? r.badZones : r.availabilityZones;
      const capacity = f === Flaw.CAPACITY ? r.badCapacity : r.capacity;
      const egressTiers = f === Flaw.TIERS ? r.badTiers : r.egressTiers;
      // flawed inputs break the prop types on purpose
      const props = {
        tenant: {
          org: f === Flaw.ORG ? r.badOrg : r.org,
          spaces: f === Flaw.SPACES ? r.badSpaces : r.spaces,
        },
        customerEndpoint,
        ...(second ? { secondCustomerEndpoint: second } : {}),
        privateCidrs,
        expectedApps: f === Flaw.EXPECTED_APPS ? r.badApps : r.expectedApps,
        ...(r.environment ? { environment: r.environment } : {}),
        ...(zones ? { availabilityZones: zones } : {}),
        ...(services.length ? { privateServices: services } : {}),
        ...(egressTiers ? { egressTiers } : {}),
        ...(r.bindPrivateEgressForStaging === undefined
          ? {}
          : { bindPrivateEgressForStaging: r.bindPrivateEgressForStaging }),
        ...(r.allowPublicEgressViaNat === undefined
          ? {}
          : { allowPublicEgressViaNat: r.allowPublicEgressViaNat }),
        ...(capacity ? { capacity } : {}),
      } as FuzzRequest["props"];
      return { props, crypto: r.crypto, handoff: r.handoff, flaw: f };
    });
}

/** A host in a /16../24 CIDR of GOOD_CIDRS: the network address with the last byte set. */
function hostIn(cidr: string, lastByte: number): string {
  const [a, b, c] = cidr.split("/")[0].split(".");
  return `${a}.${b}.${c}.${lastByte}`;
}

/** The crypto profile object of a choice (undefined for the default). */
export function cryptoProfileOf(choice: CryptoChoice): VpnCryptoProfile | undefined {
  if (choice === CryptoChoice.CLOUD_GOV_IKEV1) return VpnCryptoProfile.cloudGovIkev1();
  if (choice === CryptoChoice.STRICT) return VpnCryptoProfile.strict();
  return undefined;
}

/** The policy profile a request must pass: cloud.gov's for the IKEv1 baseline, strict otherwise. */
export function policyProfileOf(choice: CryptoChoice): PolicyProfile {
  return choice === CryptoChoice.CLOUD_GOV_IKEV1
    ? PolicyProfile.CLOUD_GOV_COMPAT
    : PolicyProfile.FEDERAL_STRICT;
}

/** Adds one request's environment (and hand-off, when asked) to a stack. */
export function addEnvironment(
  stack: PlatformStack,
  id: string,
  request: FuzzRequest,
): PrivateEgressEnvironment {
  const environment = new PrivateEgressEnvironment(stack, id, {
    controlPlane: FOUNDATION_CONTROL_PLANE,
    cells: { baseCell: foundationBaseCell({}) },
    ...request.props,
    ...(request.crypto === CryptoChoice.DEFAULT ? {} : { cryptoProfile: cryptoProfileOf(request.crypto) }),
  });
  if (request.handoff) new PrivateEgressHandoff(stack, `${id}Handoff`, { environment });
  return environment;
}

/** The synthesized document of a stack, as text, with the `//` metadata (policy suppressions) kept. */
export function synthText(stack: PlatformStack): string {
  return JSON.stringify(stack.toTerraform(), null, 2);
}

/** A fresh app and platform stack (region us-gov-west-1, local state) holding one request. */
export function buildStack(request: FuzzRequest, stackId = "fuzz"): PlatformStack {
  const stack = new PlatformStack(Testing.app(), stackId, { env: {} });
  addEnvironment(stack, "Tenant", request);
  return stack;
}

/** Samples `count` requests with the fixed seed. */
export function sampleRequests(count: number, seed = FUZZ_SEED): FuzzRequest[] {
  return fc.sample(fuzzRequest(), { seed, numRuns: count });
}
