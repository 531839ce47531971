import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { coverageJsonSchemas } from "../../harness/coverage/json-schema.ts";
import { jsonSchemas, renderJsonSchema } from "../../harness/scenario/json-schema.ts";
import { scenariosDir } from "../../harness/scenario/load-scenarios.ts";

test.each(Object.entries({ ...jsonSchemas, ...coverageJsonSchemas }))("scenarios/%s is generated from the zod schema and up to date (npm run schema)", (name, schema) => {
  expect(readFileSync(join(scenariosDir, name), "utf8")).toBe(renderJsonSchema(schema));
});
