import { App } from "cdktf";
import { PolicyPack, PolicyProfile } from "../../lib";
import { HighAvailabilityStack } from "./stack";

const app = new App();
new HighAvailabilityStack(app, "private-egress-high-availability");
PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT });
app.synth();
