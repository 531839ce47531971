import { relative, isAbsolute } from "node:path";
import { HarnessError } from "../util/errors.ts";

/**
 * Set by the harness's own container (harness/cli/in-container.ts) to the named volume its temp
 * folder lives on: its sockets are then not in a folder of any host, and the SUT reaches them
 * through the same volume.
 */
export const SOCKET_VOLUME_ENV = "OCF_SOCKET_VOLUME";
/** Where that volume is mounted, in the harness's container and in each SUT alike (also its TMPDIR). */
export const SOCKET_VOLUME_PATH = "/run/ocf-sockets";
/** Where a bind-mounted socket folder appears inside the SUT. */
const BOUND_DIR = "/run/ocf";

/** What the SUT container mounts (a host folder, or a volume by name) and where the relay finds the sockets in it. */
export interface SocketMount {
  source: string;
  target: string;
  dirInside: string;
}

/**
 * How the SUT sees the folder of the world's unix sockets. On a native engine the folder is bound
 * from this host; where the harness runs in a container of its own (an engine in a VM, whose bind
 * mounts carry no sockets), it is the volume both containers mount at the same path.
 */
export function socketMount(socketDir: string, env: NodeJS.ProcessEnv = process.env): SocketMount {
  const volume = env[SOCKET_VOLUME_ENV];
  if (!volume) return { source: socketDir, target: BOUND_DIR, dirInside: BOUND_DIR };
  const inVolume = relative(SOCKET_VOLUME_PATH, socketDir);
  if (inVolume.startsWith("..") || isAbsolute(inVolume)) {
    throw new HarnessError(`the socket folder ${socketDir} is not on the volume ${volume} (${SOCKET_VOLUME_PATH}); the harness's container sets TMPDIR there`);
  }
  return { source: volume, target: SOCKET_VOLUME_PATH, dirInside: socketDir };
}
