import { describe, expect, it } from "vitest";
import { createClusterer } from "@/lib/cluster/clusterer";
import { clustererConfigArg, parseClustererConfig } from "./config-schema";

describe("parseClustererConfig", () => {
  it("accepts options the clusterer has, nested ones included, and they reach it", () => {
    const config = parseClustererConfig(
      '{"threshold":0.25,"rejoinSingletons":false,"features":{"maxBodyWords":200},"time":{"halfLifeDays":7}}',
    );
    const { options } = createClusterer(config);
    expect(options.threshold).toBe(0.25);
    expect(options.rejoinSingletons).toBe(false);
    expect(options.features.maxBodyWords).toBe(200);
    expect(options.features.titleWeight).toBe(3);
    expect(options.time.halfLifeDays).toBe(7);
  });

  it("rejects a misspelt option rather than measuring the defaults", () => {
    expect(() => parseClustererConfig('{"treshold":0.25}')).toThrow(/treshold/);
    expect(() => parseClustererConfig('{"features":{"titleWieght":2}}')).toThrow(/titleWieght/);
  });

  it("rejects a value of the wrong type and text that is not JSON", () => {
    expect(() => parseClustererConfig('{"threshold":"0.25"}')).toThrow(/at "threshold"/);
    expect(() => parseClustererConfig('{"rejoinSingletons":1}')).toThrow(/at "rejoinSingletons"/);
    expect(() => parseClustererConfig("{threshold: 0.25}")).toThrow(/not JSON/);
    expect(() => parseClustererConfig("[1]")).toThrow(/clusterer config/);
  });

  it("as a command-line argument schema: the config, or one issue with the same message", () => {
    expect(clustererConfigArg.parse('{"splitNcut":0}')).toEqual({ splitNcut: 0 });
    const bad = clustererConfigArg.safeParse('{"treshold":0.25}');
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['clusterer config: Unrecognized key: "treshold"']);
  });
});
