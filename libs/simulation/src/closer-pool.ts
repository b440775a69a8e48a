// The scenario's closers as a resolved list: a count becomes closer-01..closer-NN from the defaults;
// a list is each entry laid over the defaults.
import type { CloserTraits, Scenario } from './scenario-schema.js';

/** One closer with every trait resolved. */
export interface CloserSpec extends CloserTraits {
  readonly id: string;
  readonly displayName: string;
}

/** The closers of `scenario`, in scenario order. */
export function closersOf(scenario: Scenario): CloserSpec[] {
  const { count, list, defaults } = scenario.closers;
  if (list !== undefined) {
    return list.map((closer) => {
      const traits = Object.fromEntries(
        Object.entries(closer).filter(([, value]) => value !== undefined),
      );
      return {
        ...defaults,
        ...traits,
        id: closer.id,
        displayName: closer.displayName ?? closer.id,
      } as CloserSpec;
    });
  }
  const width = Math.max(2, String(count ?? 0).length);
  return Array.from({ length: count ?? 0 }, (_, i) => {
    const number = String(i + 1).padStart(width, '0');
    return { ...defaults, id: `closer-${number}`, displayName: `Closer ${number}` };
  });
}
