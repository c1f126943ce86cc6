import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import type { ChartSession } from "./session";
import { FailureScreen } from "../ui/FailureScreen";
import { chartSession, clinic, workspaceSession } from "../../test/unit/session";

function session(overrides: Partial<ChartSession> = {}): ChartSession {
  return chartSession(["provider"], {
    patient: { id: "p1", name: "Ana Test", birthDate: "1990-01-02", language: "es" },
    ...overrides,
  });
}

const tabNames = () =>
  within(screen.getByRole("navigation"))
    .getAllByRole("button")
    .map((b) => b.textContent);

describe("the app shell", () => {
  it("shows the patient in context with our banner when the EHR asks for it", () => {
    render(<App session={session()} />);
    expect(screen.getByRole("region", { name: "Patient" })).toHaveTextContent("Ana Test");
    expect(screen.getByTestId("context-patient")).toHaveTextContent("Ana Test");
    expect(screen.getByTestId("signed-in-as")).toHaveTextContent("Dr. Who");
  });

  it("leaves the banner to the EHR when need_patient_banner is false", () => {
    render(<App session={session({ needPatientBanner: false })} />);
    expect(screen.queryByRole("region", { name: "Patient" })).not.toBeInTheDocument();
  });

  it("keeps patient data out of the window title", () => {
    render(<App session={session()} />);
    expect(document.title).toBe(clinic.displayName);
    expect(document.title).not.toContain("Ana");
  });

  it("gives each role its tabs: a provider's chart, a medical assistant's, an admin's", () => {
    const { unmount } = render(<App session={session()} />);
    expect(tabNames()).toEqual([
      "Guide",
      "History",
      "Worklist",
      "Partners",
      "Settings",
      "Diagnostics",
    ]);
    unmount();
    const ma = render(<App session={chartSession(["medical-assistant"])} />);
    expect(tabNames()).toEqual(["Guide", "Partners"]);
    ma.unmount();
    // An admin launched from a chart never sees the patient's guide or history.
    render(<App session={chartSession(["admin"])} />);
    expect(tabNames()).toEqual(["Partners", "Settings", "Diagnostics"]);
  });

  it("a workspace has no patient: no banner, no patient tabs", () => {
    render(<App session={workspaceSession(["admin"])} />);
    expect(screen.queryByRole("region", { name: "Patient" })).not.toBeInTheDocument();
    expect(screen.queryByTestId("context-patient")).not.toBeInTheDocument();
    expect(screen.getByTestId("app-ready")).toHaveAttribute("data-session", "workspace");
    expect(tabNames()).toEqual(["Partners", "Reports", "Settings", "Diagnostics"]);
  });

  it("a provider's and a manager's workspace open on the referral worklist", () => {
    const provider = render(<App session={workspaceSession(["provider"])} />);
    expect(tabNames()).toEqual([
      "Worklist",
      "Referrals from partners",
      "Partners",
      "Settings",
      "Diagnostics",
    ]);
    provider.unmount();
    render(<App session={workspaceSession(["manager"])} />);
    expect(tabNames()).toEqual(["Worklist", "Partners", "Reports", "Settings"]);
  });

  it("switches the staff language in the header, in memory only", async () => {
    const user = userEvent.setup();
    render(<App session={workspaceSession(["admin"])} />);
    await user.selectOptions(screen.getByLabelText("Show the app in"), "es");
    expect(tabNames()).toEqual(["Aliados", "Informes", "Configuración", "Diagnóstico"]);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});

describe("failure screens", () => {
  it("names the scopes that were not granted", () => {
    render(
      <FailureScreen failure={{ kind: "scopes", missing: ["patient/Patient.rs"] }} lang="en" />,
    );
    expect(screen.getByRole("heading")).toHaveTextContent("not given the access it needs");
    expect(screen.getByRole("listitem")).toHaveTextContent("patient/Patient.rs");
  });

  it("shows an OperationOutcome's diagnostics, in Spanish too", () => {
    render(
      <FailureScreen
        failure={{ kind: "operation-outcome", status: 500, diagnostics: ["Database offline"] }}
        lang="es"
      />,
    );
    expect(screen.getByRole("heading")).toHaveTextContent("El EHR informó un error");
    expect(screen.getByRole("listitem")).toHaveTextContent("Database offline");
  });

  it("renders hostile strings as text", () => {
    render(
      <FailureScreen
        failure={{ kind: "unknown-issuer", iss: "<img src=x onerror=alert(1)>" }}
        lang="en"
      />,
    );
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getAllByText(/img src=x/, { selector: "p" }).length).toBeGreaterThan(0);
  });
});

describe("privacy shield", () => {
  it("Esc swaps everything for a neutral screen; only a deliberate click brings it back", async () => {
    const { default: userEvent } = await import("@testing-library/user-event");
    const user = userEvent.setup();
    render(<App session={session()} />);
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("neutral-screen")).toBeVisible();
    expect(screen.getByTestId("shielded-content")).not.toBeVisible();
    // Hidden content is out of the accessibility tree.
    expect(screen.queryByRole("region", { name: "Patient" })).toBeNull();
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("neutral-screen")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Return to the app" }));
    expect(screen.queryByTestId("neutral-screen")).toBeNull();
    expect(screen.getByTestId("context-patient")).toHaveTextContent("Ana Test");
  });

  it("the visible button hides the screen too", async () => {
    const { default: userEvent } = await import("@testing-library/user-event");
    render(<App session={session()} />);
    await userEvent.setup().click(screen.getByRole("button", { name: /Pause/ }));
    expect(screen.getByTestId("neutral-screen")).toBeVisible();
  });
});
