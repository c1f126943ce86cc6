// De-identified partnership reports: the measures' arithmetic, pure (docs/reports.md). The
// report never sees a patient: its inputs are server-side counts (`_summary=count`) and Tasks
// trimmed to status, business status, dates, owner and priority (`ReportTask`). Everything
// that is shown or exported goes through `suppressTable` first (invariant 11).

import type { CrossTraining } from "./partnership";
import { TERMINAL_STATUSES, type TaskStatus } from "./taskLifecycle";

/** The measures, in the order the report shows them. Each has a FHIR Measure (fhir-profiles/). */
export const MEASURE_IDS = [
  "education-offered",
  "referrals-offered",
  "referrals-sent",
  "referrals-accepted",
  "referrals-connected",
  "referrals-declined",
  "referrals-could-not-reach",
  "referrals-withdrawn",
  "connection-rate",
  "days-to-first-contact",
  "days-to-connection",
  "referrals-by-urgency",
  "overdue-open",
  "incoming-received",
  "incoming-accepted",
  "incoming-booked",
  "incoming-completed",
  "education-share",
  "cross-trainings",
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** The outgoing-referral counts derived from Tasks (one column each in the tables). */
export const TASK_COUNT_MEASURES = [
  "referrals-sent",
  "referrals-accepted",
  "referrals-connected",
  "referrals-declined",
  "referrals-could-not-reach",
  "referrals-withdrawn",
] as const satisfies readonly MeasureId[];
export type TaskCountMeasure = (typeof TASK_COUNT_MEASURES)[number];

export const PRIORITIES = ["routine", "urgent", "asap", "stat"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A referral Task as the report reads it: no patient, no focus, no free text. */
export interface ReportTask {
  status: TaskStatus | string;
  businessStatus: string | undefined;
  /** ISO date-time the referral was sent. */
  authoredOn: string | undefined;
  /** "Organization/<id>": the partner program. */
  owner: string | undefined;
  priority: string | undefined;
  /** Task.executionPeriod.start: first contact. */
  startedAt: string | undefined;
  /** Task.executionPeriod.end: when the Task ended (completed, failed, …). */
  endedAt: string | undefined;
}

/** Statuses a Task has only after the partner accepted it. */
const AFTER_ACCEPT: readonly string[] = [
  "accepted",
  "in-progress",
  "on-hold",
  "completed",
  "failed",
];

/** Does the Task count toward this measure? (numerator rules, docs/reports.md) */
export function taskCounts(task: ReportTask, measure: TaskCountMeasure): boolean {
  switch (measure) {
    case "referrals-sent":
      return task.status !== "draft";
    case "referrals-accepted":
      return AFTER_ACCEPT.includes(task.status);
    case "referrals-connected":
      return task.status === "completed" && task.businessStatus === "fulfillment-completed";
    case "referrals-declined":
      return task.status === "rejected";
    case "referrals-could-not-reach":
      return task.status === "failed" && task.businessStatus === "could-not-reach";
    case "referrals-withdrawn":
      return task.status === "cancelled";
  }
}

/** The server-side search parameters that select the same Tasks as `taskCounts` (for `_summary=count`). */
export const TASK_COUNT_QUERY: Record<TaskCountMeasure, Record<string, string>> = {
  "referrals-sent": {
    status: "requested,accepted,rejected,cancelled,in-progress,on-hold,failed,completed",
  },
  "referrals-accepted": { status: AFTER_ACCEPT.join(",") },
  "referrals-connected": { status: "completed", "business-status": "fulfillment-completed" },
  "referrals-declined": { status: "rejected" },
  "referrals-could-not-reach": { status: "failed", "business-status": "could-not-reach" },
  "referrals-withdrawn": { status: "cancelled" },
};

/** Open statuses (for "overdue open now"). */
export const OPEN_STATUSES: readonly string[] = ["requested", "accepted", "in-progress", "on-hold"];

export function isOpen(status: string): boolean {
  return !TERMINAL_STATUSES.includes(status as TaskStatus) && status !== "draft";
}

// ---- periods and months ---------------------------------------------------------------

export interface Period {
  /** First month, "YYYY-MM" (UTC). */
  from: string;
  /** Last month, inclusive. */
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** "YYYY-MM" of an ISO date-time, in UTC; undefined when unreadable. */
export function monthOf(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The months of a period, in order. Throws when `to` is before `from`. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let m = period.from; m <= period.to; m = addMonths(m, 1)) months.push(m);
  if (months.length === 0) throw new Error("the period ends before it starts");
  return months;
}

/** The last `n` months up to and including the month of `now`. */
export function lastMonths(now: Date, n: number): Period {
  const to = now.toISOString().slice(0, 7);
  return { from: addMonths(to, -(n - 1)), to };
}

/** The period as half-open instants [start, end) for date searches. */
export function periodBounds(period: Period): { start: string; end: string } {
  return { start: `${period.from}-01`, end: `${addMonths(period.to, 1)}-01` };
}

export type PeriodProblem = "bad-month" | "ends-before-start" | "too-long";
export const MAX_PERIOD_MONTHS = 24;

export function checkPeriod(period: Period): PeriodProblem | null {
  if (!isMonth(period.from) || !isMonth(period.to)) return "bad-month";
  if (period.to < period.from) return "ends-before-start";
  if (monthsOf(period).length > MAX_PERIOD_MONTHS) return "too-long";
  return null;
}

// ---- timings -------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** Days between two ISO instants, or undefined when either is missing or the order is wrong. */
export function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return undefined;
  return (b - a) / DAY_MS;
}

/** The q-quantile (0 < q ≤ 1) by the nearest-rank method; undefined for no values. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Timing {
  /** How many referrals the timing is over. */
  n: number;
  median: number | undefined;
  p90: number | undefined;
}

function timing(days: number[]): Timing {
  return { n: days.length, median: round1(median(days)), p90: round1(quantile(days, 0.9)) };
}

function round1(x: number | undefined): number | undefined {
  return x === undefined ? undefined : Math.round(x * 10) / 10;
}

/** Days from sending to first contact, over the Tasks that had one (executionPeriod.start). */
export function daysToFirstContact(tasks: readonly ReportTask[]): Timing {
  const days: number[] = [];
  for (const t of tasks) {
    const d = daysBetween(t.authoredOn, t.startedAt);
    if (d !== undefined) days.push(d);
  }
  return timing(days);
}

/** Days from sending to connection, over the connected Tasks (executionPeriod.end). */
export function daysToConnection(tasks: readonly ReportTask[]): Timing {
  const days: number[] = [];
  for (const t of tasks) {
    if (!taskCounts(t, "referrals-connected")) continue;
    const d = daysBetween(t.authoredOn, t.endedAt);
    if (d !== undefined) days.push(d);
  }
  return timing(days);
}

// ---- tables and small-cell suppression ----------------------------------------------------

/** A count as shown: the number, or suppressed (shown as "<threshold"). */
export type Cell = { kind: "count"; value: number } | { kind: "suppressed" };

/**
 * Which cells to suppress. Primary: every count from 1 to threshold − 1. Complementary: for
 * every additive group (its members sum to its total), a group with exactly one suppressed
 * cell among members and total would give that cell away by subtraction, so one more is
 * suppressed — the smallest other member (a non-zero one first), else the total — until no
 * group has exactly one. Zero is shown: it says nothing about a person.
 */
export function suppressCells(
  values: readonly number[],
  groups: readonly { members: readonly number[]; total: number }[],
  threshold: number,
): boolean[] {
  const hidden = values.map((v) => v > 0 && v < threshold);
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      const cells = [...g.members, g.total];
      if (cells.filter((i) => hidden[i]).length !== 1) continue;
      const candidates = g.members
        .filter((i) => !hidden[i])
        .sort(
          (a, b) =>
            Number((values[a] ?? 0) === 0) - Number((values[b] ?? 0) === 0) ||
            (values[a] ?? 0) - (values[b] ?? 0),
        );
      const pick = candidates[0] ?? g.total;
      if (!hidden[pick]) {
        hidden[pick] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** A table of counts: rows (months, partners, urgencies), measure columns and a total row. */
export interface CountTable {
  rows: { key: string; counts: number[] }[];
  columns: readonly string[];
  /** Column totals (the sum of the rows). */
  totals: number[];
}

export interface SuppressedTable {
  rows: { key: string; cells: Cell[] }[];
  columns: readonly string[];
  totals: Cell[];
  threshold: number;
}

/** Sums the rows into the total row. */
export function tableOf(rows: CountTable["rows"], columns: readonly string[]): CountTable {
  const totals = columns.map((_, c) => rows.reduce((sum, r) => sum + (r.counts[c] ?? 0), 0));
  return { rows, columns, totals };
}

/**
 * Applies primary and complementary suppression to a table whose rows add up to its totals,
 * per column (each column is one additive group: its rows and its total).
 */
export function suppressTable(table: CountTable, threshold: number): SuppressedTable {
  const width = table.columns.length;
  const values: number[] = [];
  for (const row of table.rows) for (let c = 0; c < width; c++) values.push(row.counts[c] ?? 0);
  const totalBase = values.length;
  values.push(...table.totals);
  const groups = table.columns.map((_, c) => ({
    members: table.rows.map((_, r) => r * width + c),
    total: totalBase + c,
  }));
  const hidden = suppressCells(values, groups, threshold);
  const cell = (i: number): Cell =>
    hidden[i] ? { kind: "suppressed" } : { kind: "count", value: values[i] ?? 0 };
  return {
    rows: table.rows.map((row, r) => ({
      key: row.key,
      cells: table.columns.map((_, c) => cell(r * width + c)),
    })),
    columns: table.columns,
    totals: table.columns.map((_, c) => cell(totalBase + c)),
    threshold,
  };
}

/** One count on its own (no breakdown): suppressed when small. */
export function suppressOne(value: number, threshold: number): Cell {
  return value > 0 && value < threshold ? { kind: "suppressed" } : { kind: "count", value };
}

/** A rate whose numerator or denominator is suppressed (or zero denominator) is not shown. */
export function rateOf(numerator: Cell, denominator: Cell): number | undefined {
  if (numerator.kind !== "count" || denominator.kind !== "count" || denominator.value === 0)
    return undefined;
  return Math.round((numerator.value / denominator.value) * 1000) / 10;
}

/** A timing over fewer referrals than the threshold is not shown. */
export function shownTiming(t: Timing, threshold: number): Timing | undefined {
  return t.n >= threshold ? t : undefined;
}

/** How a cell is written on screen and in every export. */
export function cellText(cell: Cell, threshold: number): string {
  return cell.kind === "suppressed" ? `<${threshold}` : String(cell.value);
}

// ---- the report's read model ---------------------------------------------------------------

/** What the server counted for the period (each `_summary=count`). */
export interface ServerCounts {
  educationByMonth: Record<string, number>;
  offeredByMonth: Record<string, number>;
  tasks: Record<TaskCountMeasure, number>;
  overdueOpen: number;
  incoming: { received: number; accepted: number; booked: number; completed: number };
}

export interface PartnerInfo {
  /** "Organization/<id>" */
  reference: string;
  name: string;
  /** Participation tier "1"…"4" when known. */
  tier: string | undefined;
  /** Cross-trainings held with the program (its partnership record), for the report. */
  crossTrainings?: readonly CrossTraining[];
}

export interface ReportInput {
  period: Period;
  threshold: number;
  counts: ServerCounts;
  /** The Tasks sent in the period, trimmed. */
  tasks: readonly ReportTask[];
  partners: readonly PartnerInfo[];
}

export const MONTHLY_COLUMNS = [
  "education-offered",
  "referrals-offered",
  ...TASK_COUNT_MEASURES,
] as const;

export interface PartnerRow {
  partner: PartnerInfo;
  cells: Cell[];
  connectionRate: number | undefined;
  firstContact: Timing | undefined;
  connection: Timing | undefined;
}

export interface Report {
  period: Period;
  threshold: number;
  monthly: SuppressedTable;
  byPartner: SuppressedTable;
  byUrgency: SuppressedTable;
  partnerTimings: Record<string, { firstContact?: Timing; connection?: Timing }>;
  connectionRate: number | undefined;
  firstContact: Timing | undefined;
  connection: Timing | undefined;
  overdueOpen: Cell;
  incoming: { received: Cell; accepted: Cell; booked: Cell; completed: Cell };
  /**
   * Measures whose server count and the Tasks read disagree (records changed while the report
   * was read): the report says so and offers to read it again.
   */
  mismatches: TaskCountMeasure[];
}

function countTasks(tasks: readonly ReportTask[]): number[] {
  return TASK_COUNT_MEASURES.map((m) => tasks.filter((t) => taskCounts(t, m)).length);
}

/** Builds the whole report, every table suppressed. */
export function buildReport(input: ReportInput): Report {
  const { threshold, counts } = input;
  const months = monthsOf(input.period);
  const byMonth = new Map<string, ReportTask[]>(months.map((m) => [m, []]));
  for (const t of input.tasks) byMonth.get(monthOf(t.authoredOn) ?? "")?.push(t);

  const monthly = suppressTable(
    tableOf(
      months.map((m) => ({
        key: m,
        counts: [
          counts.educationByMonth[m] ?? 0,
          counts.offeredByMonth[m] ?? 0,
          ...countTasks(byMonth.get(m) ?? []),
        ],
      })),
      MONTHLY_COLUMNS,
    ),
    threshold,
  );

  // Partners: the directory's, then any other owner met in the Tasks (an unknown program).
  const partnerRefs = new Map(input.partners.map((p) => [p.reference, p]));
  const byOwner = new Map<string, ReportTask[]>();
  for (const t of input.tasks) {
    if (!t.owner) continue;
    const list = byOwner.get(t.owner) ?? [];
    list.push(t);
    byOwner.set(t.owner, list);
  }
  const owners = [...byOwner.keys()].sort((a, b) =>
    (partnerRefs.get(a)?.name ?? a).localeCompare(partnerRefs.get(b)?.name ?? b),
  );
  const byPartner = suppressTable(
    tableOf(
      owners.map((o) => ({ key: o, counts: countTasks(byOwner.get(o) ?? []) })),
      TASK_COUNT_MEASURES,
    ),
    threshold,
  );
  const partnerTimings: Report["partnerTimings"] = {};
  for (const o of owners) {
    const list = byOwner.get(o) ?? [];
    const fc = shownTiming(daysToFirstContact(list), threshold);
    const cn = shownTiming(daysToConnection(list), threshold);
    partnerTimings[o] = { ...(fc ? { firstContact: fc } : {}), ...(cn ? { connection: cn } : {}) };
  }

  const urgencyColumns = ["referrals-sent", "referrals-connected"] as const;
  const byUrgency = suppressTable(
    tableOf(
      PRIORITIES.map((p) => {
        const list = input.tasks.filter((t) => (t.priority ?? "routine") === p);
        return {
          key: p,
          counts: urgencyColumns.map((m) => list.filter((t) => taskCounts(t, m)).length),
        };
      }),
      urgencyColumns,
    ),
    threshold,
  );

  const sentIndex = TASK_COUNT_MEASURES.indexOf("referrals-sent");
  const connectedIndex = TASK_COUNT_MEASURES.indexOf("referrals-connected");
  const totalsFromTasks = countTasks(input.tasks);
  const mismatches = TASK_COUNT_MEASURES.filter((m, i) => counts.tasks[m] !== totalsFromTasks[i]);
  const monthlySent = monthly.totals[2 + sentIndex] as Cell;
  const monthlyConnected = monthly.totals[2 + connectedIndex] as Cell;

  return {
    period: input.period,
    threshold,
    monthly,
    byPartner,
    byUrgency,
    partnerTimings,
    connectionRate: rateOf(monthlyConnected, monthlySent),
    firstContact: shownTiming(daysToFirstContact(input.tasks), threshold),
    connection: shownTiming(daysToConnection(input.tasks), threshold),
    overdueOpen: suppressOne(counts.overdueOpen, threshold),
    incoming: {
      received: suppressOne(counts.incoming.received, threshold),
      accepted: suppressOne(counts.incoming.accepted, threshold),
      booked: suppressOne(counts.incoming.booked, threshold),
      completed: suppressOne(counts.incoming.completed, threshold),
    },
    mismatches,
  };
}

/**
 * The report a tier-3 partner may receive: only that partner's referrals, by month, suppressed
 * on their own (a partner never sees another program's rows or the clinic's totals).
 */
export function buildPartnerReport(
  input: ReportInput,
  partner: string,
): { monthly: SuppressedTable; firstContact?: Timing; connection?: Timing } {
  const tasks = input.tasks.filter((t) => t.owner === partner);
  const months = monthsOf(input.period);
  const monthly = suppressTable(
    tableOf(
      months.map((m) => ({
        key: m,
        counts: countTasks(tasks.filter((t) => monthOf(t.authoredOn) === m)),
      })),
      TASK_COUNT_MEASURES,
    ),
    input.threshold,
  );
  const fc = shownTiming(daysToFirstContact(tasks), input.threshold);
  const cn = shownTiming(daysToConnection(tasks), input.threshold);
  return { monthly, ...(fc ? { firstContact: fc } : {}), ...(cn ? { connection: cn } : {}) };
}

/** Partners that may receive their own report: participation tier 3 or 4. */
export function mayReceiveReport(partner: PartnerInfo): boolean {
  return partner.tier === "3" || partner.tier === "4";
}

// ---- CSV ---------------------------------------------------------------------------------

/** One CSV field, quoted when needed (RFC 4180); formula-leading characters are neutralised. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A suppressed table as CSV (CRLF lines), with the same cell text as the screen. */
export function tableCsv(
  table: SuppressedTable,
  header: { rowLabel: string; columnLabel: (column: string) => string; totalLabel: string },
  rowLabel: (key: string) => string = (k) => k,
): string {
  const lines = [
    [header.rowLabel, ...table.columns.map(header.columnLabel)],
    ...table.rows.map((r) => [
      rowLabel(r.key),
      ...r.cells.map((c) => cellText(c, table.threshold)),
    ]),
    [header.totalLabel, ...table.totals.map((c) => cellText(c, table.threshold))],
  ];
  return lines.map((l) => l.map(csvField).join(",")).join("\r\n") + "\r\n";
}
