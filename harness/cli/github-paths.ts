import { isAbsolute, join, relative } from "node:path";

/**
 * A docs file (`docs/…`) as a pull request's repository names it: under the docs tree's path in
 * the workspace (GITHUB_WORKSPACE on a runner), or, for a package's own docs (or a tree outside
 * the workspace), as OpenClaw's repository lays them out.
 */
export function repoPath(docsRoot: string | undefined, file: string, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()): string {
  const fromWorkspace = docsRoot === undefined ? undefined : relative(workspace, docsRoot);
  if (fromWorkspace === undefined || fromWorkspace.startsWith("..") || isAbsolute(fromWorkspace)) return file;
  return join(fromWorkspace, file.replace(/^docs\//, ""));
}
