// What the CUES guide hands to the referral flow when a patient wants a referral.
// Owned by the CUES feature; the referral feature reads it. Extend as the journey grows.

export interface SupportSummary {
  /** BCP 47 base code of the language the patient is being spoken to in. */
  language: string;
  /** DSV service codes (CODES.dsvServices) the patient wants help with. */
  needs: string[];
  urgency: "routine" | "soon" | "now";
  /** Whether universal education was already recorded in this visit. */
  educationRecorded: boolean;
}
