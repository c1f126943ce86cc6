import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Failure } from "../fhir/failures";
import { StaffLanguageContext } from "./staffLanguage";
import { FailureAlert } from "./FailureAlert";

const unreachable: Failure = { kind: "unreachable", server: "ehr.example.org" };

describe("FailureAlert", () => {
  afterEach(() => {
    vi.doUnmock("../content/failures");
    vi.resetModules();
  });

  it("explains the failure in the staff language, with a retry", async () => {
    const onRetry = vi.fn();
    render(
      <StaffLanguageContext.Provider value="es">
        <FailureAlert failure={unreachable} what="No se pudo cargar la lista." onRetry={onRetry} />
      </StaffLanguageContext.Provider>,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("No se pudo cargar la lista.");
    expect(alert).toHaveTextContent("No se puede conectar con el servidor del EHR");
    expect(alert).toHaveTextContent("ehr.example.org");
    await userEvent.click(screen.getByRole("button", { name: "Intentar de nuevo" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("shows the explanation once its texts have loaded (shown before the shell loads them)", async () => {
    vi.resetModules();
    const { FailureAlert: Fresh } = await import("./FailureAlert");
    render(<Fresh failure={unreachable} what="The list could not be loaded." />);
    expect(screen.getByRole("alert")).toHaveTextContent("The list could not be loaded.");
    expect(screen.getByText("Loading the explanation…")).toBeInTheDocument();
    expect(screen.queryByText("The EHR's server cannot be reached")).toBeNull();
    expect(await screen.findByText("The EHR's server cannot be reached")).toBeInTheDocument();
    expect(screen.queryByText("Loading the explanation…")).toBeNull();
  });

  it("says the explanation could not load, and still offers the retry", async () => {
    vi.resetModules();
    vi.doMock("../content/failures", () => {
      throw new Error("Failed to fetch dynamically imported module");
    });
    const { FailureAlert: Fresh } = await import("./FailureAlert");
    const onRetry = vi.fn();
    render(<Fresh failure={unreachable} what="The list could not be loaded." onRetry={onRetry} />);
    expect(
      await screen.findByText(/could not load the explanation of this problem/),
    ).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("The list could not be loaded.");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
