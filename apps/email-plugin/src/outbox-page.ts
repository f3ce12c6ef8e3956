import type { SentEmail } from './outbox';

/** A plain page listing what the plugin sent, newest first: enough for a person to check. */
export function outboxPage(emails: readonly SentEmail[]): string {
  const rows = [...emails]
    .reverse()
    .map(
      (email) =>
        `<tr><td>${escapeHtml(email.sent_at)}</td><td>${escapeHtml(email.action_type)}</td><td>${escapeHtml(email.to)}</td><td>${escapeHtml(email.subject)}</td><td>${escapeHtml(email.text)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Email plugin outbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}</style>
</head>
<body>
<h1>Email plugin outbox</h1>
<p>${emails.length} email${emails.length === 1 ? '' : 's'} sent by this process (JSON: <a href="/outbox">/outbox</a>).</p>
<table>
<thead><tr><th>Sent at</th><th>Action</th><th>To</th><th>Subject</th><th>Text</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5">Nothing sent yet.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
