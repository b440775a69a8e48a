import fc from 'fast-check';
import { parseImageReference, unpinnedReason } from './image-reference.js';

const segment = fc.stringMatching(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/);
const name = fc
  .tuple(
    fc.option(fc.constantFrom('registry.example.com:5000', 'ghcr.io'), { nil: undefined }),
    fc.array(segment, { minLength: 1, maxLength: 3 }),
  )
  .map(([registry, parts]) => [registry, ...parts].filter((p) => p !== undefined).join('/'));
const version = fc
  .tuple(
    fc.nat(40),
    fc.nat(40),
    fc.option(fc.nat(40), { nil: undefined }),
    fc.constantFrom('', '-alpine', '-bookworm-slim'),
  )
  .map(
    ([major, minor, patch, suffix]) =>
      `${major}.${minor}${patch === undefined ? '' : `.${patch}`}${suffix}`,
  );
const digest = fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256:${hex}`);

describe('parseImageReference', () => {
  it('splits name, tag and digest, never mistaking a registry port for a tag', () => {
    fc.assert(
      fc.property(
        name,
        fc.option(version, { nil: null }),
        fc.option(digest, { nil: null }),
        (n, tag, d) => {
          const written = `${n}${tag === null ? '' : `:${tag}`}${d === null ? '' : `@${d}`}`;
          expect(parseImageReference(written)).toEqual({ name: n, tag, digest: d });
        },
      ),
    );
  });
});

describe('unpinnedReason', () => {
  it('accepts any major.minor tag and any digest', () => {
    fc.assert(
      fc.property(
        name,
        version,
        (n, tag) => unpinnedReason({ name: n, tag, digest: null }) === null,
      ),
    );
    fc.assert(
      fc.property(
        name,
        digest,
        (n, d) => unpinnedReason({ name: n, tag: 'latest', digest: d }) === null,
      ),
    );
  });

  it.each([
    ['node', /no tag/],
    ['node:latest', /latest/],
    ['node:24', /floating tag "24"/],
    ['node:lts-slim', /floating tag/],
  ])('refuses %s', (reference, reason) => {
    expect(unpinnedReason(parseImageReference(reference))).toMatch(reason);
  });
});
