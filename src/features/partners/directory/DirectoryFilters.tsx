import { codeDisplay } from "../../../fhir/codeDisplays";
import { useId } from "react";
import { CODES } from "../../../fhir/codes";
import type { PartnerFilter } from "../filter";
import { LANGUAGE_NAMES, PARTNER_TEXT } from "../strings";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

/** The directory's search and filters (free text, service, language, open now, tier, level). */
export function DirectoryFilters({
  filter,
  set,
  languages,
}: {
  filter: PartnerFilter;
  set: <K extends keyof PartnerFilter>(key: K, value: PartnerFilter[K]) => void;
  languages: string[];
}) {
  const t = useText(PARTNER_TEXT);
  const lang = useStaffLanguage();
  const id = useId();
  return (
    <form
      className="filters"
      role="search"
      aria-label={t.filters}
      onSubmit={(e) => e.preventDefault()}
    >
      <label htmlFor={`${id}-q`}>{t.search}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={filter.text}
        placeholder={t.searchHint}
        onChange={(e) => set("text", e.target.value)}
      />
      <label htmlFor={`${id}-service`}>{t.service}</label>
      <select
        id={`${id}-service`}
        value={filter.service}
        onChange={(e) => set("service", e.target.value)}
      >
        <option value="">{t.anyService}</option>
        {CODES.dsvServices.map((code) => (
          <option key={code} value={code}>
            {codeDisplay("wr-dsv-services", code, lang)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-lang`}>{t.language}</label>
      <select
        id={`${id}-lang`}
        value={filter.language}
        onChange={(e) => set("language", e.target.value)}
      >
        <option value="">{t.anyLanguage}</option>
        {languages.map((code) => (
          <option key={code} value={code}>
            {LANGUAGE_NAMES[code] ?? code}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-open`}>{t.open}</label>
      <select
        id={`${id}-open`}
        value={filter.open}
        onChange={(e) => set("open", e.target.value as PartnerFilter["open"])}
      >
        <option value="">{t.openAny}</option>
        <option value="now">{t.openNow}</option>
        <option value="24x7">{t.open24x7}</option>
      </select>
      <label htmlFor={`${id}-tier`}>{t.tier}</label>
      <select id={`${id}-tier`} value={filter.tier} onChange={(e) => set("tier", e.target.value)}>
        <option value="">{t.anyTier}</option>
        {CODES.participationTier.map((tier) => (
          <option key={tier} value={tier}>
            {t.tierLabel(Number(tier))}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-collab`}>{t.collaboration}</label>
      <select
        id={`${id}-collab`}
        value={filter.collaboration}
        onChange={(e) => set("collaboration", e.target.value)}
      >
        <option value="">{t.anyCollaboration}</option>
        {CODES.collaborationLevel.map((level) => (
          <option key={level} value={level}>
            {t.collaborationLabel(level)}
          </option>
        ))}
      </select>
      <span className="check">
        <input
          id={`${id}-inactive`}
          type="checkbox"
          checked={filter.includeInactive}
          onChange={(e) => set("includeInactive", e.target.checked)}
        />
        <label htmlFor={`${id}-inactive`}>{t.includeInactive}</label>
      </span>
    </form>
  );
}
