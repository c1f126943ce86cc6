import { useId, type ReactNode } from "react";
import type { SafeContact } from "../domain/journey";
import { Phone } from "./Bidi";
import { useText, type TextSource } from "./staffLanguage";

// The safe-contact instructions of a referral, first, boxed and impossible to miss: the partner
// advocate's inbox and the clinic's incoming worklist show the same block, each in its own words
// (who is calling differs), so each passes its text source. `children` goes last, e.g. the call
// action.

export interface SafeContactWords {
  safeContactHeading: string;
  noContact: string;
  safePhone: string;
  safeTimes: string;
  voicemailOk: string;
  voicemailNo: string;
  mayName: string;
  mayNotName: string;
  coverStory: string;
}

export function SafeContactInstructions({
  contact: c,
  text,
  testId,
  children,
}: {
  contact: SafeContact;
  text: TextSource<SafeContactWords>;
  testId: string;
  children?: ReactNode;
}) {
  const t = useText(text);
  const id = useId();
  return (
    <section className="safe-contact" aria-labelledby={id} data-testid={testId}>
      <h3 id={id}>{t.safeContactHeading}</h3>
      {c.noContact ? (
        <p className="safe-contact-stop" data-testid="no-contact">
          <strong>{t.noContact}</strong>
        </p>
      ) : (
        <ul>
          {c.safePhone && (
            <li>
              {t.safePhone}: <Phone number={c.safePhone} />
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
      {children}
    </section>
  );
}
