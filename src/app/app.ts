// First: before any schema is built.
import "../config/zodCsp";
import { boot } from "./boot";
import type { StartedLaunch } from "./launchStart";
import { showStartFailed } from "./startFailed";

// Boot's code (schemas, the content packs, the FHIR door) is evaluated first, React, the shell
// and the guide (./render.tsx, a chunk of their own) only once the first reads are on their
// way: evaluating them takes the main thread some 50 ms, which the token's answer and boot
// would otherwise wait for. The reads take longer than that, so the first screen does not
// wait for React.

/** Boots the launch main.ts started and renders the first screen (or the failure's own). */
export function start(started: StartedLaunch): void {
  let rendering: Promise<typeof import("./render")> | null = null;
  const loadRender = () => (rendering ??= import("./render"));
  const failed = () => showStartFailed(document.getElementById("root") as HTMLElement);
  boot(started, { readsSent: () => void loadRender().catch(() => undefined) }).then(
    (result) => loadRender().then(({ render }) => render(result), failed),
    failed,
  );
}
