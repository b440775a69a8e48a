// Validates every route argument that declares a Standard Schema (`@Body({ schema })`,
// `@Param('id', { schema })`, `@Query({ schema })`) and answers a 400 naming the field on failure.
// The same schemas describe the routes in the OpenAPI document.
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestInvalidError } from './api-errors.js';
import { requestInvalidOf, type SchemaIssue } from './schema-issues.js';

@Injectable()
export class SchemaValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema = metadata.schema;
    if (schema === undefined) return value;
    if (metadata.type === 'body' && value === undefined) {
      throw new RequestInvalidError(
        'the request has no body in a content type this endpoint reads (application/json, or application/x-www-form-urlencoded for Twilio callbacks)',
        undefined,
        'MALFORMED_BODY',
      );
    }
    const result = await schema['~standard'].validate(value);
    if (result.issues === undefined) return result.value;
    // A path param or a single query key is named by the decorator's data; a whole body is not.
    throw requestInvalidOf(result.issues as readonly SchemaIssue[], metadata.data ?? '');
  }
}
