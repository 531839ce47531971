import { execa } from "execa";
import { EnvironmentError } from "../util/errors.ts";
import { progress } from "../util/progress.ts";

/** Taken by every install this harness starts, so that two never meet at apt's own lock. */
const APT_LOCK = "/var/lock/openclaw-conformance-apt.lock";

/** The shell test for a command on the PATH: here, and again under the lock. */
const found = (command: string) => `command -v ${command} >/dev/null`;

async function hasCommand(command: string): Promise<boolean> {
  const { exitCode } = await execa("sh", ["-c", found(command)], { reject: false });
  return exitCode === 0;
}

/**
 * Makes sure each command exists, installing its Debian package when it does not.
 * Needs root and apt; otherwise says exactly what to install.
 */
export async function ensureDebianCommands(needs: Record<string, string>): Promise<void> {
  const absent: string[] = [];
  for (const command of Object.keys(needs)) if (!(await hasCommand(command))) absent.push(command);
  if (absent.length === 0) return;
  const missing = absent.map((command) => needs[command]!);
  const fix = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) throw new EnvironmentError(`missing ${missing.join(", ")}; run as root: ${fix}`);
  if (!(await hasCommand("apt-get"))) throw new EnvironmentError(`missing ${missing.join(", ")} and no apt-get here; install them by hand`);
  progress(`installing ${missing.join(" ")} from Debian`);
  // Under one lock for every launcher of this machine, and the commands looked for again inside it:
  // two test files that both found Chromium missing raced for apt's own lock, and the loser failed
  // (exit 100) while the winner installed it.
  const stillMissing = absent.map((command) => `! ${found(command)}`).join(" || ");
  const install = `if ${stillMissing}; then apt-get update -qq && apt-get install -y -qq ${missing.join(" ")}; fi`;
  await execa("flock", [APT_LOCK, "sh", "-c", install], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "ignore",
    stderr: "inherit",
  });
}
