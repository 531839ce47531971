import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { coverageJsonSchemas } from "../coverage/json-schema.ts";
import { jsonSchemas, renderJsonSchema } from "../scenario/json-schema.ts";
import { scenariosDir } from "../scenario/load-scenarios.ts";

// `npm run schema`: regenerates the schemas of scenarios/ after a change to a zod schema of its files.
for (const [name, schema] of Object.entries({ ...jsonSchemas, ...coverageJsonSchemas })) {
  writeFileSync(join(scenariosDir, name), renderJsonSchema(schema));
  console.log(`wrote ${join(scenariosDir, name)}`);
}
