import { describe, expect, it } from "vitest";
import { validateResource } from "../../../fhir-profiles/validator";
import { buildBreakdowns } from "../../domain/reportBreakdowns";
import { buildReport } from "../../domain/reports";
import { twoMonthReportInput } from "../../../test/fixtures/report";
import { reportLabels } from "./labels";
import { measureReportBundle, reportCsv } from "./exports";

const input = twoMonthReportInput([
  {
    reference: "Organization/a",
    name: "Program A",
    tier: "3",
    crossTrainings: [
      { date: "2026-10-02", direction: "program-at-clinic", topic: "t", attendees: 5 },
    ],
  },
]);
const report = buildReport(input);
const breakdowns = buildBreakdowns(report, input, {
  support: { setting: true, language: true, visits: false },
  counts: {
    setting: { education: { "in-person": 60, telephone: 4 }, offered: { "in-person": 45 } },
    language: { en: 50, es: 20 },
  },
  settings: ["in-person", "telephone"],
  languages: ["en", "es"],
  trainings: input.partners,
});

describe("report exports with the breakdowns", () => {
  it("every MeasureReport is valid R4 and names no patient; setting and language are strata", () => {
    const bundle = measureReportBundle(report, breakdowns, "Organization/clinic", new Date());
    for (const e of bundle.entry) {
      const result = validateResource(e.resource as never);
      expect(result.issues, `${e.resource.measure}: ${JSON.stringify(result.issues)}`).toEqual([]);
      expect(JSON.stringify(e.resource)).not.toMatch(/Patient|subject|evaluatedResource/);
    }
    const edu = bundle.entry.find((e) => e.resource.measure.endsWith("wr-education-offered"));
    const strata = edu?.resource.group?.[0]?.stratifier ?? [];
    expect(strata.map((s) => s.code?.[0]?.text)).toEqual([
      "month",
      "visit-setting",
      "card-language",
    ]);
    // Telephone (4) and not recorded (6) are both hidden: masked, no count.
    const bySetting = strata[1]?.stratum ?? [];
    expect(bySetting.map((s) => s.population?.[0]?.count)).toEqual([60, undefined, undefined]);
    const trainings = bundle.entry.find((e) => e.resource.measure.endsWith("wr-cross-trainings"));
    expect(trainings?.resource.group?.[0]?.population?.[0]?.count).toBe(1);
    // No share of visits when the server cannot count them.
    expect(bundle.entry.some((e) => e.resource.measure.endsWith("wr-education-share"))).toBe(false);
  });

  it("the CSV says 'not available' for the share, in the staff's language", () => {
    expect(reportCsv(report, breakdowns, reportLabels("en", input))).toContain(
      "# Share of visits with universal education\r\nNot available on this server\r\n",
    );
    expect(reportCsv(report, breakdowns, reportLabels("es", input))).toContain(
      "No disponible en este servidor",
    );
  });
});
