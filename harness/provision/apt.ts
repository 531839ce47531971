import { execa } from "execa";
import { EnvironmentError } from "../util/errors.ts";
import { progress } from "../util/progress.ts";

async function hasCommand(command: string): Promise<boolean> {
  const { exitCode } = await execa("sh", ["-c", `command -v ${command}`], { reject: false });
  return exitCode === 0;
}

/**
 * Makes sure each command exists, installing its Debian package when it does not.
 * Needs root and apt; otherwise says exactly what to install.
 */
export async function ensureDebianCommands(needs: Record<string, string>): Promise<void> {
  const missing: string[] = [];
  for (const [command, debianPackage] of Object.entries(needs)) {
    if (!(await hasCommand(command))) missing.push(debianPackage);
  }
  if (missing.length === 0) return;
  const fix = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) throw new EnvironmentError(`missing ${missing.join(", ")}; run as root: ${fix}`);
  if (!(await hasCommand("apt-get"))) throw new EnvironmentError(`missing ${missing.join(", ")} and no apt-get here; install them by hand`);
  progress(`installing ${missing.join(" ")} from Debian`);
  await execa("apt-get", ["update", "-qq"], { stdout: "ignore", stderr: "inherit" });
  await execa("apt-get", ["install", "-y", "-qq", ...missing], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "ignore",
    stderr: "inherit",
  });
}
