import { expect, test } from "vitest";
import { engineElsewhere } from "../../harness/provision/engine-placement.ts";

// `docker info` as the engines report themselves (values from their users' reports, 2026).
const linux = { platform: "linux", release: "6.18.44-fc-v1272" };

test("an engine on this kernel is native; one in a VM or on another host is named, from its own docker info", () => {
  expect(engineElsewhere({ OperatingSystem: "Debian GNU/Linux 12 (bookworm)", Name: "vm", KernelVersion: "6.18.44-fc-v1272" }, linux)).toBeUndefined();
  expect(engineElsewhere({ OperatingSystem: "Docker Desktop", Name: "docker-desktop", KernelVersion: "6.12.76-linuxkit" }, { platform: "darwin", release: "24.1.0" })).toMatch(/^a VM/);
  expect(engineElsewhere({ OperatingSystem: "Docker Desktop", Name: "docker-desktop", KernelVersion: "6.12.76-linuxkit" }, linux)).toBe("Docker Desktop");
  expect(engineElsewhere({ OperatingSystem: "OrbStack", Name: "orbstack", KernelVersion: "6.17.8-orbstack-00308" }, linux)).toBe("OrbStack");
  expect(engineElsewhere({ OperatingSystem: "Ubuntu 24.04 LTS", Name: "colima", KernelVersion: "6.8.0-50-generic" }, linux)).toBe("colima's VM");
  expect(engineElsewhere({ OperatingSystem: "Ubuntu 22.04", Name: "ci-box", KernelVersion: "5.15.0-1" }, linux)).toMatch(/^another kernel than this one/);
  // WSL2: the harness in a distro beside Docker Desktop's shares its kernel, so its sockets can work.
  const wsl = { platform: "linux", release: "5.15.167.4-microsoft-standard-WSL2" };
  expect(engineElsewhere({ OperatingSystem: "Docker Desktop", Name: "docker-desktop", KernelVersion: "5.15.167.4-microsoft-standard-WSL2" }, wsl)).toBeUndefined();
});
