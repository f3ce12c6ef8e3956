/**
 * Who sent a registration, for people: the history stores `token:<id>`, `session`, `local` or
 * `plugin:<slug>` (see ZRegistrationRevisionSchema).
 */
export function credentialLabel(credential: string): string {
  const [kind, id] = credential.split(':', 2);
  if (kind === 'token' && id) return `admin token ${id.slice(0, 8)}`;
  if (kind === 'plugin') return "the plugin's key";
  if (kind === 'session') return 'dashboard session';
  if (kind === 'local') return 'local admin';
  return credential;
}
