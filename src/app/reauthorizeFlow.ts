import { FailureError, type Failure } from "../fhir/failures";
import { NO_STORE } from "../fhir/http";
import { LAUNCH_KEY, REAUTH_MESSAGE } from "../launch/reauthWindow";
import type { ReauthClient, ReauthorizeDeps } from "./reauthorize";

// The sign-in again in place, once its small window is open (src/app/reauthorize.ts opens it
// inside the click): the authorization request in that window, the code it hands back, the
// PKCE code exchange in this window, and the checks that it is the same user and patient.

/** How often the app checks whether the sign-in window was closed without an answer (ms). */
const POLL_MS = 400;

export async function signInThrough(
  popup: Window,
  client: ReauthClient,
  deps: ReauthorizeDeps,
): Promise<void> {
  const state = client.state;
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
