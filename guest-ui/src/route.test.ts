import { describe, expect, it } from "vitest";
import { displayTag, readReceptionLink } from "./route";

describe("readReceptionLink", () => {
  it("reads the slug and the room tag", () => {
    expect(readReceptionLink("/r/hotel-miramar", "?t=Room12")).toEqual({ slug: "hotel-miramar", tag: "Room12" });
    expect(readReceptionLink("/r/hotel-miramar/", "")).toEqual({ slug: "hotel-miramar" });
  });

  it("leaves out a tag the appliance would refuse", () => {
    expect(readReceptionLink("/r/hotel-miramar", "?t=%3Cscript%3E")).toEqual({ slug: "hotel-miramar" });
    expect(readReceptionLink("/r/hotel-miramar", `?t=${"x".repeat(41)}`)).toEqual({ slug: "hotel-miramar" });
  });

  it("rejects paths that are not a reception link", () => {
    expect(readReceptionLink("/r/", "")).toBeNull();
    expect(readReceptionLink("/r/a/b", "")).toBeNull();
    expect(readReceptionLink("/r/Bad%20Slug!", "")).toBeNull();
  });
});

describe("displayTag", () => {
  it("puts a space between words and numbers", () => {
    expect(displayTag("Room12")).toBe("Room 12");
    expect(displayTag("Suite_3")).toBe("Suite 3");
    expect(displayTag("Room 12")).toBe("Room 12");
  });
});
