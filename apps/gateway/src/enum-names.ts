// Protobuf enum values as JSON callers write them: the full name ("SPEAKER_BUYER", as the protobuf
// JSON mapping prints it) or the short form without the enum's prefix ("BUYER"). The UNSPECIFIED
// value is not accepted: an unset enum is simply left out.
import { z } from 'zod';

/** A generated enum object: value name -> number (TypeScript also types the number -> name side). */
export type ProtoEnum = Readonly<Record<string, string | number>>;

/** Every accepted spelling of the enum's values: full names first, then the short forms. */
export function enumSpellings(values: ProtoEnum, prefix: string): [string, ...string[]] {
  const full = Object.keys(values).filter(
    (name) => typeof values[name] === 'number' && name !== `${prefix}UNSPECIFIED`,
  );
  const short = full.map((name) => name.slice(prefix.length));
  return [...full, ...short] as [string, ...string[]];
}

/** A zod schema accepting the enum's spellings (for validation and the OpenAPI document). */
export function enumSchema(values: ProtoEnum, prefix: string, description: string) {
  return z.enum(enumSpellings(values, prefix)).meta({ description });
}

/** The number of an accepted spelling; throws RangeError for anything else (schemas filter first). */
export function enumValue(values: ProtoEnum, prefix: string, spelling: string): number {
  const value = values[spelling] ?? values[`${prefix}${spelling}`];
  if (typeof value !== 'number' || spelling.endsWith('UNSPECIFIED')) {
    throw new RangeError(`"${spelling}" is not a value of ${prefix}*`);
  }
  return value;
}
