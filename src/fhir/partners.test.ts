import type {
  Bundle,
  Endpoint,
  HealthcareService,
  Organization,
  OrganizationAffiliation,
  Resource,
} from "fhir/r4";
import { setupServer } from "msw/node";
import { http, HttpResponse } from "msw";
import { FhirStore } from "../../test/msw/fhirStore";
import { FHIR_BASE, fhirHandlers } from "../../test/msw/handlers";
import { CODE_SYSTEM, EXTENSION, PROFILE } from "./canonical";
import { FailureError } from "./failures";
import { createFhirHttp, type SmartClient } from "./http";
import {
  fetchPartnerRecord,
  fetchPartnerRecords,
  partnersSearchPath,
  relativeToServer,
} from "./partners";
import { isOpenAt, isPartnerOpenAt, type PartnerService } from "../domain/partner";

const org = (id: string, name: string, active = true): Organization => ({
  resourceType: "Organization",
  id,
  meta: { profile: [PROFILE.partnerOrganization] },
  active,
  name,
  type: [{ coding: [{ system: CODE_SYSTEM.partnerType, code: "dv-program" }] }],
  telecom: [
    { system: "phone", value: "503-555-0100" },
    { system: "email", value: "info@example.org" },
  ],
  contact: [{ name: { text: "Dana Lee" }, telecom: [{ system: "phone", value: "503-555-0109" }] }],
  address: [{ line: ["PO Box 1"], city: "Riverside", state: "OR", postalCode: "97000" }],
});

const hotline: HealthcareService = {
  resourceType: "HealthcareService",
  id: "hs-hotline",
  active: true,
  providedBy: { reference: "Organization/org-a" },
  name: "A hotline",
  type: [{ coding: [{ system: CODE_SYSTEM.dsvServices, code: "hotline-24h" }] }],
  telecom: [
    { system: "phone", value: "503-555-0101" },
    { system: "url", value: "https://chat.example.org" },
  ],
  communication: [
    { coding: [{ system: "urn:ietf:bcp:47", code: "en" }] },
    { coding: [{ system: "urn:ietf:bcp:47", code: "es-MX" }] },
  ],
  eligibility: [{ comment: "Anyone" }],
  appointmentRequired: false,
  availableTime: [{ daysOfWeek: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], allDay: true }],
  referralMethod: [{ coding: [{ code: "phone" }] }],
};

const advocacy: HealthcareService = {
  resourceType: "HealthcareService",
  id: "hs-advocacy",
  providedBy: { reference: "Organization/org-b" },
  name: "B advocacy",
  type: [{ coding: [{ system: CODE_SYSTEM.dsvServices, code: "legal-advocacy" }] }],
  communication: [{ coding: [{ code: "vi" }] }],
  appointmentRequired: true,
  availableTime: [
    { daysOfWeek: ["mon", "tue"], availableStartTime: "09:00:00", availableEndTime: "17:00:00" },
  ],
};

const endpoint: Endpoint = {
  resourceType: "Endpoint",
  id: "ep-a",
  status: "active",
  connectionType: { code: "hl7-fhir-rest" },
  payloadType: [{ text: "any" }],
  address: "https://fhir.a.example.org/r4",
};

const affiliation = (
  id: string,
  orgId: string,
  services: string[],
  extra: Partial<OrganizationAffiliation> = {},
): OrganizationAffiliation => ({
  resourceType: "OrganizationAffiliation",
  id,
  active: true,
  organization: { reference: "Organization/clinic" },
  participatingOrganization: { reference: `Organization/${orgId}` },
  code: [
    { coding: [{ system: CODE_SYSTEM.participationTier, code: "2" }] },
    { coding: [{ system: CODE_SYSTEM.collaborationLevel, code: "collaborative" }] },
  ],
  period: { start: "2025-01-01", end: "2027-12-31" },
  extension: [{ url: EXTENSION.mouReviewDate, valueDate: "2027-06-30" }],
  healthcareService: services.map((s) => ({ reference: `HealthcareService/${s}` })),
  ...extra,
});

const resources: Resource[] = [
  org("org-a", "Alpha Program"),
  org("org-b", "Beta Legal", false),
  org("org-other", "Other clinic's partner"),
  hotline,
  advocacy,
  endpoint,
  affiliation("aff-a", "org-a", ["hs-hotline"], { endpoint: [{ reference: "Endpoint/ep-a" }] }),
  affiliation("aff-b", "org-b", ["hs-advocacy"]),
  affiliation("aff-other", "org-other", [], {
    organization: { reference: "Organization/elsewhere" },
  }),
];
const store = new FhirStore(resources);

// The FhirStore has no _include: this handler answers the directory search like a FHIR
// server, one affiliation per page, with its included resources.
const searchUrls: string[] = [];
function includeHandler() {
  return http.get(`${FHIR_BASE}/OrganizationAffiliation`, ({ request }) => {
    const url = new URL(request.url);
    searchUrls.push(url.href);
    const offset = Number(url.searchParams.get("_offset") ?? 0);
    const participating = url.searchParams.get("participating-organization");
    const matches = store
      .all("OrganizationAffiliation")
      .filter(
        (a) =>
          (a as OrganizationAffiliation).organization?.reference ===
            url.searchParams.get("primary-organization") &&
          (!participating ||
            (a as OrganizationAffiliation).participatingOrganization?.reference === participating),
      ) as OrganizationAffiliation[];
    const page = matches.slice(offset, offset + 1);
    const refs = page.flatMap((a) => [
      a.participatingOrganization?.reference,
      ...(a.healthcareService ?? []).map((r) => r.reference),
      ...(a.endpoint ?? []).map((r) => r.reference),
    ]);
    const included = refs
      .filter((r): r is string => Boolean(r))
      .map((r) => store.get(...(r.split("/") as [string, string])))
      .filter((r): r is Resource => Boolean(r));
    const next = new URL(url);
    next.searchParams.set("_offset", String(offset + 1));
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "searchset",
      total: matches.length,
      link: offset + 1 < matches.length ? [{ relation: "next", url: next.href }] : [],
      entry: [
        ...page.map((resource) => ({ resource, search: { mode: "match" as const } })),
        ...included.map((resource) => ({ resource, search: { mode: "include" as const } })),
      ],
    };
    return HttpResponse.json(bundle);
  });
}

const server = setupServer(includeHandler(), ...fhirHandlers(store, () => "t"));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function fakeHttp() {
  const state = { serverUrl: FHIR_BASE, clientId: "c", tokenResponse: { access_token: "t" } };
  return createFhirHttp({
    state,
    getAuthorizationHeader: () => "Bearer t",
    refreshIfNeeded: async () => state,
    refresh: async () => state,
  } as unknown as SmartClient);
}

describe("fetchPartners", () => {
  it("asks for the clinic's affiliations with partners, services and endpoints included", () => {
    const path = partnersSearchPath("Organization/clinic");
    const params = new URLSearchParams(path.split("?")[1]);
    expect(path.startsWith("OrganizationAffiliation?")).toBe(true);
    expect(params.get("primary-organization")).toBe("Organization/clinic");
    expect(params.getAll("_include")).toEqual([
      "OrganizationAffiliation:participating-organization",
      "OrganizationAffiliation:service",
      "OrganizationAffiliation:endpoint",
    ]);
  });

  it("narrows by tier and collaboration level on the server (role)", () => {
    const params = new URLSearchParams(
      partnersSearchPath("Organization/clinic", undefined, {
        tier: "2",
        collaboration: "informed",
      }).split("?")[1],
    );
    expect(params.getAll("role")).toEqual([
      `${CODE_SYSTEM.participationTier}|2`,
      `${CODE_SYSTEM.collaborationLevel}|informed`,
    ]);
  });

  it("maps the partners of this clinic only, following next pages", async () => {
    searchUrls.length = 0;
    const partners = await fetchPartnerRecords(fakeHttp(), "Organization/clinic").then((records) =>
      records.map((r) => r.partner),
    );
    expect(partners.map((p) => p.name)).toEqual(["Alpha Program", "Beta Legal"]);
    const [alpha, beta] = partners;
    expect(alpha).toMatchObject({
      id: "org-a",
      active: true,
      types: ["dv-program"],
      phone: "503-555-0100",
      email: "info@example.org",
      address: "PO Box 1, Riverside, OR 97000",
      contacts: [{ name: "Dana Lee", phone: "503-555-0109" }],
      affiliation: {
        id: "aff-a",
        tier: 2,
        collaboration: "collaborative",
        mouStart: "2025-01-01",
        mouEnd: "2027-12-31",
        mouReview: "2027-06-30",
        active: true,
      },
      endpoint: { id: "ep-a", address: "https://fhir.a.example.org/r4" },
    });
    expect(alpha?.services[0]).toMatchObject({
      id: "hs-hotline",
      services: ["hotline-24h"],
      languages: ["en", "es"],
      open24x7: true,
      phone: "503-555-0101",
      chat: "https://chat.example.org",
      walkIn: true,
      eligibility: "Anyone",
      referralMethods: ["phone"],
    });
    expect(beta?.active).toBe(false);
    expect(beta?.services[0]).toMatchObject({
      open24x7: false,
      walkIn: false,
      languages: ["vi"],
      hours: [{ days: ["mon", "tue"], start: "09:00", end: "17:00" }],
    });
    // One affiliation per page in this fake server: two pages, two requests.
    expect(searchUrls).toHaveLength(2);
    expect(searchUrls.every((u) => u.startsWith(FHIR_BASE))).toBe(true);
  });

  it("fetches one partner fresh, with versions for If-Match", async () => {
    const record = await fetchPartnerRecord(fakeHttp(), "Organization/clinic", "org-b");
    expect(record?.partner.name).toBe("Beta Legal");
    expect(record?.organization.meta?.versionId).toBe("1");
    expect(record?.affiliation?.id).toBe("aff-b");
  });

  it("accepts the clinic as a bare id", async () => {
    const partners = await fetchPartnerRecords(fakeHttp(), "clinic").then((records) =>
      records.map((r) => r.partner),
    );
    expect(partners).toHaveLength(2);
  });

  it("refuses a malformed partner resource", async () => {
    server.use(
      http.get(`${FHIR_BASE}/OrganizationAffiliation`, () =>
        HttpResponse.json({
          resourceType: "Bundle",
          entry: [{ resource: { resourceType: "Organization", id: 7 } }],
        }),
      ),
    );
    await expect(
      fetchPartnerRecords(fakeHttp(), "Organization/clinic").then((records) =>
        records.map((r) => r.partner),
      ),
    ).rejects.toBeInstanceOf(FailureError);
  });

  it("never follows a next link to another server", () => {
    expect(relativeToServer(FHIR_BASE, `${FHIR_BASE}/OrganizationAffiliation?_offset=1`)).toBe(
      "OrganizationAffiliation?_offset=1",
    );
    expect(() => relativeToServer(FHIR_BASE, "https://evil.test/fhir/x")).toThrow(FailureError);
  });
});

describe("isOpenAt", () => {
  const service = (hours: PartnerService["hours"], open24x7 = false): PartnerService => ({
    id: "s",
    name: "s",
    services: [],
    languages: [],
    open24x7,
    hours,
    walkIn: false,
  });
  // 2026-11-23 is a Monday; local time.
  const at = (day: number, h: number, m = 0) => new Date(2026, 10, 23 + day, h, m);

  it("24/7 is always open", () => {
    expect(isOpenAt(service([], true), at(6, 3))).toBe(true);
  });
  it("inside and outside weekday hours; the end is exclusive", () => {
    const s = service([{ days: ["mon", "tue"], start: "09:00", end: "17:00" }]);
    expect(isOpenAt(s, at(0, 9))).toBe(true);
    expect(isOpenAt(s, at(0, 16, 59))).toBe(true);
    expect(isOpenAt(s, at(0, 17))).toBe(false);
    expect(isOpenAt(s, at(0, 8, 59))).toBe(false);
    expect(isOpenAt(s, at(2, 10))).toBe(false);
  });
  it("an entry without times is all day on its days", () => {
    const s = service([{ days: ["sat"] }]);
    expect(isOpenAt(s, at(5, 23, 30))).toBe(true);
    expect(isOpenAt(s, at(6, 0, 30))).toBe(false);
  });
  it("overnight hours run past midnight", () => {
    const s = service([{ days: ["fri"], start: "18:00", end: "02:00" }]);
    expect(isOpenAt(s, at(4, 19))).toBe(true);
    expect(isOpenAt(s, at(5, 1))).toBe(true);
    expect(isOpenAt(s, at(5, 3))).toBe(false);
    expect(isOpenAt(s, at(3, 1))).toBe(false);
  });
  it("a partner is open when one of its active services is", () => {
    const open = service([], true);
    expect(
      isPartnerOpenAt({ id: "p", name: "p", active: true, types: [], services: [open] }, at(0, 3)),
    ).toBe(true);
    expect(
      isPartnerOpenAt(
        { id: "p", name: "p", active: true, types: [], services: [{ ...open, active: false }] },
        at(0, 3),
      ),
    ).toBe(false);
  });
});
