import { useId, useMemo, useState } from "react";
import { useSession } from "../../../app/session";
import type { PartnerRecord } from "../../../fhir/partners";
import {
  cardLanguages,
  defaultCardLanguage,
  PrintableResourceCard,
} from "../../../ui/ResourceCard";
import { LANGUAGE_NAMES, PARTNER_TEXT } from "../strings";
import { useText } from "../../../ui/staffLanguage";

/** The printable local resource card, in the language staff pick. */
export function CardPanel({ records, onBack }: { records: PartnerRecord[]; onBack: () => void }) {
  const t = useText(PARTNER_TEXT);
  const session = useSession();
  const languages = cardLanguages(session.clinic);
  // The patient's language by default (the card is handed to the patient in context); a
  // workspace has no patient, so the clinic's first card language.
  const patientLanguage = session.kind === "chart" ? session.patient.language : undefined;
  const [lang, setLang] = useState(() => defaultCardLanguage(languages, patientLanguage));
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
