// Its own module so that the launch page, which needs only this, does not load the failures.

/** A short origin for messages, never a full URL (paths can carry ids). */
export function serverLabel(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "the FHIR server";
  }
}
