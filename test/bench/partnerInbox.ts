// Bench part: the partner advocate's inbox at 1,000 referrals, timed in Node: the FHIR → read
// model mapping of one inbox load (Tasks, referrals, Consents, Patients); the per-change work of
// the list (sort + filter + new marks); and what the screen does from the loaded inbox to its
// first page of cards, and again on each filter change (the filter, then rendering the page
// with React). The last three each have one frame (16 ms). React's server renderer (its
// production build, as the app ships) stands in for the DOM render: no layout or paint.
import { performance } from "node:perf_hooks";
import { buildReferralBundle } from "../../src/fhir/builders/referral";
import { toInbox } from "../../src/fhir/partnerInbox";
import {
  filterInbox,
  newSince,
  sortInbox,
  type InboxFilter,
  type InboxReferral,
} from "../../src/domain/inbox";

const PRIORITIES = ["routine", "urgent", "asap"] as const;

function syntheticInbox(n: number) {
  const tasks: unknown[] = [];
  const referrals: unknown[] = [];
  const consents: unknown[] = [];
  const patients: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(6, "0");
    const bundle = buildReferralBundle({
      ids: { consent: `c${id}`, serviceRequest: `s${id}`, task: `t${id}` },
      patientId: `p${id}`,
      encounterId: null,
      requester: "Practitioner/prov-rivera",
      clinicOrganization: "Organization/clinic",
      partnerOrganizationId: "org-safe-harbor",
      services: ["legal-advocacy", "housing-advocacy"].slice(0, 1 + (i % 2)),
      priority: PRIORITIES[i % 3] ?? "routine",
      handoff: "call-together",
      safeContact:
        i % 5 === 0
          ? { noContact: true }
          : { noContact: false, safePhone: `503-555-${id.slice(2)}`, voicemailOk: i % 2 === 0 },
      authoredAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      consentEnd: "2027-02-18T10:00:00.000Z",
      followUpDue: "2026-12-20T10:00:00.000Z",
      labelPolicy: { nopat: true },
    });
    const [consent, sr, task] = (bundle.entry ?? []).map((e) =>
      JSON.parse(
        JSON.stringify(e.resource)
          .replaceAll(`urn:uuid:s${id}`, `ServiceRequest/s${id}`)
          .replaceAll(`urn:uuid:c${id}`, `Consent/c${id}`),
      ),
    );
    consents.push({ ...consent, id: `c${id}`, status: i % 17 === 0 ? "inactive" : "active" });
    if (i % 17 !== 0) referrals.push({ ...sr, id: `s${id}` });
    tasks.push({
      ...task,
      id: `t${id}`,
      meta: { versionId: "1", lastUpdated: task.authoredOn },
      status: ["requested", "accepted", "in-progress", "completed"][i % 4],
    });
    patients.push({
      resourceType: "Patient" as const,
      id: `p${id}`,
      name: [{ given: [`Name${i}`] }],
      birthDate: "1990-05-01",
    });
  }
  const bundle = (resources: unknown[]) => ({
    resourceType: "Bundle" as const,
    entry: resources.map((resource) => ({ resource })),
  });
  return {
    tasks: bundle(tasks),
    referrals: bundle(referrals),
    consents: bundle(consents),
    patients: bundle(patients),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function timePartnerInbox(
  n = 1000,
  runs = 30,
): Promise<{
  referrals: number;
  mapMs: number;
  listMs: number;
  firstPageMs: number;
  filterRenderMs: number;
}> {
  // React decides between its development and production builds when first loaded.
  process.env.NODE_ENV ??= "production";
  const { createElement } = await import("react");
  const { renderToStaticMarkup } = await import("react-dom/server");
  const { QueryClient, QueryClientProvider } = await import("@tanstack/react-query");
  const { SessionContext } = await import("../../src/app/session");
  const { INBOX_PAGE_SIZE, InboxList } = await import("../../src/features/advocate/InboxList");
  // The cards name the services from the content packs, as the app does after boot.
  const { installPacks } = await import("../../src/content/packs/index");
  const { loadTestPacks } = await import("../unit/packs");
  installPacks(loadTestPacks());
  const data = syntheticInbox(n);
  const now = new Date("2026-11-22T12:00:00.000Z");
  const maps: number[] = [];
  let inbox = toInbox(data.tasks, data.referrals, data.consents, data.patients, now).referrals;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    inbox = toInbox(data.tasks, data.referrals, data.consents, data.patients, now).referrals;
    maps.push(performance.now() - t0);
  }
  const seen = new Set(inbox.slice(0, n / 2).map((r) => r.taskId));
  const filters: [InboxFilter, string][] = [
    ["open", ""],
    ["all", "name12"],
    ["closed", ""],
    ["all", "housing"],
  ];
  const lists: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const [filter, query] of filters) {
      const t0 = performance.now();
      const sorted = sortInbox(inbox);
      newSince(sorted, seen);
      filterInbox(sorted, filter, query);
      lists.push(performance.now() - t0);
    }
  }
  // The page as the app renders it: inside the query client and the session (the cards' actions
  // ask them for their mutation), English.
  const queryClient = new QueryClient();
  const session = { partnerOrganization: "Organization/org-safe-harbor" } as never;
  const render = (referrals: readonly InboxReferral[], fresh: ReadonlySet<string>) =>
    renderToStaticMarkup(
      createElement(
        QueryClientProvider,
        { client: queryClient },
        createElement(
          SessionContext.Provider,
          { value: session },
          createElement(InboxList, {
            referrals,
            fresh,
            clinic: undefined,
            limit: INBOX_PAGE_SIZE,
            onShowMore: () => {},
          }),
        ),
      ),
    );
  const firsts: number[] = [];
  const changes: number[] = [];
  for (let r = 0; r < runs; r++) {
    // The inbox loaded: order, new marks, the open filter, the first page of cards.
    const t0 = performance.now();
    const sorted = sortInbox(inbox);
    const fresh = newSince(sorted, seen);
    const html = render(filterInbox(sorted, "open"), fresh);
    firsts.push(performance.now() - t0);
    if (!html.includes('data-testid="inbox-more"')) throw new Error("the first page is not paged");
    // Each filter change: the filter over all 1,000, then the first page again.
    for (const [filter, query] of filters) {
      const t1 = performance.now();
      render(filterInbox(sorted, filter, query), fresh);
      changes.push(performance.now() - t1);
    }
  }
  return {
    referrals: inbox.length,
    mapMs: Math.round(median(maps) * 100) / 100,
    listMs: Math.round(median(lists) * 1000) / 1000,
    firstPageMs: Math.round(median(firsts) * 1000) / 1000,
    filterRenderMs: Math.round(median(changes) * 1000) / 1000,
  };
}

// `tsx test/bench/partnerInbox.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(await timePartnerInbox(1000));
