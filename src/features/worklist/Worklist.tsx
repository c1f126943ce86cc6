import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useSession } from "../../app/session";
import { describeFailure } from "../../content/failures";
import { can } from "../../domain/roles";
import { transitionOf } from "../../domain/taskLifecycle";
import {
  changedSince,
  facet,
  filterWorklist,
  worklistRows,
  type SeenVersions,
  type WorklistFilter,
  type WorklistRow,
} from "../../domain/worklist";
import { FailureError } from "../../fhir/failures";
import { WorklistConflict } from "../../fhir/worklist";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { useCancelReferral } from "./api/requesterSteps";
import { useWorklist, useWorklistChanges } from "./api/worklist";
import { statusText, worklistStrings, type WorklistStrings } from "./strings";
import { PAGE_SIZE, WorklistTable } from "./WorklistTable";

// The clinic's referral worklist (capability view-worklist): every open outgoing referral and
// those closed in the last 30 days, overdue first, filtered by status, partner and referring
// staff member; patient names only for roles that may see them; what changed since the user
// last looked (held in memory only) is marked. In a chart session it is the patient's own.

/** Task id → version seen on the last look, per worklist; memory only, gone with the tab. */
const seenByList = new Map<string, SeenVersions>();

/** In a chart the patient's own referrals (`patientId` defaults to the patient in context). */
export default function Worklist(props: { patientId?: string }) {
  const session = useSession();
  const patientId = props.patientId ?? (session.kind === "chart" ? session.patient.id : undefined);
  const lang = useStaffLanguage();
  const t = worklistStrings(lang);
  const scope = patientId ? { patientId } : {};
  const list = useWorklist(scope);
  const listKey = patientId ? `patient:${patientId}` : "clinic";
  const [seenBefore] = useState(() => seenByList.get(listKey) ?? null);
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
  const changed = useMemo(
    () => changedSince(list.data ?? [], seenBefore, now, session.user.reference),
    [list.data, seenBefore, now, session.user.reference],
  );
  useEffect(() => {
    if (list.data) seenByList.set(listKey, new Map(list.data.map((r) => [r.taskId, r.version])));
  }, [list.data, listKey]);
  const shown = filterWorklist(rows, filter);
  const overdue = rows.filter((r) => r.overdue.length).length;
  const partners = facet(list.data ?? [], "partner");
  const staff = facet(list.data ?? [], "requester");
  const showPatient = !patientId && can(session.access, "view-worklist-names");
  const canCancel = can(session.access, "cancel-referral");
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
        <label>
          {t.filterStatus}{" "}
          <select value={filter.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="open">{t.statusOpen}</option>
            <option value="overdue">{t.statusOverdue}</option>
            {["requested", "accepted", "in-progress", "on-hold"].map((s) => (
              <option key={s} value={s}>
                {t.statusLabel[s]}
              </option>
            ))}
            <option value="closed">{t.statusClosed}</option>
            <option value="all">{t.statusAll}</option>
          </select>
        </label>
        <label>
          {t.filterPartner}{" "}
          <select value={filter.partner} onChange={(e) => set({ partner: e.target.value })}>
            <option value="">{t.anyPartner}</option>
            {partners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.value === session.clinic.clinicOrganization ? t.noPartner : o.label}
              </option>
            ))}
          </select>
        </label>
        {!patientId && (
          <label>
            {t.filterStaff}{" "}
            <select value={filter.staff} onChange={(e) => set({ staff: e.target.value })}>
              <option value="">{t.anyStaff}</option>
              {staff.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {list.isError && (
        <p role="alert" className="error">
          {list.error instanceof FailureError
            ? describeFailure(list.error.failure, lang).message
            : t.loadFailed}
        </p>
      )}
      {notice && (
        <p role="status" data-testid="worklist-notice">
          {notice}
        </p>
      )}
      {cancelling && (
        <CancelForm
          row={cancelling}
          t={t}
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
          t={t}
          showPatient={showPatient}
          canCancel={canCancel}
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

/** Cancel with a reason: the requester's transition, its reasons from the lifecycle module. */
function CancelForm({
  row,
  t,
  onDone,
  onClose,
}: {
  row: WorklistRow;
  t: WorklistStrings;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const lang = useStaffLanguage();
  const headingId = useId();
  const reason = transitionOf("cancel").reason;
  const codes = reason.kind === "none" ? [] : reason.codes.filter((c) => c !== "consent-withdrawn");
  const [code, setCode] = useState(codes[0] ?? "");
  const [text, setText] = useState("");
  const cancel = useCancelReferral(row.patient);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const error = cancel.error;
  return (
    <form
      className="step-form"
      aria-labelledby={headingId}
      data-testid="cancel-form"
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate(
          {
            taskId: row.taskId,
            version: row.version,
            patient: row.patient,
            reasonCode: code,
            ...(text.trim() ? { reasonText: text } : {}),
          },
          { onSuccess: () => onDone(t.cancelled) },
        );
      }}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t.cancelHeading}: {row.partnerName ?? row.partner}
      </h2>
      <label>
        {t.cancelReason}{" "}
        <select value={code} onChange={(e) => setCode(e.target.value)} required>
          {codes.map((c) => (
            <option key={c} value={c}>
              {t.reasonLabel[c] ?? c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.cancelText}{" "}
        <input type="text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="cancel-failure">
          {error instanceof WorklistConflict
            ? t.conflict(error.current.by, statusText(t, error.current.status))
            : error instanceof FailureError
              ? describeFailure(error.failure, lang).message
              : t.writeFailed}
        </p>
      )}
      <button type="submit" disabled={cancel.isPending}>
        {cancel.isPending ? t.cancelling : t.cancelConfirm}
      </button>
      <button type="button" onClick={onClose}>
        {t.cancelKeep}
      </button>
    </form>
  );
}
