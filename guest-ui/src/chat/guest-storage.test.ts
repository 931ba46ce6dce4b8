import { describe, expect, it } from "vitest";
import { adoptFormerRecord, memoryStore, readGuestRecord, storageKey, writeGuestRecord } from "./guest-storage";

describe("a chat kept under the property's former link", () => {
  it("moves to the new link when nothing is kept there yet, newest former link first", () => {
    const store = memoryStore();
    writeGuestRecord(store, "casa-azul", { token: "older", conversationId: "c1", queue: [] });
    writeGuestRecord(store, "casa-azul-2", { token: "newer", conversationId: "c2", queue: [] });
    expect(adoptFormerRecord(store, "casa-azul-lisboa", ["casa-azul-2", "casa-azul"])).toBe(true);
    expect(readGuestRecord(store, "casa-azul-lisboa")).toMatchObject({ token: "newer", conversationId: "c2" });
    expect(store.getItem(storageKey("casa-azul-2"))).toBeNull();
    // Carried over once: the next load finds the chat where it is now.
    expect(adoptFormerRecord(store, "casa-azul-lisboa", ["casa-azul-2", "casa-azul"])).toBe(false);
  });

  it("keeps messages typed but not yet sent", () => {
    const store = memoryStore();
    writeGuestRecord(store, "old", { queue: [{ clientId: "k1", text: "Is the pool open?", typedAt: "2026-11-29T10:00:00Z" }] });
    expect(adoptFormerRecord(store, "new", ["old"])).toBe(true);
    expect(readGuestRecord(store, "new").queue.map((m) => m.text)).toEqual(["Is the pool open?"]);
  });

  it("leaves a conversation already kept under the current link alone", () => {
    const store = memoryStore();
    writeGuestRecord(store, "new", { token: "current", queue: [] });
    writeGuestRecord(store, "old", { token: "former", queue: [] });
    expect(adoptFormerRecord(store, "new", ["old"])).toBe(false);
    expect(readGuestRecord(store, "new").token).toBe("current");
    expect(readGuestRecord(store, "old").token).toBe("former");
  });
});
