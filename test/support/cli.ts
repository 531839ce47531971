import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The engine and installer commands the CLI tried to run (it finds stand-ins that only record). */
  provisioningCalls: string[];
}

/**
 * Runs the CLI as a user would, with stand-ins for docker, dockerd, apt-get and debootstrap
 * first on PATH that only record being called: bad input must be caught before any engine is
 * installed, started or built, and this shows whether it was.
 */
export async function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<CliResult> {
  const bin = mkdtempSync(join(tmpdir(), "ocf-cli-bin-"));
  const calls = join(bin, "calls.log");
  for (const command of ["docker", "dockerd", "apt-get", "debootstrap"]) {
    writeFileSync(join(bin, command), `#!/bin/sh\necho "${command} $*" >> "${calls}"\nexit 1\n`);
    chmodSync(join(bin, command), 0o755);
  }
  try {
    const result = await execa(process.execPath, ["harness/cli/main.ts", ...args], {
      reject: false,
      env: { PATH: `${bin}:${process.env.PATH}`, OCF_REPORTS_DIR: join(bin, "reports"), ...env },
      timeout: timeoutMs,
    });
    return {
      exitCode: result.exitCode ?? -1,
      stdout: String(result.stdout),
      stderr: String(result.stderr),
      provisioningCalls: existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : [],
    };
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}
