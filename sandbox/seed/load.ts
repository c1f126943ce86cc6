// Synthetic load for the sandbox: N warm referrals (ServiceRequest + Task, labelled as the app
// writes them), spread over the 24 months before `now`, with Tasks across every state of the
// lifecycle and the dates the report's timings read (executionPeriod), plus universal-education
// Procedures. Deterministic (seeded), so two runs load the same data. Used by
// `npm run seed:load -- N` (POST /sandbox/seed-load on a running sandbox) and `npm run bench`.

import type { Resource } from "@medplum/fhirtypes";
import type { BusinessStatus } from "../../src/domain/taskLifecycle";
import { businessStatusConcept } from "../../src/fhir/businessStatus";
import {
  CARD_TYPES_PART,
  CODE_SYSTEM,
  EXTENSION,
  PROFILE,
  REFERRAL_CODE,
  SDOHCC_TEMP,
  TASK_CODE_SYSTEM,
} from "../../src/fhir/canonical";

const SECURITY = [
  { system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R" },
  { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "SDV" },
  { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "NOPAT" },
];

/** Partner programs of the seed that take referrals (tier 2 and up), with a share of the load. */
const OWNERS = [
  { org: "org-safe-harbor", weight: 5 },
  { org: "org-bridges-sa", weight: 3 },
  { org: "org-eastside-legal", weight: 2 },
];
const PATIENTS = ["pat-maria", "pat-dana", "pat-lee", "pat-sam"];

/** Outcomes and their share: [status, businessStatus, reached first contact, weight]. */
const OUTCOMES: [string, BusinessStatus, boolean, number][] = [
  ["requested", "created", false, 8],
  ["accepted", "accepted", false, 6],
  ["in-progress", "first-contact", true, 8],
  ["on-hold", "on-hold", true, 2],
  ["completed", "fulfillment-completed", true, 40],
  ["completed", "declined-services", true, 6],
  ["completed", "referred-elsewhere", true, 4],
  ["rejected", "declined", false, 8],
  ["failed", "could-not-reach", false, 10],
  ["cancelled", "fulfillment-cancelled", false, 8],
];
const REASON: Record<string, string> = {
  "on-hold": "unsafe-to-contact",
  rejected: "no-capacity",
  failed: "could-not-contact",
  cancelled: "consent-withdrawn",
};
const PRIORITIES: [string, number][] = [
  ["routine", 6],
  ["urgent", 3],
  ["asap", 1],
];

/** Where the conversation happened, and the card language, for the report's breakdowns. */
const SETTINGS: [string, number][] = [
  ["in-person", 10],
  ["telehealth-video", 4],
  ["telephone", 3],
  ["mobile-unit", 1],
  ["school-based", 1],
];
const LANGUAGES: [string, number][] = [
  ["en", 10],
  ["es", 6],
  ["vi", 1],
  ["so", 1],
];
/** Visits (Encounters) per referral: universal education is offered at about 3 in 5. */
const VISITS_PER_REFERRAL = 5;

const settingExtension = (code: string) => ({
  url: EXTENSION.visitSetting,
  valueCoding: { system: CODE_SYSTEM.visitSetting, code },
});

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function pick<T>(rand: () => number, options: readonly [T, number][]): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of options) if ((r -= w) < 0) return v;
  return (options[options.length - 1] as [T, number])[0];
}

const DAY = 86_400_000;

export interface SyntheticOptions {
  /** The newest referral is at most this old. */
  now: Date;
  /** How many months back the referrals go (default 24). */
  months?: number;
  seed?: number;
  /** Id prefix, so two loads do not collide. */
  prefix?: string;
}

/**
 * N referrals (2 resources each), about 3 universal-education Procedures per referral (with a
 * setting and a card language), and 5 visits (Encounters) per referral.
 */
export function syntheticReferrals(n: number, options: SyntheticOptions): Resource[] {
  const rand = rng(options.seed ?? 12);
  const months = options.months ?? 24;
  const span = months * 30 * DAY;
  const prefix = options.prefix ?? "load";
  const end = options.now.getTime() - DAY;
  const out: Resource[] = [];
  for (let i = 0; i < n; i++) {
    const authored = end - Math.floor(rand() * span);
    const at = new Date(authored).toISOString();
    const owner = `Organization/${pick(
      rand,
      OWNERS.map((o) => [o.org, o.weight] as [string, number]),
    )}`;
    const [status, business, contacted] = pick(
      rand,
      OUTCOMES.map((o) => [o, o[3]] as [(typeof OUTCOMES)[number], number]),
    );
    const priority = pick(rand, PRIORITIES);
    const patient = `Patient/${PATIENTS[i % PATIENTS.length] ?? "pat-maria"}`;
    const srId = `${prefix}-sr-${i}`;
    const start = contacted ? authored + Math.floor((0.2 + rand() * 6) * DAY) : undefined;
    const terminal = ["completed", "rejected", "failed", "cancelled"].includes(status);
    const finish = terminal
      ? (start ?? authored) + Math.floor((0.5 + rand() * 20) * DAY)
      : undefined;
    const last = new Date(finish ?? start ?? authored).toISOString();
    out.push({
      resourceType: "ServiceRequest",
      id: srId,
      meta: { profile: [PROFILE.warmReferral], security: SECURITY },
      extension: [
        {
          url: `https://warm-referral.org/fhir/StructureDefinition/wr-handoff-method`,
          valueCoding: { system: CODE_SYSTEM.handoffMethod, code: "call-together" },
        },
        settingExtension(pick(rand, SETTINGS)),
      ],
      identifier: [{ system: CODE_SYSTEM.identifier, value: `${srId}` }],
      status: terminal ? (status === "completed" ? "completed" : "revoked") : "active",
      intent: "order",
      category: [{ coding: [{ system: SDOHCC_TEMP, code: "intimate-partner-violence" }] }],
      code: { coding: [{ system: CODE_SYSTEM.activity, code: REFERRAL_CODE }] },
      subject: { reference: patient },
      authoredOn: at,
      priority: priority as "routine",
      requester: { reference: "PractitionerRole/prov-rivera-role" },
      performer: [{ reference: owner }],
    } as Resource);
    out.push({
      resourceType: "Task",
      id: `${prefix}-task-${i}`,
      meta: { profile: [PROFILE.referralTask], security: SECURITY },
      identifier: [{ system: CODE_SYSTEM.identifier, value: `${prefix}-task-${i}` }],
      status,
      businessStatus: businessStatusConcept(business),
      ...(REASON[status]
        ? { statusReason: { coding: [{ system: CODE_SYSTEM.statusReason, code: REASON[status] }] } }
        : {}),
      intent: "order",
      priority,
      code: { coding: [{ system: TASK_CODE_SYSTEM, code: "fulfill" }] },
      focus: { reference: `ServiceRequest/${srId}` },
      for: { reference: patient },
      authoredOn: at,
      lastModified: last,
      requester: { reference: "PractitionerRole/prov-rivera-role" },
      owner: { reference: owner },
      ...(start || finish
        ? {
            executionPeriod: {
              ...(start ? { start: new Date(start).toISOString() } : {}),
              ...(finish ? { end: new Date(finish).toISOString() } : {}),
            },
          }
        : {}),
      restriction: { period: { start: at, end: new Date(authored + 30 * DAY).toISOString() } },
    } as Resource);
    for (let e = 0; e < 3; e++) {
      const when = new Date(authored - Math.floor(rand() * 3 * DAY)).toISOString();
      out.push({
        resourceType: "Procedure",
        id: `${prefix}-edu-${i}-${e}`,
        meta: { profile: [PROFILE.universalEducation], security: SECURITY },
        extension: [
          {
            url: EXTENSION.cardTypes,
            extension: [
              {
                url: CARD_TYPES_PART.type,
                valueCoding: { system: CODE_SYSTEM.safetyCardType, code: "healthy-relationships" },
              },
              { url: CARD_TYPES_PART.language, valueCode: pick(rand, LANGUAGES) },
              { url: CARD_TYPES_PART.count, valuePositiveInt: 1 },
            ],
          },
          settingExtension(pick(rand, SETTINGS)),
        ],
        identifier: [{ system: CODE_SYSTEM.identifier, value: `${prefix}-edu-${i}-${e}` }],
        status: "completed",
        code: { coding: [{ system: CODE_SYSTEM.activity, code: "universal-education" }] },
        subject: { reference: patient },
        performedDateTime: when,
      } as Resource);
    }
    for (let v = 0; v < VISITS_PER_REFERRAL; v++) {
      const start = authored - Math.floor(rand() * 5 * DAY);
      out.push({
        resourceType: "Encounter",
        id: `${prefix}-enc-${i}-${v}`,
        status: "finished",
        class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
        subject: { reference: patient },
        period: {
          start: new Date(start).toISOString(),
          end: new Date(start + 30 * 60_000).toISOString(),
        },
      } as Resource);
    }
  }
  return out;
}
