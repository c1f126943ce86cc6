import type { UiLanguage } from "../../content/lang";
import { MEASURE_IDS } from "../../domain/reports";
import { DEFINITIONS } from "./definitions";
import type { T } from "./labels";

/** Every measure's written definition: what counts, and the denominator of a rate. */
export function Definitions({ lang, t }: { lang: UiLanguage; t: T }) {
  const defs = DEFINITIONS[lang];
  return (
    <section aria-labelledby="report-definitions">
      <h2 id="report-definitions">{t.definitions}</h2>
      <dl className="report-definitions">
        {MEASURE_IDS.map((m) => (
          <div key={m}>
            <dt>{defs[m].name}</dt>
            <dd>
              {defs[m].counts}
              {defs[m].denominator ? ` ÷ ${defs[m].denominator}` : ""}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
