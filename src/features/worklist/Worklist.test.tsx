import { readBusinessStatus } from "../../fhir/businessStatus";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Task } from "fhir/r4";
import { http, HttpResponse } from "msw";
import { FhirStore } from "../../../test/msw/fhirStore";
import { FHIR_BASE } from "../../../test/msw/handlers";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { chartSession, workspaceSession } from "../../../test/unit/session";
import { seedReferral, worklistDirectory } from "../../../test/fixtures/worklist";
import type { Role } from "../../domain/roles";
import Worklist from "./Worklist";

// The clinic's worklist over the real FHIR door and an msw-served store: overdue first,
// filters, names only for roles that may see them, and the requester's cancel with a reason.

const store = new FhirStore(worklistDirectory);
const server = serveStore(store);

const day = 86_400_000;
const ago = (d: number) => new Date(Date.now() - d * day).toISOString();

beforeAll(() => {
  // Several ages and states: on time, follow-up passed, silent partner, done, another partner.
  seedReferral(store, {
    id: "ontime",
    patientId: "pat-a",
    status: "accepted",
    authoredAt: ago(2),
    followUpDue: ago(-20),
  });
  seedReferral(store, {
    id: "late",
    patientId: "pat-b",
    status: "in-progress",
    authoredAt: ago(40),
    followUpDue: ago(10),
    notes: [{ text: "first-contact", byName: "Rosa Santos", time: ago(30) }],
  });
  seedReferral(store, {
    id: "silent",
    patientId: "pat-c",
    priority: "asap",
    authoredAt: ago(5),
    followUpDue: ago(-1),
  });
  seedReferral(store, {
    id: "done",
    patientId: "pat-a",
    status: "completed",
    businessStatus: "fulfillment-completed",
    authoredAt: ago(20),
    followUpDue: ago(5),
  });
  seedReferral(store, {
    id: "bridges",
    patientId: "pat-b",
    partner: "org-bridges",
    requester: "Practitioner/prov-kim",
    status: "accepted",
    authoredAt: ago(3),
    followUpDue: ago(-4),
  });
});

function renderList(roles: Role[], lang: "en" | "es" = "en") {
  return renderWithSession(
    <Worklist />,
    workspaceSession(roles, {
      http: storeHttp(),
      user: {
        reference: "Practitioner/prov-rivera",
        name: "Alex Rivera",
        roleCodes: [],
        organizations: [],
      },
    }),
    lang,
  );
}

const rowIds = () =>
  screen.getAllByTestId("worklist-row").map((r) => r.getAttribute("data-task-id"));

describe("the clinic's referral worklist", () => {
  it("puts overdue referrals first, with names for a provider, and says why they are overdue", async () => {
    const view = renderList(["provider"]);
    await screen.findByTestId("worklist-table");
    expect(rowIds()).toEqual(["t-late", "t-silent", "t-bridges", "t-ontime"]);
    const late = screen.getAllByTestId("worklist-row")[0] as HTMLElement;
    expect(late).toHaveTextContent("Bea Brown");
    expect(late).toHaveTextContent("Overdue: follow-up date passed");
    expect(late).toHaveTextContent("by Rosa Santos");
    expect(screen.getAllByTestId("worklist-row")[1]).toHaveTextContent(
      "Overdue: no answer from the partner",
    );
    expect(screen.getByTestId("worklist-count")).toHaveTextContent("4 of 5 referrals, 2 overdue");
    view.unmount();
  });

  it("filters by partner, status and the staff member who referred", async () => {
    const user = userEvent.setup();
    const view = renderList(["provider"]);
    await screen.findByTestId("worklist-table");
    await user.selectOptions(screen.getByLabelText("Partner"), "Organization/org-bridges");
    expect(rowIds()).toEqual(["t-bridges"]);
    await user.selectOptions(screen.getByLabelText("Partner"), "");
    await user.selectOptions(screen.getByLabelText("Referred by"), "Practitioner/prov-kim");
    expect(rowIds()).toEqual(["t-bridges"]);
    await user.selectOptions(screen.getByLabelText("Referred by"), "");
    await user.selectOptions(screen.getByLabelText("Status"), "closed");
    expect(rowIds()).toEqual(["t-done"]);
    expect(screen.getByTestId("worklist-row")).toHaveTextContent(
      "Completed — connected to services",
    );
    await user.selectOptions(screen.getByLabelText("Status"), "overdue");
    expect(rowIds()).toEqual(["t-late", "t-silent"]);
    view.unmount();
  });

  it("shows no patient names to a manager, reads no Patient, and offers no cancel", async () => {
    const before = store.requests.length;
    const view = renderList(["manager"]);
    await screen.findByTestId("worklist-table");
    expect(screen.queryByRole("columnheader", { name: "Patient" })).not.toBeInTheDocument();
    expect(screen.getByTestId("worklist-table")).not.toHaveTextContent(/Alvarez|Brown|Chen/);
    expect(screen.queryByRole("button", { name: /Cancel referral/ })).not.toBeInTheDocument();
    const urls = store.requests.slice(before).map((r) => new URL(r.url).pathname);
    expect(urls.some((u) => u.endsWith("/Patient"))).toBe(false);
    view.unmount();
  });

  it("in a chart it is the patient's own referrals, without other patients", async () => {
    const view = renderWithSession(
      <Worklist patientId="pat-b" />,
      chartSession(["provider"], {
        http: storeHttp(),
        patient: { id: "pat-b", name: "Bea Brown" },
      }),
    );
    await screen.findByTestId("worklist-table");
    expect(rowIds()).toEqual(["t-late", "t-bridges"]);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("This patient's referrals");
    const searches = store.requests.filter((r) => r.url.includes("/Task?"));
    expect(searches.at(-1)?.url).toContain("subject=Patient%2Fpat-b");
    view.unmount();
  });

  it("speaks Spanish", async () => {
    const view = renderList(["provider"], "es");
    await screen.findByTestId("worklist-table");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(
      "Lista de trabajo de referencias",
    );
    expect(screen.getAllByTestId("worklist-row")[0]).toHaveTextContent(
      "Atrasada: pasó la fecha de seguimiento",
    );
    view.unmount();
  });

  it("the clinic cancels a referral with a reason: one PUT with If-Match, the requester's transition", async () => {
    const user = userEvent.setup();
    const view = renderList(["provider"]);
    await screen.findByTestId("worklist-table");
    const row = screen
      .getAllByTestId("worklist-row")
      .find((r) => r.getAttribute("data-task-id") === "t-ontime") as HTMLElement;
    await user.click(within(row).getByRole("button", { name: "Cancel referral…" }));
    const form = screen.getByTestId("cancel-form");
    await user.selectOptions(within(form).getByLabelText("Reason"), "got-help");
    await user.type(within(form).getByLabelText(/Reason in words/), "Found support nearby");
    const before = store.requests.length;
    await user.click(within(form).getByRole("button", { name: "Cancel the referral" }));
    await screen.findByText(/The referral was cancelled/);
    const puts = store.requests.slice(before).filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers["if-match"]).toBe('W/"1"');
    const task = store.get("Task", "t-ontime") as Task;
    expect(task.status).toBe("cancelled");
    expect(task.statusReason?.coding?.[0]?.code).toBe("got-help");
    expect(task.statusReason?.text).toBe("Found support nearby");
    expect(readBusinessStatus(task.businessStatus)).toBe("fulfillment-cancelled");
    expect(task.note?.at(-1)?.authorReference?.reference).toBe("Practitioner/prov-rivera");
    await waitFor(() => expect(rowIds()).not.toContain("t-ontime"));
    view.unmount();
  });

  it("refuses to overwrite a change made since the list was loaded", async () => {
    const user = userEvent.setup();
    const view = renderList(["provider"]);
    await screen.findByTestId("worklist-table");
    // The partner moves the referral on after the list loaded.
    const bridges = store.get("Task", "t-bridges") as Task;
    store.put({
      ...bridges,
      status: "in-progress",
      note: [{ text: "first-contact", authorReference: { display: "Sam Nguyen" } }],
    });
    const row = screen
      .getAllByTestId("worklist-row")
      .find((r) => r.getAttribute("data-task-id") === "t-bridges") as HTMLElement;
    await user.click(within(row).getByRole("button", { name: "Cancel referral…" }));
    const before = store.requests.length;
    await user.click(screen.getByRole("button", { name: "Cancel the referral" }));
    const alert = await screen.findByTestId("cancel-failure");
    expect(alert).toHaveTextContent("Sam Nguyen");
    expect(alert).toHaveTextContent("In progress");
    expect(store.requests.slice(before).filter((r) => r.method === "PUT")).toHaveLength(0);
    expect((store.get("Task", "t-bridges") as Task).status).toBe("in-progress");
    view.unmount();
  });

  it("a worklist the server could not give says what failed, in the one failure panel, and retries", async () => {
    let failing = true;
    server.use(
      http.get(`${FHIR_BASE}/Task`, () =>
        failing
          ? HttpResponse.json(
              {
                resourceType: "OperationOutcome",
                issue: [{ severity: "error", code: "transient", diagnostics: "busy" }],
              },
              { status: 503 },
            )
          : undefined,
      ),
    );
    const user = userEvent.setup();
    const view = renderList(["provider"]);
    const failure = await screen.findByTestId("worklist-failure");
    expect(failure).toHaveTextContent("The worklist could not be loaded.");
    failing = false;
    await user.click(within(failure).getByRole("button"));
    await screen.findByTestId("worklist-table");
    expect(screen.queryByTestId("worklist-failure")).toBeNull();
    view.unmount();
  });
});
