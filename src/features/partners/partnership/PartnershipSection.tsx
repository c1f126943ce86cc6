import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { STAFF_TEXT } from "../../../content/packs/index";
import { codeDisplay } from "../../../fhir/codeDisplays";
import { ONBOARDING_STEPS, type PointOfContact } from "../../../domain/partnership";
import type { OrganizationAffiliationJson, PartnerRecord } from "../../../fhir/partners";
import { usePartnerRecord } from "../api/partnerRecord";
import { describeError } from "../errors";
import { CrossTrainingForm } from "./CrossTrainingForm";
import { UpkeepForm } from "./UpkeepForm";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

// The partnership record on a partner's page: points of contact, cadence, the onboarding
// checklist and the cross-trainings, for everyone who may see the directory; admins also get
// the two forms (opened on the partner as it is on the server now, for If-Match).

type Editing = "none" | "record" | "training";

export function PartnershipSection({
  record,
  canEdit,
  onEditDetails,
}: {
  record: PartnerRecord;
  canEdit: boolean;
  /** Opens the partner editor (tier, level and MOU dates are edited there). */
  onEditDetails: () => void;
}) {
  const t = useText(STAFF_TEXT).partnership;
  const lang = useStaffLanguage();
  const id = useId();
  const [editing, setEditing] = useState<Editing>("none");
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const p = record.partner.affiliation?.partnership;
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  if (!record.partner.affiliation || !p)
    return (
      <section aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t.heading}</h2>
        <p>{t.noAffiliation}</p>
      </section>
    );

  const contact = (c: PointOfContact | undefined) =>
    c ? [c.name, c.phone, c.email].filter(Boolean).join(" · ") : t.noContact;
  const done = ONBOARDING_STEPS.filter((s) => p.onboarding[s]).length;
  const close = (message?: string) => {
    setEditing("none");
    setNotice(message ?? null);
  };

  return (
    <section aria-labelledby={`${id}-h`} data-testid="partnership-record">
      <h2 id={`${id}-h`}>{t.heading}</h2>
      {notice && (
        <p role="status" tabIndex={-1} ref={noticeRef} data-testid="partnership-notice">
          {notice}
        </p>
      )}
      <dl className="context">
        <dt>{t.clinicContact}</dt>
        <dd>{contact(p.clinicContact)}</dd>
        <dt>{t.programContact}</dt>
        <dd>{contact(p.programContact)}</dd>
        <dt>{t.cadence}</dt>
        <dd>
          {p.meetingCadence
            ? codeDisplay("wr-meeting-cadence", p.meetingCadence, lang)
            : t.noCadence}
        </dd>
        <dt>{t.mouDocument}</dt>
        <dd>
          {p.mouDocument && /^https?:\/\//.test(p.mouDocument) ? (
            <a href={p.mouDocument} target="_blank" rel="noreferrer noopener">
              {t.mouDocumentLink}
            </a>
          ) : (
            t.noMouDocument
          )}
        </dd>
      </dl>

      <h3>{t.onboardingHeading}</h3>
      <p>{t.onboardingProgress(done, ONBOARDING_STEPS.length)}</p>
      <ul className="checklist" data-testid="onboarding-checklist">
        {ONBOARDING_STEPS.map((step) => (
          <li key={step} data-step={step} data-done={p.onboarding[step] ? "yes" : "no"}>
            <span aria-hidden="true">{p.onboarding[step] ? "✓ " : "○ "}</span>
            {codeDisplay("wr-onboarding-step", step, lang)}:{" "}
            {p.onboarding[step] ? t.stepDone(p.onboarding[step]) : t.stepNotDone}
          </li>
        ))}
      </ul>

      <h3>{t.trainingsHeading}</h3>
      {p.crossTrainings.length === 0 ? (
        <p>{t.noTrainings}</p>
      ) : (
        <table data-testid="cross-trainings">
          <caption>{t.trainingsTotal(p.crossTrainings.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.trainingDate}</th>
              <th scope="col">{t.trainingDirection}</th>
              <th scope="col">{t.trainingTopic}</th>
              <th scope="col">{t.trainingAttendees}</th>
            </tr>
          </thead>
          <tbody>
            {p.crossTrainings.map((c, i) => (
              <tr key={`${c.date}-${i}`}>
                <td>{c.date}</td>
                <td>{codeDisplay("wr-cross-training-direction", c.direction, lang)}</td>
                <td>{c.topic}</td>
                <td>{c.attendees}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canEdit && editing === "none" && (
        <div className="toolbar">
          <button type="button" onClick={() => setEditing("record")}>
            {t.editRecord}
          </button>
          <button type="button" onClick={() => setEditing("training")}>
            {t.addTraining}
          </button>
        </div>
      )}
      {canEdit && editing !== "none" && (
        <Fresh partnerId={record.partner.id}>
          {(base) =>
            editing === "record" ? (
              <UpkeepForm
                partnerId={record.partner.id}
                base={base}
                onSaved={close}
                onCancel={() => close()}
                onEditDetails={onEditDetails}
              />
            ) : (
              <CrossTrainingForm
                partnerId={record.partner.id}
                base={base}
                onSaved={close}
                onCancel={() => close()}
              />
            )
          }
        </Fresh>
      )}
    </section>
  );
}

/** Reads the partner fresh from the server (its affiliation's version feeds If-Match). */
function Fresh({
  partnerId,
  children,
}: {
  partnerId: string;
  children: (base: OrganizationAffiliationJson) => ReactNode;
}) {
  const t = useText(STAFF_TEXT).partnership;
  const lang = useStaffLanguage();
  const loaded = usePartnerRecord(partnerId);
  // Not the cached copy: the version read now is the one If-Match names (the form keeps it).
  if (!loaded.isFetchedAfterMount && !loaded.isError) return <p role="status">{t.loading}</p>;
  const affiliation = loaded.data?.affiliation;
  if (loaded.isError || !affiliation)
    return (
      <div role="alert">
        <p>{t.loadFailed}</p>
        {loaded.isError && <p>{describeError(loaded.error, lang)}</p>}
      </div>
    );
  return <>{children(affiliation)}</>;
}
