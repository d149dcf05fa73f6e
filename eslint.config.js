// @ts-check
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["node_modules/", "dist/", "cdktf.out/", "gen/", "coverage/", "reports/", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@cdktf/provider-aws",
              message:
                "Import provider classes by deep path (e.g. @cdktf/provider-aws/lib/vpc): the barrel costs seconds and hundreds of MB per synth.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Code that writes synthesized text (hand-off documents, BOSH files, policies, escaped strings)
    // assembles it with joinText: Array.prototype.join stores its result two-byte when a part is a
    // V8 thin string, and the whole cdk.tf.json then costs 2-3x to stringify and write (issue 17).
    files: [
      "lib/handoff/**",
      "lib/cloudfoundry/dedicated-cells.ts",
      "lib/cloudfoundry/yaml-text.ts",
      "lib/aws/key-policy.ts",
      "lib/core/ip.ts",
      "lib/core/boundary.ts",
    ],
    ignores: ["lib/handoff/common.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name='join']:not([callee.object.name='path']):not([callee.object.property.name='posix'])",
          message:
            "Use joinText (lib/core/strings.ts): Array.prototype.join makes two-byte text from thin strings.",
        },
      ],
    },
  },
  {
    // The naive baseline of `npm run bench` imports the provider barrel on purpose (issue 8).
    files: ["bench/naive/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
