// Bench part: what profile validation costs each write (the sandbox validates every write, and
// the unit tests every builder): the referral's records validated in process, median of 20
// runs after 3 warm-ups. Budget: under 200 ms for the referral transaction.
import { performance } from "node:perf_hooks";
import type { Resource } from "fhir/r4";
import { validateResource } from "../../fhir-profiles/validator";
import { buildReferralBundle } from "../../src/fhir/builders/referral";
import { sampleReferral } from "../fixtures/referral";

export function timeReferralValidation(): { resources: number; medianMs: number } {
  const bundle = buildReferralBundle(sampleReferral);
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
