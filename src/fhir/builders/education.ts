import type { Bundle, Extension, Procedure } from "fhir/r4";
import { CARD_TYPES_PART, CODE_SYSTEM, EXTENSION, PROFILE } from "../canonical";
import type { CardOffered, CardType, Setting } from "../../domain/journey";
import { clientIdentifier, createEntry, dsvSecurity, ref, type LabelPolicy } from "./common";

// The universal-education Procedure (wr-universal-education): offered to everyone, implies no
// disclosure, carries no reason, note or finding — only which cards, in which language.

/** The clinic's card types → wr-safety-card-type codes. */
export const CARD_TYPE_CODE: Record<CardType, string> = {
  general: "healthy-relationships",
  adolescent: "teen-relationships",
  "reproductive-health": "reproductive-health",
  trafficking: "work-and-exploitation",
  lgbtq: "lgbtq-relationships",
  native: "healthy-relationships",
  disability: "disability",
  elder: "older-adults",
};

export interface EducationInput {
  clientId: string;
  patientId: string;
  encounterId: string | null;
  /** The signed-in user: "Practitioner/…" or "PractitionerRole/…". */
  performer: string;
  performedAt: string;
  cards: CardOffered[];
  labelPolicy: LabelPolicy;
  /** Where the conversation happened (wr-visit-setting), so reports can count by setting. */
  setting?: Setting;
}

/** The wr-visit-setting extension (a code only). */
export function settingExtension(setting: Setting): Extension {
  return {
    url: EXTENSION.visitSetting,
    valueCoding: { system: CODE_SYSTEM.visitSetting, code: setting },
  };
}

/** One extension per card type + language, with a count. */
function cardExtensions(cards: CardOffered[]): Extension[] {
  const counts = new Map<string, { code: string; language: string; count: number }>();
  for (const card of cards) {
    const code = CARD_TYPE_CODE[card.type];
    const key = `${code}|${card.language}`;
    const entry = counts.get(key) ?? { code, language: card.language, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].map((c) => ({
    url: EXTENSION.cardTypes,
    extension: [
      {
        url: CARD_TYPES_PART.type,
        valueCoding: { system: CODE_SYSTEM.safetyCardType, code: c.code },
      },
      { url: CARD_TYPES_PART.language, valueCode: c.language },
      { url: CARD_TYPES_PART.count, valuePositiveInt: c.count },
    ],
  }));
}

export function buildUniversalEducation(input: EducationInput): Procedure {
  if (input.cards.length === 0) throw new Error("Universal education records at least one card");
  return {
    resourceType: "Procedure",
    meta: { profile: [PROFILE.universalEducation], security: dsvSecurity(input.labelPolicy) },
    extension: [
      ...cardExtensions(input.cards),
      ...(input.setting ? [settingExtension(input.setting)] : []),
    ],
    identifier: [clientIdentifier(input.clientId)],
    status: "completed",
    // A code only, no display (label-blind portals show displays; DESIGN.md invariant 8).
    code: { coding: [{ system: CODE_SYSTEM.activity, code: "universal-education" }] },
    subject: { reference: ref("Patient", input.patientId) },
    ...(input.encounterId ? { encounter: { reference: ref("Encounter", input.encounterId) } } : {}),
    performedDateTime: input.performedAt,
    performer: [{ actor: { reference: input.performer } }],
  };
}

/** The education record alone, as a one-entry transaction (labels never half-applied). */
export function buildEducationBundle(input: EducationInput): Bundle {
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [createEntry(buildUniversalEducation(input), input.clientId)],
  };
}
