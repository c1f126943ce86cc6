// Tiny HTML helpers shared by the sandbox's server-rendered pages. Development and testing only.

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
  body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f4f6f8;line-height:1.45}
  main{max-width:60rem;margin:0 auto;padding:1.25rem}
  h1{font-size:1.4rem;margin:.5rem 0 1rem}
  h2{font-size:1.15rem;margin:1.25rem 0 .5rem}
  fieldset{border:1px solid #c5ccd3;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem;background:#fff}
  legend{font-weight:600;padding:0 .25rem}
  label{display:block;margin:.35rem 0}
  select,input[type=text]{font:inherit;padding:.3rem;min-width:18rem;max-width:100%}
  button,.button{font:inherit;padding:.45rem 1rem;border-radius:4px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
  button.secondary{background:#fff;color:#0b5cad}
  .note{color:#4a545e;font-size:.9rem}
  .error{border-left:4px solid #b3261e;background:#fff;padding:.75rem 1rem}
  code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
  pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #d6dbe0;padding:.5rem}
  a{color:#0b5cad}
`;

export function page(title: string, body: string, extraHead = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
${extraHead}
</head>
<body>
${body}
</body>
</html>`;
}
