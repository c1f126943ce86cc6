// @vitest-environment node
import { ESLint } from "eslint";

// The architecture rule from DESIGN.md, enforced by lint: a feature never imports another.
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
}, 30_000);
