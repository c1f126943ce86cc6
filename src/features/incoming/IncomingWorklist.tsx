import { useId, useState } from "react";
import { describeFailure } from "../../content/failures";
import { backStatusText, referralBackWords } from "../../content/referralBack";
import {
  backActions,
  isOpen,
  mayMatch,
  sameBirthDate,
  shownToClinic,
  sortIncoming,
  type ReferralBack,
} from "../../domain/incomingReferral";
import type { TaskAction, Transition } from "../../domain/taskLifecycle";
import { FailureError } from "../../fhir/failures";
import { useStaffLanguage } from "../../ui/staffLanguage";
import {
  BackConflict,
  useBackStep,
  useIncoming,
  usePatientMatch,
  type BackStep,
} from "./api/incoming";
import { incomingStrings, type IncomingStrings } from "./strings";

// The clinic's incoming worklist (capability work-incoming-referrals): referrals back from
// partner programs — open first, most urgent, longest waiting. Front desk and care team accept
// or decline, find the patient in the EHR (name and birth date) or note that registration is
// needed, record the appointment offered or booked, and complete it. What the partner shared
// shows only while the client's consent covers the clinic, and the client's identity only
// until matched (shownToClinic).

const languageNames = new Map<string, Intl.DisplayNames>();
function languageName(lang: string, code: string): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "language" });
    languageNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

function actionLabel(t: IncomingStrings, action: TaskAction): string {
  const labels: Partial<Record<TaskAction, string>> = {
    accept: t.accept,
    decline: t.decline,
    "offer-appointment": t.offer,
    "book-appointment": t.book,
    "could-not-reach": t.couldNotReach,
    "complete-seen": t.complete,
  };
  return labels[action] ?? action;
}

export default function IncomingWorklist() {
  const lang = useStaffLanguage();
  const t = incomingStrings(lang);
  const incoming = useIncoming();
  const [filter, setFilter] = useState<"open" | "all">("open");
  const headingId = useId();
  const all = sortIncoming((incoming.data ?? []).map(shownToClinic));
  const shown = filter === "open" ? all.filter(isOpen) : all;
  return (
    <section aria-labelledby={headingId} data-testid="incoming-worklist">
      <h1 id={headingId} className="guide-title">
        {t.title}
      </h1>
      <div className="inbox-toolbar">
        <p role="status" data-testid="incoming-count">
          {incoming.data ? t.count(all.filter(isOpen).length) : incoming.isPending ? t.loading : ""}
        </p>
        <button
          type="button"
          onClick={() => void incoming.refetch()}
          disabled={incoming.isFetching}
          data-testid="incoming-check"
        >
          {t.check}
        </button>
        <label>
          {t.filter}{" "}
          <select value={filter} onChange={(e) => setFilter(e.target.value as "open" | "all")}>
            <option value="open">{t.filterOpen}</option>
            <option value="all">{t.filterAll}</option>
          </select>
        </label>
      </div>
      {incoming.isError && (
        <p role="alert" className="error">
          {incoming.error instanceof FailureError
            ? describeFailure(incoming.error.failure, lang).message
            : t.loadFailed}
        </p>
      )}
      {incoming.data && shown.length === 0 && <p>{t.empty}</p>}
      <ul className="inbox-list">
        {shown.map((r) => (
          <li key={r.taskId}>
            <IncomingCard r={r} t={t} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function IncomingCard({ r, t }: { r: ReferralBack; t: IncomingStrings }) {
  const lang = useStaffLanguage();
  const w = referralBackWords(lang);
  const headingId = useId();
  const reason = r.reason ? (w.reason[r.reason] ?? r.reason) : "";
  return (
    <article
      className={`inbox-referral priority-${r.priority}`}
      aria-labelledby={headingId}
      data-testid="incoming-referral"
      data-task-id={r.taskId}
      data-status={r.status}
      data-consent={r.consent}
    >
      <h2 id={headingId}>
        {reason}
        {r.reasonText ? `: ${r.reasonText}` : ""} — {w.urgency[r.priority]}
      </h2>
      <dl className="inbox-details">
        <dt>{t.from}</dt>
        <dd>{r.requesterName ?? t.partnerProgram}</dd>
        {r.authoredOn && (
          <>
            <dt>{t.received}</dt>
            <dd>{r.authoredOn.slice(0, 10)}</dd>
          </>
        )}
        {r.client && (
          <>
            <dt>{t.client}</dt>
            <dd data-testid="incoming-client">
              {[r.client.givenName, r.client.familyName].filter(Boolean).join(" ")}
            </dd>
            {r.client.birthDate && (
              <>
                <dt>{t.birthDate}</dt>
                <dd>{r.client.birthDate}</dd>
              </>
            )}
            {r.client.language && (
              <>
                <dt>{t.language}</dt>
                <dd>{languageName(lang, r.client.language)}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {r.consent !== "active" && (
        <p className="consent-ended" data-testid="incoming-consent-ended">
          {t.consentEnded}
        </p>
      )}
      {r.safeContact && <SafeContact r={r} t={t} />}
      <p>
        {t.status}:{" "}
        <span data-testid="incoming-status">{backStatusText(w, r.status, r.businessStatus)}</span>
        {r.statusReason?.code &&
          ` (${w.declineReason[r.statusReason.code] ?? r.statusReason.code})`}
        {r.matchedPatient && <span data-testid="incoming-matched"> · {t.matched}</span>}
        {r.registrationNeeded && (
          <span data-testid="incoming-registration"> · {t.registrationNeeded}</span>
        )}
        {r.lastChangedBy && <> · {t.lastChange(r.lastChangedBy)}</>}
      </p>
      <Actions r={r} t={t} />
    </article>
  );
}

function SafeContact({ r, t }: { r: ReferralBack; t: IncomingStrings }) {
  const id = useId();
  const c = r.safeContact;
  if (!c) return null;
  return (
    <section className="safe-contact" aria-labelledby={id} data-testid="incoming-safe-contact">
      <h3 id={id}>{t.safeContactHeading}</h3>
      {c.noContact ? (
        <p className="safe-contact-stop">
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
          {c.mayNameAgency !== undefined && (
            <li>
              <strong>{c.mayNameAgency ? t.mayName : t.mayNotName}</strong>
            </li>
          )}
          {c.coverStory && (
            <li>
              {t.coverStory}: <strong>{c.coverStory}</strong>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function Actions({ r, t }: { r: ReferralBack; t: IncomingStrings }) {
  const lang = useStaffLanguage();
  const step = useBackStep();
  const [open, setOpen] = useState<Transition | null>(null);
  const [saved, setSaved] = useState(false);
  const actions = backActions("performer", r.status);

  function run(s: BackStep) {
    setSaved(false);
    step.mutate(
      { taskId: r.taskId, version: r.version, step: s },
      {
        onSuccess: () => {
          setOpen(null);
          setSaved(true);
        },
      },
    );
  }

  if (!isOpen(r)) return null;
  return (
    <div className="inbox-actions" role="group" aria-label={t.actions}>
      {step.isError && (
        <p role="alert" className="error" data-testid="incoming-failure">
          {step.error instanceof BackConflict
            ? t.conflict
            : step.error instanceof FailureError
              ? describeFailure(step.error.failure, lang).message
              : describeFailure({ kind: "unexpected", message: String(step.error) }, lang).message}
        </p>
      )}
      {saved && (
        <p role="status" data-testid="incoming-saved">
          {t.saved}
        </p>
      )}
      {mayMatch(r) && <FindPatient r={r} t={t} busy={step.isPending} onStep={run} />}
      {!open &&
        actions.map((a) => (
          <button
            key={a.action}
            type="button"
            disabled={step.isPending}
            onClick={() =>
              a.reason.kind === "choose" ? setOpen(a) : run({ kind: "action", action: a.action })
            }
          >
            {actionLabel(t, a.action)}
          </button>
        ))}
      {open && open.reason.kind === "choose" && (
        <DeclineForm
          transition={open}
          t={t}
          busy={step.isPending}
          onCancel={() => setOpen(null)}
          onSave={(reasonCode, reasonText) =>
            run({ kind: "action", action: open.action, reasonCode, reasonText })
          }
        />
      )}
    </div>
  );
}

function DeclineForm({
  transition,
  t,
  busy,
  onCancel,
  onSave,
}: {
  transition: Transition;
  t: IncomingStrings;
  busy: boolean;
  onCancel: () => void;
  onSave: (code: string, text: string) => void;
}) {
  const lang = useStaffLanguage();
  const w = referralBackWords(lang);
  const codes = transition.reason.kind === "choose" ? transition.reason.codes : [];
  const [code, setCode] = useState<string>(codes[0] ?? "");
  const [text, setText] = useState("");
  const required = transition.reason.kind === "choose" && transition.reason.text === "required";
  return (
    <form
      className="step-form"
      aria-label={actionLabel(t, transition.action)}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(code, text);
      }}
    >
      <label>
        {t.declineReason}{" "}
        <select value={code} onChange={(e) => setCode(e.target.value)} required>
          {codes.map((c) => (
            <option key={c} value={c}>
              {w.declineReason[c] ?? c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.declineText}{" "}
        <input
          type="text"
          value={text}
          required={required}
          maxLength={300}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.save}
      </button>
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}

function FindPatient({
  r,
  t,
  busy,
  onStep,
}: {
  r: ReferralBack;
  t: IncomingStrings;
  busy: boolean;
  onStep: (s: BackStep) => void;
}) {
  const lang = useStaffLanguage();
  const id = useId();
  const [family, setFamily] = useState(r.client?.familyName ?? "");
  const [given, setGiven] = useState(r.client?.givenName ?? "");
  const [birthDate, setBirthDate] = useState(r.client?.birthDate ?? "");
  const [query, setQuery] = useState<{ family: string; given: string; birthDate: string } | null>(
    null,
  );
  const [needSearch, setNeedSearch] = useState(false);
  const found = usePatientMatch(r.taskId, query);
  const candidates = found.data ?? [];
  const sameDob = new Set(sameBirthDate(candidates, query?.birthDate).map((c) => c.id));
  return (
    <section className="find-patient" aria-labelledby={id} data-testid="find-patient">
      <h3 id={id}>{t.findHeading}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!family.trim() && !birthDate.trim()) {
            setNeedSearch(true);
            return;
          }
          setNeedSearch(false);
          setQuery({ family, given, birthDate });
        }}
      >
        <label>
          {t.family}{" "}
          <input
            type="text"
            autoComplete="off"
            value={family}
            onChange={(e) => setFamily(e.target.value)}
          />
        </label>{" "}
        <label>
          {t.given}{" "}
          <input
            type="text"
            autoComplete="off"
            value={given}
            onChange={(e) => setGiven(e.target.value)}
          />
        </label>{" "}
        <label>
          {t.birthDate}{" "}
          <input type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        </label>{" "}
        <button type="submit" disabled={found.isFetching} data-testid="find-patient-search">
          {found.isFetching ? t.searching : t.search}
        </button>
      </form>
      {needSearch && (
        <p role="alert" className="error">
          {t.needSearch}
        </p>
      )}
      {found.isError && (
        <p role="alert" className="error">
          {found.error instanceof FailureError
            ? describeFailure(found.error.failure, lang).message
            : t.loadFailed}
        </p>
      )}
      {query && found.data && candidates.length === 0 && (
        <p role="status" data-testid="find-patient-none">
          {t.noneFound}
        </p>
      )}
      {candidates.length > 0 && (
        <ul data-testid="find-patient-results">
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                disabled={busy}
                onClick={() => onStep({ kind: "match", patientId: c.id })}
              >
                {t.thisIsThePatient(`${c.name}, ${c.birthDate ?? "—"}`)}
              </button>
              {query?.birthDate && !sameDob.has(c.id) && <> ({t.otherBirthDate})</>}
            </li>
          ))}
        </ul>
      )}
      {!r.registrationNeeded && (
        <button
          type="button"
          disabled={busy}
          onClick={() => onStep({ kind: "registration-needed" })}
          data-testid="registration-needed"
        >
          {t.notInEhr}
        </button>
      )}
    </section>
  );
}
