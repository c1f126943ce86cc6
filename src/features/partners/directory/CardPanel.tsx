import { useId, useMemo, useState } from "react";
import { useSession } from "../../../app/session";
import type { PartnerRecord } from "../../../fhir/partners";
import { cardLanguages, PrintableResourceCard } from "../../../ui/ResourceCard";
import { LANGUAGE_NAMES, type PartnerStrings } from "../strings";

/** The printable local resource card, in the language staff pick. */
export function CardPanel({
  records,
  t,
  onBack,
}: {
  records: PartnerRecord[];
  t: PartnerStrings;
  onBack: () => void;
}) {
  const session = useSession();
  const languages = cardLanguages(session.clinic);
  const [lang, setLang] = useState(languages[0] ?? "en");
  const id = useId();
  const partners = useMemo(() => records.map((r) => r.partner), [records]);
  return (
    <section aria-labelledby={`${id}-title`} className="card-panel">
      <p>
        <button type="button" className="link" onClick={onBack}>
          {t.back}
        </button>
      </p>
      <h1 id={`${id}-title`}>{t.cardTitle}</h1>
      <p>{t.cardIntro}</p>
      <label htmlFor={`${id}-lang`}>{t.cardLanguage}</label>{" "}
      <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l] ?? l}
          </option>
        ))}
      </select>
      <PrintableResourceCard
        config={session.clinic}
        partners={partners}
        lang={lang}
        printLabel={t.printCard}
      />
    </section>
  );
}
