import { describe, expect, it } from "vitest";
import {
  buildPartnerReport,
  buildReport,
  cellText,
  checkPeriod,
  csvField,
  daysToConnection,
  daysToFirstContact,
  lastMonths,
  median,
  monthsOf,
  quantile,
  rateOf,
  suppressCells,
  suppressTable,
  tableCsv,
  tableOf,
  taskCounts,
  TASK_COUNT_MEASURES,
  type ReportInput,
  type ReportTask,
  type SuppressedTable,
} from "./reports";

const task = (over: Partial<ReportTask>): ReportTask => ({
  status: "requested",
  businessStatus: "created",
  authoredOn: "2026-10-05T10:00:00Z",
  owner: "Organization/a",
  priority: "routine",
  startedAt: undefined,
  endedAt: undefined,
  ...over,
});

const shown = (t: SuppressedTable) => ({
  rows: t.rows.map((r) => r.cells.map((c) => cellText(c, t.threshold))),
  totals: t.totals.map((c) => cellText(c, t.threshold)),
});

describe("what each Task counts toward", () => {
  const cases: [Partial<ReportTask>, string[]][] = [
    [{ status: "requested" }, ["referrals-sent"]],
    [{ status: "accepted", businessStatus: "accepted" }, ["referrals-sent", "referrals-accepted"]],
    [{ status: "in-progress" }, ["referrals-sent", "referrals-accepted"]],
    [
      { status: "completed", businessStatus: "fulfillment-completed" },
      ["referrals-sent", "referrals-accepted", "referrals-connected"],
    ],
    [
      { status: "completed", businessStatus: "declined-services" },
      ["referrals-sent", "referrals-accepted"],
    ],
    [{ status: "rejected" }, ["referrals-sent", "referrals-declined"]],
    [
      { status: "failed", businessStatus: "could-not-reach" },
      ["referrals-sent", "referrals-accepted", "referrals-could-not-reach"],
    ],
    [{ status: "cancelled" }, ["referrals-sent", "referrals-withdrawn"]],
    [{ status: "draft" }, []],
  ];
  it.each(cases)("%o", (over, expected) => {
    expect(TASK_COUNT_MEASURES.filter((m) => taskCounts(task(over), m))).toEqual(expected);
  });
});

describe("periods", () => {
  it("lists the months of a period across a year end", () => {
    expect(monthsOf({ from: "2025-11", to: "2026-02" })).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    expect(lastMonths(new Date("2026-03-15T00:00:00Z"), 3)).toEqual({
      from: "2026-01",
      to: "2026-03",
    });
  });
  it("refuses a bad period with a reason", () => {
    expect(checkPeriod({ from: "2026-13", to: "2026-12" })).toBe("bad-month");
    expect(checkPeriod({ from: "2026-05", to: "2026-04" })).toBe("ends-before-start");
    expect(checkPeriod({ from: "2020-01", to: "2026-04" })).toBe("too-long");
    expect(checkPeriod({ from: "2026-01", to: "2026-01" })).toBeNull();
  });
});

describe("timings", () => {
  it("median and 90th percentile (nearest rank)", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([5], 0.9)).toBe(5);
    expect(median([])).toBeUndefined();
  });
  it("days to first contact and to connection, in days from sending", () => {
    const tasks = [
      task({ startedAt: "2026-10-06T10:00:00Z" }), // 1 day
      task({
        status: "completed",
        businessStatus: "fulfillment-completed",
        startedAt: "2026-10-08T10:00:00Z", // 3 days
        endedAt: "2026-10-15T10:00:00Z", // 10 days
      }),
      task({
        status: "completed",
        businessStatus: "declined-services",
        endedAt: "2026-10-06T10:00:00Z",
      }),
      task({ startedAt: "2026-10-01T10:00:00Z" }), // before sending: not counted
    ];
    expect(daysToFirstContact(tasks)).toEqual({ n: 2, median: 2, p90: 3 });
    expect(daysToConnection(tasks)).toEqual({ n: 1, median: 10, p90: 10 });
  });
});

describe("small-cell suppression", () => {
  it("suppresses 1 to threshold-1, shows 0 and the threshold itself", () => {
    expect(suppressCells([0, 1, 10, 11], [], 11)).toEqual([false, true, true, false]);
  });

  it("a lone suppressed cell in a column gets a complement, so it cannot be subtracted out", () => {
    // months 3, 20, 30 → total 53: 3 alone would be 53 − 20 − 30.
    const t = suppressTable(
      tableOf(
        [
          { key: "a", counts: [3] },
          { key: "b", counts: [20] },
          { key: "c", counts: [30] },
        ],
        ["x"],
      ),
      11,
    );
    expect(shown(t)).toEqual({ rows: [["<11"], ["<11"], ["30"]], totals: ["53"] });
  });

  it("the complement is a non-zero cell when there is one; else the total", () => {
    const withZero = suppressTable(
      tableOf(
        [
          { key: "a", counts: [3] },
          { key: "b", counts: [0] },
          { key: "c", counts: [40] },
        ],
        ["x"],
      ),
      11,
    );
    expect(shown(withZero).rows).toEqual([["<11"], ["0"], ["<11"]]);
    const onlyZeros = suppressTable(
      tableOf(
        [
          { key: "a", counts: [3] },
          { key: "b", counts: [0] },
        ],
        ["x"],
      ),
      11,
    );
    expect(shown(onlyZeros)).toEqual({ rows: [["<11"], ["0"]], totals: ["<11"] });
  });

  it("a small total with one small member: both already hidden, nothing more", () => {
    const t = suppressTable(
      tableOf(
        [
          { key: "a", counts: [5] },
          { key: "b", counts: [0] },
        ],
        ["x"],
      ),
      11,
    );
    expect(shown(t)).toEqual({ rows: [["<11"], ["0"]], totals: ["<11"] });
  });

  it("no column of any table has exactly one hidden cell (fuzzed)", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const rows = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, i) => ({
        key: String(i),
        counts: Array.from({ length: 3 }, () => Math.floor(rand() * 30)),
      }));
      const t = suppressTable(tableOf(rows, ["x", "y", "z"]), 11);
      for (let c = 0; c < 3; c++) {
        const hidden = [...t.rows.map((r) => r.cells[c]), t.totals[c]].filter(
          (x) => x?.kind === "suppressed",
        ).length;
        expect(hidden).not.toBe(1);
      }
    }
  });

  it("uses the clinic's threshold", () => {
    const t = suppressTable(
      tableOf(
        [
          { key: "a", counts: [4] },
          { key: "b", counts: [6] },
        ],
        ["x"],
      ),
      5,
    );
    expect(shown(t)).toEqual({ rows: [["<5"], ["<5"]], totals: ["10"] });
  });

  it("a rate over a hidden count is not shown", () => {
    expect(rateOf({ kind: "count", value: 12 }, { kind: "count", value: 48 })).toBe(25);
    expect(rateOf({ kind: "suppressed" }, { kind: "count", value: 48 })).toBeUndefined();
    expect(rateOf({ kind: "count", value: 0 }, { kind: "count", value: 0 })).toBeUndefined();
  });
});

function input(tasks: ReportTask[]): ReportInput {
  return {
    period: { from: "2026-09", to: "2026-10" },
    threshold: 11,
    counts: {
      educationByMonth: { "2026-09": 40, "2026-10": 5 },
      offeredByMonth: { "2026-09": 20, "2026-10": 14 },
      tasks: {
        "referrals-sent": tasks.length,
        "referrals-accepted": tasks.filter((t) => taskCounts(t, "referrals-accepted")).length,
        "referrals-connected": tasks.filter((t) => taskCounts(t, "referrals-connected")).length,
        "referrals-declined": tasks.filter((t) => taskCounts(t, "referrals-declined")).length,
        "referrals-could-not-reach": 0,
        "referrals-withdrawn": 0,
      },
      overdueOpen: 3,
      incoming: { received: 12, accepted: 11, booked: 2, completed: 0 },
    },
    tasks,
    partners: [
      { reference: "Organization/a", name: "Alpha", tier: "3" },
      { reference: "Organization/b", name: "Beta", tier: "2" },
    ],
  };
}

describe("the report", () => {
  const tasks = [
    ...Array.from({ length: 15 }, (_, i) =>
      task({
        authoredOn: "2026-09-10T10:00:00Z",
        status: "completed",
        businessStatus: "fulfillment-completed",
        startedAt: "2026-09-11T10:00:00Z",
        endedAt: `2026-09-${String(12 + (i % 5)).padStart(2, "0")}T10:00:00Z`,
      }),
    ),
    ...Array.from({ length: 4 }, () =>
      task({ authoredOn: "2026-10-03T10:00:00Z", owner: "Organization/b", status: "rejected" }),
    ),
  ];

  it("counts by month with suppression, rate and timings", () => {
    const r = buildReport(input(tasks));
    expect(shown(r.monthly).rows).toEqual([
      ["<11", "20", "<11", "15", "15", "0", "0", "0"],
      ["<11", "14", "<11", "0", "0", "<11", "0", "0"],
    ]);
    // education: 5 is alone in its column with a shown total (45) → its complement, 40, is hidden.
    expect(shown(r.monthly).totals).toEqual(["45", "34", "19", "15", "15", "<11", "0", "0"]);
    expect(r.connectionRate).toBeCloseTo(78.9);
    expect(r.firstContact).toEqual({ n: 15, median: 1, p90: 1 });
    expect(r.connection?.n).toBe(15);
    expect(cellText(r.overdueOpen, 11)).toBe("<11");
    expect(cellText(r.incoming.received, 11)).toBe("12");
    expect(r.mismatches).toEqual([]);
  });

  it("says which counts changed while it was read", () => {
    const i = input(tasks);
    i.counts.tasks["referrals-sent"] = 20;
    expect(buildReport(i).mismatches).toEqual(["referrals-sent"]);
  });

  it("by partner, named from the directory", () => {
    const r = buildReport(input(tasks));
    expect(r.byPartner.rows.map((x) => x.key)).toEqual(["Organization/a", "Organization/b"]);
    expect(r.partnerTimings["Organization/a"]?.connection?.n).toBe(15);
    expect(r.partnerTimings["Organization/b"]).toEqual({});
  });

  it("a partner's own report holds only its referrals", () => {
    const p = buildPartnerReport(input(tasks), "Organization/b");
    expect(shown(p.monthly).totals[0]).toBe("<11");
    expect(
      p.monthly.rows.flatMap((r) => r.cells).some((c) => c.kind === "count" && c.value === 15),
    ).toBe(false);
  });
});

describe("CSV", () => {
  it("writes the screen's cells, quoted and formula-safe", () => {
    const t = suppressTable(
      tableOf(
        [
          { key: "a", counts: [3] },
          { key: "b", counts: [20] },
        ],
        ["x"],
      ),
      11,
    );
    const csv = tableCsv(t, {
      rowLabel: "Month",
      columnLabel: (c) => `Col ${c}, n`,
      totalLabel: "Total",
    });
    expect(csv).toBe('Month,"Col x, n"\r\na,<11\r\nb,<11\r\nTotal,23\r\n');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-3")).toBe("-3");
  });
});
