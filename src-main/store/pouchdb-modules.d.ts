// The PouchDB packages ship no type declarations; store/pouch.ts gives the parts the app uses
// their types, and every other file goes through it.
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
declare module 'pouchdb-adapter-leveldb-core';
declare module 'pouchdb-fetch';
declare module 'memdown';
