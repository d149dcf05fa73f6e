// An agency's own stack: its own AWS and Cloud Foundry providers, the library from npm.
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ApplicationSecurityGroup,
  AsgProtocol,
  BaseCell,
  ControlPlanePeer,
  CustomerDevice,
  PrivateEgressEnvironment,
} from "cdktf-private-egress";
import { provider } from "cdktf-private-egress/cloudfoundry";

export class AgencyEgressStack extends TerraformStack {
  public readonly environment: PrivateEgressEnvironment;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "us-gov-west-1" });
    new provider.CloudfoundryProvider(this, "cloudfoundry", {});

    this.environment = new PrivateEgressEnvironment(this, "Agency", {
      tenant: { org: "agency-prod", spaces: ["app"] },
      customerEndpoint: { ip: "18.188.145.101", device: CustomerDevice.OPENSWAN },
      privateCidrs: ["192.168.100.0/24"],
      expectedApps: 40,
      availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"],
      // the foundation's Diego cell the dedicated cells are cloned from, and its control plane
      cells: { baseCell: BaseCell.fromFile(path.join(__dirname, "diego-cell.yml")) },
      controlPlane: {
        boshDirector: [ControlPlanePeer.securityGroup("sg-0b0500d1ec7000001", "bosh-director")],
        sharedComponents: [ControlPlanePeer.securityGroup("sg-0c0ffee0c0ffee001", "cf-internal")],
        diegoBbs: [ControlPlanePeer.securityGroup("sg-0c0ffee0c0ffee001", "cf-internal")],
      },
    });
    // a building block beside the environment: one more ASG for the agency's database
    new ApplicationSecurityGroup(this, "CaseDb", {
      name: "agency-case-db",
      rules: [{ protocol: AsgProtocol.TCP, destination: "192.168.100.30", ports: "5432" }],
      runningSpaces: this.environment.spaces,
    });
  }
}
