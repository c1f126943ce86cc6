import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import type { Organization } from "fhir/r4";
import { FhirStore } from "../../../test/msw/fhirStore";
import { FHIR_BASE } from "../../../test/msw/handlers";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { workspaceSession } from "../../../test/unit/session";
import { emptyForm, type PartnerForm } from "../../domain/partnerDraft";
import { buildSaveTransaction } from "../../fhir/builders/partner";
import { ImportPanel } from "./ImportPanel";
import { PARTNER_TEXT } from "./strings";

// Importing a directory Bundle through the real FHIR door: the preview, one transaction, and
// a server refusal that names the partner resource it was about.

const store = new FhirStore();
const server = serveStore(store);
const t = PARTNER_TEXT.en;

function bundleFile(names: string[]): File {
  let n = 0;
  const form = (name: string): PartnerForm => ({
    ...emptyForm(),
    name,
    types: ["legal-services"],
    services: [{ ...emptyForm().services[0]!, name: `${name} line`, services: ["legal-advocacy"] }],
  });
  const entries = names.flatMap(
    (name) =>
      buildSaveTransaction(form(name), undefined, "Organization/clinic", () => `${name}-${++n}`)
        .entry,
  );
  const collection = {
    resourceType: "Bundle",
    type: "collection",
    entry: entries.map((e) => ({ fullUrl: e.fullUrl, resource: e.resource })),
  };
  return new File([JSON.stringify(collection)], "directory.json", { type: "application/json" });
}

function renderPanel() {
  const onImported = vi.fn();
  renderWithSession(
    <ImportPanel records={[]} onCancel={vi.fn()} onImported={onImported} />,
    workspaceSession(["admin"], { http: storeHttp() }),
  );
  return onImported;
}

describe("the import panel", () => {
  it("previews the partners, then writes them in one transaction", async () => {
    const user = userEvent.setup();
    const onImported = renderPanel();
    await user.upload(screen.getByLabelText(t.importFile), bundleFile(["Gamma Legal"]));
    expect(await screen.findByTestId("import-preview")).toHaveTextContent("Gamma Legal");
    await user.click(screen.getByRole("button", { name: t.importConfirm(1) }));
    await vi.waitFor(() => expect(onImported).toHaveBeenCalledWith(1));
    const names = store.all("Organization").map((o) => (o as Organization).name);
    expect(names).toContain("Gamma Legal");
  });

  it("imports names without their bidirectional controls", async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.upload(
      screen.getByLabelText(t.importFile),
      bundleFile(["\u2067Epsilon\u2069 \u202EShelter"]),
    );
    expect(await screen.findByTestId("import-preview")).toHaveTextContent("Epsilon Shelter");
    await user.click(screen.getByRole("button", { name: t.importConfirm(1) }));
    await vi.waitFor(() =>
      expect(store.all("Organization").map((o) => (o as Organization).name)).toContain(
        "Epsilon Shelter",
      ),
    );
    expect(JSON.stringify(store.all())).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it("a file that is not JSON is refused before anything is sent", async () => {
    const user = userEvent.setup();
    renderPanel();
    const before = store.requests.length;
    await user.upload(
      screen.getByLabelText(t.importFile),
      new File(["{ not json"], "directory.json", { type: "application/json" }),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(t.importNotJson);
    expect(screen.queryByTestId("import-preview")).toBeNull();
    expect(store.requests.length).toBe(before);
  });

  it("a bundle with one bad entry is refused in the browser, naming the entry; nothing is sent", async () => {
    const user = userEvent.setup();
    renderPanel();
    const file = bundleFile(["Zeta Shelter"]);
    const bundle = JSON.parse(await file.text()) as {
      entry: { resource: { resourceType: string; name?: unknown } }[];
    };
    const service = bundle.entry.findIndex((e) => e.resource.resourceType === "HealthcareService");
    bundle.entry[service]!.resource.name = 42;
    const before = store.requests.length;
    await user.upload(
      screen.getByLabelText(t.importFile),
      new File([JSON.stringify(bundle)], "directory.json", { type: "application/json" }),
    );
    const refused = await screen.findByTestId("import-refused");
    expect(refused).toHaveTextContent(t.importRefused);
    expect(refused.querySelector(`[data-entry-index="${service}"]`)).not.toBeNull();
    expect(screen.queryByRole("button", { name: t.importConfirm(1) })).toBeNull();
    expect(store.requests.length).toBe(before);
  });

  it("a server refusal names the partner resource it was about, and nothing is written", async () => {
    server.use(
      http.post(`${FHIR_BASE}/`, () =>
        HttpResponse.json(
          {
            resourceType: "OperationOutcome",
            issue: [
              {
                severity: "error",
                code: "invariant",
                diagnostics: "Bundle.entry[1] (POST HealthcareService): type is not allowed",
                expression: ["Bundle.entry[1].resource.type"],
              },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    const before = store.all().length;
    const onImported = renderPanel();
    await user.upload(screen.getByLabelText(t.importFile), bundleFile(["Delta Housing"]));
    await user.click(await screen.findByRole("button", { name: t.importConfirm(1) }));
    const refused = await screen.findByText(t.importServerRefused);
    expect(refused.closest("[role=alert]")).toHaveTextContent(
      'HealthcareService "Delta Housing line": Bundle.entry[1]',
    );
    expect(onImported).not.toHaveBeenCalled();
    expect(store.all().length).toBe(before);
  });
});
