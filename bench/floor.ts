// The floor: load cdktf and constructs and synthesize an empty stack, nothing else.
import { App, TerraformStack } from "cdktf";

const app = new App();
new TerraformStack(app, "empty");
app.synth();
