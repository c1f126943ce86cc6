import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Bundle, Procedure } from "fhir/r4";
import { SessionContext, type ChartSession } from "../../app/session";
import type { Role } from "../../domain/roles";
import { FailureError } from "../../fhir/failures";
import type { FhirHttp } from "../../fhir/http";
import { chartSession, clinic } from "../../../test/unit/session";
import CuesGuide from "./CuesGuide";

const provider = {
  reference: "Practitioner/dr",
  name: "Dr",
  roleCodes: [],
  organizations: [],
};

function renderGuide(
  overrides: Partial<ChartSession>,
  request: ReturnType<typeof vi.fn>,
  roles: Role[] = ["medical-assistant"],
) {
  const session = chartSession(roles, {
    http: { serverUrl: "https://ehr.test/fhir", request } as unknown as FhirHttp,
    user: { reference: "PractitionerRole/ma-1", name: "Jo", roleCodes: [], organizations: [] },
    needPatientBanner: false,
    grantedScopes: [],
    ...overrides,
  });
  const onReferral = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionContext.Provider value={session}>
        <CuesGuide onReferral={onReferral} />
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
  return { onReferral };
}

const ok = {
  body: { resourceType: "Bundle", type: "transaction-response" },
  etag: null,
  status: 200,
};

describe("CUES guide", () => {
  it("a medical assistant lands on universal education, in the patient's language, with two cards", () => {
    renderGuide({}, vi.fn());
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Universal education");
    expect(screen.getByTestId("education-script")).toHaveAttribute("lang", "es");
    expect(screen.getAllByRole("checkbox", { checked: true })).toHaveLength(2);
  });

  it("a medical assistant cannot open the full guide: the switch is disabled and says why", async () => {
    const user = userEvent.setup();
    renderGuide({}, vi.fn());
    const full = screen.getByRole("radio", { name: "Full guide" });
    expect(full).toBeDisabled();
    expect(full).toHaveAccessibleDescription(/Your role records universal education/);
    await user.click(full);
    expect(screen.getByRole("radio", { name: "Universal education only" })).toBeChecked();
    expect(screen.queryByRole("button", { name: /shared something/ })).not.toBeInTheDocument();
  });

  it("records education in one click: one labelled Procedure, conditional create; a failure keeps the identifier for the retry", async () => {
    const user = userEvent.setup();
    const request = vi
      .fn()
      .mockRejectedValueOnce(
        new FailureError({ kind: "operation-outcome", status: 503, diagnostics: ["Busy"] }),
      )
      .mockResolvedValue(ok);
    renderGuide({}, request);
    await user.click(screen.getByRole("button", { name: "Record: education offered" }));
    expect(await screen.findByTestId("write-failure")).toHaveTextContent("Busy");
    await user.click(screen.getByRole("button", { name: "Record: education offered" }));
    expect(await screen.findByTestId("education-recorded")).toBeInTheDocument();

    expect(request).toHaveBeenCalledTimes(2);
    const [first, second] = request.mock.calls as [unknown, string, { body: Bundle }][];
    expect(first?.[1]).toBe("");
    expect(second?.[2].body).toEqual(first?.[2].body);
    const entry = first?.[2].body.entry?.[0];
    const procedure = entry?.resource as Procedure;
    expect(procedure.meta?.security?.map((c) => c.code)).toEqual(["R", "SDV", "NOPAT"]);
    expect(procedure.performer?.[0]?.actor.reference).toBe("PractitionerRole/ma-1");
    expect(entry?.request?.ifNoneExist).toMatch(/^identifier=/);
    // Two card extensions and the visit setting (in person by default).
    expect(procedure.extension).toHaveLength(3);
    expect(JSON.stringify(procedure.extension)).toContain('"code":"in-person"');
  });

  it("a provider goes C → UE → S and hands the patient's choices to the referral", async () => {
    const user = userEvent.setup();
    const { onReferral } = renderGuide(
      { user: { reference: "Practitioner/dr", name: "Dr", roleCodes: [], organizations: [] } },
      vi.fn(),
      ["provider"],
    );
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Confidentiality");
    expect(screen.getByTestId("limits-text")).toHaveAttribute("data-audience", "adult");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(screen.getByRole("button", { name: /shared something/ }));
    await user.click(answer(/In danger right now/, "Yes"));
    expect(screen.getByTestId("urgency")).toHaveAttribute("data-level", "now");
    await user.click(screen.getByRole("button", { name: "Continue to referral" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Choose at least one service");
    await user.click(screen.getByLabelText("24-hour hotline"));
    await user.click(screen.getByRole("button", { name: "Continue to referral" }));
    expect(onReferral).toHaveBeenCalledWith(
      expect.objectContaining({
        language: "es",
        needs: ["hotline-24h"],
        urgency: "now",
        educationRecorded: false,
        education: expect.objectContaining({ cards: expect.any(Array) }),
      }),
    );
  });

  it("every safety item is its question, answered Yes / No as asked: 'No' to a safe place tonight means connect now", async () => {
    const user = userEvent.setup();
    renderGuide({ user: provider }, vi.fn(), ["provider"]);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(screen.getByRole("button", { name: /shared something/ }));
    const safety = screen.getByRole("group", { name: "Safety and needs check" });
    // No checkboxes: each item is a group of two radios named after the question.
    expect(within(safety).queryAllByRole("checkbox")).toHaveLength(0);
    const groups = within(safety).getAllByRole("group");
    expect(groups).toHaveLength(13);
    for (const g of groups) {
      expect(
        within(g)
          .getAllByRole("radio")
          .map((r) => r.closest("label")?.textContent),
      ).toEqual(["Yes", "No"]);
    }
    const safePlace = screen.getByRole("group", { name: /Has a safe place to stay tonight\?/ });
    // The patient's question (Spanish here) is spoken with the same polarity.
    expect(safePlace).toHaveTextContent("¿Tiene un lugar seguro donde quedarse esta noche?");
    await user.click(answer(/Has a safe place to stay tonight/, "Yes"));
    expect(screen.getByTestId("urgency")).toHaveAttribute("data-level", "routine");
    await user.click(answer(/Has a safe place to stay tonight/, "No"));
    expect(screen.getByTestId("urgency")).toHaveAttribute("data-level", "now");
    expect(screen.getByTestId("urgency")).toHaveTextContent("No safe place to stay tonight");
    await user.click(answer(/Has a safe place to stay tonight/, "Yes"));
    await user.click(answer(/Has enough food/, "Yes"));
    await user.click(answer(/Can get their medicines/, "No"));
    expect(screen.getByTestId("urgency")).toHaveAttribute("data-level", "soon");
    expect(screen.getByTestId("urgency")).toHaveTextContent("Cannot get their medicines");
    expect(screen.getByTestId("urgency")).not.toHaveTextContent("Needs food");
  }, 20_000);

  it("strangulation alone means connect now, with the delayed-injury prompt and the clinic's protocol", async () => {
    const user = userEvent.setup();
    renderGuide(
      {
        user: provider,
        clinic: {
          ...clinic,
          strangulationProtocol: { en: "Page the on-call NP; CTA neck today.", es: "Llame." },
        },
      },
      vi.fn(),
      ["provider"],
    );
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(screen.getByRole("button", { name: /shared something/ }));
    expect(screen.queryByTestId("strangulation-prompt")).toBeNull();
    await user.click(answer(/Ever choked or strangled/, "Yes"));
    expect(screen.getByTestId("urgency")).toHaveAttribute("data-level", "now");
    const prompt = screen.getByTestId("strangulation-prompt");
    expect(prompt).toHaveTextContent(/hours to days later/);
    expect(prompt).toHaveTextContent(/airway/);
    expect(prompt).toHaveTextContent(/stroke/);
    expect(screen.getByTestId("strangulation-protocol")).toHaveTextContent(
      "Page the on-call NP; CTA neck today.",
    );
    await user.click(answer(/Ever choked or strangled/, "No"));
    expect(screen.queryByTestId("strangulation-prompt")).toBeNull();
    expect(screen.getByTestId("urgency")).toHaveAttribute("data-level", "routine");
  });
});

describe("settings", () => {
  it.each([
    ["Mobile unit", /door is closed/],
    ["School-based clinic", /not passed to the school/],
  ])("%s adds its own confidentiality checks", async (label, check) => {
    const user = userEvent.setup();
    renderGuide({ user: provider }, vi.fn(), ["provider"]);
    expect(screen.queryAllByTestId("setting-check")).toHaveLength(0);
    await user.click(screen.getByRole("radio", { name: label }));
    const checks = screen.getAllByTestId("setting-check");
    expect(checks).toHaveLength(2);
    await user.click(screen.getByRole("checkbox", { name: check }));
    expect(screen.getByRole("checkbox", { name: check })).toBeChecked();
  });
});

/** The Yes / No radio of the safety question whose group name matches. */
function answer(question: RegExp, value: "Yes" | "No"): HTMLElement {
  return within(screen.getByRole("group", { name: question })).getByRole("radio", { name: value });
}
