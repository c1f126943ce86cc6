import { mouStatus } from "./mou";

const today = new Date(2026, 10, 22); // 22 Nov 2026, local
const aff = (mou: { mouStart?: string; mouEnd?: string; mouReview?: string }) => ({
  id: "a",
  tier: 2 as const,
  collaboration: "collaborative" as const,
  ...mou,
});

describe("MOU status", () => {
  it("none without an affiliation or without dates", () => {
    expect(mouStatus(undefined, today).status).toBe("none");
    expect(mouStatus(aff({}), today).status).toBe("none");
  });
  it("active when review and end are more than 60 days away", () => {
    const info = mouStatus(
      aff({ mouStart: "2025-01-01", mouEnd: "2027-12-31", mouReview: "2027-06-30" }),
      today,
    );
    expect(info.status).toBe("active");
    expect(info.daysToReview).toBeGreaterThan(60);
  });
  it("review due when the review date is within 60 days, on day 60 and when overdue", () => {
    expect(mouStatus(aff({ mouEnd: "2027-12-31", mouReview: "2026-12-15" }), today)).toMatchObject({
      status: "review-due",
      daysToReview: 23,
    });
    expect(mouStatus(aff({ mouReview: "2027-01-21" }), today)).toMatchObject({
      status: "review-due",
      daysToReview: 60,
    });
    expect(mouStatus(aff({ mouReview: "2027-01-22" }), today).status).toBe("active");
    expect(mouStatus(aff({ mouReview: "2026-10-01", mouEnd: "2027-12-31" }), today).status).toBe(
      "review-due",
    );
  });
  it("review due when the MOU ends within 60 days, even without a review date", () => {
    expect(mouStatus(aff({ mouEnd: "2026-12-31" }), today).status).toBe("review-due");
  });
  it("the end date itself is still in force; the day after it has expired", () => {
    expect(mouStatus(aff({ mouEnd: "2026-11-22" }), today).status).toBe("review-due");
    expect(mouStatus(aff({ mouEnd: "2026-11-21" }), today)).toMatchObject({
      status: "expired",
      daysToEnd: -1,
    });
  });
  it("expired wins over an overdue review", () => {
    expect(mouStatus(aff({ mouEnd: "2025-12-31", mouReview: "2025-10-01" }), today).status).toBe(
      "expired",
    );
  });
  it("not started when the start date is in the future", () => {
    expect(mouStatus(aff({ mouStart: "2027-01-01", mouEnd: "2029-01-01" }), today).status).toBe(
      "not-started",
    );
  });
});
