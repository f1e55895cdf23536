import { PassphraseSchema } from './src-main/domain/casebook/passphrase';
for (const p of ['correct horse battery staple','facilitator passphrase 1','quality lead passphrase 1','benchmark passphrase 2026','another passphrase 1','wrong wrong wrong','hunter2hunter2']) console.log(p, PassphraseSchema.safeParse(p).success);
