/**
 * Race tests send requests at the same time and check that exactly one wins. Only PostgreSQL
 * (DATABASE_URL set) runs them truly at once; PGlite has one connection, so there the same
 * requests run one after another and the test checks the serialized outcome only. `raceTitle`
 * says which of the two a run proved, in the test's name.
 */
export const racesAreReal = Boolean(process.env.DATABASE_URL);

export function raceTitle(title: string): string {
  return racesAreReal ? `${title} [a real race: PostgreSQL]` : `${title} [serialized on PGlite: a real race only on PostgreSQL]`;
}
