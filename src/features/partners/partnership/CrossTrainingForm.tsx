import { useId, useState } from "react";
import { STAFF_TEXT } from "../../../content/packs/index";
import { codeDisplay } from "../../../fhir/codeDisplays";
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
import { Field } from "../shared/fields";
import { useGuardedSave } from "../shared/guardedSave";
import { UpkeepFrame } from "./UpkeepFrame";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

// Records one cross-training (date, who trained whom, topic, how many attended) on the
// partnership: one If-Match PUT of the affiliation. A conflict keeps the entries; reloading
// puts the training on top of the colleague's version.

const EMPTY: Form = { date: "", direction: "", topic: "", attendees: "" };

export function CrossTrainingForm({
  partnerId,
  base: loaded,
  onSaved,
  onCancel,
}: {
  partnerId: string;
  base: OrganizationAffiliationJson;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useText(STAFF_TEXT).partnership;
  const lang = useStaffLanguage();
  const id = useId();
  const [base, setBase] = useState(loaded);
  const [form, setForm] = useState<Form>(EMPTY);
  const guard = useGuardedSave<UpkeepError>();
  const save = useSaveAffiliation();
  const fetchLatest = useFetchLatestPartner();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    if (!guard.check(validateCrossTraining(form, new Date()))) return;
    await guard.save(async () => {
      await save.mutateAsync(buildCrossTrainingUpdate(base, trainingFromForm(form)));
      onSaved(t.trainingSaved);
    });
  };
  // Their version underneath; the training is added to it on the next save.
  const reload = () =>
    guard.reload(async () => {
      const latest = (await fetchLatest(partnerId))?.affiliation;
      if (!latest) throw new Error(t.loadFailed);
      setBase(latest);
      return [];
    });
  const error = (key: string) => guard.errorOf(key, t.errors);

  return (
    <UpkeepFrame
      title={t.addTraining}
      guard={guard}
      pending={save.isPending}
      saveLabel={t.saveTraining}
      onSubmit={() => void submit()}
      onReload={() => void reload()}
      onCancel={onCancel}
    >
      <Field id={`${id}-date`} label={t.trainingDate} error={error("date")}>
        <input type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} />
      </Field>
      <Field id={`${id}-direction`} label={t.trainingDirection} error={error("direction")}>
        <select value={form.direction} onChange={(e) => set({ direction: e.target.value })}>
          <option value="">{t.choose}</option>
          {CROSS_TRAINING_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {codeDisplay("wr-cross-training-direction", d, lang)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-topic`} label={t.trainingTopic} error={error("topic")}>
        <input value={form.topic} onChange={(e) => set({ topic: e.target.value })} />
      </Field>
      <Field id={`${id}-attendees`} label={t.trainingAttendees} error={error("attendees")}>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          value={form.attendees}
          onChange={(e) => set({ attendees: e.target.value })}
        />
      </Field>
    </UpkeepFrame>
  );
}
