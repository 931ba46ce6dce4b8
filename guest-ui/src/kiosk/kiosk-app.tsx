import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Language } from "../i18n";
import { createIdleTimer, IDLE_AFTER_MS } from "./idle-timer";
import { IdleScreen } from "./idle-screen";
import { getKioskScreen, KioskApiError, pairKiosk, sendKioskMessage } from "./kiosk-api";
import { connectKiosk } from "./kiosk-connection";
import { storedScreen, storedToken, storeScreen, storeToken } from "./kiosk-storage";
import type { KioskScreen } from "./kiosk-types";
import { KIOSK_WORDS, PAIRING_WORDS } from "./kiosk-words";
import { MessagePanel } from "./message-panel";
import { codeInAddress } from "./pairing-code";
import { pairingError } from "./pairing-error";
import { PairingScreen } from "./pairing-screen";

const ALL_LANGUAGES = Object.keys(KIOSK_WORDS) as Language[];
/** While the appliance is away, the screen is asked for again this often (the socket also retries). */
const SCREEN_RETRY_MS = 5_000;

const isLanguage = (code: string): code is Language => Object.hasOwn(KIOSK_WORDS, code);

/**
 * The screen's languages first (its first is the kiosk's own), then every other language the
 * page speaks: a guest reads the buttons in their language even where the property wrote
 * no emergency text in it (that text then shows in the kiosk's own language).
 */
function offeredLanguages(screen: KioskScreen | null): Language[] {
  const offered = (screen?.languages ?? []).map((code) => code.toLowerCase()).filter(isLanguage);
  return [...new Set([...offered, ...ALL_LANGUAGES])];
}


export function KioskApp() {
  const [token, setToken] = useState(storedToken);
  const [screen, setScreen] = useState(storedScreen);
  const [online, setOnline] = useState(true);
  const [notice, setNotice] = useState<string>();
  const [pairError, setPairError] = useState<string>();
  const [pairing, setPairing] = useState(false);
  const languages = offeredLanguages(screen);
  const [language, setLanguage] = useState<Language>(languages[0] ?? "en");
  const [panel, setPanel] = useState<"idle" | "message">("idle");

  const showScreen = useCallback((next: KioskScreen) => {
    setScreen(next);
    storeScreen(next);
  }, []);

  const unpair = useCallback(() => {
    storeToken(null);
    storeScreen(null);
    setToken(null);
    setScreen(null);
    setPanel("idle");
    setNotice(PAIRING_WORDS.unpaired);
  }, []);

  const pair = useCallback(async (code: string) => {
    setPairing(true);
    setPairError(undefined);
    try {
      const { token: paired } = await pairKiosk(code);
      storeToken(paired);
      storeScreen(null);
      setScreen(null);
      setNotice(undefined);
      setToken(paired);
    } catch (error) {
      setPairError(pairingError(error));
    } finally {
      setPairing(false);
    }
  }, []);

  // `?code=` pairs at once; the code leaves the address so a reload does not send it again.
  useEffect(() => {
    const { code, cleaned } = codeInAddress(location.href);
    if (code === null) return;
    history.replaceState(history.state, "", cleaned);
    void pair(code);
  }, [pair]);

  // The content, then live updates; a refusal is asked about over HTTP (401: unpaired).
  const loadScreen = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      clearTimeout(retry);
      try {
        const next = await getKioskScreen(token);
        if (stopped) return;
        showScreen(next);
      } catch (error) {
        if (stopped) return;
        if (error instanceof KioskApiError && error.status === 401) {
          unpair();
          return;
        }
        setOnline(false);
        retry = setTimeout(load, SCREEN_RETRY_MS);
      }
    };
    loadScreen.current = () => void load();
    void load();
    const connection = connectKiosk(token, {
      online: () => {
        setOnline(true);
        void load();
      },
      offline: () => setOnline(false),
      refused: () => void load(),
      screen: showScreen,
      revoked: unpair,
      reload: () => location.reload(),
    });
    return () => {
      stopped = true;
      clearTimeout(retry);
      connection.close();
    };
  }, [token, showScreen, unpair]);

  // A quiet minute: back to the idle screen, in the kiosk's own language.
  const defaultLanguage = languages[0] ?? "en";
  useEffect(() => {
    if (!token) return;
    // `data-kiosk-idle` on <html> tells the shell (kiosk/) it may dim the screen; a touch wakes it.
    const root = document.documentElement;
    const timer = createIdleTimer(() => {
      setPanel("idle");
      setLanguage(defaultLanguage);
      root.dataset.kioskIdle = "true";
    }, IDLE_AFTER_MS);
    const touched = () => {
      delete root.dataset.kioskIdle;
      timer.touched();
    };
    const events = ["pointerdown", "keydown", "input"] as const;
    for (const name of events) document.addEventListener(name, touched, { passive: true });
    return () => {
      timer.stop();
      for (const name of events) document.removeEventListener(name, touched);
    };
  }, [token, defaultLanguage]);

  useEffect(() => {
    document.documentElement.lang = token ? language : "en";
  }, [token, language]);

  if (!token) return <PairingScreen notice={notice} error={pairError} busy={pairing} onPair={(code) => void pair(code)} />;

  const words = KIOSK_WORDS[language];
  const shown = languages.includes(language) ? language : defaultLanguage;
  return (
    <>
      {!online && (
        <p class="kiosk-offline" role="status">
          {words.offline}
        </p>
      )}
      {screen ? (
        <IdleScreen
          screen={screen}
          language={shown}
          languages={languages}
          onLanguage={setLanguage}
          // Calls come here once the kiosk can call; until then the guest leaves a message.
          onCall={() => setPanel("message")}
          onMessage={() => setPanel("message")}
        />
      ) : (
        <main class="kiosk-loading" aria-busy="true" />
      )}
      {panel === "message" && (
        <MessagePanel
          words={words}
          intro={words.messageIntro}
          onSend={async (text, name, clientId) => {
            await sendKioskMessage(token, { text, ...(name ? { name } : {}), language: shown, clientId });
          }}
          onClose={() => setPanel("idle")}
        />
      )}
    </>
  );
}
