// First: before any schema is built.
import "../config/zodCsp";
import { boot } from "./boot";
import { handOverSignIn } from "../launch/reauthWindow";

// index.html's entry. The SMART launch completes (FHIR.oauth2.ready, the token exchange, the
// first reads) while React and the app's code download and evaluate: neither waits for the
// other, and the first screen renders when both are there.

// A page restored from the back/forward cache could show an earlier launch's patient:
// reload so the current launch decides what is shown.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) location.reload();
});

// The small "sign in again" window hands its answer to the app's window and closes: no boot.
if (!handOverSignIn()) {
  const booting = boot();
  const rendering = import("./render");
  void Promise.all([booting, rendering]).then(([result, { render }]) => render(result));
}
