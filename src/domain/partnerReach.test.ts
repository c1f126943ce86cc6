import { CLINICAL_TYPES, reachBeyondPolicy, type PartnerReachCounts } from "./partnerReach";

const clinical = (n: number | "refused") =>
  Object.fromEntries(CLINICAL_TYPES.map((t) => [t, n])) as PartnerReachCounts["clinical"];

const within: PartnerReachCounts = {
  ownTasks: 3,
  requestedTasks: 1,
  visible: { Task: 4, ServiceRequest: 3, Consent: 4, Patient: "refused" },
  clinical: clinical("refused"),
};

describe("a partner user's reach against the policy", () => {
  it("finds nothing when every count stays within the program's referrals", () => {
    expect(reachBeyondPolicy(within)).toEqual([]);
    expect(reachBeyondPolicy({ ...within, clinical: clinical(0) })).toEqual([]);
  });

  it("finds Tasks, referrals and consents of other programs", () => {
    expect(
      reachBeyondPolicy({
        ...within,
        visible: { Task: 9, ServiceRequest: 5, Consent: 4, Patient: 3 },
      }),
    ).toEqual([
      { type: "Task", visible: 9, expectedAtMost: 4 },
      { type: "ServiceRequest", visible: 5, expectedAtMost: 4 },
    ]);
  });

  it("finds patients beyond the clients of the program's own referrals", () => {
    expect(reachBeyondPolicy({ ...within, visible: { ...within.visible, Patient: 4 } })).toEqual([
      { type: "Patient", visible: 4, expectedAtMost: 3 },
    ]);
  });

  it("finds any clinical record the user can count", () => {
    expect(
      reachBeyondPolicy({ ...within, clinical: { ...clinical(0), Procedure: 1, Encounter: 12 } }),
    ).toEqual([
      { type: "Procedure", visible: 1, expectedAtMost: 0 },
      { type: "Encounter", visible: 12, expectedAtMost: 0 },
    ]);
  });
});
