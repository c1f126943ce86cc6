import { useMemo, useState } from "react";
import { signInAgainThen, useSession } from "../../app/session";
import { can } from "../../domain/roles";
import { useText } from "../../ui/staffLanguage";
import { usePartnerDirectory } from "./api/partnerDirectory";
import { CardPanel } from "./directory/CardPanel";
import { DirectoryList } from "./directory/DirectoryList";
import { failureOf } from "../../fhir/failures";
import { FailureAlert } from "../../ui/FailureAlert";
import { ImportPanel } from "./ImportPanel";
import { PartnerEditor } from "./PartnerEditor";
import { PartnerPage } from "./PartnerPage";
import { canEditPartners } from "./scopes";
import { PARTNER_TEXT } from "./strings";

// The partner directory: browse (everyone), a partner's page, and for clinic admins editing,
// import and export; the printable resource card. One screen at a time, one cache entry.

type View =
  | { kind: "list" }
  | { kind: "partner"; id: string }
  | { kind: "edit"; id?: string }
  | { kind: "import" }
  | { kind: "card" };

export default function PartnerDirectory({
  initialView = "list",
}: {
  initialView?: "list" | "card";
}) {
  const session = useSession();
  const t = useText(PARTNER_TEXT);
  const [view, setView] = useState<View>({ kind: initialView });
  const [notice, setNotice] = useState<string | null>(null);
  // Editing needs the admin role and the launch's write scopes: either alone is not enough.
  const editRole = can(session.access, "edit-directory");
  const canEdit = editRole && canEditPartners(session.grantedScopes);

  const query = usePartnerDirectory();
  const records = useMemo(() => query.data?.records ?? [], [query.data]);

  // The writes invalidate the directory themselves; what is left is to say what happened.
  const refresh = (message?: string) => setNotice(message ?? null);

  if (query.isPending) return <p role="status">{t.title}…</p>;
  if (query.isError) {
    return (
      <section aria-labelledby="partners-title">
        <h1 id="partners-title">{t.title}</h1>
        <FailureAlert
          failure={failureOf(query.error)}
          what={t.loadFailed}
          testId="directory-failure"
          onRetry={() => void query.refetch()}
          retryLabel={t.retry}
          onReauthorize={signInAgainThen(session, () => void query.refetch())}
        />
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
        onCancel={() => go({ kind: "list" })}
        onImported={async (n) => {
          await refresh(t.imported(n));
          setView({ kind: "list" });
        }}
      />
    );
  }
  if (view.kind === "card") {
    return <CardPanel records={records} onBack={() => go({ kind: "list" })} />;
  }

  return (
    <DirectoryList
      records={records}
      canEdit={canEdit}
      editRole={editRole}
      notice={notice}
      unreadable={query.data.unreadable}
      reminders={session.kind === "workspace" && can(session.access, "view-partnership-reminders")}
      serverUrl={session.http.serverUrl}
      onOpen={(id) => go({ kind: "partner", id })}
      onAdd={() => go({ kind: "edit" })}
      onImport={() => go({ kind: "import" })}
      onCard={() => go({ kind: "card" })}
    />
  );
}
