import { useId, useRef, useState } from "react";
import { packFor } from "../../../content/packs/index";
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
import { describeError, isConflict } from "../errors";
import type { PartnerStrings } from "../strings";
import { ConflictNotice, UpkeepField } from "./fields";

// The partnership record's form (admins, on a partner's page): tier and level with what each
// means, the MOU, the meeting cadence, a point of contact on each side and the onboarding
// checklist with the date each step was done. In memory only; a failed save or a conflict
// keeps every entry. One If-Match PUT of the affiliation per save.

type Status =
  | { kind: "ready" }
  | { kind: "conflict"; reloaded: boolean; clashes: string[] }
  | { kind: "failed"; message: string };

export function UpkeepForm({
  partnerId,
  base: loaded,
  lang,
  ts,
  onSaved,
  onCancel,
}: {
  partnerId: string;
  base: OrganizationAffiliationJson;
  lang: "en" | "es";
  ts: PartnerStrings;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = packFor(lang).staff.partnership;
  const id = useId();
  const [base, setBase] = useState(loaded);
  const [original, setOriginal] = useState<Form>(() => upkeepFormFrom(loaded));
  const [form, setForm] = useState<Form>(original);
  const [errors, setErrors] = useState<Record<string, UpkeepError>>({});
  const [status, setStatus] = useState<Status>({ kind: "ready" });
  const summary = useRef<HTMLDivElement>(null);
  const save = useSaveAffiliation();
  const fetchLatest = useFetchLatestPartner();

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    const found = validateUpkeep(form, new Date());
    setErrors(found);
    if (Object.keys(found).length) {
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    try {
      await save.mutateAsync(buildUpkeepUpdate(base, form));
      onSaved(t.recordSaved);
    } catch (e) {
      if (isConflict(e)) setStatus({ kind: "conflict", reloaded: false, clashes: [] });
      else setStatus({ kind: "failed", message: describeError(e, lang) });
    }
  };
  const reload = async () => {
    try {
      const latest = (await fetchLatest(partnerId))?.affiliation;
      if (!latest) throw new Error(t.loadFailed);
      const theirs = upkeepFormFrom(latest);
      const { merged, clashes } = mergeUpkeep(original, form, theirs);
      setBase(latest);
      setOriginal(theirs);
      setForm(merged);
      setStatus({ kind: "conflict", reloaded: true, clashes });
    } catch (e) {
      setStatus({ kind: "failed", message: describeError(e, lang) });
    }
  };

  const text = (key: keyof Omit<Form, "onboarding">, label: string, type = "text") => (
    <UpkeepField id={`${id}-${key}`} label={label} error={errors[key]} t={t}>
      <input type={type} value={form[key]} onChange={(e) => set({ [key]: e.target.value })} />
    </UpkeepField>
  );
  const count = Object.keys(errors).length;
  return (
    <form
      noValidate
      className="upkeep-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`}>{t.editRecord}</h3>
      {count > 0 && (
        <div role="alert" tabIndex={-1} ref={summary} className="error-summary">
          {t.fixErrors(count)}
        </div>
      )}
      {status.kind === "conflict" && (
        <ConflictNotice
          t={t}
          reloaded={status.reloaded}
          clashes={status.clashes}
          onReload={() => void reload()}
        />
      )}
      {status.kind === "failed" && (
        <div role="alert">
          <p>{t.saveFailed}</p>
          <p>{status.message}</p>
        </div>
      )}
      <UpkeepField
        id={`${id}-tier`}
        label={ts.tier}
        hint={t.tierMeaning[form.tier]}
        error={undefined}
        t={t}
      >
        <select value={form.tier} onChange={(e) => set({ tier: e.target.value })}>
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={String(n)}>
              {ts.tierLabel(n)}
            </option>
          ))}
        </select>
      </UpkeepField>
      <UpkeepField
        id={`${id}-level`}
        label={ts.collaboration}
        hint={t.levelMeaning[form.collaboration]}
        error={undefined}
        t={t}
      >
        <select value={form.collaboration} onChange={(e) => set({ collaboration: e.target.value })}>
          {["informed", "collaborative", "integrated"].map((l) => (
            <option key={l} value={l}>
              {ts.collaborationLabel(l)}
            </option>
          ))}
        </select>
      </UpkeepField>
      {text("mouStart", ts.mouStart, "date")}
      {text("mouEnd", ts.mouEnd, "date")}
      {text("mouReview", ts.mouReview, "date")}
      {text("mouDocument", t.mouDocumentField, "url")}
      <UpkeepField id={`${id}-cadence`} label={t.cadence} error={undefined} t={t}>
        <select
          value={form.meetingCadence}
          onChange={(e) => set({ meetingCadence: e.target.value })}
        >
          <option value="">{t.noCadence}</option>
          {MEETING_CADENCES.map((c) => (
            <option key={c} value={c}>
              {t.cadences[c]}
            </option>
          ))}
        </select>
      </UpkeepField>
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
          <UpkeepField
            key={step}
            id={`${id}-step-${step}`}
            label={t.steps[step]}
            error={errors[`onboarding.${step}`]}
            t={t}
          >
            <input
              type="date"
              value={form.onboarding[step]}
              onChange={(e) => set({ onboarding: { ...form.onboarding, [step]: e.target.value } })}
            />
          </UpkeepField>
        ))}
      </fieldset>
      <div className="toolbar">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t.saving : t.saveRecord}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
