import { afterEach, describe, expect, it, vi } from "vitest";
import { newClientId } from "./client-id.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newClientId", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is a fresh UUID each time", () => {
    const ids = new Set(Array.from({ length: 50 }, newClientId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it("makes a version-4 UUID itself where randomUUID is missing (plain HTTP pages)", () => {
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (bytes: Uint8Array) => real.getRandomValues(bytes) });
    expect(newClientId()).toMatch(UUID_V4);
  });
});
