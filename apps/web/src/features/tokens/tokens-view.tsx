'use client';

import type { AdminToken } from '@registry/contracts';
import { useMemo } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { columnHelper, DataTable } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { TimeAgo } from '@/components/time-ago';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { trpc } from '@/trpc/trpc';
import { CreateTokenForm } from './create-token-form';
import { RevokeTokenButton } from './revoke-token-button';

const column = columnHelper<AdminToken>();

function tokenColumns(signedInTokenId: string | null) {
  return column.columns([
    column.accessor('name', {
      header: 'Name',
      sortFn: 'text',
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-2 font-medium">
          {row.original.name}
          {row.original.id === signedInTokenId && <Badge variant="outline">this browser</Badge>}
        </span>
      ),
    }),
    column.accessor('prefix', {
      header: 'Prefix',
      enableSorting: false,
      meta: { className: 'hidden sm:table-cell' },
      cell: ({ getValue }) => <code className="font-mono text-xs">{getValue()}</code>,
    }),
    column.accessor('created_at', {
      header: 'Created',
      sortFn: 'text',
      meta: { className: 'hidden sm:table-cell' },
      cell: ({ getValue }) => <TimeAgo iso={getValue()} />,
    }),
    column.accessor((token) => token.last_used_at ?? '', {
      id: 'last_used_at',
      header: 'Last used',
      sortFn: 'text',
      cell: ({ row }) =>
        row.original.last_used_at ? (
          <TimeAgo iso={row.original.last_used_at} />
        ) : (
          <span className="text-muted-foreground">never</span>
        ),
    }),
    column.accessor((token) => token.revoked_at ?? '', {
      id: 'revoked_at',
      header: 'Revoked',
      sortFn: 'text',
      cell: ({ row }) => <TokenState token={row.original} signedInTokenId={signedInTokenId} />,
    }),
  ]);
}

/** Revoked (when), expired, or live with the button that revokes it. */
function TokenState({
  token,
  signedInTokenId,
}: {
  token: AdminToken;
  signedInTokenId: string | null;
}) {
  if (token.revoked_at) {
    return (
      <span className="text-muted-foreground">
        revoked <TimeAgo iso={token.revoked_at} />
      </span>
    );
  }
  if (token.expires_at && Date.parse(token.expires_at) <= Date.now()) {
    return <span className="text-muted-foreground">expired</span>;
  }
  return <RevokeTokenButton token={token} signedInWith={token.id === signedInTokenId} />;
}

/** The tenant's admin tokens: which exist, when each was last used; create and revoke. */
export function TokensView({
  signedInTokenId,
  localMode,
}: {
  signedInTokenId: string | null;
  localMode: boolean;
}) {
  const tokens = trpc.tokens.list.useQuery();
  const columns = useMemo(() => tokenColumns(signedInTokenId), [signedInTokenId]);
  return (
    <>
      <PageHeader
        title="Tokens"
        description="Admin tokens open the API and the dashboard. Each is shown once, when created."
      />
      <Card aria-labelledby="create-token-title" className="mb-5">
        <CardHeader>
          <CardTitle id="create-token-title">Create a token</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateTokenForm localMode={localMode} />
        </CardContent>
      </Card>
      {tokens.error ? (
        <ApiErrorAlert error={tokens.error} title="Could not load tokens" />
      ) : (
        <DataTable
          label="Tokens"
          columns={columns}
          data={tokens.data}
          getRowId={(token) => token.id}
          empty={<EmptyState title="No tokens yet" />}
        />
      )}
    </>
  );
}
