import type { UiLanguage } from "../../content/lang";

// What each configuration field does (clinic settings screen). Keys are field paths with array
// indices as [] and language keys of localized texts as <lang>.

type Doc = Record<UiLanguage, string>;

export const CLINIC_FIELDS: Record<string, Doc> = {
  displayName: {
    en: "The app's visible name in the header and the window title. Keep it discreet: nothing that says violence or abuse.",
    es: "Nombre visible de la aplicación en el encabezado y el título de la ventana. Debe ser discreto: nada que mencione violencia o abuso.",
  },
  clinicOrganization: {
    en: "The clinic's own Organization on the FHIR server: the requester of referrals and the clinic side of every partnership.",
    es: "La Organization de la clínica en el servidor FHIR: quien envía las referencias y la parte clínica de cada alianza.",
  },
  "jurisdiction.name": {
    en: "The state or jurisdiction whose mandatory-reporting rules apply.",
    es: "El estado o jurisdicción cuyas reglas de reporte obligatorio aplican.",
  },
  "jurisdiction.minorAgeBelow": {
    en: "Patients younger than this get the minors' confidentiality text.",
    es: "Los pacientes menores de esta edad reciben el texto de confidencialidad para menores.",
  },
  "jurisdiction.mandatoryReporting.adult.<lang>": {
    en: "What staff say about the limits of confidentiality to adults, before asking (one text per language).",
    es: "Lo que el personal dice a adultos sobre los límites de la confidencialidad, antes de preguntar (un texto por idioma).",
  },
  "jurisdiction.mandatoryReporting.minor.<lang>": {
    en: "The same for minors, under the jurisdiction's reporting law.",
    es: "Lo mismo para menores, según la ley de reporte de la jurisdicción.",
  },
  "jurisdiction.minorConsent.<lang>": {
    en: "Optional: the jurisdiction's rule on whether a minor may consent on their own to sharing with a partner program; shown in the consent step for minors (a built-in reminder otherwise).",
    es: "Opcional: la regla de la jurisdicción sobre si un menor puede consentir por su cuenta compartir con un programa aliado; se muestra en el paso de consentimiento para menores (si no, un recordatorio incorporado).",
  },
  "labelPolicy.nopat": {
    en: "Labelling policy: true adds the NOPAT label (not for patient access) to everything the app writes, besides R and SDV. Turn off only if the EHR's portal already hides R/SDV records.",
    es: "Política de etiquetas: true agrega la etiqueta NOPAT (sin acceso para pacientes) a todo lo que escribe la aplicación, además de R y SDV. Desactívela solo si el portal del EHR ya oculta los registros R/SDV.",
  },
  "languages[]": {
    en: "Languages patient-facing content is offered in (codes such as en, es, vi).",
    es: "Idiomas en que se ofrece el contenido para pacientes (códigos como en, es, vi).",
  },
  "safetyCards[].id": {
    en: "Safety-card catalog: the card's id (lower-case letters, digits and dashes).",
    es: "Catálogo de tarjetas de seguridad: id de la tarjeta (minúsculas, dígitos y guiones).",
  },
  "safetyCards[].type": {
    en: "Safety-card catalog: which kind of card it is (general, adolescent, reproductive-health, …).",
    es: "Catálogo de tarjetas de seguridad: tipo de tarjeta (general, adolescent, reproductive-health, …).",
  },
  "safetyCards[].title.<lang>": {
    en: "Safety-card catalog: the card's title as staff see it.",
    es: "Catálogo de tarjetas de seguridad: título de la tarjeta para el personal.",
  },
  "safetyCards[].languages[]": {
    en: "Safety-card catalog: languages the clinic has this card in.",
    es: "Catálogo de tarjetas de seguridad: idiomas en que la clínica tiene esta tarjeta.",
  },
  "followUp.intervalDays": {
    en: "Follow-up interval: days after a referral when staff are reminded to check that it connected.",
    es: "Intervalo de seguimiento: días después de una referencia en que se recuerda al personal comprobar si se concretó.",
  },
  "followUp.byUrgency.now": {
    en: 'Follow-up for a "connect now" referral: days after it is sent (optional; 2 by default).',
    es: 'Seguimiento de una referencia "conectar ahora": días después de enviarla (opcional; 2 por defecto).',
  },
  "followUp.byUrgency.soon": {
    en: 'Follow-up for a "soon" referral: days after it is sent (optional; 7 by default).',
    es: 'Seguimiento de una referencia "pronto": días después de enviarla (opcional; 7 por defecto).',
  },
  "followUp.byUrgency.routine": {
    en: "Follow-up for a routine referral: days after it is sent (optional; the interval above by default).",
    es: "Seguimiento de una referencia de rutina: días después de enviarla (opcional; por defecto el intervalo anterior).",
  },
  "followUp.partnerAnswerDays": {
    en: "Worklist: a referral the partner has not answered after this many days is shown as overdue (optional; 3 by default).",
    es: "Lista de trabajo: una referencia que el aliado no ha respondido tras estos días se muestra como atrasada (opcional; 3 por defecto).",
  },
  "consent.defaultDays": {
    en: "How long a patient's consent to share with a partner lasts by default (days).",
    es: "Cuánto dura por defecto el consentimiento de la paciente para compartir con un aliado (días).",
  },
  "resourceCard.title.<lang>": {
    en: "Local resource card: its title (up to 40 characters; discreet).",
    es: "Tarjeta local de recursos: su título (hasta 40 caracteres; discreto).",
  },
  "resourceCard.intro.<lang>": {
    en: "Local resource card: the line under the title.",
    es: "Tarjeta local de recursos: la línea bajo el título.",
  },
  "resourceCard.nationalHotline.<lang>": {
    en: "Local resource card: the label next to the National Domestic Violence Hotline number (1-800-799-7233).",
    es: "Tarjeta local de recursos: la etiqueta junto al número de la Línea Nacional contra la Violencia Doméstica (1-800-799-7233).",
  },
  "resourceCard.partnerLabels.<id>.<lang>": {
    en: "Local resource card: the discreet label printed for one partner (by its Organization id) instead of the program's name.",
    es: "Tarjeta local de recursos: la etiqueta discreta que se imprime para un aliado (por el id de su Organization) en lugar del nombre del programa.",
  },
  "strangulationProtocol.<lang>": {
    en: "The clinic's protocol after a disclosure of strangulation (choking), shown to the provider with the warning about delayed, life-threatening injury (optional; built-in wording otherwise).",
    es: "El protocolo de la clínica tras revelar una estrangulación (asfixia), que se muestra al proveedor con la advertencia sobre lesiones tardías que ponen en riesgo la vida (opcional; si no, el texto incorporado).",
  },
  "resourceCard.footer.<lang>": {
    en: "Local resource card: the last line (optional).",
    es: "Tarjeta local de recursos: la última línea (opcional).",
  },
  "staffSupport.eap.name.<lang>": {
    en: "Staff support: the employee assistance program's name.",
    es: "Apoyo al personal: el nombre del programa de asistencia al empleado.",
  },
  "staffSupport.eap.phone": {
    en: "Staff support: the employee assistance program's phone number.",
    es: "Apoyo al personal: el teléfono del programa de asistencia al empleado.",
  },
  "staffSupport.eap.hours.<lang>": {
    en: "Staff support: when the employee assistance program answers (optional).",
    es: "Apoyo al personal: cuándo atiende el programa de asistencia al empleado (opcional).",
  },
  "staffSupport.workplaceSafety.name.<lang>": {
    en: "Staff support: who to tell at work about a safety concern (a role is enough).",
    es: "Apoyo al personal: a quién avisar en el trabajo de un problema de seguridad (basta un cargo).",
  },
  "staffSupport.workplaceSafety.phone": {
    en: "Staff support: the workplace safety contact's phone (optional).",
    es: "Apoyo al personal: el teléfono del contacto de seguridad en el trabajo (opcional).",
  },
  "staffSupport.workplaceSafety.email": {
    en: "Staff support: the workplace safety contact's email (optional).",
    es: "Apoyo al personal: el correo del contacto de seguridad en el trabajo (opcional).",
  },
  "staffSupport.policy.title.<lang>": {
    en: "Staff support: the title of the clinic's policy on violence and the workplace.",
    es: "Apoyo al personal: el título de la política de la clínica sobre la violencia y el trabajo.",
  },
  "staffSupport.policy.url": {
    en: "Staff support: where staff can read that policy (a link).",
    es: "Apoyo al personal: dónde puede leer el personal esa política (un enlace).",
  },
  "staffSupport.leave.<lang>": {
    en: "Staff support: the leave and safety-at-work options the clinic offers (optional; general wording otherwise).",
    es: "Apoyo al personal: los permisos y opciones de seguridad en el trabajo que ofrece la clínica (opcional; si no, un texto general).",
  },
  "staffSupport.supervisor.<lang>": {
    en: "Staff support: how to talk with a supervisor, in the clinic's words (optional; general wording otherwise).",
    es: "Apoyo al personal: cómo hablar con un supervisor, en palabras de la clínica (opcional; si no, un texto general).",
  },
};

export const SMART_FIELDS: Record<string, Doc> = {
  "issuers[].label": {
    en: "Name of the FHIR server, shown in the standalone-launch chooser.",
    es: "Nombre del servidor FHIR, que se muestra al elegir servidor en un inicio independiente.",
  },
  "issuers[].iss": {
    en: "The exact FHIR base URL (iss) this entry is for.",
    es: "La URL base FHIR exacta (iss) de esta entrada.",
  },
  "issuers[].issPattern": {
    en: "A regular expression for the iss, instead of an exact URL (e.g. launchers that encode state in the URL).",
    es: "Una expresión regular para el iss, en lugar de una URL exacta.",
  },
  "issuers[].clientId": {
    en: "The client id the EHR gave the app at registration.",
    es: "El client id que el EHR asignó a la aplicación al registrarla.",
  },
  "issuers[].scopes.v2": {
    en: "Scopes requested from SMART v2 servers. The server narrows them to what each user may have; partner write scopes only reach admins the EHR allows.",
    es: "Permisos (scopes) solicitados a servidores SMART v2. El servidor los reduce a lo que cada usuario puede tener.",
  },
  "issuers[].scopes.v1": {
    en: "The same scopes in SMART v1 form, for servers that only speak v1.",
    es: "Los mismos permisos en formato SMART v1, para servidores que solo usan v1.",
  },
  "issuers[].scopeVersion": {
    en: "auto reads the server's SMART configuration to choose v2 or v1; v2 / v1 skip that request.",
    es: "auto lee la configuración SMART del servidor para elegir v2 o v1; v2 / v1 omiten esa consulta.",
  },
  "issuers[].pkceMode": {
    en: "PKCE: ifSupported (default) or required. The app is a public client.",
    es: "PKCE: ifSupported (por defecto) o required. La aplicación es un cliente público.",
  },
  "issuers[].redirectUri": {
    en: "Where the server sends the user back; must match the registration exactly.",
    es: "A dónde el servidor devuelve al usuario; debe coincidir exactamente con el registro.",
  },
  "issuers[].partner.clientId": {
    en: "The client id registered at the EHR for partner programs' staff (launch.html?iss=…&as=partner). Register it with the partner scopes only.",
    es: "El client id registrado en el EHR para el personal de los programas aliados (launch.html?iss=…&as=partner). Regístrelo solo con los permisos de aliados.",
  },
  "issuers[].partner.scopes.v2": {
    en: "Scopes partner staff ask for (SMART v2): their program's Tasks, the referrals and consents those point to, a minimal Patient view, the directory, and the referral back's three creates. Never the clinic's scopes.",
    es: "Permisos que pide el personal de los aliados (SMART v2): las tareas de su programa, las remisiones y consentimientos a los que apuntan, una vista mínima del paciente, el directorio y las tres creaciones de una remisión de vuelta.",
  },
  "issuers[].partner.scopes.v1": {
    en: "The same partner scopes in SMART v1 form.",
    es: "Los mismos permisos de aliados en formato SMART v1.",
  },
  "issuers[].standalone": {
    en: "List this server in the standalone-launch chooser (needs an exact iss).",
    es: "Mostrar este servidor al elegir servidor en un inicio independiente (requiere un iss exacto).",
  },
};

/** "safetyCards[2].title.es" → "safetyCards[].title.<lang>" (when that key is documented). */
export function docKey(path: string, docs: Record<string, Doc>): string | undefined {
  const generic = path.replace(/\[\d+\]/g, "[]");
  if (docs[generic]) return generic;
  const localized = generic.replace(/\.[a-z]{2,3}$/, ".<lang>");
  if (docs[localized]) return localized;
  // Per-partner labels: resourceCard.partnerLabels.<Organization id>.<lang>
  const perPartner = localized.replace(/^(resourceCard\.partnerLabels)\.[^.]+\./, "$1.<id>.");
  return docs[perPartner] ? perPartner : undefined;
}

/** Flattens JSON into leaf paths in the loadConfig formatPath style: a.b[0].c. */
export function flatten(json: unknown, prefix = ""): { path: string; value: unknown }[] {
  if (Array.isArray(json)) {
    if (json.every((v) => typeof v !== "object" || v === null))
      return json.map((v, i) => ({ path: `${prefix}[${i}]`, value: v }));
    return json.flatMap((v, i) => flatten(v, `${prefix}[${i}]`));
  }
  if (json && typeof json === "object") {
    return Object.entries(json as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [{ path: prefix || "(top level)", value: json }];
}
