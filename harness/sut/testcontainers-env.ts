// The reaper (Ryuk) is an image we cannot pull here; the harness removes what it creates itself.
// Imported before testcontainers so the setting is in place when it is read.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
