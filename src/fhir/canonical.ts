// Canonical URLs of the Warm Referral data contract (fhir-profiles/). One place, used by the
// app's builders, the sandbox seed and the tests.

export const CANONICAL_BASE = "https://warm-referral.org/fhir";

const sd = (name: string) => `${CANONICAL_BASE}/StructureDefinition/${name}`;
const cs = (name: string) => `${CANONICAL_BASE}/CodeSystem/${name}`;

export const PROFILE = {
  warmReferral: sd("wr-warm-referral"),
  referralTask: sd("wr-referral-task"),
  referralConsent: sd("wr-referral-consent"),
  universalEducation: sd("wr-universal-education"),
  incomingReferral: sd("wr-incoming-referral"),
  incomingReferralTask: sd("wr-incoming-referral-task"),
  /** Referrals back (partner → clinic), as the app writes them (fhir-profiles/input/fsh/profiles-referral-back.fsh). */
  partnerReferral: sd("wr-partner-referral"),
  partnerReferralTask: sd("wr-partner-referral-task"),
  partnerReferralConsent: sd("wr-partner-referral-consent"),
  partnerOrganization: sd("wr-partner-organization"),
  partnerService: sd("wr-partner-service"),
  partnerAffiliation: sd("wr-partner-affiliation"),
  partnerEndpoint: sd("wr-partner-endpoint"),
} as const;

export const EXTENSION = {
  safeContact: sd("wr-safe-contact-preferences"),
  handoffMethod: sd("wr-handoff-method"),
  mouReviewDate: sd("wr-mou-review-date"),
  cardTypes: sd("wr-safety-card-types"),
  visitSetting: sd("wr-visit-setting"),
  /** Partnership upkeep, all on the PartnerAffiliation (fhir-profiles/README.md). */
  partnershipContact: sd("wr-partnership-contact"),
  mouDocument: sd("wr-mou-document"),
  meetingCadence: sd("wr-meeting-cadence"),
  onboardingStep: sd("wr-onboarding-step"),
  crossTraining: sd("wr-cross-training"),
} as const;

export const CODE_SYSTEM = {
  dsvServices: cs("wr-dsv-services"),
  handoffMethod: cs("wr-handoff-method"),
  participationTier: cs("wr-participation-tier"),
  collaborationLevel: cs("wr-collaboration-level"),
  referralOutcome: cs("wr-referral-outcome"),
  statusReason: cs("wr-referral-status-reason"),
  safetyCardType: cs("wr-safety-card-type"),
  partnerType: cs("wr-partner-type"),
  /** What a ServiceRequest / Procedure is about (ServiceRequest.code, Procedure.code). */
  activity: cs("wr-activity"),
  visitSetting: cs("wr-visit-setting"),
  /** What a partner program asks the clinic for (a referral back's ServiceRequest.code). */
  clinicService: cs("wr-clinic-service"),
  onboardingStep: cs("wr-onboarding-step"),
  crossTrainingDirection: cs("wr-cross-training-direction"),
  meetingCadence: cs("wr-meeting-cadence"),
  partnershipSide: cs("wr-partnership-side"),
  identifier: `${CANONICAL_BASE}/NamingSystem/wr-client-id`,
} as const;

export const SDOHCC_TEMP =
  "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

/** SDOHCC's IPV category: how any conformant system marks a DSV referral. */
export const IPV_CATEGORY_CODE = "intimate-partner-violence";
/** The IPV category as a search token (`category=…`), URL-encoded. */
export const IPV_CATEGORY_TOKEN = encodeURIComponent(`${SDOHCC_TEMP}|${IPV_CATEGORY_CODE}`);

/** Does a ServiceRequest's category say IPV (SDOHCC)? */
export function hasIpvCategory(
  categories: readonly { coding?: readonly { system?: string; code?: string }[] }[] | undefined,
): boolean {
  return (categories ?? []).some((c) =>
    c.coding?.some((x) => x.system === SDOHCC_TEMP && x.code === IPV_CATEGORY_CODE),
  );
}
export const V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
export const V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

// ---- Added with the compiled contract (fhir-profiles/). Codes mirror the FSH code systems;
// fhir-profiles/canonical.test.ts checks they match the compiled package.

const vs = (name: string) => `${CANONICAL_BASE}/ValueSet/${name}`;

export const VALUE_SET = {
  dsvServices: vs("wr-dsv-services"),
  handoffMethod: vs("wr-handoff-method"),
  participationTier: vs("wr-participation-tier"),
  collaborationLevel: vs("wr-collaboration-level"),
  referralOutcome: vs("wr-referral-outcome"),
  statusReason: vs("wr-referral-status-reason"),
  safetyCardType: vs("wr-safety-card-type"),
  partnerType: vs("wr-partner-type"),
  incomingService: vs("wr-incoming-service"),
  visitSetting: vs("wr-visit-setting"),
  clinicService: vs("wr-clinic-service"),
  onboardingStep: vs("wr-onboarding-step"),
  crossTrainingDirection: vs("wr-cross-training-direction"),
  meetingCadence: vs("wr-meeting-cadence"),
  partnershipSide: vs("wr-partnership-side"),
} as const;

/** The requirements CapabilityStatement (what the app needs from an EHR server). */
export const CAPABILITY_REQUIREMENTS = `${CANONICAL_BASE}/CapabilityStatement/wr-ehr-requirements`;

export const TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
export const TASK_STATUS_SYSTEM = "http://hl7.org/fhir/task-status";
export const CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
export const CONSENT_ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";
export const V3_PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

// ---- Standard terminology used directly (vendored in fhir-profiles/vendor/) ----------------

export const SDOHCC_VALUE_SET = {
  /** All task statuses except ready and received (Task.status of a referral Task). */
  referralTaskStatus:
    "http://hl7.org/fhir/us/sdoh-clinicalcare/ValueSet/SDOHCC-ValueSetReferralTaskStatus",
} as const;

/** BSeR's Task business status codes (Task.businessStatus), used as published. */
export const BSER_BUSINESS_STATUS = "http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS";
export const BSER_BUSINESS_STATUS_VS = "http://hl7.org/fhir/us/bser/ValueSet/TaskBusinessStatusVS";

/** BSeR code → what it says (the readers' names for it, as in domain/taskLifecycle.ts). */
export const BSER_CODES = {
  "2.0": "created",
  "3.0": "accepted",
  "4.0": "declined",
  "5.2": "cancellation-requested",
  "5.1.1": "scheduled",
  "6.0": "fulfillment-cancelled",
  "7.0": "fulfillment-completed",
  "5.1.2": "unattended",
  "5.1.3": "event-cancelled",
  "5.1.4": "event-completed",
} as const;
export type BserCode = keyof typeof BSER_CODES;

/** SNOMED CT. */
export const SNOMED = "http://snomed.info/sct";
/**
 * The SNOMED CT coding written next to REFERRAL_CODE on every warm referral:
 * 306206005 |Referral to service (procedure)|. Chosen for SDOHCC's ServiceRequest.code
 * (required: US Core procedure codes, SNOMED CT procedures) and because it names no DSV
 * service, so a label-blind portal that looks the code up shows nothing revealing; see
 * fhir-profiles/README.md ("SNOMED CT code") for why and what could not be checked offline.
 */
export const REFERRAL_SNOMED_CODE = "306206005";

/**
 * A reference in the form this server's resources are keyed by: "ServiceRequest/1" for a
 * relative reference, or for an absolute one on this server (`serverUrl`, e.g. a Task.focus
 * written by a system that keeps the Task elsewhere), with any "/_history/…" dropped. An
 * absolute reference to another server stays as it is (it is not one of ours).
 */
export function localReference(
  reference: string | undefined,
  serverUrl?: string,
): string | undefined {
  if (!reference) return undefined;
  if (reference.startsWith("urn:") || reference.startsWith("#")) return reference;
  const noHistory = reference.replace(/\/_history\/[^/]+$/, "");
  if (!/^[a-z][a-z0-9+.-]*:/i.test(noHistory)) return noHistory;
  const base = serverUrl?.replace(/\/+$/, "");
  if (base && noHistory.startsWith(`${base}/`)) return noHistory.slice(base.length + 1);
  return reference;
}

/**
 * Task.statusReason.text when the user gave no words (SDOHCC requires text with every
 * statusReason): the reason's name, as in the wr-referral-status-reason code system. On the
 * Task only, which patient-access APIs do not return. A copy, not codeDisplay(): this module is
 * in the first screen's JS (the guide uses its systems), which should not carry the whole code
 * table. codeDisplays.test.ts holds it to the CodeSystem.
 */
export const STATUS_REASON_TEXT: Readonly<Record<string, string>> = {
  "could-not-contact": "Could not contact",
  "no-capacity": "No capacity",
  "not-eligible": "Not eligible",
  "no-longer-interested": "No longer interested",
  "got-help": "Got help",
  "referred-elsewhere": "Referred elsewhere",
  "unsafe-to-contact": "Unsafe to contact",
  "consent-expired": "Consent expired",
  "consent-withdrawn": "Consent withdrawn",
};

/** Task statuses that require a statusReason (invariant wr-task-2). */
export const STATUSES_REQUIRING_REASON = ["rejected", "cancelled", "on-hold", "failed"] as const;

/** Sub-extension names of EXTENSION.safeContact. */
export const SAFE_CONTACT_PART = {
  safePhone: "safePhone",
  safeTimes: "safeTimes",
  voicemailOk: "voicemailOk",
  mayNameAgency: "mayNameAgency",
  coverStory: "coverStory",
  noContact: "noContact",
} as const;

/** Sub-extension names of EXTENSION.cardTypes (one per card type + language). */
export const CARD_TYPES_PART = { type: "type", language: "language", count: "count" } as const;

/**
 * The ServiceRequest.code of a warm referral (wr-activity). Neutral on purpose: a label-blind
 * portal shows a code that has no display. Earlier records used "dsv-advocacy-referral"; readers
 * accept both (LEGACY_REFERRAL_CODE).
 */
export const REFERRAL_CODE = "community-referral";
export const LEGACY_REFERRAL_CODE = "dsv-advocacy-referral";

// ---- Standard codings written next to ours where an HL7 code system says the same -----------

export const SERVICE_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/service-type";
export const ORGANIZATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/organization-type";

/**
 * HL7 service-type (THO 7.0.1) codes that say what one of our wr-dsv-services codes says;
 * services without an equivalent (safety planning, court accompaniment, justice or economic
 * advocacy, anti-trafficking, health and wellness, the 24-hour hotline) carry ours only.
 */
export const STANDARD_SERVICE_TYPE: Readonly<Partial<Record<string, string>>> = {
  "emergency-shelter": "126", // Crisis/Emergency Accommodation
  "housing-advocacy": "125", // Accommodation Placement/Support
  "legal-advocacy": "132", // Legal Advocacy
  "support-groups": "224", // Support Groups
  "mental-health": "490", // General Mental Health Services
  "case-management": "279", // Case Management
};

/** HL7 organization-type codes for our partner types (legal services has no equivalent). */
export const STANDARD_ORGANIZATION_TYPE: Readonly<Partial<Record<string, string>>> = {
  "dv-program": "cg",
  "sa-program": "cg",
  "dual-program": "cg",
  "anti-trafficking-program": "cg",
  "culturally-specific": "cg",
  "tribal-program": "cg",
  "housing-provider": "cg",
  hotline: "cg",
  "mental-health": "prov",
  "health-center": "prov",
};
