import type { UiLanguage } from "../../../content/lang";

// The configuration screen's staff text (English and Spanish).

export const SETTINGS_TEXT = {
  en: {
    title: "Clinic configuration",
    intro:
      "The settings in effect, read from the files deployed next to the app. IT changes them by editing the files (no rebuild); the README documents every field.",
    field: "Field",
    value: "Value",
    meaning: "What it does",
    check: "Check",
    ok: "OK",
    valid: (file: string) => `${file}: every field is valid.`,
    invalid: (file: string, n: number) => `${file}: ${n} problem${n === 1 ? "" : "s"}.`,
    missing: "(missing)",
    undocumented: "Not a known setting: check the spelling against the README.",
    loading: "Reading the configuration…",
    unreadable: (file: string, why: string) => `${file} could not be read: ${why}`,
    fix: "Fix:",
  },
  es: {
    title: "Configuración de la clínica",
    intro:
      "La configuración vigente, leída de los archivos publicados junto a la aplicación. TI la cambia editando los archivos (sin recompilar); el README documenta cada campo.",
    field: "Campo",
    value: "Valor",
    meaning: "Para qué sirve",
    check: "Revisión",
    ok: "Correcto",
    valid: (file: string) => `${file}: todos los campos son válidos.`,
    invalid: (file: string, n: number) => `${file}: ${n} problema${n === 1 ? "" : "s"}.`,
    missing: "(falta)",
    undocumented: "No es una opción conocida: revise la ortografía según el README.",
    loading: "Leyendo la configuración…",
    unreadable: (file: string, why: string) => `No se pudo leer ${file}: ${why}`,
    fix: "Corrección:",
  },
} satisfies Record<UiLanguage, unknown>;
