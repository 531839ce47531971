import { existsSync, readdirSync, statSync } from "node:fs";
import { BadInputError } from "../util/errors.ts";

/** --shard's "index/count" (1 ≤ index ≤ count), as vitest's --shard takes it, or one line on what is wrong. */
export function checkShard(given: string): string {
  const match = /^(\d+)\/(\d+)$/.exec(given.trim());
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) throw new BadInputError(`--shard ${given}: expected <index>/<count> with 1 <= index <= count, e.g. --shard 1/2`);
  return `${index}/${count}`;
}

/** --merge-reports' folder: vitest reads every file in it as a blob report, so it must hold blobs and nothing else. */
export function checkBlobDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BadInputError(`--merge-reports ${dir}: no such folder (it holds the shards' blob reports, <reports>/blob/blob-<i>-<n>.json of each shard)`);
  const files = readdirSync(dir);
  if (files.length === 0) throw new BadInputError(`--merge-reports ${dir}: the folder is empty; gather each shard's blob-<i>-<n>.json into it`);
  const others = files.filter((name) => !/^blob.*\.json$/.test(name) || !statSync(`${dir}/${name}`).isFile());
  if (others.length > 0) throw new BadInputError(`--merge-reports ${dir}: holds ${others.join(", ")}, which are not blob reports; it must hold only the shards' blob-<i>-<n>.json`);
}
