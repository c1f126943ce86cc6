import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateResource } from "../../../fhir-profiles/validator";
import { EXTENSION } from "../canonical";
import type { OrganizationAffiliationJson } from "../partners";
import { readPartnership, referralCountPaths } from "../partnership";
import {
  buildCrossTrainingUpdate,
  buildUpkeepUpdate,
  upkeepFormFrom,
  withPartnership,
} from "./partnership";

const example = JSON.parse(
  readFileSync(
    resolve("fhir-profiles/package/OrganizationAffiliation-wr-example-partner-affiliation.json"),
    "utf8",
  ),
) as OrganizationAffiliationJson;

/** As the server hands it out: a version, and a foreign extension the upkeep must keep. */
const stored: OrganizationAffiliationJson = {
  ...example,
  meta: { ...example.meta, versionId: "7", lastUpdated: "2026-11-30T10:00:00Z" },
  extension: [
    ...(example.extension ?? []),
    {
      url: "http://hl7.org/fhir/uv/example/StructureDefinition/partnership-note",
      valueString: "keep",
    } as never,
  ],
};

function valid(resource: unknown) {
  return validateResource(resource as never).issues.map((i) => JSON.stringify(i));
}

describe("partnership upkeep on the affiliation", () => {
  it("reads the profile's example", () => {
    const p = readPartnership(example);
    expect(p).toEqual({
      clinicContact: {
        name: "Dana Okafor, partnership lead",
        email: "partnerships@riverside-chc.example.org",
      },
      programContact: { name: "Program director", phone: "503-555-0150" },
      mouDocument: "https://docs.riverside-chc.example.org/mou/safe-harbor-2025.pdf",
      meetingCadence: "quarterly",
      onboarding: { "internal-lead": "2024-11-01", "mou-privacy-review": "2024-12-10" },
      crossTrainings: [
        {
          date: "2025-03-12",
          direction: "program-at-clinic",
          topic: "Universal education and warm handoffs",
          attendees: 14,
        },
      ],
    });
  });

  it("form → update → read gives back what was entered; one PUT with If-Match; valid against the profile", () => {
    const form = upkeepFormFrom(stored);
    form.onboarding["referral-flow-mapping"] = "2026-11-20";
    form.onboarding["internal-lead"] = "";
    form.meetingCadence = "monthly";
    form.tier = "3";
    form.programContactName = "Intake lead";
    form.programContactReach = "intake@program.example.org";
    form.mouDocument = "https://docs.example.org/mou-2026.pdf";
    const update = buildUpkeepUpdate(stored, form);
    expect(update.path).toBe(`OrganizationAffiliation/${stored.id}`);
    expect(update.ifMatch).toBe('W/"7"');
    expect(update.resource.meta).toEqual({ profile: example.meta?.profile });
    expect(valid(update.resource)).toEqual([]);
    expect(upkeepFormFrom(update.resource)).toEqual(form);
    const read = readPartnership(update.resource);
    expect(read.onboarding).toEqual({
      "mou-privacy-review": "2024-12-10",
      "referral-flow-mapping": "2026-11-20",
    });
    // Cross-trainings are not the form's to drop; the foreign extension stays.
    expect(read.crossTrainings).toHaveLength(1);
    expect(JSON.stringify(update.resource)).toContain("partnership-note");
    expect(
      update.resource.extension?.filter((e) => e.url === EXTENSION.mouReviewDate),
    ).toHaveLength(1);
  });

  it("clearing everything leaves a valid affiliation with only tier and level", () => {
    const form = upkeepFormFrom(stored);
    Object.assign(form, {
      mouStart: "",
      mouEnd: "",
      mouReview: "",
      mouDocument: "",
      meetingCadence: "",
      clinicContactName: "",
      clinicContactReach: "",
      programContactName: "",
      programContactReach: "",
    });
    for (const k of Object.keys(form.onboarding))
      form.onboarding[k as keyof typeof form.onboarding] = "";
    const { resource } = buildUpkeepUpdate(stored, form);
    expect(valid(resource)).toEqual([]);
    expect(resource.period).toBeUndefined();
    const p = readPartnership(resource);
    expect(p.onboarding).toEqual({});
    expect(p.clinicContact).toBeUndefined();
    expect(p.crossTrainings).toHaveLength(1);
  });

  it("a cross-training is appended, newest read first, and stays valid", () => {
    const training = {
      date: "2026-11-18",
      direction: "clinic-at-program" as const,
      topic: "Trauma-informed intake",
      attendees: 9,
    };
    const update = buildCrossTrainingUpdate(stored, training);
    expect(update.ifMatch).toBe('W/"7"');
    expect(valid(update.resource)).toEqual([]);
    const p = readPartnership(update.resource);
    expect(p.crossTrainings[0]).toEqual(training);
    expect(p.crossTrainings).toHaveLength(2);
    expect(p.onboarding).toEqual(readPartnership(stored).onboarding);
  });

  it("withPartnership carries a partnership onto another affiliation (import)", () => {
    const bare: OrganizationAffiliationJson = { ...stored, extension: [] };
    const carried = withPartnership(bare, readPartnership(stored));
    expect(readPartnership(carried)).toEqual(readPartnership(stored));
    expect(valid({ ...carried, meta: { profile: example.meta?.profile } })).toEqual([]);
  });

  it("refuses to build an update without a version (If-Match needs one)", () => {
    const { meta: _m, ...noVersion } = stored;
    expect(() =>
      buildUpkeepUpdate(noVersion as OrganizationAffiliationJson, upkeepFormFrom(stored)),
    ).toThrow(/version/);
  });

  it("the referral check is two counts, no patient data", () => {
    const paths = referralCountPaths("org-1", "2026-09-03");
    expect(paths).toHaveLength(2);
    for (const p of paths) {
      expect(p).toMatch(/^Task\?/);
      expect(p).toContain("_summary=count");
      expect(p).toContain("authored-on=ge2026-09-03");
    }
    expect(paths[0]).toContain("owner=Organization%2Forg-1");
    expect(paths[1]).toContain("requester=Organization%2Forg-1");
  });
});
