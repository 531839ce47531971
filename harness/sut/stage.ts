import { dir } from "tmp-promise";
import type { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import type { EgressProfile } from "../../mocks/edge/cloudflare-gate.ts";
import type { NpmMirror } from "../../mocks/npm-registry/snapshot.ts";
import { UpstreamWorld } from "../../mocks/upstream-world.ts";
import type { MachineImage } from "./image.ts";
import { SutContainer } from "./sut-container.ts";
import { RUN_DIR_PREFIX } from "./sweep.ts";

export interface StageOptions {
  image: MachineImage;
  profile: EgressProfile;
  /** Labels the container, so a sweep of this run finds it. */
  runId: string;
  ca?: CertificateAuthority;
  npmMirror?: NpmMirror;
  /** Every process of the OpenClaw user runs behind the world's CONNECT proxy. */
  behindProxy?: boolean;
  handshakeTimeoutMs?: number;
  webSockets?: "served" | "refused";
}

/** A world of mocks and an SUT container wired to it; `close` removes both and their temp dir. */
export interface Stage {
  world: UpstreamWorld;
  sut: SutContainer;
  close(): Promise<void>;
}

/**
 * Starts the upstream world and an SUT container that reaches only it. The runner, the bench and
 * the hermetic test all set the stage here, so there is one way to wire the two together and one
 * way to take them down (also when starting fails half-way).
 */
export async function startStage(options: StageOptions): Promise<Stage> {
  const socketDir = await dir({ prefix: `${RUN_DIR_PREFIX}${process.pid}-`, unsafeCleanup: true });
  let world: UpstreamWorld | undefined;
  let sut: SutContainer | undefined;
  const close = async () => {
    await sut?.stop().catch(() => undefined);
    await world?.close().catch(() => undefined);
    await socketDir.cleanup().catch(() => undefined);
  };
  try {
    world = await UpstreamWorld.start({ socketDir: socketDir.path, profile: options.profile, ca: options.ca, npmMirror: options.npmMirror, handshakeTimeoutMs: options.handshakeTimeoutMs, webSockets: options.webSockets });
    sut = await SutContainer.start({
      image: options.image, socketDir: socketDir.path, caPem: world.ca.certPem, runId: options.runId,
      relay: world.relayPlan, hostsEntries: world.hostsEntries, resolverAddress: world.resolverAddress,
      userEnv: options.behindProxy ? world.proxyEnv() : {},
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { world, sut, close };
}
