import { readFileSync } from "node:fs";
import {
  clinicConfigSchema,
  DEFAULT_MINOR_CONSENT,
  DEFAULT_STRANGULATION_PROTOCOL,
  minorConsentText,
  strangulationProtocol,
  type ClinicConfig,
} from "./clinicConfig";
import { parseConfig } from "./loadConfig";
import { smartConfigSchema } from "./smartConfig";

const read = (file: string): unknown => JSON.parse(readFileSync(`public/${file}`, "utf8"));

describe("smart-config.json", () => {
  it("the shipped file is valid", () => {
    const result = parseConfig(
      "public/smart-config.json",
      smartConfigSchema,
      read("smart-config.json"),
    );
    expect(result.ok).toBe(true);
  });

  it("names the field and the fix for a bad entry", () => {
    const result = parseConfig("public/smart-config.json", smartConfigSchema, {
      issuers: [
        {
          label: "x",
          iss: "not a url",
          clientId: "",
          scopes: { v2: "launch" },
          pkceMode: "sometimes",
          extra: 1,
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.failure.kind !== "config") throw new Error("expected a config failure");
    const fields = result.failure.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "issuers[0].clientId",
        "issuers[0].scopes.v1",
        "issuers[0].pkceMode",
        "issuers[0]",
      ]),
    );
    const pkce = result.failure.problems.find((p) => p.field === "issuers[0].pkceMode");
    expect(pkce?.fix).toContain('"ifSupported"');
    const unknown = result.failure.problems.find((p) => p.field === "issuers[0]");
    expect(unknown?.fix).toContain('"extra"');
  });

  it("refuses an entry with both or neither of iss and issPattern", () => {
    const entry = { label: "x", clientId: "c", scopes: { v1: "a", v2: "b" } };
    const neither = parseConfig("f", smartConfigSchema, { issuers: [entry] });
    const both = parseConfig("f", smartConfigSchema, {
      issuers: [{ ...entry, iss: "https://a.example/fhir", issPattern: "^x" }],
    });
    expect(neither.ok).toBe(false);
    expect(both.ok).toBe(false);
    const badPattern = parseConfig("f", smartConfigSchema, {
      issuers: [{ ...entry, issPattern: "([" }],
    });
    expect(badPattern.ok).toBe(false);
  });
});

describe("clinic-config.json", () => {
  it("the shipped file is valid", () => {
    const result = parseConfig(
      "public/clinic-config.json",
      clinicConfigSchema,
      read("clinic-config.json"),
    );
    expect(result).toMatchObject({ ok: true });
  });

  it("names a missing Spanish text and a malformed reference", () => {
    const config = read("clinic-config.json") as {
      clinicOrganization: string;
      jurisdiction: { mandatoryReporting: { minor: Record<string, string> } };
    };
    config.clinicOrganization = "clinic";
    delete config.jurisdiction.mandatoryReporting.minor.es;
    const result = parseConfig("public/clinic-config.json", clinicConfigSchema, config);
    if (result.ok || result.failure.kind !== "config") throw new Error("expected a config failure");
    expect(result.failure.file).toBe("public/clinic-config.json");
    const fields = result.failure.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(["clinicOrganization", "jurisdiction.mandatoryReporting.minor.es"]),
    );
  });
});

describe("clinic-config optional texts (issue 13)", () => {
  const shipped = read("clinic-config.json") as ClinicConfig;

  it("strangulationProtocol: the clinic's text per language, else the built-in default", () => {
    expect(strangulationProtocol(shipped, "en")).toBe(DEFAULT_STRANGULATION_PROTOCOL.en);
    expect(strangulationProtocol(shipped, "es")).toBe(DEFAULT_STRANGULATION_PROTOCOL.es);
    const own = { ...shipped, strangulationProtocol: { en: "Call the SANE nurse.", es: "Llame." } };
    expect(clinicConfigSchema.safeParse(own).success).toBe(true);
    expect(strangulationProtocol(own, "es")).toBe("Llame.");
    expect(strangulationProtocol(own, "vi")).toBe("Call the SANE nurse.");
    expect(
      clinicConfigSchema.safeParse({ ...shipped, strangulationProtocol: { en: "only English" } })
        .success,
    ).toBe(false);
  });

  it("jurisdiction.minorConsent: the clinic's rule, else a built-in reminder", () => {
    expect(minorConsentText(shipped, "es")).toBe(DEFAULT_MINOR_CONSENT.es);
    const own = {
      ...shipped,
      jurisdiction: {
        ...shipped.jurisdiction,
        minorConsent: { en: "12+ may consent.", es: "12+." },
      },
    };
    expect(clinicConfigSchema.safeParse(own).success).toBe(true);
    expect(minorConsentText(own, "en")).toBe("12+ may consent.");
  });

  it("resourceCard.partnerLabels: per partner id, en and es required, discreet length", () => {
    const card = shipped.resourceCard;
    if (!card) throw new Error("the shipped file has a resourceCard");
    const withLabels = (labels: unknown) => ({
      ...shipped,
      resourceCard: { ...card, partnerLabels: labels },
    });
    expect(
      clinicConfigSchema.safeParse(withLabels({ "org-a": { en: "Line", es: "Línea" } })).success,
    ).toBe(true);
    expect(clinicConfigSchema.safeParse(withLabels({ "org-a": { en: "Line" } })).success).toBe(
      false,
    );
    expect(
      clinicConfigSchema.safeParse(withLabels({ "org-a": { en: "x".repeat(41), es: "y" } }))
        .success,
    ).toBe(false);
  });
});
