import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map";

describe("BoundedMap", () => {
  it("keeps at most maxSize entries, forgetting the least recently written", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2).set("a", 3).set("c", 4);
    expect([...map.entries()]).toEqual([
      ["a", 3],
      ["c", 4],
    ]);
  });

  it("is a Map, which is what @upstash/ratelimit checks for", () => {
    expect(new BoundedMap(1)).toBeInstanceOf(Map);
  });
});
