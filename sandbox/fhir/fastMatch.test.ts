// @vitest-environment node
import { matchesSearchRequest, parseSearchRequest } from "@medplum/core";
import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { syntheticReferrals } from "../seed/load";
import { loadDefinitions } from "./definitions";
import { compileFilters } from "./fastMatch";
import { SandboxStore } from "./store";

describe("fast search matching", () => {
  loadDefinitions();
  const resources = syntheticReferrals(300, { now: new Date("2026-12-01T00:00:00Z") });
  const queries: [string, Record<string, string>][] = [
    ["Task", { status: "completed", "business-status": "7.0" }],
    [
      "Task",
      {
        status: "accepted,in-progress,on-hold,completed,failed",
        owner: "Organization/org-safe-harbor",
      },
    ],
    [
      "Task",
      { "authored-on": ["ge2026-03-01", "lt2026-06-01"] as unknown as string, code: "fulfill" },
    ],
    [
      "Task",
      { owner: "Organization/org-bridges-sa,Organization/org-eastside-legal", priority: "urgent" },
    ],
    [
      "ServiceRequest",
      {
        code: "https://warm-referral.org/fhir/CodeSystem/wr-activity|community-referral",
        authored: "ge2026-01",
      },
    ],
    ["Procedure", { date: "lt2025-06-15", code: "universal-education" }],
  ];
  it.each(queries)("%s %o: the same matches as Medplum's matcher", (type, params) => {
    const request = parseSearchRequest(type as Resource["resourceType"], params);
    const { fast, rest } = compileFilters(type, request.filters ?? []);
    expect(rest).toEqual([]);
    const ofType = resources.filter((r) => r.resourceType === type);
    const mine = ofType.filter((r) => fast(r)).map((r) => r.id);
    const theirs = ofType.filter((r) => matchesSearchRequest(r, request)).map((r) => r.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine).toEqual(theirs);
  });

  it("a transaction that fails puts back only what it touched; the identifier index follows", async () => {
    const store = new SandboxStore();
    store.bulkLoad(resources);
    const before = store.list("Task").length;
    await expect(
      store.withTransaction(async () => {
        await store.createResource({
          resourceType: "Task",
          identifier: [{ system: "s", value: "v" }],
        } as Resource);
        await store.deleteResource("Task", "load-task-0");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(store.list("Task")).toHaveLength(before);
    expect(store.peek("Task", "load-task-0")).toBeDefined();
    expect(
      store.matchAll({
        resourceType: "Task",
        filters: [{ code: "identifier", operator: "eq", value: "s|v" }],
      }),
    ).toEqual([]);
    expect(
      store.matchAll({
        resourceType: "Task",
        filters: [
          {
            code: "identifier",
            operator: "eq",
            value: `https://warm-referral.org/fhir/NamingSystem/wr-client-id|load-task-7`,
          },
        ],
      }),
    ).toHaveLength(1);
  });
});
