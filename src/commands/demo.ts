// Placeholder until the demo command lands; says so rather than pretending.
export async function demoCommand(_options: unknown): Promise<number> {
  process.stderr.write('teamhealth demo: not built yet\n');
  return 1;
}
