// The clients of an activity's turn are made once per key and reused; a failed creation is not kept.
import { ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { MicrosoftAppCredentials } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { clientAppId, reusedBotClients } from '../../../src/platforms/teams/reused-bot-clients.js';

// botframework-connector's factory, counting what it makes (the SDK's role; nothing of ours is stood in for).
class CountingFactory extends ConnectorFactory {
  made: string[] = [];
  failNext = false;
  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    this.made.push(`${serviceUrl} ${audience}`);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('token endpoint unreachable');
    }
    return new ConnectorClient(new MicrosoftAppCredentials('app', 'pw'), { baseUri: serviceUrl });
  }
}

describe('reusedBotClients', () => {
  it('makes one ConnectorClient per app id, serviceUrl and audience', async () => {
    const clients = reusedBotClients();
    const inner = new CountingFactory();
    const a = clients.connectorFactory(inner, 'bot-1');
    const first = await a.create('https://smba.example/emea/', 'https://api.botframework.com');
    const again = await clients
      .connectorFactory(inner, 'bot-1')
      .create('https://smba.example/emea/', 'https://api.botframework.com');
    expect(again).toBe(first);
    const otherUrl = await a.create('https://smba.example/amer/', 'https://api.botframework.com');
    const otherBot = await clients
      .connectorFactory(inner, 'bot-2')
      .create('https://smba.example/emea/', 'https://api.botframework.com');
    expect(otherUrl).not.toBe(first);
    expect(otherBot).not.toBe(first);
    expect(inner.made).toHaveLength(3);
  });

  it('tries again after a failed creation', async () => {
    const clients = reusedBotClients();
    const inner = new CountingFactory();
    inner.failNext = true;
    const factory = clients.connectorFactory(inner, 'bot-1');
    await expect(factory.create('https://smba.example/emea/')).rejects.toThrow('unreachable');
    await expect(factory.create('https://smba.example/emea/')).resolves.toBeInstanceOf(ConnectorClient);
    expect(inner.made).toHaveLength(2);
  });

  it('keeps 64 clients at most, dropping the oldest', async () => {
    const clients = reusedBotClients();
    const inner = new CountingFactory();
    const factory = clients.connectorFactory(inner, 'bot-1');
    const first = await factory.create('https://smba.example/0/');
    for (let i = 1; i < 64; i++) await factory.create(`https://smba.example/${i}/`);
    expect(await factory.create('https://smba.example/0/')).toBe(first);
    await factory.create('https://smba.example/64/');
    expect(await factory.create('https://smba.example/0/')).not.toBe(first);
    expect(inner.made).toHaveLength(66);
  });

  it('keys by the app id botbuilder uses: the audience claim, else the appid claim', () => {
    expect(clientAppId(new ClaimsIdentity([{ type: 'aud', value: 'bot-1' }], true))).toBe('bot-1');
    expect(clientAppId(new ClaimsIdentity([{ type: 'appid', value: 'emulator-bot' }], true))).toBe('emulator-bot');
    expect(clientAppId(new ClaimsIdentity([], 'anonymous'))).toBe('');
  });
});
