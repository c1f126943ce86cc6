import { stripBidiDeep } from "../../domain/text";
import { useId, useRef, useState } from "react";
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
import { describeError, isConflict } from "./errors";
import { validateForm, type FieldError } from "./form";
import type { PartnerStrings } from "./strings";

// Create or edit a partner. The form lives in memory only; a failed save (or a conflict) keeps
// it. The base record (with versions for If-Match) is read fresh when the editor opens.

type Status =
  | { kind: "ready" }
  | { kind: "conflict"; reloaded: boolean; differs: string[] }
  | { kind: "failed"; message: string };

interface EditorProps {
  partnerId?: string;
  t: PartnerStrings;
  lang: "en" | "es";
  onCancel: () => void;
  onSaved: (partnerId: string | undefined) => void | Promise<void>;
}

/** Loads the partner being edited (nothing to load for a new one), then shows the form. */
export function PartnerEditor(props: EditorProps) {
  const { partnerId, t, lang } = props;
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
  t,
  lang,
  onCancel,
  onSaved,
}: EditorProps & { base: PartnerRecord | undefined }) {
  const session = useSession();
  const clinic = session.clinic.clinicOrganization;
  const initial = loadedBase ? formFromRecord(loadedBase) : emptyForm();
  const [form, setForm] = useState<PartnerForm>(initial);
  const [base, setBase] = useState(loadedBase);
  /** The form as loaded (to tell the user's edits from a colleague's after a conflict). */
  const [original, setOriginal] = useState<PartnerForm>(initial);
  const [status, setStatus] = useState<Status>({ kind: "ready" });
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [submitted, setSubmitted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const savePartner = useSavePartner();
  const fetchLatest = useFetchLatestPartner();

  const update = (patch: Partial<PartnerForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (submitted) setErrors(validateForm(next));
  };
  const updateService = (i: number, patch: Partial<ServiceForm>) =>
    update({ services: form.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const save = async () => {
    setSubmitted(true);
    const found = validateForm(form);
    setErrors(found);
    if (Object.keys(found).length) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setStatus({ kind: "ready" });
    try {
      const locations = await savePartner.mutateAsync(
        buildSaveTransaction(stripBidiDeep(form), base, clinic),
      );
      const newId = /Organization\/([^/]+)/.exec(locations[0] ?? "")?.[1];
      await onSaved(partnerId ?? newId);
    } catch (e) {
      if (isConflict(e)) setStatus({ kind: "conflict", reloaded: false, differs: [] });
      else setStatus({ kind: "failed", message: describeError(e, lang) });
    }
  };

  const reloadTheirs = async () => {
    if (!partnerId) return;
    try {
      const latest = await fetchLatest(partnerId);
      if (!latest) throw new Error(t.saveFailed);
      // Their version underneath, the user's edits on top; new versions go into If-Match.
      const theirs = formFromRecord(latest);
      const { merged, clashes } = mergeForms(original, form, theirs);
      setBase(latest);
      setOriginal(theirs);
      setForm(merged);
      setStatus({ kind: "conflict", reloaded: true, differs: clashes });
    } catch (e) {
      setStatus({ kind: "failed", message: describeError(e, lang) });
    }
  };

  const err = (path: string) => errors[path];
  const errorCount = Object.keys(errors).length;
  const title = partnerId ? t.editTitle(base?.organization.name ?? "") : t.newTitle;

  return (
    <section aria-labelledby={`${id}-title`} className="partner-editor">
      <h1 id={`${id}-title`}>{title}</h1>
      {errorCount > 0 && (
        <div role="alert" tabIndex={-1} ref={summaryRef} className="error-summary">
          {t.fixErrors(errorCount)}
        </div>
      )}
      {status.kind === "conflict" && (
        <div role="alert" className="conflict" data-testid="edit-conflict">
          <h2>{t.conflictTitle}</h2>
          <p>{status.reloaded ? t.conflictReloaded : t.conflictText}</p>
          {status.reloaded && status.differs.length > 0 && (
            <p>
              {t.conflictDiffers} {status.differs.join(", ")}
            </p>
          )}
          {!status.reloaded && (
            <button type="button" onClick={() => void reloadTheirs()}>
              {t.conflictReload}
            </button>
          )}
        </div>
      )}
      {status.kind === "failed" && (
        <div role="alert">
          <p>{t.saveFailed}</p>
          <p>{status.message}</p>
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <OrganizationFields id={id} form={form} update={update} err={err} t={t} lang={lang} />
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
            t={t}
            lang={lang}
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
        <div className="toolbar">
          <button type="submit" disabled={savePartner.isPending}>
            {savePartner.isPending ? t.saving : t.save}
          </button>
          <button type="button" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
