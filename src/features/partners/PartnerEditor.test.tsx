import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Bundle, Organization, Resource } from "fhir/r4";
import { alphaAffiliation, alphaHotline, alphaOrganization } from "../../../test/fixtures/partners";
import { FhirStore } from "../../../test/msw/fhirStore";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { workspaceSession } from "../../../test/unit/session";
import { packFor } from "../../content/packs/index";
import { PartnerEditor } from "./PartnerEditor";
import { PARTNER_TEXT } from "./strings";

// The partner editor through the real FHIR door against an msw-served store: what is sent,
// what the store holds, and a colleague's save in between.

const seed: Resource[] = [alphaOrganization(), alphaHotline(), alphaAffiliation()];

const store = new FhirStore(seed);
serveStore(store);
beforeEach(() => store.requests.splice(0));

const t = PARTNER_TEXT.en;
const ADMIN = ["user/Organization.cruds"];

function renderEditor(partnerId?: string) {
  const onSaved = vi.fn();
  const session = workspaceSession(["admin"], { http: storeHttp(), grantedScopes: ADMIN });
  renderWithSession(
    <PartnerEditor {...(partnerId ? { partnerId } : {})} onCancel={vi.fn()} onSaved={onSaved} />,
    session,
  );
  return onSaved;
}

const transactions = () =>
  store.requests.filter((r) => r.method === "POST" && r.url.endsWith("/fhir/"));

describe("the partner editor", () => {
  it("edits tier and level with what each means; the partnership record's facts are not here", async () => {
    const user = userEvent.setup();
    renderEditor("org-a");
    const meaning = packFor("en").staff.partnership;
    const tier = await screen.findByLabelText(t.tier);
    expect(tier).toHaveValue("2");
    expect(tier).toHaveAccessibleDescription(meaning.tierMeaning["2"] ?? "");
    await user.selectOptions(tier, "3");
    expect(tier).toHaveAccessibleDescription(meaning.tierMeaning["3"] ?? "");
    expect(screen.getByLabelText(t.collaboration)).toHaveAccessibleDescription(
      meaning.levelMeaning.informed ?? "",
    );
    // Kept in the partnership record on the partner's page (one form per fact).
    expect(screen.getByText(t.affiliationOwns)).toBeInTheDocument();
    for (const label of [meaning.cadence, meaning.mouDocumentField, meaning.contactName])
      expect(screen.queryByLabelText(label)).toBeNull();
  });

  it("edits a partner: one transaction with If-Match, and the store holds the change", async () => {
    const user = userEvent.setup();
    const onSaved = renderEditor("org-a");
    const name = await screen.findByLabelText("Name");
    expect(name).toHaveValue("Alpha Program");
    await user.clear(name);
    await user.type(name, "Alpha Advocacy");
    await user.click(screen.getByRole("button", { name: "Save partner" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith("org-a"));
    expect(transactions()).toHaveLength(1);
    const sent = transactions()[0]?.body as Bundle;
    const orgEntry = sent.entry?.find((e) => e.resource?.resourceType === "Organization");
    expect(orgEntry?.request).toMatchObject({ method: "PUT", ifMatch: 'W/"1"' });
    expect((store.get("Organization", "org-a") as Organization).name).toBe("Alpha Advocacy");
  });

  it("saves a name without the bidirectional controls typed or pasted into it", async () => {
    const user = userEvent.setup();
    const onSaved = renderEditor("org-a");
    const name = await screen.findByLabelText("Name");
    await user.clear(name);
    // A right-to-left override pasted with the name would reverse the phone shown after it.
    await user.type(name, "Alpha \u202EAdvocacy\u200F");
    await user.click(screen.getByRole("button", { name: "Save partner" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith("org-a"));
    expect((store.get("Organization", "org-a") as Organization).name).toBe("Alpha Advocacy");
    expect(JSON.stringify(transactions()[0]?.body)).not.toMatch(
      /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/,
    );
  });

  it("a colleague saved meanwhile: a conflict, their version under my edits, then one save keeps both", async () => {
    const user = userEvent.setup();
    renderEditor("org-a");
    const name = await screen.findByLabelText("Name");
    // The colleague changes the phone after the editor loaded.
    const current = store.get("Organization", "org-a") as Organization;
    store.put({ ...current, telecom: [{ system: "phone", value: "503-555-0100" }] });
    await user.clear(name);
    await user.type(name, "Alpha Center");
    await user.click(screen.getByRole("button", { name: "Save partner" }));
    expect(await screen.findByTestId("edit-conflict")).toHaveTextContent(t.conflictTitle);
    expect((store.get("Organization", "org-a") as Organization).name).not.toBe("Alpha Center");
    await user.click(screen.getByRole("button", { name: t.conflictReload }));
    // The organization's phone is the first "Phone" (each service has one too).
    const [orgPhone] = await screen.findAllByRole("textbox", { name: "Phone" });
    expect(orgPhone).toHaveValue("503-555-0100");
    expect(screen.getByLabelText("Name")).toHaveValue("Alpha Center");
    await user.click(screen.getByRole("button", { name: "Save partner" }));
    await vi.waitFor(() =>
      expect((store.get("Organization", "org-a") as Organization).name).toBe("Alpha Center"),
    );
    const saved = store.get("Organization", "org-a") as Organization;
    expect(saved.telecom?.some((c) => c.value === "503-555-0100")).toBe(true);
  });

  it("a new partner with errors sends nothing; fixed, one transaction creates it", async () => {
    const user = userEvent.setup();
    const onSaved = renderEditor();
    await user.click(screen.getByRole("button", { name: "Save partner" }));
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(transactions()).toHaveLength(0);
    await user.type(screen.getByLabelText("Name"), "Beta Shelter");
    await user.click(screen.getByLabelText("Domestic violence program"));
    await user.type(screen.getByLabelText("Service name"), "Beta line");
    await user.click(screen.getByLabelText("24-hour hotline"));
    await user.click(screen.getByRole("button", { name: "Save partner" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(transactions()).toHaveLength(1);
    const created = store
      .all("Organization")
      .find((o) => (o as Organization).name === "Beta Shelter");
    expect(created).toBeDefined();
    expect(onSaved).toHaveBeenCalledWith(created?.id);
    const affiliations = store
      .all("OrganizationAffiliation")
      .filter(
        (a) =>
          (a as { participatingOrganization?: { reference?: string } }).participatingOrganization
            ?.reference === `Organization/${created?.id}`,
      );
    expect(affiliations).toHaveLength(1);
  });
});
