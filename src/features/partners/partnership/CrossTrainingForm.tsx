import { useId, useRef, useState } from "react";
import { packFor } from "../../../content/packs/index";
import {
  CROSS_TRAINING_DIRECTIONS,
  trainingFromForm,
  validateCrossTraining,
  type CrossTrainingForm as Form,
  type UpkeepError,
} from "../../../domain/partnership";
import { buildCrossTrainingUpdate } from "../../../fhir/builders/partnership";
import type { OrganizationAffiliationJson } from "../../../fhir/partners";
import { useFetchLatestPartner } from "../api/partnerRecord";
import { useSaveAffiliation } from "../api/partnershipWrites";
import { describeError, isConflict } from "../errors";
import { ConflictNotice, UpkeepField } from "./fields";

// Records one cross-training (date, who trained whom, topic, how many attended) on the
// partnership: one If-Match PUT of the affiliation. A conflict keeps the entries; reloading
// puts the training on top of the colleague's version.

const EMPTY: Form = { date: "", direction: "", topic: "", attendees: "" };

export function CrossTrainingForm({
  partnerId,
  base: loaded,
  lang,
  onSaved,
  onCancel,
}: {
  partnerId: string;
  base: OrganizationAffiliationJson;
  lang: "en" | "es";
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = packFor(lang).staff.partnership;
  const id = useId();
  const [base, setBase] = useState(loaded);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, UpkeepError>>({});
  const [conflict, setConflict] = useState<"no" | "yes" | "reloaded">("no");
  const [failed, setFailed] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const save = useSaveAffiliation();
  const fetchLatest = useFetchLatestPartner();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    const found = validateCrossTraining(form, new Date());
    setErrors(found);
    if (Object.keys(found).length) {
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setFailed(null);
    try {
      await save.mutateAsync(buildCrossTrainingUpdate(base, trainingFromForm(form)));
      onSaved(t.trainingSaved);
    } catch (e) {
      if (isConflict(e)) setConflict("yes");
      else setFailed(describeError(e, lang));
    }
  };
  const reload = async () => {
    try {
      const latest = (await fetchLatest(partnerId))?.affiliation;
      if (!latest) throw new Error(t.loadFailed);
      setBase(latest);
      setConflict("reloaded");
    } catch (e) {
      setFailed(describeError(e, lang));
    }
  };

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
      <h3 id={`${id}-title`}>{t.addTraining}</h3>
      {count > 0 && (
        <div role="alert" tabIndex={-1} ref={summary} className="error-summary">
          {t.fixErrors(count)}
        </div>
      )}
      {conflict !== "no" && (
        <ConflictNotice
          t={t}
          reloaded={conflict === "reloaded"}
          clashes={[]}
          onReload={() => void reload()}
        />
      )}
      {failed && (
        <div role="alert">
          <p>{t.saveFailed}</p>
          <p>{failed}</p>
        </div>
      )}
      <UpkeepField id={`${id}-date`} label={t.trainingDate} error={errors.date} t={t}>
        <input type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} />
      </UpkeepField>
      <UpkeepField
        id={`${id}-direction`}
        label={t.trainingDirection}
        error={errors.direction}
        t={t}
      >
        <select value={form.direction} onChange={(e) => set({ direction: e.target.value })}>
          <option value="">{t.choose}</option>
          {CROSS_TRAINING_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t.directions[d]}
            </option>
          ))}
        </select>
      </UpkeepField>
      <UpkeepField id={`${id}-topic`} label={t.trainingTopic} error={errors.topic} t={t}>
        <input value={form.topic} onChange={(e) => set({ topic: e.target.value })} />
      </UpkeepField>
      <UpkeepField
        id={`${id}-attendees`}
        label={t.trainingAttendees}
        error={errors.attendees}
        t={t}
      >
        <input
          type="number"
          inputMode="numeric"
          min={1}
          value={form.attendees}
          onChange={(e) => set({ attendees: e.target.value })}
        />
      </UpkeepField>
      <div className="toolbar">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t.saving : t.saveTraining}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
