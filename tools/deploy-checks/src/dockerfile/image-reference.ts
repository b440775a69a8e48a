// Container image references (`registry/name:tag@sha256:…`) and what makes one pinned. Shared by the
// Dockerfile lint (FROM, COPY --from) and the compose check (service images).

/** The parts of an image reference. */
export interface ImageReference {
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

/** Splits `name[:tag][@digest]`; a registry port (`host:5000/name`) is not mistaken for a tag. */
export function parseImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const digest = at === -1 ? null : reference.slice(at + 1);
  const nameAndTag = at === -1 ? reference : reference.slice(0, at);
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  return {
    name: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
    tag: hasTag ? nameAndTag.slice(colon + 1) : null,
    digest,
  };
}

/**
 * Why a reference is not pinned, or null when it is: a digest, or a tag naming at least
 * major.minor (`24.9.0-bookworm-slim`, `2.14.2-alpine`, `8.0`). `latest`, no tag, or a tag that
 * moves with every release (`24`, `lts`, `slim`) would let a rebuild pick up a different image.
 */
export function unpinnedReason(image: ImageReference): string | null {
  if (image.digest !== null) return null;
  if (image.tag === null) return 'has no tag, so it means "latest"';
  if (image.tag === 'latest') return 'uses the "latest" tag';
  if (!/^v?\d+\.\d+/.test(image.tag)) return `uses the floating tag "${image.tag}"`;
  return null;
}
