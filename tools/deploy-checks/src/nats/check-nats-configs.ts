// NATS configs validated by the server itself: `nats-server -c <config> -t` parses a config with its
// includes and refuses unknown keys and bad values. Each run works on a copy of the configs' folder
// with every referenced variable set to a dummy (passwords are environment variables), and with the
// keys of NEWER_SERVER_KEYS blanked out when the local server predates them; those keys' values are
// checked here instead, and every blanked line is reported as a note.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../finding.js';
import { NEWER_SERVER_KEYS, serverKnows } from './newer-server-keys.js';

export interface NatsCheckOptions {
  readonly binary: string;
  readonly serverVersion: readonly number[];
  /** Folder copied for the run (default: the deepest folder holding every config). */
  readonly root?: string;
}

export interface NatsCheckResult {
  readonly findings: Finding[];
  /** What the local server could not validate, one line per blanked key. */
  readonly notes: string[];
}

/** Validates every config in `configs` (paths to top-level server configs). */
export function checkNatsConfigs(
  configs: readonly string[],
  options: NatsCheckOptions,
): NatsCheckResult {
  const root = resolve(options.root ?? commonFolder(configs));
  const copy = mkdtempSync(join(tmpdir(), 'warmline-nats-check-'));
  const findings: Finding[] = [];
  const notes: string[] = [];
  try {
    cpSync(root, copy, { recursive: true });
    const checked = includeClosure(configs.map((config) => resolve(config)));
    const variables = new Set<string>();
    for (const file of confFiles(copy)) {
      const original = join(root, relative(copy, file));
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/[:=]\s*\$([A-Za-z_][A-Za-z0-9_]*)/g))
        variables.add(match[1] as string);
      // Every copy is blanked (any may be included); only the checked configs' files report.
      const report = checked.has(original) ? { findings, notes } : { findings: [], notes: [] };
      const shown = displayPath(original);
      writeFileSync(
        file,
        blankNewerKeys(shown, text, options.serverVersion, report.findings, report.notes),
      );
    }
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
    for (const name of variables)
      env[name] = name.endsWith('_DIR') ? join(copy, '.store') : 'check_only';
    for (const config of configs) {
      const target = join(copy, relative(root, resolve(config)));
      try {
        execFileSync(options.binary, ['-c', target, '-t'], { env, stdio: 'pipe' });
      } catch (error) {
        findings.push(
          serverFinding(
            config,
            String((error as { stderr?: unknown }).stderr ?? error),
            copy,
            root,
          ),
        );
      }
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  return { findings, notes };
}

/** `text` with the newer-only keys the server does not know replaced by comments (lines keep their numbers). */
function blankNewerKeys(
  file: string,
  text: string,
  version: readonly number[],
  findings: Finding[],
  notes: string[],
): string {
  const lines = text.split('\n');
  for (const key of NEWER_SERVER_KEYS.filter((k) => !serverKnows(version, k))) {
    const pattern = new RegExp(`^\\s*${key.key}\\s*[:=]\\s*(.*?)\\s*$`);
    lines.forEach((line, index) => {
      const match = pattern.exec(line);
      if (match === null) return;
      const value = match[1] ?? '';
      if (!key.value.test(value)) {
        findings.push({
          file,
          line: index + 1,
          rule: 'nats-newer-key',
          message: `${key.key} must be ${key.valueDescription}, got "${value}"`,
        });
      }
      notes.push(
        `${file}:${index + 1}: ${key.key} (nats-server ≥ ${key.since.join('.')}) not validated by nats-server ${version.join('.')}; value checked: ${value}`,
      );
      lines[index] = `# ${key.key} blanked for nats-server ${version.join('.')}`;
    });
  }
  return lines.join('\n');
}

/** A finding from nats-server's error, pointing at the original file and line when it names them. */
function serverFinding(config: string, stderr: string, copy: string, root: string): Finding {
  const text = stderr
    .replaceAll(copy, root)
    .replace(/^nats-server:\s*/, '')
    .trim();
  const located = /^(\S+?):(\d+):\d+: (.*)$/s.exec(text);
  if (located === null) return { file: config, rule: 'nats-server', message: text };
  return {
    file: displayPath(located[1] as string),
    line: Number(located[2]),
    rule: 'nats-server',
    message: `${located[3]} (validating ${config})`,
  };
}

/** The files `configs` consist of: themselves and everything they include, transitively. */
function includeClosure(configs: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // nats-server reports the missing include
    }
    for (const match of text.matchAll(/^\s*include\s+["']?([^"';\s]+)["']?\s*;?\s*$/gm)) {
      visit(resolve(dirname(file), match[1] as string));
    }
  };
  configs.forEach(visit);
  return seen;
}

/** `path` relative to the working directory when it lies inside it (shorter findings). */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

function confFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.conf'))
    .map((name) => join(folder, name));
}

function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((p) => resolve(dirname(p)).split(sep));
  const first = folders[0] ?? [process.cwd()];
  let length = first.length;
  for (const parts of folders) {
    let same = 0;
    while (same < Math.min(length, parts.length) && parts[same] === first[same]) same += 1;
    length = same;
  }
  return first.slice(0, length).join(sep) || sep;
}
