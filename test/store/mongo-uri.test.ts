/**
 * MONGODB_URI past the scheme check is the driver's to parse: the manual's forms give
 * the client and database the app expects, and a URI the driver refuses stops the store
 * with one line naming the setting, without echoing the password.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { databaseFromUri, parseUri } from '../../src/store/mongo/open-mongo.ts';
import { openStore } from '../../src/store/open.ts';

describe('MONGODB_URI, parsed by the driver', () => {
  it.each([
    ['mongodb://mongodb0.example.com:27017', ['mongodb0.example.com:27017'], 'teamhealth'],
    [
      'mongodb://myDBReader:D1fficultP%40ssw0rd@mongodb0.example.com:27017,mongodb1.example.com:27017,mongodb2.example.com:27017/?authSource=admin&replicaSet=myRepl',
      ['mongodb0.example.com:27017', 'mongodb1.example.com:27017', 'mongodb2.example.com:27017'],
      'teamhealth',
    ],
    ['mongodb://h1:27017,h2:27017/ops?replicaSet=rs0', ['h1:27017', 'h2:27017'], 'ops'],
    [
      'mongodb+srv://myDatabaseUser:D1fficultP%40ssw0rd@cluster0.example.mongodb.net/reports?retryWrites=true&w=majority',
      ['cluster0.example.mongodb.net'],
      'reports',
    ],
  ])('reads %s as hosts %j and database %s', (uri, hosts, db) => {
    const client = parseUri(uri);
    // An SRV URI names one DNS name; the driver looks its hosts up when it connects.
    const named = client.options.srvHost ? [client.options.srvHost] : client.options.hosts;
    expect(named.map(String)).toEqual(hosts);
    expect(databaseFromUri(uri)).toBe(db);
  });

  it('keeps the credentials and authentication database the URI gives', () => {
    const client = parseUri(
      'mongodb://myDBReader:D1fficultP%40ssw0rd@h1:27017,h2:27017/ops?authSource=admin&replicaSet=myRepl',
    );
    expect(client.options.credentials?.username).toBe('myDBReader');
    expect(client.options.credentials?.password).toBe('D1fficultP@ssw0rd');
    expect(client.options.credentials?.source).toBe('admin');
    expect(client.options.replicaSet).toBe('myRepl');
  });

  it('authenticates against the database in the path when no authSource is given', () => {
    const client = parseUri('mongodb://app:secret@h1:27017/ops?replicaSet=rs0');
    expect(client.options.credentials?.source).toBe('ops');
  });

  it.each([
    ['mongodb://app:p@ss@h1/ops', 'Invalid connection string'],
    ['mongodb+srv://cluster0.example.mongodb.net:27017/ops', 'cannot have port number'],
    ['mongodb://h1/ops?replicaSet=', 'replicaSet'],
    ['mongodb://h1/ops?tls=maybe', 'tls'],
  ])('stops on %s with one line naming MONGODB_URI', async (uri, reason) => {
    const error = await openStore({ mongoUri: uri, dataDir: 'unused' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(
      /^MONGODB_URI is not a MongoDB connection string the driver accepts: /,
    );
    expect(error.message).toContain(reason);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('ss@h1');
  });
});
