import { stripBidiDeep } from "../../domain/text";
import { useId, useState } from "react";
import { useSession } from "../../app/session";
import {
  emptyForm,
  emptyService,
  mergeForms,
  type PartnerForm,
  type ServiceForm,
} from "../../domain/partnerDraft";
import { buildSaveTransaction, formFromRecord } from "../../fhir/builders/partner";
import type { PartnerRecord } from "../../fhir/partners";
import { useFetchLatestPartner, usePartnerRecord } from "./api/partnerRecord";
import { useSavePartner } from "./api/partnerWrites";
import { OrganizationFields } from "./editor/OrganizationFields";
import { ServiceFields } from "./editor/ServiceFields";
import { describeError } from "./errors";
import { validateForm, type FieldError } from "./form";
import {
  FormButtons,
  SaveNotices,
  useGuardedSave,
  type SaveStatusText,
} from "./shared/guardedSave";
import { PARTNER_TEXT } from "./strings";
import { useStaffLanguage, useText, type TextSource } from "../../ui/staffLanguage";

// Create or edit a partner. The form lives in memory only; a failed save (or a conflict) keeps
// it. The base record (with versions for If-Match) is read fresh when the editor opens.

/** The editor's words in the shared save panel (its conflict line is its own). */
const SAVE_TEXT: TextSource<SaveStatusText> = {
  en: { ...PARTNER_TEXT.en, conflict: PARTNER_TEXT.en.conflictText },
  es: { ...PARTNER_TEXT.es, conflict: PARTNER_TEXT.es.conflictText },
};

interface EditorProps {
  partnerId?: string;
  onCancel: () => void;
  onSaved: (partnerId: string | undefined) => void | Promise<void>;
}

/** Loads the partner being edited (nothing to load for a new one), then shows the form. */
export function PartnerEditor(props: EditorProps) {
  const { partnerId } = props;
  const lang = useStaffLanguage();
  const t = useText(PARTNER_TEXT);
  const loaded = usePartnerRecord(partnerId);
  if (partnerId && loaded.isPending) return <p role="status">{t.edit}…</p>;
  if (partnerId && (loaded.isError || !loaded.data)) {
    return (
      <div role="alert">
        <p>{t.partnerLoadFailed}</p>
        {loaded.isError && <p>{describeError(loaded.error, lang)}</p>}
        <button type="button" onClick={() => void loaded.refetch()}>
          {t.retry}
        </button>
      </div>
    );
  }
  return <EditorForm {...props} base={loaded.data ?? undefined} />;
}

function EditorForm({
  partnerId,
  base: loadedBase,
  onCancel,
  onSaved,
}: EditorProps & { base: PartnerRecord | undefined }) {
  const t = useText(PARTNER_TEXT);
  const session = useSession();
  const clinic = session.clinic.clinicOrganization;
  const initial = loadedBase ? formFromRecord(loadedBase) : emptyForm();
  const [form, setForm] = useState<PartnerForm>(initial);
  const [base, setBase] = useState(loadedBase);
  /** The form as loaded (to tell the user's edits from a colleague's after a conflict). */
  const [original, setOriginal] = useState<PartnerForm>(initial);
  const [submitted, setSubmitted] = useState(false);
  const guard = useGuardedSave<FieldError>();
  const id = useId();
  const savePartner = useSavePartner();
  const fetchLatest = useFetchLatestPartner();

  const update = (patch: Partial<PartnerForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (submitted) guard.setErrors(validateForm(next));
  };
  const updateService = (i: number, patch: Partial<ServiceForm>) =>
    update({ services: form.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const save = async () => {
    setSubmitted(true);
    if (!guard.check(validateForm(form))) return;
    await guard.save(async () => {
      const locations = await savePartner.mutateAsync(
        buildSaveTransaction(stripBidiDeep(form), base, clinic),
      );
      const newId = /Organization\/([^/]+)/.exec(locations[0] ?? "")?.[1];
      await onSaved(partnerId ?? newId);
    });
  };

  const reloadTheirs = (partnerId: string) =>
    guard.reload(async () => {
      const latest = await fetchLatest(partnerId);
      if (!latest) throw new Error(t.saveFailed);
      // Their version underneath, the user's edits on top; new versions go into If-Match.
      const theirs = formFromRecord(latest);
      const { merged, clashes } = mergeForms(original, form, theirs);
      setBase(latest);
      setOriginal(theirs);
      setForm(merged);
      return clashes;
    });

  const err = (path: string) => guard.errorOf(path, t.errors);
  const title = partnerId ? t.editTitle(base?.organization.name ?? "") : t.newTitle;

  return (
    <section aria-labelledby={`${id}-title`} className="partner-editor">
      <h1 id={`${id}-title`}>{title}</h1>
      <SaveNotices
        guard={guard}
        text={SAVE_TEXT}
        testId="edit-conflict"
        onReload={partnerId ? () => void reloadTheirs(partnerId) : undefined}
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <OrganizationFields id={id} form={form} update={update} err={err} />
        <h2>{t.servicesSection}</h2>
        {form.services.map((s, i) => (
          <ServiceFields
            key={i}
            i={i}
            sid={`${id}-s${i}`}
            s={s}
            e={(field) => err(`services.${i}.${field}`)}
            onChange={(patch) => updateService(i, patch)}
            onRemove={
              form.services.length > 1
                ? () => update({ services: form.services.filter((_, j) => j !== i) })
                : undefined
            }
          />
        ))}
        <p>
          <button
            type="button"
            onClick={() => update({ services: [...form.services, emptyService()] })}
          >
            {t.addService}
          </button>
        </p>
        <FormButtons
          pending={savePartner.isPending}
          save={t.save}
          saving={t.saving}
          cancel={t.cancel}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
