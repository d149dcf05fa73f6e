import "cdktf/lib/testing/adapters/jest"; // Load types for expect matchers
import { Testing } from "cdktf";
import { VpnConnection } from "@cdktf/provider-aws/lib/vpn-connection";
import { provider, space } from "cdktf-private-egress/cloudfoundry";
import { AgencyEgressStack } from "../stack";

describe("the agency's private egress stack", () => {
  const synthesized = Testing.synth(new AgencyEgressStack(Testing.app(), "agency-egress"));

  it("matches the snapshot", () => {
    expect(synthesized).toMatchSnapshot();
  });

  it("has the VPN connection to the agency's endpoint and the app space", () => {
    expect(synthesized).toHaveResourceWithProperties(VpnConnection, { static_routes_only: true });
    expect(synthesized).toHaveResourceWithProperties(space.Space, { name: "app" });
    expect(synthesized).toHaveProvider(provider.CloudfoundryProvider);
  });
});
