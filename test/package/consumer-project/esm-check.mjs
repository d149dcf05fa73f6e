// The library and its Cloud Foundry bindings imported from an ES module.
import { PrivateEgressEnvironment, PolicyPack } from "cdktf-private-egress";
import { provider } from "cdktf-private-egress/cloudfoundry";

console.log(
  JSON.stringify({
    environment: typeof PrivateEgressEnvironment,
    policyPack: typeof PolicyPack,
    cloudfoundryProvider: provider.CloudfoundryProvider.tfResourceType,
  }),
);
