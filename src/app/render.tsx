import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { preloadGuide, preloadScreen } from "./Screen";
import { tabsFor } from "./tabs";
import type { BootResult } from "./boot";
import { pickUiLanguage } from "../content/lang";
import { showStartFailed } from "./startFailed";
import "../ui/styles.css";

// The guide's code starts loading as soon as this module runs, alongside the launch.
void preloadGuide();

/**
 * Renders the app for a completed launch, or the failure's own screen. The failure screen and
 * its texts (both languages, every failure kind) load only when a launch fails.
 */
export async function render(result: BootResult): Promise<void> {
  const container = document.getElementById("root") as HTMLElement;
  if (result.ok) {
    // The first tab renders at once, without a "Loading…" step.
    const first = tabsFor(result.session)[0];
    if (first) await preloadScreen(first);
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
    () => showStartFailed(container),
  );
}
