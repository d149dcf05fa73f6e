import { App } from "cdktf";
import { PolicyPack, PolicyProfile } from "../../lib";
import { AgencyStack } from "./stack";

const app = new App();
new AgencyStack(app, "private-egress-agency");
PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT });
app.synth();
