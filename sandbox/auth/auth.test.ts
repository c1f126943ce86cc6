// @vitest-environment node
// The sandbox's SMART authorization server, driven over real HTTP (EHR launch, standalone
// launch, PKCE, redirect URIs, scope narrowing, launch context, refresh, simulated errors).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type ClientType from "fhirclient/lib/Client";
import { FHIRCLIENT_SETTINGS } from "../../src/launch/fhirclientSettings";
import { startSandbox } from "../server";
import type { Sandbox } from "../server";
import type { EhrLaunchRequest } from "../ehr/ehr";
import { CookieJar, decodeJwtPayload, follow, pkcePair, postForm } from "./testkit";

const APP = "http://127.0.0.1:5999";
const REDIRECT = `${APP}/index.html`;

let sb: Sandbox;
let origin: string;
let patientId: string;
let encounterId: string | undefined;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, appUrl: APP, tokenTtlSeconds: 3600 });
  origin = new URL(sb.ehrUrl).origin;
  const patients = await sb.fhir.search("Patient");
  for (const p of patients) {
    const encs = await sb.fhir.search("Encounter", { patient: `Patient/${p.id ?? ""}` });
    if (encs[0]?.id) {
      patientId = p.id ?? "";
      encounterId = encs[0].id;
      break;
    }
  }
  patientId ||= patients[0]?.id ?? "";
  expect(patientId).not.toBe("");
}, 60_000); // starting a sandbox loads the R4 definitions and profiles: slow on a busy machine

afterAll(async () => {
  await sb?.close();
});

interface AuthorizeOptions {
  launch?: string | undefined;
  scope?: string;
  clientId?: string;
  redirectUri?: string;
  pkce?: boolean;
  challengeMethod?: string;
  aud?: string;
  jar?: CookieJar;
}

async function authorize(o: AuthorizeOptions = {}) {
  const { verifier, challenge } = pkcePair();
  const state = `st-${Math.random().toString(36).slice(2)}`;
  const q = new URLSearchParams({
    response_type: "code",
    client_id: o.clientId ?? "warm-referral",
    redirect_uri: o.redirectUri ?? REDIRECT,
    scope: o.scope ?? "launch openid fhirUser offline_access patient/*.rs user/*.rs",
    state,
    aud: o.aud ?? sb.fhirBaseUrl,
  });
  if (o.pkce !== false) {
    q.set("code_challenge", challenge);
    q.set("code_challenge_method", o.challengeMethod ?? "S256");
  }
  if (o.launch) q.set("launch", o.launch);
  const jar = o.jar ?? new CookieJar();
  const result = await follow(`${sb.auth.authorizeUrl}?${q}`, origin, jar);
  return { ...result, verifier, state, jar };
}

async function launchAndAuthorize(launch: EhrLaunchRequest, o: AuthorizeOptions = {}) {
  const { launch: id } = sb.createLaunch(launch);
  return authorize({ ...o, launch: id });
}

async function exchange(
  code: string,
  verifier: string,
  redirectUri = REDIRECT,
  clientId = "warm-referral",
) {
  return postForm(sb.auth.tokenUrl, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
    client_id: clientId,
  });
}

async function fullLaunch(launch: EhrLaunchRequest, o: AuthorizeOptions = {}) {
  const a = await launchAndAuthorize(launch, o);
  expect(a.leftTo?.origin).toBe(APP);
  const code = a.leftTo?.searchParams.get("code");
  expect(code, a.leftTo?.href).toBeTruthy();
  expect(a.leftTo?.searchParams.get("state")).toBe(a.state);
  return exchange(code ?? "", a.verifier);
}

// fhirclient's browser build (FHIRCLIENT_PURE, as the app is built) takes `fetch` from
// `window` when it loads: hand it a recording fetch for that moment only.
const fhirclientRequests: { url: string; body: string; headers: Record<string, string> }[] = [];
const g = globalThis as { window?: unknown };
g.window = {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => {
    fhirclientRequests.push({
      url: String(input),
      body: String(init?.body ?? ""),
      headers: { ...(init?.headers as Record<string, string> | undefined) },
    });
    return fetch(input, init);
  },
};
const Client: typeof ClientType = (await import("fhirclient/lib/Client")).default;
delete g.window;

/**
 * Refreshes as the app does: fhirclient's own Client.refresh() with the app's fhirclient
 * settings (or others), so the test sends exactly the request the browser sends.
 */
async function refreshAsFhirclient(
  tokenResponse: Record<string, unknown>,
  settings: Record<string, unknown> = FHIRCLIENT_SETTINGS,
  clientId = "warm-referral",
): Promise<Record<string, unknown>> {
  const env = {
    options: { ...settings },
    getStorage: () => ({ set: async () => undefined, get: async () => undefined }),
    btoa: (s: string) => Buffer.from(s).toString("base64"),
  };
  const client = new Client(env as never, {
    serverUrl: sb.fhirBaseUrl,
    clientId,
    tokenUri: sb.auth.tokenUrl,
    tokenResponse: { ...tokenResponse } as never, // fhirclient deletes a refused refresh_token
  });
  const from = fhirclientRequests.length;
  const sent = () => fhirclientRequests.slice(from);
  try {
    const state = await client.refresh();
    return { ...(state.tokenResponse as Record<string, unknown>), sent: sent() };
  } catch (error) {
    const status = (error as { status?: number }).status;
    return { error: (error as Error).message, status, sent: sent() };
  }
}

describe("discovery", () => {
  it("advertises this server's endpoints in the FHIR server's smart-configuration", async () => {
    const res = await fetch(`${sb.fhirBaseUrl}/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.authorization_endpoint).toBe(sb.auth.authorizeUrl);
    expect(body.token_endpoint).toBe(sb.auth.tokenUrl);
    const oidc = (await (
      await fetch(`${sb.authIssuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(oidc.issuer).toBe(sb.authIssuer);
    expect(oidc.authorization_endpoint).toBe(sb.auth.authorizeUrl);
  });
});

describe("EHR launch", () => {
  it("redirects to the app with a code, no login screen, and returns the launch context", async () => {
    const t = await fullLaunch({ user: "prov-rivera", patient: patientId, encounter: encounterId });
    expect(t.status).toBe(200);
    expect(t.body.patient).toBe(patientId);
    if (encounterId) expect(t.body.encounter).toBe(encounterId);
    expect(t.body.need_patient_banner).toBe(false);
    expect(t.body.smart_style_url).toBe(`${origin}/ehr/smart-style.json`);
    expect(t.body.token_type).toBe("Bearer");
    expect(t.body.expires_in).toBeGreaterThan(3000);
    expect(String(t.body.scope).split(" ").sort()).toEqual(
      ["launch", "openid", "fhirUser", "offline_access", "patient/*.rs", "user/*.rs"].sort(),
    );
    expect(typeof t.body.refresh_token).toBe("string");
    const id = decodeJwtPayload(String(t.body.id_token));
    expect(id.fhirUser).toBe(`${sb.fhirBaseUrl}/Practitioner/prov-rivera`);
    expect(id.iss).toBe(sb.authIssuer);
    expect(id.aud).toBe("warm-referral");

    const intro = await sb.auth.introspect(String(t.body.access_token));
    expect(intro).toEqual({
      ok: true,
      context: expect.objectContaining({
        clientId: "warm-referral",
        patient: patientId,
        fhirUser: "Practitioner/prov-rivera",
        patientFacing: false,
        labelBlind: false,
      }),
    });

    const fhirRes = await fetch(`${sb.fhirBaseUrl}/Patient/${patientId}`, {
      headers: { authorization: `Bearer ${String(t.body.access_token)}` },
    });
    expect(fhirRes.status).toBe(200);
  });

  it("sets need_patient_banner true for a new-window launch and omits encounter when none", async () => {
    const t = await fullLaunch({ user: "prov-rivera", patient: patientId, display: "window" });
    expect(t.status).toBe(200);
    expect(t.body.need_patient_banner).toBe(true);
    expect(t.body.encounter).toBeUndefined();
  });

  it("accepts a launch again only from the app that used it (re-authorization), never from another", async () => {
    const { launch } = sb.createLaunch({ user: "prov-rivera", patient: patientId });
    const first = await authorize({ launch });
    expect(first.leftTo?.searchParams.get("code")).toBeTruthy();
    // Another app with the same launch: refused.
    const other = await authorize({
      launch,
      clientId: "bare-bench",
      redirectUri: `${APP}/bench-bare.html`,
      scope: "launch patient/Patient.rs",
    });
    expect(other.leftTo?.searchParams.get("code")).toBeNull();
    expect(other.leftTo?.searchParams.get("error")).toBe("invalid_request");
    expect(other.leftTo?.searchParams.get("state")).toBe(other.state);
    // The same app signing in again from the same chart: the same user and patient.
    const again = await authorize({ launch });
    const code = again.leftTo?.searchParams.get("code");
    expect(code).toBeTruthy();
    const t = await exchange(code ?? "", again.verifier);
    expect(t.status).toBe(200);
    expect(t.body.patient).toBe(patientId);
    expect(decodeJwtPayload(String(t.body.id_token)).fhirUser).toMatch(
      /Practitioner\/prov-rivera$/,
    );
  });

  it("refuses a launch first used by another app", async () => {
    const { launch } = sb.createLaunch({ user: "prov-rivera", patient: patientId });
    const bare = await authorize({
      launch,
      clientId: "bare-bench",
      redirectUri: `${APP}/bench-bare.html`,
      scope: "launch patient/Patient.rs",
    });
    expect(bare.leftTo?.searchParams.get("code")).toBeTruthy();
    const second = await authorize({ launch });
    expect(second.leftTo?.searchParams.get("error")).toBe("invalid_request");
    expect(second.leftTo?.searchParams.get("error_description")).toMatch(/already used/);
  });

  it("refuses an unknown launch", async () => {
    const a = await authorize({ launch: "no-such-launch" });
    expect(a.leftTo?.searchParams.get("error")).toBe("invalid_request");
    expect(a.leftTo?.searchParams.get("error_description")).toMatch(/launch/);
  });

  it("refuses an aud that is not this FHIR server", async () => {
    const a = await launchAndAuthorize({ patient: patientId }, { aud: "http://127.0.0.1:1/fhir" });
    expect(a.leftTo?.searchParams.get("error")).toBe("invalid_request");
    expect(a.leftTo?.searchParams.get("error_description")).toMatch(/aud/);
  });

  it("logs in the launch's user even when the browser has another user's session", async () => {
    const jar = new CookieJar();
    const a1 = await launchAndAuthorize(
      { user: "prov-rivera", patient: patientId },
      { jar, scope: "launch openid fhirUser" },
    );
    const t1 = await exchange(a1.leftTo?.searchParams.get("code") ?? "", a1.verifier);
    expect(decodeJwtPayload(String(t1.body.id_token)).fhirUser).toMatch(
      /Practitioner\/prov-rivera$/,
    );
    const a2 = await launchAndAuthorize(
      { user: "ma-chen", patient: patientId },
      { jar, scope: "launch openid fhirUser" },
    );
    const t2 = await exchange(a2.leftTo?.searchParams.get("code") ?? "", a2.verifier);
    expect(decodeJwtPayload(String(t2.body.id_token)).fhirUser).toMatch(
      /PractitionerRole\/ma-chen-role$/,
    );
  });
});

describe("PKCE and redirect URIs", () => {
  it("requires PKCE", async () => {
    const a = await launchAndAuthorize({ patient: patientId }, { pkce: false });
    expect(a.leftTo?.searchParams.get("code")).toBeNull();
    expect(a.leftTo?.searchParams.get("error")).toBe("invalid_request");
    expect(a.leftTo?.searchParams.get("error_description")).toMatch(/PKCE|code_challenge/i);
  });

  it("refuses the plain PKCE method", async () => {
    const a = await launchAndAuthorize({ patient: patientId }, { challengeMethod: "plain" });
    expect(a.leftTo?.searchParams.get("code")).toBeNull();
    expect(a.leftTo?.searchParams.get("error")).toBe("invalid_request");
  });

  it("refuses a wrong code_verifier at the token endpoint", async () => {
    const a = await launchAndAuthorize({ patient: patientId });
    const t = await exchange(a.leftTo?.searchParams.get("code") ?? "", "x".repeat(43));
    expect(t.status).toBe(400);
    expect(t.body.error).toBe("invalid_grant");
  });

  it("shows its own error page for an unregistered redirect URI and never redirects there", async () => {
    const a = await launchAndAuthorize(
      { patient: patientId },
      { redirectUri: `${APP}/elsewhere.html` },
    );
    expect(a.leftTo).toBeUndefined();
    expect(a.final.status).toBe(400);
    expect(a.final.body).toContain('data-testid="auth-error"');
    expect(a.final.body).toContain("redirect_uri");
  });

  it("refuses an unknown client", async () => {
    const a = await authorize({ clientId: "no-such-client" });
    expect(a.leftTo).toBeUndefined();
    expect(a.final.status).toBe(400);
    expect(a.final.body).toContain("invalid_client");
  });

  it("accepts the benchmark's bare client on its own redirect URI", async () => {
    const a = await launchAndAuthorize(
      { patient: patientId, clientId: "bare-bench" },
      {
        clientId: "bare-bench",
        redirectUri: `${APP}/bench-bare.html`,
        scope: "launch patient/Patient.rs",
      },
    );
    const t = await exchange(
      a.leftTo?.searchParams.get("code") ?? "",
      a.verifier,
      `${APP}/bench-bare.html`,
      "bare-bench",
    );
    expect(t.status).toBe(200);
    expect(t.body.patient).toBe(patientId);
  });
});

describe("scope narrowing", () => {
  it("narrows to what a medical assistant may have", async () => {
    const t = await fullLaunch(
      { user: "ma-chen", patient: patientId },
      { scope: "launch patient/*.cruds user/*.cruds user/Procedure.c system/*.rs user/Task.write" },
    );
    expect(t.status).toBe(200);
    expect(String(t.body.scope).split(" ")).toEqual([
      "launch",
      "patient/*.cruds",
      "user/*.rs",
      "user/Procedure.c",
    ]);
    const intro = await sb.auth.introspect(String(t.body.access_token));
    expect(intro.ok && intro.context.scopes).toEqual([
      "launch",
      "patient/*.cruds",
      "user/*.rs",
      "user/Procedure.c",
    ]);
  });

  it("narrows v1 scopes and drops patient scopes for a partner advocate", async () => {
    const t = await fullLaunch(
      { user: "adv-santos", patient: patientId },
      {
        scope:
          "launch openid fhirUser patient/*.rs user/ServiceRequest.cruds user/Task.* user/Organization.read user/Observation.read",
      },
    );
    expect(t.status).toBe(200);
    expect(String(t.body.scope).split(" ")).toEqual([
      "launch",
      "openid",
      "fhirUser",
      "user/ServiceRequest.crus",
      "user/Task.read",
      "user/Organization.read",
    ]);
  });

  it("drops patient/ scopes when no patient is in context", async () => {
    const t = await fullLaunch(
      { user: "admin-okafor" },
      { scope: "launch patient/*.rs user/Organization.cruds" },
    );
    expect(t.status).toBe(200);
    expect(t.body.patient).toBeUndefined();
    expect(t.body.scope).toBe("launch user/Organization.cruds");
  });

  it("does not issue a refresh token without offline_access or online_access", async () => {
    const t = await fullLaunch({ patient: patientId }, { scope: "launch patient/*.rs" });
    expect(t.status).toBe(200);
    expect(t.body.refresh_token).toBeUndefined();
    const o = await fullLaunch(
      { patient: patientId },
      { scope: "launch online_access patient/*.rs" },
    );
    expect(typeof o.body.refresh_token).toBe("string");
  });
});

describe("refresh", () => {
  it("issues a new access token with the same launch context to the app's own refresh request", async () => {
    const t = await fullLaunch({ user: "prov-rivera", patient: patientId, encounter: encounterId });
    const r = await refreshAsFhirclient(t.body);
    expect(r.error).toBeUndefined();
    // What fhirclient sent: the refresh token and the client id, no secret, no Authorization.
    const sent = (r.sent as { body: string; headers: Record<string, string> }[])[0];
    const form = new URLSearchParams(sent?.body);
    expect(form.get("grant_type")).toBe("refresh_token");
    expect(form.get("client_id")).toBe("warm-referral");
    expect(form.has("client_secret")).toBe(false);
    expect(Object.keys(sent?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain(
      "authorization",
    );
    expect(r.access_token).not.toBe(t.body.access_token);
    expect(r.patient).toBe(patientId);
    if (encounterId) expect(r.encounter).toBe(encounterId);
    expect(r.need_patient_banner).toBe(false);
    expect(r.scope).toBe(t.body.scope);
    expect(typeof r.refresh_token).toBe("string");
    const intro = await sb.auth.introspect(String(r.access_token));
    expect(intro.ok && intro.context.patient).toBe(patientId);
  });

  it("after the EHR ends the sessions (expire-tokens with endSessions), a refresh is refused", async () => {
    const t = await fullLaunch({ user: "prov-rivera", patient: patientId });
    expect(sb.auth.expireAccessTokens({ endSessions: true })).toBeGreaterThan(0);
    const r = await refreshAsFhirclient(t.body);
    expect(r.status).toBe(400);
    expect(String(r.error)).toMatch(/invalid_grant/);
  });

  it("token answers (code exchange and refresh) say Cache-Control: no-store", async () => {
    const a = await launchAndAuthorize({ user: "prov-rivera", patient: patientId });
    const res = await fetch(sb.auth.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: a.leftTo?.searchParams.get("code") ?? "",
        code_verifier: a.verifier,
        redirect_uri: REDIRECT,
        client_id: "warm-referral",
      }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { refresh_token: string };
    const refreshed = await fetch(sb.auth.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `grant_type=refresh_token&refresh_token=${body.refresh_token}&client_id=warm-referral`,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a public client's refresh without client_id (fhirclient's default) with a clear OAuth error", async () => {
    const t = await fullLaunch({ user: "prov-rivera", patient: patientId });
    const r = await refreshAsFhirclient(t.body, {});
    const form = new URLSearchParams((r.sent as { body: string }[])[0]?.body);
    expect(form.has("client_id")).toBe(false);
    expect(r.status).toBe(400);
    const raw = await postForm(sb.auth.tokenUrl, {
      grant_type: "refresh_token",
      refresh_token: String(t.body.refresh_token),
    });
    expect(raw.status).toBe(400);
    expect(raw.body.error).toBe("invalid_request");
    expect(String(raw.body.error_description)).toMatch(/client_id/);
    // The refusal did not spend the refresh token: the right request still works.
    const ok = await refreshAsFhirclient(t.body);
    expect(typeof ok.access_token).toBe("string");
  });

  it("refuses another client's refresh token and a secret the public client does not have", async () => {
    const t = await fullLaunch({ user: "prov-rivera", patient: patientId });
    const other = await postForm(sb.auth.tokenUrl, {
      grant_type: "refresh_token",
      refresh_token: String(t.body.refresh_token),
      client_id: "bare-bench",
    });
    expect(other.status).toBe(400);
    expect(other.body.error).toBe("invalid_grant");
    const withSecret = await postForm(
      sb.auth.tokenUrl,
      { grant_type: "refresh_token", refresh_token: String(t.body.refresh_token) },
      { authorization: `Basic ${Buffer.from("warm-referral:guess").toString("base64")}` },
    );
    expect(withSecret.status).toBe(401);
    expect(withSecret.body.error).toBe("invalid_client");
  });
});

describe("standalone launch", () => {
  it("asks for the user and patient, then returns them with need_patient_banner true", async () => {
    const a = await authorize({ scope: "launch/patient openid fhirUser patient/*.rs" });
    expect(a.leftTo).toBeUndefined();
    expect(a.final.status).toBe(200);
    expect(a.final.body).toContain('data-testid="standalone-form"');
    expect(a.final.body).toContain(`value="${patientId}"`);
    const b = await follow(a.final.url, origin, a.jar, {
      form: { user: "admin-okafor", patient: patientId },
    });
    const code = b.leftTo?.searchParams.get("code");
    expect(code, b.final.body).toBeTruthy();
    expect(b.leftTo?.searchParams.get("state")).toBe(a.state);
    const t = await exchange(code ?? "", a.verifier);
    expect(t.status).toBe(200);
    expect(t.body.patient).toBe(patientId);
    expect(t.body.need_patient_banner).toBe(true);
    expect(t.body.scope).toBe("launch/patient openid fhirUser patient/*.rs");
    expect(decodeJwtPayload(String(t.body.id_token)).fhirUser).toBe(
      `${sb.fhirBaseUrl}/Practitioner/admin-okafor`,
    );
  });

  it("returns access_denied when the user cancels", async () => {
    const a = await authorize({ scope: "openid fhirUser user/*.rs" });
    const b = await follow(a.final.url, origin, a.jar, { form: { cancel: "1" } });
    expect(b.leftTo?.searchParams.get("error")).toBe("access_denied");
  });
});

describe("simulated errors", () => {
  it("invalid_client: the token endpoint answers 401 invalid_client", async () => {
    const t = await fullLaunch({ patient: patientId, error: "invalid_client" });
    expect(t.status).toBe(401);
    expect(t.body.error).toBe("invalid_client");
    expect(t.body.access_token).toBeUndefined();
  });

  it("invalid_scope: the authorize step redirects back with error=invalid_scope and the state", async () => {
    const a = await launchAndAuthorize({ patient: patientId, error: "invalid_scope" });
    expect(a.leftTo?.origin + (a.leftTo?.pathname ?? "")).toBe(REDIRECT);
    expect(a.leftTo?.searchParams.get("error")).toBe("invalid_scope");
    expect(a.leftTo?.searchParams.get("error_description")).toBeTruthy();
    expect(a.leftTo?.searchParams.get("state")).toBe(a.state);
    expect(a.leftTo?.searchParams.get("code")).toBeNull();
  });

  it("invalid_redirect: the server shows its own error page and does not redirect", async () => {
    const a = await launchAndAuthorize({ patient: patientId, error: "invalid_redirect" });
    expect(a.leftTo).toBeUndefined();
    expect(a.final.status).toBe(400);
    expect(a.final.body).toContain('data-testid="auth-error"');
    expect(a.final.body).toContain("invalid_redirect_uri");
  });

  it("token_failure: the token endpoint answers 500 server_error", async () => {
    const t = await fullLaunch({ patient: patientId, error: "token_failure" });
    expect(t.status).toBe(500);
    expect(t.body.error).toBe("server_error");
    expect(t.body.error_description).toBeTruthy();
  });

  it("expired_token: the token looks fine but the FHIR server says expired, and refresh fails", async () => {
    const t = await fullLaunch({ patient: patientId, error: "expired_token" });
    expect(t.status).toBe(200);
    const token = String(t.body.access_token);
    expect(await sb.auth.introspect(token)).toEqual({ ok: false, reason: "expired" });
    const fhirRes = await fetch(`${sb.fhirBaseUrl}/Patient/${patientId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(fhirRes.status).toBe(401);
    const r = await refreshAsFhirclient(t.body);
    expect(r.status).toBe(400);
    expect(String(r.error)).toMatch(/invalid_grant/);
  });
});

describe("introspection", () => {
  it("rejects unknown tokens", async () => {
    expect(await sb.auth.introspect("nope")).toEqual({ ok: false, reason: "invalid" });
    expect(await sb.auth.introspect("")).toEqual({ ok: false, reason: "invalid" });
  });

  it("reports expiry with a short token lifetime", async () => {
    const short = await startSandbox({ port: 0, appUrl: APP, tokenTtlSeconds: 1 });
    try {
      const { launch } = short.createLaunch({ patient: patientId });
      const { verifier, challenge } = pkcePair();
      const q = new URLSearchParams({
        response_type: "code",
        client_id: "warm-referral",
        redirect_uri: REDIRECT,
        scope: "launch patient/*.rs",
        state: "s1",
        code_challenge: challenge,
        code_challenge_method: "S256",
        launch,
      });
      const a = await follow(
        `${short.auth.authorizeUrl}?${q}`,
        new URL(short.ehrUrl).origin,
        new CookieJar(),
      );
      const t = await postForm(short.auth.tokenUrl, {
        grant_type: "authorization_code",
        code: a.leftTo?.searchParams.get("code") ?? "",
        code_verifier: verifier,
        redirect_uri: REDIRECT,
        client_id: "warm-referral",
      });
      expect(t.body.expires_in).toBe(1);
      const token = String(t.body.access_token);
      expect((await short.auth.introspect(token)).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 2100));
      expect(await short.auth.introspect(token)).toEqual({ ok: false, reason: "expired" });
    } finally {
      await short.close();
    }
  });
});

describe("control endpoints", () => {
  it("POST /sandbox/launch returns the app's launch URL with iss and launch", async () => {
    const res = await fetch(`${origin}/sandbox/launch`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "ma-chen", patient: patientId }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; launch: string; iss: string };
    const u = new URL(body.url);
    expect(`${u.origin}${u.pathname}`).toBe(`${APP}/launch.html`);
    expect(u.searchParams.get("iss")).toBe(sb.fhirBaseUrl);
    expect(u.searchParams.get("launch")).toBe(body.launch);
    const bad = await fetch(`${origin}/sandbox/launch`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "nobody" }),
    });
    expect(bad.status).toBe(400);
  });

  it("POST /sandbox/expire-tokens expires the access tokens issued so far; a refresh gets a working one", async () => {
    const t = await fullLaunch({ user: "prov-rivera", patient: patientId });
    const token = String(t.body.access_token);
    expect((await sb.auth.introspect(token)).ok).toBe(true);
    const res = await fetch(`${origin}/sandbox/expire-tokens`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    expect(await sb.auth.introspect(token)).toEqual({ ok: false, reason: "expired" });
    const fhirRes = await fetch(`${sb.fhirBaseUrl}/Patient/${patientId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(fhirRes.status).toBe(401);
    expect(fhirRes.headers.get("www-authenticate")).toContain('error_description="expired"');
    const r = await refreshAsFhirclient(t.body);
    expect((await sb.auth.introspect(String(r.access_token))).ok).toBe(true);
  });

  it("POST /sandbox/faults validates its body", async () => {
    const bad = await fetch(`${origin}/sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ match: "everything" }),
    });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${origin}/sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ match: "any", kind: "503", count: 1 }),
    });
    expect(ok.status).toBe(204);
    await fetch(`${origin}/sandbox/faults`, { method: "DELETE" });
  });
});
