// The FHIR engine: Medplum's FhirRouter with each of its route handlers wrapped, so the same
// rules apply to a top-level request and to every entry of a batch/transaction Bundle (the
// batch processor calls the very same handlers):
//   - capability checks (`removeCapabilities`) and the served resource types;
//   - the SMART scope needed for the interaction (the ScopedRepository does the rest);
//   - If-Match on PUT / PATCH / DELETE (412);
//   - search done here rather than by the router: reference-parameter normalisation,
//     `_include` / `_revinclude` (MemoryRepository ignores both), paging links, `_summary=count`;
//   - all-or-nothing transactions without Medplum's Postgres-oriented entry limits.

import {
  evalFhirPath,
  getSearchParameter,
  isOk,
  normalizeOperationOutcome,
  OperationOutcomeError,
  parseSearchRequest,
} from "@medplum/core";
import type { IncludeTarget, SearchRequest } from "@medplum/core";
import type { Bundle, BundleEntry, OperationOutcome, Resource } from "@medplum/fhirtypes";
import { FhirRouter } from "@medplum/fhir-router";
import type { FhirRequest, FhirResponse, FhirRouteHandler } from "@medplum/fhir-router";
import { ScopedRepository, MAX_PAGE_SIZE } from "./access";
import type { Capabilities } from "./capabilities";
import { fail, outcome } from "./outcome";
import type { Permission } from "./scopes";

const STATUS_TEXT: Record<number, string> = {
  200: "200 OK",
  201: "201 Created",
  204: "204 No Content",
  400: "400 Bad Request",
  403: "403 Forbidden",
  404: "404 Not Found",
  405: "405 Method Not Allowed",
  409: "409 Conflict",
  412: "412 Precondition Failed",
  422: "422 Unprocessable Entity",
  500: "500 Internal Server Error",
};

const INTERACTION_PERMISSION: Record<string, Permission | undefined> = {
  read: "r",
  vread: "r",
  "history-instance": "r",
  "search-type": "s",
  create: "c",
  update: "u",
  patch: "u",
  delete: "d",
};

export interface EngineOptions {
  baseUrl: string;
  capabilities: Capabilities;
}

/** Turns anything thrown into an OperationOutcome; programming errors become 500s. */
export function toOutcome(err: unknown): OperationOutcome {
  if (err instanceof OperationOutcomeError) return err.outcome;
  if (err instanceof TypeError || err instanceof ReferenceError || err instanceof RangeError) {
    return outcome(500, "exception", `Internal server error: ${err.message}`);
  }
  return normalizeOperationOutcome(err);
}

export function createEngine(options: EngineOptions): FhirRouter {
  const router = new FhirRouter();
  const routes = router.router.routes;
  // GraphQL is not part of what a SMART app may rely on, and it would bypass the per-route checks.
  for (let i = routes.length - 1; i >= 0; i--) {
    if (routes[i]?.data?.interaction === "operation") routes.splice(i, 1);
  }
  for (const route of routes) {
    const interaction = route.data?.interaction ?? "operation";
    const conditional =
      route.path.length === 1 && ["PUT", "DELETE", "PATCH"].includes(route.method);
    route.handler = wrapHandler(route.handler, interaction, conditional, options);
  }
  return router;
}

function wrapHandler(
  original: FhirRouteHandler,
  interaction: string,
  conditional: boolean,
  options: EngineOptions,
): FhirRouteHandler {
  const { capabilities: caps } = options;
  return async (req, repo, router, routeOptions): Promise<FhirResponse> => {
    try {
      if (!(repo instanceof ScopedRepository))
        throw new Error("FHIR engine needs a ScopedRepository");

      if (interaction === "batch")
        return await handleBundle(original, req, repo, router, routeOptions, options);
      if (interaction === "search-system") {
        throw fail(
          405,
          "not-supported",
          "System-level search is not supported; search one resource type",
        );
      }

      const type = req.params.resourceType ?? "";
      if (!caps.supportsType(type)) {
        throw fail(
          404,
          "not-supported",
          `Resource type ${type || "(none)"} is not supported by this server`,
        );
      }
      if (!caps.has(interaction)) {
        throw fail(
          405,
          "not-supported",
          `The ${interaction} interaction is not supported by this server`,
        );
      }
      const permission = INTERACTION_PERMISSION[interaction];
      if (!permission) throw fail(405, "not-supported", `Unsupported interaction ${interaction}`);
      repo.require(type, permission);

      if (interaction === "search-type") return await search(req, repo, type, options);

      if (conditional && !caps.has(`conditional-${interaction}`)) {
        throw fail(
          400,
          "not-supported",
          `Conditional ${interaction} is not supported by this server`,
        );
      }
      const ifNoneExist = req.headers?.["if-none-exist"];
      if (interaction === "create" && ifNoneExist && !caps.has("conditional-create")) {
        throw fail(
          400,
          "not-supported",
          "Conditional create (If-None-Exist / ifNoneExist) is not supported by this server",
        );
      }
      if (interaction === "create" || interaction === "update") {
        const body = req.body as Resource | undefined;
        if (
          !body ||
          typeof body !== "object" ||
          Array.isArray(body) ||
          typeof body.resourceType !== "string"
        ) {
          throw fail(
            400,
            "invalid",
            "The request body must be a FHIR resource (Content-Type: application/fhir+json)",
          );
        }
      }
      if (
        !conditional &&
        (interaction === "update" || interaction === "patch" || interaction === "delete")
      ) {
        checkIfMatch(req, repo, type, req.params.id ?? "", permission);
      }
      const existedBefore =
        interaction === "update" && !conditional && !!repo.store.peek(type, req.params.id ?? "");
      const response = await original(req, repo, router, routeOptions);
      // Update-as-create answers 201 Created, as the FHIR http spec says (Medplum says 200).
      if (
        interaction === "update" &&
        !conditional &&
        !existedBefore &&
        response[0].id === "ok" &&
        response[1]
      ) {
        return [{ ...response[0], id: "created" }, response[1]];
      }
      return response;
    } catch (err) {
      return [toOutcome(err)];
    }
  };
}

/** If-Match: W/"3" (or "3", or 3) must name the current version, else 412. */
function checkIfMatch(
  req: FhirRequest,
  repo: ScopedRepository,
  type: string,
  id: string,
  permission: Permission,
): void {
  const header = req.headers?.["if-match"];
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return;
  const wanted = /^(?:W\/)?"?([^"]*)"?$/.exec(raw.trim())?.[1] ?? raw;
  const existing = repo.store.peek(type, id);
  if (!existing) {
    if (permission === "u" && req.method === "PUT") {
      throw fail(412, "conflict", `If-Match given but ${type}/${id} does not exist`);
    }
    return; // DELETE / PATCH of a missing resource: the handler answers 404
  }
  repo.assertCanAccess(existing, permission); // do not reveal versions of what the token cannot see
  if (existing.meta?.versionId !== wanted) {
    throw fail(
      412,
      "conflict",
      `Version conflict: If-Match ${raw} but ${type}/${id} is at version ${existing.meta?.versionId ?? "?"}; read it again and retry`,
    );
  }
  // Hand the router a normalised header so its own check agrees with ours.
  if (req.headers) req.headers["if-match"] = `W/"${wanted}"`;
}

// ---- transactions and batches --------------------------------------------------------------

async function handleBundle(
  original: FhirRouteHandler,
  req: FhirRequest,
  repo: ScopedRepository,
  router: FhirRouter,
  routeOptions: Parameters<FhirRouteHandler>[3],
  options: EngineOptions,
): Promise<FhirResponse> {
  const bundle = req.body as Bundle | undefined;
  if (!bundle || bundle.resourceType !== "Bundle")
    throw fail(400, "invalid", "POST to the base URL needs a Bundle");
  if (bundle.type !== "transaction" && bundle.type !== "batch") {
    throw fail(
      400,
      "invalid",
      `Bundle.type must be transaction or batch, not ${bundle.type ?? "(missing)"}`,
    );
  }
  if (!options.capabilities.has(bundle.type)) {
    throw fail(400, "not-supported", `${bundle.type} Bundles are not supported by this server`);
  }
  if (!bundle.entry?.length) throw fail(400, "invalid", "The Bundle has no entries");

  // Medplum's own transaction mode caps entries for Postgres isolation reasons. We run the
  // bundle in its batch mode (entry order, urn:uuid rewriting and ifNoneExist identical) inside
  // a store transaction, and turn any failed entry into a rollback of the whole bundle.
  const batchReq: FhirRequest = { ...req, config: { ...req.config, transactions: false } };
  if (bundle.type === "batch") {
    const [result, body] = await original(batchReq, repo, router, routeOptions);
    return isOk(result) && body
      ? [result, decorateBundleResponse(body as Bundle, options.baseUrl)]
      : [result];
  }
  return repo.withTransaction(async () => {
    const [result, body] = await original(batchReq, repo, router, routeOptions);
    if (!isOk(result) || !body) throw new OperationOutcomeError(result);
    const entries = (body as Bundle).entry ?? [];
    entries.forEach((entry, i) => {
      const status = Number.parseInt(entry.response?.status ?? "500", 10);
      if (status >= 400) {
        const failed =
          (entry.response?.outcome as OperationOutcome | undefined) ??
          outcome(status, "processing", "failed");
        throw new OperationOutcomeError({
          ...failed,
          issue: (failed.issue ?? []).map((issue) => ({
            ...issue,
            diagnostics: `Bundle.entry[${i}] (${bundle.entry?.[i]?.request?.method ?? "?"} ${bundle.entry?.[i]?.request?.url ?? "?"}): ${issue.diagnostics ?? issue.details?.text ?? "failed"}`,
            // FHIRPath from the Bundle, so a client can tell which entry (and field) failed.
            expression: issue.expression?.length
              ? issue.expression.map(
                  (e) => `Bundle.entry[${i}].resource${e.replace(/^[A-Z][A-Za-z]*/, "")}`,
                )
              : [`Bundle.entry[${i}]`],
          })),
        });
      }
    });
    return [result, decorateBundleResponse(body as Bundle, options.baseUrl)] as FhirResponse;
  });
}

/** Response entries as R4 expects them: "201 Created", location with version, etag, lastModified. */
function decorateBundleResponse(bundle: Bundle, baseUrl: string): Bundle {
  return {
    ...bundle,
    entry: (bundle.entry ?? []).map((entry): BundleEntry => {
      const status = Number.parseInt(entry.response?.status ?? "200", 10);
      const resource = entry.resource;
      const response = { ...entry.response, status: STATUS_TEXT[status] ?? String(status) };
      if (
        isOk(
          (entry.response?.outcome as OperationOutcome | undefined) ?? {
            resourceType: "OperationOutcome",
            id: "ok",
            issue: [],
          },
        )
      ) {
        delete response.outcome;
      }
      if (resource?.id && resource.resourceType !== "Bundle" && resource.meta?.versionId) {
        response.location = `${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
        response.etag = `W/"${resource.meta.versionId}"`;
        if (resource.meta.lastUpdated) response.lastModified = resource.meta.lastUpdated;
        return {
          fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
          resource,
          response,
        };
      }
      return { ...entry, response };
    }),
  };
}

// ---- search ---------------------------------------------------------------------------------

type Query = Record<string, string | string[] | undefined>;

async function search(
  req: FhirRequest,
  repo: ScopedRepository,
  type: string,
  options: EngineOptions,
): Promise<FhirResponse> {
  // POST [type]/_search carries the parameters as a form body.
  const query: Query = { ...req.query };
  if (
    req.method === "POST" &&
    req.body &&
    typeof req.body === "object" &&
    !Array.isArray(req.body)
  ) {
    Object.assign(query, req.body as Query);
  }
  const normalized = normalizeQuery(type, query, options.baseUrl);
  const searchRequest = parseSearchRequest(type as Resource["resourceType"], normalized);
  const summaryCount = singular(normalized._summary) === "count";
  if (summaryCount) {
    searchRequest.count = 0;
  }
  const bundle = await repo.search(searchRequest);
  const matches: Resource[] = [];
  const elements = singular(normalized._elements)
    ?.split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const e of bundle.entry ?? [])
    if (e.resource) matches.push(elements?.length ? subset(e.resource, elements) : e.resource);
  const included = summaryCount
    ? []
    : await collectIncludes(repo, matches, searchRequest, options.baseUrl);

  const offset = Math.max(0, searchRequest.offset ?? 0);
  const count = Math.min(MAX_PAGE_SIZE, Math.max(0, searchRequest.count ?? 50));
  const total = bundle.total ?? matches.length;
  const link: Bundle["link"] = [
    { relation: "self", url: pageUrl(options.baseUrl, type, normalized, offset, undefined) },
  ];
  if (!summaryCount && count > 0) {
    if (offset + count < total)
      link.push({
        relation: "next",
        url: pageUrl(options.baseUrl, type, normalized, offset + count, count),
      });
    if (offset > 0) {
      link.push({
        relation: "previous",
        url: pageUrl(options.baseUrl, type, normalized, Math.max(0, offset - count), count),
      });
    }
  }
  const entry: BundleEntry[] = [
    ...matches.map((resource) => ({
      fullUrl: fullUrl(options.baseUrl, resource),
      resource,
      search: { mode: "match" as const },
    })),
    ...included.map((resource) => ({
      fullUrl: fullUrl(options.baseUrl, resource),
      resource,
      search: { mode: "include" as const },
    })),
  ];
  const result: Bundle = {
    resourceType: "Bundle",
    type: "searchset",
    total,
    link,
    ...(entry.length ? { entry } : {}),
  };
  return [
    {
      resourceType: "OperationOutcome",
      id: "ok",
      issue: [{ severity: "information", code: "informational" }],
    },
    result,
  ];
}

/**
 * `_elements`: only the named top-level elements, plus id, meta and resourceType; meta gets the
 * SUBSETTED tag, as the FHIR search page says a server should mark a subset.
 */
function subset(resource: Resource, elements: readonly string[]): Resource {
  const source = resource as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { resourceType: resource.resourceType, id: resource.id };
  for (const name of elements) {
    if (name in source) out[name] = source[name];
    if (`_${name}` in source) out[`_${name}`] = source[`_${name}`];
  }
  out.meta = {
    ...resource.meta,
    tag: [
      ...(resource.meta?.tag ?? []),
      { system: "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", code: "SUBSETTED" },
    ],
  };
  return out as unknown as Resource;
}

function singular(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function fullUrl(baseUrl: string, r: Resource): string {
  return `${baseUrl}/${r.resourceType}/${r.id ?? ""}`;
}

function pageUrl(
  baseUrl: string,
  type: string,
  query: Query,
  offset: number,
  count: number | undefined,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || k === "_offset" || (count !== undefined && k === "_count")) continue;
    for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
  }
  if (count !== undefined) params.set("_count", String(count));
  if (offset > 0 || count !== undefined) params.set("_offset", String(offset));
  const qs = params.toString();
  return `${baseUrl}/${type}${qs ? `?${qs}` : ""}`;
}

/** Search-result parameters the server understands besides the type's own search parameters. */
const RESULT_PARAMS = new Set([
  "_count",
  "_offset",
  "_sort",
  "_include",
  "_revinclude",
  "_summary",
  "_total",
  "_elements",
  "_format",
  "_pretty",
]);

/**
 * - Unknown parameters are an error (400), not silently ignored: in a sandbox a typo should be loud.
 * - Reference parameters accept a bare id (`patient=123`), a `:Type` modifier and absolute URLs
 *   on our base, as real servers do; Medplum's matcher only compares "Type/id".
 */
export function normalizeQuery(type: string, query: Query, baseUrl: string): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const [code = "", modifier] = key.split(":");
    if (RESULT_PARAMS.has(code)) {
      out[key] = value;
      continue;
    }
    const param = getSearchParameter(type, code);
    if (!param) throw fail(400, "not-supported", `Unknown search parameter ${code} for ${type}`);
    if (param.type !== "reference" || (modifier && !/^[A-Z]/.test(modifier))) {
      out[key] = value;
      continue;
    }
    const targets = modifier ? [modifier] : (param.target ?? []);
    const rewrite = (v: string): string =>
      v
        .split(",")
        .map((one) => {
          const local = one.startsWith(`${baseUrl}/`) ? one.slice(baseUrl.length + 1) : one;
          if (local.includes("/") || targets.length === 0) return local;
          return targets.map((t) => `${t}/${local}`).join(",");
        })
        .join(",");
    out[code] = Array.isArray(value) ? value.map(rewrite) : rewrite(value);
  }
  return out;
}

/** `_include`, `_revinclude` and their `:iterate` forms, with the token's visibility applied. */
async function collectIncludes(
  repo: ScopedRepository,
  matches: Resource[],
  searchRequest: SearchRequest,
  baseUrl: string,
): Promise<Resource[]> {
  const key = (r: Resource) => `${r.resourceType}/${r.id ?? ""}`;
  const seen = new Set(matches.map(key));
  const included: Resource[] = [];
  const includes = searchRequest.include ?? [];
  const revIncludes = searchRequest.revInclude ?? [];
  if (!includes.length && !revIncludes.length) return included;

  let frontier = matches;
  // First pass on the matches with every target; later passes only with `:iterate` targets.
  for (let pass = 0; pass < 4 && frontier.length; pass++) {
    const active = (t: IncludeTarget) => pass === 0 || t.modifier === "iterate";
    const found: Resource[] = [];
    const add = (r: Resource) => {
      if (!seen.has(key(r))) {
        seen.add(key(r));
        found.push(r);
      }
    };
    for (const target of includes.filter(active)) {
      const param = getSearchParameter(target.resourceType, target.searchParam);
      if (!param?.expression) continue;
      for (const resource of frontier.filter((r) => r.resourceType === target.resourceType)) {
        for (const value of evalFhirPath(param.expression, resource)) {
          const ref = (value as { reference?: string } | undefined)?.reference;
          if (!ref) continue;
          const local = ref.startsWith(`${baseUrl}/`) ? ref.slice(baseUrl.length + 1) : ref;
          const [refType, refId, ...rest] = local.split("/");
          if (!refType || !refId || rest.length) continue;
          if (target.targetType && target.targetType !== refType) continue;
          if (seen.has(local)) continue;
          // Included resources the token may not read are left out, not errors.
          const resource = await repo.readResource(refType, refId).catch(() => undefined);
          if (resource) add(resource);
        }
      }
    }
    for (const target of revIncludes.filter(active)) {
      const refs = frontier.map(key);
      if (!refs.length) continue;
      // Relative references, then absolute ones to this server (another system's Task.focus),
      // as two searches so the relative one keeps the fast matcher.
      for (const value of [refs, refs.map((r) => `${baseUrl}/${r}`)]) {
        const bundle = await repo
          .search({
            resourceType: target.resourceType as Resource["resourceType"],
            filters: [{ code: target.searchParam, operator: "eq", value: value.join(",") }],
            count: MAX_PAGE_SIZE,
          })
          .catch(() => undefined);
        for (const e of bundle?.entry ?? []) if (e.resource) add(e.resource);
      }
    }
    included.push(...found);
    frontier = found;
  }
  return included;
}
