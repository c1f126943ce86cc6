import { MEASURE_IDS } from "../../domain/reports";
import { DEFINITIONS } from "./definitions";
import { REPORT_TEXT } from "./strings";
import { useText } from "../../ui/staffLanguage";

/** Every measure's written definition: what counts, and the denominator of a rate. */
export function Definitions() {
  const t = useText(REPORT_TEXT);
  const defs = useText(DEFINITIONS);
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
