import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http as mswHttp, HttpResponse } from "msw";
import type { Consent, ServiceRequest, Task } from "fhir/r4";
import { buildReferralBundle } from "../../fhir/builders/referral";
import { sampleReferral } from "../../../test/fixtures/referral";
import { FhirStore } from "../../../test/msw/fhirStore";
import { FHIR_BASE } from "../../../test/msw/handlers";
import { renderWithSession, serveStore, storeHttp } from "../../../test/unit/render";
import { chartSession } from "../../../test/unit/session";
import type { Role } from "../../domain/roles";
import PatientHistory from "./PatientHistory";

// History against the msw store: what the server holds, a partly malformed answer said out
// loud (never a false "Nothing recorded yet."), and a lost race on withdrawing a consent.

const store = new FhirStore();
const server = serveStore(store);
const patient = sampleReferral.patientId;

beforeEach(() => {
  store.clear();
  store.transaction(buildReferralBundle({ ...sampleReferral, education: undefined }));
});

const show = (roles: Role[] = ["provider"]) =>
  renderWithSession(
    <PatientHistory />,
    chartSession(roles, {
      http: storeHttp(),
      patient: { id: patient, name: "Ana Test", birthDate: "1990-01-02", language: "es" },
    }),
  );

describe("PatientHistory", () => {
  it("shows the referral the server holds, with its consent active", async () => {
    show();
    const item = await screen.findByTestId("history-referral");
    expect(item.dataset.consentStatus).toBe("active");
    expect(screen.queryByTestId("history-unreadable")).toBeNull();
  });

  it("says that some records could not be read instead of 'Nothing recorded yet.'", async () => {
    server.use(
      mswHttp.get(`${FHIR_BASE}/ServiceRequest`, () =>
        HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          entry: [{ resource: { resourceType: "ServiceRequest", id: "broken", status: 7 } }],
        }),
      ),
    );
    show();
    const notice = await screen.findByTestId("history-unreadable");
    expect(notice).toHaveTextContent("1 record(s) from the EHR could not be read");
    expect(screen.queryByText("Nothing recorded yet.")).toBeNull();
  });

  it("a lost race on withdrawing shows the server's state and says so", async () => {
    const user = userEvent.setup();
    show();
    await screen.findByTestId("history-referral");
    // Someone else withdraws it between our read and our write: the transaction meets a
    // newer version (412).
    const consent = store.all("Consent")[0] as Consent;
    server.use(
      mswHttp.post(`${FHIR_BASE}/`, () => {
        store.put({ ...consent, status: "inactive" });
        return HttpResponse.json(
          {
            resourceType: "OperationOutcome",
            issue: [{ severity: "error", code: "conflict", diagnostics: "Version conflict" }],
          },
          { status: 412 },
        );
      }),
    );
    await user.click(screen.getByRole("button", { name: "Withdraw consent" }));
    await user.click(screen.getByRole("button", { name: "Yes, withdraw" }));
    await screen.findByText(/Someone changed this referral while you were withdrawing/);
    await waitFor(() =>
      expect(screen.getByTestId("history-referral").dataset.consentStatus).toBe("inactive"),
    );
    expect(screen.queryByRole("button", { name: "Withdraw consent" })).toBeNull();
    // The message stays once the withdraw controls are gone.
    expect(screen.getByText(/Someone changed this referral/)).toBeInTheDocument();
  });

  it("withdrawing ends the consent, revokes the referral and cancels its Task, in one transaction", async () => {
    const user = userEvent.setup();
    show();
    await screen.findByTestId("history-referral");
    await user.click(screen.getByRole("button", { name: "Withdraw consent" }));
    expect(screen.getByRole("status")).toHaveTextContent("sharing with");
    await user.click(screen.getByRole("button", { name: "Yes, withdraw" }));
    await waitFor(() =>
      expect(screen.getByTestId("history-referral").dataset.consentStatus).toBe("inactive"),
    );
    expect((store.all("Consent")[0] as Consent).status).toBe("inactive");
    expect((store.all("ServiceRequest")[0] as ServiceRequest).status).toBe("revoked");
    expect((store.all("Task")[0] as Task).status).toBe("cancelled");
    expect(screen.getByTestId("history-referral").dataset.taskStatus).toBe("cancelled");
    expect(screen.queryByRole("button", { name: "Withdraw consent" })).toBeNull();
  });

  it("a role that may not withdraw sees no withdraw button", async () => {
    show(["medical-assistant"]);
    await screen.findByTestId("history-referral");
    expect(screen.queryByRole("button", { name: "Withdraw consent" })).toBeNull();
  });

  it("a referral written without labels is flagged, and labelled in one click", async () => {
    const user = userEvent.setup();
    const sr = store.all("ServiceRequest")[0] as ServiceRequest;
    store.put({ ...sr, meta: {} });
    show();
    expect(await screen.findByTestId("history-unlabelled")).toHaveTextContent(
      "without confidentiality labels",
    );
    await user.click(screen.getByRole("button", { name: "Add confidentiality labels" }));
    await waitFor(() => expect(screen.queryByTestId("history-unlabelled")).toBeNull());
    const labelled = store.get("ServiceRequest", sr.id ?? "") as ServiceRequest;
    expect(labelled.meta?.security?.map((c) => c.code)).toEqual(["R", "SDV", "NOPAT"]);
  });
});
