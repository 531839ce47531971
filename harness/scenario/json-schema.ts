import { z } from "zod";
import { KnownDrift, Scenario } from "./schema.ts";

/**
 * JSON Schemas of the scenario files, generated from the zod schemas (never written twice), for
 * editor completion through `# yaml-language-server: $schema=…`. What they describe is what a
 * file may contain as written (zod's input side: durations as text, a heading as text or list).
 */
export const jsonSchemas = {
  "scenario.schema.json": z.toJSONSchema(Scenario, { io: "input", unrepresentable: "any" }),
  "known-drift.schema.json": z.toJSONSchema(KnownDrift, { io: "input", unrepresentable: "any" }),
};

export const renderJsonSchema = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;
