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
    // The naive baseline of `npm run bench` imports the provider barrel on purpose (issue 8).
    files: ["bench/naive/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
