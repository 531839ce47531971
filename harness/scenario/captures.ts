/** The `{{name}}` references in a text, in order, each once. */
export function captureRefs(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{([a-z0-9-]+)\}\}/g)].map((match) => match[1]!))];
}

/**
 * Values one step prints and a later one needs ("paste the token printed above"): captured by a
 * regex with one group, pasted wherever a scenario writes `{{name}}`.
 */
export class Captures {
  private readonly values = new Map<string, string>();

  /** Takes what the patterns find in a step's output and returns it; a pattern that finds nothing takes nothing. */
  take(output: string, patterns: Record<string, string>): Record<string, string> {
    const found: Record<string, string> = {};
    for (const [name, pattern] of Object.entries(patterns)) {
      const match = new RegExp(pattern, "m").exec(output);
      const value = match?.[1] ?? match?.[0];
      if (value === undefined) continue;
      found[name] = value;
      this.values.set(name, value);
    }
    return found;
  }

  /** A value the person holds before any step (an API key the world issued). */
  give(name: string, value: string): void {
    this.values.set(name, value);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Names used in the text that no earlier step captured (its output did not show them). */
  unknownIn(text: string): string[] {
    return captureRefs(text).filter((name) => !this.has(name));
  }

  paste(text: string): string {
    return text.replace(/\{\{([a-z0-9-]+)\}\}/g, (whole, name: string) => this.values.get(name) ?? whole);
  }

  pasteAll(values: Record<string, string> = {}): Record<string, string> {
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, this.paste(value)]));
  }
}
