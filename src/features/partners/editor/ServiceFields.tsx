import { codeDisplay } from "../../../fhir/codeDisplays";
import { CODES } from "../../../fhir/codes";
import type { ServiceForm } from "../../../domain/partnerDraft";
import { PARTNER_TEXT } from "../strings";
import { CheckGroup, Field } from "../shared/fields";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

/** One of the partner's services (a HealthcareService): what it offers, when, how to reach it. */
export function ServiceFields({
  i,
  sid,
  s,
  e,
  onChange,
  onRemove,
}: {
  i: number;
  sid: string;
  s: ServiceForm;
  e: (field: string) => string | undefined;
  onChange: (patch: Partial<ServiceForm>) => void;
  onRemove: (() => void) | undefined;
}) {
  const t = useText(PARTNER_TEXT);
  const lang = useStaffLanguage();
  return (
    <fieldset className="service-form">
      <legend>{t.serviceN(i + 1)}</legend>
      <Field id={`${sid}-name`} label={t.serviceName} error={e("name")}>
        <input value={s.name} onChange={(ev) => onChange({ name: ev.target.value })} />
      </Field>
      <CheckGroup
        legend={t.serviceCodes}
        options={CODES.dsvServices.map((c) => [c, codeDisplay("wr-dsv-services", c, lang)])}
        value={s.services}
        onChange={(services) => onChange({ services })}
        error={e("services")}
        id={`${sid}-codes`}
      />
      <Field id={`${sid}-lang`} label={t.serviceLanguages} error={e("languages")}>
        <input value={s.languages} onChange={(ev) => onChange({ languages: ev.target.value })} />
      </Field>
      <p className="check">
        <input
          id={`${sid}-247`}
          type="checkbox"
          checked={s.open24x7}
          onChange={(ev) => onChange({ open24x7: ev.target.checked })}
        />
        <label htmlFor={`${sid}-247`}>{t.service24x7}</label>
      </p>
      {!s.open24x7 && (
        <Field id={`${sid}-hours`} label={t.serviceHours} error={e("hours")}>
          <input value={s.hours} onChange={(ev) => onChange({ hours: ev.target.value })} />
        </Field>
      )}
      <Field id={`${sid}-phone`} label={t.servicePhone} error={e("phone")}>
        <input type="tel" value={s.phone} onChange={(ev) => onChange({ phone: ev.target.value })} />
      </Field>
      <Field id={`${sid}-chat`} label={t.serviceChat} error={e("chat")}>
        <input value={s.chat} onChange={(ev) => onChange({ chat: ev.target.value })} />
      </Field>
      <p className="check">
        <input
          id={`${sid}-walkin`}
          type="checkbox"
          checked={s.walkIn}
          onChange={(ev) => onChange({ walkIn: ev.target.checked })}
        />
        <label htmlFor={`${sid}-walkin`}>{t.serviceWalkIn}</label>
      </p>
      <Field id={`${sid}-elig`} label={t.serviceEligibility} error={e("eligibility")}>
        <textarea
          rows={2}
          value={s.eligibility}
          onChange={(ev) => onChange({ eligibility: ev.target.value })}
        />
      </Field>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t.removeService(i + 1)}
        </button>
      )}
    </fieldset>
  );
}
