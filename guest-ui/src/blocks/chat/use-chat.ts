import { useEffect, useState } from "preact/hooks";
import { guestApi, type Duty } from "../../api/guest-api";
import { browserNetwork } from "../../chat/browser-network";
import { ChatController, type ChatState } from "../../chat/chat-controller";
import { browserStore } from "../../chat/guest-storage";
import { connectGuestSocket } from "../../chat/guest-socket";
import { choice } from "../../i18n";

/** The guest's conversation for this property, live while the block is on the page. */
export function useChat(slug: string, tag: string | undefined, duty: Duty): { state: ChatState; chat: ChatController } {
  const [chat] = useState(
    () =>
      new ChatController({
        slug,
        ...(tag ? { tag } : {}),
        language: choice.language,
        api: guestApi,
        store: browserStore(),
        connectSocket: connectGuestSocket,
        network: browserNetwork(),
        duty,
      }),
  );
  const [state, setState] = useState(() => chat.getState());
  useEffect(() => {
    const unsubscribe = chat.subscribe(setState);
    setState(chat.getState());
    chat.start();
    return () => {
      unsubscribe();
      chat.stop();
    };
  }, [chat]);
  return { state, chat };
}
