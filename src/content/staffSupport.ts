import type { UiLanguage } from "./lang";

// The staff support page's own wording (for staff affected by violence, and after a hard
// disclosure). Built into the app, not a content pack, on purpose: the page is offered from the
// launch error screens too, including the one for a broken content or config file. The
// clinic's contacts, policy and leave rules come from clinic-config.json "staffSupport".

const en = {
  close: "Back to the app",
  heading: "Support for staff",
  intro:
    "For you, not for a patient. Many people who work in health care have their own experience of violence at home, in a relationship or at work. This page is private: opening it records nothing, sends nothing and keeps nothing in the browser.",
  talkHeading: "Someone to talk to, in confidence",
  eapFallback:
    "The employee assistance program (EAP) is free and confidential. Human resources can give you its number without asking why.",
  hotlineHeading: "National Domestic Violence Hotline",
  hotline:
    "1-800-799-7233 — 24/7, in more than 170 languages. Text START to 88788, or chat at thehotline.org.",
  safetyHeading: "Safety at work",
  safetyContactLabel: "Workplace safety contact",
  safetyOptions: [
    "a change of schedule, shift or workstation",
    "calls and visitors screened at the front desk",
    "someone to walk with you to your car or the bus",
    "your photo and schedule removed from public pages",
    "a copy of a protection order kept with security, so they know who to watch for",
  ],
  safetyOptionsLead: "You can ask for, for example:",
  policyLabel: "The clinic's policy",
  leaveHeading: "Leave and time off",
  leaveFallback:
    "Many states and employers give paid or unpaid leave to go to court, to medical or counselling appointments, or to move somewhere safe. Human resources can tell you what applies here; you do not have to give details.",
  supervisorHeading: "Talking with your supervisor",
  supervisorFallback:
    "You decide what to share, and it can be short: “Something at home affects my safety. I would like to talk about my schedule and my calls.” You may bring someone with you and ask that it stays confidential, except what is needed to keep you safe.",
  traumaHeading: "After a hard disclosure",
  traumaSteps: [
    "Take a few minutes before the next patient if you can: breathe slowly, drink water, step outside.",
    "Debrief the same day with your supervisor or a colleague you trust — how it was for you, not the patient's details.",
    "Over the next days, notice what stays with you: poor sleep, pictures that come back, numbness, irritability. These are common reactions to hearing about violence, not a weakness.",
    "Keep the boundary: you did your part by listening and offering a connection. The patient and the advocate take it from here.",
    "If it keeps weighing on you, or stirs up something of your own, call the EAP or the hotline. Reaching out is part of doing this work well.",
  ],
  phone: "Phone",
  hours: "Hours",
  email: "Email",
};

export type StaffSupportText = typeof en;

const es: StaffSupportText = {
  close: "Volver a la aplicación",
  heading: "Apoyo para el personal",
  intro:
    "Para usted, no para un paciente. Muchas personas que trabajan en salud han vivido violencia en casa, en una relación o en el trabajo. Esta página es privada: abrirla no registra nada, no envía nada y no guarda nada en el navegador.",
  talkHeading: "Alguien con quien hablar, en confianza",
  eapFallback:
    "El programa de asistencia al empleado (EAP) es gratuito y confidencial. Recursos humanos puede darle su número sin preguntar por qué.",
  hotlineHeading: "Línea Nacional contra la Violencia Doméstica",
  hotline:
    "1-800-799-7233 — 24/7, en más de 170 idiomas. Envíe START al 88788, o chatee en thehotline.org.",
  safetyHeading: "Seguridad en el trabajo",
  safetyContactLabel: "Contacto de seguridad en el trabajo",
  safetyOptions: [
    "un cambio de horario, turno o puesto",
    "llamadas y visitas filtradas en la recepción",
    "alguien que le acompañe hasta su auto o el autobús",
    "que se quiten su foto y su horario de las páginas públicas",
    "una copia de la orden de protección en manos de seguridad, para que sepan a quién vigilar",
  ],
  safetyOptionsLead: "Puede pedir, por ejemplo:",
  policyLabel: "La política de la clínica",
  leaveHeading: "Permisos y tiempo libre",
  leaveFallback:
    "Muchos estados y empleadores dan permiso pagado o no pagado para ir a la corte, a citas médicas o de consejería, o para mudarse a un lugar seguro. Recursos humanos puede decirle qué aplica aquí; no tiene que dar detalles.",
  supervisorHeading: "Hablar con su supervisor",
  supervisorFallback:
    "Usted decide qué contar, y puede ser breve: “Algo en casa afecta mi seguridad. Quisiera hablar de mi horario y de mis llamadas.” Puede ir acompañado y pedir que quede en confidencia, salvo lo necesario para mantenerle a salvo.",
  traumaHeading: "Después de una revelación difícil",
  traumaSteps: [
    "Tómese unos minutos antes del siguiente paciente si puede: respire despacio, tome agua, salga un momento.",
    "Hable ese mismo día con su supervisor o un colega de confianza — cómo fue para usted, no los detalles del paciente.",
    "En los días siguientes, note lo que le queda: mal sueño, imágenes que vuelven, entumecimiento, irritabilidad. Son reacciones comunes al escuchar sobre violencia, no una debilidad.",
    "Mantenga el límite: usted hizo su parte al escuchar y ofrecer una conexión. La paciente y la intercesora siguen desde aquí.",
    "Si le sigue pesando, o le remueve algo propio, llame al EAP o a la línea nacional. Pedir apoyo es parte de hacer bien este trabajo.",
  ],
  phone: "Teléfono",
  hours: "Horario",
  email: "Correo",
};

export const STAFF_SUPPORT: Record<UiLanguage, StaffSupportText> = { en, es };
