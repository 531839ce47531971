import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { ensureDebianCommands } from "../../harness/provision/apt.ts";

const CHROMIUM = process.env.OCF_CHROMIUM ?? "chromium";

/** Headless Chromium, installed from Debian as the engine is where missing (root and apt; else the fix is named); OCF_CHROMIUM names another. */
export async function ensureChromium(): Promise<void> {
  if (!process.env.OCF_CHROMIUM) await ensureDebianCommands({ chromium: "chromium" });
}

/** A report page as Chromium renders it (its scripts run), with a screenshot for a reader at `screenshot`. */
export async function rendered(page: string, screenshot: string): Promise<string> {
  // A profile of its own: two Chromiums on one profile hand the page to the first and print nothing.
  const profile = mkdtempSync(join(tmpdir(), "ocf-chromium-"));
  try {
    const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,900", "--virtual-time-budget=20000", `--user-data-dir=${profile}`];
    await execa(CHROMIUM, [...flags, `--screenshot=${screenshot}`, `file://${page}`], { timeout: 60_000 });
    // The report is a script-built page: a dump taken before its results list rendered is taken again.
    let dom = "";
    for (let attempt = 0; attempt < 3 && !dom.includes('data-testid="tab-all"'); attempt++) dom = (await execa(CHROMIUM, [...flags, "--dump-dom", `file://${page}`], { timeout: 60_000 })).stdout;
    return dom;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The count an Allure 3 report shows on a status tab ("Passed 1"), or 0 when it shows no such tab. */
export const tabCount = (dom: string, status: string) => Number(new RegExp(`data-testid="tab-${status}"[^>]*>[\\s\\S]*?data-testid="counter"[^>]*>(\\d+)<`).exec(dom)?.[1] ?? 0);
