import { CODES } from "../../../fhir/canonical";
import type { PartnerForm } from "../../../domain/partnerDraft";
import type { FieldError } from "../form";
import { PARTNER_TYPE_NAMES, type PartnerStrings } from "../strings";
import { CheckGroup, Field } from "./fields";

/** The partner's organization, partnership (affiliation) and FHIR endpoint fields. */
export function OrganizationFields({
  id,
  form,
  update,
  err,
  t,
  lang,
}: {
  id: string;
  form: PartnerForm;
  update: (patch: Partial<PartnerForm>) => void;
  err: (path: string) => FieldError | undefined;
  t: PartnerStrings;
  lang: "en" | "es";
}) {
  return (
    <>
      <fieldset>
        <legend>{t.orgSection}</legend>
        <Field id={`${id}-name`} label={t.name} error={err("name")} t={t}>
          <input
            value={form.name}
            onChange={(e) => update({ name: e.target.value })}
            autoComplete="off"
          />
        </Field>
        <CheckGroup
          legend={t.partnerTypes}
          options={CODES.partnerType.map((c) => [c, PARTNER_TYPE_NAMES[lang][c] ?? c])}
          value={form.types}
          onChange={(types) => update({ types })}
          error={err("types")}
          t={t}
          id={`${id}-types`}
        />
        <Field id={`${id}-phone`} label={t.phone} error={err("phone")} t={t}>
          <input
            type="tel"
            value={form.phone}
            onChange={(e) => update({ phone: e.target.value })}
          />
        </Field>
        <Field id={`${id}-email`} label={t.email} error={err("email")} t={t}>
          <input
            type="email"
            value={form.email}
            onChange={(e) => update({ email: e.target.value })}
          />
        </Field>
        <Field id={`${id}-website`} label={t.website} error={err("website")} t={t}>
          <input value={form.website} onChange={(e) => update({ website: e.target.value })} />
        </Field>
        <Field id={`${id}-cname`} label={t.contactName} error={err("contactName")} t={t}>
          <input
            value={form.contactName}
            onChange={(e) => update({ contactName: e.target.value })}
          />
        </Field>
        <Field id={`${id}-cphone`} label={t.contactPhone} error={err("contactPhone")} t={t}>
          <input
            type="tel"
            value={form.contactPhone}
            onChange={(e) => update({ contactPhone: e.target.value })}
          />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.affiliationSection}</legend>
        <Field id={`${id}-tier`} label={t.tier} error={err("tier")} t={t}>
          <select value={form.tier} onChange={(e) => update({ tier: e.target.value })}>
            {CODES.participationTier.map((tier) => (
              <option key={tier} value={tier}>
                {t.tierLabel(Number(tier))}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-collab`} label={t.collaboration} error={err("collaboration")} t={t}>
          <select
            value={form.collaboration}
            onChange={(e) => update({ collaboration: e.target.value })}
          >
            {CODES.collaborationLevel.map((level) => (
              <option key={level} value={level}>
                {t.collaborationLabel(level)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-start`} label={t.mouStart} error={err("mouStart")} t={t}>
          <input
            type="date"
            value={form.mouStart}
            onChange={(e) => update({ mouStart: e.target.value })}
          />
        </Field>
        <Field id={`${id}-end`} label={t.mouEnd} error={err("mouEnd")} t={t}>
          <input
            type="date"
            value={form.mouEnd}
            onChange={(e) => update({ mouEnd: e.target.value })}
          />
        </Field>
        <Field id={`${id}-review`} label={t.mouReviewDate} error={err("mouReview")} t={t}>
          <input
            type="date"
            value={form.mouReview}
            onChange={(e) => update({ mouReview: e.target.value })}
          />
        </Field>
        <Field
          id={`${id}-acontact`}
          label={t.affiliationContact}
          error={err("affiliationContact")}
          t={t}
        >
          <input
            value={form.affiliationContact}
            onChange={(e) => update({ affiliationContact: e.target.value })}
          />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.endpointSection}</legend>
        <Field id={`${id}-ep`} label={t.endpointAddress} error={err("endpointAddress")} t={t}>
          <input
            type="url"
            value={form.endpointAddress}
            onChange={(e) => update({ endpointAddress: e.target.value })}
          />
        </Field>
        <Field id={`${id}-epname`} label={t.endpointName} error={err("endpointName")} t={t}>
          <input
            value={form.endpointName}
            onChange={(e) => update({ endpointName: e.target.value })}
          />
        </Field>
      </fieldset>
    </>
  );
}
