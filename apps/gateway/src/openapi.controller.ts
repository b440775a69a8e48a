// GET /v1/openapi.json: the document generated from this code at start-up.
import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { OpenApiDocument } from './openapi-document.js';
import { PublicRoute } from './route-access.js';

@ApiExcludeController()
@PublicRoute()
@Controller('v1')
export class OpenApiController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get('openapi.json')
  openapi(): OpenAPIObject {
    return this.document.get();
  }
}
