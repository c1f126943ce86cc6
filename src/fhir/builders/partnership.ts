import { codeDisplay } from "../codeDisplays";
import { CODE_SYSTEM, EXTENSION, PROFILE } from "../canonical";
import {
  ONBOARDING_STEPS,
  isEmail,
  type CrossTraining,
  type Partnership,
  type PointOfContact,
  type UpkeepForm,
} from "../../domain/partnership";
import { codesOf, type OrganizationAffiliationJson } from "../partners";
import { readPartnership, UPKEEP_EXTENSIONS } from "../partnership";
import { tierDisplay as displayOfTier } from "./partner";

// Partnership upkeep ⇄ the PartnerAffiliation. Every save is ONE update of the affiliation:
// PUT with If-Match on the version that was read, so a colleague's save in between is a 412
// (a conflict the screen reports), never overwritten. Extensions and codes that are not the
// upkeep's are kept as they were.

export interface AffiliationUpdate {
  /** e.g. "OrganizationAffiliation/aff-1" */
  path: string;
  /** W/"<versionId>" */
  ifMatch: string;
  resource: OrganizationAffiliationJson;
}

/** The form for an affiliation as read from the server. */
export function upkeepFormFrom(aff: OrganizationAffiliationJson): UpkeepForm {
  const p = readPartnership(aff);
  const reach = (c?: PointOfContact) => c?.email ?? c?.phone ?? "";
  return {
    tier: codesOf(aff.code, CODE_SYSTEM.participationTier)[0] ?? "1",
    collaboration: codesOf(aff.code, CODE_SYSTEM.collaborationLevel)[0] ?? "informed",
    mouStart: aff.period?.start?.slice(0, 10) ?? "",
    mouEnd: aff.period?.end?.slice(0, 10) ?? "",
    mouReview: aff.extension?.find((e) => e.url === EXTENSION.mouReviewDate)?.valueDate ?? "",
    mouDocument: p.mouDocument ?? "",
    meetingCadence: p.meetingCadence ?? "",
    clinicContactName: p.clinicContact?.name ?? "",
    clinicContactReach: reach(p.clinicContact),
    programContactName: p.programContact?.name ?? "",
    programContactReach: reach(p.programContact),
    onboarding: Object.fromEntries(
      ONBOARDING_STEPS.map((s) => [s, p.onboarding[s] ?? ""]),
    ) as UpkeepForm["onboarding"],
  };
}

function contactExtension(side: "clinic" | "program", name: string, reach: string) {
  const value = reach.trim();
  return {
    url: EXTENSION.partnershipContact,
    extension: [
      { url: "side", valueCode: side },
      { url: "name", valueString: name.trim() },
      ...(value
        ? [
            {
              url: "telecom",
              valueContactPoint: { system: isEmail(value) ? "email" : "phone", value, use: "work" },
            },
          ]
        : []),
    ],
  };
}

function trainingExtension(t: CrossTraining) {
  return {
    url: EXTENSION.crossTraining,
    extension: [
      { url: "date", valueDate: t.date },
      { url: "direction", valueCode: t.direction },
      { url: "topic", valueString: t.topic },
      { url: "attendees", valuePositiveInt: t.attendees },
    ],
  };
}

/** The upkeep's extensions for a partnership record, in profile order. */
export function upkeepExtensions(p: Partnership): Record<string, unknown>[] {
  const reach = (c: PointOfContact) => c.email ?? c.phone ?? "";
  return [
    ...(p.mouDocument ? [{ url: EXTENSION.mouDocument, valueUrl: p.mouDocument }] : []),
    ...(p.meetingCadence
      ? [
          {
            url: EXTENSION.meetingCadence,
            valueCoding: { system: CODE_SYSTEM.meetingCadence, code: p.meetingCadence },
          },
        ]
      : []),
    ...(p.clinicContact
      ? [contactExtension("clinic", p.clinicContact.name, reach(p.clinicContact))]
      : []),
    ...(p.programContact
      ? [contactExtension("program", p.programContact.name, reach(p.programContact))]
      : []),
    ...ONBOARDING_STEPS.flatMap((step) => {
      const done = p.onboarding[step];
      return done
        ? [
            {
              url: EXTENSION.onboardingStep,
              extension: [
                { url: "step", valueCode: step },
                { url: "done", valueDate: done },
              ],
            },
          ]
        : [];
    }),
    // Oldest first on the resource: a new training is appended.
    ...[...p.crossTrainings].reverse().map(trainingExtension),
  ];
}

/** The affiliation with its upkeep extensions replaced by `p`'s (others kept, in place first). */
export function withPartnership(
  aff: OrganizationAffiliationJson,
  p: Partnership,
): OrganizationAffiliationJson {
  const others = (aff.extension ?? []).filter((e) => !UPKEEP_EXTENSIONS.includes(e.url));
  const extension = [...others, ...upkeepExtensions(p)] as OrganizationAffiliationJson["extension"];
  const next: OrganizationAffiliationJson = { ...aff };
  if (extension?.length) next.extension = extension;
  else delete next.extension;
  return next;
}

function versioned(aff: OrganizationAffiliationJson, resource: OrganizationAffiliationJson) {
  const version = aff.meta?.versionId;
  if (!version) throw new Error("The partnership was read without a version; read it again.");
  const profiles = new Set([...(aff.meta?.profile ?? []), PROFILE.partnerAffiliation]);
  // versionId / lastUpdated belong to the server; only the profile goes back.
  const { meta: _meta, ...rest } = resource;
  return {
    path: `OrganizationAffiliation/${aff.id}`,
    ifMatch: `W/"${version}"`,
    resource: { ...rest, meta: { profile: [...profiles] } } as OrganizationAffiliationJson,
  };
}

/** Saves the partnership record: tier, level, MOU, cadence, contacts, onboarding. */
export function buildUpkeepUpdate(
  aff: OrganizationAffiliationJson,
  form: UpkeepForm,
): AffiliationUpdate {
  const current = readPartnership(aff);
  const contact = (name: string, reach: string): PointOfContact | undefined => {
    if (!name.trim()) return undefined;
    const value = reach.trim();
    return {
      name: name.trim(),
      ...(value ? (isEmail(value) ? { email: value } : { phone: value }) : {}),
    };
  };
  const clinicContact = contact(form.clinicContactName, form.clinicContactReach);
  const programContact = contact(form.programContactName, form.programContactReach);
  const partnership: Partnership = {
    ...(clinicContact ? { clinicContact } : {}),
    ...(programContact ? { programContact } : {}),
    ...(form.mouDocument.trim() ? { mouDocument: form.mouDocument.trim() } : {}),
    ...(form.meetingCadence
      ? { meetingCadence: form.meetingCadence as Partnership["meetingCadence"] & string }
      : {}),
    onboarding: Object.fromEntries(
      ONBOARDING_STEPS.filter((s) => form.onboarding[s]).map((s) => [s, form.onboarding[s]]),
    ),
    // Cross-trainings are added one by one (buildCrossTrainingUpdate), never dropped here.
    crossTrainings: current.crossTrainings,
  };
  const next = withPartnership(aff, partnership);
  const otherCodes = (aff.code ?? []).filter(
    (c) =>
      !(c.coding ?? []).some(
        (x) =>
          x.system === CODE_SYSTEM.participationTier || x.system === CODE_SYSTEM.collaborationLevel,
      ),
  );
  const tierDisplay = displayOfTier(form.tier);
  const levelDisplay = codeDisplay("wr-collaboration-level", form.collaboration, "en");
  next.code = [
    {
      coding: [{ system: CODE_SYSTEM.participationTier, code: form.tier, display: tierDisplay }],
      text: tierDisplay,
    },
    {
      coding: [
        { system: CODE_SYSTEM.collaborationLevel, code: form.collaboration, display: levelDisplay },
      ],
      text: levelDisplay,
    },
    ...otherCodes,
  ];
  if (form.mouStart || form.mouEnd)
    next.period = {
      ...(form.mouStart ? { start: form.mouStart } : {}),
      ...(form.mouEnd ? { end: form.mouEnd } : {}),
    };
  else delete next.period;
  const extension = (next.extension ?? []).filter((e) => e.url !== EXTENSION.mouReviewDate);
  if (form.mouReview)
    extension.unshift({ url: EXTENSION.mouReviewDate, valueDate: form.mouReview });
  if (extension.length) next.extension = extension;
  else delete next.extension;
  return versioned(aff, next);
}

/** Adds one cross-training to the partnership (everything else on the affiliation as it was). */
export function buildCrossTrainingUpdate(
  aff: OrganizationAffiliationJson,
  training: CrossTraining,
): AffiliationUpdate {
  const extension = [
    ...(aff.extension ?? []),
    trainingExtension(training),
  ] as OrganizationAffiliationJson["extension"];
  return versioned(aff, { ...aff, ...(extension ? { extension } : {}) });
}
