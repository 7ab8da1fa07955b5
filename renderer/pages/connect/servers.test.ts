import { describe, expect, it } from 'vitest';
import type { JourneyModel, ServerTarget } from '../../../common/contract/schemas/journey';
import { serverChoices } from './servers';

const own: ServerTarget = { ref: 'ownServer', host: 'srv.example.com', port: 2222, user: 'admin', keyId: 'k1', label: 'admin@srv.example.com:2222' };
const setupServer: ServerTarget = { ref: 'setup', host: '3.35.1.2', port: 22, user: 'ubuntu', keyId: 'k3', label: 'ubuntu@3.35.1.2' };

describe('serverChoices', () => {
  it("offers both servers, as the model names them, with each one's key id for vault.export", () => {
    const journey = { derived: { servers: [setupServer, own] } } as unknown as JourneyModel;
    expect(serverChoices(journey).map((choice) => [choice.ref, choice.keyId, choice.server?.label])).toEqual([
      ['setup', 'k3', 'ubuntu@3.35.1.2'],
      ['ownServer', 'k1', 'admin@srv.example.com:2222'],
    ]);
    const none = { derived: { servers: [] } } as unknown as JourneyModel;
    expect(serverChoices(none).map((choice) => choice.server)).toEqual([undefined, undefined]);
  });
});
