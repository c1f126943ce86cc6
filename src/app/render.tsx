import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, preloadFirstScreen } from "./App";
import type { BootResult } from "./boot";
import { FailureScreen } from "../ui/FailureScreen";
import { pickUiLanguage } from "../content/lang";
import "../ui/styles.css";

// The first screen's code starts loading as soon as this module runs, alongside the launch.
preloadFirstScreen();

/** Renders the app for a completed launch, or the failure's own screen. */
export function render(result: BootResult): void {
  const container = document.getElementById("root") as HTMLElement;
  container.setAttribute("aria-busy", "false");
  createRoot(container).render(
    <StrictMode>
      {result.ok ? (
        <App session={result.session} />
      ) : (
        <FailureScreen
          failure={result.failure}
          lang={pickUiLanguage()}
          staffSupport={result.staffSupport}
        />
      )}
    </StrictMode>,
  );
}
