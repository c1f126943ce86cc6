/* eslint-disable @typescript-eslint/no-explicit-any -- test fixtures poke at raw FHIR JSON */
import type { PartnerRecord } from "../../fhir/partners";
import { toPartner } from "../../fhir/partners";
import { CODE_SYSTEM, EXTENSION, PROFILE } from "../../fhir/canonical";
import { validateForm } from "./form";
import {
  emptyForm,
  formatHours,
  mergeForms,
  parseHours,
  type PartnerForm,
} from "../../domain/partnerDraft";
import {
  buildActiveTransaction,
  buildSaveTransaction,
  formFromRecord,
} from "../../fhir/builders/partner";

const valid = (): PartnerForm => ({
  ...emptyForm(),
  name: "Harbor Light",
  types: ["dv-program"],
  phone: "503-555-0100",
  tier: "2",
  collaboration: "collaborative",
  mouStart: "2026-01-01",
  mouEnd: "2027-12-31",
  mouReview: "2027-06-30",
  endpointAddress: "https://fhir.harbor.example.org/r4",
  services: [
    {
      id: "",
      name: "Hotline",
      services: ["hotline-24h"],
      languages: "en, es",
      open24x7: true,
      hours: "",
      phone: "503-555-0101",
      chat: "",
      walkIn: true,
      eligibility: "Anyone",
    },
  ],
});

describe("hours text", () => {
  it("parses ranges, lists and several entries", () => {
    expect(parseHours("mon-fri 9:00-17:00; sat 10:00-14:00")).toEqual([
      { days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00" },
      { days: ["sat"], start: "10:00", end: "14:00" },
    ]);
    expect(parseHours("mon,wed 08:00-12:00")?.[0]?.days).toEqual(["mon", "wed"]);
    expect(parseHours("someday 9-5")).toBeUndefined();
    expect(parseHours("fri-mon 09:00-17:00")).toBeUndefined();
  });
  it("formats back", () => {
    expect(
      formatHours([{ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00" }]),
    ).toBe("mon-fri 09:00-17:00");
    expect(formatHours([{ days: ["mon", "tue"], start: "09:00", end: "17:00" }])).toBe(
      "mon,tue 09:00-17:00",
    );
  });
});

describe("partner form validation", () => {
  it("accepts a valid form", () => {
    expect(validateForm(valid())).toEqual({});
  });
  it("names each bad field", () => {
    const form = valid();
    form.name = " ";
    form.types = [];
    form.phone = "call us";
    form.mouEnd = "2025-01-01";
    form.endpointAddress = "not a url";
    form.services[0] = {
      ...form.services[0]!,
      services: [],
      languages: "",
      open24x7: false,
      hours: "whenever",
    };
    expect(validateForm(form)).toEqual({
      name: "required",
      types: "oneType",
      phone: "phone",
      mouEnd: "endBeforeStart",
      endpointAddress: "url",
      "services.0.services": "oneService",
      "services.0.languages": "languages",
      "services.0.hours": "hours",
    });
  });
});

describe("save transaction", () => {
  let n = 0;
  const ids = () => `id-${++n}`;

  it("creates all four resources in one transaction, conditionally, linked by urn:uuid", () => {
    n = 0;
    const bundle = buildSaveTransaction(valid(), undefined, "Organization/clinic", ids);
    expect(bundle.type).toBe("transaction");
    expect(bundle.entry.map((e) => `${e.request.method} ${e.request.url}`)).toEqual([
      "POST Organization",
      "POST Endpoint",
      "POST HealthcareService",
      "POST OrganizationAffiliation",
    ]);
    for (const e of bundle.entry) {
      expect(e.fullUrl).toMatch(/^urn:uuid:id-/);
      expect(e.request.ifNoneExist).toContain(encodeURIComponent(CODE_SYSTEM.identifier));
    }
    const [org, endpoint, service, aff] = bundle.entry.map(
      (e) => e.resource as Record<string, any>,
    );
    expect(org!.meta.profile).toEqual([PROFILE.partnerOrganization]);
    expect(org!.endpoint).toEqual([{ reference: "urn:uuid:id-2" }]);
    expect(endpoint!.managingOrganization).toEqual({ reference: "urn:uuid:id-1" });
    expect(service!.providedBy.reference).toBe("urn:uuid:id-1");
    expect(service!.availableTime).toEqual([
      { daysOfWeek: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], allDay: true },
    ]);
    expect(service!.appointmentRequired).toBe(false);
    expect(aff!.organization).toEqual({ reference: "Organization/clinic" });
    expect(aff!.participatingOrganization.reference).toBe("urn:uuid:id-1");
    expect(aff!.healthcareService[0].reference).toBe("urn:uuid:id-3");
    expect(aff!.period).toEqual({ start: "2026-01-01", end: "2027-12-31" });
    expect(aff!.extension).toEqual([{ url: EXTENSION.mouReviewDate, valueDate: "2027-06-30" }]);
    expect(aff!.code.map((c: any) => c.coding[0].code)).toEqual(["2", "collaborative"]);
    // The HL7 organization-type coding next to ours (dv-program is a community group).
    expect(org!.type).toEqual([
      {
        coding: [
          { system: CODE_SYSTEM.partnerType, code: "dv-program" },
          { system: "http://terminology.hl7.org/CodeSystem/organization-type", code: "cg" },
        ],
      },
    ]);
  });

  it("writes the HL7 service-type coding next to ours where one says the same", () => {
    const form = valid();
    form.services[0]!.services = ["legal-advocacy", "hotline-24h"];
    const bundle = buildSaveTransaction(form, undefined, "Organization/clinic", ids);
    const service = bundle.entry[2]!.resource as Record<string, any>;
    expect(service.type).toEqual([
      {
        coding: [
          { system: CODE_SYSTEM.dsvServices, code: "legal-advocacy" },
          { system: "http://terminology.hl7.org/CodeSystem/service-type", code: "132" },
        ],
      },
      { coding: [{ system: CODE_SYSTEM.dsvServices, code: "hotline-24h" }] },
    ]);
  });

  it("updates with ifMatch, retires removed services and keeps what it does not edit", () => {
    n = 0;
    const created = buildSaveTransaction(valid(), undefined, "Organization/clinic", ids);
    const stored = (i: number, id: string) =>
      ({ ...created.entry[i]!.resource, id, meta: { versionId: "3" } }) as any;
    const record: PartnerRecord = {
      organization: { ...stored(0, "org-1"), alias: ["HL"] },
      endpoint: stored(1, "ep-1"),
      services: [stored(2, "hs-1")],
      affiliation: stored(3, "aff-1"),
      partner: undefined as never,
    };
    record.partner = toPartner(
      record.organization,
      record.services,
      record.affiliation,
      record.endpoint,
    );
    const form = formFromRecord(record);
    expect(form.services[0]?.id).toBe("hs-1");
    expect(form.endpointAddress).toBe("https://fhir.harbor.example.org/r4");
    form.name = "Harbor Light Center";
    form.services = [
      {
        ...valid().services[0]!,
        name: "Walk-in center",
        open24x7: false,
        hours: "mon-fri 09:00-17:00",
      },
    ];
    const bundle = buildSaveTransaction(form, record, "Organization/clinic", ids);
    expect(
      bundle.entry.map((e) => `${e.request.method} ${e.request.url} ${e.request.ifMatch ?? ""}`),
    ).toEqual([
      'PUT Organization/org-1 W/"3"',
      'PUT Endpoint/ep-1 W/"3"',
      "POST HealthcareService ",
      'PUT HealthcareService/hs-1 W/"3"',
      'PUT OrganizationAffiliation/aff-1 W/"3"',
    ]);
    const org = bundle.entry[0]!.resource as Record<string, any>;
    expect(org.name).toBe("Harbor Light Center");
    expect(org.alias).toEqual(["HL"]);
    expect(org.meta).toEqual({ profile: [PROFILE.partnerOrganization] });
    expect((bundle.entry[3]!.resource as any).active).toBe(false);
    const aff = bundle.entry[4]!.resource as Record<string, any>;
    expect(aff.participatingOrganization.reference).toBe("Organization/org-1");
    expect(aff.healthcareService.map((r: any) => r.reference)).toEqual(["urn:uuid:id-5"]);
  });

  it("deactivates with ifMatch on every resource and deletes nothing", () => {
    n = 0;
    const created = buildSaveTransaction(valid(), undefined, "clinic", ids);
    const stored = (i: number, id: string) =>
      ({ ...created.entry[i]!.resource, id, meta: { versionId: "1" } }) as any;
    const record = {
      organization: stored(0, "o"),
      endpoint: stored(1, "e"),
      services: [stored(2, "s")],
      affiliation: stored(3, "a"),
    } as PartnerRecord;
    const bundle = buildActiveTransaction(record, false);
    expect(
      bundle.entry.every((e) => e.request.method === "PUT" && e.request.ifMatch === 'W/"1"'),
    ).toBe(true);
    expect(
      bundle.entry.map((e) => (e.resource as any).active ?? (e.resource as any).status),
    ).toEqual([false, false, false, "off"]);
    // Reactivating brings back the listed services and the endpoint.
    const off = Object.fromEntries(
      bundle.entry.map((e) => [
        (e.resource as any).resourceType,
        { ...e.resource, meta: { versionId: "2" } },
      ]),
    ) as any;
    off.OrganizationAffiliation.healthcareService = [{ reference: "HealthcareService/s" }];
    off.Organization.endpoint = [{ reference: "Endpoint/e" }];
    const again = buildActiveTransaction(
      {
        organization: off.Organization,
        services: [off.HealthcareService],
        affiliation: off.OrganizationAffiliation,
        endpoint: off.Endpoint,
      } as PartnerRecord,
      true,
    );
    expect(
      again.entry.map((e) => (e.resource as any).active ?? (e.resource as any).status),
    ).toEqual([true, true, true, "active"]);
  });
});

describe("merging after a conflict", () => {
  it("keeps my edits, takes their changes elsewhere, and names the clashes", () => {
    const original = { ...valid(), services: [{ ...valid().services[0]!, id: "s1" }] };
    const mine = { ...original, name: "Mine", phone: "503-555-0111" };
    const theirs = {
      ...original,
      phone: "503-555-0122",
      email: "them@example.org",
      services: [{ ...original.services[0]!, name: "Their hotline" }],
    };
    const { merged, clashes } = mergeForms(original, mine, theirs);
    expect(merged.name).toBe("Mine");
    expect(merged.phone).toBe("503-555-0111");
    expect(merged.email).toBe("them@example.org");
    expect(merged.services[0]?.name).toBe("Their hotline");
    expect(clashes).toEqual(["phone"]);
  });
});
