import type { Code, Heading, Parent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";

/**
 * A stretch of a doc page, as its nodes in document order (parents before their children): the
 * whole page, a `<Tab>`, a `<Step>` or a heading's section. Locators narrow one scope to the next.
 */
export type Scope = RootContent[];

export function scopeOf(parent: Parent): Scope {
  const nodes: Scope = [];
  const walk = (node: Parent) => {
    for (const child of node.children as RootContent[]) {
      nodes.push(child);
      if ("children" in child) walk(child as Parent);
    }
  };
  walk(parent);
  return nodes;
}

export const isJsxElement = (node: RootContent, name: string): node is MdxJsxFlowElement =>
  node.type === "mdxJsxFlowElement" && node.name === name;

export const jsxAttribute = (element: { attributes: MdxJsxFlowElement["attributes"] }, name: string): string | undefined => {
  const attribute = element.attributes.find((candidate) => candidate.type === "mdxJsxAttribute" && candidate.name === name);
  return typeof attribute?.value === "string" ? attribute.value : undefined;
};

export const headingText = (heading: Heading): string => toString(heading).trim();

/**
 * A heading's section: what follows it up to the next heading of the same or a higher level.
 * Headings inside a `<Tab>` are found the same way, since the scope is in document order.
 */
export function sectionOf(scope: Scope, heading: Heading): Scope {
  const start = scope.indexOf(heading) + 1;
  const end = scope.findIndex((node, index) => index >= start && node.type === "heading" && node.depth <= heading.depth);
  return scope.slice(start, end < 0 ? undefined : end);
}

const shellLanguages = new Set(["bash", "sh", "shell", "console", "zsh"]);

/** The blocks a locator's `block` counts: what a person on this machine types into a POSIX shell. */
export const shellBlocks = (scope: Scope): Code[] => scope.filter((node): node is Code => node.type === "code" && shellLanguages.has(node.lang ?? ""));

/** Other shells' blocks: never run here, but docs coverage accounts for them (as another platform's). */
const otherShellLanguages = new Set(["powershell", "ps1", "pwsh", "cmd", "bat", "batch", "fish"]);

/** A block of commands, whichever shell it is for. */
export const isCommandBlock = (code: Code): boolean => shellLanguages.has(code.lang ?? "") || otherShellLanguages.has(code.lang ?? "");

const configLanguages = new Set(["json5", "json", "jsonc", "yaml", "yml", "toml"]);

/** Config examples: the blocks a person pastes into a file rather than a shell. */
export const configBlocks = (scope: Scope): Code[] => scope.filter((node): node is Code => node.type === "code" && configLanguages.has(node.lang ?? ""));
