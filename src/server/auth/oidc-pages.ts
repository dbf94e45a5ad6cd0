const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c)

/**
 * The page a browser lands on when a sign-in through the identity provider fails. It is a
 * navigation from the provider, not a call from the app, so it is HTML, and plain: the
 * server's CSP allows no inline styles, and the person's next step is one link away.
 */
export function signInProblemPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Golden Thread</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/sign-in">Back to sign in</a></p>
</main>
</body>
</html>
`
}
