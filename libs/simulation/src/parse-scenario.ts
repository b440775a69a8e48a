// Reads a scenario document (YAML or JSON) into a validated, frozen Scenario, or fails with every
// problem at once so the author fixes the file in one pass.
import { readDocument, type DocumentFormat } from '@warmline/policy';
import { ScenarioInvalidError } from './errors.js';
import { scenarioRuleProblems } from './scenario-rules.js';
import { scenarioSchema, type Scenario } from './scenario-schema.js';

/** The formats parseScenario reads. */
export type ScenarioFormat = DocumentFormat;

/**
 * Parses and validates a scenario. `source` names the document in messages (e.g. a file name).
 * Throws ScenarioInvalidError listing every problem: syntax errors with their line, then wrong
 * types, unknown keys and out-of-range values with their path and line, then cross-field rules.
 */
export function parseScenario(text: string, format: ScenarioFormat, source: string): Scenario {
  return readDocument<Scenario>(text, format, {
    noun: 'scenario',
    schema: scenarioSchema,
    rules: scenarioRuleProblems,
    invalid: (problems) => new ScenarioInvalidError(source, problems),
  });
}
