import { z } from "zod";
import { Exclusions, PageSet, PromiseExclusions } from "./schema.ts";

/** JSON Schemas of coverage's data files (under scenarios/coverage/), for editor completion. */
export const coverageJsonSchemas = {
  "coverage/pages.schema.json": z.toJSONSchema(PageSet, { io: "input", unrepresentable: "any" }),
  "coverage/exclusions.schema.json": z.toJSONSchema(Exclusions, { io: "input", unrepresentable: "any" }),
  "coverage/promise-exclusions.schema.json": z.toJSONSchema(PromiseExclusions, { io: "input", unrepresentable: "any" }),
};
