import type { UiLanguage } from "../../content/lang";
import type { CheckStatus } from "./checks";

// Staff-facing text of the IT diagnostics screen. Check names and fixes are technical and stay
// in English (they are what IT searches for and quotes to the EHR vendor).

const en = {
  title: "IT diagnostics",
  intro:
    "Checks whether the connected FHIR server can run the app: its SMART configuration, its CapabilityStatement against the app's requirements, and the scopes this launch was granted. Each failed check says how to fix it.",
  server: "FHIR server",
  runAgain: "Run the checks again",
  running: "Checking…",
  allPass: "All required checks pass.",
  someFail: (n: number) => `${n} check${n === 1 ? "" : "s"} failed: see the fixes below.`,
  groups: {
    smart: "SMART configuration",
    capability: "CapabilityStatement against the app's requirements",
    scopes: "Granted scopes against needed scopes",
    partner: "What this partner program's account can read (counts only)",
    roundtrip: "Write-and-read round trip",
  },
  check: "Check",
  result: "Result",
  detailAndFix: "What was found, and the fix",
  fix: "Fix:",
  status: {
    pass: "Pass",
    fail: "Fail",
    advisory: "Advisory",
    info: "Note",
    skipped: "Skipped",
  } satisfies Record<CheckStatus, string>,
  sandboxDetected:
    "This is the repository's sandbox EHR: a harmless test write (one test resource, then read back) is allowed.",
  notSandbox:
    "This is not the sandbox EHR, so nothing is written unless you switch it on for a test server.",
  allowWrite: "This is a test server: allow one harmless test write",
  runRoundTrip: "Run the write-and-read round trip",
};

export type DiagnosticsStrings = typeof en;

const es: DiagnosticsStrings = {
  title: "Diagnóstico para TI",
  intro:
    "Comprueba si el servidor FHIR conectado puede usar la aplicación: su configuración SMART, su CapabilityStatement frente a los requisitos de la aplicación y los permisos (scopes) concedidos. Cada comprobación fallida indica cómo corregirla.",
  server: "Servidor FHIR",
  runAgain: "Repetir las comprobaciones",
  running: "Comprobando…",
  allPass: "Todas las comprobaciones obligatorias se cumplen.",
  someFail: (n) =>
    n === 1
      ? "Falló 1 comprobación: vea la corrección abajo."
      : `Fallaron ${n} comprobaciones: vea las correcciones abajo.`,
  groups: {
    smart: "Configuración SMART",
    capability: "CapabilityStatement frente a los requisitos de la aplicación",
    scopes: "Permisos concedidos frente a permisos necesarios",
    partner: "Lo que puede leer la cuenta de este programa aliado (solo recuentos)",
    roundtrip: "Prueba de escritura y lectura",
  },
  check: "Comprobación",
  result: "Resultado",
  detailAndFix: "Qué se encontró y cómo corregirlo",
  fix: "Corrección:",
  status: {
    pass: "Correcto",
    fail: "Falla",
    advisory: "Recomendación",
    info: "Nota",
    skipped: "Omitida",
  },
  sandboxDetected:
    "Este es el EHR de prueba (sandbox) del repositorio: se permite una escritura de prueba inofensiva (un recurso de prueba que luego se lee).",
  notSandbox:
    "Este no es el EHR de prueba, así que no se escribe nada salvo que lo active para un servidor de pruebas.",
  allowWrite: "Es un servidor de pruebas: permitir una escritura de prueba inofensiva",
  runRoundTrip: "Hacer la prueba de escritura y lectura",
};

export const DIAGNOSTICS_TEXT: Record<UiLanguage, DiagnosticsStrings> = { en, es };
