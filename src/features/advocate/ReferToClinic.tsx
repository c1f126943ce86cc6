import { stripBidiDeep } from "../../domain/text";
import { useId, useRef, useState } from "react";
import { useSession } from "../../app/session";
import { describeFailure } from "../../content/failures";
import { backStatusText, referralBackWords } from "../../content/referralBack";
import {
  BACK_URGENCIES,
  checkReferralBackDraft,
  CLINIC_SERVICES,
  defaultUrgency,
  emptyReferralBackDraft,
  PROBLEM_FIELD,
  sortSent,
  type ClinicService,
  type DraftProblem,
  type ReferralBackDraft,
} from "../../domain/incomingReferral";
import type { SafeContact } from "../../domain/journey";
import { FailureError } from "../../fhir/failures";
import { isAllowed } from "../../fhir/scopes";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { newReferralBackIds, useSendReferralBack, useSentReferrals } from "./api/referBack";
import { referBackStrings, type ReferBackStrings } from "./referBackStrings";

// "Refer to the health center" (capability refer-to-clinic): the advocate refers a client to
// the clinic — reason, urgency, name, date of birth, language, safe contact and the client's
// consent — as one transaction; below, the referrals the program sent and the clinic's steps.
// The draft lives in memory only; its ids are made once, so sending again never duplicates.

const NEEDED_SCOPES = ["ServiceRequest", "Task", "Consent"];

/** One language-name formatter per staff language. */
const languageNames = new Map<string, Intl.DisplayNames>();
function languageName(lang: string, code: string): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "language" });
    languageNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

export default function ReferToClinic() {
  const session = useSession();
  const lang = useStaffLanguage();
  const t = referBackStrings(lang);
  const w = referralBackWords(lang);
  const send = useSendReferralBack();
  const [draft, setDraft] = useState<ReferralBackDraft>(emptyReferralBackDraft);
  const [ids, setIds] = useState(newReferralBackIds);
  const [urgencyTouched, setUrgencyTouched] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  const clinicName = session.clinic.displayName;
  const missingScopes = NEEDED_SCOPES.filter(
    (type) => !isAllowed(session.grantedScopes, type, "c", ["user"]),
  ).map((type) => `user/${type}.c`);

  const set = (change: Partial<ReferralBackDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setContact = (change: Partial<SafeContact>) =>
    setDraft((d) => ({ ...d, safeContact: { ...d.safeContact, ...change } }));
  const has = (field: string) => problems.some((p) => PROBLEM_FIELD[p] === field);
  const invalid = (field: string) =>
    has(field)
      ? {
          "aria-invalid": true as const,
          "aria-describedby": id(`${field}-problem`),
        }
      : {};
  const problemText = (field: string) =>
    problems
      .filter((p) => PROBLEM_FIELD[p] === field)
      .map((p) => (
        <span key={p} id={id(`${field}-problem`)} className="field-problem">
          {t.problem[p]}
        </span>
      ));

  function submit() {
    const found = checkReferralBackDraft(draft, new Date());
    setProblems(found);
    if (found.length) {
      const first = PROBLEM_FIELD[found[0] as DraftProblem];
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    send.mutate({ draft: stripBidiDeep(draft), ids }, { onSuccess: () => setDone(true) });
  }

  function another() {
    setDraft(emptyReferralBackDraft());
    setIds(newReferralBackIds());
    setUrgencyTouched(false);
    setProblems([]);
    setDone(false);
    send.reset();
  }

  const c = draft.safeContact;
  return (
    <section className="refer-back" aria-labelledby={id("title")} data-testid="refer-to-clinic">
      <h1 id={id("title")} className="guide-title">
        {t.title}
      </h1>
      {done ? (
        <div role="status" data-testid="refer-back-sent">
          <p>{t.sent}</p>
          <button type="button" onClick={another}>
            {t.another}
          </button>
        </div>
      ) : (
        <form
          ref={formRef}
          noValidate
          aria-describedby={id("intro")}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p id={id("intro")}>{t.intro(clinicName)}</p>
          {missingScopes.length > 0 && (
            <p role="alert" className="error" data-testid="refer-back-scopes">
              {t.scopeMissing(missingScopes.join(", "))}
            </p>
          )}
          {problems.length > 0 && (
            <div role="alert" className="error" data-testid="refer-back-problems">
              <p>{t.fixFirst}</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{t.problem[p]}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="field">
            <label htmlFor={id("reason")}>{t.reason}</label>{" "}
            <select
              id={id("reason")}
              name="reason"
              value={draft.reason}
              {...invalid("reason")}
              onChange={(e) => {
                const reason = e.target.value as ClinicService | "";
                set({
                  reason,
                  ...(urgencyTouched ? {} : { urgency: defaultUrgency(reason) }),
                });
              }}
            >
              <option value="">{t.choose}</option>
              {CLINIC_SERVICES.map((s) => (
                <option key={s} value={s}>
                  {w.reason[s]}
                </option>
              ))}
            </select>{" "}
            {problemText("reason")}
          </p>
          {draft.reason === "other" && (
            <p className="field">
              <label htmlFor={id("reasonText")}>{t.reasonText}</label>{" "}
              <input
                id={id("reasonText")}
                name="reasonText"
                type="text"
                maxLength={200}
                value={draft.reasonText}
                {...invalid("reasonText")}
                onChange={(e) => set({ reasonText: e.target.value })}
              />{" "}
              <span className="hint">{t.reasonTextHint}</span> {problemText("reasonText")}
            </p>
          )}
          <fieldset>
            <legend>{t.urgency}</legend>
            {BACK_URGENCIES.map((u) => (
              <label key={u} className="choice">
                <input
                  type="radio"
                  name="urgency"
                  value={u}
                  checked={draft.urgency === u}
                  onChange={() => {
                    setUrgencyTouched(true);
                    set({ urgency: u });
                  }}
                />{" "}
                {w.urgency[u]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.client}</legend>
            <p className="field">
              <label htmlFor={id("givenName")}>{t.givenName}</label>{" "}
              <input
                id={id("givenName")}
                name="givenName"
                type="text"
                autoComplete="off"
                maxLength={100}
                value={draft.givenName}
                {...invalid("givenName")}
                onChange={(e) => set({ givenName: e.target.value })}
              />
            </p>
            <p className="field">
              <label htmlFor={id("familyName")}>{t.familyName}</label>{" "}
              <input
                id={id("familyName")}
                name="familyName"
                type="text"
                autoComplete="off"
                maxLength={100}
                value={draft.familyName}
                {...invalid("givenName")}
                onChange={(e) => set({ familyName: e.target.value })}
              />{" "}
              {problemText("givenName")}
            </p>
            <p className="field">
              <label htmlFor={id("birthDate")}>{t.birthDate}</label>{" "}
              <input
                id={id("birthDate")}
                name="birthDate"
                type="date"
                autoComplete="off"
                value={draft.birthDate}
                {...invalid("birthDate")}
                onChange={(e) => set({ birthDate: e.target.value })}
              />{" "}
              {problemText("birthDate")}
            </p>
            <p className="field">
              <label htmlFor={id("language")}>{t.language}</label>{" "}
              <select
                id={id("language")}
                name="language"
                value={draft.language}
                onChange={(e) => set({ language: e.target.value })}
              >
                <option value="">{t.notAsked}</option>
                {session.clinic.languages.map((l) => (
                  <option key={l} value={l}>
                    {languageName(lang, l)}
                  </option>
                ))}
              </select>
            </p>
          </fieldset>
          <fieldset>
            <legend>{t.safeContact}</legend>
            <label className="choice">
              <input
                type="checkbox"
                name="noContact"
                checked={c.noContact}
                onChange={(e) => setContact({ noContact: e.target.checked })}
              />{" "}
              {t.noContact}
            </label>
            {!c.noContact && (
              <>
                <p className="field">
                  <label htmlFor={id("safePhone")}>{t.safePhone}</label>{" "}
                  <input
                    id={id("safePhone")}
                    name="safePhone"
                    type="tel"
                    autoComplete="off"
                    maxLength={40}
                    value={c.safePhone ?? ""}
                    {...invalid("safePhone")}
                    onChange={(e) => setContact({ safePhone: e.target.value })}
                  />{" "}
                  {problemText("safePhone")}
                </p>
                <p className="field">
                  <label htmlFor={id("safeTimes")}>{t.safeTimes}</label>{" "}
                  <input
                    id={id("safeTimes")}
                    name="safeTimes"
                    type="text"
                    maxLength={200}
                    value={c.safeTimes ?? ""}
                    onChange={(e) => setContact({ safeTimes: e.target.value })}
                  />
                </p>
                <fieldset>
                  <legend>{t.voicemail}</legend>
                  <label className="choice">
                    <input
                      type="radio"
                      name="voicemail"
                      checked={c.voicemailOk === true}
                      onChange={() => setContact({ voicemailOk: true })}
                    />{" "}
                    {t.voicemailOk}
                  </label>
                  <label className="choice">
                    <input
                      type="radio"
                      name="voicemail"
                      checked={c.voicemailOk === false}
                      onChange={() => setContact({ voicemailOk: false })}
                    />{" "}
                    {t.voicemailNo}
                  </label>
                </fieldset>
                <label className="choice">
                  <input
                    type="checkbox"
                    name="mayNameAgency"
                    checked={c.mayNameAgency !== false}
                    onChange={(e) => setContact({ mayNameAgency: e.target.checked })}
                  />{" "}
                  {t.mayName}
                </label>
                {c.mayNameAgency === false && (
                  <p className="field">
                    <label htmlFor={id("coverStory")}>{t.coverStory}</label>{" "}
                    <input
                      id={id("coverStory")}
                      name="coverStory"
                      type="text"
                      maxLength={200}
                      value={c.coverStory ?? ""}
                      onChange={(e) => setContact({ coverStory: e.target.value })}
                    />
                  </p>
                )}
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>{t.consent}</legend>
            <label className="choice">
              <input
                type="checkbox"
                name="consent"
                checked={draft.consent}
                {...invalid("consent")}
                onChange={(e) => set({ consent: e.target.checked })}
              />{" "}
              {t.consentText(clinicName, draft.consentDays)}
            </label>{" "}
            {problemText("consent")}
            <p className="field">
              <label htmlFor={id("consentDays")}>{t.consentDays}</label>{" "}
              <input
                id={id("consentDays")}
                name="consentDays"
                type="number"
                min={1}
                max={365}
                value={Number.isNaN(draft.consentDays) ? "" : draft.consentDays}
                {...invalid("consentDays")}
                onChange={(e) => set({ consentDays: e.target.valueAsNumber })}
              />{" "}
              {problemText("consentDays")}
            </p>
          </fieldset>
          {send.isError && (
            <p role="alert" className="error" data-testid="refer-back-failure">
              {send.error instanceof FailureError
                ? describeFailure(send.error.failure, lang).message
                : describeFailure({ kind: "unexpected", message: String(send.error) }, lang)
                    .message}
            </p>
          )}
          <button
            type="submit"
            disabled={send.isPending || missingScopes.length > 0}
            data-testid="refer-back-send"
          >
            {send.isPending ? t.sending : send.isError ? t.sendAgain : t.send}
          </button>
        </form>
      )}
      <SentList t={t} />
    </section>
  );
}

function SentList({ t }: { t: ReferBackStrings }) {
  const lang = useStaffLanguage();
  const w = referralBackWords(lang);
  const sent = useSentReferrals();
  const headingId = useId();
  const list = sortSent(sent.data ?? []);
  return (
    <section aria-labelledby={headingId} data-testid="sent-referrals">
      <h2 id={headingId}>{t.sentTitle}</h2>
      <button
        type="button"
        onClick={() => void sent.refetch()}
        disabled={sent.isFetching}
        data-testid="sent-check"
      >
        {t.check}
      </button>
      {sent.isPending && <p role="status">{t.sentLoading}</p>}
      {sent.isError && (
        <p role="alert" className="error">
          {sent.error instanceof FailureError
            ? describeFailure(sent.error.failure, lang).message
            : t.sentFailed}
        </p>
      )}
      {sent.data && list.length === 0 && <p>{t.sentEmpty}</p>}
      <ul className="inbox-list">
        {list.map((r) => (
          <li key={r.taskId} data-testid="sent-referral" data-status={r.status}>
            <strong>
              {r.client
                ? [r.client.givenName, r.client.familyName?.slice(0, 1)].filter(Boolean).join(" ")
                : t.matchedClient}
            </strong>
            {" — "}
            {r.reason ? (w.reason[r.reason] ?? r.reason) : ""}, {w.urgency[r.priority]}
            <br />
            {t.status}:{" "}
            <span data-testid="sent-status">
              {backStatusText(w, r.status, r.businessStatus)}
              {r.statusReason?.code
                ? ` (${w.declineReason[r.statusReason.code] ?? r.statusReason.code})`
                : ""}
            </span>
            {r.lastChangedBy && <> · {t.lastChange(r.lastChangedBy)}</>}
            {r.authoredOn && (
              <>
                {" "}
                · {t.sentOn} {r.authoredOn.slice(0, 10)}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
