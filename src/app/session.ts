import { createContext, useContext } from "react";
import type { Session } from "./boot";

export const SessionContext = createContext<Session | null>(null);

/** The launch's session; features read the patient, user, config and FHIR access from here. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the app");
  return session;
}
