// The pure core must be fully covered by its own tests; the edges (db, http, cli) are tested
// through real SQLite and real HTTP, but are not held to line coverage.
const CORE = ['domain', 'bundle', 'planner', 'throughput', 'sheets', 'season'];

export default function coverageMap(testFile) {
  const match = /^test\/([^/]+)\//.exec(testFile.replace(/\\/g, '/'));
  return match && CORE.includes(match[1]) ? `src/${match[1]}/**/*.ts` : null;
}
