import * as z from "zod/mini";
import { codeableConcept, patientSchema, practitionerSchema, reference, str } from "./schemas";
import {
  CODE_SYSTEM,
  LEGACY_REFERRAL_CODE,
  PROFILE,
  REFERRAL_CODE,
  IPV_CATEGORY_TOKEN,
  hasIpvCategory,
  localReference,
} from "./canonical";
import { FailureError } from "./failures";
import type { FhirHttp } from "./http";
import { readBusinessStatus } from "./businessStatus";
import { formatName } from "./mappers";
import { applyTaskStep } from "./builders/taskUpdate";
import { actionsFor } from "../domain/taskLifecycle";
import {
  followUpDue,
  patientReportNote,
  patientReportOf,
  urgencyOfPriority,
  type FollowUpPolicy,
  type PatientReport,
  type WorklistReferral,
} from "../domain/worklist";

// The clinic's outgoing referrals for the worklist and the follow-up prompt: the referral
// Tasks (profile wr-referral-task) with the ServiceRequests, partners and referring staff they
// point to (one search with _include); the open IPV referrals another SDOHCC system wrote
// (found by category, as History finds them); and — only when the role may see them — the
// patients' names (one Patient search). FHIR JSON → zod → WorklistReferral (src/domain/worklist.ts).
// Writes are the requester's: a patient report as a Task note, and the cancel transition.

const meta = z.optional(z.looseObject({ versionId: str(), lastUpdated: str() }));
const note = z.looseObject({ authorReference: z.optional(reference), time: str(), text: str() });

export const worklistTaskSchema = z.looseObject({
  resourceType: z.literal("Task"),
  id: z.string(),
  meta,
  status: z.string(),
  businessStatus: z.optional(codeableConcept),
  statusReason: z.optional(codeableConcept),
  priority: str(),
  authoredOn: str(),
  focus: z.optional(reference),
  for: z.optional(reference),
  owner: z.optional(reference),
  requester: z.optional(reference),
  restriction: z.optional(z.looseObject({ period: z.optional(z.looseObject({ end: str() })) })),
  note: z.optional(z.array(note)),
});
export type WorklistTaskJson = z.infer<typeof worklistTaskSchema>;

const serviceRequestSchema = z.looseObject({
  resourceType: z.literal("ServiceRequest"),
  id: z.string(),
  status: str(),
  priority: str(),
  authoredOn: str(),
  category: z.optional(z.array(codeableConcept)),
  code: z.optional(codeableConcept),
  requester: z.optional(reference),
});

const organizationSchema = z.looseObject({
  resourceType: z.literal("Organization"),
  id: z.string(),
  name: str(),
});

const searchSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  total: z.optional(z.number()),
  entry: z.optional(z.array(z.looseObject({ resource: z.optional(z.unknown()) }))),
});
type Search = z.infer<typeof searchSchema>;

function parseEntries<S extends z.ZodMiniType>(schema: S, bundle: Search): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const e of bundle.entry ?? []) {
    const parsed = schema.safeParse(e.resource);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

const OPEN = "requested,accepted,in-progress,on-hold";
const CLOSED = "completed,failed,rejected,cancelled";
/** Closed referrals stay on the worklist (and prompt at a visit) for this many days. */
export const CLOSED_KEPT_DAYS = 30;

export function worklistPaths(opts: { patientId?: string; since?: string; closedSince: string }) {
  const base = `Task?_profile=${encodeURIComponent(PROFILE.referralTask)}${
    opts.patientId ? `&subject=${encodeURIComponent(`Patient/${opts.patientId}`)}` : ""
  }`;
  const include =
    "&_include=Task:focus&_include=Task:owner&_include=Task:requester&_include:iterate=ServiceRequest:requester&_count=1000";
  const subject = opts.patientId
    ? `&subject=${encodeURIComponent(`Patient/${opts.patientId}`)}`
    : "";
  return {
    open: `${base}&status=${OPEN}${include}`,
    // Referrals other SDOHCC systems wrote: the IPV category without our identifier (ours come
    // from the searches above), still open on the ServiceRequest.
    foreign: `ServiceRequest?category=${IPV_CATEGORY_TOKEN}&identifier:not=${encodeURIComponent(`${CODE_SYSTEM.identifier}|`)}&status=active,on-hold${subject}&_revinclude=Task:focus&_include=ServiceRequest:requester&_include=ServiceRequest:performer&_count=1000`,
    closed: `${base}&status=${CLOSED}&_lastUpdated=${encodeURIComponent(`ge${opts.closedSince}`)}${include}`,
    changes: `${base}&_lastUpdated=${encodeURIComponent(`gt${opts.since ?? ""}`)}&_summary=count`,
  };
}

/**
 * Every date of the read model in UTC ISO form, so the worklist compares them as strings
 * (src/domain/worklist.ts); a date without a time is its start in UTC; unreadable → absent.
 */
function utc(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const codeOf = (c: z.infer<typeof codeableConcept> | undefined, system?: string) =>
  c?.coding?.find((x) => !system || x.system === system)?.code;

/** How a foreign referral is told apart from a referral back, and when it leaves the list. */
export interface ForeignReferralRules {
  /** The clinic ("Organization/…"): a Task it owns is a referral to the clinic, not from it. */
  clinicOrganization: string;
  /** Closed Tasks last changed before this (ISO) are no longer shown. */
  closedSince: string;
  /** This server's base: a Task.focus that is an absolute URL to it names a local referral. */
  serverUrl?: string;
}

const CLOSED_STATUSES = CLOSED.split(",");

/** The Tasks of the clinic's outgoing referrals → the worklist's read model. */
export function toWorklist(
  bundles: Search[],
  patientNames: ReadonlyMap<string, string> | null,
  policy: FollowUpPolicy,
  foreign?: ForeignReferralRules,
): WorklistReferral[] {
  const resources = bundles.flatMap((b) => b.entry ?? []);
  const all: Search = { resourceType: "Bundle", entry: resources };
  const requests = new Map(
    parseEntries(serviceRequestSchema, all).map((sr) => [`ServiceRequest/${sr.id}`, sr]),
  );
  const orgs = new Map(
    parseEntries(organizationSchema, all).map((o) => [`Organization/${o.id}`, o]),
  );
  const people = new Map(
    parseEntries(practitionerSchema, all).map((p) => [`Practitioner/${p.id}`, formatName(p.name)]),
  );
  const seen = new Set<string>();
  const out: WorklistReferral[] = [];
  for (const task of parseEntries(worklistTaskSchema, all)) {
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    const srRef = localReference(task.focus?.reference, foreign?.serverUrl) ?? "";
    const sr = requests.get(srRef);
    // Outgoing warm referrals only (incoming ones have their own profile and code). A referral
    // without our code is another system's: shown when it is an IPV referral the clinic does
    // not own, and not closed before the worklist's window.
    const code = codeOf(sr?.code, CODE_SYSTEM.activity);
    if (sr && code === undefined) {
      const shown =
        foreign !== undefined &&
        hasIpvCategory(sr.category) &&
        task.owner?.reference !== foreign.clinicOrganization &&
        !(
          CLOSED_STATUSES.includes(task.status) &&
          (utc(task.meta?.lastUpdated) ?? "") < foreign.closedSince
        );
      if (!shown) continue;
    } else if (sr && code !== REFERRAL_CODE && code !== LEGACY_REFERRAL_CODE) continue;
    const patient = task.for?.reference ?? "";
    const partner = task.owner?.reference ?? "";
    // Who referred: the ServiceRequest's requester (the staff member); the Task's may be the
    // clinic Organization (SDOHCC's Task.requester is a PractitionerRole or an Organization).
    const requester = sr?.requester?.reference ?? task.requester?.reference ?? "";
    const priority = task.priority ?? sr?.priority ?? "routine";
    const authoredOn = utc(task.authoredOn ?? sr?.authoredOn);
    const due =
      utc(task.restriction?.period?.end) ??
      (authoredOn
        ? followUpDue(policy, urgencyOfPriority(priority), new Date(authoredOn)).toISOString()
        : undefined);
    const lastNote = task.note?.at(-1);
    const report = [...(task.note ?? [])]
      .reverse()
      .map((n) => ({ n, report: patientReportOf(n.text) }))
      .find((x) => x.report);
    const businessStatus = readBusinessStatus(task.businessStatus);
    const statusReason = codeOf(task.statusReason);
    const patientName = patientNames?.get(patient);
    const partnerName = orgs.get(partner)?.name ?? task.owner?.display;
    const requesterName =
      people.get(requester) ?? sr?.requester?.display ?? task.requester?.display;
    out.push({
      taskId: task.id,
      version: task.meta?.versionId ?? "",
      ...(sr ? { serviceRequestId: sr.id } : {}),
      patient,
      ...(patientName ? { patientName } : {}),
      partner,
      ...(partnerName ? { partnerName } : {}),
      requester,
      ...(requesterName ? { requesterName } : {}),
      status: task.status,
      ...(businessStatus ? { businessStatus } : {}),
      ...(statusReason ? { statusReason } : {}),
      priority,
      ...(authoredOn ? { authoredOn } : {}),
      ...(due ? { followUpDue: due } : {}),
      ...(utc(task.meta?.lastUpdated) ? { lastUpdated: utc(task.meta?.lastUpdated) } : {}),
      ...(lastNote?.authorReference?.display
        ? { lastChangedBy: lastNote.authorReference.display }
        : {}),
      ...(lastNote?.authorReference?.reference
        ? { lastChangedByReference: lastNote.authorReference.reference }
        : {}),
      ...(report?.report
        ? {
            patientReport: {
              report: report.report,
              ...(report.n.time ? { time: report.n.time } : {}),
              ...(report.n.authorReference?.display
                ? { by: report.n.authorReference.display }
                : {}),
            },
          }
        : {}),
    });
  }
  return out;
}

export interface WorklistQuery {
  /** Only this patient's referrals (the chart's worklist tab and the follow-up prompt). */
  patientId?: string;
  /** Read the patients' names (only when the role may see them). */
  withNames: boolean;
  policy: FollowUpPolicy;
  /** The clinic ("Organization/…"), to tell another system's referrals from referrals back. */
  clinicOrganization: string;
  now?: Date;
}

/**
 * The worklist: open referrals and those closed in the last 30 days, and open referrals other
 * systems wrote: three searches at once.
 */
export async function fetchWorklist(http: FhirHttp, q: WorklistQuery): Promise<WorklistReferral[]> {
  const now = q.now ?? new Date();
  const closedSince = new Date(now.getTime() - CLOSED_KEPT_DAYS * 86_400_000).toISOString();
  const paths = worklistPaths({ ...(q.patientId ? { patientId: q.patientId } : {}), closedSince });
  const [open, closed, foreign] = await Promise.all([
    http.request(searchSchema, paths.open),
    http.request(searchSchema, paths.closed),
    http.request(searchSchema, paths.foreign),
  ]);
  let names: Map<string, string> | null = null;
  if (q.withNames) {
    const ids = [
      ...new Set(
        parseEntries(worklistTaskSchema, {
          resourceType: "Bundle",
          entry: [
            ...(open.body.entry ?? []),
            ...(closed.body.entry ?? []),
            ...(foreign.body.entry ?? []),
          ],
        })
          .map((t) => t.for?.reference ?? "")
          .filter((r) => r.startsWith("Patient/"))
          .map((r) => r.slice("Patient/".length)),
      ),
    ];
    names = new Map();
    // Batches of 100 ids keep the URL short.
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      const found = await http.request(
        searchSchema,
        `Patient?_id=${batch.map(encodeURIComponent).join(",")}&_count=100`,
      );
      for (const p of parseEntries(patientSchema, found.body))
        names.set(`Patient/${p.id}`, formatName(p.name));
    }
  }
  return toWorklist([open.body, closed.body, foreign.body], names, q.policy, {
    clinicOrganization: q.clinicOrganization,
    closedSince,
    serverUrl: http.serverUrl,
  });
}

/** How many of the clinic's referral Tasks changed after `since` (the unattended poll). */
export async function countWorklistChanges(
  http: FhirHttp,
  since: string,
  patientId?: string,
): Promise<number> {
  const path = worklistPaths({
    ...(patientId ? { patientId } : {}),
    since,
    closedSince: since,
  }).changes;
  return (await http.request(searchSchema, path)).body.total ?? 0;
}

/** The Task changed after the user loaded it; nothing was written. */
export class WorklistConflict extends Error {
  constructor(readonly current: { status: string; by?: string }) {
    super("conflict");
    this.name = "WorklistConflict";
  }
}

async function readTask(http: FhirHttp, taskId: string) {
  return (await http.request(worklistTaskSchema, `Task/${encodeURIComponent(taskId)}`)).body;
}

async function putTask(http: FhirHttp, task: WorklistTaskJson, version: string): Promise<void> {
  try {
    await http.request(worklistTaskSchema, `Task/${encodeURIComponent(task.id)}`, {
      method: "PUT",
      body: task,
      headers: { "If-Match": `W/"${version}"` },
    });
  } catch (error) {
    if (
      error instanceof FailureError &&
      error.failure.kind === "operation-outcome" &&
      error.failure.status === 412
    ) {
      const now = await readTask(http, task.id);
      const by = now.note?.at(-1)?.authorReference?.display;
      throw new WorklistConflict({ status: now.status, ...(by ? { by } : {}) });
    }
    throw error;
  }
}

export interface RequesterChange {
  taskId: string;
  /** The version the user was looking at: the change is made only on top of it. */
  version: string;
  by: { reference: string; display?: string };
  now: Date;
}

/** Re-reads the Task and refuses when it moved on since the user saw it. */
async function current(http: FhirHttp, change: RequesterChange) {
  const task = await readTask(http, change.taskId);
  if ((task.meta?.versionId ?? "") !== change.version) {
    const by = task.note?.at(-1)?.authorReference?.display;
    throw new WorklistConflict({ status: task.status, ...(by ? { by } : {}) });
  }
  return task;
}

/**
 * What the patient said at the visit, as a Task note by the requester (status and output are
 * the performer's under SDOHCC). With `cancel`, the same update also cancels the referral
 * (the requester's transition, reason no-longer-interested) when it is still open.
 */
export async function recordPatientReport(
  http: FhirHttp,
  change: RequesterChange & { report: PatientReport; cancel?: boolean },
): Promise<void> {
  const task = await current(http, change);
  const time = change.now.toISOString();
  let next: WorklistTaskJson = {
    ...task,
    note: [
      ...(task.note ?? []),
      {
        authorReference: {
          reference: change.by.reference,
          ...(change.by.display ? { display: change.by.display } : {}),
        },
        time,
        text: patientReportNote(change.report),
      },
    ],
  };
  if (change.cancel && actionsFor("requester", task.status).some((a) => a.action === "cancel")) {
    next = applyTaskStep(next, {
      action: "cancel",
      party: "requester",
      reasonCode: "no-longer-interested",
      by: change.by,
      now: change.now,
    });
  } else {
    next = { ...next, lastModified: time } as WorklistTaskJson;
  }
  await putTask(http, next, change.version);
}

/** The clinic cancels a referral with a reason (the requester's transition). */
export async function cancelReferral(
  http: FhirHttp,
  change: RequesterChange & { reasonCode: string; reasonText?: string },
): Promise<void> {
  const task = await current(http, change);
  const next = applyTaskStep(task, {
    action: "cancel",
    party: "requester",
    reasonCode: change.reasonCode,
    ...(change.reasonText ? { reasonText: change.reasonText } : {}),
    by: change.by,
    now: change.now,
  });
  await putTask(http, next, change.version);
}
