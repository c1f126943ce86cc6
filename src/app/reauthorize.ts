import type Client from "fhirclient/lib/Client";
import { FailureError } from "../fhir/failures";
import { REAUTH_WINDOW } from "../launch/reauthWindow";

// Signing in again in place, when the session ended mid-task (refresh refused, the EHR ended
// the sign-in): the same authorization request as the launch — same client, scopes, redirect
// URI and, for an EHR launch, the same `launch` — in a small window, so this window keeps what
// was entered (a referral's draft lives in memory only). fhirclient's own `target: "popup"`
// completes the sign-in by reloading this window, which would lose the draft; so the popup
// only hands the code back (src/launch/reauthWindow.ts) and this window exchanges it (PKCE)
// and puts the new tokens into the same fhirclient state, where the FHIR door reads them.
// The new sign-in must be the same user and, in a chart, the same patient.

export interface ReauthorizeDeps {
  open: Window["open"];
  fetch: typeof fetch;
  storage: Pick<Storage, "getItem" | "setItem">;
  now: () => number;
}

const browserDeps = (): ReauthorizeDeps => ({
  open: (...args) => window.open(...args),
  fetch: fetch.bind(globalThis),
  storage: sessionStorage,
  now: () => Date.now(),
});

export type ReauthClient = Pick<Client, "state">;

export function makeReauthorize(
  client: ReauthClient,
  deps: ReauthorizeDeps = browserDeps(),
): (() => Promise<void>) | undefined {
  if (!client.state.authorizeUri || !client.state.tokenUri || !client.state.clientId)
    return undefined;
  return () => reauthorize(client, deps);
}

async function reauthorize(client: ReauthClient, deps: ReauthorizeDeps): Promise<void> {
  // Opened at once, inside the click: a window opened after an await may be blocked.
  const popup = deps.open("", REAUTH_WINDOW, "popup,width=520,height=680");
  if (!popup) throw new FailureError({ kind: "sign-in-again", reason: "popup-blocked" });
  // The rest (PKCE, the code exchange) loads only now: few sessions ever need it, so it stays
  // out of the JavaScript loaded before the first screen.
  const { signInThrough } = await import("./reauthorizeFlow");
  await signInThrough(popup, client, deps);
}
