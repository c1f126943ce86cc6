import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import type { Bundle, Consent, Resource, Task } from "fhir/r4";
import { FhirStore } from "../../../test/msw/fhirStore";
import { FHIR_BASE, searchWithOneMalformed } from "../../../test/msw/handlers";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { workspaceSession } from "../../../test/unit/session";
import { emptyReferralBackDraft } from "../../domain/incomingReferral";
import { buildReferralBackBundle } from "../../fhir/builders/incomingReferral";
import IncomingWorklist from "./IncomingWorklist";

// The clinic's incoming worklist through the real FHIR door against an msw-served store:
// what staff see (and do not, once the consent ends), each step as a PUT with If-Match, the
// match search, and a colleague's change in between.

const store = new FhirStore([
  { resourceType: "Organization", id: "org-safe-harbor", name: "Safe Harbor" } as Resource,
]);
const server = serveStore(store);
let n = 0;

function seedReferral(): { task: string; consent: string } {
  n++;
  const id = (k: number) => `00000000-0000-4000-a000-${String(n).padStart(8, "0")}000${k}`;
  const bundle = buildReferralBackBundle({
    ids: { consent: id(1), serviceRequest: id(2), task: id(3), client: id(4) },
    draft: {
      ...emptyReferralBackDraft(),
      reason: "next-day-appointment",
      urgency: "urgent",
      givenName: "Ana",
      familyName: "Example",
      birthDate: "1990-04-02",
      language: "es",
      safeContact: { noContact: false, safePhone: "555-0142", voicemailOk: false },
      consent: true,
    },
    partnerOrganization: "Organization/org-safe-harbor",
    clinicOrganization: "Organization/clinic",
    authoredAt: new Date().toISOString(),
    labelPolicy: { nopat: true },
  });
  const result = store.transaction(bundle);
  const locations = ((result.body as Bundle).entry ?? []).map((e) =>
    (e.response?.location ?? "").split("/").slice(0, 2).join("/"),
  );
  return { consent: locations[0] ?? "", task: locations[2] ?? "" };
}

function clear() {
  store.clear((r) => r.resourceType !== "Organization");
  store.requests.splice(0);
}

function renderList() {
  renderWithSession(
    <IncomingWorklist />,
    workspaceSession(["medical-assistant"], {
      http: storeHttp(),
      user: {
        reference: "Practitioner/ma-lopez",
        name: "Casey Lopez",
        roleCodes: [],
        organizations: [],
      },
    }),
  );
}

const taskOf = (ref: string) => store.get("Task", ref.split("/")[1] ?? "") as Task;
const puts = () => store.requests.filter((r) => r.method === "PUT");

beforeEach(clear);

describe("the incoming worklist", () => {
  it("shows the client, the safe contact and the partner; accepting is a PUT with If-Match", async () => {
    const user = userEvent.setup();
    const { task } = seedReferral();
    renderList();
    const card = await screen.findByTestId("incoming-referral");
    expect(within(card).getByTestId("incoming-client").textContent).toBe("Ana Example");
    expect(within(card).getByTestId("incoming-safe-contact").textContent).toMatch(
      /555-0142.*do NOT leave a message/,
    );
    expect(card.textContent).toContain("Safe Harbor");
    expect(card.textContent).toMatch(/Next-day medical appointment — Within a day/);
    await user.click(within(card).getByRole("button", { name: "Accept" }));
    await within(card).findByTestId("incoming-saved");
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.headers["if-match"]).toBe('W/"1"');
    expect(taskOf(task).status).toBe("accepted");
  });

  it("a decline needs a reason in words; the partner's steps are not offered", async () => {
    const user = userEvent.setup();
    const { task } = seedReferral();
    renderList();
    const card = await screen.findByTestId("incoming-referral");
    expect(within(card).queryByRole("button", { name: /cancel referral/i })).toBeNull();
    await user.click(within(card).getByRole("button", { name: "Decline" }));
    await user.selectOptions(within(card).getByLabelText("Why"), "no-capacity");
    await user.type(within(card).getByLabelText(/Reason in words/), "No slots this week");
    await user.click(within(card).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(taskOf(task).status).toBe("rejected"));
    expect(taskOf(task).statusReason?.text).toBe("No slots this week");
  });

  it("finds the patient by name and birth date and matches: Task.for is the Patient, the contained client goes", async () => {
    const user = userEvent.setup();
    const { task } = seedReferral();
    const stored = taskOf(task);
    store.put({ ...stored, status: "accepted" } as Task);
    let searched = "";
    server.use(
      http.get(`${FHIR_BASE}/Patient`, ({ request }) => {
        searched = new URL(request.url).search;
        return HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          entry: [
            {
              resource: {
                resourceType: "Patient",
                id: "pat-ana",
                name: [{ given: ["Ana"], family: "Example" }],
                birthDate: "1990-04-02",
              },
            },
            {
              resource: {
                resourceType: "Patient",
                id: "pat-ana-2",
                name: [{ given: ["Ana"], family: "Example" }],
                birthDate: "1971-01-01",
              },
            },
          ],
        });
      }),
    );
    renderList();
    const card = await screen.findByTestId("incoming-referral");
    await user.click(within(card).getByTestId("find-patient-search"));
    const results = await within(card).findByTestId("find-patient-results");
    expect(searched).toBe("?family=Example&given=Ana&birthdate=1990-04-02&_count=20");
    expect(results.textContent).toContain("different date of birth");
    await user.click(
      within(results).getByRole("button", { name: /This is the patient: Ana Example, 1990-04-02/ }),
    );
    await waitFor(() => expect(taskOf(task).for?.reference).toBe("Patient/pat-ana"));
    expect(taskOf(task).contained).toBeUndefined();
    await within(card).findByTestId("incoming-matched");
  });

  it("registration needed is noted and shown", async () => {
    const user = userEvent.setup();
    const { task } = seedReferral();
    store.put({ ...taskOf(task), status: "accepted" } as Task);
    renderList();
    const card = await screen.findByTestId("incoming-referral");
    await user.click(within(card).getByTestId("registration-needed"));
    await within(card).findByTestId("incoming-registration");
    expect(taskOf(task).note?.at(-1)?.text).toBe("registration-needed");
  });

  it("once the consent is withdrawn: no name, no contact, no matching — only reason and urgency", async () => {
    const { consent } = seedReferral();
    const c = store.get("Consent", consent.split("/")[1] ?? "") as Consent;
    store.put({ ...c, status: "inactive" } as Consent);
    renderList();
    const card = await screen.findByTestId("incoming-referral");
    expect(within(card).getByTestId("incoming-consent-ended")).toBeTruthy();
    expect(card.textContent).not.toMatch(/Ana|555-0142/);
    expect(within(card).queryByTestId("find-patient")).toBeNull();
  });

  it("a colleague's change in between: told, nothing overwritten", async () => {
    const user = userEvent.setup();
    const { task } = seedReferral();
    renderList();
    const card = await screen.findByTestId("incoming-referral");
    // Someone else accepts it meanwhile.
    store.put({
      ...taskOf(task),
      status: "accepted",
      businessStatus: taskOf(task).businessStatus,
    } as Task);
    await user.click(within(card).getByRole("button", { name: "Accept" }));
    await within(card).findByText(/Someone else changed this referral first/);
    expect(within(card).getByTestId("incoming-conflict-theirs").textContent).toMatch(
      /^Someone else set it to: Accepted by the clinic \(.*2026.*\)\.$/,
    );
    expect(puts()).toHaveLength(0);
  });

  it("a partly malformed answer: the rest shown, and how many could not be read", async () => {
    seedReferral();
    seedReferral();
    server.use(searchWithOneMalformed(store, "Task"));
    renderList();
    await waitFor(() => expect(screen.getAllByTestId("incoming-referral")).toHaveLength(1));
    expect(screen.getByTestId("incoming-unreadable").textContent).toMatch(
      /^1 record could not be read and is not shown; the rest are below\./,
    );
    expect(screen.queryByTestId("incoming-empty")).toBeNull();
  });

  it("speaks Spanish", async () => {
    seedReferral();
    renderWithSession(
      <IncomingWorklist />,
      workspaceSession(["medical-assistant"], { http: storeHttp() }),
      "es",
    );
    await screen.findByRole("heading", { name: "Remisiones de programas aliados" });
    expect((await screen.findByTestId("incoming-referral")).textContent).toContain(
      "Cita médica para el día siguiente",
    );
  });
});
