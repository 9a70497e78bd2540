import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dbPath: 'var/retold.sqlite',
      allowPrivateUrls: false,
      loadSamples: true,
    });
    expect(c.maxUploadBytes).toBe(5 * 1024 * 1024);
  });

  it.each([
    ['RETOLD_PORT', 'eighty'],
    ['RETOLD_PORT', '70000'],
    ['RETOLD_MAX_UPLOAD_MB', '-1'],
    ['RETOLD_ALLOW_PRIVATE_URLS', 'maybe'],
    ['RETOLD_TRUST_PROXY', 'the proxy'],
    ['RETOLD_TRUST_PROXY', '10.0.0.300'],
  ])('stops with a message naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^config: ${name}=`));
  });

  it('reads booleans and numbers', () => {
    const c = loadConfig({ RETOLD_PORT: '8080', RETOLD_ALLOW_PRIVATE_URLS: 'true', RETOLD_LOAD_SAMPLES: '0' });
    expect(c).toMatchObject({ port: 8080, allowPrivateUrls: true, loadSamples: false });
  });

  it('reads RETOLD_TRUST_PROXY as off, a hop count or a list of proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ RETOLD_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ RETOLD_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(loadConfig({ RETOLD_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });
});
