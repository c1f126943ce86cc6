import { useId, useMemo, useState, type FormEvent } from "react";
import { FailureAlert } from "../../ui/FailureAlert";
import { useText } from "../../ui/staffLanguage";
import { FailureError, type Failure } from "../../fhir/failures";
import { checkPeriod, lastMonths, type Period, type PeriodProblem } from "../../domain/reports";
import { useReport } from "./api/report";
import { ReportView } from "./ReportView";
import { REPORT_TEXT } from "./strings";

// The reports tab (capability view-reports: managers and admins, workspace session): the period,
// then the report (ReportView). Nothing of it is written to the browser's storage.

function failureOf(error: unknown): Failure {
  return error instanceof FailureError
    ? error.failure
    : { kind: "unexpected", message: error instanceof Error ? error.message : String(error) };
}

export default function ReportsTab() {
  const t = useText(REPORT_TEXT);
  const initial = useMemo(() => lastMonths(new Date(), 6), []);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);
  const [period, setPeriod] = useState<Period | null>(initial);
  const [run, setRun] = useState(0);
  const query = useReport(period, run);
  const fromId = useId();
  const toId = useId();
  const problemId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { from, to };
    const p = checkPeriod(next);
    setProblem(p);
    if (p) return;
    setPeriod(next);
    setRun((r) => r + 1);
  };

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t.title}</h1>
      <p>{t.intro}</p>
      <form className="report-period no-print" onSubmit={submit} noValidate>
        <label htmlFor={fromId}>{t.from}</label>
        <input
          id={fromId}
          type="month"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-describedby={problem ? problemId : undefined}
          data-testid="period-from"
        />
        <label htmlFor={toId}>{t.to}</label>
        <input
          id={toId}
          type="month"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-describedby={problem ? problemId : undefined}
          data-testid="period-to"
        />
        <button type="submit">{t.show}</button>
        {problem && (
          <p id={problemId} role="alert" className="error">
            {t.problem[problem]}
          </p>
        )}
      </form>
      {query.isPending && period && <p role="status">{t.loading}</p>}
      {query.isError && <FailureAlert failure={failureOf(query.error)} />}
      {query.data && <ReportView data={query.data} run={run} />}
    </section>
  );
}
