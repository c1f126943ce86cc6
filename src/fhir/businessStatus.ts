import type { CodeableConcept } from "fhir/r4";
import { BSER_BUSINESS_STATUS, BSER_CODES, CODE_SYSTEM, type BserCode } from "./canonical";
import { CODES } from "./codes";
import type { BusinessStatus } from "../domain/taskLifecycle";

// Task.businessStatus in FHIR: BSeR's TaskBusinessStatusCS code, used as published, and — only
// where BSeR has no word for it — our refinement (wr-referral-outcome) as a second coding.
// Readers understand BSeR alone (what another SDOHCC system writes), BSeR + refinement (what we
// write) and the retired wr-referral-outcome codes of older records.

/** The BSeR code of each business status the lifecycle uses. */
export const BSER_CODE_OF: Readonly<Record<BusinessStatus, BserCode>> = {
  created: "2.0",
  accepted: "3.0",
  declined: "4.0",
  "first-contact": "3.0",
  "on-hold": "3.0",
  "could-not-reach": "6.0",
  "fulfillment-completed": "7.0",
  "declined-services": "7.0",
  "referred-elsewhere": "7.0",
  "fulfillment-cancelled": "6.0",
  // Referrals back (partner → clinic): the appointment booked, or offered and not booked yet.
  scheduled: "5.1.1",
  "appointment-offered": "3.0",
};

const REFINEMENTS: readonly string[] = CODES.referralOutcome;

export function businessStatusConcept(status: BusinessStatus): CodeableConcept {
  return {
    coding: [
      { system: BSER_BUSINESS_STATUS, code: BSER_CODE_OF[status] },
      ...(REFINEMENTS.includes(status)
        ? [{ system: CODE_SYSTEM.referralOutcome, code: status }]
        : []),
    ],
  };
}

/**
 * What a Task.businessStatus says, as the lifecycle's name for it (e.g. "first-contact",
 * "fulfillment-completed", "scheduled"); undefined when it has no code we know.
 */
export function readBusinessStatus(
  concept: { coding?: { system?: string; code?: string }[] } | undefined,
): string | undefined {
  const codings = concept?.coding ?? [];
  const ours = codings.find((c) => c.system === CODE_SYSTEM.referralOutcome && c.code)?.code;
  if (ours) return ours; // a refinement, or a retired code of an older record (same names)
  const bser = codings.find((c) => c.system === BSER_BUSINESS_STATUS && c.code)?.code;
  return bser && bser in BSER_CODES ? BSER_CODES[bser as BserCode] : undefined;
}

/**
 * The `business-status` search tokens for business statuses by the lifecycle's name: our
 * refinement where there is one (it says exactly that), else BSeR's code.
 */
export function businessStatusTokens(names: readonly string[]): string {
  return names
    .map((name) => {
      if (REFINEMENTS.includes(name)) return `${CODE_SYSTEM.referralOutcome}|${name}`;
      const bser =
        (Object.entries(BSER_CODES).find(([, n]) => n === name)?.[0] as BserCode | undefined) ??
        BSER_CODE_OF[name as BusinessStatus];
      return `${BSER_BUSINESS_STATUS}|${bser}`;
    })
    .join(",");
}

/**
 * BSeR 7.0 (fulfillment completed) also stands under our refinements "declined services" and
 * "referred elsewhere": a search for the patient connecting leaves those out with `:not`.
 */
export const NOT_CONNECTED_REFINEMENTS = ["declined-services", "referred-elsewhere"] as const;
