import { useDeferredValue, useId, useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "../../app/session";
import { pickUiLanguage } from "../../content/lang";
import { CODES } from "../../fhir/canonical";
import { describeError } from "./errors";
import { fetchPartnerRecords, isPartnerOpenAt, type PartnerRecord } from "../../fhir/partners";
import { queryKeys } from "../../fhir/queryKeys";
import { isAllowed } from "../../fhir/scopes";
import { cardLanguages, defaultCardLanguage, PrintableResourceCard } from "../../ui/ResourceCard";
import { exportDirectory } from "./bundleIo";
import {
  EMPTY_FILTER,
  filterPartners,
  indexPartners,
  languagesOf,
  type PartnerFilter,
} from "./filter";
import { ImportPanel } from "./ImportPanel";
import { mouStatus } from "./mou";
import { PartnerEditor } from "./PartnerEditor";
import { PartnerPage } from "./PartnerPage";
import { LANGUAGE_NAMES, PARTNER_TEXT, SERVICE_NAMES, type PartnerStrings } from "./strings";

/** The partner resources an admin launch must be able to create and update. */
export const PARTNER_WRITE_TYPES = [
  "Organization",
  "HealthcareService",
  "OrganizationAffiliation",
  "Endpoint",
] as const;
export const ADMIN_SCOPES = PARTNER_WRITE_TYPES.map((t) => `user/${t}.cruds`);

export function canEditPartners(grantedScopes: readonly string[]): boolean {
  return PARTNER_WRITE_TYPES.every(
    (t) => isAllowed(grantedScopes, t, "c", ["user"]) && isAllowed(grantedScopes, t, "u", ["user"]),
  );
}

type View =
  | { kind: "list" }
  | { kind: "partner"; id: string }
  | { kind: "edit"; id?: string }
  | { kind: "import" }
  | { kind: "card" };

export const partnerRecordsKey = () => [...queryKeys.partners(), "records"] as const;

export default function PartnerDirectory({
  initialView = "list",
}: {
  initialView?: "list" | "card";
}) {
  const session = useSession();
  const lang = pickUiLanguage();
  const t = PARTNER_TEXT[lang];
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>({ kind: initialView });
  const [notice, setNotice] = useState<string | null>(null);
  const canEdit = canEditPartners(session.grantedScopes);
  const clinic = session.clinic.clinicOrganization;

  const query = useQuery({
    queryKey: partnerRecordsKey(),
    queryFn: () => fetchPartnerRecords(session.http, clinic),
  });
  const records = useMemo(() => query.data ?? [], [query.data]);

  const refresh = async (message?: string) => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.partners() });
    setNotice(message ?? null);
  };

  if (query.isPending) return <p role="status">{t.title}…</p>;
  if (query.isError) {
    return (
      <section aria-labelledby="partners-title">
        <h1 id="partners-title">{t.title}</h1>
        <div role="alert">
          <p>{t.loadFailed}</p>
          <p>{describeError(query.error)}</p>
          <button type="button" onClick={() => void query.refetch()}>
            {t.retry}
          </button>
        </div>
      </section>
    );
  }

  const go = (next: View) => {
    setView(next);
    if (next.kind !== "list") setNotice(null);
  };

  if (view.kind === "partner") {
    const record = records.find((r) => r.partner.id === view.id);
    if (record)
      return (
        <PartnerPage
          record={record}
          t={t}
          lang={lang}
          canEdit={canEdit}
          onBack={() => go({ kind: "list" })}
          onEdit={() => go({ kind: "edit", id: record.partner.id })}
          onChanged={(message) => {
            setView({ kind: "list" });
            void refresh(message);
          }}
        />
      );
  }
  if (view.kind === "edit" && canEdit) {
    return (
      <PartnerEditor
        {...(view.id ? { partnerId: view.id } : {})}
        t={t}
        lang={lang}
        onCancel={() => go(view.id ? { kind: "partner", id: view.id } : { kind: "list" })}
        onSaved={async (id) => {
          await refresh(t.saved);
          setView(id ? { kind: "partner", id } : { kind: "list" });
        }}
      />
    );
  }
  if (view.kind === "import" && canEdit) {
    return (
      <ImportPanel
        records={records}
        t={t}
        onCancel={() => go({ kind: "list" })}
        onImported={async (n) => {
          await refresh(t.imported(n));
          setView({ kind: "list" });
        }}
      />
    );
  }
  if (view.kind === "card") {
    return <CardPanel records={records} t={t} onBack={() => go({ kind: "list" })} />;
  }

  return (
    <DirectoryList
      records={records}
      t={t}
      lang={lang}
      canEdit={canEdit}
      notice={notice}
      serverUrl={session.http.serverUrl}
      onOpen={(id) => go({ kind: "partner", id })}
      onAdd={() => go({ kind: "edit" })}
      onImport={() => go({ kind: "import" })}
      onCard={() => go({ kind: "card" })}
    />
  );
}

function DirectoryList({
  records,
  t,
  lang,
  canEdit,
  notice,
  serverUrl,
  onOpen,
  onAdd,
  onImport,
  onCard,
}: {
  records: PartnerRecord[];
  t: PartnerStrings;
  lang: "en" | "es";
  canEdit: boolean;
  notice: string | null;
  serverUrl: string;
  onOpen: (id: string) => void;
  onAdd: () => void;
  onImport: () => void;
  onCard: () => void;
}) {
  const session = useSession();
  const [filter, setFilter] = useState<PartnerFilter>(EMPTY_FILTER);
  const deferred = useDeferredValue(filter);
  const partners = useMemo(() => records.map((r) => r.partner), [records]);
  // Tier and collaboration level also go to the server (OrganizationAffiliation?role=…); until
  // it answers — or if it cannot — the same criteria apply in the browser to the full list.
  const { tier, collaboration } = deferred;
  const narrowing = Boolean(tier || collaboration);
  const narrowed = useQuery({
    queryKey: [...partnerRecordsKey(), "role", tier, collaboration],
    queryFn: () =>
      fetchPartnerRecords(session.http, session.clinic.clinicOrganization, undefined, {
        tier,
        collaboration,
      }),
    enabled: narrowing,
  });
  const source = useMemo(
    () => (narrowing && narrowed.data ? narrowed.data.map((r) => r.partner) : partners),
    [narrowing, narrowed.data, partners],
  );
  const index = useMemo(() => indexPartners(source), [source]);
  const now = new Date();
  const shown = useMemo(() => filterPartners(index, deferred, new Date()), [index, deferred]);
  const languages = useMemo(() => languagesOf(partners), [partners]);
  const id = useId();
  const set = <K extends keyof PartnerFilter>(key: K, value: PartnerFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));

  const download = () => {
    const bundle = exportDirectory(records, serverUrl);
    const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: "application/fhir+json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `partner-directory-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section aria-labelledby="partners-title" className="partners">
      <h1 id="partners-title">{t.title}</h1>
      <p>{t.intro}</p>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {!canEdit && (
        <p className="note" data-testid="partners-read-only">
          <strong>{t.readOnly}</strong> {t.readOnlyScopes} <code>{ADMIN_SCOPES.join(" ")}</code>
        </p>
      )}
      <div className="toolbar">
        {canEdit && (
          <button type="button" onClick={onAdd}>
            {t.addPartner}
          </button>
        )}
        {canEdit && (
          <button type="button" onClick={onImport}>
            {t.importBundle}
          </button>
        )}
        <button type="button" onClick={download}>
          {t.exportDirectory}
        </button>
        <button type="button" onClick={onCard}>
          {t.resourceCard}
        </button>
      </div>

      <form
        className="filters"
        role="search"
        aria-label={t.filters}
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor={`${id}-q`}>{t.search}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={filter.text}
          placeholder={t.searchHint}
          onChange={(e) => set("text", e.target.value)}
        />
        <label htmlFor={`${id}-service`}>{t.service}</label>
        <select
          id={`${id}-service`}
          value={filter.service}
          onChange={(e) => set("service", e.target.value)}
        >
          <option value="">{t.anyService}</option>
          {CODES.dsvServices.map((code) => (
            <option key={code} value={code}>
              {SERVICE_NAMES[lang][code] ?? code}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-lang`}>{t.language}</label>
        <select
          id={`${id}-lang`}
          value={filter.language}
          onChange={(e) => set("language", e.target.value)}
        >
          <option value="">{t.anyLanguage}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code] ?? code}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-open`}>{t.open}</label>
        <select
          id={`${id}-open`}
          value={filter.open}
          onChange={(e) => set("open", e.target.value as PartnerFilter["open"])}
        >
          <option value="">{t.openAny}</option>
          <option value="now">{t.openNow}</option>
          <option value="24x7">{t.open24x7}</option>
        </select>
        <label htmlFor={`${id}-tier`}>{t.tier}</label>
        <select id={`${id}-tier`} value={filter.tier} onChange={(e) => set("tier", e.target.value)}>
          <option value="">{t.anyTier}</option>
          {CODES.participationTier.map((tier) => (
            <option key={tier} value={tier}>
              {t.tierLabel(Number(tier))}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-collab`}>{t.collaboration}</label>
        <select
          id={`${id}-collab`}
          value={filter.collaboration}
          onChange={(e) => set("collaboration", e.target.value)}
        >
          <option value="">{t.anyCollaboration}</option>
          {CODES.collaborationLevel.map((level) => (
            <option key={level} value={level}>
              {t.collaborationLabel(level)}
            </option>
          ))}
        </select>
        <span className="check">
          <input
            id={`${id}-inactive`}
            type="checkbox"
            checked={filter.includeInactive}
            onChange={(e) => set("includeInactive", e.target.checked)}
          />
          <label htmlFor={`${id}-inactive`}>{t.includeInactive}</label>
        </span>
      </form>

      <p role="status" data-testid="partner-count">
        {t.results(shown.length, partners.length)}
      </p>
      {shown.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="partner-list" data-testid="partner-list">
          {shown.map((p) => {
            const mou = mouStatus(p.affiliation, now);
            const open24 = p.services.some((s) => s.active !== false && s.open24x7);
            return (
              <li key={p.id} data-partner-id={p.id}>
                <button type="button" className="link" onClick={() => onOpen(p.id)}>
                  {p.name}
                </button>
                <span className="badges">
                  {!p.active && <span className="badge badge-off">{t.inactive}</span>}
                  {p.affiliation && (
                    <span className="badge">{t.tierLabel(p.affiliation.tier)}</span>
                  )}
                  {p.affiliation && (
                    <span className="badge">
                      {t.collaborationLabel(p.affiliation.collaboration)}
                    </span>
                  )}
                  <span className={`badge mou-${mou.status}`}>{t.mouStatus[mou.status]}</span>
                  {open24 ? (
                    <span className="badge">{t.open247Badge}</span>
                  ) : isPartnerOpenAt(p, now) ? (
                    <span className="badge">{t.openNowBadge}</span>
                  ) : null}
                </span>
                <span className="partner-services">
                  {[...new Set(p.services.flatMap((s) => s.services))]
                    .map((c) => SERVICE_NAMES[lang][c] ?? c)
                    .join(" · ")}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CardPanel({
  records,
  t,
  onBack,
}: {
  records: PartnerRecord[];
  t: PartnerStrings;
  onBack: () => void;
}) {
  const session = useSession();
  const languages = cardLanguages(session.clinic);
  // The patient's language by default (the card is handed to the patient in context).
  const [lang, setLang] = useState(() => defaultCardLanguage(languages, session.patient.language));
  const id = useId();
  const partners = useMemo(() => records.map((r) => r.partner), [records]);
  return (
    <section aria-labelledby={`${id}-title`} className="card-panel">
      <p>
        <button type="button" className="link" onClick={onBack}>
          {t.back}
        </button>
      </p>
      <h1 id={`${id}-title`}>{t.cardTitle}</h1>
      <p>{t.cardIntro}</p>
      <label htmlFor={`${id}-lang`}>{t.cardLanguage}</label>{" "}
      <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l] ?? l}
          </option>
        ))}
      </select>
      <PrintableResourceCard
        config={session.clinic}
        partners={partners}
        lang={lang}
        printLabel={t.printCard}
      />
    </section>
  );
}
