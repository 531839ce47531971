import { expect, test } from "vitest";
import { DocDriftError } from "../../harness/docs/doc-drift.ts";
import { chooseOptional, optionalParts } from "../../harness/docs/synopsis.ts";

const synopsis = "openclaw models auth list [--provider <id>] [--json]";

test("a synopsis is typed with none, all or the named [optional] parts", () => {
  expect(chooseOptional(synopsis, "here", "none")).toBe("openclaw models auth list");
  expect(chooseOptional(synopsis, "here", "all")).toBe("openclaw models auth list --provider <id> --json");
  expect(chooseOptional(synopsis, "here", ["--json"])).toBe("openclaw models auth list --json");
});

test("brackets inside quotes or inside a word are not optional parts", () => {
  expect(optionalParts(`openclaw gateway call logs.tail --params '{"ids": [1, 2]}'`)).toEqual([]);
  expect(optionalParts(`openclaw config set agents.defaults.models["openai/gpt-5.5"].alias x`)).toEqual([]);
  expect(optionalParts("openclaw x [--a [--b]]").map((part) => part.text)).toEqual(["[--a [--b]]"]);
});

test("nothing is chosen silently: a synopsis without a choice, a choice it lacks, a choice for a plain command", () => {
  expect(() => chooseOptional(synopsis, "docs/cli/models.md:319", undefined)).toThrow(DocDriftError);
  expect(() => chooseOptional(synopsis, "docs/cli/models.md:319", undefined)).toThrow(/docs\/cli\/models\.md:319 is a synopsis with \[optional\] parts/);
  expect(() => chooseOptional(synopsis, "here", ["--plain"])).toThrow(/has no optional part \[--plain\]/);
  expect(() => chooseOptional("openclaw models list", "here", "none")).toThrow(/no longer has \[optional\] parts/);
});
