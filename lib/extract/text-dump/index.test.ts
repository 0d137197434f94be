import { describe, expect, it } from "vitest";
import { ExtractionError } from "@/lib/extract/types";
import { extractTextDump } from "./index";

const UKRAINIAN_DUMP = `Головна Новини Політика Економіка
Укр Рус Eng
Підписатися
Уряд схвалив нову програму відновлення енергетики
Ірина Коваленко, Петро Шевчук 14 березня 2025, 10:30
Фото: пресслужба уряду
Кабінет міністрів у п'ятницю схвалив програму відновлення енергетичної інфраструктури, пошкодженої внаслідок обстрілів, повідомили в уряді.
Реклама
За словами прем'єр-міністра, на першому етапі буде відновлено шість теплоелектростанцій та понад двадцять підстанцій у прифронтових областях.
Програма передбачає залучення коштів міжнародних партнерів і державного бюджету, а також спрощені процедури закупівель для енергетичних компаній.
Читайте також: Як пережити зиму без світла
Експерти вважають, що виконання програми дозволить уникнути тривалих відключень електроенергії наступної зими.
Підтримайте нас на Patreon!
Теги: енергетика уряд
Останні новини
10:15
Парламент ухвалив закон про бюджет
09:50
У Києві відкрили новий міст
Коментарі
Олег: Нарешті хоч щось роблять для людей, дуже сподіваюся, що цього разу все вийде і взимку буде світло.
© 2025 Всі права захищені`;

describe("extractTextDump on a Ukrainian dump with its own furniture", () => {
  const article = extractTextDump(UKRAINIAN_DUMP);
  const paragraphs = article.text.split("\n\n");

  it("keeps exactly the four body paragraphs", () => {
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^Кабінет міністрів у п'ятницю схвалив/);
    expect(paragraphs[3]).toMatch(/^Експерти вважають/);
  });

  it("drops menus, ads, read-also links, tags, news lists and comments", () => {
    for (const furniture of [
      "Головна",
      "Реклама",
      "Читайте також",
      "Теги",
      "Останні новини",
      "10:15",
      "Коментарі",
      "Нарешті",
      "©",
      "Фото",
    ]) {
      expect(article.text, furniture).not.toContain(furniture);
    }
  });

  it("reads headline, byline, date and language", () => {
    expect(article.title).toBe("Уряд схвалив нову програму відновлення енергетики");
    expect(article.byline).toBe("Ірина Коваленко, Петро Шевчук");
    expect(article.publishedAt?.toISOString()).toBe("2025-03-14T00:00:00.000Z");
    expect(article.language).toBe("uk");
  });
});

describe("extractTextDump on repeated and oddly formatted input", () => {
  it("keeps a paragraph that the page prints twice only once", () => {
    const dump = [
      "Storm closes schools across the region",
      "Heavy snow closed more than two hundred schools across the region on Tuesday, officials said.",
      "Road crews worked through the night, but several mountain passes remained shut to all traffic.",
      "Heavy snow closed more than two hundred schools across the region on Tuesday, officials said!",
      "Forecasters expect the snow to ease by Thursday, when temperatures should climb above freezing.",
    ].join("\n");
    const article = extractTextDump(dump);
    expect(article.text.split("\n\n")).toHaveLength(3);
    expect(article.title).toBe("Storm closes schools across the region");
  });

  it("normalises whitespace and separates paragraphs by exactly one blank line", () => {
    const dump =
      "Title of the piece here\r\n\r\n\r\n  First  paragraph\u00A0of the article, long enough to count as prose here.  \r\n\r\n\r\n\tSecond paragraph of the article follows with another complete sentence.\r\n";
    const article = extractTextDump(dump);
    expect(article.text).toBe(
      "First paragraph of the article, long enough to count as prose here.\n\nSecond paragraph of the article follows with another complete sentence.",
    );
  });

  it("rejoins sentences that a hard-wrapped dump split across lines", () => {
    const dump =
      "Veteran actress Kate Henshaw, winner of the award for Best Actress,\nhas taken to her Instagram page to share\nsome stunning photos of herself.\nFans praised the pictures within hours of the post going up online.";
    expect(extractTextDump(dump).text).toBe(
      "Veteran actress Kate Henshaw, winner of the award for Best Actress, has taken to her Instagram page to share some stunning photos of herself.\n\nFans praised the pictures within hours of the post going up online.",
    );
  });

  it("takes the article, not the longer comment thread below it", () => {
    const article = [
      "Apple plans a new laptop with a redesigned keyboard in the first half of next year, according to industry sources.",
      "The report claims the display size will remain the same, although the bezels may be slimmer than before.",
    ];
    const comments = Array.from(
      { length: 2 },
      (_, i) =>
        `User${i}: I think this is great news and I would buy one immediately, the old keyboard was awful for years and years.`,
    );
    const dump = ["Apple to refresh its small laptop", ...article, "Comments", ...comments].join("\n");
    expect(extractTextDump(dump).text).toBe(article.join("\n\n"));
  });

  it("escapes the HTML and renders bullets as a list", () => {
    const dump = [
      "Budget <script> vote delayed",
      "Lawmakers said the <b>budget</b> vote would be delayed by a week & more talks were needed.",
      "• The opposition demanded a full audit of last year's spending before any vote.",
      "• The finance minister said the delay would not affect salaries or pensions.",
    ].join("\n");
    const article = extractTextDump(dump);
    expect(article.html).toBe(
      "<p>Lawmakers said the &lt;b&gt;budget&lt;/b&gt; vote would be delayed by a week &amp; more talks were needed.</p>\n" +
        "<ul><li>The opposition demanded a full audit of last year&#39;s spending before any vote.</li>" +
        "<li>The finance minister said the delay would not affect salaries or pensions.</li></ul>",
    );
    expect(article.text).toContain("\n\n• The opposition demanded");
  });

  it("uses the caller's URL for outlet, date and, without a headline line, the title", () => {
    const dump =
      "The central bank raised its key rate by half a point on Thursday, its third increase this year.\nAnalysts had expected a smaller move after inflation slowed in the spring.";
    const article = extractTextDump(dump, {
      url: "https://www.theguardian.com/business/2025/06/12/central-bank-raises-key-rate",
    });
    expect(article.source).toEqual({ name: "The Guardian", domain: "theguardian.com" });
    expect(article.publishedAt?.toISOString()).toBe("2025-06-12T00:00:00.000Z");
    expect(article.title).toBe("Central bank raises key rate");
    expect(article.url).toBe("https://www.theguardian.com/business/2025/06/12/central-bank-raises-key-rate");
  });

  it("falls back to the first sentence for a title", () => {
    const dump =
      "Firefighters contained a wildfire near the coast on Sunday after three days of work. No homes were lost.";
    expect(extractTextDump(dump).title).toBe(
      "Firefighters contained a wildfire near the coast on Sunday after three days of work",
    );
  });

  it("credits a contributing agency only when nothing names the publisher", () => {
    const dump =
      "Officials confirmed the talks would resume next week in Geneva, after a pause of several months.\n(With input from Reuters)";
    expect(extractTextDump(dump).source).toEqual({ name: "Reuters", domain: "reuters.com" });
  });
});

describe("extractTextDump rejects input without an article", () => {
  it("throws on empty input", () => {
    expect(() => extractTextDump("")).toThrow(ExtractionError);
    expect(() => extractTextDump(" \n\t\n")).toThrow("empty input");
  });

  it("throws when the dump is only page furniture", () => {
    const dump = [
      "Home News Sport Business",
      "Sorry!!",
      "Error 404: We're sorry, but the page you were looking for doesn't exist.",
      "Advertisement",
      "RECENT NEWS",
      "19:45",
      "Ukraine responds to peace plan",
      "19:13",
      "Gas imports to rise",
      "Subscribe to our newsletter",
      "We use cookies to improve your experience. By continuing you accept our cookie policy.",
      "© 2025 Example Media. All rights reserved.",
    ].join("\n");
    expect(() => extractTextDump(dump)).toThrow(new ExtractionError("no article text found"));
  });
});
