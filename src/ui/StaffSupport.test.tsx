import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FailureScreen } from "./FailureScreen";
import { StaffSupport } from "./StaffSupport";
import { StaffLanguageContext } from "./staffLanguage";

describe("staff support", () => {
  it("shows the clinic's contacts and policy, and the built-in guidance", () => {
    render(
      <StaffSupport
        onClose={() => {}}
        config={{
          eap: { name: { en: "Example EAP", es: "EAP de ejemplo" }, phone: "1-800-555-0142" },
          workplaceSafety: {
            name: { en: "Safety officer", es: "Seguridad" },
            email: "s@x.example",
          },
          policy: {
            title: { en: "DV at work", es: "VD en el trabajo" },
            url: "https://x.example/p",
          },
        }}
      />,
    );
    expect(screen.getByTestId("staff-support-eap")).toHaveTextContent("Example EAP");
    expect(screen.getByRole("link", { name: "1-800-555-0142" })).toHaveAttribute(
      "href",
      "tel:18005550142",
    );
    expect(screen.getByRole("link", { name: "DV at work" })).toHaveAttribute(
      "href",
      "https://x.example/p",
    );
    expect(screen.getByText(/1-800-799-7233/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "After a hard disclosure" })).toBeInTheDocument();
  });

  it("without clinic config, general wording in Spanish", () => {
    render(
      <StaffLanguageContext.Provider value="es">
        <StaffSupport onClose={() => {}} config={undefined} />
      </StaffLanguageContext.Provider>,
    );
    expect(screen.getByText(/programa de asistencia al empleado/i)).toBeInTheDocument();
    expect(
      screen.getByRole("heading", { name: "Después de una revelación difícil" }),
    ).toBeInTheDocument();
  });

  it("opens from an error screen and back, storing nothing", async () => {
    const stored = { local: localStorage.length, session: sessionStorage.length };
    render(<FailureScreen failure={{ kind: "no-state" }} lang="en" />);
    await userEvent.click(screen.getByRole("button", { name: "Staff support" }));
    // Loaded when opened.
    const heading = await screen.findByRole("heading", { name: "Support for staff" });
    // The page takes the focus in an effect, which may run just after the heading is shown.
    await waitFor(() => expect(heading).toHaveFocus());
    await userEvent.click(await screen.findByRole("button", { name: "Back to the app" }));
    expect(screen.getByRole("heading", { name: "Open the app from the EHR" })).toBeInTheDocument();
    expect({ local: localStorage.length, session: sessionStorage.length }).toEqual(stored);
  });

  it("an error screen, outside the app, gives its own language to the staff support page", async () => {
    render(<FailureScreen failure={{ kind: "no-state" }} lang="es" />);
    await userEvent.click(screen.getByRole("button", { name: "Apoyo al personal" }));
    expect(
      await screen.findByRole("heading", { name: "Después de una revelación difícil" }),
    ).toBeInTheDocument();
  });
});
