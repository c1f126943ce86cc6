// @vitest-environment node
import { matchesSearchRequest, parseSearchRequest } from "@medplum/core";
import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { syntheticReferrals } from "../seed/load";
import { loadDefinitions } from "./definitions";
import { SandboxStore } from "./store";

// The store's indexed search against Medplum's matcher over every resource, on a seeded store
// indexed from its first resource (the sandbox indexes a type from 2,000).

const PARTNERS =
  "Organization/org-safe-harbor,Organization/org-bridges-sa,Organization/org-eastside-legal";
const FULFIL = "http://hl7.org/fhir/CodeSystem/task-code|fulfill";
const BSER = "http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS";

describe("indexed search", () => {
  loadDefinitions();
  const now = new Date("2026-12-01T00:00:00Z");
  const resources: Resource[] = [
    ...syntheticReferrals(400, { now }),
    // Dates that are not UTC instants, and a Task without business status or date.
    {
      resourceType: "Task",
      id: "odd-1",
      status: "completed",
      intent: "order",
      authoredOn: "2026-08-15",
    },
    {
      resourceType: "Task",
      id: "odd-2",
      status: "completed",
      intent: "order",
      authoredOn: "2026-08-15T10:00:00+02:00",
    },
    { resourceType: "Task", id: "odd-3", status: "requested", intent: "order" },
    {
      resourceType: "Encounter",
      id: "enc-open",
      status: "in-progress",
      class: { code: "AMB" },
      period: { start: "2026-05-20T10:00:00Z" },
    },
    {
      resourceType: "Encounter",
      id: "enc-day",
      status: "finished",
      class: { code: "AMB" },
      period: { start: "2026-05-31", end: "2026-06-01" },
    },
  ] as Resource[];
  const store = new SandboxStore({ indexFrom: 1 });
  store.bulkLoad(resources);

  const queries: [string, Record<string, string | string[]>][] = [
    ["Task", { code: FULFIL, owner: PARTNERS, "authored-on": ["ge2026-06-01", "lt2026-12-01"] }],
    ["Task", { status: "completed", "business-status": "fulfillment-completed,7.0" }],
    [
      "Task",
      {
        status: "completed",
        "business-status:not": `${BSER}|declined-services`,
        "authored-on": ["ge2026-08", "lt2026-10"],
      },
    ],
    ["Task", { status: "requested,accepted,in-progress,on-hold", "authored-on": "lt2026-11-01" }],
    ["Task", { "authored-on": "gt2026-08-15", owner: "Organization/org-bridges-sa" }],
    ["Task", { "authored-on": "le2026-08-15", priority: "urgent" }],
    ["Task", { _lastUpdated: "ge2020-01-01", status: "failed" }],
    ["Task", { requester: "Organization/org-safe-harbor", owner: "Organization/clinic" }],
    [
      "ServiceRequest",
      { code: "dsv-advocacy-referral", authored: ["ge2026-03-01", "lt2026-04-01"] },
    ],
    ["ServiceRequest", { category: "intimate-partner-violence", performer: PARTNERS }],
    ["Procedure", { code: "universal-education", date: ["ge2026-05-01", "lt2026-06-01"] }],
    ["Procedure", { date: "2026-05" }],
    ["Procedure", { "visit-setting": "school-based", date: ["ge2026-05-01", "lt2026-08-01"] }],
    ["Procedure", { "card-language": "es,vi" }],
    [
      "ServiceRequest",
      { "visit-setting": "https://warm-referral.org/fhir/CodeSystem/wr-visit-setting|telephone" },
    ],
    ["Encounter", { date: ["ge2026-05-01", "lt2026-06-01"] }],
    ["Encounter", { date: "ge2026-11-30" }],
  ];

  it.each(queries)("%s %o: the same matches, in the same order, as a full scan", (type, params) => {
    const request = parseSearchRequest(type as Resource["resourceType"], params);
    const indexed = store.matchAll(request).map((r) => r.id);
    const scanned = store
      .list(type)
      .filter((r) => matchesSearchRequest(r, request))
      .map((r) => r.id);
    expect(indexed).toEqual(scanned);
  });

  it("at least one query matches many, one matches none of the odd dates wrongly", () => {
    const many = store.matchAll(parseSearchRequest("Task", { code: FULFIL }));
    expect(many.length).toBeGreaterThan(300);
    const aug = store.matchAll(
      parseSearchRequest("Task", { status: "completed", "authored-on": "2026-08-15" }),
    );
    expect(aug.map((r) => r.id)).toEqual(expect.arrayContaining(["odd-1", "odd-2"]));
  });

  it("a write is seen by the next search, and the next page does not serve a stale match", async () => {
    const request = parseSearchRequest("Task", { status: "cancelled" });
    const before = store.matchAll(request).length;
    await store.createResource({
      resourceType: "Task",
      status: "cancelled",
      intent: "order",
    } as Resource);
    expect(store.matchAll(request, true)).toHaveLength(before + 1);
    await store.deleteResource("Task", "odd-3");
    expect(
      store.matchAll(parseSearchRequest("Task", { status: "requested" })).map((r) => r.id),
    ).not.toContain("odd-3");
  });
});
