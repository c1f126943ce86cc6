import { cloneElement, useEffect, useId, useRef, useState, type ReactElement } from "react";
import { useSession } from "../../app/session";
import { CODES } from "../../fhir/canonical";
import { fetchPartnerRecord, type PartnerRecord } from "../../fhir/partners";
import { describeError, isConflict, sendTransaction } from "./errors";
import {
  buildSaveTransaction,
  emptyForm,
  emptyService,
  formFromRecord,
  mergeForms,
  validateForm,
  type FieldError,
  type PartnerForm,
  type ServiceForm,
} from "./form";
import { PARTNER_TYPE_NAMES, SERVICE_NAMES, type PartnerStrings } from "./strings";

// Create or edit a partner. The form lives in memory only; a failed save (or a conflict) keeps
// it. The base record (with versions for If-Match) is read fresh when the editor opens.

type Status =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "saving" }
  | { kind: "conflict"; reloaded: boolean; differs: string[] }
  | { kind: "failed"; message: string };

export function PartnerEditor({
  partnerId,
  t,
  lang,
  onCancel,
  onSaved,
}: {
  partnerId?: string;
  t: PartnerStrings;
  lang: "en" | "es";
  onCancel: () => void;
  onSaved: (partnerId: string | undefined) => void | Promise<void>;
}) {
  const session = useSession();
  const clinic = session.clinic.clinicOrganization;
  const [form, setForm] = useState<PartnerForm>(emptyForm);
  const [base, setBase] = useState<PartnerRecord | undefined>(undefined);
  /** The form as loaded (to tell the user's edits from a colleague's after a conflict). */
  const [original, setOriginal] = useState<PartnerForm>(emptyForm);
  const [status, setStatus] = useState<Status>({ kind: partnerId ? "loading" : "ready" });
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [submitted, setSubmitted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = useId();
  // The load below must not rerun (and reset the form) when staff switch the app's language.
  const langRef = useRef(lang);
  useEffect(() => {
    langRef.current = lang;
  }, [lang]);

  useEffect(() => {
    if (!partnerId) return;
    let cancelled = false;
    fetchPartnerRecord(session.http, clinic, partnerId).then(
      (record) => {
        if (cancelled) return;
        setBase(record);
        if (record) {
          setForm(formFromRecord(record));
          setOriginal(formFromRecord(record));
        }
        setStatus({ kind: "ready" });
      },
      (e: unknown) =>
        !cancelled && setStatus({ kind: "failed", message: describeError(e, langRef.current) }),
    );
    return () => {
      cancelled = true;
    };
  }, [partnerId, session.http, clinic]);

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
    setStatus({ kind: "saving" });
    try {
      const locations = await sendTransaction(
        session.http,
        buildSaveTransaction(form, base, clinic),
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
      const latest = await fetchPartnerRecord(session.http, clinic, partnerId);
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

  if (status.kind === "loading") return <p role="status">{t.edit}…</p>;

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

        <h2>{t.servicesSection}</h2>
        {form.services.map((s, i) => {
          const sid = `${id}-s${i}`;
          const e = (field: string) => err(`services.${i}.${field}`);
          return (
            <fieldset key={i} className="service-form">
              <legend>{t.serviceN(i + 1)}</legend>
              <Field id={`${sid}-name`} label={t.serviceName} error={e("name")} t={t}>
                <input
                  value={s.name}
                  onChange={(ev) => updateService(i, { name: ev.target.value })}
                />
              </Field>
              <CheckGroup
                legend={t.serviceCodes}
                options={CODES.dsvServices.map((c) => [c, SERVICE_NAMES[lang][c] ?? c])}
                value={s.services}
                onChange={(services) => updateService(i, { services })}
                error={e("services")}
                t={t}
                id={`${sid}-codes`}
              />
              <Field id={`${sid}-lang`} label={t.serviceLanguages} error={e("languages")} t={t}>
                <input
                  value={s.languages}
                  onChange={(ev) => updateService(i, { languages: ev.target.value })}
                />
              </Field>
              <p className="check">
                <input
                  id={`${sid}-247`}
                  type="checkbox"
                  checked={s.open24x7}
                  onChange={(ev) => updateService(i, { open24x7: ev.target.checked })}
                />
                <label htmlFor={`${sid}-247`}>{t.service24x7}</label>
              </p>
              {!s.open24x7 && (
                <Field id={`${sid}-hours`} label={t.serviceHours} error={e("hours")} t={t}>
                  <input
                    value={s.hours}
                    onChange={(ev) => updateService(i, { hours: ev.target.value })}
                  />
                </Field>
              )}
              <Field id={`${sid}-phone`} label={t.servicePhone} error={e("phone")} t={t}>
                <input
                  type="tel"
                  value={s.phone}
                  onChange={(ev) => updateService(i, { phone: ev.target.value })}
                />
              </Field>
              <Field id={`${sid}-chat`} label={t.serviceChat} error={e("chat")} t={t}>
                <input
                  value={s.chat}
                  onChange={(ev) => updateService(i, { chat: ev.target.value })}
                />
              </Field>
              <p className="check">
                <input
                  id={`${sid}-walkin`}
                  type="checkbox"
                  checked={s.walkIn}
                  onChange={(ev) => updateService(i, { walkIn: ev.target.checked })}
                />
                <label htmlFor={`${sid}-walkin`}>{t.serviceWalkIn}</label>
              </p>
              <Field id={`${sid}-elig`} label={t.serviceEligibility} error={e("eligibility")} t={t}>
                <textarea
                  rows={2}
                  value={s.eligibility}
                  onChange={(ev) => updateService(i, { eligibility: ev.target.value })}
                />
              </Field>
              {form.services.length > 1 && (
                <button
                  type="button"
                  onClick={() => update({ services: form.services.filter((_, j) => j !== i) })}
                >
                  {t.removeService(i + 1)}
                </button>
              )}
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            onClick={() => update({ services: [...form.services, emptyService()] })}
          >
            {t.addService}
          </button>
        </p>
        <div className="toolbar">
          <button type="submit" disabled={status.kind === "saving"}>
            {status.kind === "saving" ? t.saving : t.save}
          </button>
          <button type="button" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A labelled control with its error, wired with aria-invalid / aria-describedby. */
function Field({
  id,
  label,
  error,
  t,
  children,
}: {
  id: string;
  label: string;
  error: FieldError | undefined;
  t: PartnerStrings;
  children: ReactElement<Record<string, unknown>>;
}) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {t.errors[error]}
        </span>
      )}
    </p>
  );
}

function CheckGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  t,
}: {
  id: string;
  legend: string;
  options: [string, string][];
  value: string[];
  onChange: (value: string[]) => void;
  error: FieldError | undefined;
  t: PartnerStrings;
}) {
  return (
    <fieldset
      className="check-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map(([code, label]) => (
        <span key={code} className="check">
          <input
            id={`${id}-${code}`}
            type="checkbox"
            checked={value.includes(code)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, code] : value.filter((v) => v !== code))
            }
          />
          <label htmlFor={`${id}-${code}`}>{label}</label>
        </span>
      ))}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {t.errors[error]}
        </span>
      )}
    </fieldset>
  );
}
