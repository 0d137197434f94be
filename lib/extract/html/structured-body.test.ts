import { describe, expect, it } from "vitest";
import { loadHtml } from "./index";
import { preferStructuredBody } from "./structured-body";

const story =
  "The council approved the new cycle lanes on Tuesday after a long debate about parking, deliveries and the " +
  "safety of children walking to the two primary schools on the high street, which parents had raised for years. " +
  "Work is due to start in the spring and should take about four months, the transport committee said.";

function candidates() {
  const $ = loadHtml(
    `<body><div id="comments"><p>I think the council wastes our money on everything and nobody listens to us at
    all, every single year it is the same story with the roads and the bins and the parks.</p></div>
    <div id="story"><p>${story}</p></div></body>`,
  );
  return [$("#comments")[0], $("#story")[0]];
}

describe("preferStructuredBody", () => {
  it("switches to the candidate whose words match the JSON-LD articleBody", () => {
    const [comments, body] = candidates();
    expect(preferStructuredBody([comments, body], story)).toBe(body);
  });

  it("keeps the scored choice when articleBody is missing or too short to be evidence", () => {
    const [comments, body] = candidates();
    expect(preferStructuredBody([comments, body], null)).toBe(comments);
    expect(preferStructuredBody([comments, body], "The council approved the new cycle lanes.")).toBe(comments);
  });
});
