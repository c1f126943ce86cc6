import type { Failure } from "../fhir/failures";
import type { UiLanguage } from "./lang";

// Plain-language text for every failure screen, in English and Spanish. Each says what happened
// and what to do — never "see console".

export interface FailureText {
  title: string;
  message: string;
  fix: string;
  details: string[];
}

/** Which part of the app's registration an authorization error points at. */
function registrationProblem(f: {
  error: string;
  description?: string;
}): "scopes" | "client" | "redirect" | "denied" | "other" {
  if (f.error === "invalid_scope") return "scopes";
  if (/redirect/i.test(`${f.error} ${f.description ?? ""}`)) return "redirect";
  if (f.error === "invalid_client" || f.error === "unauthorized_client") return "client";
  if (f.error === "access_denied") return "denied";
  return "other";
}

type Texts = { [K in Failure["kind"]]: (f: Extract<Failure, { kind: K }>) => FailureText };

const en: Texts = {
  config: (f) => ({
    title: "The app's configuration has a problem",
    message: `${f.file} could not be used.`,
    fix: "Ask your IT team to correct the file as listed below, then launch again.",
    details: f.problems.map((p) => `${p.field}: ${p.message}. ${p.fix}`),
  }),
  "unknown-issuer": (f) => ({
    title: "This EHR is not set up for the app",
    message: `The app was launched from ${f.iss}, which is not listed in public/smart-config.json.`,
    fix: `Ask IT to add an entry to "issuers" in public/smart-config.json with "iss": "${f.iss}" and the client id registered in that EHR.`,
    details: [],
  }),
  "missing-iss": () => ({
    title: "No EHR was given",
    message: "This page starts the sign-in with an EHR, but it was opened without one.",
    fix: "Open the app from the patient's chart in your EHR, or pick a server below.",
    details: [],
  }),
  "no-state": () => ({
    title: "Open the app from the EHR",
    message: "This page was opened directly, so there is no sign-in to continue.",
    fix: "Go back to the patient's chart in your EHR and launch the app from there.",
    details: [],
  }),
  "auth-denied": (f) => ({
    title: "The EHR did not allow the sign-in",
    message: `The authorization server answered "${f.error}"${f.description ? `: ${f.description}` : ""}.`,
    fix: {
      scopes:
        'Ask IT to check the scopes registered for the app in the EHR against the issuer\'s "scopes" in public/smart-config.json.',
      client:
        "Ask IT to check the issuer's \"clientId\" in public/smart-config.json against the app's registration in the EHR (client id, public client, allowed launch types).",
      redirect:
        'Ask IT to check the issuer\'s "redirectUri" in public/smart-config.json: it must match a redirect URI registered for the app in the EHR exactly.',
      denied: "Access was refused. Launch again and allow the app, or ask IT for access.",
      other: "Launch the app again. If it keeps happening, give IT the message above.",
    }[registrationProblem(f)],
    details: [],
  }),
  "token-exchange": (f) => ({
    title: "Sign-in could not be completed",
    message: `The EHR's token service refused to finish the sign-in${f.error ? ` ("${f.error}"${f.description ? `: ${f.description}` : ""})` : ""}${f.status ? ` (HTTP ${f.status})` : ""}.`,
    fix:
      f.error === "invalid_client"
        ? "The client id is not registered in this EHR. Ask IT to check clientId in public/smart-config.json against the EHR's registration."
        : "Launch the app again from the chart. If it keeps happening, give IT the message above.",
    details: [],
  }),
  "not-staff": () => ({
    title: "This tool is for clinic and partner staff",
    message: "There is nothing to see here with this account.",
    fix: "You can close this window. Staff: sign in with your staff account.",
    details: [],
  }),
  "not-allowed": () => ({
    title: "Your role cannot do this",
    message: "This action is not part of your role in the app, so nothing was sent.",
    fix: "Ask a provider on the care team to do it, or ask IT to check your role.",
    details: [],
  }),
  "no-role": (f) => ({
    title: "Your account has no role in this app",
    message:
      f.reason === "advocate-without-program"
        ? "You signed in as a partner advocate, but your account is not linked to a partner program."
        : "None of your account's roles is one this app knows.",
    fix:
      f.reason === "advocate-without-program"
        ? "Ask the clinic's IT team to set the partner program as the Organization of your PractitionerRole, then launch again."
        : 'Ask the clinic\'s IT team to add your PractitionerRole code to "roles" in public/clinic-config.json, then launch again.',
    details: [],
  }),
  "no-patient": () => ({
    title: "No patient is selected",
    message: "The EHR did not tell the app which patient is open.",
    fix: "Open a patient's chart in the EHR and launch the app from there.",
    details: [],
  }),
  scopes: (f) => ({
    title: "The app was not given the access it needs",
    message: "The EHR did not grant the scopes listed below, which the app needs.",
    fix: "Ask IT to allow the listed scopes for the app (and your user), then launch again.",
    details: f.missing,
  }),
  "session-expired": (f) => ({
    title: "Your session has ended",
    message: "The sign-in expired or was ended by the EHR.",
    fix: f.signInAgain
      ? "Choose “Sign in again”: a small window signs you in with the EHR and closes, and the app carries on here. Nothing you entered is lost."
      : "Launch the app again from the patient's chart. Anything you had entered on this screen is still here until you close it.",
    details: [],
  }),
  "sign-in-again": (f) => ({
    title:
      f.reason === "popup-blocked" || f.reason === "closed"
        ? "You are not signed in again yet"
        : "Signed in with another user or patient",
    message:
      f.reason === "popup-blocked"
        ? "The browser blocked the sign-in window."
        : f.reason === "closed"
          ? "The sign-in window was closed before the sign-in finished."
          : f.reason === "other-user"
            ? "The new sign-in is for another user than the one who started here, so nothing was sent or shown."
            : "The new sign-in is for another patient than the one on this screen, so nothing was sent or shown.",
    fix:
      f.reason === "popup-blocked"
        ? "Allow pop-ups for this app in the browser, then choose “Sign in again”. Nothing you entered is lost."
        : f.reason === "closed"
          ? "Choose “Sign in again” and finish the sign-in in the window that opens. Nothing you entered is lost."
          : "Choose “Sign in again” and sign in as yourself, from this patient's chart. Nothing you entered is lost.",
    details: [],
  }),
  "no-answer": (f) => ({
    title: "No answer from the EHR",
    message: f.write
      ? `${f.server} did not answer within ${f.seconds} seconds, so the app cannot tell whether it was saved: it may or may not have been recorded.`
      : `${f.server} did not answer within ${f.seconds} seconds.`,
    fix: f.write
      ? "Try again when ready: the app sends the very same record, so the EHR keeps it once, never twice. If it keeps happening, tell IT the server is slow or stuck."
      : "Wait a moment, then try again. If it keeps happening, tell IT the server is slow or stuck.",
    details: [],
  }),
  unreachable: (f) => ({
    title: "The EHR's server cannot be reached",
    message: `The app could not connect to ${f.server}.`,
    fix: "Check the network connection, wait a moment, then try again. If it persists, tell IT the server may be down.",
    details: [],
  }),
  forbidden: (f) => ({
    title: "The EHR refused this request",
    message: "Your sign-in does not allow this action.",
    fix: "Ask IT whether your role should have access to this, then launch again.",
    details: f.diagnostics,
  }),
  "referral-in-progress": () => ({
    title: "The partner has already started on this referral",
    message:
      "The server holds this referral as first sent, and the program has already acted on it, so your changes were not sent.",
    fix: "Open History to withdraw the referral, then send a new one with the changes.",
    details: [],
  }),
  conflict: () => ({
    title: "Someone else changed this record",
    message: "The record was changed on the server after you opened it, so nothing was saved.",
    fix: "Load the latest version, check it, and save again.",
    details: [],
  }),
  "operation-outcome": (f) => ({
    title: "The EHR reported an error",
    message: `The server could not complete the request (HTTP ${f.status})${f.diagnostics.length ? ". It said:" : ", and gave no reason."}`,
    fix: "Try again. If it keeps happening, give IT the server's message.",
    details: f.diagnostics,
  }),
  "bad-response": (f) => ({
    title: "The EHR sent something the app cannot read",
    message: `The server's answer for ${f.what} was not valid FHIR.`,
    fix: "Try again. If it persists, tell IT: the server's response did not match FHIR R4.",
    details: [],
  }),
  "wrong-patient": () => ({
    title: "The patient changed",
    message:
      "The record the EHR returned does not belong to the patient in this launch, so nothing is shown.",
    fix: "Close this window and launch the app again from the patient's chart.",
    details: [],
  }),
  unexpected: (f) => ({
    title: "Something went wrong",
    message: f.message,
    fix: "Launch the app again. If it keeps happening, tell IT what you were doing.",
    details: [],
  }),
};

const es: Texts = {
  config: (f) => ({
    title: "La configuración de la aplicación tiene un problema",
    message: `No se pudo usar ${f.file}.`,
    fix: "Pida a su equipo de TI que corrija el archivo como se indica abajo y vuelva a abrir la aplicación.",
    details: f.problems.map((p) => `${p.field}: ${p.message}. ${p.fix}`),
  }),
  "unknown-issuer": (f) => ({
    title: "Este EHR no está configurado para la aplicación",
    message: `La aplicación se abrió desde ${f.iss}, que no figura en public/smart-config.json.`,
    fix: `Pida a TI que agregue a "issuers" en public/smart-config.json una entrada con "iss": "${f.iss}" y el client id registrado en ese EHR.`,
    details: [],
  }),
  "missing-iss": () => ({
    title: "No se indicó ningún EHR",
    message: "Esta página inicia la sesión con un EHR, pero se abrió sin ninguno.",
    fix: "Abra la aplicación desde el expediente del paciente en su EHR, o elija un servidor abajo.",
    details: [],
  }),
  "no-state": () => ({
    title: "Abra la aplicación desde el EHR",
    message: "Esta página se abrió directamente, así que no hay una sesión que continuar.",
    fix: "Vuelva al expediente del paciente en su EHR y abra la aplicación desde allí.",
    details: [],
  }),
  "auth-denied": (f) => ({
    title: "El EHR no permitió iniciar la sesión",
    message: `El servidor de autorización respondió "${f.error}"${f.description ? `: ${f.description}` : ""}.`,
    fix: {
      scopes:
        'Pida a TI que compare los permisos (scopes) registrados para la aplicación en el EHR con "scopes" del emisor en public/smart-config.json.',
      client:
        'Pida a TI que compare "clientId" del emisor en public/smart-config.json con el registro de la aplicación en el EHR (client id, cliente público, tipos de lanzamiento permitidos).',
      redirect:
        'Pida a TI que revise "redirectUri" del emisor en public/smart-config.json: debe coincidir exactamente con una URI de redirección registrada para la aplicación en el EHR.',
      denied: "Se negó el acceso. Vuelva a abrir la aplicación y permítala, o pida acceso a TI.",
      other: "Vuelva a abrir la aplicación. Si sigue pasando, dé a TI el mensaje de arriba.",
    }[registrationProblem(f)],
    details: [],
  }),
  "token-exchange": (f) => ({
    title: "No se pudo completar el inicio de sesión",
    message: `El servicio de tokens del EHR rechazó el inicio de sesión${f.error ? ` ("${f.error}"${f.description ? `: ${f.description}` : ""})` : ""}${f.status ? ` (HTTP ${f.status})` : ""}.`,
    fix:
      f.error === "invalid_client"
        ? "El client id no está registrado en este EHR. Pida a TI que revise clientId en public/smart-config.json."
        : "Vuelva a abrir la aplicación desde el expediente. Si sigue pasando, dé a TI el mensaje de arriba.",
    details: [],
  }),
  "not-staff": () => ({
    title: "Esta herramienta es para el personal de la clínica y de sus aliados",
    message: "No hay nada que ver aquí con esta cuenta.",
    fix: "Puede cerrar esta ventana. Personal: inicie sesión con su cuenta de trabajo.",
    details: [],
  }),
  "not-allowed": () => ({
    title: "Su rol no permite esta acción",
    message: "Esta acción no forma parte de su rol en la aplicación, así que no se envió nada.",
    fix: "Pida a un proveedor del equipo que lo haga, o pida a TI que revise su rol.",
    details: [],
  }),
  "no-role": (f) => ({
    title: "Su cuenta no tiene un rol en esta aplicación",
    message:
      f.reason === "advocate-without-program"
        ? "Inició sesión como defensora de un programa aliado, pero su cuenta no está vinculada a ningún programa."
        : "Ninguno de los roles de su cuenta es uno que esta aplicación conozca.",
    fix:
      f.reason === "advocate-without-program"
        ? "Pida al equipo de TI de la clínica que ponga el programa aliado como Organization de su PractitionerRole y vuelva a abrir la aplicación."
        : 'Pida al equipo de TI de la clínica que agregue el código de su PractitionerRole a "roles" en public/clinic-config.json y vuelva a abrir la aplicación.',
    details: [],
  }),
  "no-patient": () => ({
    title: "No hay un paciente seleccionado",
    message: "El EHR no indicó a la aplicación qué paciente está abierto.",
    fix: "Abra el expediente de un paciente en el EHR y abra la aplicación desde allí.",
    details: [],
  }),
  scopes: (f) => ({
    title: "La aplicación no recibió el acceso que necesita",
    message: "El EHR no otorgó los scopes de la lista, que la aplicación necesita.",
    fix: "Pida a TI que permita los scopes de la lista para la aplicación (y su usuario) y vuelva a abrirla.",
    details: f.missing,
  }),
  "session-expired": (f) => ({
    title: "Su sesión terminó",
    message: "El inicio de sesión venció o el EHR lo cerró.",
    fix: f.signInAgain
      ? "Elija «Iniciar sesión de nuevo»: una ventana pequeña inicia la sesión con el EHR y se cierra, y la aplicación sigue aquí. No se pierde nada de lo que escribió."
      : "Vuelva a abrir la aplicación desde el expediente del paciente. Lo que haya escrito en esta pantalla se conserva hasta que la cierre.",
    details: [],
  }),
  "sign-in-again": (f) => ({
    title:
      f.reason === "popup-blocked" || f.reason === "closed"
        ? "Todavía no inició sesión de nuevo"
        : "Inició sesión con otro usuario u otro paciente",
    message:
      f.reason === "popup-blocked"
        ? "El navegador bloqueó la ventana de inicio de sesión."
        : f.reason === "closed"
          ? "La ventana de inicio de sesión se cerró antes de terminar."
          : f.reason === "other-user"
            ? "El nuevo inicio de sesión es de otro usuario, no de quien empezó aquí, así que no se envió ni se mostró nada."
            : "El nuevo inicio de sesión es de otro paciente, no del que está en esta pantalla, así que no se envió ni se mostró nada.",
    fix:
      f.reason === "popup-blocked"
        ? "Permita las ventanas emergentes para esta aplicación y elija «Iniciar sesión de nuevo». No se pierde nada de lo que escribió."
        : f.reason === "closed"
          ? "Elija «Iniciar sesión de nuevo» y termine el inicio de sesión en la ventana que se abre. No se pierde nada de lo que escribió."
          : "Elija «Iniciar sesión de nuevo» e inicie sesión como usted, desde el expediente de este paciente. No se pierde nada de lo que escribió.",
    details: [],
  }),
  "no-answer": (f) => ({
    title: "El EHR no respondió",
    message: f.write
      ? `${f.server} no respondió en ${f.seconds} segundos, así que la aplicación no sabe si se guardó: puede que se haya registrado o no.`
      : `${f.server} no respondió en ${f.seconds} segundos.`,
    fix: f.write
      ? "Intente de nuevo cuando pueda: la aplicación envía exactamente el mismo registro, y el EHR lo guarda una sola vez, nunca dos. Si continúa, avise a TI de que el servidor está lento o detenido."
      : "Espere un momento e intente de nuevo. Si continúa, avise a TI de que el servidor está lento o detenido.",
    details: [],
  }),
  unreachable: (f) => ({
    title: "No se puede conectar con el servidor del EHR",
    message: `La aplicación no pudo conectarse con ${f.server}.`,
    fix: "Revise la conexión, espere un momento e intente de nuevo. Si continúa, avise a TI.",
    details: [],
  }),
  forbidden: (f) => ({
    title: "El EHR rechazó esta solicitud",
    message: "Su sesión no permite esta acción.",
    fix: "Pregunte a TI si su función debería tener este acceso y vuelva a abrir la aplicación.",
    details: f.diagnostics,
  }),
  "referral-in-progress": () => ({
    title: "El programa ya empezó a atender esta remisión",
    message:
      "El servidor tiene la remisión tal como se envió primero y el programa ya actuó sobre ella, así que sus cambios no se enviaron.",
    fix: "Abra el Historial para retirar la remisión y luego envíe una nueva con los cambios.",
    details: [],
  }),
  conflict: () => ({
    title: "Otra persona cambió este registro",
    message:
      "El registro cambió en el servidor después de que usted lo abrió, así que no se guardó nada.",
    fix: "Cargue la versión más reciente, revísela y guarde de nuevo.",
    details: [],
  }),
  "operation-outcome": (f) => ({
    title: "El EHR informó un error",
    message: `El servidor no pudo completar la solicitud (HTTP ${f.status})${f.diagnostics.length ? ". Dijo:" : " y no dio el motivo."}`,
    fix: "Intente de nuevo. Si sigue pasando, dé a TI el mensaje del servidor.",
    details: f.diagnostics,
  }),
  "bad-response": (f) => ({
    title: "El EHR envió algo que la aplicación no puede leer",
    message: `La respuesta del servidor para ${f.what} no era FHIR válido.`,
    fix: "Intente de nuevo. Si continúa, avise a TI: la respuesta no coincide con FHIR R4.",
    details: [],
  }),
  "wrong-patient": () => ({
    title: "El paciente cambió",
    message:
      "El registro que devolvió el EHR no pertenece al paciente de esta sesión, así que no se muestra nada.",
    fix: "Cierre esta ventana y vuelva a abrir la aplicación desde el expediente del paciente.",
    details: [],
  }),
  unexpected: (f) => ({
    title: "Algo salió mal",
    message: f.message,
    fix: "Vuelva a abrir la aplicación. Si sigue pasando, cuente a TI qué estaba haciendo.",
    details: [],
  }),
};

const TEXTS: Record<UiLanguage, Texts> = { en, es };

export function describeFailure(failure: Failure, lang: UiLanguage): FailureText {
  const render = TEXTS[lang][failure.kind] as (f: Failure) => FailureText;
  return render(failure);
}
