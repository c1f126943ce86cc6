import { http, HttpResponse } from "msw";
import type { Bundle, OperationOutcome } from "fhir/r4";
import type { FhirStore } from "./fhirStore";

export const FHIR_BASE = "https://ehr.test/fhir";

export function outcome(status: number, diagnostics: string): HttpResponse<OperationOutcome> {
  return HttpResponse.json(
    {
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "processing", diagnostics }],
    },
    { status, headers: { "Content-Type": "application/fhir+json" } },
  );
}

/**
 * A search of `type` answered from `store` with its first `type` entry made unreadable (a
 * status that is not a code), for the "N records could not be read" tests; `server.use` it.
 */
export function searchWithOneMalformed(store: FhirStore, type: string) {
  return http.get(`${FHIR_BASE}/${type}`, ({ request }) => {
    const answer = store.search(type, new URL(request.url).searchParams);
    const first = (answer.entry ?? []).findIndex((e) => e.resource?.resourceType === type);
    const entry = (answer.entry ?? []).map((e, i) =>
      i === first ? { resource: { ...e.resource, status: 42 } } : e,
    );
    return HttpResponse.json({ ...answer, entry });
  });
}

/** msw handlers that serve `store` as a FHIR server at FHIR_BASE, requiring `token`. */
export function fhirHandlers(store: FhirStore, token: () => string) {
  return [
    http.all(`${FHIR_BASE}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text = request.method === "GET" ? "" : await request.text();
      store.requests.push({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers.entries()),
        body: text ? JSON.parse(text) : undefined,
      });
      if (request.headers.get("Authorization") !== `Bearer ${token()}`) {
        return new HttpResponse(null, {
          status: 401,
          headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
        });
      }
      const [type, id] = url.pathname.slice(new URL(FHIR_BASE).pathname.length + 1).split("/");
      if (!type && request.method === "POST") {
        const bundle = JSON.parse(text) as Bundle;
        if (bundle.resourceType !== "Bundle" || bundle.type !== "transaction")
          return outcome(400, "POST to the base takes a transaction Bundle");
        const result = store.transaction(bundle);
        return HttpResponse.json(result.body, { status: result.status });
      }
      if (!type) return outcome(400, "No resource type");
      if (request.method === "GET" && id) {
        const resource = store.get(type, id);
        if (!resource) return outcome(404, `${type}/${id} is not known`);
        return HttpResponse.json(resource, {
          headers: { ETag: `W/"${resource.meta?.versionId}"` },
        });
      }
      if (request.method === "GET") return HttpResponse.json(store.search(type, url.searchParams));
      if (request.method === "PUT" && id) {
        const current = store.get(type, id);
        const ifMatch = request.headers.get("If-Match");
        if (current && ifMatch && ifMatch !== `W/"${current.meta?.versionId}"`)
          return outcome(412, "Version conflict");
        const saved = store.put({ ...JSON.parse(text), id });
        return HttpResponse.json(saved, {
          status: current ? 200 : 201,
          headers: { ETag: `W/"${saved.meta?.versionId}"` },
        });
      }
      if (request.method === "POST") {
        const saved = store.put(JSON.parse(text));
        return HttpResponse.json(saved, {
          status: 201,
          headers: { ETag: `W/"${saved.meta?.versionId}"` },
        });
      }
      return outcome(405, `${request.method} is not supported`);
    }),
  ];
}
