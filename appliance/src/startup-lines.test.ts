import { describe, expect, it } from "vitest";
import { defaultPublicUrl, firstLanAddress } from "./network.js";
import { startupLines } from "./startup-lines.js";

const base = { version: "0.1.0", port: 8080, publicUrlConfigured: false };

describe("the default publicUrl", () => {
  it("is the listen address when the appliance listens on one address", () => {
    expect(defaultPublicUrl(8080, "127.0.0.1")).toBe("http://127.0.0.1:8080");
    expect(defaultPublicUrl(8080, "192.168.1.20")).toBe("http://192.168.1.20:8080");
    expect(defaultPublicUrl(8080, "::1")).toBe("http://[::1]:8080");
  });

  it("is the LAN address when it listens on every interface", () => {
    expect(defaultPublicUrl(8080, "0.0.0.0")).toBe(`http://${firstLanAddress() ?? "localhost"}:8080`);
  });
});

describe("the first log lines", () => {
  it("name the LAN address beside localhost when listening on every interface", () => {
    const { lines } = startupLines({ ...base, host: "0.0.0.0", publicUrl: "http://192.168.1.20:8080", setupToken: "T" });
    expect(lines).toEqual([
      "Innbox 0.1.0 listening on 0.0.0.0:8080: admin page at http://localhost:8080/admin/ (on the LAN: http://192.168.1.20:8080/admin/)",
      "First run: open http://192.168.1.20:8080/admin/setup?token=T to create the manager account (or http://localhost:8080/admin/setup?token=T on this machine).",
    ]);
  });

  it("give one address, and say so, when listening on loopback only", () => {
    const { url, lines } = startupLines({ ...base, host: "127.0.0.1", publicUrl: "http://127.0.0.1:8080", setupToken: "T" });
    expect(url).toBe("http://127.0.0.1:8080");
    expect(lines).toEqual([
      "Innbox 0.1.0 listening on 127.0.0.1:8080 (this machine only): admin page at http://127.0.0.1:8080/admin/",
      "First run: open http://127.0.0.1:8080/admin/setup?token=T to create the manager account.",
    ]);
  });

  it("name a configured publicUrl as the base of links, and leave out the setup line once set up", () => {
    const { lines } = startupLines({ ...base, host: "0.0.0.0", publicUrl: "https://frontdesk.example.com", publicUrlConfigured: true });
    expect(lines).toEqual(["Innbox 0.1.0 listening on 0.0.0.0:8080: admin page at http://localhost:8080/admin/ (links and QR codes use https://frontdesk.example.com/)"]);
  });
});
