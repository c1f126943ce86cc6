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

export async function fetchReport(
  session: Session,
  period: Period,
  now: Date,
): Promise<ReportData> {
  requireCapability(session, "view-reports");
  let requests = 0;
  const http = {
    serverUrl: session.http.serverUrl,
    request: ((...args: Parameters<typeof session.http.request>) => {
      requests++;
      return session.http.request(...args);
    }) as typeof session.http.request,
  };
  const records = await fetchPartnerRecords(http, session.clinic.clinicOrganization);
  const partners: PartnerInfo[] = records.map((r) => ({
    reference: `Organization/${r.partner.id}`,
    name: r.partner.name,
    tier: r.partner.affiliation ? String(r.partner.affiliation.tier) : undefined,
  }));
  const q: ReportQuery = {
    period,
    partners: partners.map((p) => p.reference),
    clinicOrganization: session.clinic.clinicOrganization,
    followUpDays: session.clinic.followUp.intervalDays,
    now,
  };
  const [counts, tasks] = await Promise.all([fetchCounts(http, q), fetchReportTasks(http, q)]);
  const input: ReportInput = {
    period,
    threshold: suppressionThreshold(session.clinic),
    counts,
    tasks,
    partners,
  };
  return { report: buildReport(input), input, requests };
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
