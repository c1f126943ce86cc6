import {
  changedSince,
  facet,
  filterWorklist,
  followUpCandidates,
  followUpDays,
  followUpDue,
  overdueReasons,
  patientReportNote,
  patientReportOf,
  urgencyOfPriority,
  worklistRows,
  ALL_OPEN,
  type FollowUpPolicy,
  type WorklistReferral,
} from "./worklist";

const NOW = new Date("2026-12-02T12:00:00.000Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const inDays = (d: number) => daysAgo(-d);
const policy: FollowUpPolicy = {
  intervalDays: 30,
  byUrgency: { now: 2, soon: 7, routine: 30 },
  partnerAnswerDays: 3,
};

function referral(id: string, over: Partial<WorklistReferral> = {}): WorklistReferral {
  return {
    taskId: id,
    version: "1",
    patient: `Patient/p-${id}`,
    partner: "Organization/org-safe-harbor",
    partnerName: "Safe Harbor",
    requester: "Practitioner/prov-rivera",
    requesterName: "Dr. Rivera",
    status: "accepted",
    priority: "routine",
    authoredOn: daysAgo(1),
    followUpDue: inDays(29),
    lastUpdated: daysAgo(1),
    ...over,
  };
}

describe("follow-up date per urgency", () => {
  it("uses the clinic's days per urgency level", () => {
    expect(followUpDays(policy, "now")).toBe(2);
    expect(followUpDays(policy, "soon")).toBe(7);
    expect(followUpDays(policy, "routine")).toBe(30);
    expect(followUpDue(policy, "now", NOW).toISOString()).toBe(inDays(2));
  });
  it('without byUrgency, "connect now" still follows up within days, not the interval', () => {
    const legacy = { intervalDays: 30 };
    expect(followUpDays(legacy, "now")).toBe(2);
    expect(followUpDays(legacy, "soon")).toBe(7);
    expect(followUpDays(legacy, "routine")).toBe(30);
    expect(followUpDays({ intervalDays: 1 }, "soon")).toBe(1);
  });
  it("maps FHIR priority back to urgency", () => {
    expect(urgencyOfPriority("asap")).toBe("now");
    expect(urgencyOfPriority("stat")).toBe("now");
    expect(urgencyOfPriority("urgent")).toBe("soon");
    expect(urgencyOfPriority("routine")).toBe("routine");
    expect(urgencyOfPriority(undefined)).toBe("routine");
  });
});

describe("overdue", () => {
  it("a passed follow-up date that has not connected is overdue", () => {
    expect(overdueReasons(referral("a", { followUpDue: daysAgo(1) }), policy, NOW)).toEqual([
      "follow-up-passed",
    ]);
  });
  it("not when the patient said it connected, nor when the partner completed it", () => {
    const passed = { followUpDue: daysAgo(1) };
    expect(
      overdueReasons(
        referral("a", { ...passed, patientReport: { report: "connected" } }),
        policy,
        NOW,
      ),
    ).toEqual([]);
    expect(
      overdueReasons(
        referral("a", { ...passed, patientReport: { report: "not-yet" } }),
        policy,
        NOW,
      ),
    ).toEqual(["follow-up-passed"]);
    const done = referral("b", {
      ...passed,
      status: "completed",
      businessStatus: "fulfillment-completed",
    });
    expect(overdueReasons(done, policy, NOW)).toEqual([]);
  });
  it("no answer from the partner within the configured days", () => {
    const r = referral("a", { status: "requested", authoredOn: daysAgo(4) });
    expect(overdueReasons(r, policy, NOW)).toEqual(["no-partner-answer"]);
    expect(overdueReasons(r, { ...policy, partnerAnswerDays: 5 }, NOW)).toEqual([]);
    expect(overdueReasons({ ...r, status: "accepted" }, policy, NOW)).toEqual([]);
  });
  it("closed referrals are never overdue", () => {
    for (const status of ["cancelled", "rejected", "failed", "completed"])
      expect(
        overdueReasons(
          referral("a", { status, followUpDue: daysAgo(9), authoredOn: daysAgo(40) }),
          policy,
          NOW,
        ),
      ).toEqual([]);
  });
});

describe("the worklist's order and filters", () => {
  const list = [
    referral("fresh", { followUpDue: inDays(20) }),
    referral("closed", { status: "completed", lastUpdated: daysAgo(2) }),
    referral("due-soon", { followUpDue: inDays(1), priority: "asap" }),
    referral("late-a-little", { followUpDue: daysAgo(1) }),
    referral("silent", { status: "requested", authoredOn: daysAgo(5), followUpDue: inDays(2) }),
    referral("late-a-lot", {
      followUpDue: daysAgo(10),
      partner: "Organization/org-bridges",
      partnerName: "Bridges",
      requester: "Practitioner/other",
      requesterName: "Nurse Kim",
    }),
  ];
  const rows = worklistRows(list, policy, NOW);

  it("puts overdue first, the longest overdue first, then open by follow-up date, closed last", () => {
    expect(rows.map((r) => r.taskId)).toEqual([
      "late-a-lot",
      "silent",
      "late-a-little",
      "due-soon",
      "fresh",
      "closed",
    ]);
  });
  it("filters by partner, status, staff member and patient", () => {
    const ids = (f: Partial<typeof ALL_OPEN>) =>
      filterWorklist(rows, { ...ALL_OPEN, ...f }).map((r) => r.taskId);
    expect(ids({})).not.toContain("closed");
    expect(ids({ status: "all" })).toHaveLength(6);
    expect(ids({ status: "closed" })).toEqual(["closed"]);
    expect(ids({ status: "overdue" })).toEqual(["late-a-lot", "silent", "late-a-little"]);
    expect(ids({ status: "requested" })).toEqual(["silent"]);
    expect(ids({ partner: "Organization/org-bridges" })).toEqual(["late-a-lot"]);
    expect(ids({ staff: "Practitioner/other" })).toEqual(["late-a-lot"]);
    expect(ids({ patient: "Patient/p-fresh" })).toEqual(["fresh"]);
  });
  it("offers each partner and staff member once, by name", () => {
    expect(facet(list, "partner")).toEqual([
      { value: "Organization/org-bridges", label: "Bridges" },
      { value: "Organization/org-safe-harbor", label: "Safe Harbor" },
    ]);
    expect(facet(list, "requester").map((x) => x.label)).toEqual(["Dr. Rivera", "Nurse Kim"]);
  });
});

describe("changes since the user last looked", () => {
  const me = "Practitioner/prov-rivera";
  it("first look: what someone else changed in the last day", () => {
    const list = [
      referral("partner-today", { lastUpdated: daysAgo(0.1), lastChangedByReference: "x" }),
      referral("mine-today", { lastUpdated: daysAgo(0.1), lastChangedByReference: me }),
      referral("old", { lastUpdated: daysAgo(3) }),
    ];
    expect([...changedSince(list, null, NOW, me)]).toEqual(["partner-today"]);
  });
  it("afterwards: new referrals and moved versions", () => {
    const list = [referral("same"), referral("moved", { version: "3" }), referral("new")];
    const seen = new Map([
      ["same", "1"],
      ["moved", "2"],
    ]);
    expect([...changedSince(list, seen, NOW, me)]).toEqual(["moved", "new"]);
  });
});

describe("the patient's report at the next visit", () => {
  it("round-trips through the note text and ignores other notes", () => {
    expect(patientReportOf(patientReportNote("connected"))).toBe("connected");
    expect(patientReportOf(patientReportNote("another-program"))).toBe("another-program");
    expect(patientReportOf("accept")).toBeUndefined();
    expect(patientReportOf("patient-report:something-else")).toBeUndefined();
    expect(patientReportOf(undefined)).toBeUndefined();
  });
  it("prompts for open referrals and those closed within 30 days, newest first", () => {
    const list = [
      referral("open-old", { authoredOn: daysAgo(60), lastUpdated: daysAgo(50) }),
      referral("closed-recent", { status: "completed", lastUpdated: daysAgo(5) }),
      referral("closed-long-ago", { status: "cancelled", lastUpdated: daysAgo(45) }),
    ];
    expect(followUpCandidates(list, NOW).map((r) => r.taskId)).toEqual([
      "closed-recent",
      "open-old",
    ]);
  });
});
