import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../common/contract/schemas/setup';
import { certificateNames, deriveFacts, pathOf, selectedServer, serverNames } from './derive';

const base: SetupState = { version: 1, setupId: 's-1', currentPage: 'connect-aws', completed: [], choices: {}, resources: {} };
const own = { host: 'srv.example.com', port: 2222, user: 'admin', keyId: 'k-own' };

describe('serverNames (the one www rule)', () => {
  it('is the domain alone without www, and bare + www. with it, whether or not www. was typed', () => {
    expect(serverNames('example.com', false)).toEqual(['example.com']);
    expect(serverNames('www.example.com', false)).toEqual(['www.example.com']);
    expect(serverNames('example.com', true)).toEqual(['example.com', 'www.example.com']);
    expect(serverNames('www.example.com', true)).toEqual(['example.com', 'www.example.com']);
  });
});

describe('the server to reach', () => {
  it("is the setup's instance (its Elastic IP, the key pair, user ubuntu, port 22) when it has one", () => {
    const setup = { ...base, resources: { elasticIp: '3.35.1.2', sshKeyItemId: 'k-1', instanceId: 'i-1' }, choices: { ownServer: own } };
    expect(selectedServer(setup)).toEqual({ ref: 'setup', host: '3.35.1.2', port: 22, user: 'ubuntu', keyId: 'k-1', label: 'ubuntu@3.35.1.2', instanceId: 'i-1' });
  });

  it('is the own server when there is no instance (a label with the port), and none without either', () => {
    expect(selectedServer({ ...base, choices: { ownServer: own } })).toMatchObject({ ref: 'ownServer', host: 'srv.example.com', label: 'admin@srv.example.com:2222' });
    expect(selectedServer({ ...base, resources: { elasticIp: '3.35.1.2' } })).toBeUndefined();
  });

  it('is the own server on the own-server path even when an instance is recorded', () => {
    const setup = { ...base, resources: { elasticIp: '3.35.1.2', sshKeyItemId: 'k-1' }, choices: { ownServer: own, path: 'own-server' } } as SetupState;
    expect(pathOf(setup)).toBe('own-server');
    expect(selectedServer(setup)?.ref).toBe('ownServer');
  });
});

describe('deriveFacts', () => {
  it('serves the Web server form’s domain, else the Domain step’s, with the www choice carried along', () => {
    const fromDomain = deriveFacts({ ...base, choices: { domain: 'example.com', www: true } });
    expect(fromDomain.site).toEqual({ domain: 'example.com', www: true, names: ['example.com', 'www.example.com'] });
    expect(fromDomain.webServerForm).toEqual({ domain: 'example.com', includeWww: true, appPort: 8000, staticDir: '', clientMaxBodySize: '10m' });
    expect(fromDomain.httpsForm).toMatchObject({ email: '', includeWww: true, mode: 'production' });
    expect(fromDomain.certificateNames).toEqual(['example.com', 'www.example.com']);

    const applied = deriveFacts({
      ...base,
      choices: { domain: 'example.com', www: true, webServer: { domain: 'app.example.com', includeWww: false, appPort: 3000, clientMaxBodySize: '1m' } },
    });
    expect(applied.site?.names).toEqual(['app.example.com']);
    expect(applied.domain?.names).toEqual(['example.com', 'www.example.com']);
    expect(applied.webServerForm).toMatchObject({ appPort: 3000, clientMaxBodySize: '1m', includeWww: false });
  });

  it('names the certificate with the HTTPS form’s www choice when it has one', () => {
    const setup: SetupState = { ...base, choices: { domain: 'example.com', https: { email: 'a@example.com', includeWww: true, mode: 'staging' } } };
    expect(certificateNames(setup)).toEqual(['example.com', 'www.example.com']);
    expect(deriveFacts(setup).httpsForm).toEqual({ email: 'a@example.com', includeWww: true, hstsIncludeSubDomains: false, mode: 'staging' });
  });

  it('follows the path: AWS by default, own server when only an own server is set up', () => {
    expect(deriveFacts(base).path).toBe('aws');
    expect(deriveFacts({ ...base, choices: { ownServer: own } }).path).toBe('own-server');
    expect(deriveFacts({ ...base, choices: { ownServer: own, awsSource: { kind: 'default' } } }).path).toBe('aws');
  });
});
