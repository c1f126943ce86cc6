import type { Bundle, Consent, Extension, ServiceRequest, Task } from "fhir/r4";
import {
  CODE_SYSTEM,
  CONSENT_ACTION_SYSTEM,
  CONSENT_SCOPE_SYSTEM,
  EXTENSION,
  PROFILE,
  REFERRAL_CODE,
  REFERRAL_SNOMED_CODE,
  SAFE_CONTACT_PART,
  SDOHCC_TEMP,
  SNOMED,
  TASK_CODE_SYSTEM,
  V3_ACT_CODE,
  V3_PARTICIPATION_TYPE,
} from "../canonical";
import type { HandoffMethod, SafeContact, Setting } from "../../domain/journey";
import { buildUniversalEducation, settingExtension, type EducationInput } from "./education";
import { businessStatusConcept } from "../businessStatus";
import {
  clientIdentifier,
  createEntry,
  dsvSecurity,
  fullUrl,
  ref,
  type LabelPolicy,
} from "./common";
import { stripBidiControls } from "../../domain/text";

// The warm referral as ONE transaction Bundle: Consent + ServiceRequest + Task (+ the
// universal-education Procedure when not recorded yet). Every entry is a conditional create on
// its client-made identifier, so a retry of the same draft never duplicates anything.
// Minimum necessary: services, priority, handoff and safe contact — never what was disclosed.
// Without a partner (a hotline-only or card-only handoff) nothing is shared: no Consent, no
// performer, and the Task is the clinic's own follow-up.
//
// Label-blind portals (DESIGN.md invariant 8): US Core patient-access APIs return ServiceRequest
// and Procedure, so those carry codes only — no display, no free text — and no safe-contact
// detail. The safe phone, safe times and cover story live on the Task, which patient APIs do not
// return. What a label-blind reader can still infer is written down in docs/privacy.md.

export interface ReferralIds {
  consent: string;
  serviceRequest: string;
  task: string;
}

export interface ReferralInput {
  ids: ReferralIds;
  patientId: string;
  encounterId: string | null;
  /** The referring user ("Practitioner/…", "PractitionerRole/…") or the clinic Organization. */
  requester: string;
  /** The clinic ("Organization/…"): consent custodian. */
  clinicOrganization: string;
  /** The partner program; absent for a hotline-only or card-only handoff (nothing shared). */
  partnerOrganizationId?: string;
  partnerServiceId?: string;
  services: string[];
  priority: "routine" | "urgent" | "asap" | "stat";
  handoff: HandoffMethod;
  safeContact: SafeContact;
  /** ISO date-times. */
  authoredAt: string;
  consentEnd: string;
  /** When the clinic follows up (the Task's restriction period ends). */
  followUpDue: string;
  labelPolicy: LabelPolicy;
  /** Where the conversation happened (wr-visit-setting), so reports can count by setting. */
  setting?: Setting;
  /** Universal education to record in the same transaction (not recorded yet). */
  education?: Omit<EducationInput, "labelPolicy" | "patientId" | "encounterId">;
}

const clean = (text: string | undefined) => (text ? stripBidiControls(text).trim() : undefined);

export function safeContactExtension(contact: SafeContact): Extension {
  const parts: Extension[] = [];
  if (contact.noContact) {
    parts.push({ url: SAFE_CONTACT_PART.noContact, valueBoolean: true });
    if (contact.mayNameAgency !== undefined)
      parts.push({ url: SAFE_CONTACT_PART.mayNameAgency, valueBoolean: contact.mayNameAgency });
    return { url: EXTENSION.safeContact, extension: parts };
  }
  // Free text a partner will read and dial: no bidi controls (src/domain/text.ts).
  const phone = clean(contact.safePhone);
  if (phone)
    parts.push({
      url: SAFE_CONTACT_PART.safePhone,
      valueContactPoint: { system: "phone", value: phone },
    });
  const times = clean(contact.safeTimes);
  if (times) parts.push({ url: SAFE_CONTACT_PART.safeTimes, valueString: times });
  if (contact.voicemailOk !== undefined)
    parts.push({ url: SAFE_CONTACT_PART.voicemailOk, valueBoolean: contact.voicemailOk });
  if (contact.mayNameAgency !== undefined)
    parts.push({ url: SAFE_CONTACT_PART.mayNameAgency, valueBoolean: contact.mayNameAgency });
  const cover = clean(contact.coverStory);
  if (contact.mayNameAgency === false && cover)
    parts.push({ url: SAFE_CONTACT_PART.coverStory, valueString: cover });
  return { url: EXTENSION.safeContact, extension: parts };
}

export function buildReferralConsent(input: ReferralInput): Consent {
  if (!input.partnerOrganizationId) throw new Error("A consent to share needs a partner");
  const patient = ref("Patient", input.patientId);
  return {
    resourceType: "Consent",
    meta: { profile: [PROFILE.referralConsent], security: dsvSecurity(input.labelPolicy) },
    identifier: [clientIdentifier(input.ids.consent)],
    status: "active",
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: "patient-privacy" }] },
    category: [{ coding: [{ system: V3_ACT_CODE, code: "IDSCL" }] }],
    patient: { reference: patient },
    dateTime: input.authoredAt,
    performer: [{ reference: patient }],
    organization: [{ reference: ref("Organization", input.clinicOrganization) }],
    // SDOHCC requires source[x]: where the consent was captured. No document exists (the
    // patient said yes to the clinician, in private), so a note of that, in neutral words.
    sourceAttachment: {
      title: "Verbal consent, recorded by clinic staff",
      creation: input.authoredAt,
    },
    policyRule: { coding: [{ system: V3_ACT_CODE, code: "OPTIN" }] },
    provision: {
      type: "permit",
      period: { start: input.authoredAt, end: input.consentEnd },
      actor: [
        {
          role: { coding: [{ system: V3_PARTICIPATION_TYPE, code: "IRCP" }] },
          reference: { reference: `Organization/${input.partnerOrganizationId}` },
        },
      ],
      action: [{ coding: [{ system: CONSENT_ACTION_SYSTEM, code: "disclose" }] }],
      data: [{ meaning: "related", reference: { reference: fullUrl(input.ids.serviceRequest) } }],
    },
  };
}

/** The handoff methods that need no partner: nothing is shared with anyone. */
export const HANDOFFS_WITHOUT_PARTNER: readonly HandoffMethod[] = ["hotline", "card-only"];

/**
 * The services requested and, when the patient asked not to be contacted at all, SDOHCC's
 * standard flag for it (`contacting-subject-prohibited`), so a standard partner system sees
 * the restriction too; the detail stays in our safe-contact extension on the Task.
 */
function orderDetail(input: ReferralInput): Pick<ServiceRequest, "orderDetail"> {
  const details = [
    ...input.services.map((code) => ({ coding: [{ system: CODE_SYSTEM.dsvServices, code }] })),
    ...(input.safeContact.noContact
      ? [{ coding: [{ system: SDOHCC_TEMP, code: "contacting-subject-prohibited" }] }]
      : []),
  ];
  return details.length ? { orderDetail: details } : {};
}

/**
 * SDOHCC TaskForReferralManagement: the requester is a PractitionerRole or an Organization.
 * The user's PractitionerRole when the session has one; otherwise the clinic.
 */
export function taskRequester(
  input: Pick<ReferralInput, "requester" | "clinicOrganization">,
): string {
  return input.requester.startsWith("PractitionerRole/") ||
    input.requester.startsWith("Organization/")
    ? input.requester
    : ref("Organization", input.clinicOrganization);
}

export function buildWarmReferral(input: ReferralInput): ServiceRequest {
  const partner = input.partnerOrganizationId;
  if (!partner && !HANDOFFS_WITHOUT_PARTNER.includes(input.handoff))
    throw new Error(`Handoff "${input.handoff}" needs a partner`);
  return {
    resourceType: "ServiceRequest",
    meta: { profile: [PROFILE.warmReferral], security: dsvSecurity(input.labelPolicy) },
    extension: [
      {
        url: EXTENSION.handoffMethod,
        valueCoding: { system: CODE_SYSTEM.handoffMethod, code: input.handoff },
      },
      ...(input.setting ? [settingExtension(input.setting)] : []),
    ],
    identifier: [clientIdentifier(input.ids.serviceRequest)],
    status: "active",
    intent: "order",
    // Codes only (no display): the SDOHCC category stays so SDOH-aware systems can route and
    // count the referral; docs/privacy.md explains what it reveals and why it stays.
    category: [{ coding: [{ system: SDOHCC_TEMP, code: "intimate-partner-violence" }] }],
    // Ours, and SNOMED CT for SDOHCC (a neutral "referral to service"; fhir-profiles/README.md).
    code: {
      coding: [
        { system: CODE_SYSTEM.activity, code: REFERRAL_CODE },
        { system: SNOMED, code: REFERRAL_SNOMED_CODE },
      ],
    },
    ...orderDetail(input),
    subject: { reference: ref("Patient", input.patientId) },
    ...(input.encounterId ? { encounter: { reference: ref("Encounter", input.encounterId) } } : {}),
    authoredOn: input.authoredAt,
    priority: input.priority,
    requester: { reference: input.requester },
    ...(partner
      ? {
          performer: [
            { reference: `Organization/${partner}` },
            ...(input.partnerServiceId
              ? [{ reference: `HealthcareService/${input.partnerServiceId}` }]
              : []),
          ],
          supportingInfo: [{ reference: fullUrl(input.ids.consent) }],
        }
      : {}),
  };
}

export function buildReferralTask(input: ReferralInput): Task {
  return {
    resourceType: "Task",
    meta: { profile: [PROFILE.referralTask], security: dsvSecurity(input.labelPolicy) },
    // Safe contact lives here, not on the ServiceRequest: patient-access APIs do not return
    // Tasks. Without a partner no program contacts the patient, so there is none.
    ...(input.partnerOrganizationId
      ? { extension: [safeContactExtension(input.safeContact)] }
      : {}),
    identifier: [clientIdentifier(input.ids.task)],
    status: "requested",
    businessStatus: businessStatusConcept("created"),
    intent: "order",
    priority: input.priority,
    code: { coding: [{ system: TASK_CODE_SYSTEM, code: "fulfill" }] },
    focus: { reference: fullUrl(input.ids.serviceRequest) },
    for: { reference: ref("Patient", input.patientId) },
    authoredOn: input.authoredAt,
    lastModified: input.authoredAt,
    requester: { reference: taskRequester(input) },
    // The partner works the referral; without a partner, the clinic owns its own follow-up.
    owner: {
      reference: input.partnerOrganizationId
        ? `Organization/${input.partnerOrganizationId}`
        : ref("Organization", input.clinicOrganization),
    },
    // The follow-up: the clinic checks on the referral by the end of this period.
    restriction: { period: { start: input.authoredAt, end: input.followUpDue } },
  };
}

export function buildReferralBundle(input: ReferralInput): Bundle {
  const entry = [
    ...(input.partnerOrganizationId
      ? [createEntry(buildReferralConsent(input), input.ids.consent)]
      : []),
    createEntry(buildWarmReferral(input), input.ids.serviceRequest),
    createEntry(buildReferralTask(input), input.ids.task),
  ];
  if (input.education) {
    entry.push(
      createEntry(
        buildUniversalEducation({
          ...(input.setting ? { setting: input.setting } : {}),
          ...input.education,
          patientId: input.patientId,
          encounterId: input.encounterId,
          labelPolicy: input.labelPolicy,
        }),
        input.education.clientId,
      ),
    );
  }
  return { resourceType: "Bundle", type: "transaction", entry };
}
