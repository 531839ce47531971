/** The fields of the engine's `docker info` that say where it runs. */
export interface EngineInfo {
  OperatingSystem?: string;
  Name?: string;
  KernelVersion?: string;
}

/**
 * Where the Docker engine runs when it is not on this process's kernel — Docker Desktop,
 * OrbStack, colima, a WSL2 or other VM, a remote host — or undefined when it shares this kernel.
 * The SUT reaches the mocks through unix sockets in a bind-mounted folder, which do not cross into
 * a VM (docker/for-mac#483, orbstack#26, lima#834, podman#27630). Read off the engine's own
 * `docker info`; nothing is configured by hand.
 */
export function engineElsewhere(info: EngineInfo, here: { platform: string; release: string }): string | undefined {
  const os = info.OperatingSystem ?? "";
  const kernel = info.KernelVersion ?? "";
  if (here.platform !== "linux") return `a VM (the engine for ${here.platform} runs Linux in one)`;
  // The same kernel: a bind-mounted socket is an ordinary one (a native engine; WSL2's distros share one kernel).
  if (kernel === here.release) return undefined;
  for (const product of ["Docker Desktop", "OrbStack"]) if (os.includes(product)) return product;
  if (info.Name === "colima") return "colima's VM";
  if (/linuxkit|orbstack|microsoft-standard-WSL2/i.test(kernel)) return `a VM (kernel ${kernel})`;
  return kernel ? `another kernel than this one (the engine's ${kernel}, this ${here.release}): a VM or a remote host` : undefined;
}
