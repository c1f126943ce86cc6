import { describe, expect, it } from "vitest";
import {
  backActions,
  backConsentState,
  checkReferralBackDraft,
  defaultUrgency,
  emptyReferralBackDraft,
  mayMatch,
  sameBirthDate,
  shownToClinic,
  sortIncoming,
  type ReferralBack,
  type ReferralBackDraft,
} from "./incomingReferral";
import { checkTransition, INCOMING_TRANSITIONS } from "./taskLifecycle";

const today = new Date("2026-12-02T12:00:00Z");
const good = (): ReferralBackDraft => ({
  ...emptyReferralBackDraft(),
  reason: "next-day-appointment",
  urgency: "urgent",
  givenName: "Ana",
  familyName: "Example",
  birthDate: "1990-04-02",
  language: "es",
  safeContact: { noContact: false, safePhone: "555-0142", voicemailOk: false },
  consent: true,
});

describe("the advocate's form", () => {
  it("a complete draft has no problems", () => {
    expect(checkReferralBackDraft(good(), today)).toEqual([]);
  });
  it("names each missing or wrong field, in the form's order", () => {
    expect(checkReferralBackDraft(emptyReferralBackDraft(), today)).toEqual([
      "reason-missing",
      "name-missing",
      "birth-date-missing",
      "contact-missing",
      "consent-missing",
    ]);
    expect(checkReferralBackDraft({ ...good(), birthDate: "02/04/1990" }, today)).toEqual([
      "birth-date-invalid",
    ]);
    expect(checkReferralBackDraft({ ...good(), birthDate: "2030-01-01" }, today)).toEqual([
      "birth-date-future",
    ]);
    expect(checkReferralBackDraft({ ...good(), reason: "other" }, today)).toEqual([
      "reason-text-missing",
    ]);
    expect(checkReferralBackDraft({ ...good(), consentDays: 0 }, today)).toEqual([
      "consent-days-invalid",
    ]);
  });
  it("no contact needs no phone", () => {
    expect(checkReferralBackDraft({ ...good(), safeContact: { noContact: true } }, today)).toEqual(
      [],
    );
  });
  it("a next-day appointment starts as urgent", () => {
    expect(defaultUrgency("next-day-appointment")).toBe("urgent");
    expect(defaultUrgency("hiv-sti-testing")).toBe("routine");
  });
});

describe("the lifecycle of a referral back (clinic = performer, partner = requester)", () => {
  it("the clinic accepts or declines a new one; the partner may only cancel", () => {
    expect(backActions("performer", "requested").map((t) => t.action)).toEqual([
      "accept",
      "decline",
    ]);
    expect(backActions("requester", "requested").map((t) => t.action)).toEqual(["cancel"]);
  });
  it("after accepting: offer, book, could not reach; completion once under way", () => {
    expect(backActions("performer", "accepted").map((t) => t.action)).toEqual([
      "offer-appointment",
      "book-appointment",
      "could-not-reach",
    ]);
    expect(backActions("performer", "in-progress").map((t) => t.action)).toEqual([
      "offer-appointment",
      "book-appointment",
      "could-not-reach",
      "complete-seen",
    ]);
  });
  it("the partner may not book, the clinic may not cancel", () => {
    const book = { from: "accepted", to: "in-progress", businessStatus: "scheduled" };
    expect(checkTransition("requester", book, INCOMING_TRANSITIONS)).toMatchObject({
      ok: false,
      problem: "wrong-party",
    });
    const cancel = {
      from: "accepted",
      to: "cancelled",
      businessStatus: "fulfillment-cancelled",
      reasonCode: "got-help",
    };
    expect(checkTransition("performer", cancel, INCOMING_TRANSITIONS)).toMatchObject({
      ok: false,
      problem: "wrong-party",
    });
    expect(checkTransition("requester", cancel, INCOMING_TRANSITIONS).ok).toBe(true);
  });
  it("declining needs a reason in words", () => {
    const decline = {
      from: "requested",
      to: "rejected",
      businessStatus: "declined",
      reasonCode: "no-capacity",
    };
    expect(checkTransition("performer", decline, INCOMING_TRANSITIONS)).toMatchObject({
      problem: "reason-text-missing",
    });
    expect(
      checkTransition("performer", { ...decline, reasonText: "No slots" }, INCOMING_TRANSITIONS).ok,
    ).toBe(true);
  });
});

const referral = (over: Partial<ReferralBack> = {}): ReferralBack => ({
  taskId: "t1",
  version: "1",
  status: "requested",
  priority: "urgent",
  consent: "active",
  registrationNeeded: false,
  client: { givenName: "Ana", familyName: "Example", birthDate: "1990-04-02" },
  safeContact: { noContact: false, safePhone: "555-0142" },
  ...over,
});

describe("what the clinic's staff see", () => {
  it("everything the consent covers while it is active and the client is not matched", () => {
    expect(shownToClinic(referral()).client?.givenName).toBe("Ana");
    expect(shownToClinic(referral()).safeContact?.safePhone).toBe("555-0142");
  });
  it("neither identity nor contact once the consent is withdrawn or expired", () => {
    for (const consent of ["withdrawn", "expired", "unavailable"] as const) {
      const shown = shownToClinic(referral({ consent, reasonText: "x" }));
      expect(shown.client).toBeUndefined();
      expect(shown.safeContact).toBeUndefined();
      expect(shown.reasonText).toBeUndefined();
    }
  });
  it("no partner-given identity once matched (the EHR's record is the one)", () => {
    expect(shownToClinic(referral({ matchedPatient: "Patient/p1" })).client).toBeUndefined();
  });
  it("consent states from status and period", () => {
    expect(backConsentState(undefined, today)).toBe("unavailable");
    expect(backConsentState({ status: "active", end: "2027-01-01T00:00:00Z" }, today)).toBe(
      "active",
    );
    expect(backConsentState({ status: "active", end: "2026-01-01T00:00:00Z" }, today)).toBe(
      "expired",
    );
    expect(backConsentState({ status: "inactive" }, today)).toBe("withdrawn");
  });
});

describe("worklist order and matching", () => {
  it("open first, then most urgent, then the one waiting longest", () => {
    const list = [
      referral({ taskId: "closed", status: "completed", priority: "asap" }),
      referral({ taskId: "routine", priority: "routine", authoredOn: "2026-12-01" }),
      referral({ taskId: "urgent-new", authoredOn: "2026-12-02" }),
      referral({ taskId: "urgent-old", authoredOn: "2026-11-30" }),
    ];
    expect(sortIncoming(list).map((r) => r.taskId)).toEqual([
      "urgent-old",
      "urgent-new",
      "routine",
      "closed",
    ]);
  });
  it("matching only on an accepted, unmatched referral", () => {
    expect(mayMatch(referral())).toBe(false);
    expect(mayMatch(referral({ status: "accepted" }))).toBe(true);
    expect(mayMatch(referral({ status: "accepted", matchedPatient: "Patient/p" }))).toBe(false);
    expect(mayMatch(referral({ status: "accepted", consent: "withdrawn" }))).toBe(false);
  });
  it("candidates must share the birth date", () => {
    const c = [
      { id: "a", name: "Ana Example", birthDate: "1990-04-02" },
      { id: "b", name: "Ana Example", birthDate: "1991-04-02" },
    ];
    expect(sameBirthDate(c, "1990-04-02").map((x) => x.id)).toEqual(["a"]);
    expect(sameBirthDate(c, undefined)).toEqual([]);
  });
});
