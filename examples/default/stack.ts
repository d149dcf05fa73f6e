/**
 * The seed scenario: a tenant whose VPN endpoint is 18.188.145.101 (Openswan) asks for private
 * egress to 192.168.100.0/24, where a service listens on 192.168.100.30:8080, from about 40 apps,
 * with cloud.gov's IKEv1 baseline.
 */
import { Construct } from "constructs";
import {
  CustomerDevice,
  EgressTier,
  PrivateEgressEnvironment,
  PrivateEgressHandoff,
  VpnCryptoProfile,
} from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../shared/foundation";
import { PlatformStack, PlatformStackProps } from "../shared/platform-stack";

/** The default example's single stack. */
export class DefaultExampleStack extends PlatformStack {
  public readonly environment: PrivateEgressEnvironment;

  constructor(scope: Construct, id: string, props: PlatformStackProps = {}) {
    super(scope, id, props);
    this.environment = new PrivateEgressEnvironment(this, "Agency", {
      tenant: { org: "agency-prod", spaces: ["app", "batch"] },
      customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
      privateCidrs: ["192.168.100.0/24"],
      privateServices: [{ name: "hello-world", host: "192.168.100.30", port: 8080 }],
      expectedApps: 40,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell(props.env) },
      cryptoProfile: VpnCryptoProfile.cloudGovIkev1(),
      availabilityZones: [`${this.region}a`, `${this.region}b`],
      egressTiers: { running: [EgressTier.TRUSTED_LOCAL], staging: [EgressTier.PUBLIC] },
      // cloud.gov stages apps under public egress: the cells need the NAT path to the internet
      allowPublicEgressViaNat: true,
    });
    new PrivateEgressHandoff(this, "Handoff", { environment: this.environment });
  }
}
