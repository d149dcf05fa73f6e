/** Every rule of the pack, in the order of docs/policy-rules.md. */
import { PolicyRule } from "../rule";
import { asgBindingsExplicit } from "./asg-bindings-explicit";
import { asgCloudController } from "./asg-cloud-controller";
import { asgScope } from "./asg-scope";
import { cloudFoundrySchemaRule } from "./cloudfoundry-schema";
import { customerCidrOverlap } from "./customer-cidr-overlap";
import { customerGatewayArguments } from "./customer-gateway-arguments";
import { defaultSecurityGroupClosed } from "./default-security-group-closed";
import { lifecycleGuards } from "./lifecycle-guards";
import { logGroupKmsRetention } from "./log-group-kms-retention";
import { natEipPerAz } from "./nat-eip-per-az";
import { routeCustomerPrefixNotInternet } from "./route-customer-prefix-not-internet";
import { routeOneMechanism } from "./route-one-mechanism";
import { securityGroupDescribed } from "./security-group-described";
import { securityGroupNoWorldIngress } from "./security-group-no-world-ingress";
import { securityGroupWorldEgress } from "./security-group-world-egress";
import { stableAddresses } from "./stable-addresses";
import { subnetNoPublicIp } from "./subnet-no-public-ip";
import { terraformTemplateInjection } from "./terraform-template-injection";
import { vpcFlowLogs } from "./vpc-flow-logs";
import { vpnCryptoApproved } from "./vpn-crypto-approved";
import { vpnCryptoStrength } from "./vpn-crypto-strength";
import { vpnDpdStartup } from "./vpn-dpd-startup";
import { vpnIkeVersion } from "./vpn-ike-version";
import { vpnInsideCidrs } from "./vpn-inside-cidrs";
import { vpnConnectionArguments } from "./vpn-connection-arguments";
import { vpnKeyLiteral } from "./vpn-key-literal";
import { vpnKeyStorage } from "./vpn-key-storage";
import { vpnLifetimes } from "./vpn-lifetimes";
import { vpnTunnelAlarms } from "./vpn-tunnel-alarms";
import { vpnTunnelLogging } from "./vpn-tunnel-logging";

export {
  asgBindingsExplicit,
  asgCloudController,
  asgScope,
  cloudFoundrySchemaRule,
  customerCidrOverlap,
  customerGatewayArguments,
  defaultSecurityGroupClosed,
  lifecycleGuards,
  logGroupKmsRetention,
  natEipPerAz,
  routeCustomerPrefixNotInternet,
  routeOneMechanism,
  securityGroupDescribed,
  securityGroupNoWorldIngress,
  securityGroupWorldEgress,
  stableAddresses,
  subnetNoPublicIp,
  terraformTemplateInjection,
  vpcFlowLogs,
  vpnCryptoApproved,
  vpnCryptoStrength,
  vpnDpdStartup,
  vpnIkeVersion,
  vpnConnectionArguments,
  vpnInsideCidrs,
  vpnKeyLiteral,
  vpnKeyStorage,
  vpnLifetimes,
  vpnTunnelAlarms,
  vpnTunnelLogging,
};

/** All rules, grouped: VPN, state, routing and network, VPC hygiene, Cloud Foundry. */
export const ALL_RULES: readonly PolicyRule[] = [
  vpnIkeVersion,
  vpnCryptoApproved,
  vpnCryptoStrength,
  vpnLifetimes,
  vpnInsideCidrs,
  vpnKeyLiteral,
  vpnKeyStorage,
  vpnTunnelLogging,
  vpnDpdStartup,
  vpnTunnelAlarms,
  vpnConnectionArguments,
  customerGatewayArguments,
  lifecycleGuards,
  stableAddresses,
  routeOneMechanism,
  routeCustomerPrefixNotInternet,
  customerCidrOverlap,
  natEipPerAz,
  vpcFlowLogs,
  logGroupKmsRetention,
  defaultSecurityGroupClosed,
  subnetNoPublicIp,
  securityGroupDescribed,
  securityGroupNoWorldIngress,
  securityGroupWorldEgress,
  asgCloudController,
  asgScope,
  asgBindingsExplicit,
  cloudFoundrySchemaRule,
  terraformTemplateInjection,
];
