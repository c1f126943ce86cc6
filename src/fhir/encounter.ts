import * as z from "zod/mini";
import { coding } from "./schemas";
import type { FhirHttp } from "./http";

// The visit in context: its class tells in-person (AMB) from telehealth (VR). A module of its
// own so that the guide (the first screen) does not load the referral reads of referrals.ts.

const encounterSchema = z.looseObject({
  resourceType: z.literal("Encounter"),
  id: z.string(),
  class: z.optional(coding),
});

/** "VR" (virtual) → telehealth video; anything else → in person. */
export async function fetchVisitIsVirtual(http: FhirHttp, encounterId: string): Promise<boolean> {
  const response = await http.request(
    encounterSchema,
    `Encounter/${encodeURIComponent(encounterId)}`,
  );
  return response.body.class?.code === "VR";
}
