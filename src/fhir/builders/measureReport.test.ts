// @vitest-environment node
import { describe, expect, it } from "vitest";
import { validateResource } from "../../../fhir-profiles/validator";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildReport, MEASURE_IDS, type ReportTask } from "../../domain/reports";
import { buildMeasureReport, MEASURE_URL, monthlyMeasures, monthlyStrata } from "./measureReport";

const tasks: ReportTask[] = Array.from({ length: 14 }, (_, i) => ({
  status: i < 12 ? "completed" : "rejected",
  businessStatus: i < 12 ? "fulfillment-completed" : "declined",
  authoredOn: i < 7 ? "2026-09-02T10:00:00Z" : "2026-10-02T10:00:00Z",
  owner: "Organization/a",
  priority: "routine",
  startedAt: "2026-10-03T10:00:00Z",
  endedAt: "2026-10-09T10:00:00Z",
}));

const report = buildReport({
  period: { from: "2026-09", to: "2026-10" },
  threshold: 11,
  counts: {
    educationByMonth: { "2026-09": 30, "2026-10": 31 },
    offeredByMonth: {},
    tasks: {
      "referrals-sent": 14,
      "referrals-accepted": 12,
      "referrals-connected": 12,
      "referrals-declined": 2,
      "referrals-could-not-reach": 0,
      "referrals-withdrawn": 0,
    },
    overdueOpen: 0,
    incoming: { received: 0, accepted: 0, booked: 0, completed: 0 },
  },
  tasks,
  partners: [{ reference: "Organization/a", name: "A", tier: "3" }],
});

describe("MeasureReport (summary)", () => {
  it("one per monthly measure, valid R4, suppressed cells masked, nothing about a patient", () => {
    const measures = monthlyMeasures(report.monthly);
    expect(measures).toHaveLength(8);
    for (const measure of measures) {
      const strata = monthlyStrata(report.monthly, measure);
      if (!strata) throw new Error(measure);
      const mr = buildMeasureReport({
        measure,
        period: report.period,
        now: new Date("2026-11-01T12:00:00Z"),
        reporter: "Organization/clinic",
        ...strata,
      });
      const result = validateResource(mr as never);
      expect(result.issues, `${measure}: ${JSON.stringify(result.issues)}`).toEqual([]);
      expect(mr.period).toEqual({ start: "2026-09-01", end: "2026-10-31T23:59:59.999Z" });
      expect(JSON.stringify(mr)).not.toMatch(/Patient|subject|evaluatedResource/);
    }
    const sent = buildMeasureReport({
      measure: "referrals-sent",
      period: report.period,
      now: new Date(),
      reporter: "Organization/clinic",
      ...monthlyStrata(report.monthly, "referrals-sent")!,
    });
    // 7 and 7 by month: both hidden, the total 14 shown.
    expect(sent.group?.[0]?.population?.[0]?.count).toBe(14);
    const strata = sent.group?.[0]?.stratifier?.[0]?.stratum ?? [];
    expect(strata.map((s) => s.population?.[0]?.count)).toEqual([undefined, undefined]);
    expect(strata[0]?.population?.[0]?.extension?.[0]?.valueCode).toBe("masked");
  });

  it("a timing carries its median as the score", () => {
    const mr = buildMeasureReport({
      measure: "days-to-connection",
      period: report.period,
      now: new Date(),
      reporter: "Organization/clinic",
      total: { kind: "count", value: report.connection?.n ?? 0 },
      ...(report.connection ? { timing: report.connection } : {}),
    });
    expect(validateResource(mr as never).issues).toEqual([]);
    expect(mr.group?.[0]?.measureScore?.value).toBe(37);
  });

  it("every measure it can name has a Measure in the compiled package", () => {
    const dir = resolve(import.meta.dirname, "../../../fhir-profiles/package");
    const urls = new Set(
      readdirSync(dir)
        .filter((f) => f.startsWith("Measure-"))
        .map((f) => (JSON.parse(readFileSync(resolve(dir, f), "utf8")) as { url?: string }).url),
    );
    for (const id of MEASURE_IDS) expect(urls.has(MEASURE_URL(id)), id).toBe(true);
  });
});
