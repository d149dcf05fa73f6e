#!/usr/bin/env node
// Generates the cloudfoundry/cloudfoundry provider bindings from the schema file kept in the repo,
// with the same generator `cdktf get` uses, but without reaching the registry.
//
//   node scripts/generate-cloudfoundry.js [outdir]
//
// The output is committed under gen/providers/cloudfoundry and never edited by hand.
"use strict";
process.env.CHECKPOINT_DISABLE = "1";
const fs = require("fs");
const path = require("path");
// @cdktf/commons runs `terraform version` when loaded; a CLI config variable naming a missing file
// only makes it print warnings, so drop it for this process.
if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) {
  delete process.env.TF_CLI_CONFIG_FILE;
}
const { CodeMaker } = require("codemaker");
const {
  TerraformProviderGenerator,
} = require("@cdktf/provider-generator/lib/get/generator/provider-generator");
const { ConstructsMakerTarget, TerraformProviderConstraint, Language } = require("@cdktf/commons");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_FILE = path.join(ROOT, "providers", "cloudfoundry-1.16.0.schema.json");
const FQPN = "registry.terraform.io/cloudfoundry/cloudfoundry";
const VERSION = "1.16.0";
const CONSTRAINT = "cloudfoundry/cloudfoundry@~> 1.16.0";

async function generate(outdir) {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
  // `cdktf get` reads the version from the lock file; here it is the version the schema describes.
  schema.provider_versions = { [FQPN]: VERSION };
  const target = ConstructsMakerTarget.from(new TerraformProviderConstraint(CONSTRAINT), Language.TYPESCRIPT);
  const code = new CodeMaker();
  new TerraformProviderGenerator(code, schema).generate(target);
  fs.rmSync(path.join(outdir, "providers", "cloudfoundry"), { recursive: true, force: true });
  await code.save(outdir);
}

module.exports = { generate, SCHEMA_FILE };

if (require.main === module) {
  const outdir = path.resolve(process.argv[2] || path.join(ROOT, "gen"));
  const started = Date.now();
  generate(outdir).then(
    () =>
      console.log(
        `generated cloudfoundry ${VERSION} bindings into ${path.relative(process.cwd(), outdir) || "."} in ${Date.now() - started} ms`,
      ),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
