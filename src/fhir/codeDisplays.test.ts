import fs from "node:fs";
import path from "node:path";
import { STATUS_REASONS } from "../domain/taskLifecycle";
import { CODE_SYSTEM, STATUS_REASON_TEXT } from "./canonical";
import { codeDisplay, codeDisplays, codesOfSystem } from "./codeDisplays";

// The CodeSystems whose names the app shows to staff: each code needs a Spanish designation.
const SHOWN = [
  "wr-dsv-services",
  "wr-handoff-method",
  "wr-participation-tier",
  "wr-collaboration-level",
  "wr-referral-outcome",
  "wr-referral-status-reason",
  "wr-onboarding-step",
  "wr-cross-training-direction",
  "wr-meeting-cadence",
  "wr-partnership-side",
  "wr-visit-setting",
  "wr-safety-card-type",
  "wr-partner-type",
  "wr-activity",
  "wr-clinic-service",
] as const;

interface CodeSystemJson {
  url: string;
  concept: {
    code: string;
    display: string;
    designation?: { language?: string; value: string }[];
  }[];
}

const readCodeSystem = (id: string) =>
  JSON.parse(
    fs.readFileSync(path.resolve(`fhir-profiles/package/CodeSystem-${id}.json`), "utf8"),
  ) as CodeSystemJson;

describe("code display names from the CodeSystems", () => {
  it.each(SHOWN)("%s: every code has an es designation, and codeDisplay returns it", (id) => {
    const cs = readCodeSystem(id);
    expect(codesOfSystem(id)).toEqual(cs.concept.map((c) => c.code));
    for (const c of cs.concept) {
      const es = c.designation?.find((d) => d.language === "es")?.value;
      expect(es, `${id}#${c.code} has no es designation`).toBeTruthy();
      expect(codeDisplay(id, c.code, "es")).toBe(es);
      expect(codeDisplay(cs.url, c.code, "es")).toBe(es);
      expect(codeDisplay(id, c.code, "en")).toBe(c.display);
    }
  });

  it("falls back to English, then to the code", () => {
    expect(codeDisplay(CODE_SYSTEM.dsvServices, "emergency-shelter", "vi")).toBe(
      "Emergency shelter",
    );
    expect(codeDisplay("wr-dsv-services", "emergency-shelter", "es")).toBe("Refugio de emergencia");
    expect(codeDisplay("wr-dsv-services", "no-such-code", "es")).toBe("no-such-code");
    expect(codeDisplay("http://example.org/other", "x", "en")).toBe("x");
  });

  it("the copies kept out of the first screen's JS say what the CodeSystems say", () => {
    for (const c of STATUS_REASONS)
      expect(STATUS_REASON_TEXT[c]).toBe(codeDisplay("wr-referral-status-reason", c, "en"));
  });

  it("gives a system's whole table in one language", () => {
    expect(codeDisplays("wr-meeting-cadence", "es")).toEqual({
      monthly: "Mensual",
      quarterly: "Trimestral",
      "twice-yearly": "Dos veces al año",
      yearly: "Anual",
      "as-needed": "Según se necesite",
    });
    expect(codeDisplays("http://example.org/other", "en")).toEqual({});
  });
});
