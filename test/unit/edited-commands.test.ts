import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { editedCommands } from "../../harness/coverage/edited-commands.ts";
import { editedDocs } from "../../harness/docs/edited-docs.ts";
import { editTouchesText } from "../../reports/writers/edited-commands-text.ts";

const work = mkdtempSync(join(tmpdir(), "ocf-edited-commands-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (name: string, commands: string[]) => {
  const root = join(work, name);
  mkdirSync(join(root, "start"), { recursive: true });
  writeFileSync(join(root, "start", "a.md"), `# A\n\nRun:\n\n\`\`\`bash\n${commands.join("\n")}\n\`\`\`\n`);
  return root;
};

test("an edit's commands: one reworded (old → new), one added after it, one removed; the unchanged are not listed", () => {
  const packaged = page("packaged", ["openclaw setup", "openclaw gateway status", "openclaw doctor"]);
  const edited = page("edited", ["openclaw setup", "openclaw gateway statusx", "openclaw gateway probe"]);
  const docs = editedDocs(edited, packaged);
  const commands = editedCommands(docs, packaged, "2026.9.6", []);
  expect(commands).toEqual([
    { file: "docs/start/a.md", was: { command: "openclaw gateway status", line: 7 }, now: { command: "openclaw gateway statusx", line: 7 }, scenarios: [] },
    { file: "docs/start/a.md", was: { command: "openclaw doctor", line: 8 }, now: { command: "openclaw gateway probe", line: 8 }, scenarios: [] },
  ]);
  expect(editTouchesText({ version: "2026.9.6", docs, commands }).split("\n").slice(1)).toEqual([
    "  ~ docs/start/a.md:7  openclaw gateway status → openclaw gateway statusx  · run by no scenario",
    "  ~ docs/start/a.md:8  openclaw doctor → openclaw gateway probe  · run by no scenario",
  ]);
});
