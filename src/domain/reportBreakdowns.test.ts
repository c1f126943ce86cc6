import { describe, expect, it } from "vitest";
import {
  buildBreakdowns,
  crossTrainingTable,
  educationShare,
  languageTable,
  NOT_RECORDED,
  settingTable,
} from "./reportBreakdowns";
import { buildReport, cellText, type SuppressedTable } from "./reports";
import { twoMonthReportInput } from "../../test/fixtures/report";

const shown = (t: SuppressedTable) => ({
  rows: t.rows.map((r) => [r.key, ...r.cells.map((c) => cellText(c, t.threshold))]),
  totals: t.totals.map((c) => cellText(c, t.threshold)),
});

const SETTINGS = ["in-person", "telephone", "school-based"];

describe("breakdown by visit setting", () => {
  it("adds a not-recorded row so the rows add up to the period's totals", () => {
    const t = settingTable(
      {
        education: { "in-person": 40, telephone: 20, "school-based": 15 },
        offered: { "in-person": 30, telephone: 12, "school-based": 11 },
      },
      SETTINGS,
      { education: 100, offered: 60 },
      11,
    );
    expect(shown(t)).toEqual({
      rows: [
        ["in-person", "40", "30"],
        ["telephone", "20", "12"],
        ["school-based", "15", "<11"],
        [NOT_RECORDED, "25", "<11"],
      ],
      totals: ["100", "60"],
    });
    // The one small cell (offered, not recorded: 7) would follow from 60 − 30 − 12 − 11:
    // complementary suppression hides one more cell of that column (the smallest, 11).
    const offered = t.rows.map((r) => r.cells[1]?.kind);
    expect(offered.filter((k) => k === "suppressed").length).toBeGreaterThanOrEqual(2);
  });

  it("a small setting and the rest are both hidden (complementary), the zero is shown", () => {
    const t = settingTable(
      { education: { "in-person": 50, telephone: 4, "school-based": 0 }, offered: {} },
      SETTINGS,
      { education: 70, offered: 0 },
      11,
    );
    const education = t.rows.map((r) => cellText(r.cells[0] ?? { kind: "suppressed" }, 11));
    expect(education).toEqual(["50", "<11", "0", "<11"]);
    expect(cellText(t.totals[0] ?? { kind: "suppressed" }, 11)).toBe("70");
  });

  it("never a negative not-recorded row when the server counted more than the total", () => {
    const t = settingTable(
      { education: { "in-person": 80, telephone: 30, "school-based": 0 }, offered: {} },
      SETTINGS,
      { education: 100, offered: 0 },
      11,
    );
    expect(t.rows[3]?.cells[0]).toEqual({ kind: "count", value: 0 });
    expect(t.totals[0]).toEqual({ kind: "count", value: 110 });
  });
});

describe("breakdown by card language", () => {
  it("counts education by language against the education total, suppressed", () => {
    const t = languageTable({ en: 60, es: 30, vi: 3 }, ["en", "es", "vi"], 100, 11);
    expect(shown(t)).toEqual({
      rows: [
        ["en", "60"],
        ["es", "30"],
        ["vi", "<11"],
        [NOT_RECORDED, "<11"],
      ],
      totals: ["100"],
    });
  });
});

describe("share of visits with universal education", () => {
  it("divides the shown education count by the visits, per month and in total", () => {
    const s = educationShare(
      {
        rows: [
          { key: "2026-10", cell: { kind: "count", value: 30 } },
          { key: "2026-11", cell: { kind: "suppressed" } },
        ],
        total: { kind: "count", value: 35 },
      },
      { "2026-10": 120, "2026-11": 80 },
      11,
    );
    expect(s.rows).toEqual([
      { key: "2026-10", visits: { kind: "count", value: 120 }, share: 25 },
      { key: "2026-11", visits: { kind: "count", value: 80 }, share: undefined },
    ]);
    expect(s.total).toEqual({ key: "total", visits: { kind: "count", value: 200 }, share: 17.5 });
  });

  it("a small visit count is suppressed and its share not shown", () => {
    const s = educationShare(
      {
        rows: [{ key: "2026-10", cell: { kind: "count", value: 0 } }],
        total: { kind: "count", value: 0 },
      },
      { "2026-10": 5 },
      11,
    );
    expect(s.rows[0]).toEqual({ key: "2026-10", visits: { kind: "suppressed" }, share: undefined });
  });
});

describe("cross-trainings", () => {
  const partners = [
    {
      reference: "Organization/a",
      crossTrainings: [
        { date: "2026-10-03", direction: "clinic-at-program" as const, topic: "x", attendees: 6 },
        { date: "2026-11-20", direction: "program-at-clinic" as const, topic: "y", attendees: 14 },
        { date: "2026-01-10", direction: "program-at-clinic" as const, topic: "old", attendees: 9 },
      ],
    },
    { reference: "Organization/b", crossTrainings: [] },
    {
      reference: "Organization/c",
      crossTrainings: [
        { date: "2026-12-31", direction: "clinic-at-program" as const, topic: "z", attendees: 2 },
      ],
    },
  ];

  it("counts the period's sessions per partner and direction, and attendees, exactly", () => {
    const t = crossTrainingTable(partners, { from: "2026-10", to: "2026-12" });
    expect(t.columns).toEqual(["clinic-at-program", "program-at-clinic", "attendees"]);
    expect(shown(t)).toEqual({
      rows: [
        ["Organization/a", "1", "1", "20"],
        ["Organization/c", "1", "0", "2"],
      ],
      totals: ["2", "1", "22"],
    });
  });

  it("a partner without a session in the period has no row", () => {
    const t = crossTrainingTable(partners, { from: "2025-01", to: "2025-12" });
    expect(t.rows).toEqual([]);
    expect(shown(t).totals).toEqual(["0", "0", "0"]);
  });
});

describe("buildBreakdowns", () => {
  const input = twoMonthReportInput();
  const report = buildReport(input);

  it("leaves out what the server cannot count, and uses the report's totals", () => {
    const b = buildBreakdowns(report, input, {
      support: { setting: true, language: false, visits: true },
      counts: {
        setting: { education: { "in-person": 70 }, offered: { "in-person": 45 } },
        visitsByMonth: { "2026-10": 100, "2026-11": 100 },
      },
      settings: ["in-person"],
      languages: ["en"],
      trainings: [],
    });
    expect(b.byLanguage).toBeUndefined();
    expect(b.bySetting && shown(b.bySetting).totals).toEqual(["70", "45"]);
    expect(b.share?.rows.map((r) => r.share)).toEqual([40, 30]);
    expect(b.share?.total.share).toBe(35);
  });
});
