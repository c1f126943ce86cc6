// First: starts the token exchange and the clinic config's download (./launchStart.ts).
import { started } from "./launchStart";
// Then, before any schema is built.
import "../config/zodCsp";
import { boot } from "./boot";
import { render } from "./render";
import { showStartFailed } from "./startFailed";

// index.html's entry. The SMART launch completes (the token exchange, the first reads) while
// the rest of the app's code evaluates: React and the shell are part of this entry (one file,
// which launch.html prefetches), and the first screen's code loads beside it (render.tsx).

// A page restored from the back/forward cache could show an earlier launch's patient:
// reload so the current launch decides what is shown.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) location.reload();
});

if (started) {
  const booting = boot(started);
  void booting.then(
    (result) => render(result),
    () => showStartFailed(document.getElementById("root") as HTMLElement),
  );
}
