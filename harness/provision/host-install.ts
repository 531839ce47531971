import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { SUT_PLATFORM } from "../sut/image.ts";
import { HarnessError } from "../util/errors.ts";
import { progress, timed } from "../util/progress.ts";

/**
 * npm install of `dependencies` into `installDir` on the host (it reaches the registry; the SUT
 * never does), with our Node on PATH, unless `isCurrent` says the tree there is already it.
 * A failed install leaves no half tree behind.
 */
export async function installOnHost(installDir: string, dependencies: Record<string, string>, isCurrent: () => boolean): Promise<void> {
  if (existsSync(join(installDir, "node_modules")) && isCurrent()) return;
  await rm(installDir, { recursive: true, force: true });
  await mkdir(installDir, { recursive: true });
  await writeFile(join(installDir, "package.json"), JSON.stringify({ private: true, dependencies }, null, 2));
  const what = Object.entries(dependencies).map(([name, spec]) => `${name}@${spec}`).join(" ");
  progress(`npm install ${what} into ${installDir}`);
  try {
    await timed("npm install done", () =>
      execa("npm", ["install", "--omit=dev", ...SUT_PLATFORM.npm, "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: installDir,
        // Install scripts (OpenClaw's preinstall checks the Node it runs on) get our Node, not the system's.
        env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
        stdout: "ignore",
        stderr: "inherit",
      }),
    );
  } catch (error) {
    await rm(installDir, { recursive: true, force: true });
    throw new HarnessError(`npm install of ${what} failed: ${(error as Error).message}`);
  }
}
