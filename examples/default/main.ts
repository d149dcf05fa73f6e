import { App } from "cdktf";
import { PolicyPack, PolicyProfile } from "../../lib";
import { DefaultExampleStack } from "./stack";

const app = new App();
new DefaultExampleStack(app, "private-egress-default");
PolicyPack.applyTo(app, { profile: PolicyProfile.CLOUD_GOV_COMPAT });
app.synth();
