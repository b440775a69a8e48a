// Loads proto/ with protobufjs reflection, to check the generated static code against the .proto source.
import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

export const PROTO_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../proto');

/** A protobufjs Root with every proto/warmline/v1/*.proto loaded and resolved. */
export function loadProtoRoot(): protobuf.Root {
  const root = new protobuf.Root();
  // Imports are relative to the buf module root (proto/); google/* types are bundled with protobufjs.
  root.resolvePath = (_origin, target) =>
    isAbsolute(target) || target.startsWith('google/') ? target : join(PROTO_DIR, target);
  const files = readdirSync(join(PROTO_DIR, 'warmline/v1'))
    .filter((name) => name.endsWith('.proto'))
    .map((name) => join(PROTO_DIR, 'warmline/v1', name));
  root.loadSync(files);
  root.resolveAll();
  return root;
}

/** Every message type declared in package warmline.v1. */
export function warmlineTypes(root: protobuf.Root): protobuf.Type[] {
  const ns = root.lookup('warmline.v1') as protobuf.Namespace;
  return ns.nestedArray.filter((obj): obj is protobuf.Type => obj instanceof protobuf.Type);
}
