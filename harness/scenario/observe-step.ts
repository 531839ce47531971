import { SUT_HOME } from "../sut/image.ts";
import type { SeenProcess, SutContainer } from "../sut/sut-container.ts";
import { parseJson, valueAt } from "./json-value.ts";
import type { FileFact, StepObservations } from "./records.ts";
import type { Expectation } from "./schema.ts";

/** The SUT as observation needs it: files, processes and OpenClaw's log. */
export type ObservableSut = Pick<SutContainer, "readFile" | "openclawLog" | "watchProcesses" | "standInSessions" | "markTime" | "filesWrittenSince">;

/** Where a step may write that a `written:` claim looks: the user's home and the temporary folders, and the folders it names. */
const WRITABLE = [SUT_HOME, "/tmp", "/var/tmp"];

/** A path as the claims write it (`~/…` is the OpenClaw user's home) in the container. */
export const inContainer = (path: string) => (path.startsWith("~/") ? `${SUT_HOME}/${path.slice(2)}` : path);

/** An OpenClaw log line (JSON with the message parts under "0", "1", …) as the text a person reads. */
export function logLineText(line: string): string {
  const record = parseJson(line);
  if (!record || typeof record !== "object") return line;
  const entries = Object.entries(record as Record<string, unknown>).filter(([key]) => /^\d+$/.test(key));
  const level = (record as { _meta?: { logLevelName?: string } })._meta?.logLevelName;
  const parts = entries.map(([, value]) => (typeof value === "string" ? value : JSON.stringify(value)));
  return [level, ...parts].filter(Boolean).join(" ");
}

/** Which of the JSON paths a parsed file sets (never their values). */
const setIn = (json: unknown, jsonPaths: string[]): Set<string> => new Set(jsonPaths.filter((at) => valueAt(json, at) !== undefined));

/** Which of the JSON paths are set in a file now; none when it is missing or not JSON. */
async function pathsSet(sut: ObservableSut, path: string, jsonPaths: string[]): Promise<Set<string>> {
  const file = await sut.readFile(inContainer(path));
  const json = file.exists ? parseJson(file.text ?? "") : undefined;
  return json === undefined ? new Set() : setIn(json, jsonPaths);
}

/** What the claims on a step ask of one file: JSON values, texts, and keys that must be gone (with those set before the step). */
type FileAsk = { jsonPaths: string[]; texts: string[]; gone: string[]; setBefore: Set<string> };

async function fileFact(sut: ObservableSut, path: string, { jsonPaths, texts, gone, setBefore }: FileAsk): Promise<FileFact> {
  const file = await sut.readFile(inContainer(path));
  if (!file.exists) return { path, exists: false };
  const holds = texts.length ? { holds: Object.fromEntries(texts.map((text) => [text, (file.text ?? "").includes(text)])) } : {};
  if (!jsonPaths.length && !gone.length) return { path, exists: true, mode: file.mode, ...holds };
  const json = parseJson(file.text ?? "");
  if (json === undefined) return { path, exists: true, mode: file.mode, ...holds, jsonError: "the file is not JSON" };
  const setAfter = setIn(json, gone);
  return {
    path,
    exists: true,
    mode: file.mode,
    ...holds,
    ...(jsonPaths.length ? { json: Object.fromEntries(jsonPaths.map((at) => [at, valueAt(json, at)])) } : {}),
    ...(gone.length ? { gone: Object.fromEntries(gone.map((at) => [at, { before: setBefore.has(at), after: setAfter.has(at) }])) } : {}),
  };
}

/**
 * The command lines of the processes seen, without the harness's own stand-ins (a substitution's
 * gateway and all it started): what the harness started is never evidence of what OpenClaw did.
 */
export function documentedProcesses(seen: readonly SeenProcess[], standIns: readonly number[]): string[] {
  const harness = new Set(standIns);
  return [...new Set(seen.filter((process) => !harness.has(process.session)).map((process) => process.args))];
}

/**
 * Starts watching what the claims on a step ask about (processes while it runs, OpenClaw's log
 * lines it adds, files after it, the files it created or changed), and finishes once the step is done. Nothing is watched for a
 * step no claim asks about, so ordinary steps cost nothing extra. The runner finishes the watch
 * before a substitution's stand-in starts.
 */
export async function watchStep(sut: ObservableSut, expectations: Expectation[]): Promise<() => Promise<StepObservations | undefined>> {
  const files = expectations.flatMap((expect) => expect.file ?? []);
  const wantsLog = expectations.some((expect) => expect.log);
  const processes = expectations.some((expect) => expect.process) ? sut.watchProcesses() : undefined;
  const logBefore = wantsLog ? (await sut.openclawLog()).length : 0;
  const written = expectations.flatMap((expect) => expect.written ?? []);
  const marker = written.length ? await sut.markTime() : undefined;
  const asks = new Map(
    [...new Set(files.map((file) => file.path))].map((path) => {
      const asked = files.filter((file) => file.path === path);
      return [path, {
        jsonPaths: asked.flatMap((file) => file.json?.path ?? []),
        texts: asked.flatMap((file) => [file.includes, file.excludes].filter((text) => text !== undefined)),
        gone: [...new Set(asked.flatMap((file) => file.absent ?? []))],
      }];
    }),
  );
  // A key a claim wants gone must have been there before the step, or its absence proves nothing.
  const setBefore = new Map(await Promise.all([...asks].filter(([, ask]) => ask.gone.length).map(async ([path, ask]) => [path, await pathsSet(sut, path, ask.gone)] as const)));
  return async () => {
    if (!files.length && !wantsLog && !processes && !marker) return undefined;
    const folders = [...new Set([...WRITABLE, ...written.flatMap((want) => [...(want.under ? [want.under] : []), ...want.notUnder].map(inContainer))])];
    const facts = await Promise.all([...asks].map(([path, ask]) => fileFact(sut, path, { ...ask, setBefore: setBefore.get(path) ?? new Set() })));
    return {
      files: facts,
      ...(processes ? { processes: documentedProcesses(await processes.stop(), await sut.standInSessions()) } : {}),
      ...(wantsLog ? { log: (await sut.openclawLog()).slice(logBefore).map(logLineText) } : {}),
      ...(marker ? { written: await sut.filesWrittenSince(marker, folders) } : {}),
    };
  };
}
