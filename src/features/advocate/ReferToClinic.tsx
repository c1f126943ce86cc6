import { useId, useRef, useState } from "react";
import { useSession } from "../../app/session";
import { failureOf } from "../../fhir/failures";
import {
  checkReferralBackDraft,
  defaultUrgency,
  emptyReferralBackDraft,
  PROBLEM_FIELD,
  type DraftProblem,
  type ReferralBackDraft,
} from "../../domain/incomingReferral";
import type { SafeContact } from "../../domain/journey";
import { stripBidiDeep } from "../../domain/text";
import { isAllowed } from "../../fhir/scopes";
import { FailureAlert } from "../../ui/FailureAlert";
import { useText } from "../../ui/staffLanguage";
import { newReferralBackIds, useSendReferralBack } from "./api/referBack";
import { ClientFields } from "./ClientFields";
import { ConsentFields } from "./ConsentFields";
import { ReasonFields } from "./ReasonFields";
import { fieldHelp } from "./referBackFields";
import { REFER_BACK_TEXT } from "./referBackStrings";
import { SafeContactFields } from "./SafeContactFields";
import { SentList } from "./SentList";

// "Refer to the health center" (capability refer-to-clinic): the advocate refers a client to
// the clinic — reason, urgency, name, date of birth, language, safe contact and the client's
// consent — as one transaction; below, the referrals the program sent and the clinic's steps.
// The draft lives in memory only; its ids are made once, so sending again never duplicates.

const NEEDED_SCOPES = ["ServiceRequest", "Task", "Consent"];

export default function ReferToClinic() {
  const session = useSession();
  const t = useText(REFER_BACK_TEXT);
  const send = useSendReferralBack();
  const [draft, setDraft] = useState<ReferralBackDraft>(emptyReferralBackDraft);
  const [ids, setIds] = useState(newReferralBackIds);
  const [urgencyTouched, setUrgencyTouched] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const help = fieldHelp(useId(), problems, t);
  const clinicName = session.clinic.displayName;
  const missingScopes = NEEDED_SCOPES.filter(
    (type) => !isAllowed(session.grantedScopes, type, "c", ["user"]),
  ).map((type) => `user/${type}.c`);

  const set = (change: Partial<ReferralBackDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setContact = (change: Partial<SafeContact>) =>
    setDraft((d) => ({ ...d, safeContact: { ...d.safeContact, ...change } }));

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

  return (
    <section
      className="refer-back"
      aria-labelledby={help.id("title")}
      data-testid="refer-to-clinic"
    >
      <h1 id={help.id("title")} className="guide-title">
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
          aria-describedby={help.id("intro")}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p id={help.id("intro")}>{t.intro(clinicName)}</p>
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
          <ReasonFields
            draft={draft}
            set={set}
            help={help}
            onReason={(reason) =>
              set({ reason, ...(urgencyTouched ? {} : { urgency: defaultUrgency(reason) }) })
            }
            onUrgency={(urgency) => {
              setUrgencyTouched(true);
              set({ urgency });
            }}
          />
          <ClientFields draft={draft} set={set} help={help} />
          <SafeContactFields c={draft.safeContact} setContact={setContact} help={help} />
          <ConsentFields draft={draft} set={set} help={help} clinicName={clinicName} />
          {send.isError && (
            <FailureAlert failure={failureOf(send.error)} testId="refer-back-failure" />
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
      <SentList />
    </section>
  );
}
