import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { preloadFirstScreen } from "./Screen";
import type { BootResult } from "./boot";
import { pickUiLanguage } from "../content/lang";
import "../ui/styles.css";

// The first screen's code starts loading as soon as this module runs, alongside the launch.
preloadFirstScreen();

/**
 * Renders the app for a completed launch, or the failure's own screen. The failure screen and
 * its texts (both languages, every failure kind) load only when a launch fails.
 */
export function render(result: BootResult): void {
  const container = document.getElementById("root") as HTMLElement;
  if (result.ok) {
    container.setAttribute("aria-busy", "false");
    createRoot(container).render(
      <StrictMode>
        <App session={result.session} />
      </StrictMode>,
    );
    return;
  }
  import("../ui/FailureScreen").then(
    ({ FailureScreen }) => {
      container.setAttribute("aria-busy", "false");
      createRoot(container).render(
        <StrictMode>
          <FailureScreen
            failure={result.failure}
            lang={pickUiLanguage()}
            staffSupport={result.staffSupport}
          />
        </StrictMode>,
      );
    },
    () => {
      // The app's own files could not be fetched (the network went away after the launch).
      container.setAttribute("aria-busy", "false");
      container.textContent =
        pickUiLanguage() === "es"
          ? "La aplicación no pudo iniciarse. Vuelva a cargar la página."
          : "The app could not start. Reload the page.";
    },
  );
}
