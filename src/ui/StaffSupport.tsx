import { useEffect, useRef } from "react";
import type { StaffSupportConfig } from "../config/clinicConfig";
import type { UiLanguage } from "../content/lang";
import { STAFF_SUPPORT } from "../content/staffSupport";
import { useStaffLanguage } from "./staffLanguage";

type Localized = { en: string; es: string } & Record<string, string>;
const pick = (text: Localized | undefined, lang: UiLanguage) =>
  text ? (text[lang] ?? text.en) : undefined;

/**
 * The staff support page: for staff who are themselves affected by violence, and after a hard
 * disclosure. Opened from the header of every session and from the launch error screens. It is
 * only text held in memory: no request, no URL change, nothing stored in the browser.
 */
export function StaffSupport({
  config,
  onClose,
}: {
  config: StaffSupportConfig | undefined;
  onClose: () => void;
}) {
  const lang = useStaffLanguage();
  const t = STAFF_SUPPORT[lang];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const eap = config?.eap;
  const safety = config?.workplaceSafety;
  return (
    <section
      className="staff-support"
      aria-labelledby="staff-support-heading"
      data-testid="staff-support"
    >
      <h1 id="staff-support-heading" tabIndex={-1} ref={heading}>
        {t.heading}
      </h1>
      <p>{t.intro}</p>
      <h2>{t.talkHeading}</h2>
      {eap ? (
        <p data-testid="staff-support-eap">
          <strong>{pick(eap.name as Localized, lang)}</strong> — {t.phone}:{" "}
          <a href={`tel:${eap.phone.replace(/[^\d+]/g, "")}`}>{eap.phone}</a>
          {eap.hours && (
            <>
              {" "}
              ({t.hours}: {pick(eap.hours as Localized, lang)})
            </>
          )}
        </p>
      ) : (
        <p>{t.eapFallback}</p>
      )}
      <h2>{t.hotlineHeading}</h2>
      <p>{t.hotline}</p>
      <h2>{t.safetyHeading}</h2>
      {safety && (
        <p data-testid="staff-support-safety">
          {t.safetyContactLabel}: <strong>{pick(safety.name as Localized, lang)}</strong>
          {safety.phone && (
            <>
              {" "}
              — {t.phone}: <a href={`tel:${safety.phone.replace(/[^\d+]/g, "")}`}>{safety.phone}</a>
            </>
          )}
          {safety.email && (
            <>
              {" "}
              — {t.email}: <a href={`mailto:${safety.email}`}>{safety.email}</a>
            </>
          )}
        </p>
      )}
      <p>{t.safetyOptionsLead}</p>
      <ul>
        {t.safetyOptions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {config?.policy && (
        <p>
          {t.policyLabel}:{" "}
          <a href={config.policy.url} target="_blank" rel="noreferrer noopener">
            {pick(config.policy.title as Localized, lang)}
          </a>
        </p>
      )}
      <h2>{t.leaveHeading}</h2>
      <p>{pick(config?.leave as Localized | undefined, lang) ?? t.leaveFallback}</p>
      <h2>{t.supervisorHeading}</h2>
      <p>{pick(config?.supervisor as Localized | undefined, lang) ?? t.supervisorFallback}</p>
      <h2>{t.traumaHeading}</h2>
      <ul data-testid="secondary-trauma">
        {t.traumaSteps.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        {t.close}
      </button>
    </section>
  );
}

export default StaffSupport;
