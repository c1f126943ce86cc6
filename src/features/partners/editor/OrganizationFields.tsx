import { codeDisplay } from "../../../fhir/codeDisplays";
import { STAFF_TEXT } from "../../../content/packs/index";
import { CODES } from "../../../fhir/codes";
import type { PartnerForm } from "../../../domain/partnerDraft";
import { PARTNER_TEXT } from "../strings";
import { CheckGroup, Field } from "../shared/fields";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

/**
 * The partner's organization, partnership (affiliation) and FHIR endpoint fields. The tier, the
 * collaboration level, the MOU period and review date and the partnership's contact line are
 * edited here and only here; the partnership record on the partner's page shows them read-only.
 */
export function OrganizationFields({
  id,
  form,
  update,
  err,
}: {
  id: string;
  form: PartnerForm;
  update: (patch: Partial<PartnerForm>) => void;
  err: (path: string) => string | undefined;
}) {
  const t = useText(PARTNER_TEXT);
  const lang = useStaffLanguage();
  const meaning = useText(STAFF_TEXT).partnership;
  return (
    <>
      <fieldset>
        <legend>{t.orgSection}</legend>
        <Field id={`${id}-name`} label={t.name} error={err("name")}>
          <input
            value={form.name}
            onChange={(e) => update({ name: e.target.value })}
            autoComplete="off"
          />
        </Field>
        <CheckGroup
          legend={t.partnerTypes}
          options={CODES.partnerType.map((c) => [c, codeDisplay("wr-partner-type", c, lang)])}
          value={form.types}
          onChange={(types) => update({ types })}
          error={err("types")}
          id={`${id}-types`}
        />
        <Field id={`${id}-phone`} label={t.phone} error={err("phone")}>
          <input
            type="tel"
            value={form.phone}
            onChange={(e) => update({ phone: e.target.value })}
          />
        </Field>
        <Field id={`${id}-email`} label={t.email} error={err("email")}>
          <input
            type="email"
            value={form.email}
            onChange={(e) => update({ email: e.target.value })}
          />
        </Field>
        <Field id={`${id}-website`} label={t.website} error={err("website")}>
          <input value={form.website} onChange={(e) => update({ website: e.target.value })} />
        </Field>
        <Field id={`${id}-cname`} label={t.contactName} error={err("contactName")}>
          <input
            value={form.contactName}
            onChange={(e) => update({ contactName: e.target.value })}
          />
        </Field>
        <Field id={`${id}-cphone`} label={t.contactPhone} error={err("contactPhone")}>
          <input
            type="tel"
            value={form.contactPhone}
            onChange={(e) => update({ contactPhone: e.target.value })}
          />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.affiliationSection}</legend>
        <p className="hint">{t.affiliationOwns}</p>
        <Field
          id={`${id}-tier`}
          label={t.tier}
          hint={meaning.tierMeaning[form.tier]}
          error={err("tier")}
        >
          <select value={form.tier} onChange={(e) => update({ tier: e.target.value })}>
            {CODES.participationTier.map((tier) => (
              <option key={tier} value={tier}>
                {t.tierLabel(Number(tier))}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${id}-collab`}
          label={t.collaboration}
          hint={meaning.levelMeaning[form.collaboration]}
          error={err("collaboration")}
        >
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
        <Field id={`${id}-start`} label={t.mouStart} error={err("mouStart")}>
          <input
            type="date"
            value={form.mouStart}
            onChange={(e) => update({ mouStart: e.target.value })}
          />
        </Field>
        <Field id={`${id}-end`} label={t.mouEnd} error={err("mouEnd")}>
          <input
            type="date"
            value={form.mouEnd}
            onChange={(e) => update({ mouEnd: e.target.value })}
          />
        </Field>
        <Field id={`${id}-review`} label={t.mouReviewDate} error={err("mouReview")}>
          <input
            type="date"
            value={form.mouReview}
            onChange={(e) => update({ mouReview: e.target.value })}
          />
        </Field>
        <Field id={`${id}-acontact`} label={t.affiliationContact} error={err("affiliationContact")}>
          <input
            value={form.affiliationContact}
            onChange={(e) => update({ affiliationContact: e.target.value })}
          />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.endpointSection}</legend>
        <Field id={`${id}-ep`} label={t.endpointAddress} error={err("endpointAddress")}>
          <input
            type="url"
            value={form.endpointAddress}
            onChange={(e) => update({ endpointAddress: e.target.value })}
          />
        </Field>
        <Field id={`${id}-epname`} label={t.endpointName} error={err("endpointName")}>
          <input
            value={form.endpointName}
            onChange={(e) => update({ endpointName: e.target.value })}
          />
        </Field>
      </fieldset>
    </>
  );
}
