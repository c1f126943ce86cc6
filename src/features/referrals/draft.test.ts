import type { PartnerMatch } from "../../domain/partnerMatch";
import type { SupportSummary } from "../../domain/journey";
import {
  canAdvance,
  changedParts,
  choosePartner,
  freshDraft,
  handoffsFor,
  isUnsaved,
  NO_PARTNER,
  partnerPhone,
  previousStep,
  toReferralInput,
  type ReferralDraft,
} from "./draft";

// The referral draft's rules without a DOM: every step's advance rule, allowed and refused.

const match = (over: Partial<PartnerMatch> = {}): PartnerMatch =>
  ({
    partner: {
      id: "org-a",
      name: "Alpha",
      active: true,
      types: [],
      services: [],
      phone: "555-0100",
    },
    services: [
      {
        id: "hs-a",
        name: "Alpha line",
        services: [],
        languages: [],
        open24x7: false,
        hours: [],
        walkIn: false,
      },
    ],
    covered: [],
    missing: [],
    languageMatch: true,
    openNow: true,
    open24x7: false,
    openLine: "555-0101",
    tier: 2,
    referable: true,
    ...over,
  }) as PartnerMatch;

const now = new Date("2026-11-22T10:00:00Z");
const draft = (over: Partial<ReferralDraft> = {}): ReferralDraft => ({
  ...freshDraft(now, 90, "About your appointment"),
  ...over,
});
const all = handoffsFor(match(), false, false);

describe("the referral draft", () => {
  it("starts on the partner step, nothing chosen, the consent ending after the clinic's days", () => {
    const d = draft();
    expect(d.step).toBe("partner");
    expect(d.consentEnd).toBe("2027-02-20");
    expect(d.safeContact).toEqual({
      noContact: false,
      voicemailOk: false,
      mayNameAgency: false,
      coverStory: "About your appointment",
    });
    expect(new Set(Object.values(d.ids)).size).toBe(3);
    expect(isUnsaved(d)).toBe(false);
    expect(isUnsaved({ ...d, partnerId: "org-a" })).toBe(true);
    expect(isUnsaved({ ...d, consentAgreed: true })).toBe(true);
    expect(isUnsaved({ ...d, partnerId: "org-a", step: "done" })).toBe(false);
  });

  describe("partner step", () => {
    it("refuses without a partner (or 'no partner')", () => {
      expect(
        canAdvance("partner", draft({ handoff: "hotline" }), { chosen: null, handoffs: all }),
      ).toEqual({ ok: false, problem: "choosePartner" });
    });
    it("refuses without a handoff, or with one not on offer", () => {
      const chosen = match();
      expect(
        canAdvance("partner", draft({ partnerId: "org-a" }), { chosen, handoffs: all }),
      ).toEqual({ ok: false, problem: "handoffLegend" });
      const closed = match({ openLine: undefined });
      const offered = handoffsFor(closed, false, false);
      expect(offered).not.toContain("call-together");
      expect(
        canAdvance("partner", draft({ partnerId: "org-a", handoff: "call-together" }), {
          chosen: closed,
          handoffs: offered,
        }),
      ).toEqual({ ok: false, problem: "handoffLegend" });
    });
    it("allows a partner and a handoff on offer: on to consent", () => {
      expect(
        canAdvance("partner", draft({ partnerId: "org-a", handoff: "call-together" }), {
          chosen: match(),
          handoffs: all,
        }),
      ).toEqual({ ok: true, next: "consent" });
    });
    it("without a partner only the hotline or a card, and straight to review", () => {
      const handoffs = handoffsFor(null, true, false);
      expect(handoffs).toEqual(["hotline", "card-only"]);
      const none = choosePartner(draft({ handoff: "chat" }), NO_PARTNER);
      expect(none.handoff).toBeNull();
      expect(canAdvance("partner", none, { chosen: null, handoffs })).toEqual({
        ok: false,
        problem: "noPartnerHandoffOnly",
      });
      const hotline = choosePartner(draft({ handoff: "hotline" }), NO_PARTNER);
      expect(hotline.handoff).toBe("hotline");
      expect(canAdvance("partner", hotline, { chosen: null, handoffs })).toEqual({
        ok: true,
        next: "review",
      });
      expect(choosePartner(draft({ handoff: "chat" }), "org-a").handoff).toBe("chat");
    });
    it("after hours puts the hotline first", () => {
      expect(handoffsFor(match(), false, true)[0]).toBe("hotline");
      expect(handoffsFor(match(), false, false)[0]).toBe("onsite-advocate");
    });
  });

  describe("consent step", () => {
    const chosen = { chosen: match(), handoffs: all };
    const ready = draft({
      partnerId: "org-a",
      handoff: "hotline",
      consentAgreed: true,
      safeContact: { noContact: false, safePhone: "503-555-0199" },
    });
    it("refuses without the patient's agreement or an end date", () => {
      expect(canAdvance("consent", { ...ready, consentAgreed: false }, chosen)).toEqual({
        ok: false,
        problem: "consentNeeded",
      });
      expect(canAdvance("consent", { ...ready, consentEnd: "" }, chosen)).toEqual({
        ok: false,
        problem: "consentNeeded",
      });
    });
    it("refuses contact without a safe phone (blank counts as none)", () => {
      expect(
        canAdvance(
          "consent",
          { ...ready, safeContact: { noContact: false, safePhone: "  " } },
          chosen,
        ),
      ).toEqual({ ok: false, problem: "phoneNeeded" });
    });
    it("allows a safe phone, or no contact at all: on to review", () => {
      expect(canAdvance("consent", ready, chosen)).toEqual({ ok: true, next: "review" });
      expect(canAdvance("consent", { ...ready, safeContact: { noContact: true } }, chosen)).toEqual(
        { ok: true, next: "review" },
      );
    });
  });

  describe("review step", () => {
    it("sends only with a partner (or none) and a handoff", () => {
      const d = draft({ partnerId: "org-a", handoff: "hotline" });
      expect(canAdvance("review", d, { chosen: match(), handoffs: all })).toEqual({
        ok: true,
        next: "done",
      });
      expect(canAdvance("review", d, { chosen: null, handoffs: all })).toEqual({ ok: false });
      expect(
        canAdvance("review", { ...d, handoff: null }, { chosen: match(), handoffs: all }),
      ).toEqual({ ok: false });
      expect(
        canAdvance("review", draft({ partnerId: NO_PARTNER, handoff: "card-only" }), {
          chosen: null,
          handoffs: all,
        }),
      ).toEqual({ ok: true, next: "done" });
    });
    it("done is the end", () => {
      expect(canAdvance("done", draft(), { chosen: match(), handoffs: all })).toEqual({
        ok: false,
      });
    });
    it("back skips the consent step without a partner", () => {
      expect(previousStep("review", draft({ partnerId: "org-a" }))).toBe("consent");
      expect(previousStep("review", draft({ partnerId: NO_PARTNER }))).toBe("partner");
      expect(previousStep("consent", draft())).toBe("partner");
    });
  });

  it("names each changed part once", () => {
    expect(changedParts(["partner", "partnerService", "consentEnd", "consentActive"])).toEqual([
      "partner",
      "consent",
    ]);
  });

  it("the partner's phone is a service's, else the Organization's", () => {
    expect(partnerPhone(match())).toBe("555-0100");
    const withLine = match();
    withLine.services = [{ ...withLine.services[0]!, phone: "555-0199" }];
    expect(partnerPhone(withLine)).toBe("555-0199");
  });
});

describe("toReferralInput", () => {
  const support: SupportSummary = {
    language: "es",
    needs: ["legal-advocacy"],
    urgency: "now",
    educationRecorded: false,
    education: {
      clientId: "edu-1",
      offeredAt: "2026-11-22T09:50:00.000Z",
      cards: [{ id: "general", type: "general", language: "es" }],
    },
    setting: "telehealth-video",
  };
  const context = {
    patientId: "pat-1",
    encounterId: "enc-1",
    requester: "Practitioner/dr",
    clinicOrganization: "Organization/clinic",
    labelPolicy: { nopat: true },
    followUpAfter: 2,
  };
  const d = { ...draft({ partnerId: "org-a" }), handoff: "call-together" as const };

  it("carries the partner and its first service, the urgency as priority, dates from the send", () => {
    const input = toReferralInput(d, match(), support, context, "2026-11-22T10:20:00.000Z");
    expect(input).toMatchObject({
      ids: d.ids,
      patientId: "pat-1",
      encounterId: "enc-1",
      partnerOrganizationId: "org-a",
      partnerServiceId: "hs-a",
      services: ["legal-advocacy"],
      priority: "asap",
      handoff: "call-together",
      authoredAt: "2026-11-22T10:20:00.000Z",
      followUpDue: "2026-11-24T10:20:00.000Z",
      setting: "telehealth-video",
      education: {
        clientId: "edu-1",
        performer: "Practitioner/dr",
        cards: support.education?.cards,
      },
    });
    expect(input.consentEnd).toBe(new Date("2027-02-20T23:59:59").toISOString());
  });

  it("without a partner names none; recorded education is not sent again", () => {
    const input = toReferralInput(
      { ...d, partnerId: NO_PARTNER },
      null,
      { ...support, educationRecorded: true, setting: undefined },
      context,
      "2026-11-22T10:20:00.000Z",
    );
    expect(input).not.toHaveProperty("partnerOrganizationId");
    expect(input).not.toHaveProperty("partnerServiceId");
    expect(input).not.toHaveProperty("education");
    expect(input).not.toHaveProperty("setting");
  });
});
