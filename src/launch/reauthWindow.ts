// The small window in which the app signs in again when a session ended mid-task
// (src/app/reauthorize.ts). It lands on the app's redirect URI like any sign-in; instead of
// starting the app there, it hands the authorization server's answer (code and state, or the
// error) to the window that opened it — same origin only — and closes. That window exchanges
// the code itself, with the PKCE verifier only it holds.

export const REAUTH_WINDOW = "warm-referral-sign-in-again";
export const REAUTH_MESSAGE = "warm-referral:sign-in-again";
/** sessionStorage: the EHR launch's `launch` parameter, for signing in again from the same chart. */
export const LAUNCH_KEY = "warm-referral:launch";

/** True when this page is the sign-in window and has handed its answer over (then: do nothing). */
export function handOverSignIn(win: Window = window): boolean {
  if (win.name !== REAUTH_WINDOW) return false;
  const opener = win.opener as Window | null;
  if (!opener) return false;
  try {
    opener.postMessage({ type: REAUTH_MESSAGE, search: win.location.search }, win.location.origin);
  } catch {
    return false;
  }
  win.close();
  return true;
}
