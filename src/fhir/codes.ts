import { CLINIC_SERVICES } from "../domain/incomingReferral";
import { DSV_SERVICES } from "../domain/journey";
import { STATUS_REASONS } from "../domain/taskLifecycle";
import {
  CROSS_TRAINING_DIRECTIONS,
  MEETING_CADENCES,
  ONBOARDING_STEPS,
} from "../domain/partnership";

// The codes of each of our CodeSystems (fhir-profiles/input/fsh), as the app writes and checks
// them; their URLs are in ./canonical.ts. A module apart because its lists come from the
// domain: ./canonical.ts stays small for the first screen (the education write's builder).

export const CODES = {
  visitSetting: ["in-person", "telehealth-video", "telephone", "mobile-unit", "school-based"],
  dsvServices: DSV_SERVICES,
  handoffMethod: ["onsite-advocate", "call-together", "chat", "hotline", "card-only"],
  participationTier: ["1", "2", "3", "4"],
  collaborationLevel: ["informed", "collaborative", "integrated"],
  /** Refinements written next to the BSeR code (the BSeR-like codes are retired). */
  referralOutcome: [
    "first-contact",
    "on-hold",
    "could-not-reach",
    "declined-services",
    "referred-elsewhere",
    "appointment-offered",
  ],
  statusReason: STATUS_REASONS,
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
  onboardingStep: ONBOARDING_STEPS,
  crossTrainingDirection: CROSS_TRAINING_DIRECTIONS,
  meetingCadence: MEETING_CADENCES,
  partnershipSide: ["clinic", "program"],
} as const;
