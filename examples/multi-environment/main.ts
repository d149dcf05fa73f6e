import { App } from "cdktf";
import { PolicyPack, PolicyProfile } from "../../lib";
import { createMultiEnvironmentStacks } from "./stack";

const app = new App();
createMultiEnvironmentStacks(app);
PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT });
app.synth();
