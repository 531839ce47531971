import "./testcontainers-env.ts";
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { execa } from "execa";
import { GenericContainer, type StartedTestContainer, Wait } from "testcontainers";
import type { RelayPlan } from "../../mocks/relay-plan.ts";
import { LABEL } from "../util/paths.ts";
import { type CommandResult, plainText } from "./command-result.ts";
import { ownerLabels, RUN_LABEL } from "./owner.ts";
import { socketMount } from "./socket-mount.ts";
import { OPENCLAW_LOG_GLOB, SHELL_STARTUP_FILE, SUT_HOME, SUT_PLATFORM, SUT_USER, type MachineImage } from "./image.ts";

/** The keyboard of a running command's terminal. */
export interface Keyboard {
  type(text: string): void;
}

export interface ExecOptions {
  /** Run under a pseudo-terminal (`script`), for commands that insist on a TTY. */
  tty?: boolean;
  timeoutMs: number;
  /** Called with each chunk of raw output (terminal codes included) as it arrives, and the keyboard (for actors at the terminal). */
  onOutput?: (chunk: string, keyboard: Keyboard) => void;
  env?: Record<string, string>;
  /** A command known to keep running once its work is done: stop it `graceMs` after a line of its output matches `output`. */
  stopAfter?: { output: RegExp; graceMs: number };
}

export interface ServeResult {
  command: string;
  ready: boolean;
  /** The output line that said it was ready, or why it never did. */
  evidence: string;
  readyAfterMs: number;
  /** Its output (without terminal codes) up to then. */
  output: string;
}

/** The process groups serve started, one per line, so stopServed can end them. */
const SERVED_PIDS = "/tmp/.ocf-served-pids";
/** The sessions of the harness's stand-ins among them: what the harness started is never evidence. */
const STAND_IN_SESSIONS = "/tmp/.ocf-stand-in-sessions";

/** A process seen in the SUT: its session (a stand-in's is the harness's) and command line. */
export interface SeenProcess {
  session: number;
  args: string;
}
/** How long a stopped stand-in may take to shut down (a gateway closes its sessions first). */
const STOP_GRACE_MS = 15_000;
/** SIGKILL cannot be refused; this only bounds the wait for the exec session to notice. */
const KILL_WAIT_MS = 5_000;

/** A pty that `script` creates has no size; prompt libraries then wrap every character. */
const TERMINAL_SIZE = "stty cols 120 rows 50";

/**
 * A container whose PID 1 is Docker's init (tini), as a host's is systemd: it reaps orphans.
 * Without it an orphaned process that exits (a Gateway its wizard left behind) stays a zombie,
 * which `kill -0` still finds, so OpenClaw takes its dead Gateway for a live lock owner.
 */
class HostLikeContainer extends GenericContainer {
  withInit(): this {
    this.hostConfig.Init = true;
    return this;
  }
}

/**
 * The SUT: real OpenClaw in a container with no network interface but loopback. The relay
 * (under the init) makes every address local to lo and carries bytes to the edge's unix sockets.
 */
export class SutContainer {
  private readonly container: StartedTestContainer;
  /** Background processes (`serve`), stopped with the container. */
  private readonly served: { command: string; child: ReturnType<typeof execa> }[] = [];
  /** The environment every process of the OpenClaw user starts with (a proxy, for one). */
  private readonly userEnv: Record<string, string>;

  private constructor(container: StartedTestContainer, userEnv: Record<string, string>) {
    this.container = container;
    this.userEnv = userEnv;
  }

  static async start(options: {
    image: MachineImage;
    /** The folder of the world's unix sockets, mounted for the relay (socket-mount.ts says how). */
    socketDir: string;
    caPem: string;
    relay: RelayPlan;
    hostsEntries: { host: string; ipAddress: string }[];
    resolverAddress: string;
    runId: string;
    userEnv?: Record<string, string>;
  }): Promise<SutContainer> {
    const mount = socketMount(options.socketDir);
    const relayConfig = { socketDir: mount.dirInside, ...options.relay };
    // Root in the container writes it over the engine's own before anything runs: a file bound in its
    // place would need a host folder, which an engine in a VM does not have.
    await writeFile(join(options.socketDir, "resolv.conf"), `nameserver ${options.resolverAddress}\noptions timeout:1 attempts:1\n`);
    const relaySource = await readFile(new URL("./relay.mjs", import.meta.url), "utf8");
    const container = await new HostLikeContainer(options.image.tag)
      .withInit()
      .withPlatform(SUT_PLATFORM.docker)
      .withNetworkMode("none")
      .withAddedCapabilities("NET_ADMIN")
      .withLabels({ [LABEL]: "sut", [RUN_LABEL]: options.runId, ...ownerLabels() })
      .withExtraHosts(options.hostsEntries)
      .withBindMounts([{ source: mount.source, target: mount.target, mode: "rw" }])
      .withCopyContentToContainer([
        { content: relaySource, target: "/opt/ocf/relay.mjs" },
        // The run's CA joins the system store, so codex keeps its default TLS stack and fingerprint.
        { content: options.caPem, target: "/usr/local/share/ca-certificates/openclaw-conformance-run.crt" },
      ])
      .withCommand(["sh", "-c", 'cat "$1/resolv.conf" >/etc/resolv.conf && update-ca-certificates >/dev/null && exec node /opt/ocf/relay.mjs "$0"', JSON.stringify(relayConfig), mount.dirInside])
      .withWaitStrategy(Wait.forLogMessage("relay ready"))
      .withStartupTimeout(30_000)
      .start();
    return new SutContainer(container, options.userEnv ?? {});
  }

  get id(): string {
    return this.container.getId();
  }

  /**
   * Runs one shell command as the unprivileged OpenClaw user, the way a person types it.
   * The time limit is enforced inside the container (`timeout`), so nothing outlives the call.
   */
  async exec(command: string, options: ExecOptions): Promise<CommandResult> {
    const tty = options.tty ?? false;
    const seconds = Math.ceil(options.timeoutMs / 1000);
    const inner = tty ? ["script", "-qefc", `${TERMINAL_SIZE}; ${command}`, "/dev/null"] : ["bash", "-c", command];
    const started = performance.now();
    const limited = ["timeout", "-k", "2", String(seconds), ...inner];
    // To be stopped once done, `timeout` first leaves its pid where no observation of the step looks.
    const pidFile = options.stopAfter && `/dev/shm/.ocf-step-${randomUUID()}`;
    const child = this.userProcess(pidFile ? ["sh", "-c", 'echo $$ > "$0" && exec "$@"', pidFile, ...limited] : limited, options.env);
    const keyboard: Keyboard = { type: (text) => child.stdin?.write(text) };
    const stopper = options.stopAfter && pidFile ? this.stopperFor(options.stopAfter, pidFile) : undefined;
    // Raw text as the terminal got it (a character split between chunks kept whole): whoever
    // reads the screen strips terminal codes from all of it, so a code split between chunks
    // cannot hide a prompt.
    for (const stream of [child.stdout, child.stderr]) {
      const decoder = new StringDecoder("utf8");
      stream?.on("data", (chunk: Buffer) => {
        const text = decoder.write(chunk);
        options.onOutput?.(text, keyboard);
        stopper?.read(text);
      });
    }
    if (!tty) child.stdin?.end();
    const result = await child;
    const durationMs = Math.round(performance.now() - started);
    const stoppedAfter = await stopper?.end(result.exitCode);
    return {
      ...(stoppedAfter ? { stoppedAfter } : {}),
      command,
      tty,
      exitCode: result.exitCode ?? -1,
      stdout: plainText(String(result.stdout ?? "")),
      stderr: plainText(String(result.stderr ?? "")),
      durationMs,
      // `timeout` exits 124 when its TERM ended the command, 137 when the command outlived TERM and
      // KILL ended it; a command that exits 124 or 137 of its own accord did so before the limit.
      timedOut: (result.exitCode === 124 || result.exitCode === 137) && durationMs >= seconds * 1000,
    };
  }

  /**
   * Watches a command's output for the line that says its work is done; a grace later, sends its
   * `timeout` SIGALRM, which ends it exactly as the time limit would (TERM, then KILL; exit 124).
   * `end` says whether that stop is what ended it.
   */
  private stopperFor(stopAfter: NonNullable<ExecOptions["stopAfter"]>, pidFile: string) {
    // Only the unfinished last line is kept: each chunk is read once, not the whole output again.
    let pending = "";
    let line: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    let sent = false;
    return {
      read: (text: string) => {
        if (line !== undefined) return;
        const lines = (pending + text).split("\n");
        pending = lines.pop()!;
        line = [...lines, pending].map(plainText).find((candidate) => stopAfter.output.test(candidate))?.trim();
        if (line === undefined) return;
        timer = setTimeout(() => {
          sent = true;
          void this.userProcess(["sh", "-c", 'kill -ALRM "$(cat "$0")"', pidFile]);
        }, stopAfter.graceMs);
      },
      end: async (exitCode: number | undefined) => {
        clearTimeout(timer);
        await this.userProcess(["rm", "-f", pidFile]);
        return sent && (exitCode === 124 || exitCode === 137) ? { line: line!, graceMs: stopAfter.graceMs } : undefined;
      },
    };
  }

  /**
   * Writes a file as the OpenClaw user, the way the person saves a pasted example: `~/` and
   * relative paths are under the user's home, where commands run.
   */
  async writeUserFile(path: string, text: string): Promise<void> {
    const child = this.userProcess(["sh", "-c", 'mkdir -p "$(dirname "$1")" && cat > "$1"', "sh", path.replace(/^~\//, `${SUT_HOME}/`)]);
    child.stdin?.end(text);
    const result = await child;
    if (result.exitCode !== 0) throw new Error(`could not write ${path} in the SUT: ${String(result.stderr).trim()}`);
  }

  /** Adds a line to the person's shell startup file: every later shell runs it first. */
  async addToShellStartup(line: string): Promise<void> {
    const child = this.userProcess(["sh", "-c", 'printf "%s\\n" "$1" >> "$2"', "sh", line, SHELL_STARTUP_FILE]);
    child.stdin?.end();
    const result = await child;
    if (result.exitCode !== 0) throw new Error(`could not add to ${SHELL_STARTUP_FILE} in the SUT: ${String(result.stderr).trim()}`);
  }

  /**
   * A process as the OpenClaw user in its HOME, as a person's shell would start it: bash (also
   * under `script`, which runs $SHELL), reading the lines the person added to its startup.
   */
  private userProcess(argv: string[], extraEnv: Record<string, string> = {}) {
    const env = { HOME: SUT_HOME, USER: SUT_USER, SHELL: "/bin/bash", BASH_ENV: SHELL_STARTUP_FILE, LANG: "C.UTF-8", TERM: "xterm-256color", ...this.userEnv, ...extraEnv };
    return execa(
      "docker",
      ["exec", "-i", "--user", SUT_USER, "--workdir", SUT_HOME, ...Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]), this.id, ...argv],
      { reject: false, stdin: "pipe", stripFinalNewline: false, buffer: true },
    );
  }

  /**
   * Starts a long-running command in the background (a foreground gateway, where the docs assume
   * a service manager) and waits until a line of its output matches `ready`: a readiness wait,
   * never a sleep. It gives up early if the process exits, and at the time limit. A `standIn` is
   * the harness's own (a substitution), not the docs' command: its session is recorded so that
   * no observation counts it.
   */
  async serve(command: string, ready: RegExp, timeoutMs: number, env?: Record<string, string>, { standIn = false } = {}): Promise<ServeResult> {
    const started = performance.now();
    // In a session of its own, so stopping it (stopServed) ends it and everything it started.
    const record = standIn ? `echo $$ >> ${SERVED_PIDS}; echo $$ >> ${STAND_IN_SESSIONS}` : `echo $$ >> ${SERVED_PIDS}`;
    const child = this.userProcess(["setsid", "--wait", "bash", "-c", `${record}; ${command}`], env);
    child.stdin?.end();
    this.served.push({ command, child });
    let raw = "";
    let output = "";
    const outcome = await new Promise<{ ready: boolean; evidence: string }>((resolve) => {
      const timer = setTimeout(() => resolve({ ready: false, evidence: `no output matched /${ready.source}/ within ${timeoutMs} ms; it ends: ${output.slice(-500)}` }), timeoutMs);
      const onData = (chunk: Buffer) => {
        raw += chunk.toString();
        output = plainText(raw);
        const line = output.split("\n").find((candidate) => ready.test(candidate));
        if (line !== undefined) {
          clearTimeout(timer);
          resolve({ ready: true, evidence: line.trim() });
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      void child.then((result) => {
        clearTimeout(timer);
        resolve({ ready: false, evidence: `exited with ${result.exitCode} before it was ready; it ends: ${output.slice(-500)}` });
      });
    });
    return { command, ...outcome, readyAfterMs: Math.round(performance.now() - started), output };
  }

  /** Is something listening on this TCP port inside the SUT's network namespace? */
  async listening(port: number): Promise<boolean> {
    return (await this.inspect(`ss -ltnH 'sport = :${port}'`)).trim() !== "";
  }

  /**
   * A GET from inside the SUT's namespace, as the person's browser on that machine would send
   * it (the OAuth redirect to localhost:1455). Returns the status, or the error's code.
   */
  async getInside(url: string): Promise<string> {
    const script = "fetch(process.argv[1]).then((r) => console.log(r.status), (e) => console.log(e.cause?.code ?? e.message))";
    const result = await this.userProcess(["node", "-e", script, url]);
    return String(result.stdout).trim();
  }

  /** Runs a command as root, for the harness's own observations (processes, files). */
  async inspect(command: string): Promise<string> {
    return String((await this.asRoot(["sh", "-c", command])).stdout);
  }

  /** A process as root in the container: the harness looking, never the person. */
  private asRoot(argv: string[], options: { stripFinalNewline?: boolean } = {}) {
    return execa("docker", ["exec", this.id, ...argv], { reject: false, ...options });
  }

  /** A file's permission bits and text, read as root: the harness looking, not the user. */
  async readFile(path: string): Promise<{ exists: boolean; mode?: string; text?: string }> {
    // A directory exists too (the docs' `mkdir -p`); it has no text.
    const result = await this.asRoot(["sh", "-c", 'stat -c %a "$1" && { [ -d "$1" ] || cat "$1"; }', "sh", path], { stripFinalNewline: false });
    if (result.exitCode !== 0) return { exists: false };
    const [mode, ...text] = String(result.stdout).split("\n");
    return { exists: true, mode: mode!.trim(), text: text.join("\n") };
  }

  /**
   * A moment to compare files with: a marker file whose modification time is now. `filesWrittenSince`
   * lists the files created or changed after it.
   */
  async markTime(): Promise<string> {
    const marker = `/tmp/.ocf-written-since-${randomUUID()}`;
    await this.asRoot(["touch", marker]);
    return marker;
  }

  /** The files and links under the folders (those that exist) modified after the marker, which is then removed. */
  async filesWrittenSince(marker: string, folders: string[]): Promise<string[]> {
    const script = 'm="$1"; shift; for d in "$@"; do [ -e "$d" ] && find "$d" -xdev "(" -type f -o -type l ")" -newer "$m" ! -path "$m" -print 2>/dev/null; done; rm -f "$m"';
    const result = await this.asRoot(["sh", "-c", script, "sh", marker, ...folders]);
    return [...new Set(String(result.stdout).split("\n").filter(Boolean))].sort();
  }

  /** The lines OpenClaw has written to its own log so far. */
  async openclawLog(): Promise<string[]> {
    return (await this.inspect(`cat ${OPENCLAW_LOG_GLOB} 2>/dev/null`)).split("\n").filter(Boolean);
  }

  /** The sessions the harness's stand-ins run in (and everything they started, unless it left). */
  async standInSessions(): Promise<number[]> {
    return (await this.inspect(`cat ${STAND_IN_SESSIONS} 2>/dev/null`)).split(/\s+/).filter((pid) => /^\d+$/.test(pid)).map(Number);
  }

  /**
   * Samples the container's processes every 200 ms until stopped, and gives the distinct ones
   * seen, each with its session. The sampler reads its stdin, so closing it ends the loop inside
   * the container too.
   */
  watchProcesses(): { stop(): Promise<SeenProcess[]> } {
    const loop = "while :; do ps -eo sid=,args=; read -t 0.2 _; [ $? -gt 128 ] || break; done";
    const child = execa("docker", ["exec", "-i", this.id, "bash", "-c", loop], { reject: false, stdin: "pipe", buffer: false });
    const seen = new Set<string>();
    let partial = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      lines.forEach((line) => seen.add(line.trim()));
    });
    const own = new Set(["", "ps -eo sid=,args=", `bash -c ${loop}`]);
    return {
      stop: async () => {
        child.stdin?.end();
        await child;
        return [...seen].flatMap((line) => {
          const [, session, args] = /^(\d+)\s+(.*)$/.exec(line) ?? [];
          return session === undefined || own.has(args!) ? [] : [{ session: Number(session), args: args! }];
        });
      },
    };
  }

  /**
   * Stops what serve started, as a service manager stops its service: SIGTERM to each process
   * group, then the wait for it to exit (SIGKILL after STOP_GRACE_MS). Resolves with what ran.
   */
  async stopServed(): Promise<ServeResult> {
    const started = performance.now();
    const stopping = this.served.splice(0);
    const groups = (await this.inspect(`cat ${SERVED_PIDS} 2>/dev/null; rm -f ${SERVED_PIDS}`)).split(/\s+/).filter((pid) => /^\d+$/.test(pid));
    const signal = (name: string) => this.inspect(groups.map((pid) => `/bin/kill -${name} -- -${pid} 2>/dev/null`).concat("true").join("; "));
    await signal("TERM");
    const allEndWithin = async (ms: number) =>
      (await Promise.all(stopping.map(({ child }) => Promise.race([child.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))])))).every(Boolean);
    const graceful = await allEndWithin(STOP_GRACE_MS);
    // As systemd does after TimeoutStopSec: SIGKILL, and the service counts as stopped once it is gone.
    if (!graceful) await signal("KILL");
    const killed = graceful || (await allEndWithin(KILL_WAIT_MS));
    const commands = stopping.map(({ command }) => command).join(", ");
    return {
      command: `stop ${commands || "nothing"}`,
      ready: killed,
      evidence:
        stopping.length === 0 ? "nothing was running in the background"
        : graceful ? `stopped: ${commands}`
        : killed ? `did not end within ${STOP_GRACE_MS} ms of SIGTERM; SIGKILL stopped it: ${commands}`
        : `did not end even after SIGTERM and SIGKILL: ${commands}`,
      readyAfterMs: Math.round(performance.now() - started),
      output: "",
    };
  }

  async stop(): Promise<void> {
    this.served.forEach(({ child }) => child.kill());
    await this.container.stop({ timeout: 1_000, remove: true, removeVolumes: true });
  }
}
