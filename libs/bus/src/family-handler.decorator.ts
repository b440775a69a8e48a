// `@OnFamily('signal')`: the bus's handler decorator. Nest 12's `@EventPattern('literal')` infers a
// typed-event overload that rejects `@Ctx()` parameters; this one takes only real family names.
import { EventPattern } from '@nestjs/microservices';
import type { InteractionFamily } from '@warmline/contracts';

/** Marks a controller method as the handler of every event of `family` (one handler per family). */
export function OnFamily(family: InteractionFamily): MethodDecorator {
  return EventPattern<string>(family);
}
