import type Client from "fhirclient/lib/Client";
import type * as z from "zod/mini";
import { FailureError, failureFromHttp } from "./failures";
import { serverLabel } from "./serverLabel";

// The one door to the FHIR server. fhirclient owns the tokens (sessionStorage) and refreshes
// them; this module sends the requests so that status, ETag and OperationOutcome bodies reach
// the app intact, parses every answer with zod, and turns every failure into a FailureError.

export interface FhirResponse<T> {
  body: T;
  etag: string | null;
  status: number;
}

/** How long the app waits for an answer before saying so (ms). */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FhirHttpOptions {
  /** Per request, including a token refresh and reading the body. Default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
}

export interface FhirHttp {
  readonly serverUrl: string;
  request<S extends z.ZodMiniType>(
    schema: S,
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<FhirResponse<z.output<S>>>;
}

/** What this module needs from fhirclient's Client; narrowed so tests can pass a fake. */
export type SmartClient = Pick<
  Client,
  "getAuthorizationHeader" | "refreshIfNeeded" | "refresh" | "state"
>;

/** Fetch options for every request to the FHIR and token endpoints (DESIGN.md privacy invariant 9). */
export const NO_STORE = { cache: "no-store" } as const satisfies RequestInit;

export function createFhirHttp(
  client: SmartClient,
  fetchImpl: typeof fetch = fetch.bind(globalThis),
  options: FhirHttpOptions = {},
): FhirHttp {
  const serverUrl = client.state.serverUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> },
    signal: AbortSignal,
  ) {
    const headers: Record<string, string> = { Accept: "application/fhir+json", ...init.headers };
    const auth = client.getAuthorizationHeader();
    if (auth) headers.Authorization = auth;
    if (init.body !== undefined) headers["Content-Type"] = "application/fhir+json";
    try {
      return await fetchImpl(`${serverUrl}/${path.replace(/^\/+/, "")}`, {
        method: init.method ?? "GET",
        headers,
        // FHIR answers carry PHI: never let the browser keep one in its HTTP cache (on disk).
        ...NO_STORE,
        signal,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch {
      throw signal.aborted ? noAnswer(init) : unreachable();
    }
  }

  async function refresh(force: boolean, signal: AbortSignal): Promise<void> {
    try {
      // The token response must not be cached either.
      if (force) await client.refresh({ ...NO_STORE, signal });
      else await client.refreshIfNeeded({ ...NO_STORE, signal });
    } catch {
      if (signal.aborted) throw noAnswer({});
      throw new FailureError({ kind: "session-expired" });
    }
  }

  const unreachable = () =>
    new FailureError({ kind: "unreachable", server: serverLabel(serverUrl) });
  /** No answer in time: for a write, it may or may not have been done. */
  const noAnswer = (init: { method?: string }) =>
    new FailureError({
      kind: "no-answer",
      server: serverLabel(serverUrl),
      seconds: Math.ceil(timeoutMs / 1000),
      write: (init.method ?? "GET") !== "GET",
    });

  async function exchange(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> },
    signal: AbortSignal,
  ): Promise<{ response: Response; text: string }> {
    await refresh(false, signal);
    let response = await send(path, init, signal);
    if (response.status === 401 && client.state.tokenResponse?.refresh_token) {
      // The token may have been revoked or expired early: one refresh, one retry.
      await refresh(true, signal);
      response = await send(path, init, signal);
    }
    try {
      // Raced with the deadline: not every fetch ends a body stream on abort.
      return { response, text: await untilAborted(response.text(), signal) };
    } catch {
      // The answer started but did not finish: as good as no answer.
      throw signal.aborted ? noAnswer(init) : unreachable();
    }
  }

  return {
    serverUrl,
    async request(schema, path, init = {}) {
      // One deadline for the whole exchange (refresh, send, retry, body): a request never
      // leaves the user waiting on "Sending…" forever.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let exchanged: { response: Response; text: string };
      try {
        exchanged = await exchange(path, init, controller.signal);
      } finally {
        clearTimeout(timer);
      }
      const { response, text } = exchanged;
      let json: unknown = undefined;
      if (text) {
        try {
          json = JSON.parse(text);
        } catch {
          if (response.ok)
            throw new FailureError({ kind: "bad-response", what: describeRequest(path, init) });
        }
      }
      if (!response.ok) {
        throw new FailureError(
          failureFromHttp(response.status, json, response.headers.get("WWW-Authenticate")),
        );
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new FailureError({ kind: "bad-response", what: describeRequest(path, init) });
      return { body: parsed.data, etag: response.headers.get("ETag"), status: response.status };
    },
  };
}

/** The promise, or a rejection as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error("aborted"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Names the request in FHIR's own terms, never with an id or a search value: "Patient read",
 * "ServiceRequest search", "Task update", "transaction Bundle", "Patient $everything".
 */
export function describeRequest(
  path: string,
  init: { method?: string; body?: unknown } = {},
): string {
  const [resource = "", query] = path.replace(/^\/+/, "").split("?");
  const [type, id, more] = resource.split("/");
  const method = (init.method ?? "GET").toUpperCase();
  if (!type) {
    const bundleType = (init.body as { type?: unknown } | undefined)?.type;
    if (bundleType === "transaction" || bundleType === "batch") return `${bundleType} Bundle`;
    return query === undefined ? "the server's base address" : "a search of all types";
  }
  if (type === "metadata") return "CapabilityStatement read";
  if (!/^[A-Z][A-Za-z]+$/.test(type)) return type.startsWith("$") ? type : "a request";
  const operation = [id, more].find((part) => part?.startsWith("$"));
  if (operation) return `${type} ${operation}`;
  const interaction =
    method === "GET"
      ? id === undefined || id === "_search"
        ? "search"
        : more === "_history"
          ? "history"
          : "read"
      : ({
          POST: id === "_search" ? "search" : "create",
          PUT: "update",
          PATCH: "patch",
          DELETE: "delete",
        }[method] ?? method);
  return `${type} ${interaction}`;
}
