import { describe, expect, it } from "vitest";
import { buildReferralBundle, type ReferralInput } from "./builders/referral";
import { safeContactOf, toInbox } from "./partnerInbox";
import { filterInbox, mayCall, newSince, sortInbox, type InboxReferral } from "../domain/inbox";

const NOW = new Date("2026-11-22T12:00:00.000Z");

function referral(id: string, overrides: Partial<ReferralInput> = {}) {
  const bundle = buildReferralBundle({
    ids: { consent: `c-${id}`, serviceRequest: `s-${id}`, task: `t-${id}` },
    patientId: "pat-maria",
    encounterId: null,
    requester: "Practitioner/prov-rivera",
    clinicOrganization: "Organization/clinic",
    partnerOrganizationId: "org-safe-harbor",
    services: ["legal-advocacy"],
    priority: "urgent",
    handoff: "call-together",
    safeContact: {
      noContact: false,
      safePhone: "503-555-0199",
      voicemailOk: false,
      mayNameAgency: false,
      coverStory: "the pharmacy",
    },
    authoredAt: "2026-11-20T10:00:00.000Z",
    consentEnd: "2027-02-18T10:00:00.000Z",
    followUpDue: "2026-12-20T10:00:00.000Z",
    labelPolicy: { nopat: true },
    ...overrides,
  });
  // As the server stores them: ids assigned, urn:uuid references resolved.
  const [consent, sr, task] = (bundle.entry ?? []).map((e) =>
    JSON.parse(
      JSON.stringify(e.resource)
        .replaceAll(`urn:uuid:s-${id}`, `ServiceRequest/s-${id}`)
        .replaceAll(`urn:uuid:c-${id}`, `Consent/c-${id}`),
    ),
  );
  return {
    consent: { ...consent, id: `c-${id}` },
    sr: { ...sr, id: `s-${id}` },
    task: { ...task, id: `t-${id}`, meta: { versionId: "1" } },
  };
}
const bundle = (resources: unknown[]) => ({
  resourceType: "Bundle" as const,
  entry: resources.map((resource) => ({ resource })),
});
const maria = {
  resourceType: "Patient" as const,
  id: "pat-maria",
  name: [{ given: ["María"] }],
  birthDate: "1990-05-01",
  communication: [{ language: { coding: [{ code: "es" }] }, preferred: true }],
};
/** The inbox of one referral as the server holds it (its Task, ServiceRequest and Consent). */
const inboxOf = (a: ReturnType<typeof referral>, patients: unknown[] = [maria]) =>
  toInbox(bundle([a.task]), bundle([a.sr]), bundle([a.consent]), bundle(patients), NOW);

describe("the partner inbox read model", () => {
  it("shows what the patient told the clinic at a later visit, only while the consent is active", () => {
    const a = referral("a");
    const task = {
      ...a.task,
      note: [
        { text: "accept", authorReference: { display: "Rosa Santos" } },
        {
          text: "patient-report:connected",
          time: "2026-11-21T09:00:00.000Z",
          authorReference: { reference: "Practitioner/prov-rivera", display: "Alex Rivera" },
        },
      ],
    };
    const [r] = toInbox(
      bundle([task]),
      bundle([a.sr]),
      bundle([a.consent]),
      bundle([maria]),
      NOW,
    ).referrals;
    expect(r?.patientReport).toEqual({ report: "connected", time: "2026-11-21T09:00:00.000Z" });
    const withdrawn = { ...a.consent, status: "inactive" };
    const [w] = toInbox(bundle([task]), bundle([]), bundle([withdrawn]), bundle([]), NOW).referrals;
    expect(w?.patientReport).toBeUndefined();
  });

  it("counts the records that fail the schema and keeps the rest, never an untrue empty inbox", () => {
    const a = referral("a");
    const b = referral("b");
    const read = toInbox(
      bundle([a.task, { ...b.task, status: 7 }, { resourceType: "Task" }, "not a resource"]),
      bundle([a.sr]),
      bundle([a.consent, { resourceType: "Consent", id: "c-x", status: ["active"] }]),
      bundle([maria]),
      NOW,
    );
    expect(read.referrals.map((r) => r.taskId)).toEqual(["t-a"]);
    expect(read.referrals[0]?.details?.firstName).toBe("María");
    expect(read.unreadable).toBe(4);
    const clean = inboxOf(a, []);
    expect(clean.unreadable).toBe(0);
  });

  it("shows the minimum dataset while the consent is active, safe contact included", () => {
    const a = referral("a");
    const [r] = inboxOf(a).referrals;
    expect(r).toMatchObject({
      taskId: "t-a",
      version: "1",
      status: "requested",
      businessStatus: "created",
      priority: "urgent",
      consent: "active",
      details: {
        firstName: "María",
        age: 36,
        language: "es",
        handoff: "call-together",
        services: ["legal-advocacy"],
        safeContact: {
          noContact: false,
          safePhone: "503-555-0199",
          voicemailOk: false,
          mayNameAgency: false,
          coverStory: "the pharmacy",
        },
      },
    });
    expect(mayCall(r?.details)).toBe(true);
  });

  it("shows only that the consent was withdrawn, or expired, and nothing of the referral", () => {
    const a = referral("a");
    const withdrawn = toInbox(
      bundle([a.task]),
      bundle([a.sr]), // even if a server sent it, no details without an active consent
      bundle([{ ...a.consent, status: "inactive" }]),
      bundle([maria]),
      NOW,
    ).referrals[0];
    expect(withdrawn?.consent).toBe("withdrawn");
    expect(withdrawn?.details).toBeUndefined();
    const expired = toInbox(
      bundle([a.task]),
      bundle([]),
      bundle([
        { ...a.consent, provision: { ...a.consent.provision, period: { end: "2026-11-01" } } },
      ]),
      bundle([]),
      NOW,
    ).referrals[0];
    expect(expired?.consent).toBe("expired");
    expect(expired?.details).toBeUndefined();
  });

  it("a no-contact referral, or one without preferences, offers no call", () => {
    const a = referral("a", { safeContact: { noContact: true, mayNameAgency: false } });
    const [r] = inboxOf(a).referrals;
    expect(r?.details?.safeContact).toEqual({ noContact: true, mayNameAgency: false });
    expect(mayCall(r?.details)).toBe(false);
    expect(safeContactOf([])).toEqual({ noContact: true });
  });

  it("sorts most urgent, then newest first; marks what is new; filters open and finished", () => {
    const base = { version: "1", consent: "active" as const, outputs: [] };
    const list: InboxReferral[] = [
      {
        ...base,
        taskId: "old-routine",
        status: "accepted",
        priority: "routine",
        authoredOn: "2026-11-01",
      },
      {
        ...base,
        taskId: "new-routine",
        status: "requested",
        priority: "routine",
        authoredOn: "2026-11-20",
      },
      { ...base, taskId: "asap", status: "requested", priority: "asap", authoredOn: "2026-10-01" },
      {
        ...base,
        taskId: "done",
        status: "completed",
        priority: "urgent",
        authoredOn: "2026-11-21",
      },
    ];
    expect(sortInbox(list).map((r) => r.taskId)).toEqual([
      "asap",
      "done",
      "new-routine",
      "old-routine",
    ]);
    expect([...newSince(list, null)].sort()).toEqual(["asap", "new-routine"]);
    expect([...newSince(list, new Set(["asap", "done", "old-routine"]))]).toEqual(["new-routine"]);
    expect(filterInbox(list, "open").map((r) => r.taskId)).not.toContain("done");
    expect(filterInbox(list, "closed").map((r) => r.taskId)).toEqual(["done"]);
  });
});
