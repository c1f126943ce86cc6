import { failureOf } from "../fhir/failures";
import type { UiLanguage } from "../content/lang";
import { FailureAlert } from "./FailureAlert";
import { useText } from "./staffLanguage";

// What a list says besides its items: the load failure (with a retry), the records the server
// sent that could not be read (so a list never claims to be empty when it is not), and the empty
// state — only when it is true.

const UNREADABLE: Record<UiLanguage, (n: number, noneShown: boolean) => string> = {
  en: (n, none) =>
    `${n === 1 ? "1 record" : `${n} records`} could not be read and ${n === 1 ? "is" : "are"} not shown${
      none ? "" : "; the rest are below"
    }. Check again; if this stays, tell IT: the server sent ${n === 1 ? "it" : "them"} in a form this app cannot read.`,
  es: (n, none) =>
    `No se ${n === 1 ? "pudo leer 1 registro" : `pudieron leer ${n} registros`}; no se ${n === 1 ? "muestra" : "muestran"}${
      none ? "" : " (los demás están abajo)"
    }. Vuelva a buscar; si sigue así, avise a TI: el servidor ${n === 1 ? "lo envió" : "los envió"} en una forma que esta aplicación no puede leer.`,
};

export interface ListQuery {
  data: unknown;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export function ListState({
  query,
  shown,
  unreadable,
  what,
  empty,
  testId,
}: {
  query: ListQuery;
  /** How many items the list shows under its current filter. */
  shown: number;
  /** How many records of the answer could not be read. */
  unreadable: number;
  /** What failed, in the screen's words, when the list could not be loaded. */
  what: string;
  /** The empty state, said only when the server sent nothing this filter shows. */
  empty: string;
  testId: string;
}) {
  const unreadableText = useText(UNREADABLE);
  return (
    <>
      {query.isError && (
        <FailureAlert
          failure={failureOf(query.error)}
          what={what}
          onRetry={() => void query.refetch()}
          testId={`${testId}-failure`}
        />
      )}
      {unreadable > 0 && (
        <p role="status" className="note" data-testid={`${testId}-unreadable`}>
          {unreadableText(unreadable, shown === 0)}
        </p>
      )}
      {query.data !== undefined && shown === 0 && unreadable === 0 && (
        <p data-testid={`${testId}-empty`}>{empty}</p>
      )}
    </>
  );
}
