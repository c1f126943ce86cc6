import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import type { Bundle, Resource, Task } from "fhir/r4";
import { FhirStore } from "../../../test/msw/fhirStore";
import { FHIR_BASE, searchWithOneMalformed } from "../../../test/msw/handlers";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { workspaceSession } from "../../../test/unit/session";
import { sampleReferral } from "../../../test/fixtures/referral";
import { buildReferralBundle } from "../../fhir/builders/referral";
import PartnerInbox from "./PartnerInbox";

// The partner advocate's inbox through the real FHIR door against an msw-served store: a page
// of cards at a time over the whole filtered inbox, records that fail the schema said (never an
// untrue empty inbox), and a colleague's change in between shown beside the advocate's own.

const store = new FhirStore([
  {
    resourceType: "Patient",
    id: "pat-maria",
    name: [{ given: ["María"] }],
    birthDate: "1990-05-01",
  } as Resource,
]);
const server = serveStore(store);
const ORG = "Organization/org-safe-harbor";
let n = 0;

/** One referral to Safe Harbor as the clinic sends it; the Task's id. */
function seedReferral(): string {
  n++;
  const id = (k: number) => `00000000-0000-4000-a000-${String(n).padStart(8, "0")}000${k}`;
  const result = store.transaction(
    buildReferralBundle({
      ...sampleReferral,
      ids: { consent: id(1), serviceRequest: id(2), task: id(3) },
      encounterId: null,
      authoredAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
      consentEnd: "2099-01-01T00:00:00.000Z",
      labelPolicy: { nopat: true },
    }),
  );
  const locations = ((result.body as Bundle).entry ?? []).map((e) => e.response?.location ?? "");
  const task = locations.find((l) => l.startsWith("Task/")) ?? "";
  return task.split("/")[1] ?? "";
}

function renderInbox(lang: "en" | "es" = "en") {
  renderWithSession(
    <PartnerInbox />,
    workspaceSession(["partner-advocate"], {
      http: storeHttp(),
      partnerOrganization: ORG,
      user: {
        reference: "Practitioner/adv-lee",
        name: "Jo Lee",
        roleCodes: [],
        organizations: [],
      },
    }),
    lang,
  );
}

beforeEach(() => {
  store.clear((r) => r.resourceType !== "Patient");
  store.requests.splice(0);
});

const cards = () => screen.queryAllByTestId("inbox-referral");

describe("the partner inbox", () => {
  it("shows 25 cards of 30, then the rest on Show more, the focus on the first new card", async () => {
    for (let i = 0; i < 30; i++) seedReferral();
    const user = userEvent.setup();
    renderInbox();
    await waitFor(() => expect(cards()).toHaveLength(25));
    expect(screen.getByTestId("inbox-count").textContent).toMatch(/^30 referrals, 30 new/);
    expect(screen.getByTestId("inbox-showing").textContent).toBe("Showing 25 of 30");
    await user.click(screen.getByRole("button", { name: "Show 5 more" }));
    expect(cards()).toHaveLength(30);
    expect(screen.queryByTestId("inbox-more")).toBeNull();
    expect(document.activeElement).toBe(cards()[25]?.querySelector("h2"));
    // The filter runs over all of them and starts again at the first page.
    await user.selectOptions(screen.getByLabelText("Show"), "closed");
    expect(cards()).toHaveLength(0);
    expect(screen.getByTestId("inbox-empty").textContent).toMatch(/Choose “All”/);
    await user.selectOptions(screen.getByLabelText("Show"), "all");
    expect(cards()).toHaveLength(25);
  });

  it("says how many records could not be read and shows the rest", async () => {
    seedReferral();
    seedReferral();
    server.use(searchWithOneMalformed(store, "Task"));
    renderInbox();
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(screen.getByTestId("inbox-unreadable").textContent).toMatch(
      /^1 record could not be read and is not shown; the rest are below\./,
    );
    expect(screen.queryByTestId("inbox-empty")).toBeNull();
  });

  it("when nothing could be read, says so in Spanish, and not that the inbox is empty", async () => {
    seedReferral();
    server.use(
      http.get(`${FHIR_BASE}/Task`, () =>
        HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          entry: [{ resource: { resourceType: "Task", id: "x" } }],
        }),
      ),
    );
    renderInbox("es");
    await screen.findByTestId("inbox-unreadable");
    expect(screen.getByTestId("inbox-unreadable").textContent).toMatch(
      /^No se pudo leer 1 registro; no se muestra\./,
    );
    expect(screen.queryByTestId("inbox-empty")).toBeNull();
    expect(screen.queryByText(/No hay remisiones/)).toBeNull();
  });

  it("a colleague's change first: says who and when beside the advocate's change, which is edited and saved on the new version", async () => {
    const taskId = seedReferral();
    const user = userEvent.setup();
    renderInbox();
    await waitFor(() => expect(cards()).toHaveLength(1));
    // Meanwhile a colleague puts a note on it (a new version, still requested).
    const task = store.get("Task", taskId) as Task;
    store.put({
      ...task,
      note: [
        ...(task.note ?? []),
        {
          authorReference: { reference: "Practitioner/adv-santos", display: "Rosa Santos" },
          time: new Date().toISOString(),
          text: "Tried once",
        },
      ],
    });
    const card = cards()[0] as HTMLElement;
    await user.click(within(card).getByRole("button", { name: "Decline" }));
    await user.type(within(card).getByLabelText("Reason in words"), "No space this week");
    await user.click(within(card).getByRole("button", { name: "Save" }));
    const conflict = await screen.findByTestId("task-conflict");
    expect(within(conflict).getByTestId("conflict-theirs").textContent).toMatch(
      /^Rosa Santos set it to: New — waiting for your answer \(.+\)\.$/,
    );
    expect(within(conflict).getByTestId("conflict-yours").textContent).toBe(
      "Your change, not saved: Decline.",
    );
    expect(within(conflict).getByTestId("conflict-yours-details").textContent).toMatch(
      /Reason in words: “No space this week”/,
    );
    expect((store.get("Task", taskId) as Task).status).toBe("requested");
    // Edit first: the form comes back filled in with the advocate's words.
    await user.click(within(conflict).getByRole("button", { name: "Change mine first" }));
    const words = within(card).getByLabelText("Reason in words") as HTMLInputElement;
    expect(words.value).toBe("No space this week");
    await user.click(within(card).getByRole("button", { name: "Save" }));
    await within(card).findByTestId("task-saved");
    const saved = store.get("Task", taskId) as Task;
    expect(saved.status).toBe("rejected");
    expect(saved.statusReason?.text).toBe("No space this week");
    expect(saved.note?.map((x) => x.authorReference?.display)).toEqual(["Rosa Santos", "Jo Lee"]);
    const puts = store.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
  });
});
