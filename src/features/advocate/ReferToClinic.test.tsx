import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import type { Bundle, Task } from "fhir/r4";
import { FhirStore } from "../../../test/msw/fhirStore";
import { FHIR_BASE } from "../../../test/msw/handlers";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { workspaceSession } from "../../../test/unit/session";
import ReferToClinic from "./ReferToClinic";

// "Refer to the health center" through the real FHIR door against an msw-served store: the
// form's checks, one transaction of conditional creates, a failed send kept and sent again
// without duplicates, and the clinic's steps in the program's list.

const store = new FhirStore();
const server = serveStore(store);

const SCOPES = ["user/ServiceRequest.crs", "user/Task.crus", "user/Consent.crs"];

function renderForm(grantedScopes = SCOPES, lang: "en" | "es" = "en") {
  renderWithSession(
    <ReferToClinic />,
    workspaceSession(["partner-advocate"], {
      http: storeHttp(),
      partnerOrganization: "Organization/org-safe-harbor",
      grantedScopes,
    }),
    lang,
  );
}

const transactions = () =>
  store.requests.filter((r) => r.method === "POST" && r.url.endsWith("/fhir/"));

beforeEach(() => {
  store.clear();
  store.requests.splice(0);
});

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByLabelText("Reason"), "next-day-appointment");
  await user.type(screen.getByLabelText("First name"), "Ana");
  await user.type(screen.getByLabelText("Last name"), "Example");
  await user.type(screen.getByLabelText("Date of birth", { exact: true }), "1990-04-02");
  await user.selectOptions(screen.getByLabelText("Preferred language", { exact: true }), "es");
  await user.type(screen.getByLabelText("Safe phone"), "555-0142");
  await user.click(screen.getByLabelText("Do NOT leave a message"));
  await user.click(screen.getByLabelText(/The client agrees that we share/));
}

describe("refer to the health center", () => {
  it("names each problem, focuses the first, and sends nothing", async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByTestId("refer-back-send"));
    const problems = await screen.findByTestId("refer-back-problems");
    expect(problems.textContent).toMatch(/Choose what the client is referred for/);
    expect(problems.textContent).toMatch(/Ask the client/);
    expect(document.activeElement).toBe(screen.getByLabelText("Reason"));
    expect(screen.getByLabelText("Reason").getAttribute("aria-invalid")).toBe("true");
    expect(transactions()).toHaveLength(0);
  });

  it("a next-day appointment is within a day; sends one transaction; the sent list shows it", async () => {
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByLabelText("Reason"), "next-day-appointment");
    expect((screen.getByLabelText("Within a day") as HTMLInputElement).checked).toBe(true);
    await fillIn(user);
    await user.click(screen.getByTestId("refer-back-send"));
    await screen.findByTestId("refer-back-sent");
    expect(transactions()).toHaveLength(1);
    const bundle = transactions()[0]?.body as Bundle;
    expect(bundle.entry?.map((e) => e.request?.url)).toEqual(["Consent", "ServiceRequest", "Task"]);
    expect(bundle.entry?.every((e) => e.request?.ifNoneExist?.startsWith("identifier="))).toBe(
      true,
    );
    const task = store.all("Task")[0] as Task;
    expect([task.requester?.reference, task.owner?.reference]).toEqual([
      "Organization/org-safe-harbor",
      "Organization/clinic",
    ]);
    const sent = await screen.findByTestId("sent-referral");
    expect(sent.textContent).toMatch(/Ana E — Next-day medical appointment, Within a day/);
    expect(sent.textContent).toContain("Sent — waiting for the clinic");
  });

  it("a failed send keeps everything entered; sending again writes it once", async () => {
    const user = userEvent.setup();
    renderForm();
    await fillIn(user);
    // The server takes the transaction, then the answer is lost.
    server.use(
      http.post(
        `${FHIR_BASE}/`,
        async ({ request }) => {
          store.transaction((await request.json()) as Bundle);
          return HttpResponse.json(
            { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "transient" }] },
            { status: 503 },
          );
        },
        { once: true },
      ),
    );
    await user.click(screen.getByTestId("refer-back-send"));
    await screen.findByTestId("refer-back-failure");
    expect((screen.getByLabelText("First name") as HTMLInputElement).value).toBe("Ana");
    await user.click(screen.getByRole("button", { name: /Send again/ }));
    await screen.findByTestId("refer-back-sent");
    expect(store.all("Task")).toHaveLength(1);
    expect(store.all("ServiceRequest")).toHaveLength(1);
    expect(store.all("Consent")).toHaveLength(1);
  });

  it("shows the clinic's steps in the program's list", async () => {
    const user = userEvent.setup();
    renderForm();
    await fillIn(user);
    await user.click(screen.getByTestId("refer-back-send"));
    await screen.findByTestId("sent-referral");
    const task = store.all("Task")[0] as Task;
    store.put({
      ...task,
      status: "in-progress",
      businessStatus: {
        coding: [
          {
            system: "https://warm-referral.org/fhir/CodeSystem/wr-referral-outcome",
            code: "scheduled",
          },
        ],
      },
    } as Task);
    await user.click(screen.getByTestId("sent-check"));
    await waitFor(() =>
      expect(screen.getByTestId("sent-status").textContent).toBe(
        "In progress — Appointment booked",
      ),
    );
  });

  it("without the scopes to create, says which and does not offer to send", () => {
    renderForm(["user/Task.rus"]);
    expect(screen.getByTestId("refer-back-scopes").textContent).toMatch(
      /user\/ServiceRequest.c, user\/Task.c, user\/Consent.c/,
    );
    expect((screen.getByTestId("refer-back-send") as HTMLButtonElement).disabled).toBe(true);
  });

  it("speaks Spanish", () => {
    renderForm(SCOPES, "es");
    expect(screen.getByRole("heading", { name: "Remitir al centro de salud" })).toBeTruthy();
  });
});
