import { describe, expect, it } from "vitest";
import { imagesAsLinks } from "./offsite-images";

describe("article images as links", () => {
  it("shows each outlet image as a link naming its host, and loads none", () => {
    const html = imagesAsLinks(
      `<p>Before</p><figure><img src="https://cdn.outlet.example/a.jpg?x=1&amp;y=2" alt="The &lt;harbour&gt;"><figcaption>Cap</figcaption></figure>` +
        `<p><a href="https://outlet.example/"><img src="http://img.example/b.png"></a></p><img alt="no source">`,
    );
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain(
      `<a href="https://cdn.outlet.example/a.jpg?x=1&amp;y=2" rel="nofollow noopener noreferrer" class="article-image">Image from cdn.outlet.example: The &lt;harbour&gt; — open</a>`,
    );
    // A linked image: no link inside a link, the label stays text.
    expect(html).toContain(
      `<a href="https://outlet.example/"><span class="article-image">[Image from img.example]</span></a>`,
    );
    expect(html).toContain(`<span class="article-image">[Image: no source]</span>`);
    expect(html).toContain("<figcaption>Cap</figcaption>");
  });

  it("leaves HTML without images as it was", () => {
    const html = `<p>Text &amp; more</p>`;
    expect(imagesAsLinks(html)).toBe(html);
  });
});
