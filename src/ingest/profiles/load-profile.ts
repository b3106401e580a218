/**
 * The shipped mapping profiles (profiles/shipped/<name>.yml, documented with their
 * sources in docs/profiles.md) and the operator's own mapping files, in one place:
 * `--profile <name>` and `--mapping <file.yml>` both end here.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.ts';
import { loadMappingFile, type Mapping } from './mapping.ts';

// From source this file is src/ingest/profiles/load-profile.ts; in the compiled CLI it is
// a chunk in dist/, one folder below the package root (scripts/build-cli.mjs).
const SHIPPED_DIR = fileURLToPath(
  new URL(
    import.meta.url.endsWith('.ts') ? './shipped/' : '../src/ingest/profiles/shipped/',
    import.meta.url,
  ),
);

/** The names of the shipped profiles, sorted. */
export function shippedProfileNames(): string[] {
  return readdirSync(SHIPPED_DIR)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => name.slice(0, -'.yml'.length))
    .sort();
}

/**
 * @throws InputError naming the shipped profiles when `name` is not one of them.
 */
export async function loadShippedProfile(name: string): Promise<Mapping> {
  const names = shippedProfileNames();
  if (!names.includes(name)) {
    throw new InputError(
      `no profile named "${name}" (shipped: ${names.join(', ')}; for your own columns use --mapping <file.yml>)`,
    );
  }
  return loadMappingFile(`${SHIPPED_DIR}${name}.yml`, name);
}

/** Every shipped profile, for choosing one by file name (the inbox). */
export async function loadShippedProfiles(): Promise<Mapping[]> {
  return Promise.all(shippedProfileNames().map(loadShippedProfile));
}

/** `--profile` or `--mapping`, whichever was given (never both). */
export async function profileFromOptions(options: {
  profile?: string;
  mapping?: string;
}): Promise<Mapping | undefined> {
  if (options.profile !== undefined && options.mapping !== undefined) {
    throw new InputError('give --profile or --mapping, not both');
  }
  if (options.profile !== undefined) return loadShippedProfile(options.profile);
  if (options.mapping !== undefined) return loadMappingFile(options.mapping);
  return undefined;
}
