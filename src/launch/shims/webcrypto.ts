// fhirclient falls back to the isomorphic-webcrypto polyfill when globalThis.crypto is missing.
// Every browser we support has Web Crypto, so the polyfill is replaced by the real thing.
export default globalThis.crypto;
