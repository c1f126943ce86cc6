import * as z from "zod/mini";
import type { Bundle } from "fhir/r4";
import {
  backConsentState,
  type BackUrgency,
  type PatientCandidate,
  type ReferralBack,
  type ReferralsBackRead,
} from "../domain/incomingReferral";
import { CODE_SYSTEM } from "./canonical";
import { readBusinessStatus } from "./businessStatus";
import type { FhirHttp } from "./http";
import { taskFields } from "./taskRead";
import { readSearch, searchBundleSchema, type SearchBundle } from "./searchEntries";
import { formatName, toPatientSummary } from "./mappers";
import { safeContactOf } from "./partnerInbox";
import { bundleResponseSchema } from "./schemas";
import { codeableConcept, consentSchema, patientSchema, reference, str } from "./schemas";
import { MATCH_NOTE } from "./builders/incomingReferral";

// Referrals back (partner → clinic) at the FHIR boundary. The clinic's incoming worklist: the
// Tasks the clinic owns whose referral is a referral back, with their ServiceRequests (one
// _include) and the Consents that name the clinic. The partner's list: the Tasks its program
// requested. FHIR JSON → zod → ReferralBack; what a side may see is then cut by the domain
// (shownToClinic) after the server's own rules (sandbox/fhir/partnerAccess.ts).

const identifier = z.looseObject({ system: str(), value: str() });

const containedPatient = z.looseObject({
  resourceType: z.literal("Patient"),
  id: str(),
  name: z.optional(
    z.array(z.looseObject({ given: z.optional(z.array(z.string())), family: str() })),
  ),
  birthDate: str(),
  communication: z.optional(
    z.array(z.looseObject({ language: codeableConcept, preferred: z.optional(z.boolean()) })),
  ),
});

export const backTaskSchema = z.looseObject({
  ...taskFields,
  contained: z.optional(z.array(z.looseObject({ resourceType: z.string() }))),
  input: z.optional(
    z.array(z.looseObject({ type: z.optional(codeableConcept), valueString: str() })),
  ),
});
export type BackTaskJson = z.infer<typeof backTaskSchema>;

const backRequestSchema = z.looseObject({
  resourceType: z.literal("ServiceRequest"),
  id: z.string(),
  code: z.optional(codeableConcept),
  priority: str(),
  authoredOn: str(),
  subject: z.optional(z.looseObject({ identifier: z.optional(identifier) })),
  supportingInfo: z.optional(z.array(reference)),
});

const organizationSchema = z.looseObject({
  resourceType: z.literal("Organization"),
  id: z.string(),
  name: str(),
});

export function backPaths(organization: string) {
  const org = encodeURIComponent(organization);
  return {
    /** The clinic's: Tasks it owns, with their referrals. */
    incoming: `Task?owner=${org}&_include=Task:focus&_include=Task:requester&_count=500`,
    incomingConsents: `Consent?actor=${org}&_count=500`,
    /** The partner's: Tasks its program requested, with their referrals. */
    sent: `Task?requester=${org}&_include=Task:focus&_count=500`,
  };
}

const PRIORITIES = ["routine", "urgent", "asap", "stat"] as const;
const priorityOf = (p: string | undefined): ReferralBack["priority"] =>
  (PRIORITIES as readonly string[]).includes(p ?? "") ? (p as BackUrgency | "stat") : "routine";

const isBackRequest = (sr: z.infer<typeof backRequestSchema>) =>
  !!sr.code?.coding?.some((c) => c.system === CODE_SYSTEM.clinicService);

/** Tasks whose referral is a referral back, as the read model; `requester` Tasks only if given. */
export function toReferralsBack(
  tasksAndReferrals: SearchBundle,
  consentBundle: SearchBundle | null,
  now: Date,
): ReferralsBackRead {
  const read = readSearch([tasksAndReferrals, ...(consentBundle ? [consentBundle] : [])], {
    Task: backTaskSchema,
    ServiceRequest: backRequestSchema,
    Organization: organizationSchema,
    Consent: consentSchema,
  });
  const referrals = new Map(
    read.ServiceRequest.filter(isBackRequest).map((sr) => [`ServiceRequest/${sr.id}`, sr]),
  );
  const orgNames = new Map(
    read.Organization.filter((o) => o.name).map((o) => [`Organization/${o.id}`, o.name as string]),
  );
  const consents = new Map<string, z.infer<typeof consentSchema>>();
  for (const c of read.Consent)
    for (const d of c.provision?.data ?? [])
      if (d.reference?.reference) consents.set(d.reference.reference, c);
  const out: ReferralBack[] = [];
  for (const task of read.Task) {
    const srRef = task.focus?.reference ?? "";
    const sr = referrals.get(srRef);
    if (!sr) continue; // an outgoing referral, or one this user may not see
    const consent =
      consents.get(srRef) ??
      (consentBundle === null ? { status: "active", resourceType: "Consent", id: "" } : undefined);
    const state = backConsentState(
      consent
        ? {
            status: consent.status,
            ...(consent.provision?.period?.start ? { start: consent.provision.period.start } : {}),
            ...(consent.provision?.period?.end ? { end: consent.provision.period.end } : {}),
          }
        : undefined,
      now,
    );
    const forRef = task.for?.reference ?? "";
    const matchedPatient = forRef.startsWith("Patient/") ? forRef : undefined;
    const client = task.contained
      ?.map((c) => containedPatient.safeParse(c))
      .find((p) => p.success && `#${p.data.id ?? ""}` === forRef);
    const person = client?.success ? client.data : undefined;
    const language = person
      ? toPatientSummary({ ...person, id: person.id ?? "client" }).language
      : undefined;
    const given = person?.name?.[0]?.given?.join(" ");
    const family = person?.name?.[0]?.family;
    const businessStatus = readBusinessStatus(task.businessStatus);
    const reason = task.statusReason;
    const reasonCode = reason?.coding?.[0]?.code;
    const reasonText = task.input?.find((i) =>
      i.type?.coding?.some((c) => c.system === CODE_SYSTEM.clinicService && c.code === "other"),
    )?.valueString;
    const lastNote = task.note?.at(-1);
    const code = sr.code?.coding?.find((c) => c.system === CODE_SYSTEM.clinicService)?.code;
    const registrationNeeded =
      !matchedPatient && !!task.note?.some((n) => n.text === MATCH_NOTE.registration);
    out.push({
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
      priority: priorityOf(task.priority ?? sr.priority),
      ...(code ? { reason: code } : {}),
      ...(reasonText ? { reasonText } : {}),
      ...((task.authoredOn ?? sr.authoredOn)
        ? { authoredOn: task.authoredOn ?? sr.authoredOn }
        : {}),
      ...(task.meta?.lastUpdated ? { lastUpdated: task.meta.lastUpdated } : {}),
      ...(lastNote?.authorReference?.display
        ? { lastChangedBy: lastNote.authorReference.display }
        : {}),
      ...(task.requester?.reference ? { requester: task.requester.reference } : {}),
      ...(orgNames.has(task.requester?.reference ?? "")
        ? { requesterName: orgNames.get(task.requester?.reference ?? "") as string }
        : {}),
      consent: state,
      ...(matchedPatient ? { matchedPatient } : {}),
      registrationNeeded,
      ...(person
        ? {
            client: {
              ...(given ? { givenName: given } : {}),
              ...(family ? { familyName: family } : {}),
              ...(person.birthDate ? { birthDate: person.birthDate } : {}),
              ...(language ? { language } : {}),
            },
          }
        : {}),
      safeContact: safeContactOf(task.extension),
    });
  }
  return { referrals: out, unreadable: read.unreadable };
}

/** The clinic's incoming referrals back: Tasks + their referrals, and the Consents naming the clinic. */
export async function fetchIncoming(
  http: FhirHttp,
  clinicOrganization: string,
  now: Date = new Date(),
): Promise<ReferralsBackRead> {
  const paths = backPaths(clinicOrganization);
  const [tasks, consents] = await Promise.all([
    http.request(searchBundleSchema, paths.incoming),
    http.request(searchBundleSchema, paths.incomingConsents),
  ]);
  return toReferralsBack(tasks.body, consents.body, now);
}

/**
 * The referrals back a partner program sent, with each step the clinic took. The program is
 * the consent's custodian; its consent is not re-read here (the program holds it).
 */
export async function fetchSent(
  http: FhirHttp,
  partnerOrganization: string,
  now: Date = new Date(),
): Promise<ReferralsBackRead> {
  const tasks = await http.request(searchBundleSchema, backPaths(partnerOrganization).sent);
  return toReferralsBack(tasks.body, null, now);
}

/** Sends the one transaction; a retry of the same draft creates nothing new. */
export async function postReferralBack(http: FhirHttp, bundle: Bundle): Promise<void> {
  const { body } = await http.request(bundleResponseSchema, "", { method: "POST", body: bundle });
  const bad = (body.entry ?? []).find((e) => !/^20[01]/.test(e.response?.status ?? ""));
  if (bad) throw new Error(`transaction entry answered ${bad.response?.status ?? "nothing"}`);
}

export async function readBackTask(http: FhirHttp, taskId: string): Promise<BackTaskJson> {
  return (await http.request(backTaskSchema, `Task/${encodeURIComponent(taskId)}`)).body;
}

/** A versioned update; a 412 means someone else changed it first. */
export async function putBackTask(
  http: FhirHttp,
  task: BackTaskJson,
  version: string,
): Promise<void> {
  await http.request(backTaskSchema, `Task/${encodeURIComponent(task.id)}`, {
    method: "PUT",
    body: task,
    headers: { "If-Match": `W/"${version}"` },
  });
}

/** Patients of the EHR by name and birth date (the clinic's match search). */
export function patientSearchPath(family: string, given: string, birthDate: string): string {
  const q = new URLSearchParams();
  if (family.trim()) q.set("family", family.trim());
  if (given.trim()) q.set("given", given.trim());
  if (birthDate.trim()) q.set("birthdate", birthDate.trim());
  q.set("_count", "20");
  return `Patient?${q.toString()}`;
}

export async function searchPatients(
  http: FhirHttp,
  family: string,
  given: string,
  birthDate: string,
): Promise<PatientCandidate[]> {
  const found = await http.request(searchBundleSchema, patientSearchPath(family, given, birthDate));
  return readSearch([found.body], { Patient: patientSchema }).Patient.map((p) => ({
    id: p.id,
    name: formatName(p.name),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  }));
}
