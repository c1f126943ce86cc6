// @vitest-environment node
import { ESLint } from "eslint";

// The architecture rules of docs/ARCHITECTURE.md, enforced by lint: a feature never imports
// another, and the layers import only downwards.
describe("feature boundaries", () => {
  const eslint = new ESLint();

  async function messages(filePath: string, code: string) {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports");
  }

  it("refuses an import from another feature", async () => {
    const found = await messages(
      "src/features/cues/Example.ts",
      'import Directory from "../partners/PartnerDirectory";\nexport default Directory;\n',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("never imports another feature");
  });

  it("allows shared code and the feature's own files", async () => {
    const found = await messages(
      "src/features/cues/Example.ts",
      'import { queryKeys } from "../../fhir/queryKeys";\nimport Guide from "./CuesGuide";\nexport { queryKeys, Guide };\n',
    );
    expect(found).toHaveLength(0);
  });

  const layerCases: [file: string, source: string, refused: boolean][] = [
    ["src/domain/Example.ts", "../fhir/partners", true],
    ["src/domain/Example.ts", "../config/clinicConfig", true],
    ["src/domain/Example.ts", "./roles", false],
    ["src/fhir/Example.ts", "../features/partners/form", true],
    ["src/fhir/Example.ts", "../app/session", true],
    ["src/fhir/Example.ts", "../ui/FailureAlert", true],
    ["src/fhir/builders/Example.ts", "../../app/session", true],
    ["src/fhir/Example.ts", "../domain/partner", false],
    ["src/ui/Example.ts", "../features/cues/CuesGuide", true],
    ["src/ui/Example.ts", "../app/session", true],
    ["src/ui/Example.ts", "../domain/people", false],
  ];
  for (const [file, source, refused] of layerCases)
    it(`${file}: import of ${source} is ${refused ? "refused" : "allowed"}`, async () => {
      const found = await messages(file, `import * as x from "${source}";\nexport { x };\n`);
      expect(found.length).toBe(refused ? 1 : 0);
    });
}, 30_000);
