import { describe, expect, it } from "vitest";
import {
  daysBefore,
  needsReferralCount,
  partnershipReminders,
  validateCrossTraining,
  validateUpkeep,
  type ReminderPartner,
  type UpkeepForm,
} from "./partnership";

const today = new Date(2026, 11, 2); // 2 Dec 2026, local

function partner(over: Partial<ReminderPartner> = {}): ReminderPartner {
  return {
    id: "p1",
    name: "Program",
    active: true,
    tier: 2,
    mouReview: "2027-06-30",
    crossTrainings: [{ date: "2026-05-01" }],
    ...over,
  };
}
const counted = (n: number) => new Map([["p1", n]]);
const kinds = (p: ReminderPartner, referrals = counted(3)) =>
  partnershipReminders([p], referrals, today).map((r) => r.kind);

describe("partnership reminders", () => {
  it("a partnership in good standing has none", () => {
    expect(kinds(partner())).toEqual([]);
  });

  it("MOU review: due within 60 days, overdue once past; the end date counts when there is no review date", () => {
    expect(kinds(partner({ mouReview: "2027-01-31" }))).toEqual(["mou-review-due"]);
    expect(kinds(partner({ mouReview: "2027-02-01" }))).toEqual([]);
    expect(kinds(partner({ mouReview: "2026-12-02" }))).toEqual(["mou-review-due"]);
    const overdue = partnershipReminders([partner({ mouReview: "2026-11-30" })], counted(1), today);
    expect(overdue).toEqual([
      {
        partnerId: "p1",
        partnerName: "Program",
        kind: "mou-review-overdue",
        date: "2026-11-30",
        days: -2,
      },
    ]);
    expect(kinds(partner({ mouReview: undefined, mouEnd: "2026-12-31" }))).toEqual([
      "mou-review-due",
    ]);
    expect(kinds(partner({ mouReview: undefined }))).toEqual([]);
  });

  it("no cross-training in the last year, or never", () => {
    expect(kinds(partner({ crossTrainings: [{ date: "2025-12-02" }] }))).toEqual([]);
    expect(kinds(partner({ crossTrainings: [{ date: "2025-12-01" }] }))).toEqual([
      "no-cross-training",
    ]);
    expect(kinds(partner({ crossTrainings: [] }))).toEqual(["no-cross-training"]);
    // The newest one counts, whatever the order.
    expect(
      kinds(partner({ crossTrainings: [{ date: "2026-10-01" }, { date: "2020-01-01" }] })),
    ).toEqual([]);
  });

  it("no referral in 90 days only for tier 2 and up, and only when the count came back", () => {
    expect(kinds(partner(), counted(0))).toEqual(["no-recent-referral"]);
    expect(kinds(partner({ tier: 1 }), counted(0))).toEqual([]);
    expect(kinds(partner({ tier: 4 }), counted(0))).toEqual(["no-recent-referral"]);
    expect(kinds(partner(), new Map())).toEqual([]);
    expect(needsReferralCount(partner({ tier: 1 }))).toBe(false);
    expect(needsReferralCount(partner({ active: false }))).toBe(false);
    expect(daysBefore(today, 90)).toBe("2026-09-03");
  });

  it("inactive partnerships get no reminders; the rest are sorted most urgent first", () => {
    expect(kinds(partner({ active: false, crossTrainings: [] }), counted(0))).toEqual([]);
    const list = partnershipReminders(
      [
        partner({ id: "a", name: "Alpha", crossTrainings: [] }),
        partner({ id: "b", name: "Beta", mouReview: "2026-12-20" }),
        partner({ id: "c", name: "Gamma", mouReview: "2026-01-01" }),
      ],
      new Map([
        ["a", 0],
        ["b", 2],
        ["c", 1],
      ]),
      today,
    );
    expect(list.map((r) => `${r.partnerName}:${r.kind}`)).toEqual([
      "Gamma:mou-review-overdue",
      "Beta:mou-review-due",
      "Alpha:no-recent-referral",
      "Alpha:no-cross-training",
    ]);
  });
});

const form = (over: Partial<UpkeepForm> = {}): UpkeepForm => ({
  tier: "2",
  collaboration: "collaborative",
  mouStart: "2025-01-01",
  mouEnd: "2027-12-31",
  mouReview: "",
  mouDocument: "",
  meetingCadence: "",
  clinicContactName: "",
  clinicContactReach: "",
  programContactName: "",
  programContactReach: "",
  onboarding: {
    "internal-lead": "",
    "mou-privacy-review": "",
    "referral-flow-mapping": "",
    "tier-decided": "",
    "roles-documented": "",
    "staff-trained": "",
  },
  ...over,
});

describe("upkeep form checks", () => {
  it("accepts a plain form and names each bad field", () => {
    expect(validateUpkeep(form(), today)).toEqual({});
    expect(
      validateUpkeep(
        form({
          mouEnd: "2024-12-31",
          mouReview: "2026-02-30",
          mouDocument: "file://share/mou.pdf",
          clinicContactReach: "not a phone",
          programContactReach: "director@program.example.org",
          onboarding: {
            ...form().onboarding,
            "internal-lead": "2026-12-03",
            "tier-decided": "soon",
          },
        }),
        today,
      ),
    ).toEqual({
      mouEnd: "endBeforeStart",
      mouReview: "date",
      mouDocument: "url",
      clinicContactReach: "reach",
      programContactName: "nameNeeded",
      "onboarding.internal-lead": "future",
      "onboarding.tier-decided": "date",
    });
  });

  it("a cross-training needs a past date, a direction, a topic and a positive whole count", () => {
    const ok = {
      date: "2026-12-02",
      direction: "clinic-at-program",
      topic: "Safety planning",
      attendees: "12",
    };
    expect(validateCrossTraining(ok, today)).toEqual({});
    expect(
      validateCrossTraining(
        { date: "2026-12-03", direction: "", topic: " ", attendees: "0" },
        today,
      ),
    ).toEqual({ date: "future", direction: "required", topic: "required", attendees: "attendees" });
    expect(validateCrossTraining({ ...ok, date: "", attendees: "2.5" }, today)).toEqual({
      date: "required",
      attendees: "attendees",
    });
  });
});
