import type Client from "fhirclient/lib/Client";
import { FailureError, type Failure } from "../fhir/failures";
import { NO_STORE } from "../fhir/http";
import { LAUNCH_KEY, REAUTH_MESSAGE, REAUTH_WINDOW } from "../launch/reauthWindow";

// Signing in again in place, when the session ended mid-task (refresh refused, the EHR ended
// the sign-in): the same authorization request as the launch — same client, scopes, redirect
// URI and, for an EHR launch, the same `launch` — in a small window, so this window keeps what
// was entered (a referral's draft lives in memory only). fhirclient's own `target: "popup"`
// completes the sign-in by reloading this window, which would lose the draft; so the popup
// only hands the code back (src/launch/reauthWindow.ts) and this window exchanges it (PKCE)
// and puts the new tokens into the same fhirclient state, where the FHIR door reads them.
// The new sign-in must be the same user and, in a chart, the same patient.

/** How often the app checks whether the sign-in window was closed without an answer (ms). */
const POLL_MS = 400;

type Opener = Pick<Window, "open">;

export interface ReauthorizeDeps {
  open: Opener["open"];
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

type ReauthClient = Pick<Client, "state">;

export function makeReauthorize(
  client: ReauthClient,
  deps: ReauthorizeDeps = browserDeps(),
): (() => Promise<void>) | undefined {
  if (!client.state.authorizeUri || !client.state.tokenUri || !client.state.clientId)
    return undefined;
  return () => reauthorize(client, deps);
}

async function reauthorize(client: ReauthClient, deps: ReauthorizeDeps): Promise<void> {
  const state = client.state;
  // Opened at once, inside the click: a window opened after an await may be blocked.
  const popup = deps.open("", REAUTH_WINDOW, "popup,width=520,height=680");
  if (!popup) fail({ kind: "sign-in-again", reason: "popup-blocked" });
  const { verifier, challenge } = await pkcePair();
  const stateKey = randomString();
  const query = new URLSearchParams({
    response_type: "code",
    client_id: state.clientId ?? "",
    scope: state.scope ?? "",
    redirect_uri: state.redirectUri ?? "",
    aud: state.serverUrl,
    state: stateKey,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const launch = deps.storage.getItem(LAUNCH_KEY);
  if (launch) query.set("launch", launch);
  popup.location.href = `${state.authorizeUri ?? ""}?${query.toString()}`;

  const answer = await answerFrom(popup);
  if (answer.get("state") !== stateKey) fail({ kind: "sign-in-again", reason: "closed" });
  const error = answer.get("error");
  if (error) {
    const description = answer.get("error_description");
    fail({ kind: "auth-denied", error, ...(description ? { description } : {}) });
  }
  const code = answer.get("code");
  if (!code) fail({ kind: "sign-in-again", reason: "closed" });

  const response = await deps
    .fetch(state.tokenUri ?? "", {
      ...NO_STORE,
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: state.redirectUri ?? "",
        client_id: state.clientId ?? "",
        code_verifier: verifier,
      }).toString(),
    })
    .catch(() => fail({ kind: "token-exchange" }));
  const token = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof token.access_token !== "string") {
    fail({
      kind: "token-exchange",
      status: response.status,
      ...(typeof token.error === "string" ? { error: token.error } : {}),
      ...(typeof token.error_description === "string"
        ? { description: token.error_description }
        : {}),
    });
  }

  const before = state.tokenResponse ?? {};
  if (fhirUserOf(token.id_token) !== fhirUserOf(before.id_token))
    fail({ kind: "sign-in-again", reason: "other-user" });
  if ((before.patient ?? null) !== (token.patient ?? null))
    fail({ kind: "sign-in-again", reason: "other-patient" });

  const expiresIn = typeof token.expires_in === "number" ? token.expires_in : 300;
  Object.assign(state, {
    tokenResponse: token,
    expiresAt: Math.floor(deps.now() / 1000) + expiresIn,
  });
  // fhirclient's own record of the session, so a later refresh (or a reload) uses the new tokens.
  if (state.key) deps.storage.setItem(state.key, JSON.stringify(state));
}

/** The query of the redirect the sign-in window came back with, or a failure if it was closed. */
function answerFrom(popup: Window): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const done = () => {
      window.removeEventListener("message", onMessage);
      clearInterval(poll);
    };
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; search?: unknown } | null;
      if (event.origin !== location.origin || event.source !== popup) return;
      if (data?.type !== REAUTH_MESSAGE || typeof data.search !== "string") return;
      done();
      resolve(new URLSearchParams(data.search));
    };
    const poll = setInterval(() => {
      if (!popup.closed) return;
      done();
      reject(new FailureError({ kind: "sign-in-again", reason: "closed" }));
    }, POLL_MS);
    window.addEventListener("message", onMessage);
  });
}

function fail(failure: Failure): never {
  throw new FailureError(failure);
}

/** The fhirUser claim of an id_token (the signature was checked by the server that issued it). */
function fhirUserOf(idToken: unknown): string | null {
  if (typeof idToken !== "string") return null;
  try {
    const payload = idToken.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const claims = JSON.parse(json) as { fhirUser?: unknown; profile?: unknown };
    const user = claims.fhirUser ?? claims.profile;
    // Absolute or relative: compare the "Type/id" end.
    return typeof user === "string" ? (/[A-Za-z]+\/[^/]+$/.exec(user)?.[0] ?? user) : null;
  } catch {
    return null;
  }
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
