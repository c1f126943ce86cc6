// Bench part: the de-identified report over 10,000 and then 100,000 synthetic referrals on one
// sandbox FHIR server (same process, loopback HTTP), against the naive way (paging through
// every ServiceRequest and Task). The report runs the app's own code (src/fhir/reports.ts,
// src/domain/reports.ts) over a plain fetch door. Also checks that no answer the report
// received holds a patient reference. Standalone: `npm run bench:report`; also part of
// `npm run bench`.

import type * as z from "zod/mini";
import { buildReport, lastMonths, type PartnerInfo } from "../../src/domain/reports";
import { FailureError } from "../../src/fhir/failures";
import type { FhirHttp } from "../../src/fhir/http";
import { fetchPartnerRecords } from "../../src/fhir/partners";
import { fetchCounts, fetchReportTasks, type ReportQuery } from "../../src/fhir/reports";
import { buildBreakdowns } from "../../src/domain/reportBreakdowns";
import { CODES } from "../../src/fhir/codes";
import { fetchBreakdowns, fetchBreakdownSupport } from "../../src/fhir/reportBreakdowns";
import { startTestFhirServer } from "../../sandbox/fhir/testing";

export interface ReportTiming {
  referrals: number;
  report: { requests: number; ms: number; kb: number; patientRefs: number };
  naive: { requests: number; ms: number; kb: number; patientRefs: number };
}

interface Meter {
  requests: number;
  bytes: number;
  patientRefs: number;
}

/** GET with one retry on a reset connection (a keep-alive socket closed during a bulk load). */
async function get(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch {
    return fetch(url, { headers });
  }
}

function door(baseUrl: string, token: string, meter: Meter): FhirHttp {
  return {
    serverUrl: baseUrl,
    async request<S extends z.ZodMiniType>(
      schema: S,
      path: string,
      init?: { method?: string; body?: unknown },
    ) {
      meter.requests++;
      const headers = { Authorization: `Bearer ${token}`, Accept: "application/fhir+json" };
      const res =
        init?.method === "POST"
          ? await fetch(`${baseUrl}/${path}`, {
              method: "POST",
              headers: { ...headers, "Content-Type": "application/fhir+json" },
              body: JSON.stringify(init.body),
            })
          : await get(`${baseUrl}/${path}`, headers);
      const text = await res.text();
      meter.bytes += text.length;
      meter.patientRefs += (text.match(/"Patient\//g) ?? []).length;
      if (!res.ok) throw new FailureError({ kind: "bad-response", what: `${res.status} ${path}` });
      const parsed = schema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new FailureError({ kind: "bad-response", what: path });
      return {
        body: parsed.data as z.output<S>,
        etag: res.headers.get("etag"),
        status: res.status,
      };
    },
  };
}

async function runReport(baseUrl: string, now: Date) {
  const meter: Meter = { requests: 0, bytes: 0, patientRefs: 0 };
  const http = door(baseUrl, "manager", meter);
  const started = performance.now();
  const records = await fetchPartnerRecords(http, "Organization/clinic");
  const partners: PartnerInfo[] = records.map((r) => ({
    reference: `Organization/${r.partner.id}`,
    name: r.partner.name,
    tier: r.partner.affiliation ? String(r.partner.affiliation.tier) : undefined,
    crossTrainings: r.partner.affiliation?.partnership?.crossTrainings ?? [],
  }));
  const q: ReportQuery = {
    period: lastMonths(now, 6),
    partners: partners.map((p) => p.reference),
    clinicOrganization: "Organization/clinic",
    followUpDays: 30,
    now,
  };
  // As the app: the server's capabilities (metadata), then the counts, the Tasks and the
  // breakdowns' one batch Bundle side by side.
  const support = await fetchBreakdownSupport(http);
  const languages = ["en", "es", "vi", "so"];
  const [counts, tasks, breakdownCounts] = await Promise.all([
    fetchCounts(http, q),
    fetchReportTasks(http, q),
    fetchBreakdowns(http, q, support, languages),
  ]);
  const input = { period: q.period, threshold: 11, counts, tasks, partners };
  const report = buildReport(input);
  const breakdowns = buildBreakdowns(report, input, {
    support,
    counts: breakdownCounts,
    settings: CODES.visitSetting,
    languages,
    trainings: partners,
  });
  const ms = performance.now() - started;
  if (report.mismatches.length) throw new Error(`report mismatch: ${report.mismatches.join(",")}`);
  if (!breakdowns.bySetting || !breakdowns.byLanguage || !breakdowns.share)
    throw new Error("the sandbox should count every breakdown");
  return { ms, meter, report };
}

/** The naive way: every ServiceRequest and every Task, 1,000 a page, then count in memory. */
async function runNaive(baseUrl: string) {
  const meter: Meter = { requests: 0, bytes: 0, patientRefs: 0 };
  const started = performance.now();
  for (const type of ["ServiceRequest", "Task"]) {
    let next: string | undefined = `${baseUrl}/${type}?_count=1000`;
    while (next) {
      meter.requests++;
      const res = await get(next, { Authorization: "Bearer manager" });
      const text = await res.text();
      meter.bytes += text.length;
      meter.patientRefs += (text.match(/"Patient\//g) ?? []).length;
      const body = JSON.parse(text) as { link?: { relation: string; url: string }[] };
      next = body.link?.find((l) => l.relation === "next")?.url;
    }
  }
  return { ms: performance.now() - started, meter };
}

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function timeReport(
  sizes: readonly number[] = [10_000, 100_000],
): Promise<ReportTiming[]> {
  const server = await startTestFhirServer(
    { manager: { scopes: ["user/*.rs"], fhirUser: "Practitioner/admin-okafor" } },
    { validateWrite: undefined },
  );
  const now = new Date();
  const results: ReportTiming[] = [];
  let loaded = 0;
  try {
    for (const size of sizes) {
      server.handle.loadSynthetic(size - loaded, { now, prefix: `bench${size}` });
      loaded = size;
      await runReport(server.baseUrl, now); // warm-up
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runReport(server.baseUrl, now));
      const naive = await runNaive(server.baseUrl);
      const last = runs[runs.length - 1] as (typeof runs)[number];
      results.push({
        referrals: size,
        report: {
          requests: last.meter.requests,
          ms: Math.round(median(runs.map((r) => r.ms))),
          kb: Math.round(last.meter.bytes / 1024),
          patientRefs: last.meter.patientRefs,
        },
        naive: {
          requests: naive.meter.requests,
          ms: Math.round(naive.ms),
          kb: Math.round(naive.meter.bytes / 1024),
          patientRefs: naive.meter.patientRefs,
        },
      });
    }
  } finally {
    await server.close();
  }
  return results;
}

export function printReportTable(results: readonly ReportTiming[]): void {
  console.log(
    "\n| referrals | report: requests | report: time | report: KB | report: patient refs | naive: requests | naive: time | naive: KB | naive: patient refs |\n|---|---|---|---|---|---|---|---|---|",
  );
  for (const r of results)
    console.log(
      `| ${r.referrals.toLocaleString("en")} | ${r.report.requests} | ${r.report.ms} ms | ${r.report.kb} | ${r.report.patientRefs} | ${r.naive.requests} | ${r.naive.ms} ms | ${r.naive.kb} | ${r.naive.patientRefs} |`,
    );
  const big = results[results.length - 1];
  if (big) {
    const ok = big.report.requests <= 60 && big.report.ms < 3000 && big.report.patientRefs === 0;
    console.log(
      `\nBudget at ${big.referrals.toLocaleString("en")}: ≤ 60 requests, < 3 s, no patient reference — ${ok ? "met" : "NOT MET"}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await timeReport();
  printReportTable(results);
  console.log(JSON.stringify({ report: results }));
}
