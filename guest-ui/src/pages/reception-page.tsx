import type { GuestBlock, GuestReception } from "@innbox/protocol";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ChatBlock } from "../blocks/chat/chat-block";
import { ChatDock } from "../blocks/chat/chat-dock";
import { ChatPreview } from "../blocks/chat/chat-preview";
import type { BlockContext } from "../blocks/index";
import { BLOCKS } from "../blocks/registry";
import { LanguagePicker } from "../blocks/language-picker";
import { t } from "../i18n";
import type { ReceptionLink } from "../route";

interface Props {
  reception: GuestReception;
  link: ReceptionLink;
  /** The editor's preview frame: nothing starts (no chat, no location prompt). */
  preview: boolean;
}

const colours = (block: GuestBlock) => ({ "--block-text": block.textColor, "--block-background": block.backgroundColor });

/** The Online Reception: the manager's blocks in order, each in its colours, and the chat. */
export function ReceptionPage({ reception, link, preview }: Props) {
  const slug = reception.property.slug;
  const chatBlock = reception.blocks.find((b) => b.id === "chat");
  const mode = reception.chatInitialState;
  const inlineChat = Boolean(chatBlock) && mode === "open";
  const [chatOpen, setChatOpen] = useState(false);
  const openChat = useCallback(() => setChatOpen(true), []);
  const closeChat = useCallback(() => setChatOpen(false), []);
  useEffect(() => {
    if (chatBlock && mode === "open") setChatOpen(false);
  }, [chatBlock, mode]);

  const chatProps = {
    slug,
    tag: link.tag,
    duty: reception.duty,
    timezone: reception.property.timezone,
    heading: chatBlock?.heading,
    welcome: chatBlock?.body,
  };
  const onlyChat = inlineChat && reception.blocks.length === 1;

  return (
    <div class={onlyChat ? "reception reception-chat-only" : "reception"} data-chat={chatBlock ? mode : "none"}>
      <main class="reception-blocks">
        {reception.blocks.map((block) => {
          if (block.id === "chat") {
            if (!inlineChat) return null;
            return (
              <section key="chat" class="block block-chat" data-block="chat" style={colours(block)}>
                {preview ? <ChatPreview heading={block.heading} welcome={block.body} /> : <ChatBlock {...chatProps} />}
              </section>
            );
          }
          const entry = BLOCKS[block.id];
          if (!entry) return null;
          const context: BlockContext = { reception, block, slug, ...(link.tag ? { tag: link.tag } : {}), preview };
          return (
            <section key={block.id} class={`block block-${block.id}`} data-block={block.id} lang={block.language} style={colours(block)}>
              <entry.Block {...context} />
            </section>
          );
        })}
      </main>
      {!onlyChat && (
        <footer class="reception-footer">
          {chatBlock && mode === "hidden" && (
            <button type="button" class="link-button" onClick={openChat}>
              {t.reception.footerChat}
            </button>
          )}
          {!preview && <LanguagePicker current={reception.language} />}
        </footer>
      )}
      {chatBlock && !inlineChat && <ChatDock {...chatProps} mode={mode as "collapsed" | "welcome" | "hidden"} open={chatOpen} onOpen={openChat} onClose={closeChat} preview={preview} />}
    </div>
  );
}
