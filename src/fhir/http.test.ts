import type { Patient } from "fhir/r4";
import { setupServer } from "msw/node";
import { delay, http, HttpResponse } from "msw";
import * as z from "zod/mini";
import { FhirStore } from "../../test/msw/fhirStore";
import { FHIR_BASE, fhirHandlers, outcome } from "../../test/msw/handlers";
import { FailureError } from "./failures";
import { createFhirHttp, describeRequest, NO_STORE, type SmartClient } from "./http";
import { patientSchema } from "./schemas";

const ana: Patient = {
  resourceType: "Patient",
  id: "p1",
  name: [{ given: ["Ana"], family: "Test" }],
};
const store = new FhirStore([ana]);
let currentToken = "token-1";
const server = setupServer(...fhirHandlers(store, () => currentToken));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function fakeClient(
  overrides: Partial<{ token: string; refreshTo: string | null }> = {},
): SmartClient {
  const state = {
    serverUrl: FHIR_BASE,
    clientId: "c",
    tokenResponse: { access_token: overrides.token ?? "token-1", refresh_token: "r" },
  };
  return {
    state,
    getAuthorizationHeader: () => `Bearer ${state.tokenResponse.access_token}`,
    refreshIfNeeded: async () => state,
    refresh: async () => {
      if (overrides.refreshTo === null) throw new Error("invalid_grant");
      state.tokenResponse.access_token = overrides.refreshTo ?? "token-1";
      return state;
    },
  } as unknown as SmartClient;
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FailureError) return error.failure;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("the FHIR door", () => {
  it("reads and parses with the bearer token and returns the ETag", async () => {
    const response = await createFhirHttp(fakeClient()).request(patientSchema, "Patient/p1");
    expect(response.body.name?.[0]?.given).toEqual(["Ana"]);
    expect(response.etag).toBe('W/"1"');
    expect(store.requests.at(-1)?.headers.authorization).toBe("Bearer token-1");
  });

  it("refreshes once on 401 and retries", async () => {
    currentToken = "token-2";
    const response = await createFhirHttp(
      fakeClient({ token: "stale", refreshTo: "token-2" }),
    ).request(patientSchema, "Patient/p1");
    expect(response.body.id).toBe("p1");
    currentToken = "token-1";
  });

  it("reports an ended session when the refresh fails", async () => {
    const failure = await failureOf(
      createFhirHttp(fakeClient({ token: "stale", refreshTo: null })).request(
        patientSchema,
        "Patient/p1",
      ),
    );
    expect(failure).toEqual({ kind: "session-expired" });
  });

  it("shows the diagnostics of an OperationOutcome", async () => {
    const failure = await failureOf(
      createFhirHttp(fakeClient()).request(patientSchema, "Patient/missing"),
    );
    expect(failure).toEqual({
      kind: "operation-outcome",
      status: 404,
      diagnostics: ["Patient/missing is not known"],
      issues: [
        {
          severity: "error",
          code: "processing",
          text: "Patient/missing is not known",
          expression: [],
        },
      ],
    });
  });

  it("turns 403 into a forbidden failure", async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, () =>
        outcome(403, "Scope patient/Patient.rs is required"),
      ),
    );
    const failure = await failureOf(
      createFhirHttp(fakeClient()).request(patientSchema, "Patient/p1"),
    );
    expect(failure).toEqual({
      kind: "forbidden",
      diagnostics: ["Scope patient/Patient.rs is required"],
      issues: [
        {
          severity: "error",
          code: "processing",
          text: "Scope patient/Patient.rs is required",
          expression: [],
        },
      ],
    });
  });

  it("treats a malformed body as a bad response, naming the request but never its id", async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, () =>
        HttpResponse.text("<html>oops</html>", { status: 200 }),
      ),
    );
    expect(
      await failureOf(createFhirHttp(fakeClient()).request(patientSchema, "Patient/p1")),
    ).toEqual({ kind: "bad-response", what: "Patient read" });
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, () => HttpResponse.json({ resourceType: "Patient" })),
    );
    expect(
      await failureOf(createFhirHttp(fakeClient()).request(patientSchema, "Patient/p1")),
    ).toEqual({ kind: "bad-response", what: "Patient read" });
  });

  it("names each kind of request in FHIR's terms, without ids or search values", () => {
    expect(describeRequest("Patient/p1")).toBe("Patient read");
    expect(describeRequest("ServiceRequest?subject=Patient/p1&category=x")).toBe(
      "ServiceRequest search",
    );
    expect(describeRequest("Task/t1", { method: "PUT" })).toBe("Task update");
    expect(describeRequest("Consent", { method: "POST" })).toBe("Consent create");
    expect(describeRequest("Task/t1/_history")).toBe("Task history");
    expect(describeRequest("Patient/p1/$everything")).toBe("Patient $everything");
    expect(
      describeRequest("", {
        method: "POST",
        body: { resourceType: "Bundle", type: "transaction" },
      }),
    ).toBe("transaction Bundle");
    expect(
      describeRequest("", { method: "POST", body: { resourceType: "Bundle", type: "batch" } }),
    ).toBe("batch Bundle");
    expect(describeRequest("metadata")).toBe("CapabilityStatement read");
    expect(describeRequest(".well-known/smart-configuration")).toBe("a request");
  });

  it("reports an unreachable server by origin only", async () => {
    server.use(http.get(`${FHIR_BASE}/Patient/p1`, () => HttpResponse.error()));
    expect(
      await failureOf(createFhirHttp(fakeClient()).request(patientSchema, "Patient/p1")),
    ).toEqual({
      kind: "unreachable",
      server: "https://ehr.test",
    });
  });

  it("sends JSON bodies as application/fhir+json", async () => {
    const response = await createFhirHttp(fakeClient()).request(
      z.looseObject({ id: z.string() }),
      "Task",
      {
        method: "POST",
        body: { resourceType: "Task", status: "requested", intent: "order" },
      },
    );
    expect(response.status).toBe(201);
    expect(store.requests.at(-1)?.headers["content-type"]).toBe("application/fhir+json");
  });

  it("sends every request with cache: no-store, and refreshes with it too", async () => {
    const fetchSpy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const refreshOptions: (RequestInit | undefined)[] = [];
    const client = fakeClient({ token: "stale", refreshTo: "token-2" });
    const originalRefresh = client.refresh.bind(client);
    client.refresh = (options?: RequestInit) => {
      refreshOptions.push(options);
      return originalRefresh(options);
    };
    client.refreshIfNeeded = async (options?: RequestInit) => {
      refreshOptions.push(options);
      return client.state;
    };
    currentToken = "token-2";
    const door = createFhirHttp(client, fetchSpy as typeof fetch);
    await door.request(patientSchema, "Patient/p1");
    await door.request(z.looseObject({ id: z.string() }), "Task", {
      method: "POST",
      body: { resourceType: "Task", status: "requested", intent: "order" },
    });
    currentToken = "token-1";
    // GET (401, refresh, retry) and POST: three fetches, every one no-store.
    expect(fetchSpy).toHaveBeenCalledTimes(3);
    for (const [, init] of fetchSpy.mock.calls) expect(init?.cache).toBe("no-store");
    // refreshIfNeeded before each request, and the forced refresh after the 401.
    expect(refreshOptions).toEqual([
      expect.objectContaining(NO_STORE),
      expect.objectContaining(NO_STORE),
      expect.objectContaining(NO_STORE),
    ]);
  });

  describe("a request with no answer", () => {
    const noAnswer = (write: boolean) => ({
      kind: "no-answer",
      server: "https://ehr.test",
      seconds: 1,
      write,
    });

    it("a write that gets no answer ends after the timeout, saying it may or may not be recorded", async () => {
      let aborted = false;
      server.use(
        http.post(`${FHIR_BASE}/`, async ({ request }) => {
          request.signal.addEventListener("abort", () => (aborted = true));
          await delay("infinite");
          return HttpResponse.json({});
        }),
      );
      const started = Date.now();
      const failure = await failureOf(
        createFhirHttp(fakeClient(), undefined, { timeoutMs: 80 }).request(z.unknown(), "", {
          method: "POST",
          body: { resourceType: "Bundle", type: "transaction" },
        }),
      );
      expect(failure).toEqual(noAnswer(true));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(aborted).toBe(true);
    });

    it("a read whose body never finishes is no answer too (not a write)", async () => {
      server.use(
        http.get(
          `${FHIR_BASE}/Patient/p1`,
          () =>
            new HttpResponse(
              new ReadableStream({
                start(controller) {
                  controller.enqueue(new TextEncoder().encode('{"resourceType":'));
                },
              }),
              { headers: { "Content-Type": "application/fhir+json" } },
            ),
        ),
      );
      const failure = await failureOf(
        createFhirHttp(fakeClient(), undefined, { timeoutMs: 80 }).request(
          patientSchema,
          "Patient/p1",
        ),
      );
      expect(failure).toEqual(noAnswer(false));
    });

    it("a token refresh that hangs ends the same way, and the request is never sent", async () => {
      const client = fakeClient();
      client.refreshIfNeeded = (options?: RequestInit) =>
        new Promise((_resolve, reject) =>
          options?.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
        );
      const before = store.requests.length;
      const failure = await failureOf(
        createFhirHttp(client, undefined, { timeoutMs: 80 }).request(patientSchema, "Patient/p1"),
      );
      expect(failure).toEqual(noAnswer(false));
      expect(store.requests.length).toBe(before);
    });

    it("an answer in time is not affected by the timer (and it is cleared)", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      try {
        const response = await createFhirHttp(fakeClient(), undefined, {
          timeoutMs: 30_000,
        }).request(patientSchema, "Patient/p1");
        expect(response.body.id).toBe("p1");
        expect(vi.getTimerCount()).toBe(0);
      } finally {
        vi.useRealTimers();
      }
    });

    it("waits 30 seconds by default", async () => {
      const { DEFAULT_TIMEOUT_MS } = await import("./http");
      expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    });
  });
});
