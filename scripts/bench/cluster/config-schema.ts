// A clusterer configuration given on a command line (the benchmarks' `--config`), checked against the options the
// clusterer has: a misspelt or mistyped option is an error, not a run that silently measures the defaults.
import { z } from "zod";
import { defaultClustererOptions, type ClustererConfig } from "@/lib/cluster/clusterer";

/** A strict partial object of the same keys as `defaults`, each of its type (numbers finite). */
function shapeOf(defaults: object): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (typeof value === "number") shape[key] = z.number().finite().optional();
    else if (typeof value === "boolean") shape[key] = z.boolean().optional();
    else if (typeof value === "string") shape[key] = z.string().optional();
    else if (value && typeof value === "object") shape[key] = z.object(shapeOf(value)).strict().optional();
  }
  return shape;
}

export const clustererConfigSchema = z.object(shapeOf(defaultClustererOptions)).strict();

/** Parses a JSON clusterer configuration; throws an Error naming what is wrong. */
export function parseClustererConfig(json: string): ClustererConfig {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`clusterer config is not JSON: ${json}`);
  }
  const parsed = clustererConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length ? ` at "${issue.path.join(".")}"` : "";
    throw new Error(`clusterer config${at}: ${issue.message}`);
  }
  return parsed.data as ClustererConfig;
}

/** A command-line argument holding a clusterer configuration as JSON: parsed to it, or an issue saying what is wrong. */
export const clustererConfigArg = z.string().transform((json, ctx) => {
  try {
    return parseClustererConfig(json);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});
