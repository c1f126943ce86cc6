/* eslint-disable @typescript-eslint/no-explicit-any -- test fixtures poke at raw FHIR JSON */
import { toPartner, type PartnerRecord } from "../../fhir/partners";
import { exportDirectory, planImport } from "./bundleIo";
import { emptyForm, type PartnerForm } from "../../domain/partnerDraft";
import { buildSaveTransaction } from "../../fhir/builders/partner";
import {
  buildCrossTrainingUpdate,
  buildUpkeepUpdate,
  upkeepFormFrom,
} from "../../fhir/builders/partnership";
import { readPartnership } from "../../fhir/partnership";
import { validateResource } from "../../../fhir-profiles/validator";

let n = 0;
const ids = () => `id-${++n}`;
const form = (name: string): PartnerForm => ({
  ...emptyForm(),
  name,
  types: ["legal-services"],
  services: [
    { ...emptyForm().services[0]!, name: `${name} service`, services: ["legal-advocacy"] },
  ],
});

/** A partner as the server would hold it (ids and versions). */
function stored(name: string, prefix: string): PartnerRecord {
  const tx = buildSaveTransaction(form(name), undefined, "Organization/clinic", ids);
  const idMap = new Map(tx.entry.map((e, i) => [e.fullUrl!, `${prefix}-${i}`]));
  const json = JSON.parse(
    JSON.stringify(tx.entry.map((e) => e.resource)).replace(/urn:uuid:id-\d+/g, (m) => {
      const id = idMap.get(m)!;
      const type = tx.entry.find((e) => e.fullUrl === m)!.request.url;
      return `${type}/${id}`;
    }),
  ) as any[];
  json.forEach((r, i) => {
    r.id = `${prefix}-${i}`;
    r.meta = { ...r.meta, versionId: "1" };
  });
  const [organization, service, affiliation] = json;
  return {
    organization,
    services: [service],
    affiliation,
    partner: toPartner(organization, [service], affiliation),
  };
}

describe("export and import", () => {
  const existing = [stored("Eastside Legal", "east")];

  it("exports a collection Bundle without server bookkeeping", () => {
    const bundle = exportDirectory(existing, "https://ehr.test/fhir");
    expect(bundle.type).toBe("collection");
    expect(bundle.entry.map((e) => e.fullUrl)).toEqual([
      "https://ehr.test/fhir/Organization/east-0",
      "https://ehr.test/fhir/HealthcareService/east-1",
      "https://ehr.test/fhir/OrganizationAffiliation/east-2",
    ]);
    expect(bundle.entry[0]!.resource.meta).toEqual({ profile: expect.any(Array) });
  });

  it("round-trips: re-importing an export changes nothing", () => {
    const result = planImport(
      exportDirectory(existing, "https://ehr.test/fhir"),
      existing,
      "Organization/clinic",
    );
    expect(result).toMatchObject({
      ok: true,
      preview: [{ name: "Eastside Legal", action: "unchanged" }],
    });
    expect(result.ok && result.transaction).toBeUndefined();
  });

  it("previews adds and changes and plans one transaction", () => {
    const changed = stored("Eastside Legal", "x");
    (changed.organization as any).telecom = [{ system: "phone", value: "503-555-0199" }];
    const added = stored("Northside Housing", "y");
    const bundle = exportDirectory([changed, added], "https://coalition.test/fhir");
    const result = planImport(bundle, existing, "Organization/clinic", ids);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview).toEqual([
      { name: "Eastside Legal", action: "change", changes: ["phone"] },
      { name: "Northside Housing", action: "add", changes: [] },
    ]);
    const requests = result.transaction!.entry.map((e) => `${e.request.method} ${e.request.url}`);
    expect(requests).toEqual([
      "PUT Organization/east-0",
      "PUT HealthcareService/east-1",
      "PUT OrganizationAffiliation/east-2",
      "POST Organization",
      "POST HealthcareService",
      "POST OrganizationAffiliation",
    ]);
    // The imported affiliation is re-pointed at this clinic.
    expect((result.transaction!.entry[5]!.resource as any).organization.reference).toBe(
      "Organization/clinic",
    );
  });

  it("refuses a bundle with a bad entry, naming it", () => {
    const bundle = exportDirectory(
      [stored("Good Program", "g"), stored("Bad Program", "b")],
      "https://c.test/fhir",
    ) as any;
    bundle.entry[4].resource.type = [
      { coding: [{ system: bundle.entry[4].resource.type[0].coding[0].system, code: "knitting" }] },
    ];
    bundle.entry.push({ resource: { resourceType: "Patient", id: "p" } });
    const result = planImport(bundle, existing, "Organization/clinic");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.entries.map((e) => [e.index, e.label])).toEqual([
      [4, 'HealthcareService "Bad Program service"'],
      [6, "Patient"],
    ]);
    expect(result.entries[0]!.problems.join(" ")).toContain(
      '"knitting" is not a wr-dsv-services code',
    );
  });

  it("refuses what is not a Bundle", () => {
    expect(planImport({ resourceType: "Patient" }, [], "clinic")).toMatchObject({ ok: false });
  });

  describe("the partnership record travels with the directory", () => {
    /** A partner whose affiliation has an onboarding step and a cross-training. */
    function kept(name: string, prefix: string): PartnerRecord {
      const record = stored(name, prefix);
      const upkeep = upkeepFormFrom(record.affiliation!);
      upkeep.onboarding["staff-trained"] = "2026-10-01";
      let aff = buildUpkeepUpdate(record.affiliation!, upkeep).resource;
      aff = buildCrossTrainingUpdate(
        { ...aff, meta: { versionId: "2" } },
        {
          date: "2026-11-05",
          direction: "program-at-clinic",
          topic: "Safety planning",
          attendees: 11,
        },
      ).resource;
      aff = { ...aff, meta: { ...aff.meta, versionId: "3" } };
      return {
        ...record,
        affiliation: aff,
        partner: toPartner(record.organization, record.services, aff),
      };
    }

    it("into an empty directory: added with its onboarding and cross-trainings, valid", () => {
      const source = kept("Harbor Light", "hl");
      const result = planImport(
        exportDirectory([source], "https://a.test/fhir"),
        [],
        "Organization/clinic",
        ids,
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      const aff = result.transaction!.entry.find(
        (e) => e.resource.resourceType === "OrganizationAffiliation",
      )!;
      expect(readPartnership(aff.resource as any)).toEqual(readPartnership(source.affiliation));
      expect(validateResource(aff.resource as any).issues).toEqual([]);
    });

    it("onto the same partner: unchanged when equal, a 'partnership' change when not; a bundle without upkeep keeps ours", () => {
      const here = kept("Harbor Light", "hl");
      const same = planImport(
        exportDirectory([here], "https://a.test/fhir"),
        [here],
        "Organization/clinic",
        ids,
      );
      expect(same.ok && same.preview[0]?.action).toBe("unchanged");

      const elsewhere = stored("Harbor Light", "hl");
      const changed = planImport(
        exportDirectory([here], "https://a.test/fhir"),
        [elsewhere],
        "Organization/clinic",
        ids,
      );
      if (!changed.ok) throw new Error(JSON.stringify(changed));
      expect(changed.preview[0]?.changes).toContain("partnership");
      const put = changed.transaction!.entry.find(
        (e) => e.resource.resourceType === "OrganizationAffiliation",
      )!;
      expect(put.request.ifMatch).toBe('W/"1"');
      expect(readPartnership(put.resource as any).crossTrainings).toHaveLength(1);

      const bare = planImport(
        exportDirectory([elsewhere], "https://a.test/fhir"),
        [here],
        "Organization/clinic",
        ids,
      );
      expect(bare.ok && bare.preview[0]?.action).toBe("unchanged");
    });

    it("a bad onboarding step refuses the bundle, naming the entry", () => {
      const bundle = exportDirectory([kept("Harbor Light", "hl")], "https://a.test/fhir") as any;
      const aff = bundle.entry.find(
        (e: any) => e.resource.resourceType === "OrganizationAffiliation",
      ).resource;
      const step = aff.extension.find((e: any) => e.url.endsWith("/wr-onboarding-step"));
      step.extension[0].valueCode = "throw-a-party";
      const result = planImport(bundle, [], "Organization/clinic", ids);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).toContain(
        "(wr-onboarding-step) does not match its definition",
      );
    });
  });
});
