import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Task } from "fhir/r4";
import { FhirStore } from "../../../test/msw/fhirStore";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { chartSession } from "../../../test/unit/session";
import { seedReferral, worklistDirectory } from "../../../test/fixtures/worklist";
import { packFor } from "../../content/packs/index";
import type { Role } from "../../domain/roles";
import FollowUpPrompt from "./FollowUpPrompt";

// The follow-up at the next visit over the real FHIR door and an msw-served store: a neutral,
// collapsed prompt for the provider; what happened so far and a script in the patient's
// language; what the patient says recorded as the requester's Task note (status untouched).

const store = new FhirStore(worklistDirectory);
serveStore(store);

const day = 86_400_000;
const ago = (d: number) => new Date(Date.now() - d * day).toISOString();

beforeAll(() => {
  seedReferral(store, {
    id: "a",
    patientId: "pat-a",
    status: "accepted",
    authoredAt: ago(9),
    followUpDue: ago(2),
    notes: [{ text: "accept", byName: "Rosa Santos", time: ago(8) }],
  });
  seedReferral(store, {
    id: "b",
    patientId: "pat-b",
    status: "in-progress",
    authoredAt: ago(9),
    followUpDue: ago(2),
  });
  seedReferral(store, {
    id: "c-old",
    patientId: "pat-c",
    status: "cancelled",
    authoredAt: ago(90),
    followUpDue: ago(60),
  });
  const old = store.get("Task", "t-c-old");
  if (old?.meta) old.meta.lastUpdated = ago(60);
});

function renderPrompt(
  patient: { id: string; name: string; language?: string },
  roles: Role[] = ["provider"],
  onStartNew = vi.fn(),
) {
  return renderWithSession(
    <FollowUpPrompt onStartNew={onStartNew} />,
    chartSession(roles, {
      http: storeHttp(),
      patient,
      user: {
        reference: "Practitioner/prov-rivera",
        name: "Alex Rivera",
        roleCodes: [],
        organizations: [],
      },
    }),
  );
}

describe("the follow-up prompt at the next visit", () => {
  it("opens collapsed under a neutral heading; shows what happened and a script in the patient's language", async () => {
    const user = userEvent.setup();
    const view = renderPrompt({ id: "pat-a", name: "Ana Alvarez", language: "es" });
    const prompt = await screen.findByTestId("follow-up-prompt");
    expect(prompt).toHaveTextContent("Follow-up on an earlier referral");
    // Nothing about the partner or the referral until the provider opens it.
    expect(prompt).not.toHaveTextContent("Safe Harbor");
    await user.click(within(prompt).getByRole("button", { name: "Show the follow-up" }));
    expect(within(prompt).getByTestId("follow-up-so-far")).toHaveTextContent(
      /Referred on .* to Safe Harbor\. Accepted by the partner .* by Rosa Santos/,
    );
    const script = within(prompt).getByTestId("follow-up-script");
    expect(script).toHaveTextContent("A way to ask (Spanish)");
    expect(script.querySelector("p[lang=es]")).toHaveTextContent("¿cómo le fue?");
    view.unmount();
  });

  it("the script comes from the content pack; a pack without it (Vietnamese) gets English with the interpreter hint", async () => {
    const user = userEvent.setup();
    const view = renderPrompt({ id: "pat-b", name: "Bao Tran", language: "vi" });
    const prompt = await screen.findByTestId("follow-up-prompt");
    await user.click(within(prompt).getByRole("button", { name: "Show the follow-up" }));
    // The provider's guidance is content too (staff.followUpIntro), in the staff's language.
    expect(prompt).toHaveTextContent(packFor("en").staff.followUpIntro);
    const script = within(prompt).getByTestId("follow-up-script");
    expect(script).toHaveTextContent("A way to ask (Vietnamese)");
    expect(script).toHaveTextContent(
      "No script in Vietnamese: use the clinic's interpreter and the English wording.",
    );
    expect(script.querySelector("p[lang=en]")?.textContent).toBe(
      packFor("en").patient.followUpScript,
    );
    expect(script.querySelector("p[lang=vi]")).toBeNull();
    view.unmount();
  });

  it('records "connected" as the requester\'s Task note with If-Match, leaving status to the partner', async () => {
    const user = userEvent.setup();
    const view = renderPrompt({ id: "pat-a", name: "Ana Alvarez", language: "es" });
    const prompt = await screen.findByTestId("follow-up-prompt");
    await user.click(within(prompt).getByRole("button", { name: "Show the follow-up" }));
    await user.click(within(prompt).getByLabelText("Connected with the program"));
    const before = store.requests.length;
    await user.click(within(prompt).getByRole("button", { name: "Record" }));
    await within(prompt).findByTestId("follow-up-saved");
    const puts = store.requests.slice(before).filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers["if-match"]).toBe('W/"1"');
    const task = store.get("Task", "t-a") as Task;
    expect(task.status).toBe("accepted");
    expect(task.note?.at(-1)).toMatchObject({
      text: "patient-report:connected",
      authorReference: { reference: "Practitioner/prov-rivera", display: "Alex Rivera" },
    });
    expect(task.output).toBeUndefined();
    view.unmount();
  });

  it('"does not want it now" may also cancel the referral (reason no-longer-interested)', async () => {
    const user = userEvent.setup();
    const view = renderPrompt({ id: "pat-b", name: "Bea Brown" });
    const prompt = await screen.findByTestId("follow-up-prompt");
    await user.click(within(prompt).getByRole("button", { name: "Show the follow-up" }));
    // No script in the patient's language → English with the interpreter hint (English here).
    expect(within(prompt).getByTestId("follow-up-script")).toHaveTextContent("(English)");
    await user.click(within(prompt).getByLabelText("Does not want it now"));
    await user.click(within(prompt).getByLabelText(/Also cancel this referral/));
    await user.click(within(prompt).getByRole("button", { name: "Record" }));
    await within(prompt).findByTestId("follow-up-saved");
    const task = store.get("Task", "t-b") as Task;
    expect(task.status).toBe("cancelled");
    expect(task.statusReason?.coding?.[0]?.code).toBe("no-longer-interested");
    expect(task.note?.map((n) => n.text)).toEqual(["patient-report:not-now", "cancel"]);
    view.unmount();
  });

  it("says nothing for a patient whose only referral closed long ago, and nothing to a medical assistant", async () => {
    const view = renderPrompt({ id: "pat-c", name: "Cy Chen" });
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId("follow-up-prompt")).not.toBeInTheDocument();
    view.unmount();
    const before = store.requests.length;
    const ma = renderPrompt({ id: "pat-a", name: "Ana Alvarez" }, ["medical-assistant"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId("follow-up-prompt")).not.toBeInTheDocument();
    ma.unmount();
    expect(store.requests.length).toBe(before);
  });

  it('"wants another program": after recording, offers to start a new referral', async () => {
    const user = userEvent.setup();
    const onStartNew = vi.fn();
    seedReferral(store, {
      id: "d",
      patientId: "pat-c",
      status: "requested",
      authoredAt: ago(1),
      followUpDue: ago(-1),
    });
    const view = renderPrompt({ id: "pat-c", name: "Cy Chen" }, ["provider"], onStartNew);
    const prompt = await screen.findByTestId("follow-up-prompt");
    await user.click(within(prompt).getByRole("button", { name: "Show the follow-up" }));
    await user.click(within(prompt).getByLabelText("Wants another program"));
    await user.click(within(prompt).getByRole("button", { name: "Record" }));
    await user.click(await within(prompt).findByRole("button", { name: "Start a new referral" }));
    expect(onStartNew).toHaveBeenCalledOnce();
    expect(screen.queryByTestId("follow-up-prompt")).not.toBeInTheDocument();
    view.unmount();
  });
});
