import { App } from "cdktf";
import { PolicyPack, PolicyProfile } from "../../lib";
import { buildPlatform } from "./stack";

const app = new App();
buildPlatform(app);
PolicyPack.applyTo(app, { profile: PolicyProfile.FEDERAL_STRICT });
app.synth();
