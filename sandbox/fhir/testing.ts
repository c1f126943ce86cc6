// Test helper: the sandbox FHIR server on an ephemeral loopback port with a fake token table.
// Used by sandbox/fhir/*.test.ts; other tests may use it too.

import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import type { FhirServerHandle, FhirServerOptions, TokenContext } from "../contract";
import { createFhirServer } from "./index";

/** Bearer token → context. The token "expired" is reported as expired; unknown ones as invalid. */
export type TokenTable = Record<string, Partial<TokenContext> & { scopes: string[] }>;

export interface TestFhirServer {
  baseUrl: string;
  handle: FhirServerHandle;
  /** fetch relative to the base URL with `Authorization: Bearer <token>` (no header when token is undefined). */
  request(
    token: string | undefined,
    path: string,
    init?: RequestInit & { json?: unknown },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestFhirServer(
  tokens: TokenTable,
  extra: Pick<FhirServerOptions, "validateWrite" | "removeCapabilities"> = {},
): Promise<TestFhirServer> {
  const app = express();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  // As sandbox/server.ts: idle keep-alive sockets outlive a busy event loop (a bulk load), so
  // the server never closes one a client is about to reuse.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}/fhir`;
  const handle = await createFhirServer({
    baseUrl,
    authorizeUrl: `http://127.0.0.1:${port}/auth/authorize`,
    tokenUrl: `http://127.0.0.1:${port}/auth/token`,
    introspect: async (bearer) => {
      if (bearer === "expired") return { ok: false, reason: "expired" };
      const t = tokens[bearer];
      if (!t) return { ok: false, reason: "invalid" };
      return {
        ok: true,
        context: { clientId: "test-client", patientFacing: false, labelBlind: false, ...t },
      };
    },
    ...extra,
  });
  app.use("/fhir", handle.router);

  return {
    baseUrl,
    handle,
    request(token, path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== undefined) headers.set("Authorization", `Bearer ${token}`);
      if (json !== undefined) headers.set("Content-Type", "application/fhir+json");
      const url = path.startsWith("http")
        ? path
        : `${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`;
      return fetch(url, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
