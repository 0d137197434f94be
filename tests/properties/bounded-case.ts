// Runs one property case and classifies what happened, so that each property states its allowed refusals once.
import type fc from "fast-check";
import { assert as fcAssert } from "fast-check";
import { expect } from "vitest";
import type { z } from "zod";

/** Generous: the slowest healthy case takes tens of milliseconds; a hang or a quadratic blow-up takes seconds. */
export const CASE_BUDGET_MS = 2000;

export interface Refusals {
  /** Error classes that are a typed refusal of the input. */
  classes: (abstract new (
    ...args: never[]
  ) => Error)[];
}

/** The case either returns a value the schema accepts or throws one of the refusals, within the time budget. */
export async function expectBoundedOutcome<T>(
  run: () => T | Promise<T>,
  schema: z.ZodType,
  refusals: Refusals,
  describeInput: () => string,
): Promise<"result" | "refused"> {
  const started = performance.now();
  let error: unknown;
  let value: T | undefined;
  try {
    value = await run();
  } catch (caught) {
    error = caught;
  }
  const ms = performance.now() - started;
  expect(ms, `took ${ms.toFixed(0)} ms on ${describeInput()}`).toBeLessThan(CASE_BUDGET_MS);
  if (error !== undefined) {
    const typed = refusals.classes.some((cls) => error instanceof cls);
    if (!typed) throw new Error(`untyped failure ${String(error)} on ${describeInput()}`, { cause: error });
    return "refused";
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`malformed result on ${describeInput()}: ${parsed.error.message}`);
  return "result";
}

/** Counts cases by outcome, so that the printed line shows a property was not vacuous (all refusals). */
export function outcomeTally(name: string) {
  const counts = { result: 0, refused: 0 };
  return {
    add: (outcome: "result" | "refused") => {
      counts[outcome]++;
    },
    print: () => {
      console.log(
        `${name}: ${counts.result + counts.refused} cases (${counts.result} results, ${counts.refused} typed refusals)`,
      );
      return counts;
    },
  };
}

/**
 * fc.assert with the failure message cut short: a shrunk counterexample of a 500 KB input would otherwise flood the
 * log (the full value is in the error's cause).
 */
export async function assertProperty<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncPropertyWithHooks<Ts>,
  params: fc.Parameters<Ts>,
): Promise<void> {
  try {
    await fcAssert(property, params);
  } catch (error) {
    const message = (error as Error).message;
    const cut = message.length > 3000 ? `${message.slice(0, 1500)}\n…\n${message.slice(-1500)}` : message;
    throw new Error(cut, { cause: error });
  }
}

/** Heap growth across a whole property run: bounded inputs must not leave unbounded garbage or caches behind. */
export function heapMeter() {
  const before = process.memoryUsage().heapUsed;
  return {
    growthMb: () => (process.memoryUsage().heapUsed - before) / 1024 / 1024,
  };
}

export function preview(input: string | Buffer, max = 200): string {
  const text = typeof input === "string" ? input : input.toString("latin1");
  return `${JSON.stringify(text.slice(0, max))}${text.length > max ? `… (${text.length} chars)` : ""}`;
}
