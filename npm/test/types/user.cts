// The same package through require() (CommonJS), with the .d.cts declarations.
import hookseal = require('hookseal');
import express = require('hookseal/express');

const v = new hookseal.Verifier('saleslab', { secrets: 'sl_secret' });
const e: hookseal.Verified = v.verify(new TextEncoder().encode('{}'), hookseal.sign('saleslab', 'sl_secret', '{}'));
const middleware = express.webhook(v);
void [e.secretIndex, middleware];
import stores = require('hookseal/stores');
const claimed: Promise<stores.Claim> = new stores.MemoryStore().claim('k');
void claimed;
