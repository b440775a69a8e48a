// A compose env file (`KEY=value` lines, `#` comments) as entries with their line numbers.

export interface EnvEntry {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

/** The assignments of `text`; comments and blank lines are skipped. */
export function parseEnvFile(text: string): EnvEntry[] {
  return text.split('\n').flatMap((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return [];
    const equals = line.indexOf('=');
    if (equals <= 0) return [];
    return [
      { name: line.slice(0, equals).trim(), value: line.slice(equals + 1).trim(), line: index + 1 },
    ];
  });
}
