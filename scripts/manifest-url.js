/**
 * ADDIN_URL for a deployment: every URL of manifest.xml that points at the dev
 * server (https://localhost:3000/…) is rewritten to the server hosting dist/,
 * and the AppDomains entry to that server's origin. Used by webpack.config.js
 * (CommonJS, so webpack can require it) and by the tests.
 */
const DEV_ORIGIN = "https://localhost:3000";

/** @returns {{ base: string, origin: string }} base ends with "/" */
function parseAddinUrl(addinUrl) {
  let url;
  try {
    url = new URL(addinUrl);
  } catch {
    throw new Error(`ADDIN_URL is not an absolute URL: ${addinUrl}`);
  }
  // Office loads add-ins over https only.
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be https: ${addinUrl}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not have a query or fragment: ${addinUrl}`);
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { base, origin: url.origin };
}

/** The manifest text with the dev server replaced by ADDIN_URL. Throws when a dev URL would remain. */
function rewriteManifestUrls(xml, addinUrl) {
  const { base, origin } = parseAddinUrl(addinUrl);
  const out = xml
    .split(`${DEV_ORIGIN}/`)
    .join(base)
    // What is left is the bare origin (AppDomain): the deployment's origin, not its path.
    .split(DEV_ORIGIN)
    .join(origin);
  if (/https?:\/\/localhost[:/]/.test(out)) throw new Error("manifest.xml: a localhost URL was not rewritten");
  return out;
}

module.exports = { DEV_ORIGIN, parseAddinUrl, rewriteManifestUrls };
