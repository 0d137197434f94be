import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language";

describe("detectLanguage", () => {
  const samples: Array<[string, string]> = [
    ["en", "The Kremlin said the meeting with the American envoy was constructive and very useful for both sides."],
    [
      "uk",
      "Кремль заявив, що зустріч Путіна та американського посланця була конструктивною і дуже корисною для обох сторін.",
    ],
    [
      "ru",
      "Кремль заявил, что встреча Путина и американского посланника была конструктивной и очень полезной для обеих сторон.",
    ],
    ["zh", "俄罗斯总统普京在克里姆林宫会见了美国特使，双方就乌克兰问题进行了长达三个小时的会谈。"],
    ["ar", "التقى الرئيس الروسي بالمبعوث الأمريكي في الكرملين لمناقشة الأزمة الأوكرانية لمدة ثلاث ساعات."],
    [
      "fr",
      "Le Kremlin a déclaré que la rencontre avec l'envoyé américain avait été constructive et très utile pour les deux parties.",
    ],
    [
      "de",
      "Der Kreml erklärte, das Treffen mit dem amerikanischen Gesandten sei konstruktiv und für beide Seiten sehr nützlich gewesen.",
    ],
    [
      "es",
      "El Kremlin afirmó que la reunión con el enviado estadounidense fue constructiva y muy útil para ambas partes.",
    ],
    ["hi", "रूसी राष्ट्रपति ने क्रेमलिन में अमेरिकी दूत से मुलाकात की और दोनों पक्षों ने यूक्रेन संकट पर विस्तार से चर्चा की।"],
    ["ja", "ロシアのプーチン大統領はクレムリンで米国の特使と会談し、ウクライナ情勢について三時間にわたって協議した。"],
  ];

  it.each(samples)("recognises %s", (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("returns null for text too short to judge", () => {
    expect(detectLanguage("")).toBeNull();
    expect(detectLanguage("Kyiv, 25 April")).toBeNull();
    expect(detectLanguage("19:45 https://example.com/a-very-long-url-path-here 2025")).toBeNull();
  });

  it("ignores URLs when judging non-Latin prose", () => {
    const text =
      "Кремль заявил, что встреча была конструктивной и очень полезной. https://news.example.com/kremlin-says-meeting-was-useful-and-constructive";
    expect(detectLanguage(text)).toBe("ru");
  });
});
