// Bench part: what profile validation costs each write (the sandbox validates every write, and
// the unit tests every builder): the referral's records validated in process, median of 20
// runs after 3 warm-ups. Budget: under 200 ms for the referral transaction.
import { performance } from "node:perf_hooks";
import type { Resource } from "fhir/r4";
import { validateResource } from "../../fhir-profiles/validator";
import { buildReferralBundle } from "../../src/fhir/builders/referral";

export function timeReferralValidation(): { resources: number; medianMs: number } {
  const bundle = buildReferralBundle({
    ids: {
      consent: "22222222-2222-4222-8222-222222222222",
      serviceRequest: "33333333-3333-4333-8333-333333333333",
      task: "44444444-4444-4444-8444-444444444444",
    },
    patientId: "pat-maria",
    encounterId: "enc-maria",
    requester: "Practitioner/prov-rivera",
    clinicOrganization: "Organization/clinic",
    partnerOrganizationId: "org-safe-harbor",
    partnerServiceId: "hs-safe-harbor-advocacy",
    services: ["drop-in-safety-planning", "legal-advocacy"],
    priority: "urgent",
    handoff: "call-together",
    safeContact: {
      noContact: false,
      safePhone: "503-555-0199",
      safeTimes: "Weekdays 9-11",
      voicemailOk: false,
      mayNameAgency: false,
    },
    authoredAt: "2026-11-22T10:20:00.000Z",
    consentEnd: "2027-02-20T10:20:00.000Z",
    followUpDue: "2026-12-22T10:20:00.000Z",
    labelPolicy: { nopat: true },
  });
  const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
  const runs: number[] = [];
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    for (const r of resources) {
      const { issues } = validateResource(r as never);
      if (issues.length) throw new Error(`bench referral does not validate: ${issues.join("; ")}`);
    }
    if (i >= 3) runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return {
    resources: resources.length,
    medianMs: Math.round((runs[Math.floor(runs.length / 2)] ?? 0) * 10) / 10,
  };
}
