import type { NetworkWatch } from "./chat-controller";

/** The browser's own idea of being online, and the page coming back into view. */
export function browserNetwork(): NetworkWatch {
  return {
    isOnline: () => navigator.onLine !== false,
    subscribe(onChange, onResume) {
      const online = () => onChange(true);
      const offline = () => onChange(false);
      const visible = () => {
        if (document.visibilityState === "visible") onResume();
      };
      window.addEventListener("online", online);
      window.addEventListener("offline", offline);
      document.addEventListener("visibilitychange", visible);
      return () => {
        window.removeEventListener("online", online);
        window.removeEventListener("offline", offline);
        document.removeEventListener("visibilitychange", visible);
      };
    },
  };
}
