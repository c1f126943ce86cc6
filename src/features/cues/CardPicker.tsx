import { STAFF_TEXT, languageName } from "../../content/packs/index";
import { useText, useStaffLanguage } from "../../ui/staffLanguage";
import { Checkbox } from "../../ui/fields";
import type { CatalogCard, GuideDraft } from "./draft";

/** The safety cards to offer: those in the patient's language (all when none is). */
export function CardPicker({
  catalog,
  draft,
  selected,
  update,
}: {
  catalog: CatalogCard[];
  draft: GuideDraft;
  selected: string[];
  update: (fn: (s: GuideDraft) => GuideDraft) => void;
}) {
  const t = useText(STAFF_TEXT);
  const staffLang = useStaffLanguage();
  const inLanguage = catalog.filter((c) => c.languages.includes(draft.language));
  const shown = inLanguage.length ? inLanguage : catalog;
  const toggle = (id: string) => (on: boolean) =>
    update((s) => {
      const current = s.cards ?? selected;
      return { ...s, cards: on ? [...current, id] : current.filter((c) => c !== id) };
    });
  return (
    <fieldset>
      <legend>{t.cardsLegend}</legend>
      <p className="hint">{t.cardsHint}</p>
      {!inLanguage.length && (
        <p className="hint">{t.noCardsIn(languageName(draft.language, staffLang))}</p>
      )}
      <div className="choices cards">
        {shown.map((card) => (
          <Checkbox
            key={card.id}
            className={null}
            checked={selected.includes(card.id)}
            disabled={draft.education.recorded}
            onChange={toggle(card.id)}
            label={
              <span>
                {card.title[staffLang] ?? card.title.en}
                <span className="hint">
                  {" "}
                  ·{" "}
                  {t.cardLanguages(
                    card.languages.map((l) => languageName(l, staffLang)).join(", "),
                  )}
                </span>
              </span>
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
