/**
 * The opt-in hand-off of an environment: Terraform outputs with what the tenant needs after apply.
 */
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { TunnelEndpoints } from "../aws/interfaces";
import { VpnConnection } from "../aws/vpn-connection";
import { PrivateEgressEnvironment } from "../environment/private-egress-environment";
import { PanOsOptions, renderDeviceConfig, VpnConnectionHandoff } from "./device-config";
import { renderEnvironmentDiagram } from "./diagram";
import { firewallRules, renderFirewallChecklist } from "./firewall";
import { escapeTemplateLiteral } from "./template";
import { ID, fieldsOf, guardStrings, stringSpec } from "../core/boundary";
import { joinText } from "../core/strings";

/** Props of {@link PrivateEgressHandoff}. */
export interface PrivateEgressHandoffProps {
  /** The environment to hand off. */
  readonly environment: PrivateEgressEnvironment;
  /**
   * Prefix of every output name, so several environments can share a stack.
   * @default - the environment's construct id, lower-cased, non-alphanumerics as `_`
   */
  readonly outputPrefix?: string;
  /**
   * PAN-OS specifics, for a Palo Alto endpoint.
   * @default - see `PanOsOptions`
   */
  readonly panOs?: PanOsOptions;
}

const STRINGS = stringSpec("PrivateEgressHandoffProps", {
  outputPrefix: ID,
  panOs: fieldsOf({ outsideInterface: ID, virtualRouter: ID, tunnelZone: ID }),
});

/**
 * Define the tenant hand-off of a private-egress environment as Terraform outputs: egress IPs,
 * dedicated subnet CIDRs, each connection's tunnel addresses, the pre-shared keys' Secrets Manager
 * ARN, the firewall rules to open, a ready-to-load device configuration rendered from the tunnel
 * options actually configured, the dedicated cells' BOSH artifacts, how to deploy to the segment,
 * and a Mermaid diagram.
 *
 * Output names are `<prefix>_<what>` and are fixed on purpose (outputs hold no infrastructure, and
 * `terraform output <name>` must be predictable). Only the AWS-generated customer gateway
 * configuration, which embeds the keys, is an output marked sensitive. Sensitive hides it from
 * `terraform plan` and `terraform output`, NOT from the state or from `terraform output -json`,
 * which print it in clear: the state holds the pre-shared keys, so keep it in an encrypted,
 * access-controlled backend. The hand-off lands in the state of the stack it is defined in: define
 * each tenant's environment and hand-off in the tenant's own stack to keep one tenant's outputs out
 * of another's state.
 *
 * @example
 * new PrivateEgressHandoff(stack, "Handoff", { environment });
 */
export class PrivateEgressHandoff extends Construct {
  /** The device configuration input of each connection, primary first. */
  public readonly connections: VpnConnectionHandoff[];
  /** The names of the outputs created. */
  public readonly outputNames: string[] = [];

  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: PrivateEgressHandoffProps) {
    super(scope, id);
    props = guardStrings(props, STRINGS);
    const env = props.environment;
    this.prefix = props.outputPrefix ?? env.node.id.toLowerCase().replace(/[^a-z0-9]+/g, "_");
    const platformCidrs = env.network.subnetCidrs;

    this.output(
      "egress_ips",
      env.network.egressIps,
      "Static egress IPs of the dedicated cells (NAT gateways), to allow-list",
    );
    this.output(
      "dedicated_subnet_cidrs",
      platformCidrs,
      "CIDRs of the dedicated subnets: route them through the VPN",
    );
    this.output(
      "isolation_segment",
      env.isolationSegment.isolationSegmentName,
      "The isolation segment (placement tag)",
    );

    this.connections = env.vpnConnections.map((vpn, i) => {
      const endpoint = env.customerEndpoints[i];
      const name = i === 0 ? "vpn" : `vpn_${i + 1}`;
      const handoff: VpnConnectionHandoff = {
        name: `pe-${env.environment}${i === 0 ? "" : `-${i + 1}`}`.slice(0, 20),
        device: endpoint.device,
        customerEndpointIp: endpoint.ip,
        customerCidrs: env.privateCidrs,
        platformCidrs,
        // the connection's own selectors, when it sets them: the device must propose the same pair
        ...(vpn.localNetworkCidr !== undefined ? { customerTrafficSelector: vpn.localNetworkCidr } : {}),
        ...(vpn.remoteNetworkCidr !== undefined ? { platformTrafficSelector: vpn.remoteNetworkCidr } : {}),
        tunnel1: { endpoints: vpn.tunnel1, options: vpn.tunnel1Options },
        tunnel2: { endpoints: vpn.tunnel2, options: vpn.tunnel2Options },
        presharedKeyLocation: vpn.presharedKeyArn,
        behindNat: endpoint.behindNat ?? false,
        panOs: props.panOs,
      };
      this.connectionOutputs(name, vpn, handoff);
      return handoff;
    });

    // the ops file carries the operator's base cell verbatim: escaped so Terraform evaluates none of it
    this.output(
      "bosh_ops_file",
      env.cells.opsFileYaml,
      "BOSH ops file: the clone of the base Diego cell for the segment, and its bosh-dns alias target (bosh deploy -o)",
    );
    this.output(
      "bosh_cloud_config",
      env.cells.cloudConfigYaml,
      `BOSH cloud config of the dedicated network, to load as the named config ${env.cells.networkName} (never with update-cloud-config)`,
    );
    this.output(
      "bosh_update_config_command",
      env.cells.updateConfigCommand,
      "Loads the cloud-config.yml written under cdktf.out as a named cloud config, with the subnet and security group ids",
    );
    this.output(
      "cell_security_group_id",
      env.network.cellSecurityGroupId,
      "Security group on every dedicated cell subnet (cloud_properties.security_groups)",
    );
    this.output(
      "how_to_deploy",
      escapeTemplateLiteral(
        joinText(
          [
            `Apps pushed to org ${env.tenantOrg}, spaces ${joinText(
              env.spaces.map((s) => s.spaceName),
              ", ",
            )} run on the dedicated cells of isolation segment ${env.isolationSegment.isolationSegmentName}.`,
            "Apps already running in those spaces move on their next restart: cf restart APP.",
            `Private services are bound by name: ${
              joinText(
                env.privateServices.map((s) => `cf bind-service APP ${s.name}`),
                "; ",
              ) || "none configured"
            }.`,
          ],
          "\n",
        ),
      ),
      "How the tenant deploys to the segment",
    );
    this.output(
      "diagram",
      escapeTemplateLiteral(renderEnvironmentDiagram(env)),
      "Mermaid diagram of the environment",
    );
  }

  private connectionOutputs(name: string, vpn: VpnConnection, handoff: VpnConnectionHandoff): void {
    const tunnel = (t: TunnelEndpoints) => ({
      outside_address: t.outsideAddress,
      inside_cidr: t.insideCidr,
      aws_inside_address: t.vgwInsideAddress,
      customer_inside_address: t.cgwInsideAddress,
    });
    this.output(
      `${name}_tunnels`,
      { tunnel1: tunnel(vpn.tunnel1), tunnel2: tunnel(vpn.tunnel2) },
      "Both tunnels' addresses",
    );
    this.output(
      `${name}_preshared_key_arn`,
      vpn.presharedKeyArn,
      "Secrets Manager secret holding both tunnels' pre-shared keys (read it with aws secretsmanager get-secret-value)",
    );
    this.output(
      `${name}_firewall_rules`,
      firewallRules(handoff).map((r) => ({
        tunnel: r.tunnel,
        direction: r.direction,
        protocol: r.protocol,
        ip_protocol: r.ipProtocolNumber,
        ...(r.port === undefined ? {} : { port: r.port }),
        source: r.source,
        destination: r.destination,
        purpose: r.purpose,
      })),
      "Rules the customer's firewall must allow",
    );
    this.output(
      `${name}_firewall_checklist`,
      renderFirewallChecklist(handoff),
      "The firewall rules as a checklist",
    );
    for (const file of renderDeviceConfig(handoff).files) {
      this.output(`${name}_${file.fileName.replace(/[^A-Za-z0-9]+/g, "_")}`, file.content, file.description);
    }
    this.output(
      `${name}_customer_gateway_configuration`,
      vpn.customerGatewayConfiguration,
      "AWS's generated device configuration (embeds the keys)",
      true,
    );
  }

  private output(name: string, value: unknown, description: string, sensitive = false): void {
    const fullName = `${this.prefix}_${name}`;
    const output = new TerraformOutput(this, name, { value, description, sensitive });
    output.overrideLogicalId(fullName);
    this.outputNames.push(fullName);
  }
}
