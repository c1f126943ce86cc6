// HTTP glue between express and the FHIR engine: CORS, public discovery documents, bearer
// authentication, fault injection, FhirRequest ⇄ HTTP translation, headers (ETag,
// Last-Modified, Location) and OperationOutcome errors — never an HTML page.

import express from "express";
import type { NextFunction, Request, Response, Router } from "express";
import type { FhirRequest, FhirRouter, HttpMethod } from "@medplum/fhir-router";
import type { OperationOutcome, Resource } from "@medplum/fhirtypes";
import type { FaultRequest, FhirServerOptions, TokenContext } from "../contract";
import { ScopedRepository } from "./access";
import type { Capabilities } from "./capabilities";
import { capabilityStatement, smartConfiguration } from "./capabilities";
import { outcome, statusOf, withDiagnostics } from "./outcome";
import type { SandboxStore } from "./store";

const FHIR_JSON = "application/fhir+json; charset=utf-8";
const JSON_TYPES = [
  "application/json",
  "application/fhir+json",
  "application/json-patch+json",
  "application/*+json",
];
const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export interface HttpDeps {
  options: FhirServerOptions;
  baseUrl: string;
  engine: FhirRouter;
  store: SandboxStore;
  capabilities: Capabilities;
  faults: FaultQueue;
  /** Whether the partner-access policy applies (a test can turn it off: FhirServerHandle). */
  partnerPolicy: { enforced: boolean };
}

/** Faults waiting for matching requests (FIFO). */
export class FaultQueue {
  private queue: {
    match: FaultRequest["match"];
    kind: FaultRequest["kind"];
    type: string | undefined;
    remaining: number;
  }[] = [];

  add(fault: FaultRequest): void {
    this.queue.push({
      match: fault.match,
      kind: fault.kind,
      type: fault.type,
      remaining: Math.max(1, fault.count ?? 1),
    });
  }

  clear(): void {
    this.queue = [];
  }

  /** Takes one use of the first fault matching this request, if any. */
  take(isTransaction: boolean, isRead = false, type?: string): FaultRequest["kind"] | undefined {
    const fault = this.queue.find(
      (f) =>
        (f.type === undefined || f.type === type) &&
        (f.match === "any" ||
          (f.match === "transaction" && isTransaction) ||
          (f.match === "read" && isRead)),
    );
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.queue.splice(this.queue.indexOf(fault), 1);
    return fault.kind;
  }
}

interface Locals {
  dropAfterCommit?: boolean;
  hangAfterCommit?: boolean;
  truncateAnswer?: boolean;
  breakFirstEntry?: boolean;
  token?: TokenContext;
}

function locals(res: Response): Locals {
  return res.locals as Locals;
}

/**
 * Sends FHIR JSON — or, under a "drop-after-commit" fault, hangs up without answering, and
 * under a "hang" fault says nothing at all (the socket stays open until the client leaves).
 */
function send(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (locals(res).dropAfterCommit) {
    res.socket?.destroy();
    return;
  }
  if (locals(res).hangAfterCommit) return;
  res.status(status);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (body === undefined) {
    res.end();
    return;
  }
  const payload =
    (body as { resourceType?: string }).resourceType === "OperationOutcome"
      ? withDiagnostics(body as OperationOutcome)
      : body;
  res.setHeader("Content-Type", FHIR_JSON);
  const json = JSON.stringify(
    locals(res).breakFirstEntry ? withBrokenFirstEntry(payload) : payload,
  );
  res.send(locals(res).truncateAnswer ? json.slice(0, Math.ceil(json.length / 2)) : json);
}

/** A search Bundle whose first entry's resource has a number for its id (a fault). */
function withBrokenFirstEntry(payload: unknown): unknown {
  const bundle = payload as { resourceType?: unknown; entry?: { resource?: object }[] };
  const first = bundle.entry?.[0];
  if (bundle.resourceType !== "Bundle" || !first?.resource) return payload;
  return {
    ...bundle,
    entry: [
      { ...first, resource: { ...first.resource, id: 12345 } },
      ...(bundle.entry ?? []).slice(1),
    ],
  };
}

function sendOutcome(
  res: Response,
  o: OperationOutcome,
  headers: Record<string, string> = {},
): void {
  send(res, statusOf(o), o, headers);
}

function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.get("origin");
  res.setHeader("Access-Control-Allow-Origin", origin ?? "*");
  if (origin) res.setHeader("Vary", "Origin");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  res.setHeader(
    "Access-Control-Allow-Headers",
    "Authorization, Content-Type, If-Match, If-None-Exist, If-None-Match, Prefer, Accept, X-Requested-With",
  );
  res.setHeader(
    "Access-Control-Expose-Headers",
    "ETag, Location, Content-Location, Last-Modified, WWW-Authenticate",
  );
  res.setHeader("Access-Control-Max-Age", "600");
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
}

export function createHttpRouter(deps: HttpDeps): Router {
  const { options, baseUrl, engine, store, capabilities, faults } = deps;
  const router = express.Router();
  const urls = { baseUrl, authorizeUrl: options.authorizeUrl, tokenUrl: options.tokenUrl };

  // Every answer carries PHI or may: no cache (browser, proxy or disk) may keep it, as a careful
  // EHR says (DESIGN.md privacy invariant 9). Errors and discovery documents included.
  router.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  router.use(cors);
  router.use(express.json({ type: JSON_TYPES, limit: "10mb" }));
  router.use(express.urlencoded({ extended: false, limit: "1mb" }));

  // Fault injection comes first: a "503" does nothing at all, not even authentication.
  router.use((req, res, next) => {
    const body = req.body as { resourceType?: string; type?: string } | undefined;
    const isBundlePost =
      req.method === "POST" &&
      (req.path === "/" || req.path === "") &&
      body?.resourceType === "Bundle" &&
      (body.type === "transaction" || body.type === "batch");
    const kind = faults.take(
      isBundlePost,
      req.method === "GET",
      /^\/([A-Za-z]+)/.exec(req.path)?.[1],
    );
    if (kind === "503") {
      sendOutcome(
        res,
        outcome(503, "transient", "Service unavailable (simulated fault); retry later"),
        { "Retry-After": "1" },
      );
      return;
    }
    if (kind === "drop-after-commit") locals(res).dropAfterCommit = true;
    if (kind === "hang") locals(res).hangAfterCommit = true;
    if (kind === "malformed") locals(res).truncateAnswer = true;
    if (kind === "malformed-entry") locals(res).breakFirstEntry = true;
    next();
  });

  // Public discovery documents: no token needed.
  router.get("/metadata", (_req, res) => send(res, 200, capabilityStatement(capabilities, urls)));
  router.get("/.well-known/smart-configuration", (_req, res) => {
    if (locals(res).dropAfterCommit) {
      res.socket?.destroy();
      return;
    }
    if (locals(res).hangAfterCommit) return;
    res
      .status(200)
      .type("application/json")
      .send(JSON.stringify(smartConfiguration(urls)));
  });

  // Everything else needs a valid bearer token.
  router.use(async (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
    if (!match?.[1]) {
      sendOutcome(
        res,
        outcome(401, "login", "Authentication required: send Authorization: Bearer <access token>"),
        {
          "WWW-Authenticate":
            'Bearer error="invalid_token", error_description="missing bearer token"',
        },
      );
      return;
    }
    const result = await options.introspect(match[1]);
    if (!result.ok) {
      const expired = result.reason === "expired";
      sendOutcome(
        res,
        outcome(
          401,
          expired ? "expired" : "login",
          expired
            ? "The access token has expired; obtain a new one (refresh or relaunch)"
            : "The access token is not valid",
        ),
        {
          "WWW-Authenticate": `Bearer error="invalid_token", error_description="${expired ? "expired" : "invalid"}"`,
        },
      );
      return;
    }
    locals(res).token = result.context;
    next();
  });

  router.use(async (req, res) => {
    const token = locals(res).token as TokenContext;
    const method = req.method.toUpperCase() as HttpMethod;
    // req.url is relative to the mount point and keeps the query string; the engine parses it.
    const url = req.url.replace(/^\/+/, "");
    if (!METHODS.includes(method) || !engine.find(method, url)) {
      const allowed = METHODS.filter((m) => engine.find(m, url));
      if (allowed.length) {
        sendOutcome(
          res,
          outcome(
            405,
            "not-supported",
            `${req.method} is not allowed here; use ${allowed.join(", ")}`,
          ),
          { Allow: allowed.join(", ") },
        );
      } else {
        sendOutcome(res, outcome(404, "not-found", `No FHIR endpoint at ${req.path}`));
      }
      return;
    }
    if (
      ["POST", "PUT", "PATCH"].includes(method) &&
      hasBody(req) &&
      !req.is([...JSON_TYPES, "application/x-www-form-urlencoded"])
    ) {
      sendOutcome(
        res,
        outcome(
          415,
          "not-supported",
          `Unsupported Content-Type ${req.get("content-type") ?? "(none)"}; send application/fhir+json`,
        ),
      );
      return;
    }

    const repo = new ScopedRepository(store, token, {
      validateWrite: options.validateWrite,
      baseUrl,
      partnerPolicy: deps.partnerPolicy.enforced,
    });
    const fhirRequest: FhirRequest = {
      method,
      url,
      pathname: "",
      params: {},
      query: {},
      body: req.body as unknown,
      headers: { ...req.headers },
      config: { transactions: false },
    };
    const [result, resource] = await engine.handleRequest(fhirRequest, repo);
    const status = statusOf(result);
    if (status >= 400 || !resource) {
      sendOutcome(
        res,
        result.issue?.length ? result : outcome(status, "processing", "Request failed"),
      );
      return;
    }
    const headers = resourceHeaders(resource as Resource, baseUrl);
    if (status === 201 && headers["Content-Location"])
      headers.Location = headers["Content-Location"];
    const prefer = req.get("prefer") ?? "";
    if (/return=minimal/.test(prefer) && method !== "GET") {
      send(res, status, undefined, headers);
    } else if (/return=OperationOutcome/.test(prefer) && method !== "GET") {
      send(res, status, result, headers);
    } else {
      send(res, status, resource, headers);
    }
  });

  // Body-parser and any other errors: OperationOutcome JSON, never express's HTML page.
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === "entity.parse.failed") {
      sendOutcome(
        res,
        outcome(400, "invalid", `Request body is not valid JSON: ${e.message ?? ""}`),
      );
    } else if (e.type === "entity.too.large") {
      send(res, 413, outcome(400, "too-costly", "Request body too large"));
    } else {
      // One line, no request data (PHI rule).
      console.error(`[fhir] internal error: ${e.message ?? String(err)}`);
      sendOutcome(res, outcome(500, "exception", "Internal server error"));
    }
  });

  return router;
}

function hasBody(req: Request): boolean {
  const length = req.get("content-length");
  return (length !== undefined && length !== "0") || req.get("transfer-encoding") !== undefined;
}

/** ETag, Last-Modified and Content-Location for a single resource (not for Bundles). */
function resourceHeaders(resource: Resource, baseUrl: string): Record<string, string> {
  if (resource.resourceType === "Bundle" || !resource.id || !resource.meta?.versionId) return {};
  const headers: Record<string, string> = {
    ETag: `W/"${resource.meta.versionId}"`,
    "Content-Location": `${baseUrl}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`,
  };
  if (resource.meta.lastUpdated)
    headers["Last-Modified"] = new Date(resource.meta.lastUpdated).toUTCString();
  return headers;
}
