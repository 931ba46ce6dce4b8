import type { ChatMessage } from "@innbox/protocol";
import { describe, expect, it } from "vitest";
import { markDelivered, mergeMessages } from "./merge-messages";

const msg = (id: string, createdAt: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, from: "guest", text: id, createdAt, ...extra });

describe("mergeMessages", () => {
  it("keeps one copy per id, oldest first", () => {
    const a = msg("a", "2026-05-01T10:00:00.000Z");
    const b = msg("b", "2026-05-01T10:01:00.000Z");
    const c = msg("c", "2026-05-01T10:02:00.000Z");
    expect(mergeMessages([a, c], [b, c]).map((m) => m.id)).toEqual(["a", "b", "c"]);
  });

  it("never loses a delivery time a newer copy lacks", () => {
    const delivered = msg("a", "2026-05-01T10:00:00.000Z", { deliveredAt: "2026-05-01T10:00:05.000Z" });
    const stale = msg("a", "2026-05-01T10:00:00.000Z");
    expect(mergeMessages([delivered], [stale])[0]?.deliveredAt).toBe("2026-05-01T10:00:05.000Z");
  });

  it("marks one message delivered", () => {
    const list = [msg("a", "2026-05-01T10:00:00.000Z"), msg("b", "2026-05-01T10:01:00.000Z")];
    const next = markDelivered(list, "b", "2026-05-01T10:02:00.000Z");
    expect(next[1]?.deliveredAt).toBe("2026-05-01T10:02:00.000Z");
    expect(next[0]).toBe(list[0]);
    expect(markDelivered(next, "zzz", "2026-05-01T10:02:00.000Z")).toBe(next);
  });
});
