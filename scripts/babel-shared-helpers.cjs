/**
 * Babel plugin: the helpers Babel writes for down-levelled syntax (object spread, rest, classes …) are imported
 * once from @babel/runtime instead of being copied into every module. Compiling the pane's packages for
 * EdgeHTML 18 put a copy of `_objectSpread2` and its kin into each Fluent UI module (about 60 KB of the pane's
 * minified JavaScript; BENCHMARKS.md, task pane). This is the helper part of @babel/plugin-transform-runtime,
 * without its polyfill aliasing (core-js "usage" does that here).
 *
 * ES modules import `@babel/runtime/helpers/esm/<name>`, CommonJS files require `@babel/runtime/helpers/<name>`
 * (the file keeps its module kind). A helper @babel/runtime does not ship stays inline.
 */
const fs = require("node:fs");
const path = require("node:path");
const { addDefault } = require("@babel/helper-module-imports");

const HELPERS = path.join(path.dirname(require.resolve("@babel/runtime/package.json")), "helpers");

function shipped(name) {
  return fs.existsSync(path.join(HELPERS, `${name}.js`)) && fs.existsSync(path.join(HELPERS, "esm", `${name}.js`));
}

module.exports = function babelSharedHelpers({ types: t }) {
  return {
    name: "shared-helpers",
    pre(file) {
      const imported = new Map();
      file.set("helperGenerator", (name) => {
        if (!file.availableHelper(name) || !shipped(name)) return undefined;
        const esm = file.path.node.sourceType === "module";
        const key = `${esm}:${name}`;
        if (!imported.has(key)) {
          const source = esm ? `@babel/runtime/helpers/esm/${name}` : `@babel/runtime/helpers/${name}`;
          imported.set(key, addDefault(file.path, source, { importedInterop: "uncompiled", nameHint: name, blockHoist: 3 }));
        }
        return t.cloneNode(imported.get(key));
      });
    },
  };
};
