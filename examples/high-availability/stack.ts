/**
 * High availability: the tenant runs two VPN devices, each with its own BGP ASN, and gets two
 * connections (four tunnels, each with its own inside /30) on one virtual private gateway. BGP carries the tenant's prefixes, so
 * traffic fails over between devices and tunnels without static routes; each connection has its
 * alarm set, and both notify one SNS topic.
 */
import { Construct } from "constructs";
import {
  CustomerDevice,
  CustomerEndpointOptions,
  PrivateEgressEnvironment,
  PrivateEgressHandoff,
} from "../../lib";
import { FOUNDATION_CONTROL_PLANE, foundationBaseCell } from "../shared/foundation";
import { PlatformStack, PlatformStackProps } from "../shared/platform-stack";

/** The tenant's two devices. */
export const PRIMARY_ENDPOINT: CustomerEndpointOptions = {
  ip: "18.188.145.150",
  device: CustomerDevice.PALO_ALTO_PANOS,
  bgpAsn: 65010,
  tunnel1InsideCidr: "169.254.20.0/30",
  tunnel2InsideCidr: "169.254.20.4/30",
};
export const SECONDARY_ENDPOINT: CustomerEndpointOptions = {
  ip: "18.188.145.151",
  device: CustomerDevice.PALO_ALTO_PANOS,
  bgpAsn: 65020,
  tunnel1InsideCidr: "169.254.21.0/30",
  tunnel2InsideCidr: "169.254.21.4/30",
};
/** The networks behind both devices. */
export const HA_PRIVATE_CIDRS = ["10.120.0.0/16"];

/** The high-availability example's single stack. */
export class HighAvailabilityStack extends PlatformStack {
  public readonly environment: PrivateEgressEnvironment;

  constructor(scope: Construct, id: string, props: PlatformStackProps = {}) {
    super(scope, id, props);
    this.environment = new PrivateEgressEnvironment(this, "Agency", {
      tenant: { org: "agency-ha", spaces: ["claims", "intake"] },
      customerEndpoint: PRIMARY_ENDPOINT,
      secondCustomerEndpoint: SECONDARY_ENDPOINT,
      privateCidrs: HA_PRIVATE_CIDRS,
      privateServices: [{ name: "claims-api", host: "10.120.4.20", port: 443 }],
      expectedApps: 60,
      controlPlane: FOUNDATION_CONTROL_PLANE,
      cells: { baseCell: foundationBaseCell(props.env) },
      availabilityZones: [`${this.region}a`, `${this.region}b`],
    });
    new PrivateEgressHandoff(this, "Handoff", { environment: this.environment });
  }
}
