import { referralResources } from "../../test/fixtures/worklist";
import { CODE_SYSTEM, PROFILE } from "./canonical";
import { readWorklist, toWorklist, worklistPaths } from "./worklist";

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
    expect(one.foreign).toMatch(/^ServiceRequest\?category=/);
    expect(one.foreign).toContain(
      `identifier:not=${encodeURIComponent(`${CODE_SYSTEM.identifier}|`)}`,
    );
    expect(one.foreign).toContain("subject=Patient%2Fpat-a");
    expect(one.foreign).toContain("_revinclude=Task:focus");
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

  it("counts the records that fail the schema and keeps the rest (never an untrue empty list)", () => {
    const broken = { ...(task as object), id: "t-2", status: { not: "a code" } };
    const read = readWorklist(
      [bundle([task, sr, org, who, broken]), bundle([{ resourceType: "ServiceRequest" }, null])],
      null,
      policy,
    );
    expect(read.referrals.map((r) => r.taskId)).toEqual(["t-1"]);
    expect(read.unreadable).toBe(3);
    expect(readWorklist([bundle([task, sr])], null, policy).unreadable).toBe(0);
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

  describe("a referral another SDOHCC system wrote (no code of ours)", () => {
    const rules = {
      clinicOrganization: "Organization/clinic",
      closedSince: "2026-11-02T00:00:00Z",
    };
    const foreignSr = {
      resourceType: "ServiceRequest",
      id: "f-sr",
      status: "active",
      category: [
        {
          coding: [
            {
              system:
                "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes",
              code: "intimate-partner-violence",
            },
          ],
        },
      ],
      code: { coding: [{ system: "http://snomed.info/sct", code: "306206005" }] },
      requester: { reference: "PractitionerRole/other-ehr-role", display: "Dr. Other" },
    };
    const foreignTask = {
      resourceType: "Task",
      id: "f-task",
      meta: { versionId: "1", lastUpdated: "2026-11-20T00:00:00Z" },
      status: "requested",
      focus: { reference: "ServiceRequest/f-sr" },
      for: { reference: "Patient/pat-a" },
      owner: { reference: "Organization/org-safe-harbor" },
      authoredOn: "2026-11-20T00:00:00Z",
    };

    it("is shown when it is an IPV referral to a partner, its focus relative or absolute", () => {
      const absolute = {
        ...foreignTask,
        focus: { reference: "https://ehr.example/fhir/ServiceRequest/f-sr" },
      };
      const [a] = toWorklist([bundle([absolute, foreignSr])], null, policy, {
        ...rules,
        serverUrl: "https://ehr.example/fhir",
      });
      expect(a?.serviceRequestId).toBe("f-sr");
      const [r] = toWorklist([bundle([foreignTask, foreignSr])], null, policy, rules);
      expect(r).toMatchObject({
        taskId: "f-task",
        serviceRequestId: "f-sr",
        partner: "Organization/org-safe-harbor",
        requesterName: "Dr. Other",
        status: "requested",
      });
    });

    it("is left out when it is not IPV, when the clinic owns it (a referral back), or when it closed before the window", () => {
      const notIpv = { ...foreignSr, category: [] };
      expect(toWorklist([bundle([foreignTask, notIpv])], null, policy, rules)).toEqual([]);
      const toClinic = { ...foreignTask, owner: { reference: "Organization/clinic" } };
      expect(toWorklist([bundle([toClinic, foreignSr])], null, policy, rules)).toEqual([]);
      const oldClosed = {
        ...foreignTask,
        status: "completed",
        meta: { versionId: "2", lastUpdated: "2026-10-01T00:00:00Z" },
      };
      expect(toWorklist([bundle([oldClosed, foreignSr])], null, policy, rules)).toEqual([]);
      const recentClosed = {
        ...oldClosed,
        meta: { versionId: "2", lastUpdated: "2026-11-25T00:00:00Z" },
      };
      expect(toWorklist([bundle([recentClosed, foreignSr])], null, policy, rules)).toHaveLength(1);
      // Without the rules (no clinic known) no foreign referral is shown.
      expect(toWorklist([bundle([foreignTask, foreignSr])], null, policy)).toEqual([]);
    });
  });
});
