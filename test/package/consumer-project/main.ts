import { App, Aspects } from "cdktf";
import { PolicyPack } from "cdktf-private-egress";
import { AgencyEgressStack } from "./stack";

const app = new App();
new AgencyEgressStack(app, "agency-egress");
Aspects.of(app).add(new PolicyPack());
app.synth();
