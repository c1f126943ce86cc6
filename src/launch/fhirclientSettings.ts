// fhirclient's environment settings, applied on both pages (launch.html authorizes,
// index.html completes the launch and refreshes). They are settings of the page's fhirclient
// instance (`FHIR.oauth2.settings`), not parameters of `authorize()`, which ignores them.

export const FHIRCLIENT_SETTINGS = {
  // A public client (PKCE, no secret) must name itself on the refresh_token grant
  // (RFC 6749 §6 and §3.2.1); fhirclient leaves client_id out unless told, and Epic, Oracle
  // Health and the sandbox then refuse the refresh, which would end the session at the first
  // token expiry.
  refreshTokenWithClientId: true,
} as const;

export function applyFhirclientSettings(settings: Record<string, unknown>): void {
  Object.assign(settings, FHIRCLIENT_SETTINGS);
}
