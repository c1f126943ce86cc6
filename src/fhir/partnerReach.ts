import { CLINICAL_TYPES, type PartnerReachCounts, type ReachCount } from "../domain/partnerReach";
import { FailureError } from "./failures";
import type { FhirHttp } from "./http";
import { countBundleSchema } from "./schemas";

// The diagnostics probe of a partner user's access (src/domain/partnerReach.ts): harmless
// `_summary=count` searches, so nothing but totals leaves the server — no record, no patient.

async function count(http: FhirHttp, path: string): Promise<ReachCount> {
  try {
    return (await http.request(countBundleSchema, path)).body.total;
  } catch (error) {
    // A refusal is what the policy asks for; every other failure is the probe's own.
    if (
      error instanceof FailureError &&
      (error.failure.kind === "forbidden" ||
        (error.failure.kind === "operation-outcome" && error.failure.status === 404))
    )
      return "refused";
    throw error;
  }
}

const countPath = (type: string, params: [string, string][] = []) =>
  `${type}?${new URLSearchParams([...params, ["_summary", "count"]]).toString()}`;

/** What the signed-in partner user can count, for their program `organization` ("Organization/x"). */
export async function probePartnerReach(
  http: FhirHttp,
  organization: string,
): Promise<PartnerReachCounts> {
  const must = async (path: string) => {
    const n = await count(http, path);
    // Its own Tasks are what a partner user must be able to read.
    return n === "refused" ? 0 : n;
  };
  const [ownTasks, requestedTasks, Task, ServiceRequest, Consent, Patient, ...clinical] =
    await Promise.all([
      must(countPath("Task", [["owner", organization]])),
      must(countPath("Task", [["requester", organization]])),
      count(http, countPath("Task")),
      count(http, countPath("ServiceRequest")),
      count(http, countPath("Consent")),
      count(http, countPath("Patient")),
      ...CLINICAL_TYPES.map((type) => count(http, countPath(type))),
    ]);
  return {
    ownTasks,
    requestedTasks,
    visible: { Task, ServiceRequest, Consent, Patient },
    clinical: Object.fromEntries(
      CLINICAL_TYPES.map((type, i) => [type, clinical[i] ?? 0]),
    ) as PartnerReachCounts["clinical"],
  };
}
