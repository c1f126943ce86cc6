/* eslint-disable @typescript-eslint/no-explicit-any -- test fixtures poke at raw FHIR JSON */
import { toPartner, type PartnerRecord } from "../../fhir/partners";
import { exportDirectory, planImport } from "./bundleIo";
import { emptyForm, type PartnerForm } from "../../domain/partnerDraft";
import { buildSaveTransaction } from "../../fhir/builders/partner";

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
});
