import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http as mswHttp, HttpResponse } from "msw";
import type { ServiceRequest } from "fhir/r4";
import type { Role } from "../../domain/roles";
import type { SupportSummary } from "../../domain/journey";
import { alphaAffiliation, alphaHotline, alphaOrganization } from "../../../test/fixtures/partners";
import { FhirStore } from "../../../test/msw/fhirStore";
import { FHIR_BASE } from "../../../test/msw/handlers";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { chartSession } from "../../../test/unit/session";
import ReferralFlow from "./ReferralFlow";

// The referral flow through the real FHIR door against the msw store: the directory it reads,
// the refusals on the way, the one transaction it writes, a failed send kept and retried once.

const seed = [
  alphaOrganization(),
  alphaHotline({ telecom: [{ system: "phone", value: "503-555-0142" }] }),
  alphaAffiliation(),
];

const store = new FhirStore();
const server = serveStore(store);
beforeEach(() => {
  store.clear();
  store.requests.splice(0);
  for (const r of seed) store.put(r);
});

const support: SupportSummary = {
  language: "en",
  needs: ["hotline-24h"],
  urgency: "soon",
  educationRecorded: true,
};

function show(roles: Role[] = ["provider"]) {
  const onDone = vi.fn();
  renderWithSession(
    <ReferralFlow support={support} onDone={onDone} onOpenResourceCard={vi.fn()} />,
    chartSession(roles, {
      http: storeHttp(),
      patient: { id: `pat-${Math.random()}`, name: "Ana Test", birthDate: "1990-01-02" },
    }),
  );
  return { onDone };
}

const next = () => screen.getByRole("button", { name: "Continue" });

async function toReview(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("radio", { name: /Alpha Program/ }));
  await user.click(screen.getByRole("radio", { name: "Call the partner together now" }));
  await user.click(next());
  await user.click(screen.getByRole("checkbox", { name: /agrees to share this with/ }));
  await user.type(screen.getByRole("textbox", { name: "Safe phone number" }), "503-555-0199");
  await user.click(next());
  expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Review before sending");
}

describe("ReferralFlow", () => {
  it("refuses each step until it is complete, saying what is missing", async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole("radio", { name: /Alpha Program/ });
    await user.click(next());
    expect(screen.getByRole("alert")).toHaveTextContent("Choose a partner.");
    await user.click(screen.getByRole("radio", { name: /Alpha Program/ }));
    await user.click(next());
    expect(screen.getByRole("alert")).toHaveTextContent("How will the patient connect?");
    await user.click(screen.getByRole("radio", { name: "Chat" }));
    await user.click(next());
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Consent and safe contact");
    await user.click(next());
    expect(screen.getByRole("alert")).toHaveTextContent("The patient's agreement is needed");
    await user.click(screen.getByRole("checkbox", { name: /agrees to share this with/ }));
    await user.click(next());
    expect(screen.getByRole("alert")).toHaveTextContent("Give a safe phone number");
    await user.click(screen.getByRole("checkbox", { name: /No contact at all/ }));
    await user.click(next());
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Review before sending");
    expect(store.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("sends one labelled transaction and shows the partner's contact", async () => {
    const user = userEvent.setup();
    show();
    await toReview(user);
    expect(screen.getByTestId("review-sent")).toHaveTextContent("503-555-0199");
    await user.click(screen.getByRole("button", { name: "Send referral" }));
    expect(await screen.findByRole("heading", { name: "Referral recorded" })).toBeInTheDocument();
    expect(screen.getByTestId("partner-contact")).toHaveTextContent("Alpha Program");
    const [sr] = store.all("ServiceRequest") as ServiceRequest[];
    expect(sr?.performer?.map((p) => p.reference)).toContain("Organization/org-a");
    expect(sr?.meta?.security?.map((c) => c.code)).toEqual(["R", "SDV", "NOPAT"]);
    expect(store.all("Task")).toHaveLength(1);
    expect(store.all("Consent")).toHaveLength(1);
  });

  it("a failed send keeps the draft; the retry writes the referral once", async () => {
    const user = userEvent.setup();
    show();
    await toReview(user);
    server.use(
      mswHttp.post(
        `${FHIR_BASE}/`,
        () =>
          HttpResponse.json(
            {
              resourceType: "OperationOutcome",
              issue: [{ severity: "error", code: "transient", diagnostics: "Busy" }],
            },
            { status: 503 },
          ),
        { once: true },
      ),
    );
    await user.click(screen.getByRole("button", { name: "Send referral" }));
    const failure = await screen.findByTestId("write-failure");
    expect(failure).toHaveTextContent("Sending the referral did not complete.");
    expect(within(failure).getByText(/Nothing was lost/)).toBeInTheDocument();
    expect(store.all("ServiceRequest")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Referral recorded" })).toBeInTheDocument();
    expect(store.all("ServiceRequest")).toHaveLength(1);
    expect(store.all("Consent")).toHaveLength(1);
  });

  it("a role that may not send is refused before anything is sent", async () => {
    const user = userEvent.setup();
    show(["medical-assistant"]);
    await toReview(user);
    await user.click(screen.getByRole("button", { name: "Send referral" }));
    expect(await screen.findByTestId("write-failure")).toHaveAttribute(
      "data-failure",
      "not-allowed",
    );
    expect(store.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });
});
