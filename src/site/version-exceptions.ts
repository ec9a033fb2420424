// Days of the site's history that cannot be built with today's code and are left without versions, each with its
// reason: only days from before versions were built (7 December 2026), such as a state caught between two commits
// of one change. Nothing is added afterwards: from then on, an old state that fails stops the build, and the code
// is fixed to accept it again (the editors' contract). site/versions.ts refuses a later entry.
export interface VersionException {
  /** The day's last commit (its full hash), as the build's error names it. */
  commit: string;
  /** YYYY-MM-DD, UTC. */
  date: string;
  reason: string;
}

/** The last day an exception may name. */
export const lastExceptionDate = '2026-12-07';

// Every day of history so far builds: the list is empty.
export const versionExceptions: readonly VersionException[] = [];
