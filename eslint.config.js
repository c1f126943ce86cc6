import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// One feature never imports another (DESIGN.md): shared code lives in src/fhir, src/ui,
// src/content, src/config or src/app.
const FEATURES = ["cues", "referrals", "partners", "diagnostics", "reports"];
const featureBoundaries = FEATURES.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: FEATURES.filter((other) => other !== feature).map((other) => ({
          group: [
            `**/features/${other}`,
            `**/features/${other}/**`,
            `../${other}`,
            `../${other}/**`,
          ],
          message:
            "A feature never imports another feature; move shared code to src/fhir, src/ui or src/content.",
        })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      "dist",
      "dist-bench",
      "node_modules",
      "fhir-profiles/fsh-generated",
      "fhir-profiles/.fhir-cache",
      "test-results",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "test/unit/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // PHI must never reach the console (DESIGN.md invariant 4).
      "no-console": "error",
    },
  },
  {
    files: [
      "sandbox/**/*.ts",
      "test/e2e/**/*.ts",
      "test/bench/**/*.ts",
      "fhir-profiles/**/*.ts",
      "*.config.{js,ts}",
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.commonjs } },
  },
  ...featureBoundaries,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
);
