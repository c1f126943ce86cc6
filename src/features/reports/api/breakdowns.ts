import { queryOptions, useQuery } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import {
  buildBreakdowns,
  type BreakdownSupport,
  type ReportBreakdowns,
} from "../../../domain/reportBreakdowns";
import { CODES } from "../../../fhir/codes";
import { queryKeys } from "../../../fhir/queryKeys";
import { fetchBreakdowns } from "../../../fhir/reportBreakdowns";
import { reportQuery, type ReportData } from "./report";
import { useBreakdownSupport } from "./support";

// The report's breakdowns (setting, card language, share of visits, cross-trainings): one batch
// Bundle of `_summary=count` searches for what the server says it can count (api/support.ts),
// none at all when it can count nothing; the cross-trainings come from the directory the
// report already read. Keyed like the report, held in memory only.

export async function fetchReportBreakdowns(
  session: Session,
  data: ReportData,
  support: BreakdownSupport,
  now: Date,
): Promise<ReportBreakdowns> {
  requireCapability(session, "view-reports");
  const { input, report } = data;
  const languages = session.clinic.languages;
  const q = reportQuery(session, input.period, input.partners, now);
  const counts = await fetchBreakdowns(session.http, q, support, languages);
  return buildBreakdowns(report, input, {
    support,
    counts,
    settings: CODES.visitSetting,
    languages,
    trainings: input.partners,
  });
}

export function breakdownsQueryOptions(
  session: Session,
  data: ReportData,
  support: BreakdownSupport,
  run: number,
) {
  const { from, to } = data.input.period;
  return queryOptions({
    queryKey: queryKeys.reportBreakdowns(from, to, run),
    queryFn: () => fetchReportBreakdowns(session, data, support, new Date()),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function useBreakdowns(data: ReportData, run: number) {
  const session = useSession();
  const support = useBreakdownSupport();
  return useQuery({
    ...breakdownsQueryOptions(
      session,
      data,
      support.data ?? { setting: false, language: false, visits: false },
      run,
    ),
    enabled: !!support.data,
  });
}
