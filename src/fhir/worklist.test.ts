import { referralResources } from "../../test/fixtures/worklist";
import { CODE_SYSTEM, PROFILE } from "./canonical";
import { toWorklist, worklistPaths } from "./worklist";

// The worklist's FHIR → read model mapping and its searches.

const policy = { intervalDays: 30, byUrgency: { now: 2, soon: 7, routine: 30 } };

function bundle(resources: unknown[]) {
  return { resourceType: "Bundle" as const, entry: resources.map((resource) => ({ resource })) };
}

describe("the worklist's searches", () => {
  it("asks for the referral Tasks with what they point to, open and recently closed", () => {
    const p = worklistPaths({ closedSince: "2026-11-02T00:00:00.000Z" });
    expect(p.open).toContain(`_profile=${encodeURIComponent(PROFILE.referralTask)}`);
    expect(p.open).toContain("status=requested,accepted,in-progress,on-hold");
    expect(p.open).toContain("_include=Task:focus&_include=Task:owner&_include=Task:requester");
    expect(p.open).not.toContain("subject=");
    expect(p.closed).toContain("status=completed,failed,rejected,cancelled");
    expect(p.closed).toContain(`_lastUpdated=${encodeURIComponent("ge2026-11-02T00:00:00.000Z")}`);
    const one = worklistPaths({ patientId: "pat-a", since: "X", closedSince: "Y" });
    expect(one.open).toContain("subject=Patient%2Fpat-a");
    expect(one.changes).toContain("_summary=count");
    expect(one.changes).toContain(`_lastUpdated=${encodeURIComponent("gtX")}`);
  });
});

describe("toWorklist", () => {
  const [, sr, task] = referralResources({
    id: "1",
    patientId: "pat-a",
    priority: "asap",
    authoredAt: "2026-11-30T10:00:00.000Z",
    followUpDue: "2026-12-02T10:00:00.000Z",
    status: "accepted",
    notes: [
      { text: "accept", by: "Practitioner/adv-santos", byName: "Rosa Santos" },
      {
        text: "patient-report:not-yet",
        by: "Practitioner/prov-rivera",
        byName: "Alex Rivera",
        time: "2026-12-01T09:00:00.000Z",
      },
    ],
  });
  const org = { resourceType: "Organization", id: "org-safe-harbor", name: "Safe Harbor" };
  const who = {
    resourceType: "Practitioner",
    id: "prov-rivera",
    name: [{ given: ["Alex"], family: "Rivera" }],
  };

  it("maps a referral: partner, staff, status, follow-up date, who changed it last, the patient's report", () => {
    const [r] = toWorklist([bundle([task, sr, org, who])], null, policy);
    expect(r).toMatchObject({
      taskId: "t-1",
      serviceRequestId: "s-1",
      patient: "Patient/pat-a",
      partner: "Organization/org-safe-harbor",
      partnerName: "Safe Harbor",
      requester: "Practitioner/prov-rivera",
      requesterName: "Alex Rivera",
      status: "accepted",
      priority: "asap",
      followUpDue: "2026-12-02T10:00:00.000Z",
      lastChangedBy: "Alex Rivera",
      lastChangedByReference: "Practitioner/prov-rivera",
      patientReport: { report: "not-yet", time: "2026-12-01T09:00:00.000Z", by: "Alex Rivera" },
    });
    expect(r?.patientName).toBeUndefined();
  });

  it("names the patient only when the names were read", () => {
    const names = new Map([["Patient/pat-a", "Ana Alvarez"]]);
    expect(toWorklist([bundle([task, sr])], names, policy)[0]?.patientName).toBe("Ana Alvarez");
  });

  it("computes the follow-up date from the urgency when the Task has none, and writes dates in UTC", () => {
    const { restriction: _r, ...bare } = task as unknown as Record<string, unknown>;
    const [r] = toWorklist(
      [bundle([{ ...bare, authoredOn: "2026-11-30T05:00:00-05:00" }, sr])],
      null,
      policy,
    );
    expect(r?.authoredOn).toBe("2026-11-30T10:00:00.000Z");
    expect(r?.followUpDue).toBe("2026-12-02T10:00:00.000Z"); // asap → 2 days
  });

  it("leaves out Tasks of other referrals (an incoming one) and counts a Task once across pages", () => {
    const incoming = {
      ...(sr as unknown as Record<string, unknown>),
      code: { coding: [{ system: CODE_SYSTEM.activity, code: "next-day-appointment" }] },
    };
    expect(toWorklist([bundle([task, incoming])], null, policy)).toEqual([]);
    expect(toWorklist([bundle([task, sr]), bundle([task])], null, policy)).toHaveLength(1);
  });
});
