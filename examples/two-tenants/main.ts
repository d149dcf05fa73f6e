import { App } from "cdktf";
import { PolicyPack, PolicyProfile } from "../../lib";
import { TwoTenantsStack } from "./stack";

const app = new App();
new TwoTenantsStack(app, "private-egress-two-tenants");
PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT });
app.synth();
