import { describe, expect, test } from "vitest";
import { checkVersionSyntax, isVersionRange } from "../../harness/target/openclaw-version.ts";

describe("what --openclaw names", () => {
  test.each([">=2026.8.0", "2026.9.x", ">=2026.5.12 <2026.6.0", "^2026.9.0"])("%s is a range: a matrix of every release in it", (spec) => {
    expect(isVersionRange(spec)).toBe(true);
    expect(() => checkVersionSyntax(spec)).not.toThrow();
  });
  test.each(["2026.5.12", "latest", "beta"])("%s is one release (a version or a dist-tag), not a range", (spec) => {
    expect(isVersionRange(spec)).toBe(false);
    expect(() => checkVersionSyntax(spec)).not.toThrow();
  });
  test.each(["2026.5.12;reboot", ">=2026..8", "$(id)"])("%s is refused before npm is asked", (spec) => {
    expect(() => checkVersionSyntax(spec)).toThrow(/is not an OpenClaw version: .* or a range such as ">=2026\.8\.0"/);
  });
});
