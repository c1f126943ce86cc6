// Bench part: the clinic's referral worklist at 1,000 referrals, timed in Node. The FHIR →
// read model mapping of one load; what the screen does once per load (overdue reasons, the
// order, the changed marks); and what it does on every filter change (the filter, and
// rendering the table's first page to HTML with React). The last two each have one frame
// (16 ms). React's server renderer (its production build, as the app ships) stands
// in for the DOM render: no layout or paint.
import { performance } from "node:perf_hooks";
import { toWorklist } from "../../src/fhir/worklist";
import {
  changedSince,
  filterWorklist,
  worklistRows,
  type WorklistFilter,
} from "../../src/domain/worklist";
import { referralResources } from "../fixtures/worklist";

const STATUSES = ["requested", "accepted", "in-progress", "on-hold", "completed"] as const;
const PARTNERS = ["org-safe-harbor", "org-bridges", "org-eastside-legal"];
const STAFF = ["Practitioner/prov-rivera", "Practitioner/prov-kim", "Practitioner/prov-ode"];
const DAY = 86_400_000;

function syntheticWorklist(n: number, now: Date) {
  const entry: { resource: unknown }[] = [];
  for (let i = 0; i < n; i++) {
    const age = i % 60;
    const [, sr, task] = referralResources({
      id: String(i).padStart(6, "0"),
      patientId: `p${i}`,
      partner: PARTNERS[i % 3] ?? "org-safe-harbor",
      requester: STAFF[i % 3] ?? "Practitioner/prov-rivera",
      priority: (["routine", "urgent", "asap"] as const)[i % 3] ?? "routine",
      authoredAt: new Date(now.getTime() - age * DAY).toISOString(),
      followUpDue: new Date(now.getTime() + (30 - age) * DAY).toISOString(),
      status: STATUSES[i % 5] ?? "requested",
      notes: [{ text: "accept", byName: "Rosa Santos", by: "Practitioner/adv-santos" }],
    });
    entry.push({
      resource: {
        ...(task as object),
        meta: { versionId: "1", lastUpdated: new Date(now.getTime() - age * DAY).toISOString() },
      },
    });
    entry.push({ resource: sr });
  }
  for (const id of PARTNERS)
    entry.push({ resource: { resourceType: "Organization", id, name: `Program ${id}` } });
  for (const ref of STAFF) {
    const id = ref.slice("Practitioner/".length);
    entry.push({ resource: { resourceType: "Practitioner", id, name: [{ text: `Staff ${id}` }] } });
  }
  const names = new Map(Array.from({ length: n }, (_, i) => [`Patient/p${i}`, `Patient ${i}`]));
  return { bundle: { resourceType: "Bundle" as const, entry }, names };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function timeWorklist(
  n = 1000,
  runs = 30,
): Promise<{ referrals: number; mapMs: number; orderMs: number; filterRenderMs: number }> {
  // React decides between its development and production builds when first loaded.
  process.env.NODE_ENV ??= "production";
  const { createElement } = await import("react");
  const { renderToStaticMarkup } = await import("react-dom/server");
  const { PAGE_SIZE, WorklistTable } = await import("../../src/features/worklist/WorklistTable");
  const now = new Date("2026-12-02T12:00:00.000Z");
  const policy = { intervalDays: 30, byUrgency: { now: 2, soon: 7, routine: 30 } };
  const data = syntheticWorklist(n, now);
  const maps: number[] = [];
  let list = toWorklist([data.bundle], data.names, policy);
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    list = toWorklist([data.bundle], data.names, policy);
    maps.push(performance.now() - t0);
  }
  const seen = new Map(list.slice(0, n / 2).map((r) => [r.taskId, r.version]));
  const filters: WorklistFilter[] = [
    { status: "open", partner: "", staff: "", patient: "" },
    { status: "overdue", partner: "", staff: "", patient: "" },
    { status: "all", partner: "Organization/org-bridges", staff: "", patient: "" },
    { status: "accepted", partner: "", staff: "Practitioner/prov-kim", patient: "" },
  ];
  const orders: number[] = [];
  const renders: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Once per load (memoized in the screen): overdue reasons, the order, the changed marks.
    const t0 = performance.now();
    const rows = worklistRows(list, policy, now);
    const changed = changedSince(list, seen, now, "Practitioner/prov-rivera");
    orders.push(performance.now() - t0);
    // Once per filter change: the filter and the table's first page.
    for (const f of filters) {
      const t1 = performance.now();
      const shown = filterWorklist(rows, f);
      renderToStaticMarkup(
        createElement(WorklistTable, {
          rows: shown,
          changed,
          showPatient: true,
          canCancel: true,
          clinicOrganization: "Organization/clinic",
          limit: PAGE_SIZE,
        }),
      );
      renders.push(performance.now() - t1);
    }
  }
  return {
    referrals: list.length,
    mapMs: Math.round(median(maps) * 100) / 100,
    orderMs: Math.round(median(orders) * 1000) / 1000,
    filterRenderMs: Math.round(median(renders) * 1000) / 1000,
  };
}

// `tsx test/bench/worklist.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(await timeWorklist(1000));
