import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, preloadFirstScreen } from "./App";
import { boot } from "./boot";
import { FailureScreen } from "../ui/FailureScreen";
import { pickUiLanguage } from "../content/lang";
import "../ui/styles.css";

const container = document.getElementById("root") as HTMLElement;
const root = createRoot(container);

// A page restored from the back/forward cache could show an earlier launch's patient:
// reload so the current launch decides what is shown.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) location.reload();
});

preloadFirstScreen();
void boot().then((result) => {
  container.setAttribute("aria-busy", "false");
  root.render(
    <StrictMode>
      {result.ok ? (
        <App session={result.session} />
      ) : (
        <FailureScreen failure={result.failure} lang={pickUiLanguage()} />
      )}
    </StrictMode>,
  );
});
