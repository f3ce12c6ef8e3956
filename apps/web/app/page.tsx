const endpoints = [
  ['GET', '/api/plugins/actions', 'Discover actions (?category=, ?plugin=, ?search=)'],
  ['POST', '/api/plugins/{slug}/register-actions', "Register a plugin's actions"],
  ['POST', '/api/plugins/events/automation', 'Dispatch a batch of automation events'],
  ['GET', '/api/plugins/events/automation', 'Health: platform and plugin actions'],
  ['GET', '/api/plugins', 'List plugins'],
  ['POST', '/api/trpc/*', 'Typed tRPC API (AppRouter)'],
] as const;

export default function HomePage() {
  return (
    <main
      style={{
        fontFamily: 'system-ui, sans-serif',
        maxWidth: 760,
        margin: '3rem auto',
        padding: '0 1rem',
      }}
    >
      <h1>Plugin Action Registry</h1>
      <p>Plugins register the actions they perform; automations discover and dispatch them.</p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {endpoints.map(([method, path, what]) => (
            <tr key={`${method} ${path}`} style={{ borderTop: '1px solid #ddd' }}>
              <td style={{ padding: '0.4rem 0.6rem 0.4rem 0' }}>
                <code>{method}</code>
              </td>
              <td style={{ padding: '0.4rem 0.6rem' }}>
                <code>{path}</code>
              </td>
              <td style={{ padding: '0.4rem 0' }}>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
