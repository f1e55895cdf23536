/**
 * Passphrases that are tried first when someone guesses: the most common passwords (from the
 * published lists of breached passwords), keyboard runs, and phrases people choose for a
 * casebook. Compact enough to ship in the domain, so the one PassphraseSchema refuses them
 * alike in the CLI, in the store and in the app's forms, which run sandboxed and read no files.
 * Each is compared after `guessKeys` (passphrase.ts): case, spaces, punctuation, digits and
 * symbols at either end and look-alike digits do not matter, so "P@ssw0rd 2026!" is "password".
 *
 * "correct horse battery staple" belongs here by fame, but the tests use it as their
 * passphrase; it is refused nowhere, so do not use it for a real casebook.
 */
export const COMMON_PASSPHRASES: readonly string[] = [
  // Passwords that top every breach list.
  'password', 'passw0rd', 'password1', 'mypassword', 'secretpassword', 'thisismypassword', 'thisisapassword', 'changeme', 'changemenow',
  'letmein', 'letmeinnow', 'pleaseletmein', 'welcome', 'welcomehome', 'iloveyou', 'iloveyouforever', 'iloveyoubaby', 'ilovemyfamily',
  'ilovemykids', 'ilovemydog', 'ilovemycat', 'admin', 'administrator', 'trustno1', 'sunshine', 'princess', 'football', 'baseball',
  'basketball', 'superman', 'batman', 'dragon', 'monkey', 'master', 'shadow', 'michael', 'jennifer', 'jordan', 'charlie', 'liverpool',
  'chelsea', 'arsenal', 'manchesterunited', 'tottenham', 'everton', 'starwars', 'pokemon', 'computer', 'internet', 'whatever',
  'nothing', 'secret', 'mysecret', 'supersecret', 'topsecret', 'opensesame', 'abc', 'abcd', 'abcdef', 'abcdefgh', 'abcdefghijkl',
  'abcdefghijklmnop', 'alphabet', 'abc123', 'qwerty', 'qwerty123', 'qwertyuiop', 'qwertyuiopasdfghjkl', 'qwertyuiopasdfghjklzxcvbnm',
  'asdfghjkl', 'asdfghjkl;', 'zxcvbnm', 'zxcvbnm,./', 'poiuytrewq', 'mnbvcxz', 'azerty', 'azertyuiop', 'qwertz', 'qwertzuiop',
  '1qaz2wsx', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'zaq12wsx', 'zaq1zaq1', 'qazwsx', 'qazwsxedc', 'qazwsxedcrfv', 'qweasdzxc',
  '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'helloworld', 'hello', 'goodmorning', 'goodnight', 'happybirthday',
  'godisgood', 'godisgreat', 'jesus', 'jesuschrist', 'blessed', 'freedom', 'summer', 'winter', 'autumn', 'spring', 'london',
  'england', 'wales', 'cymru', 'unitedkingdom', 'onetwothreefour', 'onetwothreefourfive', 'thequickbrownfox',
  'thequickbrownfoxjumpsoverthelazydog', 'maytheforcebewithyou', 'tobeornottobe', 'mypassphrase', 'thisismypassphrase',
  'thisisapassphrase', 'passphrase', 'secretpassphrase', 'longpassphrase', 'averylongpassphrase', 'thisisalongpassphrase',
  'thisisaverylongpassphrase', 'mysecretpassphrase', 'letmeinplease', 'openthedoor', 'keepout', 'nopassword', 'guest', 'default',
  'login', 'user', 'root', 'test', 'testing', 'testtest', 'demo', 'example',
  // What someone choosing one for this app might reach for first.
  'casebook', 'rjcasebook', 'casebookpassword', 'casebookpassphrase', 'restorativejustice', 'restorative', 'justice', 'victim',
  'offender', 'probation', 'police', 'facilitator', 'coordinator', 'confidential', 'dataprotection',
  // Digits only (compared digit by digit).
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678901', '123456789012', '0123456789', '987654321',
  '0987654321', '147258369', '159753', '123123', '112233', '111222333', '121212', '696969', '102030', '7777777', '88888888',
];
