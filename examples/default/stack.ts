/**
 * The seed scenario: a tenant whose VPN endpoint is 18.188.145.101 (Openswan) asks for private
 * egress to 192.168.100.0/24 from about 40 apps.
 */
import { CustomerGateway } from "@cdktf/provider-aws/lib/customer-gateway";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpnGateway } from "@cdktf/provider-aws/lib/vpn-gateway";
import { Construct } from "constructs";
import { DataCloudfoundryOrg } from "../../gen/providers/cloudfoundry/data-cloudfoundry-org";
import { IsolationSegment } from "../../gen/providers/cloudfoundry/isolation-segment";
import { IsolationSegmentEntitlement } from "../../gen/providers/cloudfoundry/isolation-segment-entitlement";
import { PlatformStack, PlatformStackProps } from "../shared/platform-stack";

/** The default example's single stack. */
export class DefaultExampleStack extends PlatformStack {
  constructor(scope: Construct, id: string, props: PlatformStackProps = {}) {
    super(scope, id, props);
    const vpc = new Vpc(this, "Vpc", {
      cidrBlock: "10.40.0.0/16",
      enableDnsSupport: true,
      enableDnsHostnames: true,
    });
    new VpnGateway(this, "VpnGateway", { vpcId: vpc.id, amazonSideAsn: "64512" });
    new CustomerGateway(this, "CustomerGateway", {
      ipAddress: "18.188.145.101",
      bgpAsn: "65000",
      type: "ipsec.1",
      deviceName: "openswan",
    });
    const org = new DataCloudfoundryOrg(this, "Org", { name: "agency-prod" });
    const segment = new IsolationSegment(this, "IsolationSegment", { name: "agency-prod-private-egress" });
    new IsolationSegmentEntitlement(this, "Entitlement", { segment: segment.id, orgs: [org.id] });
  }
}
