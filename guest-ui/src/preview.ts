// The editor's live preview: the admin page frames this page at /r/<slug>?preview=<lang>
// and posts it the settings being edited; they are resolved here with the very code the
// appliance uses once they are saved (guestBlocks), so the preview is the page.
import type { GuestReception } from "@innbox/protocol";
import { PREVIEW_READY, PREVIEW_SETTINGS, guestBlocks, guestLanguage, type PreviewSettingsMessage, type ReceptionSettings } from "@innbox/protocol/reception-view";

/** Whether this page is the editor's preview: asked for by the link, and framed by a page of this appliance. */
export function isPreview(): boolean {
  if (!new URLSearchParams(location.search).has("preview")) return false;
  try {
    return window.parent !== window && window.parent.location.origin === location.origin;
  } catch {
    return false; // framed by another site: not a preview
  }
}

export function previewed(reception: GuestReception, settings: ReceptionSettings): GuestReception {
  const asked = new URLSearchParams(location.search).get("preview");
  const language = guestLanguage(asked, settings.defaultLanguage);
  return {
    ...reception,
    language,
    defaultLanguage: settings.defaultLanguage,
    blocks: guestBlocks(settings, language),
    chatInitialState: settings.chatInitialState,
    useGuestLocation: settings.useGuestLocation,
  };
}

/** Listens for the editor's settings and says the page is ready for them; returns the way to stop. */
export function listenForSettings(onSettings: (settings: ReceptionSettings) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || event.origin !== location.origin) return;
    const data = event.data as Partial<PreviewSettingsMessage> | null;
    if (data?.type === PREVIEW_SETTINGS && data.settings && Array.isArray(data.settings.blocks)) onSettings(data.settings);
  };
  window.addEventListener("message", onMessage);
  window.parent.postMessage({ type: PREVIEW_READY }, location.origin);
  return () => window.removeEventListener("message", onMessage);
}
