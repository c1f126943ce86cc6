import { CLINIC_SERVICES } from "../domain/incomingReferral";
import { TASK_STATUSES } from "../domain/taskLifecycle";

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
  identifier: `${CANONICAL_BASE}/NamingSystem/wr-client-id`,
} as const;

export const SDOHCC_TEMP =
  "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
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
  referralTaskStatus: vs("wr-referral-task-status"),
  safetyCardType: vs("wr-safety-card-type"),
  partnerType: vs("wr-partner-type"),
  incomingService: vs("wr-incoming-service"),
  visitSetting: vs("wr-visit-setting"),
  clinicService: vs("wr-clinic-service"),
} as const;

/** The requirements CapabilityStatement (what the app needs from an EHR server). */
export const CAPABILITY_REQUIREMENTS = `${CANONICAL_BASE}/CapabilityStatement/wr-ehr-requirements`;

export const TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
export const TASK_STATUS_SYSTEM = "http://hl7.org/fhir/task-status";
export const CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
export const CONSENT_ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";
export const V3_PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

export const CODES = {
  visitSetting: ["in-person", "telehealth-video", "telephone", "mobile-unit", "school-based"],
  dsvServices: [
    "drop-in-safety-planning",
    "emergency-shelter",
    "housing-advocacy",
    "hotline-24h",
    "legal-advocacy",
    "court-accompaniment",
    "support-groups",
    "mental-health",
    "health-wellness",
    "case-management",
    "justice-advocacy",
    "economic-advocacy",
    "anti-trafficking",
  ],
  handoffMethod: ["onsite-advocate", "call-together", "chat", "hotline", "card-only"],
  participationTier: ["1", "2", "3", "4"],
  collaborationLevel: ["informed", "collaborative", "integrated"],
  referralOutcome: [
    "created",
    "accepted",
    "first-contact",
    "on-hold",
    "could-not-reach",
    "declined",
    "scheduled",
    "unattended",
    "event-cancelled",
    "event-completed",
    "cancellation-requested",
    "fulfillment-cancelled",
    "fulfillment-completed",
    "declined-services",
    "referred-elsewhere",
    "appointment-offered",
  ],
  statusReason: [
    "could-not-contact",
    "no-capacity",
    "not-eligible",
    "no-longer-interested",
    "got-help",
    "referred-elsewhere",
    "unsafe-to-contact",
    "consent-expired",
    "consent-withdrawn",
  ],
  safetyCardType: [
    "healthy-relationships",
    "reproductive-health",
    "teen-relationships",
    "lgbtq-relationships",
    "parenting",
    "older-adults",
    "work-and-exploitation",
    "disability",
  ],
  partnerType: [
    "dv-program",
    "sa-program",
    "dual-program",
    "anti-trafficking-program",
    "culturally-specific",
    "tribal-program",
    "legal-services",
    "mental-health",
    "housing-provider",
    "hotline",
    "health-center",
  ],
  activity: [
    "universal-education",
    "community-referral",
    "dsv-advocacy-referral",
    "medical-appointment",
    "behavioral-health-appointment",
    "reproductive-health-appointment",
    "forensic-medical-exam",
  ],
  clinicService: CLINIC_SERVICES,
  /** Task statuses allowed on referral Tasks (SDOHCC set: not ready, not received). */
  referralTaskStatus: TASK_STATUSES,
} as const;

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
