import * as z from "zod/mini";
import {
  monthsOf,
  addMonths,
  OPEN_STATUSES,
  periodBounds,
  TASK_COUNT_MEASURES,
  TASK_COUNT_QUERY,
  type Period,
  type ReportTask,
  type ServerCounts,
  type TaskCountMeasure,
} from "../domain/reports";
import { CODE_SYSTEM, LEGACY_REFERRAL_CODE, REFERRAL_CODE, TASK_CODE_SYSTEM } from "./canonical";
import {
  businessStatusTokens,
  NOT_CONNECTED_REFINEMENTS,
  readBusinessStatus,
} from "./businessStatus";
import { FailureError } from "./failures";
import type { FhirHttp } from "./http";
import { countBundleSchema } from "./schemas";
import { relativeToServer } from "./partners";

// The report's reads (docs/reports.md, "How the report reads"): counts with `_summary=count`,
// and the period's referral Tasks with `_elements` that leave out every patient reference
// (no `for`, `focus`, `input`, extensions or notes), 1,000 a page. No Patient, ServiceRequest
// or Procedure is ever downloaded. Each path is built here, so the bench and the tests make the
// same requests as the app.

/** The elements of a Task the report reads: nothing that points at a patient. */
export const REPORT_TASK_ELEMENTS = [
  "status",
  "businessStatus",
  "authoredOn",
  "owner",
  "priority",
  "executionPeriod",
] as const;

const trimmedTask = z.looseObject({
  resourceType: z.literal("Task"),
  status: z.string(),
  businessStatus: z.optional(
    z.looseObject({ coding: z.optional(z.array(z.looseObject({ code: z.optional(z.string()) }))) }),
  ),
  authoredOn: z.optional(z.string()),
  owner: z.optional(z.looseObject({ reference: z.optional(z.string()) })),
  priority: z.optional(z.string()),
  executionPeriod: z.optional(
    z.looseObject({ start: z.optional(z.string()), end: z.optional(z.string()) }),
  ),
});

const taskPage = z.looseObject({
  resourceType: z.literal("Bundle"),
  total: z.optional(z.number()),
  link: z.optional(z.array(z.looseObject({ relation: z.string(), url: z.string() }))),
  entry: z.optional(z.array(z.looseObject({ resource: z.optional(z.unknown()) }))),
});

/** Elements a trimmed Task must not carry: a server that ignores `_elements` is refused. */
const PATIENT_ELEMENTS = ["for", "focus", "input", "output", "extension", "note", "encounter"];

export interface ReportQuery {
  period: Period;
  /** The partner programs' Organizations ("Organization/…"): the owners of outgoing Tasks. */
  partners: readonly string[];
  clinicOrganization: string;
  /** Open Tasks sent longer ago than this are overdue (clinic-config followUp.intervalDays). */
  followUpDays: number;
  now: Date;
}

const ACTIVITY = CODE_SYSTEM.activity;
/** The warm-referral ServiceRequest codes as one search token (current and legacy code). */
export const REFERRAL_CODES = [REFERRAL_CODE, LEGACY_REFERRAL_CODE]
  .map((c) => `${ACTIVITY}|${c}`)
  .join(",");

function path(type: string, params: [string, string][]): string {
  return `${type}?${new URLSearchParams(params).toString()}`;
}

function between(name: string, start: string, end: string): [string, string][] {
  return [
    [name, `ge${start}`],
    [name, `lt${end}`],
  ];
}

/** Every count the report asks the server for, by key. */
export function countPaths(q: ReportQuery): Record<string, string> {
  const { start, end } = periodBounds(q.period);
  const fulfil: [string, string] = ["code", `${TASK_CODE_SYSTEM}|fulfill`];
  const owners: [string, string] = ["owner", q.partners.join(",")];
  const count: [string, string] = ["_summary", "count"];
  const paths: Record<string, string> = {};
  for (const m of monthsOf(q.period)) {
    const next = addMonths(m, 1);
    paths[`education:${m}`] = path("Procedure", [
      ["code", `${ACTIVITY}|universal-education`],
      ...between("date", `${m}-01`, `${next}-01`),
      count,
    ]);
    paths[`offered:${m}`] = path("ServiceRequest", [
      ["code", REFERRAL_CODES],
      ...between("authored", `${m}-01`, `${next}-01`),
      count,
    ]);
  }
  if (q.partners.length) {
    for (const measure of TASK_COUNT_MEASURES) {
      paths[`tasks:${measure}`] = path("Task", [
        fulfil,
        owners,
        ...between("authored-on", start, end),
        ...Object.entries(TASK_COUNT_QUERY[measure]).map(([name, value]): [string, string] =>
          name === "business-status"
            ? [name, businessStatusTokens(value.split(","))]
            : [name, value],
        ),
        ...(measure === "referrals-connected"
          ? NOT_CONNECTED_REFINEMENTS.map((r): [string, string] => [
              "business-status:not",
              businessStatusTokens([r]),
            ])
          : []),
        count,
      ]);
    }
    const overdueBefore = new Date(q.now.getTime() - q.followUpDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    paths.overdue = path("Task", [
      fulfil,
      owners,
      ["status", OPEN_STATUSES.join(",")],
      ["authored-on", `lt${overdueBefore}`],
      count,
    ]);
    // Incoming referrals: requested by a partner program, owned by the clinic.
    const incoming: [string, string][] = [
      fulfil,
      ["owner", q.clinicOrganization],
      ["requester", q.partners.join(",")],
      ...between("authored-on", start, end),
    ];
    paths["incoming:received"] = path("Task", [...incoming, count]);
    paths["incoming:accepted"] = path("Task", [
      ...incoming,
      ["status", "accepted,in-progress,on-hold,completed,failed"],
      count,
    ]);
    paths["incoming:booked"] = path("Task", [
      ...incoming,
      [
        "business-status",
        businessStatusTokens(["scheduled", "unattended", "event-completed", "event-cancelled"]),
      ],
      count,
    ]);
    paths["incoming:completed"] = path("Task", [...incoming, ["status", "completed"], count]);
  }
  return paths;
}

/** The first page of the period's outgoing referral Tasks, trimmed. */
export function tasksPath(q: ReportQuery): string {
  const { start, end } = periodBounds(q.period);
  return path("Task", [
    ["code", `${TASK_CODE_SYSTEM}|fulfill`],
    ["owner", q.partners.join(",")],
    ...between("authored-on", start, end),
    ["_elements", REPORT_TASK_ELEMENTS.join(",")],
    ["_count", "1000"],
  ]);
}

/** Runs the count searches, a few at a time. */
export async function fetchCounts(http: FhirHttp, q: ReportQuery): Promise<ServerCounts> {
  const paths = Object.entries(countPaths(q));
  const totals = new Map<string, number>();
  const PARALLEL = 6;
  for (let i = 0; i < paths.length; i += PARALLEL) {
    await Promise.all(
      paths.slice(i, i + PARALLEL).map(async ([key, p]) => {
        const response = await http.request(countBundleSchema, p);
        totals.set(key, response.body.total);
      }),
    );
  }
  const byMonth = (prefix: string) =>
    Object.fromEntries(monthsOf(q.period).map((m) => [m, totals.get(`${prefix}:${m}`) ?? 0]));
  return {
    educationByMonth: byMonth("education"),
    offeredByMonth: byMonth("offered"),
    tasks: Object.fromEntries(
      TASK_COUNT_MEASURES.map((m) => [m, totals.get(`tasks:${m}`) ?? 0]),
    ) as Record<TaskCountMeasure, number>,
    overdueOpen: totals.get("overdue") ?? 0,
    incoming: {
      received: totals.get("incoming:received") ?? 0,
      accepted: totals.get("incoming:accepted") ?? 0,
      booked: totals.get("incoming:booked") ?? 0,
      completed: totals.get("incoming:completed") ?? 0,
    },
  };
}

const MAX_TASK_PAGES = 500;

/**
 * The period's Tasks, trimmed, following `next` links. A Task that still carries a patient
 * reference (the server ignored `_elements`) stops the report with a specific failure: it is
 * dropped at once, never kept, and no further page is asked for.
 */
export async function fetchReportTasks(http: FhirHttp, q: ReportQuery): Promise<ReportTask[]> {
  if (!q.partners.length) return [];
  const tasks: ReportTask[] = [];
  let next: string | undefined = tasksPath(q);
  for (let page = 0; next && page < MAX_TASK_PAGES; page++) {
    const response: { body: z.infer<typeof taskPage> } = await http.request(taskPage, next);
    for (const entry of response.body.entry ?? []) {
      const raw = entry.resource as Record<string, unknown> | undefined;
      if (!raw || raw.resourceType !== "Task") continue;
      if (PATIENT_ELEMENTS.some((k) => k in raw))
        throw new FailureError({ kind: "bad-response", what: "Task (_elements not applied)" });
      const parsed = trimmedTask.safeParse(raw);
      if (!parsed.success) throw new FailureError({ kind: "bad-response", what: "Task" });
      const t = parsed.data;
      tasks.push({
        status: t.status,
        businessStatus: readBusinessStatus(t.businessStatus),
        authoredOn: t.authoredOn,
        owner: t.owner?.reference,
        priority: t.priority,
        startedAt: t.executionPeriod?.start,
        endedAt: t.executionPeriod?.end,
      });
    }
    const link = response.body.link?.find((l) => l.relation === "next")?.url;
    next = link ? relativeToServer(http.serverUrl, link) : undefined;
  }
  return tasks;
}
