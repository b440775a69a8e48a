import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApiDocumentOffline } from './openapi-offline.js';

describe('the committed OpenAPI document (apps/gateway/openapi.json)', () => {
  it('is what the code generates (run `nx run gateway:openapi` after changing the API)', async () => {
    const committed = JSON.parse(
      await readFile(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'),
    ) as unknown;
    expect(JSON.parse(JSON.stringify(await openApiDocumentOffline()))).toEqual(committed);
  });

  it('documents every route with its scope and error answers', async () => {
    const document = await openApiDocumentOffline();
    const post = document.paths['/v1/interactions/{interactionId}/events']?.post;
    expect(post?.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(Object.keys(post?.responses ?? {}).sort()).toEqual([
      '202',
      '400',
      '401',
      '403',
      '413',
      '503',
    ]);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/closers/{closerId}/presence',
      '/v1/handoffs/stream',
      '/v1/interactions/{interactionId}',
      '/v1/interactions/{interactionId}/appointments/{appointmentId}/cancel',
      '/v1/interactions/{interactionId}/appointments/{appointmentId}/reschedule',
      '/v1/interactions/{interactionId}/audit',
      '/v1/interactions/{interactionId}/decisions',
      '/v1/interactions/{interactionId}/events',
      '/v1/interactions/{interactionId}/grants',
      '/v1/interactions/{interactionId}/handoffs',
      '/v1/interactions/{interactionId}/reservations/{reservationId}/accept',
      '/v1/interactions/{interactionId}/reservations/{reservationId}/decline',
      '/v1/interactions/{interactionId}/timeline',
      '/v1/interactions/{interactionId}/versions',
      '/v1/twilio/{interactionId}/status',
    ]);
  });
});
