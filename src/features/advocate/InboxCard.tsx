import { useId } from "react";
import { languageName, STAFF_TEXT } from "../../content/packs/index";
import { mayCall, type InboxReferral } from "../../domain/inbox";
import { Name, PhoneText } from "../../ui/Bidi";
import { SafeContactInstructions } from "../../ui/SafeContactInstructions";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import type { ClinicContact } from "./api/clinicContact";
import { statusText, ADVOCATE_TEXT } from "./strings";
import { TaskActions } from "./TaskActions";

// One referral of the inbox: the safe-contact instructions first, the minimum dataset only
// while the consent is active (else only that it ended), the status and the lifecycle's actions.

export function InboxCard({
  r,
  isNew,
  clinic,
  headingRef,
}: {
  r: InboxReferral;
  isNew: boolean;
  clinic: ClinicContact | undefined;
  /** The list moves focus here when "Show more" brings this card in. */
  headingRef?: (el: HTMLHeadingElement | null) => void;
}) {
  const t = useText(ADVOCATE_TEXT);
  const headingId = useId();
  const d = r.details;
  const heading = d
    ? [d.firstName, d.age !== undefined ? t.age(d.age) : undefined].filter(Boolean).join(", ")
    : t.statusLabel[r.status];
  return (
    <article
      className={`inbox-referral priority-${r.priority}`}
      aria-labelledby={headingId}
      data-testid="inbox-referral"
      data-task-id={r.taskId}
      data-status={r.status}
      data-consent={r.consent}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {isNew && (
          <span className="badge" data-testid="new-mark">
            {t.newMark}
          </span>
        )}{" "}
        {heading ? <Name>{heading}</Name> : t.person}
      </h2>
      {r.consent !== "active" || !d ? (
        <p className="consent-ended" data-testid="consent-ended">
          {r.consent === "withdrawn"
            ? t.withdrawn
            : r.consent === "expired"
              ? t.expired
              : t.unavailable}
        </p>
      ) : (
        <>
          <SafeContactInstructions
            contact={d.safeContact}
            text={ADVOCATE_TEXT}
            testId="safe-contact"
          >
            {mayCall(d) && (
              <a
                className="button"
                href={`tel:${d.safeContact.safePhone ?? ""}`}
                data-testid="call-action"
              >
                {t.call}
              </a>
            )}
          </SafeContactInstructions>
          <Details r={r} d={d} clinic={clinic} />
        </>
      )}
      <p>
        {t.status}:{" "}
        <span data-testid="task-status">{statusText(t, r.status, r.businessStatus)}</span>
        {r.statusReason?.code && ` (${t.reasonLabel[r.statusReason.code] ?? r.statusReason.code})`}
      </p>
      {r.patientReport && (
        <p data-testid="clinic-report" data-report={r.patientReport.report}>
          {t.clinicReportHeading}
          {r.patientReport.time ? ` (${r.patientReport.time.slice(0, 10)})` : ""}:{" "}
          <strong>{t.clinicReport[r.patientReport.report] ?? r.patientReport.report}</strong>
        </p>
      )}
      {r.outputs.length > 0 && (
        <ul>
          {r.outputs.map((o, i) => (
            <li key={i}>{o}</li>
          ))}
        </ul>
      )}
      {r.consent === "active" && <TaskActions r={r} />}
    </article>
  );
}

function Details({
  r,
  d,
  clinic,
}: {
  r: InboxReferral;
  d: NonNullable<InboxReferral["details"]>;
  clinic: ClinicContact | undefined;
}) {
  const t = useText(ADVOCATE_TEXT);
  const lang = useStaffLanguage();
  const services = useText(STAFF_TEXT).services;
  return (
    <dl className="inbox-details">
      <dt>{t.urgency}</dt>
      <dd>{t.priority[r.priority]}</dd>
      {d.language && (
        <>
          <dt>{t.language}</dt>
          <dd>{languageName(d.language, lang)}</dd>
        </>
      )}
      {d.handoff && (
        <>
          <dt>{t.handoff}</dt>
          <dd>{t.handoffLabel[d.handoff] ?? d.handoff}</dd>
        </>
      )}
      <dt>{t.services}</dt>
      <dd>{d.services.map((s) => services[s] ?? s).join(", ") || "—"}</dd>
      {r.authoredOn && (
        <>
          <dt>{t.received}</dt>
          <dd>{r.authoredOn.slice(0, 10)}</dd>
        </>
      )}
      {clinic && (
        <>
          <dt>{t.clinicContact}</dt>
          <dd>
            {clinic.name && <Name>{clinic.name}</Name>}
            {clinic.phone && (
              <>
                {clinic.name ? ", " : ""}
                <PhoneText number={clinic.phone} />
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}
