import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemas, renderJsonSchema } from "../scenario/json-schema.ts";
import { scenariosDir } from "../scenario/load-scenarios.ts";

// `npm run schema`: regenerates scenarios/*.schema.json after a change to harness/scenario/schema.ts.
for (const [name, schema] of Object.entries(jsonSchemas)) {
  writeFileSync(join(scenariosDir, name), renderJsonSchema(schema));
  console.log(`wrote ${join(scenariosDir, name)}`);
}
