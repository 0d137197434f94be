import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormMessages } from "./form-messages";

const render = (props: { error?: string | null; notice?: string | null }) =>
  renderToStaticMarkup(createElement(FormMessages, props));

describe("FormMessages", () => {
  it("announces an error as an alert, and a notice only when there is no error", () => {
    expect(render({ error: "name is required", notice: "Saved" })).toMatch(
      /^<p role="alert"[^>]*>name is required<\/p>$/,
    );
    expect(render({ notice: "Saved" })).toMatch(/^<p role="status"[^>]*>Saved<\/p>$/);
    expect(render({ error: null, notice: null })).toBe("");
  });

  it("renders a message from the query string as text", () => {
    expect(render({ error: "<img src=x onerror=alert(1)>" })).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
