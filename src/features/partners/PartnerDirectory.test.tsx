import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionContext } from "../../app/session";
import type { Role } from "../../domain/roles";
import { CODE_SYSTEM } from "../../fhir/canonical";
import type { FhirHttp } from "../../fhir/http";
import { workspaceSession } from "../../../test/unit/session";
import PartnerDirectory from "./PartnerDirectory";
import { canEditPartners } from "./scopes";

// The directory screen in jsdom with a fake FHIR door: what a read-only launch and an admin
// launch see, and that nothing is sent while the form has errors.

const bundle = {
  resourceType: "Bundle",
  entry: [
    {
      resource: {
        resourceType: "OrganizationAffiliation",
        id: "aff-a",
        organization: { reference: "Organization/clinic" },
        participatingOrganization: { reference: "Organization/org-a" },
        code: [
          { coding: [{ system: CODE_SYSTEM.participationTier, code: "2" }] },
          { coding: [{ system: CODE_SYSTEM.collaborationLevel, code: "informed" }] },
        ],
        healthcareService: [{ reference: "HealthcareService/hs-a" }],
      },
    },
    {
      resource: {
        resourceType: "Organization",
        id: "org-a",
        name: "Alpha Program",
        active: true,
        type: [{ coding: [{ system: CODE_SYSTEM.partnerType, code: "dv-program" }] }],
      },
    },
    {
      resource: {
        resourceType: "HealthcareService",
        id: "hs-a",
        name: "Alpha hotline",
        providedBy: { reference: "Organization/org-a" },
        type: [{ coding: [{ system: CODE_SYSTEM.dsvServices, code: "hotline-24h" }] }],
        communication: [{ coding: [{ code: "es" }] }],
        availableTime: [
          { daysOfWeek: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], allDay: true },
        ],
      },
    },
  ],
};

function renderDirectory(grantedScopes: string[], roles: Role[] = ["admin"]) {
  const request = vi.fn(
    async (schema: { parse: (v: unknown) => unknown }, ..._rest: unknown[]) => ({
      body: schema.parse(bundle),
      etag: null,
      status: 200,
    }),
  );
  const session = workspaceSession(roles, {
    http: { serverUrl: "https://ehr.test/fhir", request } as unknown as FhirHttp,
    grantedScopes,
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>
        <PartnerDirectory />
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
  return request;
}

describe("the partner directory screen", () => {
  it("decides editing from the granted scopes", () => {
    expect(canEditPartners(["user/*.rs"])).toBe(false);
    expect(canEditPartners(["user/Organization.cruds", "user/HealthcareService.cruds"])).toBe(
      false,
    );
    expect(
      canEditPartners([
        "user/Organization.cruds",
        "user/HealthcareService.cu",
        "user/OrganizationAffiliation.*",
        "user/Endpoint.write",
      ]),
    ).toBe(true);
    // Patient-level scopes never allow editing the clinic's directory.
    expect(canEditPartners(["patient/*.cruds"])).toBe(false);
  });

  it("a read-only launch sees the list and a note naming the admin scopes, no edit controls", async () => {
    renderDirectory(["patient/*.cruds", "user/*.rs"]);
    const list = await screen.findByTestId("partner-list");
    expect(within(list).getByRole("button", { name: "Alpha Program" })).toBeInTheDocument();
    expect(list).toHaveTextContent("Tier 2");
    expect(screen.getByTestId("partners-read-only")).toHaveTextContent(
      "user/Organization.cruds user/HealthcareService.cruds user/OrganizationAffiliation.cruds user/Endpoint.cruds",
    );
    expect(screen.queryByRole("button", { name: "Add partner" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import a bundle" })).not.toBeInTheDocument();
  });

  it("a provider's launch never edits the directory, even when the scopes would allow it", async () => {
    renderDirectory(
      [
        "user/Organization.cruds",
        "user/HealthcareService.cruds",
        "user/OrganizationAffiliation.cruds",
        "user/Endpoint.cruds",
      ],
      ["provider"],
    );
    await screen.findByTestId("partner-list");
    expect(screen.getByTestId("partners-read-only")).toHaveTextContent("Clinic administrators");
    expect(screen.queryByRole("button", { name: "Add partner" })).not.toBeInTheDocument();
  });

  it("an admin gets field-level errors and nothing is sent", async () => {
    const request = renderDirectory([
      "user/Organization.cruds",
      "user/HealthcareService.cruds",
      "user/OrganizationAffiliation.cruds",
      "user/Endpoint.cruds",
    ]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Add partner" }));
    await user.click(screen.getByRole("button", { name: "Save partner" }));
    expect(screen.getByRole("alert")).toHaveTextContent("need attention");
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Required.");
    expect(
      request.mock.calls.every(
        (call) => (call[2] as { method?: string } | undefined)?.method !== "POST",
      ),
    ).toBe(true);
  });
});
