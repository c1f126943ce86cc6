// @vitest-environment node
// The report's breakdowns against the sandbox: the CapabilityStatement lists the contract's
// SearchParameters, and the one batch Bundle of counts gives the same numbers as counting the
// loaded resources directly. A server without batch (or without the parameters) gets
// "not available", never a number.
import type { Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { FailureError } from "../../src/fhir/failures";
import type { FhirHttp } from "../../src/fhir/http";
import {
  breakdownSupport,
  fetchBreakdowns,
  fetchBreakdownSupport,
} from "../../src/fhir/reportBreakdowns";
import type { ReportQuery } from "../../src/fhir/reports";
import { syntheticReferrals } from "../seed/load";
import { startTestFhirServer, type TestFhirServer } from "./testing";

const NOW = new Date("2026-12-15T00:00:00Z");
const TOKENS = { manager: { scopes: ["user/*.rs"], fhirUser: "Practitioner/admin-okafor" } };

function door(server: TestFhirServer, log: string[]): FhirHttp {
  return {
    serverUrl: server.baseUrl,
    async request<S extends z.ZodMiniType>(
      schema: S,
      path: string,
      init?: { method?: string; body?: unknown },
    ) {
      log.push(`${init?.method ?? "GET"} ${path.split("?")[0] || "/"}`);
      const res = await server.request("manager", path, {
        method: init?.method ?? "GET",
        ...(init?.body !== undefined ? { json: init.body } : {}),
      });
      const parsed = schema.safeParse(await res.json());
      if (!res.ok || !parsed.success) throw new FailureError({ kind: "bad-response", what: path });
      return { body: parsed.data as z.output<S>, etag: null, status: res.status };
    },
  };
}

const q: ReportQuery = {
  period: { from: "2026-06", to: "2026-11" },
  partners: ["Organization/org-safe-harbor"],
  clinicOrganization: "Organization/clinic",
  followUpDays: 30,
  now: NOW,
};

type Ext = { url: string; valueCoding?: { code: string }; valueCode?: string; extension?: Ext[] };
const exts = (r: Resource) => ((r as { extension?: Ext[] }).extension ?? []) as Ext[];
const settingOf = (r: Resource) =>
  exts(r).find((e) => e.url.endsWith("wr-visit-setting"))?.valueCoding?.code;
const inPeriod = (iso: string | undefined) => !!iso && iso >= "2026-06-01" && iso < "2026-12-01";

describe("report breakdowns on the sandbox", () => {
  let server: TestFhirServer;
  let resources: Resource[];
  beforeAll(async () => {
    server = await startTestFhirServer(TOKENS);
    resources = syntheticReferrals(400, { now: NOW });
    server.handle.loadSynthetic(400, { now: NOW, prefix: "load" });
  });
  afterAll(() => server.close());

  it("the sandbox's CapabilityStatement allows every breakdown", async () => {
    const support = await fetchBreakdownSupport(door(server, []));
    expect(support).toEqual({ setting: true, language: true, visits: true });
  });

  it("one batch request; the counts equal counting the records", async () => {
    const log: string[] = [];
    const b = await fetchBreakdowns(
      door(server, log),
      q,
      { setting: true, language: true, visits: true },
      ["en", "es"],
    );
    expect(log).toEqual(["POST /"]);
    const education = resources.filter(
      (r) =>
        r.resourceType === "Procedure" &&
        inPeriod((r as { performedDateTime?: string }).performedDateTime),
    );
    const offered = resources.filter(
      (r) =>
        r.resourceType === "ServiceRequest" && inPeriod((r as { authoredOn?: string }).authoredOn),
    );
    expect(b.setting?.education["telephone"]).toBe(
      education.filter((r) => settingOf(r) === "telephone").length,
    );
    expect(b.setting?.offered["in-person"]).toBe(
      offered.filter((r) => settingOf(r) === "in-person").length,
    );
    const spanish = education.filter((r) =>
      exts(r).some((e) => e.extension?.some((p) => p.url === "language" && p.valueCode === "es")),
    ).length;
    expect(b.language?.es).toBe(spanish);
    expect(spanish).toBeGreaterThan(0);
    const visits = resources.filter((r) => {
      const p = (r as { period?: { start: string; end: string } }).period;
      return (
        r.resourceType === "Encounter" && !!p && p.end >= "2026-10-01" && p.start < "2026-11-01"
      );
    }).length;
    expect(b.visitsByMonth?.["2026-10"]).toBe(visits);
    expect(visits).toBeGreaterThan(0);
  });

  it("without batch, or without our SearchParameters, nothing is available", async () => {
    const lesser = await startTestFhirServer(TOKENS, { removeCapabilities: ["batch"] });
    try {
      const log: string[] = [];
      const support = await fetchBreakdownSupport(door(lesser, log));
      expect(support).toEqual({ setting: false, language: false, visits: false });
      expect(await fetchBreakdowns(door(lesser, log), q, support, ["en"])).toEqual({});
      expect(log).toEqual(["GET metadata"]);
    } finally {
      await lesser.close();
    }
    const statement = (await (await server.request(undefined, "metadata")).json()) as {
      rest: {
        resource: { type: string; searchParam: { name: string; definition?: string }[] }[];
      }[];
    };
    for (const r of statement.rest[0]?.resource ?? [])
      r.searchParam = r.searchParam.map((p) =>
        p.name === "card-language" ? { ...p, definition: "https://example.org/other" } : p,
      );
    expect(breakdownSupport(statement)).toEqual({ setting: true, language: false, visits: true });
  });
});
