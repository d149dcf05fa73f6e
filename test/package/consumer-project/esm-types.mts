// Type-checked with module "node16": the exports map's types for ESM consumers.
import { PrivateEgressEnvironment, type PrivateEgressEnvironmentProps } from "cdktf-private-egress";
import { provider } from "cdktf-private-egress/cloudfoundry";

export const props: Pick<PrivateEgressEnvironmentProps, "privateCidrs"> = {
  privateCidrs: ["192.168.100.0/24"],
};
export const classes = [PrivateEgressEnvironment, provider.CloudfoundryProvider];
