import type { Bundle, Consent, Patient, Reference, ServiceRequest, Task } from "fhir/r4";
import {
  CODE_SYSTEM,
  CONSENT_ACTION_SYSTEM,
  CONSENT_SCOPE_SYSTEM,
  PROFILE,
  SDOHCC_TEMP,
  TASK_CODE_SYSTEM,
  V3_ACT_CODE,
  V3_PARTICIPATION_TYPE,
} from "../canonical";
import type { ReferralBackDraft } from "../../domain/incomingReferral";
import { businessStatusConcept } from "../businessStatus";
import { INCOMING_TRANSITIONS, type Party, type TaskAction } from "../../domain/taskLifecycle";
import {
  clientIdentifier,
  createEntry,
  dsvSecurity,
  fullUrl,
  ref,
  type LabelPolicy,
} from "./common";
import { safeContactExtension } from "./referral";
import { baseTaskStep, taskNote as noteOf, TaskStepRefused } from "./taskUpdate";

// A referral back (partner → clinic) as ONE transaction Bundle: Consent + ServiceRequest + Task,
// each a conditional create on its client-made identifier (a retry never duplicates). The
// partner program is the requester, the clinic the owner (profiles wr-partner-referral*).
//
// Where the client is before the clinic matches them: one contained Patient on the Task
// (`for` = #client) with name, birth date and preferred language only. The ServiceRequest and
// the Consent name the client by a logical reference (the client-made identifier, no name):
// US Core patient-access APIs return ServiceRequests, and the client is nobody's patient yet.
// The reason is a code without display; "other" in words goes on the Task (Task.input).

export interface ReferralBackIds {
  consent: string;
  serviceRequest: string;
  task: string;
  /** The client's logical identifier (ServiceRequest.subject, Consent.patient, the contained Patient). */
  client: string;
}

export interface ReferralBackInput {
  ids: ReferralBackIds;
  draft: ReferralBackDraft;
  /** The partner program ("Organization/…"). */
  partnerOrganization: string;
  /** The clinic ("Organization/…"). */
  clinicOrganization: string;
  /** ISO date-time. */
  authoredAt: string;
  labelPolicy: LabelPolicy;
}

const CONTAINED_ID = "client";
const BCP47 = "urn:ietf:bcp:47";

/** The logical reference to the client: the identifier only, never a name. */
export function clientReference(clientId: string): Reference {
  return { type: "Patient", identifier: clientIdentifier(clientId) };
}

function consentEnd(input: ReferralBackInput): string {
  const end = new Date(Date.parse(input.authoredAt) + input.draft.consentDays * 86_400_000);
  return end.toISOString();
}

export function buildReferralBackConsent(input: ReferralBackInput): Consent {
  return {
    resourceType: "Consent",
    meta: { profile: [PROFILE.partnerReferralConsent], security: dsvSecurity(input.labelPolicy) },
    identifier: [clientIdentifier(input.ids.consent)],
    status: "active",
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: "patient-privacy" }] },
    category: [{ coding: [{ system: V3_ACT_CODE, code: "IDSCL" }] }],
    patient: clientReference(input.ids.client),
    dateTime: input.authoredAt,
    organization: [{ reference: ref("Organization", input.partnerOrganization) }],
    // SDOHCC requires source[x]: the client said yes to the advocate; no document exists.
    sourceAttachment: {
      title: "Verbal consent, recorded by partner program staff",
      creation: input.authoredAt,
    },
    policyRule: { coding: [{ system: V3_ACT_CODE, code: "OPTIN" }] },
    provision: {
      type: "permit",
      period: { start: input.authoredAt, end: consentEnd(input) },
      actor: [
        {
          role: { coding: [{ system: V3_PARTICIPATION_TYPE, code: "IRCP" }] },
          reference: { reference: ref("Organization", input.clinicOrganization) },
        },
      ],
      action: [{ coding: [{ system: CONSENT_ACTION_SYSTEM, code: "disclose" }] }],
      data: [{ meaning: "related", reference: { reference: fullUrl(input.ids.serviceRequest) } }],
    },
  };
}

export function buildReferralBack(input: ReferralBackInput): ServiceRequest {
  if (!input.draft.reason) throw new Error("A referral back needs a reason");
  return {
    resourceType: "ServiceRequest",
    meta: { profile: [PROFILE.partnerReferral], security: dsvSecurity(input.labelPolicy) },
    identifier: [clientIdentifier(input.ids.serviceRequest)],
    status: "active",
    intent: "order",
    // Codes only, as on the warm referral (docs/privacy.md).
    category: [{ coding: [{ system: SDOHCC_TEMP, code: "intimate-partner-violence" }] }],
    code: { coding: [{ system: CODE_SYSTEM.clinicService, code: input.draft.reason }] },
    subject: clientReference(input.ids.client),
    authoredOn: input.authoredAt,
    priority: input.draft.urgency,
    requester: { reference: ref("Organization", input.partnerOrganization) },
    performer: [{ reference: ref("Organization", input.clinicOrganization) }],
    supportingInfo: [{ reference: fullUrl(input.ids.consent) }],
  };
}

/** The client as the partner knows them: name, birth date, preferred language. Nothing else. */
export function buildContainedClient(input: ReferralBackInput): Patient {
  const d = input.draft;
  const language = d.language.trim();
  return {
    resourceType: "Patient",
    id: CONTAINED_ID,
    identifier: [clientIdentifier(input.ids.client)],
    name: [{ given: [d.givenName.trim()], family: d.familyName.trim() }],
    birthDate: d.birthDate.trim(),
    ...(language
      ? {
          communication: [
            { language: { coding: [{ system: BCP47, code: language }] }, preferred: true },
          ],
        }
      : {}),
  };
}

export function buildReferralBackTask(input: ReferralBackInput): Task {
  const d = input.draft;
  const reasonText = d.reason === "other" ? d.reasonText.trim() : "";
  return {
    resourceType: "Task",
    meta: { profile: [PROFILE.partnerReferralTask], security: dsvSecurity(input.labelPolicy) },
    contained: [buildContainedClient(input)],
    extension: [safeContactExtension(d.safeContact)],
    identifier: [clientIdentifier(input.ids.task)],
    status: "requested",
    businessStatus: businessStatusConcept("created"),
    intent: "order",
    priority: d.urgency,
    code: { coding: [{ system: TASK_CODE_SYSTEM, code: "fulfill" }] },
    focus: { reference: fullUrl(input.ids.serviceRequest) },
    for: { reference: `#${CONTAINED_ID}` },
    authoredOn: input.authoredAt,
    lastModified: input.authoredAt,
    requester: { reference: ref("Organization", input.partnerOrganization) },
    owner: { reference: ref("Organization", input.clinicOrganization) },
    ...(reasonText
      ? {
          input: [
            {
              type: { coding: [{ system: CODE_SYSTEM.clinicService, code: "other" }] },
              valueString: reasonText,
            },
          ],
        }
      : {}),
  };
}

export function buildReferralBackBundle(input: ReferralBackInput): Bundle {
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      createEntry(buildReferralBackConsent(input), input.ids.consent),
      createEntry(buildReferralBack(input), input.ids.serviceRequest),
      createEntry(buildReferralBackTask(input), input.ids.task),
    ],
  };
}

type TaskLike = Record<string, unknown> & { status?: string };

interface By {
  reference: string;
  display?: string;
}

export interface BackStepInput {
  action: TaskAction;
  party: Party;
  reasonCode?: string;
  reasonText?: string;
  by: By;
  now: Date;
}

/** One lifecycle step on a referral back (INCOMING_TRANSITIONS); refused before sending if not allowed. */
export function applyBackStep<T extends TaskLike>(task: T, input: BackStepInput): T {
  const { next, reasonCode, reasonText } = baseTaskStep(task, input, INCOMING_TRANSITIONS);
  if (reasonCode) {
    next.statusReason = {
      coding: [{ system: CODE_SYSTEM.statusReason, code: reasonCode }],
      ...(reasonText ? { text: reasonText } : {}),
    };
  } else {
    delete next.statusReason;
  }
  return next as T;
}

/** Note texts of the clinic's matching steps (no status change). */
export const MATCH_NOTE = {
  matched: "matched-patient",
  registration: "registration-needed",
} as const;

/**
 * The clinic found the client in the EHR: Task.for becomes that Patient and the contained copy
 * goes (the EHR's record is the one now). Only on an open Task that is not matched yet.
 */
export function applyMatch<T extends TaskLike>(task: T, patientId: string, by: By, now: Date): T {
  if (task.status !== "accepted" && task.status !== "in-progress")
    throw new TaskStepRefused("not-a-transition");
  const forRef = (task.for as { reference?: string } | undefined)?.reference;
  if (forRef !== `#${CONTAINED_ID}`) throw new TaskStepRefused("not-a-transition");
  const at = now.toISOString();
  const { contained: _contained, ...rest } = task as TaskLike & { contained?: unknown };
  return {
    ...rest,
    for: { reference: ref("Patient", patientId) },
    lastModified: at,
    note: [...((task.note as unknown[] | undefined) ?? []), noteOf(by, at, MATCH_NOTE.matched)],
  } as unknown as T;
}

/** The client is not in the EHR yet: a note that registration is needed (nothing else changes). */
export function applyRegistrationNeeded<T extends TaskLike>(task: T, by: By, now: Date): T {
  if (task.status !== "accepted" && task.status !== "in-progress")
    throw new TaskStepRefused("not-a-transition");
  const at = now.toISOString();
  return {
    ...task,
    lastModified: at,
    note: [
      ...((task.note as unknown[] | undefined) ?? []),
      noteOf(by, at, MATCH_NOTE.registration),
    ],
  };
}
