// Placeholder until the report command lands; says so rather than pretending.
export async function reportCommand(_options: unknown): Promise<number> {
  process.stderr.write('teamhealth report: not built yet\n');
  return 1;
}
