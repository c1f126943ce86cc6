import type Client from "fhirclient/lib/Client";
import type * as z from "zod/mini";
import { FailureError, failureFromHttp, serverLabel } from "./failures";

// The one door to the FHIR server. fhirclient owns the tokens (sessionStorage) and refreshes
// them; this module sends the requests so that status, ETag and OperationOutcome bodies reach
// the app intact, parses every answer with zod, and turns every failure into a FailureError.

export interface FhirResponse<T> {
  body: T;
  etag: string | null;
  status: number;
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
): FhirHttp {
  const serverUrl = client.state.serverUrl.replace(/\/+$/, "");

  async function send(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> },
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
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch {
      throw new FailureError({ kind: "unreachable", server: serverLabel(serverUrl) });
    }
  }

  async function refresh(force: boolean): Promise<void> {
    try {
      // The token response must not be cached either.
      if (force) await client.refresh(NO_STORE);
      else await client.refreshIfNeeded(NO_STORE);
    } catch {
      throw new FailureError({ kind: "session-expired" });
    }
  }

  return {
    serverUrl,
    async request(schema, path, init = {}) {
      await refresh(false);
      let response = await send(path, init);
      if (response.status === 401 && client.state.tokenResponse?.refresh_token) {
        // The token may have been revoked or expired early: one refresh, one retry.
        await refresh(true);
        response = await send(path, init);
      }
      const text = await response.text();
      let json: unknown = undefined;
      if (text) {
        try {
          json = JSON.parse(text);
        } catch {
          if (response.ok) throw new FailureError({ kind: "bad-response", what: describe(path) });
        }
      }
      if (!response.ok) {
        throw new FailureError(
          failureFromHttp(response.status, json, response.headers.get("WWW-Authenticate")),
        );
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new FailureError({ kind: "bad-response", what: describe(path) });
      return { body: parsed.data, etag: response.headers.get("ETag"), status: response.status };
    },
  };
}

/** "Patient/123?x" → "Patient": names the resource type, never the id. */
function describe(path: string): string {
  return /^[A-Za-z]+/.exec(path.replace(/^\/+/, ""))?.[0] ?? "a request";
}
