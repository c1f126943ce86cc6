import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Resource } from "fhir/r4";
import { alphaAffiliation, alphaOrganization } from "../../../../test/fixtures/partners";
import { FhirStore } from "../../../../test/msw/fhirStore";
import { renderWithSession, serveStore, storeHttp } from "../../../../test/unit/render";
import { workspaceSession } from "../../../../test/unit/session";
import { validateResource } from "../../../../fhir-profiles/validator";
import { packFor } from "../../../content/packs/index";
import { CODE_SYSTEM, PROFILE } from "../../../fhir/canonical";
import { codeDisplay } from "../../../fhir/codeDisplays";
import { fetchPartnerRecord, type OrganizationAffiliationJson } from "../../../fhir/partners";
import { readPartnership } from "../../../fhir/partnership";
import { PARTNER_TEXT } from "../strings";
import { PartnershipSection } from "./PartnershipSection";

// The partnership record's forms through the real FHIR door against an msw store: one PUT
// with If-Match per save, what the store holds, and a colleague's save in between.

const seed = [
  alphaOrganization({ meta: { profile: [PROFILE.partnerOrganization] } }),
  alphaAffiliation({
    meta: { profile: [PROFILE.partnerAffiliation] },
    healthcareService: undefined,
    period: { start: "2025-01-01", end: "2027-12-31" },
  }),
];

const store = new FhirStore(seed);
serveStore(store);
beforeEach(() => store.requests.splice(0));

const t = packFor("en").staff.partnership;
const stepName = (step: string) => codeDisplay("wr-onboarding-step", step, "en");
const stored = () =>
  store.get("OrganizationAffiliation", "aff-a") as unknown as OrganizationAffiliationJson;
const puts = () => store.requests.filter((r) => r.method === "PUT");

async function renderSection(onEditDetails = () => {}) {
  const http = storeHttp();
  const record = await fetchPartnerRecord(http, "Organization/clinic", "org-a");
  if (!record) throw new Error("no record");
  const session = workspaceSession(["admin"], {
    http,
    grantedScopes: ["user/Organization.cruds", "user/OrganizationAffiliation.cruds"],
  });
  renderWithSession(
    <PartnershipSection record={record} canEdit onEditDetails={onEditDetails} />,
    session,
  );
}

describe("partnership upkeep forms", () => {
  it("records an onboarding step and the meeting cadence: one PUT with If-Match; the store holds it, valid", async () => {
    const user = userEvent.setup();
    await renderSection();
    await user.click(screen.getByRole("button", { name: t.editRecord }));
    const step = await screen.findByLabelText(stepName("referral-flow-mapping"));
    await user.type(step, "2026-11-20");
    await user.selectOptions(screen.getByLabelText(t.cadence), "quarterly");
    await user.type(
      within(screen.getByRole("group", { name: t.clinicContact })).getByLabelText(t.contactName),
      "Dana Okafor",
    );
    store.requests.splice(0);
    await user.click(screen.getByRole("button", { name: t.saveRecord }));
    expect(await screen.findByTestId("partnership-notice")).toHaveTextContent(t.recordSaved);
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.url).toMatch(/OrganizationAffiliation\/aff-a$/);
    expect(puts()[0]?.headers["if-match"]).toBe('W/"1"');
    const p = readPartnership(stored());
    expect(p.onboarding).toEqual({ "referral-flow-mapping": "2026-11-20" });
    expect(p.meetingCadence).toBe("quarterly");
    expect(p.clinicContact).toEqual({ name: "Dana Okafor" });
    expect(validateResource(stored() as never).issues).toEqual([]);
  });

  it("tier, level and MOU dates are not edited here: shown read-only, with the way to the partner's details", async () => {
    const user = userEvent.setup();
    const onEditDetails = vi.fn();
    await renderSection(onEditDetails);
    await user.click(screen.getByRole("button", { name: t.editRecord }));
    const kept = await screen.findByTestId("kept-in-details");
    expect(kept).toHaveTextContent(PARTNER_TEXT.en.tierLabel(2));
    expect(kept).toHaveTextContent(t.tierMeaning["2"] ?? "");
    expect(kept).toHaveTextContent(`${PARTNER_TEXT.en.partnershipContact}—`);
    for (const label of [
      PARTNER_TEXT.en.tier,
      PARTNER_TEXT.en.collaboration,
      PARTNER_TEXT.en.mouStart,
      PARTNER_TEXT.en.mouEnd,
      PARTNER_TEXT.en.mouReview,
    ])
      expect(screen.queryByLabelText(label)).toBeNull();
    await user.click(within(kept).getByRole("button", { name: t.editDetails }));
    expect(onEditDetails).toHaveBeenCalledOnce();
  });

  it("a bad entry sends nothing and says which field", async () => {
    const user = userEvent.setup();
    await renderSection();
    await user.click(screen.getByRole("button", { name: t.editRecord }));
    await user.type(await screen.findByLabelText(t.mouDocumentField), "file://share/mou.pdf");
    await user.click(screen.getByRole("button", { name: t.saveRecord }));
    expect(await screen.findByText(t.fixErrors(1))).toBeInTheDocument();
    expect(screen.getByLabelText(t.mouDocumentField)).toHaveAttribute("aria-invalid", "true");
    expect(puts()).toHaveLength(0);
  });

  it("a colleague saved meanwhile: the form says so and keeps my entries; reloading keeps both", async () => {
    const user = userEvent.setup();
    await renderSection();
    await user.click(screen.getByRole("button", { name: t.editRecord }));
    const step = await screen.findByLabelText(stepName("staff-trained"));
    // The colleague sets the cadence after my form was opened.
    const theirs = stored();
    store.put({
      ...theirs,
      extension: [
        {
          url: "https://warm-referral.org/fhir/StructureDefinition/wr-meeting-cadence",
          valueCoding: { system: CODE_SYSTEM.meetingCadence, code: "monthly" },
        },
      ],
    } as unknown as Resource);
    await user.type(step, "2026-11-01");
    await user.click(screen.getByRole("button", { name: t.saveRecord }));
    const conflict = await screen.findByTestId("upkeep-conflict");
    expect(conflict).toHaveTextContent(t.conflict);
    // Nothing overwritten; my entry still in the form.
    expect(readPartnership(stored()).onboarding).toEqual({});
    expect(screen.getByLabelText(stepName("staff-trained"))).toHaveValue("2026-11-01");

    await user.click(within(conflict).getByRole("button", { name: t.conflictReload }));
    expect(await screen.findByText(t.conflictReloaded)).toBeInTheDocument();
    expect(screen.getByLabelText(t.cadence)).toHaveValue("monthly");
    expect(screen.getByLabelText(stepName("staff-trained"))).toHaveValue("2026-11-01");
    await user.click(screen.getByRole("button", { name: t.saveRecord }));
    await screen.findByTestId("partnership-notice");
    const p = readPartnership(stored());
    expect(p.meetingCadence).toBe("monthly");
    expect(p.onboarding).toEqual({ "staff-trained": "2026-11-01" });
  });

  it("records a cross-training; a conflict keeps it, and after reloading it is added to their version", async () => {
    const user = userEvent.setup();
    await renderSection();
    await user.click(screen.getByRole("button", { name: t.addTraining }));
    await user.type(await screen.findByLabelText(t.trainingDate), "2026-11-18");
    await user.selectOptions(screen.getByLabelText(t.trainingDirection), "clinic-at-program");
    await user.type(screen.getByLabelText(t.trainingTopic), "Trauma-informed intake");
    await user.type(screen.getByLabelText(t.trainingAttendees), "9");
    store.put({
      ...stored(),
      period: { start: "2025-02-01", end: "2027-12-31" },
    } as unknown as Resource);
    await user.click(screen.getByRole("button", { name: t.saveTraining }));
    const conflict = await screen.findByTestId("upkeep-conflict");
    expect(screen.getByLabelText(t.trainingTopic)).toHaveValue("Trauma-informed intake");
    await user.click(within(conflict).getByRole("button", { name: t.conflictReload }));
    await screen.findByText(t.conflictReloaded);
    await user.click(screen.getByRole("button", { name: t.saveTraining }));
    expect(await screen.findByTestId("partnership-notice")).toHaveTextContent(t.trainingSaved);
    expect(readPartnership(stored()).crossTrainings).toEqual([
      {
        date: "2026-11-18",
        direction: "clinic-at-program",
        topic: "Trauma-informed intake",
        attendees: 9,
      },
    ]);
    expect(stored().period?.start).toBe("2025-02-01");
    expect(validateResource(stored() as never).issues).toEqual([]);
  });

  it("a manager sees the record but no forms", async () => {
    const http = storeHttp();
    const record = await fetchPartnerRecord(http, "Organization/clinic", "org-a");
    renderWithSession(
      <PartnershipSection record={record!} canEdit={false} onEditDetails={() => {}} />,
      workspaceSession(["manager"], { http }),
      "es",
    );
    expect(screen.getByRole("heading", { name: "Registro de la alianza" })).toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: packFor("es").staff.partnership.editRecord }),
    ).toBeNull();
  });
});
