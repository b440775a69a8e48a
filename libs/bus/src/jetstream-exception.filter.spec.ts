// The bus's global exception filter must not swallow HTTP errors of an app that also serves HTTP.
import 'reflect-metadata';
import { BadRequestException, Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { BusModule } from './bus.module.js';

@Controller()
class FailingController {
  @Get('bad')
  bad(): never {
    throw new BadRequestException('interactionId is missing');
  }

  @Get('boom')
  boom(): never {
    throw new Error('store unreachable');
  }
}

@Module({
  imports: [
    BusModule.forRoot({
      servers: 'nats://127.0.0.1:1',
      agent: 'gateway',
      instance: 'gw-test',
      scopes: [],
    }),
  ],
  controllers: [FailingController],
})
class HttpAppModule {}

describe('JetStreamExceptionFilter in an HTTP app', () => {
  it('answers HTTP errors the way Nest does instead of leaving the request hanging', async () => {
    const app = await NestFactory.create(HttpAppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    try {
      const bad = await fetch(`http://127.0.0.1:${port}/bad`, {
        signal: AbortSignal.timeout(3_000),
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ message: 'interactionId is missing' });
      const boom = await fetch(`http://127.0.0.1:${port}/boom`, {
        signal: AbortSignal.timeout(3_000),
      });
      expect(boom.status).toBe(500);
    } finally {
      await app.close();
    }
  });
});
