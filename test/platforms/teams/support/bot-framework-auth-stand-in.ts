// A stand-in for the Bot Framework's token signing on 127.0.0.1: an OpenID configuration and JWKS document (what
// login.botframework.com serves) for a key made here, and a function that issues channel tokens signed with it,
// so the adapter's real JWT validation runs with no network.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot
import { createSign, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The claims of a channel-to-bot token (the Bot Connector's token as Teams sends it). */
export interface ChannelTokenClaims {
  aud: string;
  serviceurl: string;
  iss?: string;
  /** Seconds from now until it expires (negative: already expired). */
  expiresIn?: number;
}

/** The stand-in: its metadata URL, a token issuer, and one signed with a key it does not publish. */
export interface BotFrameworkAuthStandIn {
  openIdMetadataUrl: string;
  token(claims: ChannelTokenClaims): string;
  forgedToken(claims: ChannelTokenClaims): string;
  close(): Promise<void>;
}

const KEY_ID = 'caac-test-signing-key';

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function sign(claims: ChannelTokenClaims, key: KeyObject): string {
  const now = Math.floor(Date.now() / 1000); // jsonwebtoken checks exp against the real clock
  const header = { alg: 'RS256', typ: 'JWT', kid: KEY_ID };
  const payload = {
    iss: claims.iss ?? 'https://api.botframework.com',
    aud: claims.aud,
    serviceurl: claims.serviceurl,
    iat: now - 10,
    nbf: now - 10,
    exp: now + (claims.expiresIn ?? 3600),
  };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key);
  return `${input}.${base64url(signature)}`;
}

/** Starts the stand-in on a random loopback port. */
export async function startBotFrameworkAuthStandIn(): Promise<BotFrameworkAuthStandIn> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = published.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  let base = '';
  const server = createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/.well-known/openidconfiguration') {
      send({
        issuer: 'https://api.botframework.com',
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    } else if (req.url === '/v1/.well-known/keys') {
      send({ keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    token: (claims) => sign(claims, published.privateKey),
    forgedToken: (claims) => sign(claims, other.privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
