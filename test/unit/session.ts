import { readFileSync } from "node:fs";
import type { ChartSession, WorkspaceSession } from "../../src/app/session";
import type { ClinicConfig } from "../../src/config/clinicConfig";
import { accessFor, type Role } from "../../src/domain/roles";
import type { FhirHttp } from "../../src/fhir/http";

// Sessions for component tests, built as boot builds them: the roles decide the access.

export const clinic = JSON.parse(readFileSync("public/clinic-config.json", "utf8")) as ClinicConfig;

const fakeHttp = (): FhirHttp =>
  ({ serverUrl: "https://ehr.test/fhir", request: vi.fn() }) as unknown as FhirHttp;

export function chartSession(
  roles: Role[] = ["provider"],
  overrides: Partial<ChartSession> = {},
): ChartSession {
  return {
    kind: "chart",
    http: fakeHttp(),
    patient: {
      id: `p-${Math.random()}`,
      name: "Ana Test",
      birthDate: "1990-01-02",
      language: "es",
    },
    user: { reference: "Practitioner/x", name: "Dr. Who", roleCodes: [], organizations: [] },
    access: accessFor(roles, "chart"),
    partnerOrganization: null,
    encounterId: null,
    needPatientBanner: true,
    smartStyleUrl: null,
    grantedScopes: ["patient/Patient.rs"],
    clinic,
    ...overrides,
  };
}

export function workspaceSession(
  roles: Role[] = ["admin"],
  overrides: Partial<WorkspaceSession> = {},
): WorkspaceSession {
  return {
    kind: "workspace",
    http: fakeHttp(),
    user: { reference: "Practitioner/y", name: "Sam Admin", roleCodes: [], organizations: [] },
    access: accessFor(roles, "workspace"),
    partnerOrganization: null,
    smartStyleUrl: null,
    grantedScopes: [],
    clinic,
    ...overrides,
  };
}
