import { STAFF_TEXT, packFor } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import { answerOf, assessUrgency, raisedBy, SAFETY_ITEMS } from "../../domain/urgency";
import { YesNo } from "../../ui/fields";
import type { GuideDraft } from "./draft";

// The safety and needs check: each item is the question as asked, answered Yes / No, so a
// quick click can never invert the answer (the domain's SAFETY_POLARITY says which answer
// raises it). The urgency, and after strangulation the delayed-injury prompt, follow at once.

export function SafetyCheck({
  protocol,
  draft,
  update,
}: {
  protocol: string;
  draft: GuideDraft;
  update: (fn: (s: GuideDraft) => GuideDraft) => void;
}) {
  const t = useText(STAFF_TEXT);
  const pack = packFor(draft.language);
  const urgency = assessUrgency(draft.answers);
  return (
    <>
      <fieldset>
        <legend>{t.safetyLegend}</legend>
        <p className="hint">{t.safetyHint}</p>
        <div className="choices safety">
          {SAFETY_ITEMS.map((item) => (
            <fieldset key={item} className="yes-no" data-item={item}>
              <legend>
                {t.safetyControls[item]}
                <span className="ask" lang={pack.lang}>
                  {draft.yesNo
                    ? pack.patient.safetyQuestions[item].yesNo
                    : pack.patient.safetyQuestions[item].open}
                </span>
              </legend>
              <YesNo
                name={`safety-${item}`}
                value={answerOf(item, draft.answers)}
                onChange={(answer) =>
                  update((s) => ({
                    ...s,
                    answers: { ...s.answers, [item]: raisedBy(item, answer) },
                  }))
                }
                yes={t.yes}
                no={t.no}
              />
            </fieldset>
          ))}
        </div>
      </fieldset>
      {urgency.strangulation && (
        <section
          aria-labelledby="strangulation-heading"
          className="alert strangulation"
          data-testid="strangulation-prompt"
        >
          <h3 id="strangulation-heading">{t.strangulationHeading}</h3>
          <p>{t.strangulationWarning}</p>
          <h4>{t.strangulationProtocolHeading}</h4>
          <p data-testid="strangulation-protocol">{protocol}</p>
        </section>
      )}
      <section
        aria-labelledby="urgency-heading"
        className={`urgency urgency-${urgency.level}`}
        data-testid="urgency"
        data-level={urgency.level}
      >
        <h3 id="urgency-heading">
          {t.urgencyHeading}: {t.urgency[urgency.level].label}
        </h3>
        <p aria-live="polite">{t.urgency[urgency.level].meaning}</p>
        {urgency.reasons.length > 0 && (
          <p className="hint">
            {t.urgencyBecause} {urgency.reasons.map((r) => t.safetyItems[r]).join("; ")}
          </p>
        )}
      </section>
    </>
  );
}
