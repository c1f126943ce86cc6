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
  identifier: `${CANONICAL_BASE}/NamingSystem/wr-client-id`,
} as const;

export const SDOHCC_TEMP =
  "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
export const V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
export const V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
