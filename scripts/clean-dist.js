// `npm run build` empties dist/ first: the page compilations share it, so webpack's own `clean` cannot be used.
require("node:fs").rmSync(require("node:path").resolve(__dirname, "..", "dist"), { recursive: true, force: true });
