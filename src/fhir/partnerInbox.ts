import * as z from "zod/mini";
import {
  codeableConcept,
  consentSchema,
  extension,
  patientSchema,
  reference,
  str,
  type ExtensionJson,
} from "./schemas";
import { CODE_SYSTEM, EXTENSION, SAFE_CONTACT_PART } from "./canonical";
import type { FhirHttp } from "./http";
import { taskFields } from "./taskRead";
import { readSearch, searchBundleSchema, type SearchBundle } from "./searchEntries";
import { readBusinessStatus } from "./businessStatus";
import { toPatientSummary } from "./mappers";
import { ageOn } from "../domain/people";
import type { SafeContact } from "../domain/journey";
import type { ConsentState, InboxRead, InboxReferral } from "../domain/inbox";
import { patientReportOf } from "../domain/worklist";

// A partner program's inbox: the Tasks it owns, the referrals (ServiceRequests) they point to,
// the Consents that name it, and the minimal Patient view the server gives partner users.
// The server decides what a partner may see (sandbox/fhir/partnerAccess.ts; README "Partner
// access on real servers"); this module never shows details without an active consent either.

export const inboxTaskSchema = z.looseObject({
  ...taskFields,
  output: z.optional(z.array(z.looseObject({ valueString: str() }))),
});
export type InboxTaskJson = z.infer<typeof inboxTaskSchema>;

const serviceRequestSchema = z.looseObject({
  resourceType: z.literal("ServiceRequest"),
  id: z.string(),
  status: str(),
  priority: str(),
  authoredOn: str(),
  subject: z.optional(reference),
  orderDetail: z.optional(z.array(codeableConcept)),
  supportingInfo: z.optional(z.array(reference)),
  extension: z.optional(z.array(extension)),
});

export function inboxPaths(organization: string, since?: string) {
  const org = encodeURIComponent(organization);
  return {
    tasks: `Task?owner=${org}&_count=500`,
    referrals: `ServiceRequest?performer=${org}&_count=500`,
    consents: `Consent?actor=${org}&_count=500`,
    changes: `Task?owner=${org}&_lastUpdated=${encodeURIComponent(`gt${since ?? ""}`)}&_summary=count`,
  };
}

const PRIORITIES = ["routine", "urgent", "asap", "stat"] as const;
const priorityOf = (p: string | undefined): InboxReferral["priority"] =>
  (PRIORITIES as readonly string[]).includes(p ?? "")
    ? (p as InboxReferral["priority"])
    : "routine";

export function safeContactOf(extensions: ExtensionJson[] | undefined): SafeContact {
  const ext = extensions?.find((e) => e.url === EXTENSION.safeContact);
  const part = (name: string) => ext?.extension?.find((x) => x.url === name);
  const bool = (name: string) => {
    const v = part(name)?.valueBoolean;
    return typeof v === "boolean" ? v : undefined;
  };
  const string = (name: string) => {
    const v = part(name)?.valueString;
    return typeof v === "string" ? v : undefined;
  };
  const phone = (part(SAFE_CONTACT_PART.safePhone)?.valueContactPoint as { value?: string })?.value;
  // Without the extension we cannot know it is safe to call: treat it as no contact.
  const noContact = !ext || bool(SAFE_CONTACT_PART.noContact) === true;
  const voicemailOk = bool(SAFE_CONTACT_PART.voicemailOk);
  const mayNameAgency = bool(SAFE_CONTACT_PART.mayNameAgency);
  const safeTimes = string(SAFE_CONTACT_PART.safeTimes);
  const coverStory = string(SAFE_CONTACT_PART.coverStory);
  return {
    noContact,
    ...(!noContact && phone ? { safePhone: phone } : {}),
    ...(!noContact && safeTimes ? { safeTimes } : {}),
    ...(!noContact && voicemailOk !== undefined ? { voicemailOk } : {}),
    ...(mayNameAgency !== undefined ? { mayNameAgency } : {}),
    ...(!noContact && coverStory ? { coverStory } : {}),
  };
}

function consentStateOf(
  consent: z.infer<typeof consentSchema> | undefined,
  srVisible: boolean,
  now: Date,
): ConsentState {
  if (!consent) return srVisible ? "active" : "unavailable";
  const end = consent.provision?.period?.end;
  if (consent.status !== "active") return "withdrawn";
  if (end && Date.parse(end) < now.getTime()) return "expired";
  return srVisible ? "active" : "unavailable";
}

/** The search answers of one inbox load → the inbox, and how many records could not be read. */
export function toInbox(
  taskBundle: SearchBundle,
  referralBundle: SearchBundle,
  consentBundle: SearchBundle,
  patientBundle: SearchBundle,
  now: Date,
): InboxRead {
  const read = readSearch([taskBundle, referralBundle, consentBundle, patientBundle], {
    Task: inboxTaskSchema,
    ServiceRequest: serviceRequestSchema,
    Consent: consentSchema,
    Patient: patientSchema,
  });
  const referrals = new Map(read.ServiceRequest.map((sr) => [`ServiceRequest/${sr.id}`, sr]));
  // Indexed by the referral each covers: one pass, not a search per Task.
  const consents = new Map<string, z.infer<typeof consentSchema>>();
  for (const c of read.Consent)
    for (const d of c.provision?.data ?? [])
      if (d.reference?.reference && !consents.has(d.reference.reference))
        consents.set(d.reference.reference, c);
  const patientsById = new Map(read.Patient.map((p) => [`Patient/${p.id}`, p]));
  const list = read.Task.map((task): InboxReferral => {
    const srRef = task.focus?.reference ?? "";
    const sr = referrals.get(srRef);
    const consent = consents.get(srRef);
    const state = consentStateOf(consent, !!sr, now);
    const patient = sr?.subject?.reference ? patientsById.get(sr.subject.reference) : undefined;
    const summary = patient ? toPatientSummary(patient) : undefined;
    const firstName = patient?.name?.[0]?.given?.[0];
    const age = summary?.birthDate ? ageOn(summary.birthDate, now) : undefined;
    const handoff = sr?.extension?.find((e) => e.url === EXTENSION.handoffMethod)?.valueCoding as
      { code?: string } | undefined;
    const lastNote = task.note?.at(-1);
    const businessStatus = readBusinessStatus(task.businessStatus);
    const reason = task.statusReason;
    const reasonCode = reason?.coding?.[0]?.code;
    const reportNote = [...(task.note ?? [])].reverse().find((n) => patientReportOf(n.text));
    const patientReport = patientReportOf(reportNote?.text);
    return {
      taskId: task.id,
      version: task.meta?.versionId ?? "",
      status: task.status,
      ...(businessStatus ? { businessStatus } : {}),
      ...(reason
        ? {
            statusReason: {
              ...(reasonCode ? { code: reasonCode } : {}),
              ...(reason.text ? { text: reason.text } : {}),
            },
          }
        : {}),
      priority: priorityOf(task.priority ?? sr?.priority),
      ...((task.authoredOn ?? sr?.authoredOn)
        ? { authoredOn: task.authoredOn ?? sr?.authoredOn }
        : {}),
      ...(task.meta?.lastUpdated ? { lastUpdated: task.meta.lastUpdated } : {}),
      ...(lastNote?.authorReference?.display
        ? { lastChangedBy: lastNote.authorReference.display }
        : {}),
      consent: state,
      ...(state === "active" && sr
        ? {
            details: {
              ...(firstName ? { firstName } : {}),
              ...(age !== undefined ? { age } : {}),
              ...(summary?.language ? { language: summary.language } : {}),
              // Written on the Task (patient-access APIs do not return it); older or foreign
              // referrals may carry it on the ServiceRequest.
              safeContact: safeContactOf(
                task.extension?.some((e) => e.url === EXTENSION.safeContact)
                  ? task.extension
                  : sr.extension,
              ),
              ...(handoff?.code ? { handoff: handoff.code } : {}),
              services: (sr.orderDetail ?? [])
                .map((c) => c.coding?.find((x) => x.system === CODE_SYSTEM.dsvServices)?.code)
                .filter((c): c is string => !!c),
            },
          }
        : {}),
      outputs: (task.output ?? []).map((o) => o.valueString).filter((v): v is string => !!v),
      ...(state === "active" && patientReport
        ? {
            patientReport: {
              report: patientReport,
              ...(reportNote?.time ? { time: reportNote.time } : {}),
            },
          }
        : {}),
    };
  });
  return { referrals: list, unreadable: read.unreadable };
}

/** The inbox: three searches in parallel, then the minimal Patients of the visible referrals. */
export async function fetchPartnerInbox(
  http: FhirHttp,
  organization: string,
  now: Date = new Date(),
): Promise<InboxRead> {
  const paths = inboxPaths(organization);
  const [tasks, referrals, consents] = await Promise.all([
    http.request(searchBundleSchema, paths.tasks),
    http.request(searchBundleSchema, paths.referrals),
    http.request(searchBundleSchema, paths.consents),
  ]);
  const subjects = [
    ...new Set(
      readSearch([referrals.body], { ServiceRequest: serviceRequestSchema })
        .ServiceRequest.map((sr) => sr.subject?.reference ?? "")
        .filter((r) => r.startsWith("Patient/"))
        .map((r) => r.slice("Patient/".length)),
    ),
  ];
  const patients: SearchBundle = subjects.length
    ? (
        await http.request(
          searchBundleSchema,
          `Patient?_id=${subjects.map(encodeURIComponent).join(",")}&_count=500`,
        )
      ).body
    : { resourceType: "Bundle" };
  return toInbox(tasks.body, referrals.body, consents.body, patients, now);
}

/** How many of the program's Tasks changed after `since` (the unattended poll). */
export async function countInboxChanges(
  http: FhirHttp,
  organization: string,
  since: string,
): Promise<number> {
  const response = await http.request(searchBundleSchema, inboxPaths(organization, since).changes);
  return response.body.total ?? 0;
}

/** The program's Task as it is now, for a lifecycle step (and its version for If-Match). */
export async function readInboxTask(http: FhirHttp, taskId: string) {
  const response = await http.request(inboxTaskSchema, `Task/${encodeURIComponent(taskId)}`);
  return response.body;
}

/** A versioned update of the Task; a 412 means someone else changed it first. */
export async function putInboxTask(http: FhirHttp, task: InboxTaskJson, version: string) {
  const response = await http.request(inboxTaskSchema, `Task/${encodeURIComponent(task.id)}`, {
    method: "PUT",
    body: task,
    headers: { "If-Match": `W/"${version}"` },
  });
  return response.body;
}
