// Placeholder until the run command lands; says so rather than pretending.
export async function runCommand(_options: unknown): Promise<number> {
  process.stderr.write('teamhealth run: not built yet\n');
  return 1;
}
