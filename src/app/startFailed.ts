import { pickUiLanguage } from "../content/lang";

/** When the app's own files could not be fetched (the network went away after the launch). */
export function showStartFailed(container: HTMLElement): void {
  container.setAttribute("aria-busy", "false");
  container.textContent =
    pickUiLanguage() === "es"
      ? "La aplicación no pudo iniciarse. Vuelva a cargar la página."
      : "The app could not start. Reload the page.";
}
