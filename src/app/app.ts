// First: before any schema is built.
import "../config/zodCsp";
import { boot } from "./boot";
import type { StartedLaunch } from "./launchStart";
import { render } from "./render";
import { showStartFailed } from "./startFailed";

/** Boots the launch main.ts started and renders the first screen (or the failure's own). */
export function start(started: StartedLaunch): void {
  void boot(started).then(
    (result) => render(result),
    () => showStartFailed(document.getElementById("root") as HTMLElement),
  );
}
