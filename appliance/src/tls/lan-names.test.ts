import { describe, expect, it } from "vitest";
import { lanNames, sameNames } from "./lan-names.js";

const iface = (address: string, internal = false, family: "IPv4" | "IPv6" = "IPv4") => ({ address, internal, family, netmask: "", mac: "", cidr: null }) as never;

describe("the names the HTTPS certificate is for", () => {
  it("lists the host name, its .local name, every LAN IPv4 address, localhost and 127.0.0.1", () => {
    const names = lanNames({
      hostname: "FrontDesk",
      interfaces: { lo: [iface("127.0.0.1", true)], eth0: [iface("192.168.1.10"), iface("fe80::1", false, "IPv6")], wlan0: [iface("10.0.0.5")] },
    });
    expect(names).toEqual(["frontdesk", "frontdesk.local", "localhost", "10.0.0.5", "127.0.0.1", "192.168.1.10"]);
  });

  it("adds publicUrl's host, and leaves out an IPv6 one", () => {
    expect(lanNames({ hostname: "box", interfaces: {}, publicUrl: "https://desk.example.com/" })).toContain("desk.example.com");
    expect(lanNames({ hostname: "box", interfaces: {}, publicUrl: "http://[fd00::2]:8080" })).toEqual(["box", "box.local", "localhost", "127.0.0.1"]);
  });

  it("keeps a host name that already has a domain as it is, and skips one that is not a DNS name", () => {
    expect(lanNames({ hostname: "box.lan", interfaces: {} })).toEqual(["box.lan", "localhost", "127.0.0.1"]);
    expect(lanNames({ hostname: "my_box!", interfaces: {} })).toEqual(["localhost", "127.0.0.1"]);
  });

  it("compares lists of names whatever their order and case", () => {
    expect(sameNames(["a", "127.0.0.1"], ["127.0.0.1", "A"])).toBe(true);
    expect(sameNames(["a"], ["a", "b"])).toBe(false);
  });
});
