import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiFetch } from "./api-fetch.js";

function answer(status: number, body?: unknown, contentType = "application/json") {
  const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(text, { status, headers: { "content-type": contentType } }));
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("apiFetch", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends JSON with the headers given and resolves with the answer", async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal("fetch", fetch);
    await expect(apiFetch({ method: "POST", path: "/api/x", body: { a: 1 }, headers: { "X-CSRF-Token": "c" } })).resolves.toEqual({ ok: true });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/x");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", body: '{"a":1}' });
    expect(init?.headers).toEqual({ Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": "c" });
  });

  it("answers undefined for 204", async () => {
    vi.stubGlobal("fetch", answer(204));
    await expect(apiFetch({ method: "DELETE", path: "/api/x" })).resolves.toBeUndefined();
  });

  it("turns the appliance's error body into an ApiError with the fields it names", async () => {
    vi.stubGlobal(
      "fetch",
      answer(400, {
        error: "2 fields need attention.",
        details: [
          { field: "slug", message: "Too short." },
          { field: "slug", message: "Lower-case only." },
          { field: "latitude", message: "Give the latitude too." },
        ],
      }),
    );
    const error = await refusal(apiFetch({ method: "PATCH", path: "/api/property", body: {} }));
    expect(error.status).toBe(400);
    expect(error.message).toBe("2 fields need attention.");
    expect(error.details.map((detail) => detail.field)).toEqual(["slug", "slug", "latitude"]);
    expect(error.offline).toBe(false);
  });

  it("words a refusal without an error body, and no answer at all, as the page asks", async () => {
    const words = { network: "No answer.", unexpected: (status: number) => `Error ${status}.` };
    vi.stubGlobal("fetch", answer(502, "<html>Bad gateway</html>", "text/html"));
    expect((await refusal(apiFetch({ method: "GET", path: "/api/x" }, words))).message).toBe("Error 502.");
    expect((await refusal(apiFetch({ method: "GET", path: "/api/x" }))).message).toBe("HTTP 502");

    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const offline = await refusal(apiFetch({ method: "GET", path: "/api/x" }, words));
    expect(offline).toMatchObject({ status: 0, message: "No answer.", offline: true });
    expect((await refusal(apiFetch({ method: "GET", path: "/api/x" }))).message).toBe("Failed to fetch");
  });
});
