import type { EditedDocs } from "../../harness/docs/edited-docs.ts";
import type { OpenClawTarget } from "../../harness/target/openclaw-target.ts";

/**
 * Where a reader opens a doc line ("docs/providers/openai.md:301") of what was under test: an
 * edited tree's own file; a release's page at its tag in OpenClaw's repository (tags are
 * v<version>); a checkout's own file. A tarball's docs have no address of their own.
 */
export function docLineUrl(target: OpenClawTarget, docs?: EditedDocs): (source: string) => string | undefined {
  return (source) => {
    const match = /^docs\/(.+\.mdx?):(\d+)$/.exec(source);
    if (!match) return undefined;
    const [, page, line] = match;
    if (docs) return `file://${docs.dir}/${page}`;
    if (target.kind === "npm") return `https://github.com/openclaw/openclaw/blob/v${target.version}/docs/${page}#L${line}`;
    return target.checkout ? `file://${target.checkout}/docs/${page}` : undefined;
  };
}
