/**
 * Address invariance: turning on any optional input of an environment (or any set of them) never
 * changes the Terraform address of a stateful resource the base request already has: the base's
 * stateful addresses are a subset of the toggled request's. A changed address is a destroy and a
 * re-create (a new VPN connection means new tunnel IPs and keys for the customer).
 */
import * as fc from "fast-check";
import { PrivateEgressEnvironmentProps } from "../../lib";
import { addresses, synthJson } from "../support/synth";
import { buildStack, CryptoChoice, FUZZ_SEED, FuzzRequest } from "./fuzz-requests";
import { CustomerDevice, EgressTier } from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../../examples/shared/foundation";

const STATEFUL_TYPES = [
  "aws_vpn_connection",
  "aws_vpn_gateway",
  "aws_customer_gateway",
  "aws_eip",
  "aws_nat_gateway",
  "aws_subnet",
  "aws_cloudwatch_log_group",
  "cloudfoundry_isolation_segment",
  "cloudfoundry_security_group",
  "cloudfoundry_space",
];

type Props = FuzzRequest["props"];

const BASE: FuzzRequest = {
  props: {
    tenant: { org: "agency-prod", spaces: ["app", "batch"] },
    customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
    privateCidrs: ["192.168.100.0/24"],
    expectedApps: 40,
    availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
    controlPlane: FOUNDATION_CONTROL_PLANE,
    cells: { baseCell: foundationBaseCell({}) },
  },
  crypto: CryptoChoice.DEFAULT,
  handoff: false,
  flaw: "none" as FuzzRequest["flaw"],
};

/** One optional input turned on: how it changes the request. */
interface Toggle {
  readonly name: string;
  readonly apply: (r: FuzzRequest) => FuzzRequest;
}

const withProps = (r: FuzzRequest, extra: Partial<PrivateEgressEnvironmentProps>): FuzzRequest => ({
  ...r,
  props: { ...r.props, ...extra } as Props,
});

const TOGGLES: Toggle[] = [
  {
    name: "privateServices",
    apply: (r) =>
      withProps(r, { privateServices: [{ name: "hello-world", host: "192.168.100.30", port: 8080 }] }),
  },
  {
    name: "egressTiers",
    apply: (r) =>
      withProps(r, { egressTiers: { running: [EgressTier.TRUSTED_LOCAL], staging: [EgressTier.PUBLIC] } }),
  },
  {
    name: "secondCustomerEndpoint",
    apply: (r) =>
      withProps(r, {
        secondCustomerEndpoint: { ip: "52.61.0.10", device: CustomerDevice.STRONGSWAN, bgpAsn: 65010 },
      }),
  },
  {
    name: "alarmTopic",
    apply: (r) =>
      withProps(r, { alarmTopic: { topicArn: "arn:aws-us-gov:sns:us-gov-west-1:123456789012:vpn-alarms" } }),
  },
  { name: "bindPrivateEgressForStaging", apply: (r) => withProps(r, { bindPrivateEgressForStaging: true }) },
  {
    name: "capacity",
    apply: (r) =>
      withProps(r, { capacity: { instancesPerApp: 3, memoryPerInstanceMb: 2048, spareCells: 2 } }),
  },
  { name: "allowPublicEgressViaNat", apply: (r) => withProps(r, { allowPublicEgressViaNat: true }) },
  { name: "cryptoProfile (cloud.gov IKEv1)", apply: (r) => ({ ...r, crypto: CryptoChoice.CLOUD_GOV_IKEV1 }) },
  { name: "cryptoProfile (strict, explicit)", apply: (r) => ({ ...r, crypto: CryptoChoice.STRICT }) },
  {
    name: "a private CIDR added",
    apply: (r) => withProps(r, { privateCidrs: [...r.props.privateCidrs, "172.16.0.0/16"] }),
  },
  {
    name: "an availability zone added",
    apply: (r) =>
      withProps(r, { availabilityZones: [...(r.props.availabilityZones ?? []), "us-gov-west-1c"] }),
  },
  { name: "the hand-off", apply: (r) => ({ ...r, handoff: true }) },
];

function statefulAddresses(request: FuzzRequest): string[] {
  return addresses(synthJson(buildStack(request))).filter((a) => STATEFUL_TYPES.includes(a.split(".")[0]));
}

describe("address invariance of stateful resources", () => {
  const base = statefulAddresses(BASE);

  test("the base request has a stateful resource of every listed type", () => {
    const types = new Set(base.map((a) => a.split(".")[0]));
    expect([...types].sort()).toEqual([...STATEFUL_TYPES].sort());
  });

  test.each(TOGGLES.map((t) => [t.name, t] as const))(
    "turning on %s keeps every stateful address",
    (_, toggle) => {
      const toggled = statefulAddresses(toggle.apply(BASE));
      expect(base.filter((a) => !toggled.includes(a))).toEqual([]);
    },
  );

  test("property: any set of toggles keeps the stateful addresses of any subset of it", () => {
    fc.assert(
      fc.property(fc.subarray(TOGGLES, { minLength: 2 }), fc.integer({ min: 0, max: 100 }), (on, cut) => {
        // the request with a subset of the toggles on is the "base" of the request with all of them on
        const subset = on.slice(0, cut % on.length);
        const before = statefulAddresses(subset.reduce((r, t) => t.apply(r), BASE));
        const after = statefulAddresses(on.reduce((r, t) => t.apply(r), BASE));
        expect(before.filter((a) => !after.includes(a))).toEqual([]);
      }),
      { seed: FUZZ_SEED, numRuns: Number(process.env.PE_INVARIANCE_RUNS ?? 6) },
    );
  });
});
