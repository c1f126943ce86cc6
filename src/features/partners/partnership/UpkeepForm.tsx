import { useId, useState } from "react";
import { STAFF_TEXT } from "../../../content/packs/index";
import { codeDisplay } from "../../../fhir/codeDisplays";
import {
  MEETING_CADENCES,
  ONBOARDING_STEPS,
  mergeUpkeep,
  validateUpkeep,
  type UpkeepError,
  type UpkeepForm as Form,
} from "../../../domain/partnership";
import { buildUpkeepUpdate, upkeepFormFrom } from "../../../fhir/builders/partnership";
import type { OrganizationAffiliationJson } from "../../../fhir/partners";
import { useFetchLatestPartner } from "../api/partnerRecord";
import { useSaveAffiliation } from "../api/partnershipWrites";
import { Field } from "../shared/fields";
import { useGuardedSave } from "../shared/guardedSave";
import { UpkeepFrame } from "./UpkeepFrame";
import { KeptInDetails } from "./KeptInDetails";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

// The partnership record's form (admins, on a partner's page): the signed MOU's link, the
// meeting cadence, a point of contact on each side and the onboarding checklist with the date
// each step was done. Tier, level and MOU dates are the partner editor's (shown here read-only,
// with the way there), so no value has two forms. In memory only; a failed save or a conflict
// keeps every entry. One If-Match PUT of the affiliation per save.

export function UpkeepForm({
  partnerId,
  base: loaded,
  onSaved,
  onCancel,
  onEditDetails,
}: {
  partnerId: string;
  base: OrganizationAffiliationJson;
  onSaved: (message: string) => void;
  onCancel: () => void;
  /** Opens the partner editor, where tier, level and MOU dates are edited. */
  onEditDetails: () => void;
}) {
  const t = useText(STAFF_TEXT).partnership;
  const lang = useStaffLanguage();
  const id = useId();
  const [base, setBase] = useState(loaded);
  const [original, setOriginal] = useState<Form>(() => upkeepFormFrom(loaded));
  const [form, setForm] = useState<Form>(original);
  const guard = useGuardedSave<UpkeepError>();
  const save = useSaveAffiliation();
  const fetchLatest = useFetchLatestPartner();

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    if (!guard.check(validateUpkeep(form, new Date()))) return;
    await guard.save(async () => {
      await save.mutateAsync(buildUpkeepUpdate(base, form));
      onSaved(t.recordSaved);
    });
  };
  const reload = () =>
    guard.reload(async () => {
      const latest = (await fetchLatest(partnerId))?.affiliation;
      if (!latest) throw new Error(t.loadFailed);
      const theirs = upkeepFormFrom(latest);
      const { merged, clashes } = mergeUpkeep(original, form, theirs);
      setBase(latest);
      setOriginal(theirs);
      setForm(merged);
      return clashes;
    });

  const error = (key: string) => guard.errorOf(key, t.errors);
  const text = (key: keyof Omit<Form, "onboarding">, label: string, type = "text") => (
    <Field id={`${id}-${key}`} label={label} error={error(key)}>
      <input type={type} value={form[key]} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );
  return (
    <UpkeepFrame
      title={t.editRecord}
      guard={guard}
      pending={save.isPending}
      saveLabel={t.saveRecord}
      onSubmit={() => void submit()}
      onReload={() => void reload()}
      onCancel={onCancel}
    >
      <KeptInDetails
        form={form}
        contactLine={base.telecom?.find((c) => c.value)?.value}
        onEditDetails={onEditDetails}
      />
      {text("mouDocument", t.mouDocumentField, "url")}
      <Field id={`${id}-cadence`} label={t.cadence} error={undefined}>
        <select
          value={form.meetingCadence}
          onChange={(e) => set({ meetingCadence: e.target.value })}
        >
          <option value="">{t.noCadence}</option>
          {MEETING_CADENCES.map((c) => (
            <option key={c} value={c}>
              {codeDisplay("wr-meeting-cadence", c, lang)}
            </option>
          ))}
        </select>
      </Field>
      {(["clinic", "program"] as const).map((side) => (
        <fieldset key={side}>
          <legend>{side === "clinic" ? t.clinicContact : t.programContact}</legend>
          {text(`${side}ContactName`, t.contactName)}
          {text(`${side}ContactReach`, t.contactReach)}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t.onboardingHeading}</legend>
        <p className="hint">{t.stepDateHint}</p>
        {ONBOARDING_STEPS.map((step) => (
          <Field
            key={step}
            id={`${id}-step-${step}`}
            label={codeDisplay("wr-onboarding-step", step, lang)}
            error={error(`onboarding.${step}`)}
          >
            <input
              type="date"
              value={form.onboarding[step]}
              onChange={(e) => set({ onboarding: { ...form.onboarding, [step]: e.target.value } })}
            />
          </Field>
        ))}
      </fieldset>
    </UpkeepFrame>
  );
}
