import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ReactElement } from "react";
import { SessionContext, type Session } from "../../src/app/session";
import { createFhirHttp, type SmartClient } from "../../src/fhir/http";
import { StaffLanguageContext } from "../../src/ui/staffLanguage";
import type { FhirStore } from "../msw/fhirStore";
import { FHIR_BASE, fhirHandlers } from "../msw/handlers";

// Component tests the way the app runs: the real FHIR door (createFhirHttp, zod on every
// answer) against an msw-served in-memory FHIR store, inside the providers App sets up.

const TOKEN = "test-token";

/** Serves `store` at FHIR_BASE for the test file (vitest hooks); `server.use` overrides. */
export function serveStore(store: FhirStore) {
  const server = setupServer(...fhirHandlers(store, () => TOKEN));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** The real FHIR door, signed in to the msw store. */
export function storeHttp() {
  const state = { serverUrl: FHIR_BASE, clientId: "c", tokenResponse: { access_token: TOKEN } };
  const client = {
    state,
    getAuthorizationHeader: () => `Bearer ${TOKEN}`,
    refreshIfNeeded: async () => state,
    refresh: async () => state,
  } as unknown as SmartClient;
  return createFhirHttp(client);
}

export function renderWithSession(
  ui: ReactElement,
  session: Session,
  lang: "en" | "es" = "en",
): ReturnType<typeof render> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={session}>
        <StaffLanguageContext.Provider value={lang}>{ui}</StaffLanguageContext.Provider>
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}
