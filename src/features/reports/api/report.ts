import { queryOptions, useQuery } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import { suppressionThreshold } from "../../../config/clinicConfig";
import {
  buildReport,
  type PartnerInfo,
  type Period,
  type Report,
  type ReportInput,
} from "../../../domain/reports";
import { fetchPartnerRecords } from "../../../fhir/partners";
import { queryKeys } from "../../../fhir/queryKeys";
import { fetchCounts, fetchReportTasks, type ReportQuery } from "../../../fhir/reports";

// The report's one query: the directory (names, tiers), the server's counts and the trimmed
// Tasks, then the pure report (suppressed). Held in memory by react-query only (no
// persistence), keyed by the period; `gcTime` short so it does not linger after the tab.

export interface ReportData {
  report: Report;
  /** The inputs, for the partner-level report and the exports (already de-identified). */
  input: ReportInput;
  /** FHIR requests the report made. */
  requests: number;
}

/** The directory as the report reads it: names, tiers and cross-trainings (no patient). */
export async function fetchReportPartners(
  http: Session["http"],
  clinicOrganization: string,
): Promise<PartnerInfo[]> {
  const records = await fetchPartnerRecords(http, clinicOrganization);
  return records.map((r) => ({
    reference: `Organization/${r.partner.id}`,
    name: r.partner.name,
    tier: r.partner.affiliation ? String(r.partner.affiliation.tier) : undefined,
    crossTrainings: r.partner.affiliation?.partnership?.crossTrainings ?? [],
  }));
}

/** The report's searches for a period (the same for the counts, the Tasks and the breakdowns). */
export function reportQuery(
  session: Session,
  period: Period,
  partners: readonly PartnerInfo[],
  now: Date,
): ReportQuery {
  return {
    period,
    partners: partners.map((p) => p.reference),
    clinicOrganization: session.clinic.clinicOrganization,
    followUpDays: session.clinic.followUp.intervalDays,
    now,
  };
}

/** Counts the FHIR requests made through it (the report's budget, docs/reports.md). */
export function countingHttp(http: Session["http"]): {
  http: Session["http"];
  count: () => number;
} {
  let requests = 0;
  return {
    http: {
      serverUrl: http.serverUrl,
      request: ((...args: Parameters<typeof http.request>) => {
        requests++;
        return http.request(...args);
      }) as typeof http.request,
    },
    count: () => requests,
  };
}

export async function fetchReport(
  session: Session,
  period: Period,
  now: Date,
): Promise<ReportData> {
  requireCapability(session, "view-reports");
  const counting = countingHttp(session.http);
  const http = counting.http;
  const partners = await fetchReportPartners(http, session.clinic.clinicOrganization);
  const q = reportQuery(session, period, partners, now);
  const [counts, tasks] = await Promise.all([fetchCounts(http, q), fetchReportTasks(http, q)]);
  const input: ReportInput = {
    period,
    threshold: suppressionThreshold(session.clinic),
    counts,
    tasks,
    partners,
  };
  return { report: buildReport(input), input, requests: counting.count() };
}

export function reportQueryOptions(session: Session, period: Period, run: number) {
  return queryOptions({
    queryKey: queryKeys.report(period.from, period.to, run),
    queryFn: () => fetchReport(session, period, new Date()),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function useReport(period: Period | null, run: number) {
  const session = useSession();
  return useQuery({
    ...reportQueryOptions(session, period ?? { from: "", to: "" }, run),
    enabled: !!period,
  });
}
