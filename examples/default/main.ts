import { App } from "cdktf";
import { DefaultExampleStack } from "./stack";

const app = new App();
new DefaultExampleStack(app, "private-egress-default");
app.synth();
