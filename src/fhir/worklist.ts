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
import { readSearch, searchBundleSchema, type SearchBundle } from "./searchEntries";
import { taskChangeOf, taskFields, type TaskChange } from "./taskRead";
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

export const worklistTaskSchema = z.looseObject({
  ...taskFields,
  restriction: z.optional(z.looseObject({ period: z.optional(z.looseObject({ end: str() })) })),
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

/** One worklist load: the referrals, and how many records the server sent could not be read. */
export interface WorklistRead {
  referrals: WorklistReferral[];
  /** Entries that failed their schema: the worklist says so instead of leaving them out. */
  unreadable: number;
}

const worklistReaders = {
  Task: worklistTaskSchema,
  ServiceRequest: serviceRequestSchema,
  Organization: organizationSchema,
  Practitioner: practitionerSchema,
};

/** The Tasks of the clinic's outgoing referrals → the worklist's read model. */
export function toWorklist(
  bundles: SearchBundle[],
  patientNames: ReadonlyMap<string, string> | null,
  policy: FollowUpPolicy,
  foreign?: ForeignReferralRules,
): WorklistReferral[] {
  return readWorklist(bundles, patientNames, policy, foreign).referrals;
}

/** As toWorklist, with the count of the records that could not be read. */
export function readWorklist(
  bundles: SearchBundle[],
  patientNames: ReadonlyMap<string, string> | null,
  policy: FollowUpPolicy,
  foreign?: ForeignReferralRules,
  alsoUnreadable = 0,
): WorklistRead {
  const read = readSearch(bundles, worklistReaders);
  const requests = new Map(read.ServiceRequest.map((sr) => [`ServiceRequest/${sr.id}`, sr]));
  const orgs = new Map(read.Organization.map((o) => [`Organization/${o.id}`, o]));
  const people = new Map(
    read.Practitioner.map((p) => [`Practitioner/${p.id}`, formatName(p.name)]),
  );
  const seen = new Set<string>();
  const out: WorklistReferral[] = [];
  for (const task of read.Task) {
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
  return { referrals: out, unreadable: read.unreadable + alsoUnreadable };
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

/** The worklist's referrals (fetchWorklistRead without the count of unreadable records). */
export async function fetchWorklist(http: FhirHttp, q: WorklistQuery): Promise<WorklistReferral[]> {
  return (await fetchWorklistRead(http, q)).referrals;
}

/**
 * The worklist: open referrals and those closed in the last 30 days, and open referrals other
 * systems wrote: three searches at once; `unreadable` counts the records that failed the schema.
 */
export async function fetchWorklistRead(http: FhirHttp, q: WorklistQuery): Promise<WorklistRead> {
  const now = q.now ?? new Date();
  const closedSince = new Date(now.getTime() - CLOSED_KEPT_DAYS * 86_400_000).toISOString();
  const paths = worklistPaths({ ...(q.patientId ? { patientId: q.patientId } : {}), closedSince });
  const [open, closed, foreign] = await Promise.all([
    http.request(searchBundleSchema, paths.open),
    http.request(searchBundleSchema, paths.closed),
    http.request(searchBundleSchema, paths.foreign),
  ]);
  let names: Map<string, string> | null = null;
  let unreadableNames = 0;
  if (q.withNames) {
    const ids = [
      ...new Set(
        readSearch([open.body, closed.body, foreign.body], { Task: worklistTaskSchema })
          .Task.map((t) => t.for?.reference ?? "")
          .filter((r) => r.startsWith("Patient/"))
          .map((r) => r.slice("Patient/".length)),
      ),
    ];
    names = new Map();
    // Batches of 100 ids keep the URL short.
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      const found = await http.request(
        searchBundleSchema,
        `Patient?_id=${batch.map(encodeURIComponent).join(",")}&_count=100`,
      );
      const patients = readSearch([found.body], { Patient: patientSchema });
      unreadableNames += patients.unreadable;
      for (const p of patients.Patient) names.set(`Patient/${p.id}`, formatName(p.name));
    }
  }
  return readWorklist(
    [open.body, closed.body, foreign.body],
    names,
    q.policy,
    { clinicOrganization: q.clinicOrganization, closedSince, serverUrl: http.serverUrl },
    unreadableNames,
  );
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
  return (await http.request(searchBundleSchema, path)).body.total ?? 0;
}

/** The Task changed after the user loaded it; nothing was written. */
export class WorklistConflict extends Error {
  /** The Task as it is now: who changed it last, when, and to what. */
  constructor(readonly current: TaskChange) {
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
    // 412: it changed between our read and our write. Reload it and say who; never overwrite.
    if (error instanceof FailureError && error.failure.kind === "conflict")
      throw new WorklistConflict(taskChangeOf(await readTask(http, task.id)));
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
  if ((task.meta?.versionId ?? "") !== change.version)
    throw new WorklistConflict(taskChangeOf(task));
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
