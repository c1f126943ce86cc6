import {
  isCadence,
  isDirection,
  isOnboardingStep,
  sortTrainings,
  type CrossTraining,
  type Partnership,
  type PointOfContact,
} from "../domain/partnership";
import { CODE_SYSTEM, EXTENSION, TASK_CODE_SYSTEM } from "./canonical";
import type { FhirHttp } from "./http";
import { countBundleSchema } from "./schemas";

// Partnership upkeep read from the PartnerAffiliation's extensions (wr-partnership-contact,
// wr-mou-document, wr-meeting-cadence, wr-onboarding-step, wr-cross-training; profiled in
// fhir-profiles/input/fsh/extensions.fsh) → the domain's Partnership. Liberal: an extension
// that does not read as ours is left out of the model (and kept on the resource by the writes).
// Also the referral count of the "no referral in 90 days" reminder: a `_summary=count` search.

/** The extension URLs the upkeep owns (the builder replaces exactly these). */
export const UPKEEP_EXTENSIONS: readonly string[] = [
  EXTENSION.partnershipContact,
  EXTENSION.mouDocument,
  EXTENSION.meetingCadence,
  EXTENSION.onboardingStep,
  EXTENSION.crossTraining,
];

interface ExtensionJson {
  url?: string;
  extension?: ExtensionJson[];
  valueString?: string;
  valueCode?: string;
  valueDate?: string;
  valueUrl?: string;
  valuePositiveInt?: number;
  valueCoding?: { system?: string; code?: string };
  valueContactPoint?: { system?: string; value?: string };
}

function part(ext: ExtensionJson, name: string): ExtensionJson | undefined {
  return ext.extension?.find((e) => e.url === name);
}

function contactOf(ext: ExtensionJson): PointOfContact | undefined {
  const name = part(ext, "name")?.valueString?.trim();
  if (!name) return undefined;
  const telecom = (ext.extension ?? [])
    .filter((e) => e.url === "telecom")
    .map((e) => e.valueContactPoint);
  const phone = telecom.find((t) => t?.system === "phone" && t.value)?.value;
  const email = telecom.find((t) => t?.system === "email" && t.value)?.value;
  return { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
}

function trainingOf(ext: ExtensionJson): CrossTraining | undefined {
  const date = part(ext, "date")?.valueDate;
  const direction = part(ext, "direction")?.valueCode;
  const topic = part(ext, "topic")?.valueString;
  const attendees = part(ext, "attendees")?.valuePositiveInt;
  if (!date || !isDirection(direction) || !topic || typeof attendees !== "number") return undefined;
  return { date: date.slice(0, 10), direction, topic, attendees };
}

/** The partnership record of an affiliation (from its extensions). */
export function readPartnership(affiliation: { extension?: unknown[] } | undefined): Partnership {
  const list = (affiliation?.extension ?? []) as ExtensionJson[];
  const out: Partnership = { onboarding: {}, crossTrainings: [] };
  const trainings: CrossTraining[] = [];
  for (const ext of list) {
    switch (ext.url) {
      case EXTENSION.partnershipContact: {
        const side = part(ext, "side")?.valueCode;
        const contact = contactOf(ext);
        if (contact && side === "clinic" && !out.clinicContact) out.clinicContact = contact;
        if (contact && side === "program" && !out.programContact) out.programContact = contact;
        break;
      }
      case EXTENSION.mouDocument:
        if (ext.valueUrl) out.mouDocument = ext.valueUrl;
        break;
      case EXTENSION.meetingCadence: {
        const code = ext.valueCoding?.code;
        if (ext.valueCoding?.system === CODE_SYSTEM.meetingCadence && isCadence(code))
          out.meetingCadence = code;
        break;
      }
      case EXTENSION.onboardingStep: {
        const step = part(ext, "step")?.valueCode;
        const done = part(ext, "done")?.valueDate;
        if (isOnboardingStep(step) && done) out.onboarding[step] = done.slice(0, 10);
        break;
      }
      case EXTENSION.crossTraining: {
        const training = trainingOf(ext);
        if (training) trainings.push(training);
        break;
      }
    }
  }
  out.crossTrainings = sortTrainings(trainings);
  return out;
}

// ---- the "no referral in 90 days" count ----------------------------------------------------

/**
 * Referrals with the partner since `since` (YYYY-MM-DD), both ways: the clinic's referral Tasks
 * the partner owns, and the partner's referrals back (Tasks it requested). Counts only.
 */
export function referralCountPaths(partnerId: string, since: string): string[] {
  const org = `Organization/${partnerId}`;
  const common: [string, string][] = [
    ["code", `${TASK_CODE_SYSTEM}|fulfill`],
    ["authored-on", `ge${since}`],
    ["_summary", "count"],
  ];
  return (["owner", "requester"] as const).map(
    (who) => `Task?${new URLSearchParams([[who, org], ...common]).toString()}`,
  );
}

/** How many referrals the partner had since `since`, both directions together. */
export async function countRecentReferrals(
  http: FhirHttp,
  partnerId: string,
  since: string,
): Promise<number> {
  const totals = await Promise.all(
    referralCountPaths(partnerId, since).map(
      async (path) => (await http.request(countBundleSchema, path)).body.total,
    ),
  );
  return totals.reduce((a, b) => a + b, 0);
}

/**
 * What is wrong with an affiliation's upkeep extensions (the import's structural mirror of the
 * profile): each one must read as ours, or the whole bundle is refused, naming it.
 */
export function upkeepProblems(affiliation: { extension?: unknown[] }): string[] {
  const out: string[] = [];
  ((affiliation.extension ?? []) as ExtensionJson[]).forEach((ext, i) => {
    if (!ext.url || !UPKEEP_EXTENSIONS.includes(ext.url)) return;
    const one = readPartnership({ extension: [ext] });
    const name = ext.url.replace(/^.*\//, "");
    const ok =
      ext.url === EXTENSION.partnershipContact
        ? Boolean(one.clinicContact ?? one.programContact)
        : ext.url === EXTENSION.mouDocument
          ? /^https?:\/\/\S+$/.test(one.mouDocument ?? "")
          : ext.url === EXTENSION.meetingCadence
            ? Boolean(one.meetingCadence)
            : ext.url === EXTENSION.onboardingStep
              ? Object.keys(one.onboarding).length === 1 &&
                /^\d{4}-\d{2}-\d{2}$/.test(Object.values(one.onboarding)[0] ?? "")
              : one.crossTrainings.length === 1 &&
                /^\d{4}-\d{2}-\d{2}$/.test(one.crossTrainings[0]?.date ?? "") &&
                Number.isInteger(one.crossTrainings[0]?.attendees) &&
                (one.crossTrainings[0]?.attendees ?? 0) >= 1;
    if (!ok) out.push(`extension[${i}] (${name}) does not match its definition`);
  });
  return out;
}

/** Does the affiliation carry any partnership upkeep? */
export function hasUpkeep(affiliation: { extension?: unknown[] } | undefined): boolean {
  return ((affiliation?.extension ?? []) as ExtensionJson[]).some(
    (e) => e.url !== undefined && UPKEEP_EXTENSIONS.includes(e.url),
  );
}
