import { useDeferredValue, useMemo, useState } from "react";
import type { PartnerRecord } from "../../../fhir/partners";
import { useNarrowedPartners } from "../api/partnerDirectory";
import { exportDirectory } from "../bundleIo";
import {
  EMPTY_FILTER,
  filterPartners,
  indexPartners,
  languagesOf,
  type PartnerFilter,
} from "../filter";
import { PARTNER_TEXT } from "../strings";
import { ADMIN_SCOPES } from "../scopes";
import { Reminders } from "../partnership/Reminders";
import { DirectoryFilters } from "./DirectoryFilters";
import { PartnerList } from "./PartnerList";
import { useText } from "../../../ui/staffLanguage";

export function DirectoryList({
  records,
  canEdit,
  editRole,
  notice,
  unreadable = 0,
  reminders,
  serverUrl,
  onOpen,
  onAdd,
  onImport,
  onCard,
}: {
  records: PartnerRecord[];
  canEdit: boolean;
  /** The user's role edits the directory (the scopes may still be missing). */
  editRole: boolean;
  notice: string | null;
  /** Partner records the server sent that could not be read (left out of the list). */
  unreadable?: number;
  /** Show the partnership reminders (workspace sessions, view-partnership-reminders). */
  reminders: boolean;
  serverUrl: string;
  onOpen: (id: string) => void;
  onAdd: () => void;
  onImport: () => void;
  onCard: () => void;
}) {
  const t = useText(PARTNER_TEXT);
  const [filter, setFilter] = useState<PartnerFilter>(EMPTY_FILTER);
  const deferred = useDeferredValue(filter);
  const partners = useMemo(() => records.map((r) => r.partner), [records]);
  // Tier and collaboration level also go to the server (OrganizationAffiliation?role=…); until
  // it answers — or if it cannot — the same criteria apply in the browser to the full list.
  const { tier, collaboration } = deferred;
  const narrowing = Boolean(tier || collaboration);
  const narrowed = useNarrowedPartners({ tier, collaboration });
  const source = useMemo(
    () => (narrowing && narrowed.data ? narrowed.data.records.map((r) => r.partner) : partners),
    [narrowing, narrowed.data, partners],
  );
  const index = useMemo(() => indexPartners(source), [source]);
  const now = new Date();
  const shown = useMemo(() => filterPartners(index, deferred, new Date()), [index, deferred]);
  const languages = useMemo(() => languagesOf(partners), [partners]);
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
      {unreadable > 0 && (
        <p role="status" className="note" data-testid="partners-unreadable">
          {t.unreadable(unreadable)}
        </p>
      )}
      {!canEdit && (
        <p className="note" data-testid="partners-read-only">
          <strong>{t.readOnly}</strong> {editRole ? t.readOnlyScopes : t.readOnlyRole}{" "}
          <code>{ADMIN_SCOPES.join(" ")}</code>
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

      {reminders && <Reminders records={records} onOpen={onOpen} />}

      <DirectoryFilters filter={filter} set={set} languages={languages} />

      <p role="status" data-testid="partner-count">
        {t.results(shown.length, partners.length)}
      </p>
      <PartnerList shown={shown} now={now} onOpen={onOpen} />
    </section>
  );
}
