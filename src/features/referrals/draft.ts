import {
  addDays,
  HANDOFF_METHODS,
  newClientId,
  priorityFor,
  type HandoffMethod,
  type SafeContact,
  type SupportSummary,
} from "../../domain/journey";
import type { PartnerMatch } from "../../domain/partnerMatch";
import type { Partner } from "../../domain/partner";
import type { ReferralIds, ReferralInput } from "../../fhir/builders/referral";
import type { StaffText } from "../../content/packs/types";
import type { ContentField } from "./api/sendReferral";

// The warm referral's draft and its rules, without React: the step order, what each step
// needs before the next one opens, and the ReferralInput the draft becomes. The draft lives in
// memory only (useRemembered); its identifiers are made once, so every retry sends the same
// conditional creates.

export const REFERRAL_STEPS = ["partner", "consent", "review", "done"] as const;
export type Step = (typeof REFERRAL_STEPS)[number];

/** The partner choice "no partner": a hotline-only or card-only handoff, nothing shared. */
export const NO_PARTNER = "none";
export const NO_PARTNER_HANDOFFS: readonly HandoffMethod[] = ["hotline", "card-only"];

export interface ReferralDraft {
  ids: ReferralIds;
  step: Step;
  partnerId: string | null;
  handoff: HandoffMethod | null;
  consentAgreed: boolean;
  /** A date (YYYY-MM-DD): the consent ends at the end of that day. */
  consentEnd: string;
  safeContact: SafeContact;
  /** Fixed at the first send, so every retry sends the very same bundle. */
  authoredAt: string | null;
  sent: string[] | null;
  /** What a retry brought up to date on the server after a lost answer (api/sendReferral.ts). */
  updated: ContentField[];
}

export const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

export function freshDraft(now: Date, consentDays: number, coverStory: string): ReferralDraft {
  return {
    ids: { consent: newClientId(), serviceRequest: newClientId(), task: newClientId() },
    step: "partner",
    partnerId: null,
    handoff: null,
    consentAgreed: false,
    consentEnd: dateOnly(addDays(now, consentDays)),
    safeContact: { noContact: false, voicemailOk: false, mayNameAgency: false, coverStory },
    authoredAt: null,
    sent: null,
    updated: [],
  };
}

/** Choosing a partner; "no partner" keeps only a handoff that needs none. */
export function choosePartner(draft: ReferralDraft, partnerId: string): ReferralDraft {
  if (partnerId !== NO_PARTNER) return { ...draft, partnerId };
  const keep = draft.handoff && NO_PARTNER_HANDOFFS.includes(draft.handoff);
  return { ...draft, partnerId, handoff: keep ? draft.handoff : null };
}

/**
 * The handoffs on offer: without a partner only the hotline or a card; a three-way call only
 * with a line that answers now; after hours the hotline first.
 */
export function handoffsFor(
  chosen: PartnerMatch | null,
  noPartner: boolean,
  afterHours: boolean,
): HandoffMethod[] {
  return HANDOFF_METHODS.filter((m) =>
    noPartner
      ? NO_PARTNER_HANDOFFS.includes(m)
      : m !== "call-together" || !chosen || Boolean(chosen.openLine),
  ).sort((a, b) => (afterHours ? Number(b === "hotline") - Number(a === "hotline") : 0));
}

/** What the directory says about the draft's partner choice. */
export interface PartnerContext {
  /** The matched partner the draft names, when it names one that can be referred to. */
  chosen: PartnerMatch | null;
  /** The handoffs on offer for that choice (handoffsFor). */
  handoffs: readonly HandoffMethod[];
}

type Problem = keyof Pick<
  StaffText,
  "choosePartner" | "handoffLegend" | "noPartnerHandoffOnly" | "consentNeeded" | "phoneNeeded"
>;
export type Advance = { ok: true; next: Step } | { ok: false; problem?: Problem };

/** Whether the draft may leave `step` forwards, and to where; else the problem to show. */
export function canAdvance(step: Step, draft: ReferralDraft, context: PartnerContext): Advance {
  const noPartner = draft.partnerId === NO_PARTNER;
  switch (step) {
    case "partner":
      if (!context.chosen && !noPartner) return { ok: false, problem: "choosePartner" };
      if (!draft.handoff || !context.handoffs.includes(draft.handoff))
        return { ok: false, problem: noPartner ? "noPartnerHandoffOnly" : "handoffLegend" };
      return { ok: true, next: noPartner ? "review" : "consent" };
    case "consent":
      if (!draft.consentAgreed || !draft.consentEnd) return { ok: false, problem: "consentNeeded" };
      if (!draft.safeContact.noContact && !draft.safeContact.safePhone?.trim())
        return { ok: false, problem: "phoneNeeded" };
      return { ok: true, next: "review" };
    case "review":
      // Sent, not advanced by hand: only a draft with a partner (or none) and a handoff.
      return (context.chosen || noPartner) && draft.handoff
        ? { ok: true, next: "done" }
        : { ok: false };
    case "done":
      return { ok: false };
  }
}

/** The step Back leads to (the consent step is skipped without a partner). */
export function previousStep(step: Step, draft: ReferralDraft): Step {
  if (step === "review") return draft.partnerId === NO_PARTNER ? "partner" : "consent";
  return step === "consent" ? "partner" : step;
}

/** Leaving now would lose a referral being written (the draft is in memory only). */
export const isUnsaved = (d: ReferralDraft) =>
  d.step !== "done" && (d.partnerId !== null || d.consentAgreed);

/** Which named part of the referral a changed field belongs to, for the done screen. */
export const CHANGED_PART = {
  partner: "partner",
  partnerService: "partner",
  services: "services",
  priority: "priority",
  handoff: "handoff",
  safeContact: "safeContact",
  consentEnd: "consent",
  consentActive: "consent",
} as const satisfies Record<ContentField, string>;

/** The parts a retry changed on the server, each once. */
export const changedParts = (fields: readonly ContentField[]) => [
  ...new Set(fields.map((field) => CHANGED_PART[field])),
];

/** The partner's phone: its first service with one, else the Organization's. */
export function partnerPhone(m: PartnerMatch): string | undefined {
  return m.services.find((s) => s.phone)?.phone ?? (m.partner as Partner).phone;
}

/** Who and where the referral is written, from the session. */
export interface ReferralContext {
  patientId: string;
  encounterId: string | null;
  requester: string;
  clinicOrganization: string;
  labelPolicy: ReferralInput["labelPolicy"];
  /** Days until the clinic follows up (followUpDays for the urgency). */
  followUpAfter: number;
}

/** The builder's input for the draft, sent at `authoredAt` (fixed at the first send). */
export function toReferralInput(
  draft: ReferralDraft & { handoff: HandoffMethod },
  chosen: PartnerMatch | null,
  support: SupportSummary,
  context: ReferralContext,
  authoredAt: string,
): ReferralInput {
  return {
    ids: draft.ids,
    patientId: context.patientId,
    encounterId: context.encounterId,
    requester: context.requester,
    clinicOrganization: context.clinicOrganization,
    ...(chosen ? { partnerOrganizationId: chosen.partner.id } : {}),
    ...(chosen?.services[0] ? { partnerServiceId: chosen.services[0].id } : {}),
    services: support.needs,
    priority: priorityFor(support.urgency),
    handoff: draft.handoff,
    safeContact: draft.safeContact,
    authoredAt,
    consentEnd: new Date(`${draft.consentEnd}T23:59:59`).toISOString(),
    followUpDue: addDays(new Date(authoredAt), context.followUpAfter).toISOString(),
    labelPolicy: context.labelPolicy,
    ...(support.setting ? { setting: support.setting } : {}),
    ...(support.education && !support.educationRecorded
      ? {
          education: {
            clientId: support.education.clientId,
            performer: context.requester,
            performedAt: support.education.offeredAt,
            cards: support.education.cards,
          },
        }
      : {}),
  };
}
