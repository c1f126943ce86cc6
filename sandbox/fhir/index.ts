// The sandbox FHIR R4 server: Medplum's FhirRouter + an in-memory store, behind express.
// Development and testing only. See engine.ts (FHIR semantics), access.ts (scopes, compartment,
// labels), http.ts (HTTP, auth, CORS, faults) and ../seed (synthetic data).

import { parseSearchRequest } from "@medplum/core";
import type { Bundle as R4Bundle, Resource as R4Resource } from "fhir/r4";
import type { FaultRequest, FhirServerHandle, FhirServerOptions } from "../contract";
import { buildSeedBundle } from "../seed";
import { syntheticReferrals } from "../seed/load";
import { ScopedRepository, SYSTEM_CONTEXT, MAX_PAGE_SIZE } from "./access";
import { Capabilities } from "./capabilities";
import { loadDefinitions } from "./definitions";
import { createEngine } from "./engine";
import { FaultQueue, createHttpRouter } from "./http";
import { statusOf } from "./outcome";
import { SandboxStore } from "./store";
import type { Bundle, Resource } from "@medplum/fhirtypes";

export { withheldFromPatients, inPatientCompartment } from "./access";

export async function createFhirServer(options: FhirServerOptions): Promise<FhirServerHandle> {
  loadDefinitions();
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const capabilities = new Capabilities(options.removeCapabilities);
  const store = new SandboxStore();
  const engine = createEngine({ baseUrl, capabilities });
  // The seed is loaded with every capability, whatever removeCapabilities says.
  const seedEngine = createEngine({ baseUrl, capabilities: new Capabilities() });
  const faults = new FaultQueue();

  // The seed goes in through a trusted repository (no scope checks, no per-write profile
  // validation, so a reset stays fast), but it must meet the same profiles as any client's
  // write: check it once here, so a seed that drifts from the data contract fails loudly.
  if (options.validateWrite) checkSeed(options.validateWrite);

  /** Posts a Bundle with full access and no profile validation (the seed was checked above). */
  async function loadBundle(bundle: Bundle): Promise<Bundle> {
    const repo = new ScopedRepository(store, SYSTEM_CONTEXT, { trusted: true });
    const [result, body] = await seedEngine.handleRequest(
      {
        method: "POST",
        url: "",
        pathname: "",
        params: {},
        query: {},
        body: bundle,
        config: { transactions: false },
      },
      repo,
    );
    if (statusOf(result) >= 400 || !body) {
      const detail = result.issue?.map((i) => i.diagnostics ?? i.details?.text).join("; ");
      throw new Error(`Seed bundle failed to load: ${detail ?? "unknown error"}`);
    }
    return body as Bundle;
  }

  async function reset(): Promise<void> {
    store.clear();
    await loadBundle(buildSeedBundle() as unknown as Bundle);
  }

  await reset();

  const partnerPolicy = { enforced: true };
  const router = createHttpRouter({
    options,
    baseUrl,
    engine,
    store,
    capabilities,
    faults,
    partnerPolicy,
  });

  return {
    router,
    async search(resourceType: string, params: Record<string, string> = {}): Promise<R4Resource[]> {
      const request = parseSearchRequest(resourceType as Resource["resourceType"], params);
      request.count = Math.min(request.count ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
      const bundle = await store.search(request);
      return (bundle.entry ?? []).map((e) => e.resource as unknown as R4Resource);
    },
    injectFault(fault: FaultRequest): void {
      faults.add(fault);
    },
    clearFaults(): void {
      faults.clear();
    },
    enforcePartnerPolicy(enforced: boolean): void {
      partnerPolicy.enforced = enforced;
    },
    reset,
    async loadBundle(bundle) {
      return (await loadBundle(bundle as unknown as Bundle)) as unknown as R4Bundle;
    },
    loadSynthetic(count, opts = {}) {
      const resources = syntheticReferrals(count, {
        now: opts.now ?? new Date(),
        ...(opts.prefix ? { prefix: opts.prefix } : {}),
      });
      store.bulkLoad(resources as Resource[]);
      return resources.length;
    },
  };
}

/** Throws when a seed resource breaks the write validation (naming each resource and issue). */
function checkSeed(validateWrite: NonNullable<FhirServerOptions["validateWrite"]>): void {
  const problems: string[] = [];
  for (const entry of buildSeedBundle().entry ?? []) {
    const resource = entry.resource as R4Resource | undefined;
    if (!resource) continue;
    const messages = validateWrite(resource);
    if (messages.length)
      problems.push(`${resource.resourceType}/${resource.id ?? "?"}: ${messages.join("; ")}`);
  }
  if (problems.length) {
    throw new Error(`Seed data breaks the write validation:\n  ${problems.join("\n  ")}`);
  }
}
