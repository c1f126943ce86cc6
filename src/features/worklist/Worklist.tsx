import { useMemo, useState } from "react";
import { useSession } from "../../app/session";
import { can } from "../../domain/roles";
import {
  facet,
  filterWorklist,
  worklistRows,
  type WorklistFilter,
  type WorklistRow,
} from "../../domain/worklist";
import { failureOf } from "../../fhir/failures";
import { FailureAlert } from "../../ui/FailureAlert";
import { useText } from "../../ui/staffLanguage";
import { useWorklist, useWorklistChanges } from "./api/worklist";
import { CancelForm } from "./CancelForm";
import { useChangedSinceLastLook } from "./seenVersions";
import { WORKLIST_TEXT } from "./strings";
import { WorklistFilters } from "./WorklistFilters";
import { PAGE_SIZE, WorklistTable } from "./WorklistTable";

// The clinic's referral worklist (capability view-worklist): every open outgoing referral and
// those closed in the last 30 days, overdue first, filtered by status, partner and referring
// staff member; patient names only for roles that may see them; what changed since the user
// last looked (held in memory only) is marked. In a chart session it is the patient's own.

/** In a chart the patient's own referrals (`patientId` defaults to the patient in context). */
export default function Worklist(props: { patientId?: string }) {
  const session = useSession();
  const patientId = props.patientId ?? (session.kind === "chart" ? session.patient.id : undefined);
  const t = useText(WORKLIST_TEXT);
  const scope = patientId ? { patientId } : {};
  const list = useWorklist(scope);
  const [filter, setFilter] = useState<WorklistFilter>({
    status: "open",
    partner: "",
    staff: "",
    patient: "",
  });
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [cancelling, setCancelling] = useState<WorklistRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const newest = (list.data ?? []).reduce(
    (max, r) => (r.lastUpdated && r.lastUpdated > max ? r.lastUpdated : max),
    "",
  );
  const since = list.data ? newest || new Date(list.dataUpdatedAt - 60_000).toISOString() : null;
  useWorklistChanges(scope, since);

  const [now] = useState(() => new Date());
  const rows = useMemo(
    () => worklistRows(list.data ?? [], session.clinic.followUp, now),
    [list.data, session.clinic.followUp, now],
  );
  const listKey = patientId ? `patient:${patientId}` : "clinic";
  const changed = useChangedSinceLastLook(listKey, list.data, now, session.user.reference);
  const shown = filterWorklist(rows, filter);
  const overdue = rows.filter((r) => r.overdue.length).length;
  const set = (patch: Partial<WorklistFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE_SIZE);
  };

  return (
    <section className="worklist" aria-labelledby="worklist-heading" data-testid="worklist">
      <h1 id="worklist-heading" className="guide-title">
        {patientId ? t.titlePatient : t.title}
      </h1>
      <div className="inbox-toolbar">
        <p role="status" data-testid="worklist-count">
          {list.data
            ? t.count(shown.length, rows.length, overdue, changed.size)
            : list.isPending
              ? t.loading
              : ""}
        </p>
        <button
          type="button"
          onClick={() => void list.refetch()}
          disabled={list.isFetching}
          data-testid="worklist-check"
        >
          {list.isFetching && !list.isPending ? t.checking : t.check}
        </button>
        <WorklistFilters
          filter={filter}
          set={set}
          partners={facet(list.data ?? [], "partner")}
          staff={patientId ? undefined : facet(list.data ?? [], "requester")}
          clinicOrganization={session.clinic.clinicOrganization}
        />
      </div>
      {list.isError && (
        <FailureAlert
          failure={failureOf(list.error)}
          what={t.loadFailed}
          onRetry={() => void list.refetch()}
          testId="worklist-failure"
        />
      )}
      {notice && (
        <p role="status" data-testid="worklist-notice">
          {notice}
        </p>
      )}
      {cancelling && (
        <CancelForm
          row={cancelling}
          onDone={(message) => {
            setCancelling(null);
            setNotice(message);
          }}
          onClose={() => setCancelling(null)}
        />
      )}
      {list.data && shown.length === 0 && <p>{t.empty}</p>}
      {list.data && shown.length > 0 && (
        <WorklistTable
          rows={shown}
          changed={changed}
          showPatient={!patientId && can(session.access, "view-worklist-names")}
          canCancel={can(session.access, "cancel-referral")}
          clinicOrganization={session.clinic.clinicOrganization}
          limit={limit}
          onShowMore={() => setLimit((n) => n + PAGE_SIZE)}
          onCancel={(row) => {
            setNotice(null);
            setCancelling(row);
          }}
        />
      )}
    </section>
  );
}
