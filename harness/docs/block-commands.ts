import type { Code } from "mdast";

/** One command of a shell block, with the docs line it starts on. */
export interface BlockCommand {
  command: string;
  line: number;
}

/** What keeps a command open past the end of a line: a heredoc body, a quote, a bracket, a compound. */
interface OpenState {
  heredocs: string[];
  quote: "'" | '"' | undefined;
  depth: number;
}

const OPENERS = new Set(["if", "case", "do", "{"]);
const CLOSERS = new Set(["fi", "esac", "done", "}"]);

/** Reads one line of shell into the state: what it opens and closes, outside quotes. */
function scanLine(text: string, state: OpenState): void {
  let word = "";
  const endWord = () => {
    if (OPENERS.has(word)) state.depth += 1;
    else if (CLOSERS.has(word)) state.depth -= 1;
    word = "";
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (state.quote) {
      if (char === "\\" && state.quote === '"') index += 1;
      else if (char === state.quote) state.quote = undefined;
      continue;
    }
    if (char === "\\") {
      index += 1;
      continue;
    }
    if (char === "#" && word === "" && (index === 0 || /\s/.test(text[index - 1]!))) break;
    if (char === "'" || char === '"') {
      state.quote = char;
      continue;
    }
    const heredoc = /^<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(text.slice(index));
    if (heredoc) {
      state.heredocs.push(heredoc[2]!);
      index += heredoc[0].length - 1;
      continue;
    }
    if (char === "(") state.depth += 1;
    else if (char === ")") state.depth -= 1;
    if (/[\s;&|()]/.test(char)) endWord();
    else word += char;
  }
  endWord();
}

/**
 * Commands in a block, each with its offset (0-based line in the block): one per line, backslash
 * continuations joined; a heredoc, an open quote, bracket or compound (`if … fi`, `do … done`)
 * keeps the command going over the next lines, as a shell reads it. Comment lines drop.
 */
function commandsOf(block: string): { command: string; offset: number }[] {
  const commands: { command: string; offset: number }[] = [];
  const lines = block.split("\n");
  let pending: { lines: string[]; offset: number } | undefined;
  let state: OpenState = { heredocs: [], quote: undefined, depth: 0 };
  for (let index = 0; index < lines.length; index += 1) {
    let text = lines[index]!;
    const first = index;
    // A backslash at the end joins the next line, outside a heredoc body.
    while (!state.heredocs.length && text.trimEnd().endsWith("\\") && index + 1 < lines.length) {
      text = `${text.trimEnd().slice(0, -1).trimEnd()} ${lines[++index]!.trim()}`;
    }
    if (state.heredocs.length) {
      pending!.lines.push(text);
      if (text.trim() === state.heredocs[0]) state.heredocs.shift();
    } else {
      const trimmed = text.trim();
      if (!pending && (!trimmed || trimmed.startsWith("#"))) continue;
      pending ??= { lines: [], offset: first };
      pending.lines.push(pending.lines.length ? text.trimEnd() : trimmed);
      scanLine(text, state);
    }
    if (!state.heredocs.length && !state.quote && state.depth <= 0) {
      commands.push({ command: pending!.lines.join("\n").trim(), offset: pending!.offset });
      pending = undefined;
      state = { heredocs: [], quote: undefined, depth: 0 };
    }
  }
  if (pending) commands.push({ command: pending.lines.join("\n").trim(), offset: pending.offset });
  return commands;
}

/** The commands of a block's text, as a person would type them one at a time. */
export const splitCommands = (block: string): string[] => commandsOf(block).map(({ command }) => command);

/** A block's commands, each with the line of the page it starts on (the fence is the block's first line). */
export function blockCommands(block: Code): BlockCommand[] {
  const firstLine = (block.position?.start.line ?? 0) + 1;
  return commandsOf(block.value).map(({ command, offset }) => ({ command, line: firstLine + offset }));
}
