import { CreateGuestSessionBody } from "@innbox/protocol";
import { describe, expect, it } from "vitest";
import { TAG_MAX_LENGTH, readReceptionLink } from "./route";

describe("readReceptionLink", () => {
  it("reads the slug and the room tag, as given", () => {
    expect(readReceptionLink("/r/hotel-miramar", "?t=Room12")).toEqual({ slug: "hotel-miramar", tag: "Room12" });
    expect(readReceptionLink("/r/hotel-miramar", "?t=Room%2012")).toEqual({ slug: "hotel-miramar", tag: "Room 12" });
    expect(readReceptionLink("/r/hotel-miramar", "?t=suite_3b")).toEqual({ slug: "hotel-miramar", tag: "suite_3b" });
    expect(readReceptionLink("/r/hotel-miramar", "?t=%E6%88%BF%E9%97%B48")).toEqual({ slug: "hotel-miramar", tag: "房间8" });
    expect(readReceptionLink("/r/hotel-miramar/", "")).toEqual({ slug: "hotel-miramar" });
    expect(readReceptionLink("/r/hotel-miramar", "?t=%20")).toEqual({ slug: "hotel-miramar" });
  });

  it("refuses, rather than drops, a tag the appliance would refuse", () => {
    expect(readReceptionLink("/r/hotel-miramar", "?t=%3Cscript%3E")).toEqual({ slug: "hotel-miramar", refusedTag: { tag: "<script>", reason: "characters" } });
    const long = "x".repeat(TAG_MAX_LENGTH + 1);
    expect(readReceptionLink("/r/hotel-miramar", `?t=${long}`)).toEqual({ slug: "hotel-miramar", refusedTag: { tag: long, reason: "long" } });
    expect(readReceptionLink("/r/hotel-miramar", `?t=${"x".repeat(TAG_MAX_LENGTH)}`)?.tag).toHaveLength(TAG_MAX_LENGTH);
  });

  it("takes exactly the tags the appliance takes", () => {
    const appliance = (tag: string) => CreateGuestSessionBody.safeParse({ slug: "hotel-miramar", tag }).success;
    const page = (tag: string) => readReceptionLink("/r/hotel-miramar", `?t=${encodeURIComponent(tag)}`)?.tag !== undefined;
    for (const tag of ["Room12", "Room 12", "R".repeat(40), "R".repeat(41), "Zimmer #3", "a.b_c-d", "房间 8", "Room<12>", "Room/12", "Room—12", "Номер 5"]) {
      expect(page(tag), tag).toBe(appliance(tag));
    }
  });

  it("rejects paths that are not a reception link", () => {
    expect(readReceptionLink("/r/", "")).toBeNull();
    expect(readReceptionLink("/r/a/b", "")).toBeNull();
    expect(readReceptionLink("/r/Bad%20Slug!", "")).toBeNull();
  });
});
