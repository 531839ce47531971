import "./testcontainers-env.ts";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { GenericContainer, type StartedTestContainer, Wait } from "testcontainers";
import { socketNameFor } from "../../mocks/edge/edge.ts";
import { DNS_SOCKET_NAME } from "../../mocks/dns/resolver.ts";
import type { UpstreamHost } from "../../mocks/upstream-hosts.ts";
import { LABEL } from "../util/paths.ts";
import { type CommandResult, plainText } from "./command-result.ts";
import { SUT_HOME, SUT_USER, type SutImage } from "./sut-image.ts";

const RELAY_DIR = "/run/ocf";
const DNS_ADDRESS = "127.0.0.53";

export interface ExecOptions {
  /** Run under a pseudo-terminal (`script`), for commands that insist on a TTY. */
  tty?: boolean;
  timeoutMs: number;
  /** Called with each chunk of output as it arrives (for actors that read the terminal). */
  onOutput?: (chunk: string) => void;
  env?: Record<string, string>;
}

/**
 * The SUT: real OpenClaw in a container with no network interface but loopback. The relay
 * (PID 1) binds the upstreams' addresses on lo and carries bytes to the edge's unix sockets.
 */
export class SutContainer {
  private readonly container: StartedTestContainer;

  private constructor(container: StartedTestContainer) {
    this.container = container;
  }

  static async start(options: { image: SutImage; socketDir: string; caPem: string; upstreams: UpstreamHost[]; runId: string }): Promise<SutContainer> {
    const relayConfig = {
      socketDir: RELAY_DIR,
      listeners: options.upstreams.map((upstream) => ({ address: upstream.address, port: upstream.port, socket: socketNameFor(upstream) })),
      dns: { address: DNS_ADDRESS, socket: DNS_SOCKET_NAME },
    };
    const resolvConf = join(options.socketDir, "resolv.conf");
    await writeFile(resolvConf, `nameserver ${DNS_ADDRESS}\noptions timeout:1 attempts:1\n`);
    const relaySource = await readFile(new URL("./relay.mjs", import.meta.url), "utf8");
    const container = await new GenericContainer(options.image.tag)
      .withNetworkMode("none")
      .withAddedCapabilities("NET_ADMIN")
      .withLabels({ [LABEL]: "sut", [`${LABEL}.run`]: options.runId, [`${LABEL}.pid`]: String(process.pid) })
      .withExtraHosts(options.upstreams.map((upstream) => ({ host: upstream.host, ipAddress: upstream.address })))
      .withBindMounts([
        { source: options.socketDir, target: RELAY_DIR, mode: "rw" },
        { source: resolvConf, target: "/etc/resolv.conf", mode: "ro" },
      ])
      .withCopyContentToContainer([
        { content: relaySource, target: "/opt/ocf/relay.mjs" },
        // The run's CA joins the system store, so codex keeps its default TLS stack and fingerprint.
        { content: options.caPem, target: "/usr/local/share/ca-certificates/openclaw-conformance-run.crt" },
      ])
      .withCommand(["sh", "-c", 'update-ca-certificates >/dev/null && exec node /opt/ocf/relay.mjs "$0"', JSON.stringify(relayConfig)])
      .withWaitStrategy(Wait.forLogMessage("relay ready"))
      .withStartupTimeout(30_000)
      .start();
    return new SutContainer(container);
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
    const inner = tty ? ["script", "-qefc", command, "/dev/null"] : ["bash", "-c", command];
    const env = { HOME: SUT_HOME, USER: SUT_USER, LANG: "C.UTF-8", TERM: "xterm-256color", ...options.env };
    const started = performance.now();
    const child = execa(
      "docker",
      ["exec", "-i", "--user", SUT_USER, "--workdir", SUT_HOME, ...Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]), this.id, "timeout", "-k", "2", String(seconds), ...inner],
      { reject: false, stdin: "pipe", stripFinalNewline: false, buffer: true },
    );
    child.stdout?.on("data", (chunk: Buffer) => options.onOutput?.(plainText(chunk.toString())));
    child.stderr?.on("data", (chunk: Buffer) => options.onOutput?.(plainText(chunk.toString())));
    if (!tty) child.stdin?.end();
    const result = await child;
    return {
      command,
      tty,
      exitCode: result.exitCode ?? -1,
      stdout: plainText(String(result.stdout ?? "")),
      stderr: plainText(String(result.stderr ?? "")),
      durationMs: Math.round(performance.now() - started),
      timedOut: result.exitCode === 124,
    };
  }

  /** Runs a command as root, for the harness's own observations (processes, files). */
  async inspect(command: string): Promise<string> {
    const { stdout } = await execa("docker", ["exec", this.id, "sh", "-c", command], { reject: false });
    return stdout;
  }

  async stop(): Promise<void> {
    await this.container.stop({ timeout: 1_000, remove: true, removeVolumes: true });
  }
}
