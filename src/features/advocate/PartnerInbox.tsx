import { useEffect, useId, useState } from "react";
import { useSession } from "../../app/session";
import { describeFailure } from "../../content/failures";
import { packFor } from "../../content/packs/index";
import {
  filterInbox,
  mayCall,
  newSince,
  sortInbox,
  type InboxFilter,
  type InboxReferral,
} from "../../domain/inbox";
import { actionsFor, type Transition } from "../../domain/taskLifecycle";
import { FailureError } from "../../fhir/failures";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { useInbox } from "./api/inbox";
import { useInboxChanges } from "./api/inboxChanges";
import { useClinicContact, type ClinicContact } from "./api/clinicContact";
import { TaskConflict, useTaskStep, type TaskStepRequest } from "./api/updateTask";
import { advocateStrings, statusText, type AdvocateStrings } from "./strings";

// The partner advocate's inbox (capability work-partner-inbox): the referrals whose Task the
// program owns, most urgent and newest first, with what is new since the last visit (held in
// memory only), the safe-contact instructions first, and the lifecycle's actions.

/** One language-name formatter per staff language (making one per card is slow). */
const languageNames = new Map<string, Intl.DisplayNames>();
function languageName(lang: string, code: string): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "language" });
    languageNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

/** Task ids seen on the last visit, per program; memory only, gone when the tab closes. */
const seenByProgram = new Map<string, ReadonlySet<string>>();

export default function PartnerInbox() {
  const session = useSession();
  const lang = useStaffLanguage();
  const t = advocateStrings(lang);
  const program = session.partnerOrganization ?? "";
  const inbox = useInbox();
  const clinic = useClinicContact();
  const [seenBefore] = useState(() => seenByProgram.get(program) ?? null);
  const [filter, setFilter] = useState<InboxFilter>("open");
  // The poll asks for Tasks changed after the newest change the inbox already has (the
  // server's clock); an empty inbox asks from when it was loaded, less a minute of slack.
  const newest = (inbox.data ?? []).reduce(
    (max, r) => (r.lastUpdated && r.lastUpdated > max ? r.lastUpdated : max),
    "",
  );
  const since = inbox.data ? newest || new Date(inbox.dataUpdatedAt - 60_000).toISOString() : null;
  useInboxChanges(since);

  const all = sortInbox(inbox.data ?? []);
  const fresh = newSince(all, seenBefore);
  useEffect(() => {
    if (inbox.data) seenByProgram.set(program, new Set(inbox.data.map((r) => r.taskId)));
  }, [inbox.data, program]);
  const shown = filterInbox(all, filter);

  return (
    <section className="inbox" aria-labelledby="inbox-heading" data-testid="partner-inbox">
      <h1 id="inbox-heading" className="guide-title">
        {t.title}
      </h1>
      <div className="inbox-toolbar">
        <p role="status" data-testid="inbox-count">
          {inbox.data ? t.count(all.length, fresh.size) : inbox.isPending ? t.loading : ""}
        </p>
        <button
          type="button"
          onClick={() => void inbox.refetch()}
          disabled={inbox.isFetching}
          data-testid="inbox-check"
        >
          {inbox.isFetching && !inbox.isPending ? t.checking : t.check}
        </button>
        <label>
          {t.filter}{" "}
          <select value={filter} onChange={(e) => setFilter(e.target.value as InboxFilter)}>
            <option value="open">{t.filterOpen}</option>
            <option value="closed">{t.filterClosed}</option>
            <option value="all">{t.filterAll}</option>
          </select>
        </label>
      </div>
      {inbox.isError && (
        <p role="alert" className="error">
          {inbox.error instanceof FailureError
            ? describeFailure(inbox.error.failure, lang).message
            : t.loadFailed}
        </p>
      )}
      {inbox.data && shown.length === 0 && <p>{t.empty}</p>}
      <ul className="inbox-list">
        {shown.map((r) => (
          <li key={r.taskId}>
            <ReferralCard r={r} isNew={fresh.has(r.taskId)} t={t} clinic={clinic.data} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReferralCard({
  r,
  isNew,
  t,
  clinic,
}: {
  r: InboxReferral;
  isNew: boolean;
  t: AdvocateStrings;
  clinic: ClinicContact | undefined;
}) {
  const lang = useStaffLanguage();
  const headingId = useId();
  const d = r.details;
  const services = packFor(lang).staff.services;
  const heading = d
    ? [d.firstName, d.age !== undefined ? t.age(d.age) : undefined].filter(Boolean).join(", ")
    : t.statusLabel[r.status];
  return (
    <article
      className={`inbox-referral priority-${r.priority}`}
      aria-labelledby={headingId}
      data-testid="inbox-referral"
      data-task-id={r.taskId}
      data-status={r.status}
      data-consent={r.consent}
    >
      <h2 id={headingId}>
        {isNew && (
          <span className="badge" data-testid="new-mark">
            {t.newMark}
          </span>
        )}{" "}
        {heading || t.person}
      </h2>
      {r.consent !== "active" || !d ? (
        <p className="consent-ended" data-testid="consent-ended">
          {r.consent === "withdrawn"
            ? t.withdrawn
            : r.consent === "expired"
              ? t.expired
              : t.unavailable}
        </p>
      ) : (
        <>
          <SafeContactBlock r={r} t={t} />
          <dl className="inbox-details">
            <dt>{t.urgency}</dt>
            <dd>{t.priority[r.priority]}</dd>
            {d.language && (
              <>
                <dt>{t.language}</dt>
                <dd>{languageName(lang, d.language)}</dd>
              </>
            )}
            {d.handoff && (
              <>
                <dt>{t.handoff}</dt>
                <dd>{t.handoffLabel[d.handoff] ?? d.handoff}</dd>
              </>
            )}
            <dt>{t.services}</dt>
            <dd>{d.services.map((s) => services[s] ?? s).join(", ") || "—"}</dd>
            {r.authoredOn && (
              <>
                <dt>{t.received}</dt>
                <dd>{r.authoredOn.slice(0, 10)}</dd>
              </>
            )}
            {clinic && (
              <>
                <dt>{t.clinicContact}</dt>
                <dd>
                  {clinic.name}
                  {clinic.phone ? `, ${clinic.phone}` : ""}
                </dd>
              </>
            )}
          </dl>
        </>
      )}
      <p>
        {t.status}:{" "}
        <span data-testid="task-status">{statusText(t, r.status, r.businessStatus)}</span>
        {r.statusReason?.code && ` (${t.reasonLabel[r.statusReason.code] ?? r.statusReason.code})`}
      </p>
      {r.patientReport && (
        <p data-testid="clinic-report" data-report={r.patientReport.report}>
          {t.clinicReportHeading}
          {r.patientReport.time ? ` (${r.patientReport.time.slice(0, 10)})` : ""}:{" "}
          <strong>{t.clinicReport[r.patientReport.report] ?? r.patientReport.report}</strong>
        </p>
      )}
      {r.outputs.length > 0 && (
        <ul>
          {r.outputs.map((o, i) => (
            <li key={i}>{o}</li>
          ))}
        </ul>
      )}
      {r.consent === "active" && <Actions r={r} t={t} />}
    </article>
  );
}

/** The safe-contact instructions: first, boxed, and impossible to miss. */
function SafeContactBlock({ r, t }: { r: InboxReferral; t: AdvocateStrings }) {
  const id = useId();
  const c = r.details?.safeContact;
  if (!c) return null;
  return (
    <section className="safe-contact" aria-labelledby={id} data-testid="safe-contact">
      <h3 id={id}>{t.safeContactHeading}</h3>
      {c.noContact ? (
        <p className="safe-contact-stop" data-testid="no-contact">
          <strong>{t.noContact}</strong>
        </p>
      ) : (
        <ul>
          {c.safePhone && (
            <li>
              {t.safePhone}: <strong>{c.safePhone}</strong>
            </li>
          )}
          {c.safeTimes && (
            <li>
              {t.safeTimes}: <strong>{c.safeTimes}</strong>
            </li>
          )}
          {c.voicemailOk !== undefined && (
            <li>
              <strong>{c.voicemailOk ? t.voicemailOk : t.voicemailNo}</strong>
            </li>
          )}
          {c.coverStory && (
            <li>
              {t.coverStory}: <strong>{c.coverStory}</strong>
            </li>
          )}
        </ul>
      )}
      {c.mayNameAgency !== undefined && (
        <p>
          <strong>{c.mayNameAgency ? t.mayName : t.mayNotName}</strong>
        </p>
      )}
      {mayCall(r.details) && (
        <a className="button" href={`tel:${c.safePhone ?? ""}`} data-testid="call-action">
          {t.call}
        </a>
      )}
    </section>
  );
}

function Actions({ r, t }: { r: InboxReferral; t: AdvocateStrings }) {
  const lang = useStaffLanguage();
  const step = useTaskStep();
  const [open, setOpen] = useState<Transition | null>(null);
  const [conflict, setConflict] = useState<TaskConflict | null>(null);
  const [saved, setSaved] = useState(false);
  const actions = actionsFor("performer", r.status);

  function run(request: Omit<TaskStepRequest, "taskId" | "version">) {
    setSaved(false);
    setConflict(null);
    step.mutate(
      { ...request, taskId: r.taskId, version: r.version },
      {
        onSuccess: () => {
          setOpen(null);
          setSaved(true);
        },
        onError: (error) => {
          if (error instanceof TaskConflict) {
            setOpen(null);
            setConflict(error);
          }
        },
      },
    );
  }

  const stillAllowed =
    conflict && actions.some((a) => a.action === conflict.attempted.action) ? conflict : null;

  return (
    <div className="inbox-actions" role="group" aria-label={t.actions}>
      {conflict && (
        <div role="alert" className="error" data-testid="task-conflict">
          <p>
            <strong>{t.conflictTitle}</strong>
          </p>
          <p data-testid="conflict-theirs">
            {t.conflictTheirs(
              conflict.current.by,
              statusText(t, conflict.current.status, conflict.current.businessStatus),
            )}
          </p>
          <p data-testid="conflict-yours">
            {t.conflictYours(t.action[conflict.attempted.action] ?? conflict.attempted.action)}
          </p>
          {stillAllowed ? (
            <button
              type="button"
              onClick={() => {
                const { taskId: _id, version: _v, ...again } = stillAllowed.attempted;
                run(again);
              }}
            >
              {t.conflictRetry}
            </button>
          ) : (
            <p>{t.notAllowedNow}</p>
          )}
          <button type="button" onClick={() => setConflict(null)}>
            {t.conflictKeep}
          </button>
        </div>
      )}
      {step.isError && !(step.error instanceof TaskConflict) && (
        <p role="alert" className="error" data-testid="write-failure">
          {step.error instanceof FailureError
            ? describeFailure(step.error.failure, lang).message
            : t.notAllowedNow}
        </p>
      )}
      {saved && (
        <p role="status" data-testid="task-saved">
          {t.saved}
        </p>
      )}
      {!open &&
        actions.map((a) => (
          <button
            key={a.action}
            type="button"
            disabled={step.isPending}
            onClick={() =>
              a.reason.kind === "none" && !a.output ? run({ action: a.action }) : setOpen(a)
            }
          >
            {t.action[a.action]}
          </button>
        ))}
      {open && (
        <StepForm
          transition={open}
          t={t}
          busy={step.isPending}
          onCancel={() => setOpen(null)}
          onSave={(extra) => run({ action: open.action, ...extra })}
        />
      )}
    </div>
  );
}

function StepForm({
  transition,
  t,
  busy,
  onCancel,
  onSave,
}: {
  transition: Transition;
  t: AdvocateStrings;
  busy: boolean;
  onCancel: () => void;
  onSave: (extra: { reasonCode?: string; reasonText?: string; output?: string }) => void;
}) {
  const reason = transition.reason;
  const [code, setCode] = useState(reason.kind === "choose" ? (reason.codes[0] ?? "") : "");
  const [text, setText] = useState("");
  const [output, setOutput] = useState("");
  const textRequired = reason.kind !== "none" && reason.text === "required";
  return (
    <form
      className="step-form"
      aria-label={t.action[transition.action]}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          ...(code ? { reasonCode: code } : {}),
          ...(text.trim() ? { reasonText: text } : {}),
          ...(output.trim() ? { output } : {}),
        });
      }}
    >
      <p>
        <strong>{t.action[transition.action]}</strong>
      </p>
      {reason.kind === "choose" && (
        <label>
          {t.reason}{" "}
          <select value={code} onChange={(e) => setCode(e.target.value)} required>
            {reason.codes.map((c) => (
              <option key={c} value={c}>
                {t.reasonLabel[c] ?? c}
              </option>
            ))}
          </select>
        </label>
      )}
      {reason.kind !== "none" && (
        <label>
          {textRequired ? t.reasonText : t.reasonTextOptional}{" "}
          <input
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            required={textRequired}
            maxLength={500}
          />
        </label>
      )}
      {transition.output && (
        <label>
          {t.output}{" "}
          <textarea value={output} onChange={(e) => setOutput(e.target.value)} maxLength={1000} />
        </label>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.confirm}
      </button>
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
