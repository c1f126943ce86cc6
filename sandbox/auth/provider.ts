// The sandbox's SMART App Launch 2 authorization server, built on oidc-provider.
// Development and testing only: in-memory storage, keys generated at start, loopback only.
//
// What it adds to oidc-provider:
// - EHR launches: the simulated EHR creates a launch (`createLaunch`) bound to a user, patient,
//   encounter and an error simulation; the authorize request's `launch` must be known and
//   unused, and the user is logged in without a login screen.
// - Standalone launches (no `launch`): a small page to pick the user (and the patient when
//   `launch/patient` is asked for).
// - SMART scope narrowing (./scopes.ts) and the launch context in the token response.
// - Simulated errors per launch (LAUNCH_ERRORS in ../contract.ts).
// - `introspect(bearer)` for the FHIR server.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import express from "express";
import type { Request, Response, Router } from "express";
import Provider, { interactionPolicy } from "oidc-provider";
import type {
  Account,
  ClientMetadata,
  Configuration,
  InteractionResults,
  JWK,
  KoaContextWithOIDC,
  ResourceServer,
} from "oidc-provider";
import { SANDBOX_USERS } from "../contract";
import type { Introspect, LaunchError, SandboxClient, TokenContext } from "../contract";
import { SandboxStore } from "./adapter";
import { esc, page } from "./html";
import { CONTEXT_SCOPES, PATIENT_USER_ALLOWED_SCOPES, narrowScopes } from "./scopes";

export interface LaunchInput {
  /** A SANDBOX_USERS id, or "Patient/<id>" for a patient (portal) login. */
  userId: string;
  patient?: string | undefined;
  encounter?: string | undefined;
  error?: LaunchError | undefined;
  /** False for launches inside the EHR chart (iframe); true for a new window. */
  needPatientBanner?: boolean | undefined;
  /** Defaults to the EHR's style; null for none. */
  smartStyleUrl?: string | null | undefined;
  /** When set, only this client may use the launch. */
  clientId?: string | undefined;
}

interface LaunchRecord extends LaunchInput {
  id: string;
  used: boolean;
  /** The client that first used it (a re-authorization must be the same app). */
  usedBy?: string;
  createdAt: number;
}

/**
 * How long a launch may be used again by the app it was first used by: a re-authorization
 * from the same chart (the app's "sign in again" after the session ended), as EHRs allow while
 * the user's EHR session lasts. Another app, or a launch older than this, is refused.
 */
export const LAUNCH_REUSE_MS = 60 * 60 * 1000;

/** What the server remembers about each grant (one per authorization). */
export interface GrantContext {
  clientId: string;
  accountId: string;
  /** Relative reference, e.g. "Practitioner/prov-rivera". */
  fhirUser: string;
  scopes: string[];
  patient?: string | undefined;
  encounter?: string | undefined;
  needPatientBanner: boolean;
  smartStyleUrl?: string | undefined;
  error: LaunchError;
  patientFacing: boolean;
  labelBlind: boolean;
}

export interface PickerPatient {
  id: string;
  label: string;
}

export interface AuthServerOptions {
  /** e.g. http://127.0.0.1:4010/auth — the router must be mounted at this URL's path. */
  issuer: string;
  fhirBaseUrl: string;
  clients: SandboxClient[];
  tokenTtlSeconds: number;
  /** Default smart_style_url for launches. */
  smartStyleUrl?: string | undefined;
  /** Patients for the standalone-launch picker. */
  listPatients: () => Promise<PickerPatient[]>;
  /** The patient's current visit, for a standalone launch that asks for launch/encounter. */
  currentEncounter?: (patientId: string) => Promise<string | undefined>;
}

export interface AuthServer {
  provider: Provider;
  /** Mount at the issuer's path: app.use("/auth", auth.router). */
  router: Router;
  authorizeUrl: string;
  tokenUrl: string;
  introspect: Introspect;
  createLaunch(input: LaunchInput): string;
  /** Forgets every launch, grant, token and session. */
  reset(): void;
  /** For tests and diagnostics. */
  grantContext(grantId: string): GrantContext | undefined;
  /**
   * Test control: every access token issued so far is expired from now on (the FHIR server
   * answers 401 "expired"), as when a token's lifetime ends or the EHR ends it early. Refresh
   * tokens stay valid unless `endSessions`: then they are revoked too, so a refresh is refused
   * (invalid_grant) as when the EHR ends the user's session. Returns how many access tokens it
   * expired.
   */
  expireAccessTokens(opts?: { endSessions?: boolean }): number;
}

const SIMULATED = "(simulated by the sandbox EHR)";

function trimSlash(u: string): string {
  return u.replace(/\/+$/, "");
}

function userFor(
  accountId: string,
): { fhirUser: string; allowed: readonly string[]; label: string } | undefined {
  const u = SANDBOX_USERS.find((x) => x.id === accountId);
  if (u) return { fhirUser: u.fhirUser, allowed: u.allowedScopes, label: u.label };
  if (/^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(accountId)) {
    return { fhirUser: accountId, allowed: PATIENT_USER_ALLOWED_SCOPES, label: "Patient" };
  }
  return undefined;
}

function generateSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as JWK;
  return { ...jwk, kid: `sandbox-${randomBytes(4).toString("hex")}`, use: "sig", alg: "RS256" };
}

export function createAuthServer(opts: AuthServerOptions): AuthServer {
  const issuer = trimSlash(opts.issuer);
  const mountPath = new URL(issuer).pathname.replace(/\/+$/, "");
  const fhirBase = trimSlash(opts.fhirBaseUrl);
  const store = new SandboxStore();
  const launches = new Map<string, LaunchRecord>();
  const grants = new Map<string, GrantContext>();
  /** Raw requested scope by client id + code_challenge (oidc-provider drops offline_access without prompt=consent). */
  const rawScopes = new Map<string, string>();
  const clientsById = new Map(opts.clients.map((c) => [c.clientId, c]));
  /** Access tokens (jti) expired early by expireAccessTokens(). */
  const expiredEarly = new Set<string>();

  const clientMetadata: ClientMetadata[] = opts.clients.map((c) => ({
    client_id: c.clientId,
    redirect_uris: c.redirectUris,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    ...(c.clientSecret
      ? { client_secret: c.clientSecret, token_endpoint_auth_method: "client_secret_basic" }
      : { token_endpoint_auth_method: "none" }),
  }));

  const contextFromCtx = (ctx: KoaContextWithOIDC): GrantContext | undefined => {
    const e = ctx.oidc.entities;
    const grantId = e.AuthorizationCode?.grantId ?? e.RefreshToken?.grantId ?? e.Grant?.jti;
    return grantId ? grants.get(grantId) : undefined;
  };

  const policy = interactionPolicy.base();
  policy
    .get("login")
    ?.checks.add(
      new interactionPolicy.Check(
        "smart_launch_context",
        "every SMART authorization binds a user and launch context",
        (ctx) =>
          ctx.oidc.result?.login
            ? interactionPolicy.Check.NO_NEED_TO_PROMPT
            : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const configuration: Configuration = {
    adapter: (name: string) => store.adapterFor(name),
    clients: clientMetadata,
    jwks: { keys: [generateSigningKey()] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    scopes: [...CONTEXT_SCOPES],
    claims: { openid: ["sub"], fhirUser: ["fhirUser"], profile: ["name"] },
    conformIdTokenClaims: false,
    extraParams: ["launch", "aud"],
    responseTypes: ["code"],
    pkce: { required: () => true, methods: ["S256"] },
    allowOmittingSingleRegisteredRedirectUri: false,
    routes: { authorization: "/authorize", token: "/token", jwks: "/jwks", revocation: "/revoke" },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => fhirBase,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator): ResourceServer => {
          if (trimSlash(resourceIndicator) !== fhirBase) throw new Error("unknown resource");
          // At the authorization endpoint: every requested clinical scope is "known" so the
          // interaction can grant or reject each one; narrowing happens in the interaction.
          const context = contextFromCtx(ctx);
          const requested = context?.scopes ?? String(ctx.oidc.params?.scope ?? "").split(" ");
          return {
            scope: requested
              .filter((s) => s && !(CONTEXT_SCOPES as readonly string[]).includes(s))
              .join(" "),
            audience: fhirBase,
            accessTokenTTL: opts.tokenTtlSeconds,
            accessTokenFormat: "opaque",
          };
        },
      },
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx, sub): Account | undefined => {
      const u = userFor(sub);
      if (!u) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, fhirUser: `${fhirBase}/${u.fhirUser}`, name: u.label }),
      };
    },
    issueRefreshToken: (ctx, client, code) => {
      if (!client.grantTypeAllowed("refresh_token")) return false;
      const context = code.grantId ? grants.get(code.grantId) : contextFromCtx(ctx);
      return (
        !!context &&
        (context.scopes.includes("offline_access") || context.scopes.includes("online_access"))
      );
    },
    expiresWithSession: () => false,
    ttl: {
      AccessToken: opts.tokenTtlSeconds,
      AuthorizationCode: 120,
      IdToken: 3600,
      Interaction: 900,
      Session: 8 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((u) => new URL(u).origin === origin) ?? false,
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(String(out.error ?? "error"), String(out.error_description ?? ""));
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.on("server_error", (_ctx: unknown, err: Error) => {
    console.error(`[sandbox auth] server error: ${err.name}: ${err.message}`);
  });

  // Koa middleware around every oidc-provider request.
  // oidc-provider's session cookie name (`cookieName` is public but missing from its types).
  const sessionCookie = (provider as unknown as { cookieName(type: string): string }).cookieName(
    "session",
  );
  provider.use(async (ctx, next) => {
    // Every sandbox authorization signs its user in afresh (the EHR says who is signed in), so
    // the authorization endpoint ignores any earlier session. This avoids oidc-provider's
    // "switch account" logout detour when the EHR launches as another user in the same browser.
    if (ctx.path.startsWith("/authorize") && ctx.req.headers.cookie) {
      ctx.req.headers.cookie = ctx.req.headers.cookie
        .split(";")
        .filter((c) => !c.trim().startsWith(sessionCookie))
        .join(";");
    }
    if (ctx.path === "/authorize" && ctx.method === "GET") {
      const q = ctx.query;
      const launchId = typeof q.launch === "string" ? q.launch : undefined;
      const launch = launchId ? launches.get(launchId) : undefined;
      // Simulated invalid redirect: answer as the server does for an unregistered redirect URI,
      // with its own error page (OAuth forbids redirecting to an unverified URI).
      if (launch && !launch.used && launch.error === "invalid_redirect") {
        launch.used = true;
        ctx.status = 400;
        ctx.type = "html";
        ctx.body = errorPage(
          "invalid_redirect_uri",
          `redirect_uri did not match any of the client's registered redirect_uris ${SIMULATED}`,
        );
        return;
      }
      if (
        typeof q.scope === "string" &&
        typeof q.code_challenge === "string" &&
        typeof q.client_id === "string"
      ) {
        rawScopes.set(`${q.client_id} ${q.code_challenge}`, q.scope);
        if (rawScopes.size > 1000) rawScopes.delete(rawScopes.keys().next().value as string);
      }
    }
    await next();
    if (ctx.path === "/token" && ctx.method === "POST") {
      explainMissingClient(ctx as KoaContextWithOIDC);
      await decorateTokenResponse(ctx as KoaContextWithOIDC);
    }
    // oidc-provider adds RFC 9207 `iss` to authorization responses; SMART EHRs (Epic, Oracle
    // Health, the SMART launcher) do not, so the sandbox leaves it out too.
    if (ctx.path.startsWith("/authorize") && ctx.status >= 300 && ctx.status < 400) {
      const location = ctx.response.get("Location");
      if (location && /[?&]iss=/.test(location)) {
        const u = new URL(location);
        u.searchParams.delete("iss");
        ctx.set("Location", u.href);
      }
    }
  });

  /**
   * A token request that names no client (no client_id, no Authorization) is refused, as by
   * real servers; oidc-provider's words for it ("no client authentication mechanism provided")
   * do not tell a developer that a public client must send client_id — e.g. fhirclient without
   * `refreshTokenWithClientId`. Same error code, clearer description.
   */
  function explainMissingClient(ctx: KoaContextWithOIDC): void {
    const body = ctx.body as Record<string, unknown> | undefined;
    if (
      ctx.status === 400 &&
      body?.error === "invalid_request" &&
      body.error_description === "no client authentication mechanism provided"
    ) {
      ctx.body = {
        error: "invalid_request",
        error_description:
          "client_id is required: a public client (PKCE, no secret) must send its client_id in the token request, including the refresh_token grant (RFC 6749 section 3.2.1)",
      };
    }
  }

  async function revokeGrant(grantId: string): Promise<void> {
    await store.adapterFor("AccessToken").revokeByGrantId(grantId);
    await store.adapterFor("Grant").destroy(grantId);
  }

  async function decorateTokenResponse(ctx: KoaContextWithOIDC): Promise<void> {
    const body = ctx.body as Record<string, unknown> | undefined;
    if (ctx.status !== 200 || !body || typeof body.access_token !== "string") return;
    const at = await provider.AccessToken.find(body.access_token);
    const grantId = at?.grantId;
    const context = grantId ? grants.get(grantId) : undefined;
    if (!at || !grantId || !context) return;
    const isRefresh = (at.gty ?? "").split(" ").includes("refresh_token");
    if (context.error === "invalid_client") {
      await revokeGrant(grantId);
      ctx.status = 401;
      ctx.body = {
        error: "invalid_client",
        error_description: `client authentication failed ${SIMULATED}`,
      };
      return;
    }
    if (context.error === "token_failure") {
      await revokeGrant(grantId);
      ctx.status = 500;
      ctx.body = {
        error: "server_error",
        error_description: `the token endpoint failed to issue a token ${SIMULATED}`,
      };
      return;
    }
    if (context.error === "expired_token" && isRefresh) {
      await revokeGrant(grantId);
      ctx.status = 400;
      ctx.body = {
        error: "invalid_grant",
        error_description: `refresh token is expired ${SIMULATED}`,
      };
      return;
    }
    const out: Record<string, unknown> = { ...body, scope: context.scopes.join(" ") };
    if (context.patient) out.patient = context.patient;
    if (context.encounter) out.encounter = context.encounter;
    out.need_patient_banner = context.needPatientBanner;
    if (context.smartStyleUrl) out.smart_style_url = context.smartStyleUrl;
    ctx.body = out;
  }

  // ---- interactions -------------------------------------------------------------------

  interface Binding {
    accountId: string;
    patient?: string | undefined;
    encounter?: string | undefined;
    needPatientBanner: boolean;
    smartStyleUrl?: string | undefined;
    error: LaunchError;
    ehrLaunch: boolean;
  }

  async function finish(req: Request, res: Response, result: InteractionResults): Promise<void> {
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  async function bind(
    req: Request,
    res: Response,
    params: Record<string, unknown>,
    b: Binding,
  ): Promise<void> {
    const clientId = String(params.client_id);
    const client = clientsById.get(clientId);
    const user = userFor(b.accountId);
    if (!client || !user) {
      await finish(req, res, {
        error: "access_denied",
        error_description: "unknown user or client",
      });
      return;
    }
    const paramScope = String(params.scope ?? "");
    const raw = rawScopes.get(`${clientId} ${String(params.code_challenge ?? "")}`) ?? paramScope;
    const requested = raw.split(" ").filter(Boolean);
    const narrow = (scopes: string[], allowed: readonly string[]) =>
      narrowScopes({
        requested: scopes,
        allowed,
        hasPatient: !!b.patient,
        hasEncounter: !!b.encounter,
        ehrLaunch: b.ehrLaunch,
      });
    // A client registered with a scope set (the partner programs' client) gets no more; then
    // the user gets no more than their role allows.
    const granted = narrow(
      client.allowedScopes ? narrow(requested, client.allowedScopes) : requested,
      user.allowed,
    );

    const grant = new provider.Grant({ accountId: b.accountId, clientId });
    for (const s of paramScope.split(" ").filter(Boolean)) {
      const isContext = (CONTEXT_SCOPES as readonly string[]).includes(s);
      if (isContext) {
        if (granted.includes(s)) grant.addOIDCScope(s);
        else grant.rejectOIDCScope(s);
      } else if (granted.includes(s)) grant.addResourceScope(fhirBase, s);
      else grant.rejectResourceScope(fhirBase, s);
    }
    grant.addOIDCClaims(["sub", "fhirUser", "name"]);
    const grantId = await grant.save();
    grants.set(grantId, {
      clientId,
      accountId: b.accountId,
      fhirUser: user.fhirUser,
      scopes: granted,
      patient: b.patient,
      encounter: b.encounter,
      needPatientBanner: b.needPatientBanner,
      smartStyleUrl: b.smartStyleUrl,
      error: b.error,
      patientFacing: !!client.patientFacing,
      labelBlind: !!client.labelBlind,
    });
    await finish(req, res, {
      login: { accountId: b.accountId, remember: false },
      consent: { grantId },
    });
  }

  function audMismatch(params: Record<string, unknown>): boolean {
    return (
      typeof params.aud === "string" && params.aud !== "" && trimSlash(params.aud) !== fhirBase
    );
  }

  const router = express.Router();

  router.get("/interaction/:uid", async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const params = details.params as Record<string, unknown>;
      if (audMismatch(params)) {
        await finish(req, res, {
          error: "invalid_request",
          error_description: `aud does not match this server's FHIR base URL (${fhirBase})`,
        });
        return;
      }
      const launchId = typeof params.launch === "string" ? params.launch : undefined;
      if (launchId !== undefined) {
        const launch = launches.get(launchId);
        const reauthorization =
          launch?.used &&
          launch.usedBy === params.client_id &&
          Date.now() - launch.createdAt < LAUNCH_REUSE_MS;
        if (!launch || (launch.used && !reauthorization)) {
          await finish(req, res, {
            error: "invalid_request",
            error_description:
              "the launch parameter is unknown or was already used; launch the app again from the EHR",
          });
          return;
        }
        launch.used = true;
        launch.usedBy = String(params.client_id);
        if (launch.clientId && launch.clientId !== params.client_id) {
          await finish(req, res, {
            error: "invalid_request",
            error_description: "the launch was created for another app",
          });
          return;
        }
        if (launch.error === "invalid_scope") {
          await finish(req, res, {
            error: "invalid_scope",
            error_description: `the requested scopes are not allowed for this app ${SIMULATED}`,
          });
          return;
        }
        await bind(req, res, params, {
          accountId: launch.userId,
          patient: launch.patient,
          encounter: launch.encounter,
          needPatientBanner: launch.needPatientBanner ?? false,
          smartStyleUrl:
            launch.smartStyleUrl === null
              ? undefined
              : (launch.smartStyleUrl ?? opts.smartStyleUrl),
          error: launch.error ?? "none",
          ehrLaunch: true,
        });
        return;
      }
      // Standalone launch: pick the user (and the patient when asked for).
      const scopes = String(params.scope ?? "").split(" ");
      const client = clientsById.get(String(params.client_id));
      const wantsPatient = scopes.includes("launch/patient") && !client?.patientFacing;
      // Patients are offered as users to every client: a patient may sign in to any app with
      // its client id, as on real launchers (the app must refuse them, not the sandbox).
      const patients = await opts.listPatients();
      res
        .type("html")
        .send(
          standalonePage(
            req.originalUrl,
            String(params.client_id),
            wantsPatient,
            patients,
            !!client?.patientFacing,
          ),
        );
    } catch (err) {
      next(err);
    }
  });

  router.post(
    "/interaction/:uid",
    express.urlencoded({ extended: false }),
    async (req, res, next) => {
      try {
        const details = await provider.interactionDetails(req, res);
        const params = details.params as Record<string, unknown>;
        const form = (req.body ?? {}) as Record<string, string | undefined>;
        if (form.cancel !== undefined) {
          await finish(req, res, {
            error: "access_denied",
            error_description: "the user cancelled the sign-in",
          });
          return;
        }
        const scopes = String(params.scope ?? "").split(" ");
        const wantsPatient = scopes.includes("launch/patient");
        const wantsEncounter = wantsPatient && scopes.includes("launch/encounter");
        const accountId = form.user ?? "";
        // A patient signing in (portal-style standalone launch) is their own patient in context.
        const patient = accountId.startsWith("Patient/")
          ? accountId.slice("Patient/".length)
          : form.patient?.trim() || undefined;
        if (!userFor(accountId) || (wantsPatient && !patient)) {
          res
            .status(400)
            .type("html")
            .send(errorPage("invalid_request", "Choose a user and a patient."));
          return;
        }
        if (patient && !/^[A-Za-z0-9\-.]{1,64}$/.test(patient)) {
          res.status(400).type("html").send(errorPage("invalid_request", "Unknown patient."));
          return;
        }
        // As EHRs do for a standalone launch with launch/encounter: the patient's current visit.
        const encounter =
          wantsEncounter && patient ? await opts.currentEncounter?.(patient) : undefined;
        await bind(req, res, params, {
          accountId,
          patient: wantsPatient ? patient : undefined,
          encounter,
          needPatientBanner: true,
          smartStyleUrl: opts.smartStyleUrl,
          error: "none",
          ehrLaunch: false,
        });
      } catch (err) {
        next(err);
      }
    },
  );

  const callback = provider.callback();
  router.use((req, res) => {
    callback(req, res);
  });

  const introspect: Introspect = async (bearer) => {
    if (!bearer || bearer.length > 512) return { ok: false, reason: "invalid" };
    const at = await provider.AccessToken.find(bearer, { ignoreExpiration: true });
    const context = at?.grantId ? grants.get(at.grantId) : undefined;
    if (!at || !context || at.clientId !== context.clientId)
      return { ok: false, reason: "invalid" };
    if (at.isExpired || expiredEarly.has(at.jti) || context.error === "expired_token")
      return { ok: false, reason: "expired" };
    const tc: TokenContext = {
      clientId: context.clientId,
      scopes: [...context.scopes],
      fhirUser: context.fhirUser,
      patientFacing: context.patientFacing,
      labelBlind: context.labelBlind,
      ...(context.patient ? { patient: context.patient } : {}),
      ...(context.encounter ? { encounter: context.encounter } : {}),
    };
    return { ok: true, context: tc };
  };

  return {
    provider,
    router,
    authorizeUrl: `${issuer}/authorize`,
    tokenUrl: `${issuer}/token`,
    introspect,
    createLaunch(input) {
      if (!userFor(input.userId)) throw new Error(`unknown sandbox user: ${input.userId}`);
      const id = randomUUID();
      launches.set(id, { ...input, id, used: false, createdAt: Date.now() });
      // Launches are short-lived; keep the map small.
      const cutoff = Date.now() - 24 * 3600 * 1000;
      for (const [k, v] of launches) if (v.createdAt < cutoff) launches.delete(k);
      return id;
    },
    reset() {
      expiredEarly.clear();
      launches.clear();
      grants.clear();
      rawScopes.clear();
      store.clear();
    },
    grantContext: (grantId) => grants.get(grantId),
    expireAccessTokens(opts = {}) {
      let count = 0;
      if (opts.endSessions)
        for (const key of [...store.entries.keys()])
          if (key.startsWith("RefreshToken:")) store.entries.delete(key);
      for (const key of store.entries.keys()) {
        if (!key.startsWith("AccessToken:")) continue;
        const jti = key.slice("AccessToken:".length);
        if (!expiredEarly.has(jti)) count++;
        expiredEarly.add(jti);
      }
      return count;
    },
  };
}

export function errorPage(error: string, description: string): string {
  return page(
    "Authorization error",
    `<main>
  <h1>Authorization error</h1>
  <div class="error" role="alert" data-testid="auth-error">
    <p><strong>Error:</strong> <code data-testid="auth-error-code">${esc(error)}</code></p>
    <p data-testid="auth-error-description">${esc(description)}</p>
  </div>
  <p class="note">This page is shown by the sandbox authorization server. It does not send you back to the app,
  because the request could not be verified.</p>
</main>`,
  );
}

function standalonePage(
  action: string,
  clientId: string,
  wantsPatient: boolean,
  patients: PickerPatient[],
  patientFacing: boolean,
): string {
  const users = SANDBOX_USERS.map(
    (u) => `<option value="${esc(u.id)}">${esc(u.label)}</option>`,
  ).join("");
  const patientOptions = patients
    .map((p) => `<option value="${esc(p.id)}">${esc(p.label)}</option>`)
    .join("");
  const patientUsers = patients
    .map((p) => `<option value="Patient/${esc(p.id)}">${esc(p.label)} (patient)</option>`)
    .join("");
  return page(
    "Sign in — sandbox EHR",
    `<main>
  <h1>Sign in to the sandbox EHR</h1>
  <p>The app <code>${esc(clientId)}</code> asks to sign you in${wantsPatient ? " and to choose a patient" : ""}.
  This is a synthetic sandbox: no password is needed.</p>
  <form method="post" action="${esc(action)}" data-testid="standalone-form">
    <fieldset>
      <legend>Who are you?</legend>
      <label for="user">User</label>
      <select id="user" name="user" required>${
        patientFacing
          ? patientUsers
          : `<optgroup label="Staff">${users}</optgroup><optgroup label="Patients">${patientUsers}</optgroup>`
      }</select>
    </fieldset>
    ${
      wantsPatient
        ? `<fieldset>
      <legend>Patient</legend>
      <label for="patient">Patient in context</label>
      <select id="patient" name="patient" required>${patientOptions}</select>
    </fieldset>`
        : ""
    }
    <button type="submit" id="sign-in">Sign in and continue</button>
    <button type="submit" name="cancel" value="1" class="secondary" id="cancel" formnovalidate>Cancel</button>
  </form>
</main>`,
  );
}
