// Wires the sandbox together in one loopback process. Development and testing only.
//
//   /            the simulated EHR (launcher, chart frame)       sandbox/ehr/ehr.ts
//   /fhir        the FHIR R4 server                               sandbox/fhir
//   /auth        the SMART authorization server (oidc-provider)  sandbox/auth/provider.ts
//   /portal      the patient-portal simulator                     sandbox/ehr/portal.ts
//   /sandbox/*   control endpoints for tests (faults, reset, launch, FHIR request log)
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { NextFunction, Request, Response } from "express";
import { FAULT_KINDS } from "./contract";
import type { FaultRequest, FhirServerHandle, FhirServerOptions, SandboxClient } from "./contract";
import { createFhirServer } from "./fhir/index";
import {
  validateWrite as validateAgainstProfiles,
  warmUpValidator,
} from "../fhir-profiles/validator";
import { createAuthServer } from "./auth/provider";
import type { AuthServer } from "./auth/provider";
import { createEhrLaunch, createEhrRouter } from "./ehr/ehr";
import type { EhrLaunch, EhrLaunchRequest } from "./ehr/ehr";
import { createPortalRouter } from "./ehr/portal";
import { humanName, isEncounter, isPatient } from "./ehr/labels";

export const APP_CLIENT_ID = "warm-referral";
export const PARTNER_CLIENT_ID = "warm-referral-partner";
/** Idle keep-alive connections are kept this long (ms); see startSandbox. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Fallback when public/smart-config.json has no entry for the sandbox. */
export const APP_SCOPES =
  "launch launch/patient launch/encounter openid fhirUser offline_access patient/*.cruds user/*.cruds";

type ConfiguredIssuer = {
  iss?: string;
  issPattern?: string;
  scopes?: { v2?: string };
  partner?: { scopes?: { v2?: string } };
};

/** The entry of the app's public/smart-config.json for this server, if any. */
function configuredIssuer(fhirBaseUrl: string): ConfiguredIssuer | undefined {
  try {
    const file = resolve(import.meta.dirname, "..", "public", "smart-config.json");
    const config = JSON.parse(readFileSync(file, "utf8")) as { issuers?: ConfiguredIssuer[] };
    return (config.issuers ?? []).find((entry) =>
      entry.iss
        ? entry.iss === fhirBaseUrl
        : entry.issPattern
          ? new RegExp(entry.issPattern).test(fhirBaseUrl)
          : false,
    );
  } catch {
    // the app's config is validated (and reported) by the app itself
    return undefined;
  }
}

/** The v2 scopes the app's public/smart-config.json asks the sandbox for (the values to register). */
function configuredScopes(fhirBaseUrl: string): string {
  return configuredIssuer(fhirBaseUrl)?.scopes?.v2 ?? APP_SCOPES;
}

/** The partner client's registered scopes: its smart-config.json partner set (none without one). */
function configuredPartnerScopes(fhirBaseUrl: string): string[] {
  return (configuredIssuer(fhirBaseUrl)?.partner?.scopes?.v2 ?? "openid").split(" ");
}

export interface StartSandboxOptions {
  /** 0 = any free port. Default 4010. */
  port?: number;
  /** Where the app is served, e.g. http://127.0.0.1:5173 (no trailing slash needed). */
  appUrl: string;
  /** More redirect URIs for the app's client (exact matches). */
  extraRedirectUris?: string[];
  /** Access-token lifetime. Default 3600. */
  tokenTtlSeconds?: number;
  /** Capabilities to leave out of /metadata and refuse (IT-diagnostics tests), e.g. "conditional-create". */
  removeCapabilities?: string[];
  /**
   * Profile validation of every write (top-level and every transaction/batch entry); a write
   * that breaks it gets a 400 OperationOutcome. Default: the Warm Referral profiles
   * (fhir-profiles/validator.ts `validateWrite`), so browser tests catch drift from the data
   * contract. Pass another function to replace it, or `false` to turn profile validation off
   * (only for tests of the server itself; base R4 validation still applies).
   */
  validateWrite?: FhirServerOptions["validateWrite"] | false;
}

export interface SandboxRegistration {
  clientId: string;
  launchUrl: string;
  redirectUrl: string;
  scopes: string;
  fhirBaseUrl: string;
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  smartConfigurationUrl: string;
}

export interface Sandbox {
  /** The simulated EHR, e.g. http://127.0.0.1:4010/ */
  ehrUrl: string;
  fhirBaseUrl: string;
  authIssuer: string;
  /** The app's launch URL, e.g. http://127.0.0.1:5173/launch.html */
  appLaunchUrl: string;
  port: number;
  close(): Promise<void>;
  fhir: FhirServerHandle;
  auth: AuthServer;
  registration: SandboxRegistration;
  /** Creates an EHR launch like POST /sandbox/launch does. */
  createLaunch(request: EhrLaunchRequest): EhrLaunch;
}

export async function startSandbox(opts: StartSandboxOptions): Promise<Sandbox> {
  const appUrl = opts.appUrl.replace(/\/+$/, "");
  const appLaunchUrl = `${appUrl}/launch.html`;
  const tokenTtlSeconds = opts.tokenTtlSeconds ?? 3600;
  const validateWrite =
    opts.validateWrite === false ? undefined : (opts.validateWrite ?? validateAgainstProfiles);
  // Load the profiles now (~1 s) rather than on the first write.
  if (validateWrite === validateAgainstProfiles) warmUpValidator();

  // Listen first so that port 0 resolves to a real port before the issuer is fixed.
  let handler: (
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
  ) => void = (_req, res) => {
    res.statusCode = 503;
    res.end("starting");
  };
  const server = createServer((req, res) => handler(req, res));
  // Keep idle keep-alive connections longer than clients do. Node's default (5 s) is shorter
  // than browsers' and proxies' idle timeouts, and while the event loop is busy (a burst of
  // transactions) the timer can fire before a request already sent on that connection is read:
  // the server then closes a connection with a request in it and the client sees a reset.
  // headersTimeout must stay above keepAliveTimeout (Node's rule for kept-alive sockets).
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 4010, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const ehrUrl = `${origin}/`;
  const fhirBaseUrl = `${origin}/fhir`;
  const authIssuer = `${origin}/auth`;

  const portalCallback = `${origin}/portal/callback`;
  const clients: SandboxClient[] = [
    {
      clientId: APP_CLIENT_ID,
      redirectUris: [`${appUrl}/index.html`, ...(opts.extraRedirectUris ?? [])],
    },
    {
      // Partner programs' staff (launch.html?…&as=partner): registered with the partner
      // scope set of public/smart-config.json only.
      clientId: PARTNER_CLIENT_ID,
      redirectUris: [`${appUrl}/index.html`, ...(opts.extraRedirectUris ?? [])],
      allowedScopes: configuredPartnerScopes(fhirBaseUrl),
    },
    { clientId: "bare-bench", redirectUris: [`${appUrl}/bench-bare.html`] },
    {
      clientId: "patient-portal",
      redirectUris: [portalCallback],
      patientFacing: true,
      clientSecret: randomBytes(24).toString("base64url"),
    },
    {
      clientId: "patient-portal-label-blind",
      redirectUris: [portalCallback],
      patientFacing: true,
      labelBlind: true,
      clientSecret: randomBytes(24).toString("base64url"),
    },
  ];

  let fhir: FhirServerHandle | undefined;
  const auth = createAuthServer({
    issuer: authIssuer,
    fhirBaseUrl,
    clients,
    tokenTtlSeconds,
    smartStyleUrl: `${origin}/ehr/smart-style.json`,
    listPatients: async () => {
      if (!fhir) return [];
      const list = (await fhir.search("Patient", { _count: "200" })).filter(isPatient);
      return list
        .map((p) => ({
          id: p.id ?? "",
          label: `${humanName(p.name)}${p.birthDate ? `, born ${p.birthDate}` : ""}`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },
    currentEncounter: async (patientId) => {
      if (!fhir) return undefined;
      const visits = await fhir.search("Encounter", { subject: `Patient/${patientId}` });
      const current =
        visits
          .filter(isEncounter)
          .sort((a, b) => (b.period?.start ?? "").localeCompare(a.period?.start ?? ""))
          .find((e) => e.status === "in-progress" || e.status === "arrived") ?? visits[0];
      return current?.id;
    },
  });

  try {
    fhir = await createFhirServer({
      baseUrl: fhirBaseUrl,
      authorizeUrl: auth.authorizeUrl,
      tokenUrl: auth.tokenUrl,
      introspect: auth.introspect,
      ...(validateWrite ? { validateWrite } : {}),
      ...(opts.removeCapabilities ? { removeCapabilities: opts.removeCapabilities } : {}),
    });
  } catch (err) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw err;
  }
  const fhirHandle = fhir;

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);

  app.use("/auth", auth.router);
  // The FHIR request log (test-only, synthetic data): which requests reached the server since
  // the last reset, so a browser test can prove that a screen read nothing it should not.
  const fhirLog: { method: string; url: string }[] = [];
  app.use("/fhir", (req, _res, next) => {
    if (req.method !== "OPTIONS") fhirLog.push({ method: req.method, url: req.url });
    if (fhirLog.length > 5000) fhirLog.shift();
    next();
  });
  app.use("/fhir", fhirHandle.router);

  // ---- control endpoints for tests ----------------------------------------------------
  const control = express.Router();
  control.use(express.json({ limit: "64kb" }));
  control.post("/faults", (req, res) => {
    const f = req.body as Partial<FaultRequest> | undefined;
    if (
      !f ||
      (f.match !== "transaction" && f.match !== "read" && f.match !== "any") ||
      !(FAULT_KINDS as readonly unknown[]).includes(f.kind) ||
      (f.type !== undefined && (typeof f.type !== "string" || !/^[A-Z][A-Za-z]+$/.test(f.type)))
    ) {
      res.status(400).json({
        error: `body must be {"match":"transaction"|"read"|"any","kind":${FAULT_KINDS.map((k) => `"${k}"`).join("|")},"count"?:n,"type"?:"<ResourceType>"}`,
      });
      return;
    }
    fhirHandle.injectFault({
      match: f.match,
      kind: f.kind as FaultRequest["kind"],
      ...(typeof f.count === "number" ? { count: f.count } : {}),
      ...(f.type ? { type: f.type } : {}),
    });
    res.status(204).end();
  });
  control.delete("/faults", (_req, res) => {
    fhirHandle.clearFaults();
    res.status(204).end();
  });
  // {"enforced": false}: partner users read what their scopes allow (a misconfigured server).
  control.post("/partner-policy", (req, res) => {
    const body = (req.body ?? {}) as { enforced?: unknown };
    if (typeof body.enforced !== "boolean") {
      res.status(400).json({ error: 'body must be {"enforced": true|false}' });
      return;
    }
    fhirHandle.enforcePartnerPolicy(body.enforced);
    res.status(204).end();
  });
  control.post("/reset", async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as { auth?: boolean };
      fhirHandle.clearFaults();
      fhirHandle.enforcePartnerPolicy(true);
      await fhirHandle.reset();
      fhirLog.length = 0;
      if (body.auth) auth.reset();
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  });
  // Expires every access token issued so far: the app's next FHIR request gets 401 "expired"
  // and must refresh. Refresh tokens stay valid, unless the body is {"endSessions": true}: then
  // the refresh is refused too, as when the EHR ends the user's session.
  control.post("/expire-tokens", (req, res) => {
    const body = (req.body ?? {}) as { endSessions?: unknown };
    res.json({ expired: auth.expireAccessTokens({ endSessions: body.endSessions === true }) });
  });
  control.post("/launch", (req, res) => {
    try {
      res.json(
        createEhrLaunch(auth, fhirBaseUrl, appLaunchUrl, (req.body ?? {}) as EhrLaunchRequest),
      );
    } catch (e) {
      res.status(400).json({ error: (e as Error).message });
    }
  });
  // Test-only, read-only: what the FHIR server holds, without auth or label filtering
  // (browser tests assert what was written). Loopback sandbox only; never part of production.
  control.get("/resources/:type", async (req, res, next) => {
    try {
      const type = req.params.type;
      if (!/^[A-Z][A-Za-z]{1,40}$/.test(type)) {
        res.status(400).json({ error: "bad resource type" });
        return;
      }
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.query)) if (typeof v === "string") params[k] = v;
      res.json(await fhirHandle.search(type, params));
    } catch (err) {
      next(err);
    }
  });
  // Test-only: a transaction Bundle through the FHIR engine with the seed's trust (no scopes,
  // no profile checks), for browser tests that set up records no user could write directly
  // (e.g. a partner's outcomes). Loopback sandbox only.
  control.post("/transaction", express.json({ limit: "5mb" }), async (req, res, next) => {
    try {
      res.json(await fhirHandle.loadBundle(req.body as import("fhir/r4").Bundle));
    } catch (err) {
      res.status(400).json({ error: (err as Error).message });
      void next;
    }
  });
  // Test-only: adds N synthetic referrals (npm run seed:load -- N; sandbox/seed/load.ts).
  control.post("/seed-load", (req, res) => {
    const body = (req.body ?? {}) as { count?: unknown; prefix?: unknown };
    const count = typeof body.count === "number" ? body.count : NaN;
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
      res.status(400).json({ error: "count must be a whole number from 1 to 1,000,000" });
      return;
    }
    const prefix =
      typeof body.prefix === "string" && /^[a-z0-9-]{1,20}$/.test(body.prefix)
        ? body.prefix
        : `load-${Date.now().toString(36)}`;
    const started = Date.now();
    const resources = fhirHandle.loadSynthetic(count, { prefix });
    res.json({ referrals: count, resources, ms: Date.now() - started });
  });
  control.get("/requests", (_req, res) => {
    res.json(fhirLog);
  });
  control.delete("/requests", (_req, res) => {
    fhirLog.length = 0;
    res.status(204).end();
  });
  control.get("/info", (_req, res) => {
    res.json({ ehrUrl, fhirBaseUrl, authIssuer, appLaunchUrl, registration });
  });
  app.use("/sandbox", control);

  app.use(
    "/portal",
    createPortalRouter({
      fhir: fhirHandle,
      auth,
      fhirBaseUrl,
      callbackUrl: portalCallback,
      launchAppAsPatient: (patient) =>
        createEhrLaunch(auth, fhirBaseUrl, appLaunchUrl, {
          user: `Patient/${patient}`,
          display: "window",
        }).url,
      // By id, not by place in the list (a client added above must not change which is which).
      honoursLabels: clients.find((c) => c.clientId === "patient-portal") as SandboxClient,
      labelBlind: clients.find((c) => c.clientId === "patient-portal-label-blind") as SandboxClient,
    }),
  );
  app.use(createEhrRouter({ fhir: fhirHandle, auth, fhirBaseUrl, appLaunchUrl }));

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // No PHI: log only the error's name and message.
    const e = err instanceof Error ? err : new Error(String(err));
    console.error(`[sandbox] ${e.name}: ${e.message}`);
    if (!res.headersSent) res.status(500).type("text").send("sandbox error");
  });

  handler = app;

  const registration: SandboxRegistration = {
    clientId: APP_CLIENT_ID,
    launchUrl: appLaunchUrl,
    redirectUrl: `${appUrl}/index.html`,
    scopes: configuredScopes(fhirBaseUrl),
    fhirBaseUrl,
    issuer: authIssuer,
    authorizeUrl: auth.authorizeUrl,
    tokenUrl: auth.tokenUrl,
    smartConfigurationUrl: `${fhirBaseUrl}/.well-known/smart-configuration`,
  };

  return {
    ehrUrl,
    fhirBaseUrl,
    authIssuer,
    appLaunchUrl,
    port,
    fhir: fhirHandle,
    auth,
    registration,
    createLaunch: (request) => createEhrLaunch(auth, fhirBaseUrl, appLaunchUrl, request),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
