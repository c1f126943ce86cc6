import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionContext } from "../../app/session";
import type { Role } from "../../domain/roles";
import { alphaAffiliation, alphaHotline, alphaOrganization } from "../../../test/fixtures/partners";
import type { FhirHttp } from "../../fhir/http";
import { workspaceSession } from "../../../test/unit/session";
import { FailureError } from "../../fhir/failures";
import PartnerDirectory from "./PartnerDirectory";
import { canEditPartners } from "./scopes";

// The directory screen in jsdom with a fake FHIR door: what a read-only launch and an admin
// launch see, and that nothing is sent while the form has errors.

const bundle = {
  resourceType: "Bundle",
  entry: [
    alphaAffiliation(),
    alphaOrganization(),
    alphaHotline({ communication: [{ coding: [{ code: "es" }] }] }),
  ].map((resource) => ({ resource })),
};

function renderDirectory(
  grantedScopes: string[],
  roles: Role[] = ["admin"],
  answer: () => unknown = () => bundle,
) {
  const request = vi.fn(
    async (schema: { parse: (v: unknown) => unknown }, ..._rest: unknown[]) => ({
      body: schema.parse(answer()),
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

  it("partner records that cannot be read are left out and counted; the rest are shown", async () => {
    renderDirectory(["user/*.rs"], ["admin"], () => ({
      ...bundle,
      entry: [
        ...bundle.entry,
        // Another system's Organization without a usable name, and one with a numeric id.
        { resource: { resourceType: "Organization", id: "org-bad", name: 42 } },
        { resource: { resourceType: "HealthcareService", id: 7 } },
      ],
    }));
    const list = await screen.findByTestId("partner-list");
    expect(within(list).getByRole("button", { name: "Alpha Program" })).toBeInTheDocument();
    expect(screen.getByTestId("partners-unreadable")).toHaveTextContent(
      "2 partner records could not be read, so the directory may be incomplete. The others are shown.",
    );
  });

  it("a directory that does not load names what failed, says why and offers a retry that works", async () => {
    let fail = true;
    const request = renderDirectory(["user/*.rs"], ["admin"], () => {
      if (fail) throw new FailureError({ kind: "operation-outcome", status: 503, diagnostics: [] });
      return bundle;
    });
    const alert = await screen.findByTestId("directory-failure");
    expect(alert).toHaveTextContent("The partner directory could not be loaded.");
    expect(alert).toHaveTextContent("HTTP 503");
    expect(alert.textContent).not.toMatch(/:\s*$/);
    fail = false;
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("partner-list")).toHaveTextContent("Alpha Program");
    expect(screen.queryByTestId("partners-unreadable")).not.toBeInTheDocument();
    expect(request.mock.calls.length).toBeGreaterThan(1);
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
