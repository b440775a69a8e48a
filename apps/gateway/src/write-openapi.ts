// Writes the OpenAPI document to the file named on the command line (nx run gateway:openapi writes
// apps/gateway/openapi.json and formats it). Needs no NATS: the routes are built with nothing behind.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { openApiDocumentOffline } from './openapi-offline.js';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node write-openapi.js <file>\n');
  process.exit(2);
}
const document = await openApiDocumentOffline();
await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
