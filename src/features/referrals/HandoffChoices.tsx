import { STAFF_TEXT } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import type { HandoffMethod } from "../../domain/journey";
import type { PartnerMatch } from "../../domain/partnerMatch";
import { PhoneText, fillNodeLines } from "../../ui/Bidi";
import { NO_PARTNER, type ReferralDraft } from "./draft";

// How the patient is handed over, with the three-way call's script or the chat line.

export function HandoffChoices({
  draft,
  update,
  chosen,
  handoffs,
}: {
  draft: ReferralDraft;
  update: (fn: (d: ReferralDraft) => ReferralDraft) => void;
  chosen: PartnerMatch | null;
  handoffs: readonly HandoffMethod[];
}) {
  const t = useText(STAFF_TEXT);
  const chat = chosen?.services.find((s) => s.chat)?.chat;
  return (
    <>
      <fieldset>
        <legend>{t.handoffLegend}</legend>
        <div className="choices">
          {handoffs.map((method) => (
            <label key={method}>
              <input
                type="radio"
                name="handoff"
                checked={draft.handoff === method}
                onChange={() => update((d) => ({ ...d, handoff: method }))}
              />
              {t.handoff[method]}
            </label>
          ))}
        </div>
        {chosen && !chosen.openLine && (
          <p className="hint" data-testid="call-together-closed">
            {t.callTogetherClosed}
          </p>
        )}
        {draft.partnerId === NO_PARTNER && <p className="hint">{t.noPartnerHandoffOnly}</p>}
      </fieldset>
      {draft.handoff === "call-together" && chosen?.openLine && (
        <section aria-labelledby="call-heading" className="call-script" data-testid="call-script">
          <h3 id="call-heading">{t.callScriptHeading}</h3>
          <ol>
            {fillNodeLines(
              t.callScript,
              chosen.partner.name,
              <PhoneText number={chosen.openLine} />,
            ).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </section>
      )}
      {draft.handoff === "chat" && chat && <p>{t.chatLine(chat)}</p>}
    </>
  );
}
