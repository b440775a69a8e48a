// Every warmline.v1 message round-trips through the generated code, and the generated code agrees
// byte for byte with protobufjs reflection over the .proto source.
import protobuf from 'protobufjs';
import { ENVELOPES } from './__fixtures__/envelopes.js';
import { grantClaims } from './__fixtures__/intent.js';
import { loadProtoRoot, warmlineTypes } from './__fixtures__/reflection.js';
import { google, warmline } from './generated/warmline.js';

interface StaticCodec {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  fromObject(object: object): object;
  toObject(message: object, options?: protobuf.IConversionOptions): Record<string, unknown>;
}

const OPTIONS: protobuf.IConversionOptions = { longs: Number, bytes: String, oneofs: true };
const root = loadProtoRoot();
const generated = { warmline, google } as unknown as Record<string, unknown>;

function staticCodec(fullName: string): StaticCodec {
  const path = fullName.replace(/^\./, '').split('.');
  const codec = path.reduce<unknown>((ns, key) => (ns as Record<string, unknown>)[key], generated);
  if (!codec) throw new Error(`no generated code for ${fullName}`);
  return codec as StaticCodec;
}

function isSet(value: unknown): boolean {
  if (value == null || value === 0 || value === '' || value === false) return false;
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length > 0;
  return true;
}

interface Sample {
  readonly type: protobuf.Type;
  readonly value: Record<string, unknown>;
}

/** Walks a plain message value, recording every (type, value) met and every field set. */
function walk(
  type: protobuf.Type,
  value: Record<string, unknown>,
  samples: Sample[],
  covered: Set<string>,
) {
  samples.push({ type, value });
  for (const field of type.fieldsArray) {
    const fieldValue = value[field.name];
    if (!isSet(fieldValue)) continue;
    covered.add(`${type.fullName}.${field.name}`);
    if (!(field.resolvedType instanceof protobuf.Type)) continue;
    const nested = field.repeated ? (fieldValue as unknown[]) : [fieldValue];
    for (const item of nested)
      walk(field.resolvedType, item as Record<string, unknown>, samples, covered);
  }
}

const samples: Sample[] = [];
const covered = new Set<string>();
const envelopeType = root.lookupType('warmline.v1.Envelope');
for (const [, env] of ENVELOPES)
  walk(envelopeType, env as Record<string, unknown>, samples, covered);
// GrantClaims travels as signed bytes inside AuthorityGrant.claims, so it is its own root.
walk(
  root.lookupType('warmline.v1.GrantClaims'),
  grantClaims as Record<string, unknown>,
  samples,
  covered,
);

describe('fixtures', () => {
  it('set every field of every warmline.v1 message at least once', () => {
    const fields = warmlineTypes(root).flatMap((type) =>
      type.fieldsArray.map((field) => `${type.fullName}.${field.name}`),
    );
    expect(fields.length).toBeGreaterThan(300);
    expect(fields.filter((name) => !covered.has(name))).toEqual([]);
  });
});

const samplesByType = new Map<string, Sample[]>();
for (const sample of samples) {
  const list = samplesByType.get(sample.type.fullName) ?? [];
  samplesByType.set(sample.type.fullName, [...list, sample]);
}

describe.each([...samplesByType].map(([name, list]) => [name.replace(/^\./, ''), list] as const))(
  '%s',
  (_name, list) => {
    const codec = staticCodec(list[0]!.type.fullName);

    it('round-trips encode/decode through the generated code', () => {
      for (const { value } of list) {
        const decoded = codec.decode(codec.encode(value).finish());
        expect(codec.toObject(decoded, OPTIONS)).toEqual(
          codec.toObject(codec.fromObject(value), OPTIONS),
        );
      }
    });

    it('encodes to the same bytes as reflection over the .proto source, which decodes them back', () => {
      for (const { type, value } of list) {
        const bytes = codec.encode(value).finish();
        const reflected = type.encode(type.fromObject(value)).finish();
        expect(Buffer.from(bytes).toString('hex')).toEqual(Buffer.from(reflected).toString('hex'));
        expect(type.toObject(type.decode(bytes), OPTIONS)).toEqual(
          codec.toObject(codec.decode(bytes), OPTIONS),
        );
      }
    });
  },
);

describe('every warmline.v1 message type', () => {
  it('has generated code and at least one populated fixture', () => {
    const sampled = new Set(samples.map((sample) => sample.type.fullName));
    const types = warmlineTypes(root);
    expect(types.filter((type) => !sampled.has(type.fullName)).map((t) => t.name)).toEqual([]);
    for (const type of types) expect(typeof staticCodec(type.fullName).decode).toBe('function');
  });
});
