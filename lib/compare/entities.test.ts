import { describe, expect, it } from "vitest";
import { buildEntityIndex, findMentions } from "./entities";

describe("entities", () => {
  const texts = [
    "Russian President Vladimir Putin met US envoy Steve Witkoff at the Kremlin in Moscow.",
    "Putin told CNN the Ministry of Foreign Affairs would reply. Zelenskyy and Volodymyr Zelensky are one man.",
  ];
  const index = buildEntityIndex(texts);
  const mentions = texts
    .flatMap((t) => findMentions(t, index))
    .map((m) => `${m.type}:${m.key.split(":")[1]}:${m.name}`);

  it("types people, places and organisations and folds a lone surname into the full name", () => {
    // Demonyms ("Russian") are descriptions, not mentions of the place.
    expect(mentions).toEqual([
      "person:putin:Vladimir Putin",
      "place:united states:United States",
      "person:witkoff:Steve Witkoff",
      "organisation:kremlin:Kremlin",
      "place:moscow:Moscow",
      "person:putin:Vladimir Putin",
      "organisation:cnn:CNN",
      "organisation:ministry of foreign affairs:Ministry of Foreign Affairs",
      "person:zelensky:Volodymyr Zelensky",
      "person:zelensky:Volodymyr Zelensky",
    ]);
  });

  it("does not take a sentence-initial capital for a name", () => {
    expect(findMentions("Earlier talks failed. Notably nothing changed.", index)).toEqual([]);
  });
});
