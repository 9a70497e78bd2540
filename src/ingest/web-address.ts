/**
 * ingest: the one check of a web address that is stored or fetched (JSON
 * import, pasted-text metadata, the edit form and API, multipart metadata,
 * import by URL): an absolute http or https address with a host. Anything
 * else — `javascript:`, `data:`, `file:`, a relative path — is refused with
 * a message saying why, so it can never become a link on a page or a
 * request to a local file. Pure.
 */

/** Longest address kept. */
export const maxAddressLength = 2000;

/** The address as the URL parser writes it, or why it is refused. */
export type AddressCheck = { ok: true; url: URL } | { ok: false; error: string };

/** Check one address. */
export function checkWebAddress(value: string): AddressCheck {
  const trimmed = value.trim();
  if (!trimmed) return { ok: false, error: 'the address is empty' };
  if (trimmed.length > maxAddressLength)
    return { ok: false, error: `the address is longer than ${maxAddressLength} characters` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      error: `not a valid web address: ${JSON.stringify(trimmed.slice(0, 100))} (give a full http:// or https:// address)`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `only http and https addresses are accepted, not ${url.protocol.replace(/:$/, '')}:` };
  }
  if (!url.hostname) return { ok: false, error: 'the address has no host' };
  return { ok: true, url };
}
