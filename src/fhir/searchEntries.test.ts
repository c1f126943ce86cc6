import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { readSearch } from "./searchEntries";

const task = z.looseObject({ resourceType: z.literal("Task"), id: z.string(), status: z.string() });
const org = z.looseObject({ resourceType: z.literal("Organization"), id: z.string() });

describe("readSearch", () => {
  it("reads each entry by its type, counts those that fail (once), ignores types not read", () => {
    const read = readSearch(
      [
        {
          resourceType: "Bundle",
          entry: [
            { resource: { resourceType: "Task", id: "t1", status: "requested" } },
            { resource: { resourceType: "Task", id: "t2" } }, // no status
            { resource: { resourceType: "Organization", id: "o1" } },
            { resource: { resourceType: "OperationOutcome", issue: [] } }, // not read
            {}, // no resource
          ],
        },
        { resourceType: "Bundle", entry: [{ resource: { resourceType: "Organization", id: 3 } }] },
        { resourceType: "Bundle" },
      ],
      { Task: task, Organization: org },
    );
    expect(read.Task.map((t) => t.id)).toEqual(["t1"]);
    expect(read.Organization.map((o) => o.id)).toEqual(["o1"]);
    expect(read.unreadable).toBe(3);
  });

  it("an answer without entries reads as empty, with nothing unreadable", () => {
    expect(readSearch([{ resourceType: "Bundle" }], { Task: task })).toEqual({
      Task: [],
      unreadable: 0,
    });
  });
});
