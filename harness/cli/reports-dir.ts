import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { BadInputError } from "../util/errors.ts";
import { projectRoot } from "../util/paths.ts";

/** Left in every reports directory we write, so a later run knows the folder is ours to empty. */
const MARKER = ".openclaw-conformance-reports";

/**
 * Checks that the reports directory is ours to empty: new, empty, or marked by an earlier run.
 * `OCF_REPORTS_DIR=~` must never cost anybody their home directory.
 */
export function checkReportsDir(dir: string): void {
  const target = resolve(dir);
  const precious = ["/", homedir(), projectRoot, process.cwd()].map((path) => resolve(path));
  if (precious.includes(target)) throw new BadInputError(`refusing to use ${target} as the reports directory: it would be emptied; set OCF_REPORTS_DIR to a folder of its own`);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new BadInputError(`the reports directory ${target} is a file; set OCF_REPORTS_DIR to a folder`);
    const entries = readdirSync(target);
    // The project's own reports/output is ours by definition (ignored by git, written only by us).
    if (entries.length && !entries.includes(MARKER) && target !== resolve(projectRoot, "reports", "output")) {
      throw new BadInputError(`refusing to empty ${target}: it holds files that are not reports of ours (no ${MARKER}); set OCF_REPORTS_DIR to a new or empty folder`);
    }
  }
}

/** Allure's history of earlier runs (trends, each test's history): the one file a new run keeps. */
export const ALLURE_HISTORY_FILE = "allure-history.jsonl";

/** Empties the reports directory for a new run, once `checkReportsDir` has said it is ours; Allure's history stays. */
export async function prepareReportsDir(dir: string): Promise<void> {
  checkReportsDir(dir);
  const target = resolve(dir);
  const history = join(target, ALLURE_HISTORY_FILE);
  const kept = existsSync(history) ? await readFile(history) : undefined;
  // Emptied, not removed: the folder may be a mount point (the harness's own container binds it).
  await mkdir(target, { recursive: true });
  await Promise.all(readdirSync(target).map((entry) => rm(join(target, entry), { recursive: true, force: true })));
  await writeFile(join(target, MARKER), "This folder holds openclaw-conformance reports; each run empties it, but for Allure's history.\n");
  if (kept) await writeFile(history, kept);
}
