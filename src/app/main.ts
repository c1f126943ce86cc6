// First: starts the token exchange and the clinic config's download (./launchStart.ts).
import { started } from "./launchStart";
// Then, before any schema is built.
import "../config/zodCsp";
import { boot } from "./boot";
import { showStartFailed } from "./startFailed";

// index.html's entry. The SMART launch completes (the token exchange, the first reads) while
// React and the app's code download and evaluate: neither waits for the other, and the first
// screen renders when both are there.

// A page restored from the back/forward cache could show an earlier launch's patient:
// reload so the current launch decides what is shown.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) location.reload();
});

if (started) {
  const booting = boot(started);
  const rendering = import("./render");
  void Promise.all([booting, rendering]).then(
    ([result, { render }]) => render(result),
    () => showStartFailed(document.getElementById("root") as HTMLElement),
  );
}
