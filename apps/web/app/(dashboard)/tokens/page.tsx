import type { Metadata } from 'next';
import { TokensView } from '@/features/tokens/tokens-view';
import { dashboardPrincipal } from '@/server/session';

export const metadata: Metadata = { title: 'Tokens' };

/** The session's own token is known only on the server: the page tells the view which it is. */
export default async function TokensPage() {
  const principal = await dashboardPrincipal();
  const admin = principal?.kind === 'admin' ? principal : null;
  return <TokensView signedInTokenId={admin?.tokenId ?? null} localMode={admin?.via === 'local'} />;
}
