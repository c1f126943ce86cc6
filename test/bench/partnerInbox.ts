// Bench part: the partner advocate's inbox at 1,000 referrals. Pure functions, timed in Node:
// the FHIR → read model mapping of one inbox load (Tasks, referrals, Consents, Patients), and
// the per-change work of the list (sort + filter + new marks), whose budget is one frame (16 ms).
// The React render of the list is not measured here.
import { performance } from "node:perf_hooks";
import { buildReferralBundle } from "../../src/fhir/builders/referral";
import { toInbox } from "../../src/fhir/partnerInbox";
import { filterInbox, newSince, sortInbox, type InboxFilter } from "../../src/domain/inbox";

const PRIORITIES = ["routine", "urgent", "asap"] as const;

function syntheticInbox(n: number) {
  const tasks: unknown[] = [];
  const referrals: unknown[] = [];
  const consents: unknown[] = [];
  const patients = [];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(6, "0");
    const bundle = buildReferralBundle({
      ids: { consent: `c${id}`, serviceRequest: `s${id}`, task: `t${id}` },
      patientId: `p${id}`,
      encounterId: null,
      requester: "Practitioner/prov-rivera",
      clinicOrganization: "Organization/clinic",
      partnerOrganizationId: "org-safe-harbor",
      services: ["legal-advocacy", "housing-advocacy"].slice(0, 1 + (i % 2)),
      priority: PRIORITIES[i % 3] ?? "routine",
      handoff: "call-together",
      safeContact:
        i % 5 === 0
          ? { noContact: true }
          : { noContact: false, safePhone: `503-555-${id.slice(2)}`, voicemailOk: i % 2 === 0 },
      authoredAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      consentEnd: "2027-02-18T10:00:00.000Z",
      followUpDue: "2026-12-20T10:00:00.000Z",
      labelPolicy: { nopat: true },
    });
    const [consent, sr, task] = (bundle.entry ?? []).map((e) =>
      JSON.parse(
        JSON.stringify(e.resource)
          .replaceAll(`urn:uuid:s${id}`, `ServiceRequest/s${id}`)
          .replaceAll(`urn:uuid:c${id}`, `Consent/c${id}`),
      ),
    );
    consents.push({ ...consent, id: `c${id}`, status: i % 17 === 0 ? "inactive" : "active" });
    if (i % 17 !== 0) referrals.push({ ...sr, id: `s${id}` });
    tasks.push({
      ...task,
      id: `t${id}`,
      meta: { versionId: "1", lastUpdated: task.authoredOn },
      status: ["requested", "accepted", "in-progress", "completed"][i % 4],
    });
    patients.push({
      resourceType: "Patient" as const,
      id: `p${id}`,
      name: [{ given: [`Name${i}`] }],
      birthDate: "1990-05-01",
    });
  }
  const bundle = (resources: unknown[]) => ({
    resourceType: "Bundle" as const,
    entry: resources.map((resource) => ({ resource })),
  });
  return {
    tasks: bundle(tasks),
    referrals: bundle(referrals),
    consents: bundle(consents),
    patients,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function timePartnerInbox(
  n = 1000,
  runs = 30,
): { referrals: number; mapMs: number; listMs: number } {
  const data = syntheticInbox(n);
  const now = new Date("2026-11-22T12:00:00.000Z");
  const maps: number[] = [];
  let inbox = toInbox(data.tasks, data.referrals, data.consents, data.patients, now);
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    inbox = toInbox(data.tasks, data.referrals, data.consents, data.patients, now);
    maps.push(performance.now() - t0);
  }
  const seen = new Set(inbox.slice(0, n / 2).map((r) => r.taskId));
  const filters: [InboxFilter, string][] = [
    ["open", ""],
    ["all", "name12"],
    ["closed", ""],
    ["all", "housing"],
  ];
  const lists: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const [filter, query] of filters) {
      const t0 = performance.now();
      const sorted = sortInbox(inbox);
      newSince(sorted, seen);
      filterInbox(sorted, filter, query);
      lists.push(performance.now() - t0);
    }
  }
  return {
    referrals: inbox.length,
    mapMs: Math.round(median(maps) * 100) / 100,
    listMs: Math.round(median(lists) * 1000) / 1000,
  };
}
