import type { Patient, Practitioner, PractitionerRole } from "fhir/r4";
import { setupServer } from "msw/node";
import { FhirStore } from "../../test/msw/fhirStore";
import { FHIR_BASE, fhirHandlers } from "../../test/msw/handlers";
import { clinic } from "../../test/unit/session";
import { can } from "../domain/roles";
import { openSession, type LaunchedClient } from "./boot";

// Boot decides the session from the launch context and the signed-in user, through the real
// FHIR door (createFhirHttp) against an msw-served store.

const ROLE_SYSTEM = "https://warm-referral.org/fhir/CodeSystem/wr-sandbox-user-role";
const role = (id: string, practitioner: string, code: string, org = "Organization/clinic") =>
  ({
    resourceType: "PractitionerRole",
    id,
    active: true,
    practitioner: { reference: `Practitioner/${practitioner}` },
    organization: { reference: org },
    code: [{ coding: [{ system: ROLE_SYSTEM, code }] }],
  }) satisfies PractitionerRole;
const person = (id: string, given: string) =>
  ({
    resourceType: "Practitioner",
    id,
    name: [{ given: [given], family: "Test" }],
  }) satisfies Practitioner;

const store = new FhirStore([
  { resourceType: "Patient", id: "pat-1", name: [{ given: ["Ana"], family: "Test" }] } as Patient,
  person("dr", "Dana"),
  role("dr-role", "dr", "provider"),
  person("ma", "Jo"),
  role("ma-role", "ma", "medical-assistant"),
  person("admin", "Sam"),
  role("admin-role", "admin", "clinic-admin"),
  person("adv", "Rosa"),
  role("adv-role", "adv", "partner-advocate", "Organization/org-safe-harbor"),
  person("lost-adv", "Lee"),
  role("lost-adv-role", "lost-adv", "partner-advocate"),
  person("nobody", "Kim"),
]);
const server = setupServer(...fhirHandlers(store, () => "t"));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => store.requests.splice(0));
afterAll(() => server.close());

function client(opts: {
  fhirUser?: string;
  patient?: string;
  scope?: string;
  requested?: string;
}): LaunchedClient {
  const state = {
    serverUrl: FHIR_BASE,
    clientId: "c",
    scope: opts.requested ?? "launch openid fhirUser",
    tokenResponse: {
      access_token: "t",
      scope: opts.scope ?? "openid fhirUser patient/Patient.rs user/*.rs",
    },
  };
  return {
    state,
    getAuthorizationHeader: () => "Bearer t",
    refreshIfNeeded: async () => state,
    refresh: async () => state,
    patient: { id: opts.patient ?? null },
    encounter: { id: null },
    user: { fhirUser: opts.fhirUser ?? null },
  } as unknown as LaunchedClient;
}

const paths = () => store.requests.map((r) => new URL(r.url).pathname.replace("/fhir/", ""));

describe("boot: who gets which session", () => {
  it("a provider launched from a chart gets the chart, in two requests", async () => {
    const result = await openSession(
      client({ fhirUser: "Practitioner/dr", patient: "pat-1" }),
      clinic,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.kind).toBe("chart");
    expect(result.session.user.name).toBe("Dana Test");
    expect(can(result.session.access, "send-referral")).toBe(true);
    expect(store.requests).toHaveLength(2);
    expect(store.requests.map((r) => r.url)).toContainEqual(
      `${FHIR_BASE}/Practitioner?_id=dr&_revinclude=PractitionerRole:practitioner`,
    );
  });

  it("a medical assistant whose fhirUser is a Practitioner gets education only", async () => {
    const result = await openSession(
      client({ fhirUser: "Practitioner/ma", patient: "pat-1" }),
      clinic,
    );
    expect(result.ok && result.session.kind).toBe("chart");
    if (!result.ok) return;
    expect(can(result.session.access, "record-education")).toBe(true);
    expect(can(result.session.access, "send-referral")).toBe(false);
    expect(can(result.session.access, "withdraw-consent")).toBe(false);
  });

  it("a medical assistant whose fhirUser is the PractitionerRole gets the same", async () => {
    const result = await openSession(
      client({ fhirUser: "PractitionerRole/ma-role", patient: "pat-1" }),
      clinic,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.user.name).toBe("Jo Test");
    expect(can(result.session.access, "use-full-guide")).toBe(false);
  });

  it("a standalone launch without a patient opens the workspace; Patient.rs is not needed", async () => {
    const result = await openSession(
      client({ fhirUser: "Practitioner/admin", scope: "openid fhirUser user/*.rs" }),
      clinic,
    );
    expect(result.ok && result.session.kind).toBe("workspace");
    if (!result.ok) return;
    expect(can(result.session.access, "edit-directory")).toBe(true);
    expect(paths().some((p) => p.startsWith("Patient"))).toBe(false);
  });

  it("an admin launched from a chart gets the workspace: the patient is not theirs to see", async () => {
    const result = await openSession(
      client({ fhirUser: "Practitioner/admin", patient: "pat-1" }),
      clinic,
    );
    expect(result.ok && result.session.kind).toBe("workspace");
  });

  it("a partner advocate gets the workspace with their program", async () => {
    const result = await openSession(client({ fhirUser: "Practitioner/adv" }), clinic);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.kind).toBe("workspace");
    expect(result.session.partnerOrganization).toBe("Organization/org-safe-harbor");
    expect(can(result.session.access, "work-partner-inbox")).toBe(true);
  });

  it("an advocate whose role names no partner program is told so", async () => {
    const result = await openSession(client({ fhirUser: "Practitioner/lost-adv" }), clinic);
    expect(result).toEqual({
      ok: false,
      failure: { kind: "no-role", reason: "advocate-without-program" },
    });
  });

  it("a user with no mapped role follows roles.unmatched", async () => {
    const asProvider = await openSession(
      client({ fhirUser: "Practitioner/nobody", patient: "pat-1" }),
      clinic,
    );
    expect(asProvider.ok && asProvider.session.kind).toBe("chart");
    const strict = await openSession(client({ fhirUser: "Practitioner/nobody" }), {
      ...clinic,
      roles: { unmatched: "none" },
    });
    expect(strict).toEqual({ ok: false, failure: { kind: "no-role", reason: "unmatched" } });
  });

  for (const fhirUser of ["Patient/pat-1", "RelatedPerson/rp-1", undefined, "Person/x"])
    it(`${fhirUser ?? "no fhirUser"}: the neutral screen and no request at all`, async () => {
      const result = await openSession(client({ fhirUser, patient: "pat-1" }), clinic);
      expect(result).toEqual({ ok: false, failure: { kind: "not-staff" } });
      expect(store.requests).toEqual([]);
    });

  it("a standalone launch that asked for a patient and got none", async () => {
    const result = await openSession(
      client({ fhirUser: "Practitioner/dr", requested: "launch/patient openid fhirUser" }),
      clinic,
    );
    expect(result).toEqual({ ok: false, failure: { kind: "no-patient" } });
  });

  it("a provider's chart without Patient.rs names the missing scope", async () => {
    const result = await openSession(
      client({
        fhirUser: "Practitioner/dr",
        patient: "pat-1",
        scope: "openid fhirUser user/Practitioner.rs user/PractitionerRole.rs",
      }),
      clinic,
    );
    expect(result).toEqual({
      ok: false,
      failure: { kind: "scopes", missing: ["patient/Patient.rs"] },
    });
  });
});
