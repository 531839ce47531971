import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dirSync } from "tmp-promise";
import { describe, expect, test } from "vitest";
import { findQuote } from "../../harness/docs/find-quote.ts";

// A quote is a promise: a heading, a title, a card, the front matter or a label that introduces a
// block cannot be broken by what a command does, so a claim quoting one is refused (check: bad input).
const docs = dirSync({ unsafeCleanup: true }).name;
mkdirSync(join(docs, "cli"), { recursive: true });
writeFileSync(
  join(docs, "cli", "page.md"),
  [
    "---",
    'summary: "Manage the widget service"',
    "---",
    "",
    "## Manage the widget service",
    "",
    "`widget install` writes the unit file and starts the service.",
    "",
    "Or via CLI:",
    "",
    "```bash",
    "widget install",
    "```",
    "",
    '<Tabs>\n  <Tab title="Linux user service">',
    "    The service restarts on failure. Use `widget logs <id>` to read its log.",
    "  </Tab>\n</Tabs>",
    "",
    '<Card title="Widgets" href="/widgets">\n  Everything about widgets.\n</Card>',
  ].join("\n"),
);

const kind = (quote: string) => findQuote(docs, "cli/page.md", quote).notAPromise;

describe("what a quote is", () => {
  test("a sentence of prose is a promise, placeholders and all", () => {
    expect(kind("`widget install` writes the unit file and starts the service.")).toBeUndefined();
    expect(kind("Use `widget logs <id>` to read its log.")).toBeUndefined();
  });
  test.each([
    ["a heading", "Manage the widget service", "a heading"],
    ["a label ending in a colon", "Or via CLI:", 'a label ending in ":"'],
    ["the same label without its colon", "Or via CLI", 'a label ending in ":"'],
    ["a tab title", "Linux user service", "a tab, step, accordion or card title, or a card's blurb"],
    ["a card's blurb", "Everything about widgets.", "a tab, step, accordion or card title, or a card's blurb"],
  ])("%s is not", (_, quote, what) => expect(kind(quote)).toBe(what));
  test("front matter alone is not", () => {
    writeFileSync(join(docs, "cli", "front.md"), '---\nsummary: "Install, start and stop the service"\n---\n\nBody text here.\n');
    expect(findQuote(docs, "cli/front.md", "Install, start and stop the service").notAPromise).toBe("the page's front matter");
  });
});
