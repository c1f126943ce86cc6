// First: starts the token exchange and the clinic config's download (./launchStart.ts).
import { started } from "./launchStart";
import { showStartFailed } from "./startFailed";

// index.html's entry, small on purpose. fhirclient sends the token request only after a few
// awaits of its own, which would wait for every module of this entry to be evaluated (~35 ms
// of schemas, content packs and React); so the rest of the app (./app.ts) is imported
// dynamically and evaluates while the token comes back. launch.html prefetches it into the
// HTTP cache: no round trip is added.

// A page restored from the back/forward cache could show an earlier launch's patient:
// reload so the current launch decides what is shown.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) location.reload();
});

if (started) {
  const launch = started;
  import("./app").then(
    ({ start }) => start(launch),
    () => showStartFailed(document.getElementById("root") as HTMLElement),
  );
}
