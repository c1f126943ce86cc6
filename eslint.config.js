import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// One feature never imports another (docs/ARCHITECTURE.md): shared code lives in src/fhir, src/ui,
// src/content, src/config or src/app.
const FEATURES = ["cues", "referrals", "partners", "diagnostics", "reports", "worklist"];
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

// The layers (docs/ARCHITECTURE.md, "Layers"): domain imports nothing of ours; fhir never
// imports features, app or ui; ui never imports features or app.
const layer = (files, groups, message) => ({
  files: [files],
  ignores: ["**/*.test.{ts,tsx}"],
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }] },
});
const layerBoundaries = [
  layer(
    "src/domain/**/*.{ts,tsx}",
    ["../*", "../**"],
    "src/domain holds pure rules and read models: it imports nothing of ours (move FHIR mapping to src/fhir).",
  ),
  layer(
    "src/fhir/**/*.{ts,tsx}",
    ["**/features/**", "**/app/**", "**/ui/**", "../features", "../app", "../ui"],
    "src/fhir never imports features, app or ui: it is the FHIR door and the mappers beneath them.",
  ),
  layer(
    "src/ui/**/*.{ts,tsx}",
    ["**/features/**", "**/app/**", "../features", "../app"],
    "src/ui holds shared components: it never imports a feature or the app shell.",
  ),
];

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
      // PHI must never reach the console (docs/ARCHITECTURE.md, privacy invariant 4).
      "no-console": "error",
    },
  },
  {
    files: [
      "sandbox/**/*.ts",
      "scripts/**/*.ts",
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
  ...layerBoundaries,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
);
