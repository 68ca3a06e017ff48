import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';

const at = storedText('password-arguments-key-0123456789');
const { stored, storedJson } = at;

/**
 * Passwords that a command line gives by position (`htpasswd -b file user PW`, `net user NAME PW`,
 * `sqlplus user/PW@db`, `echo PW | … --password-stdin`) or after an option of a program the
 * command-line rule did not know (`ssh-keygen -N`, `keytool -storepass`, `ldapsearch -w`,
 * `ipmitool -P`, `sqlcmd -P`, `psexec -p`, `unrar -p`, `snmpwalk -A/-X`, `cmdkey /pass:`). Every
 * one was stored (trust audit 3; `htpasswd -b` was on trust audit 2's Left list).
 */
describe('a password given to a command by position or by an option of its own', () => {
  const passwords = ['sunflower', 'Sunflower7', 'Tr0ub4dor&3', 'GirasolAzul'];
  const commands = [
    'htpasswd -b /etc/nginx/.htpasswd admin {pw}',
    'htpasswd -bcB /etc/nginx/.htpasswd admin {pw}',
    'htpasswd -B -C 12 -b .htpasswd admin {pw}',
    'sudo htpasswd -nbB admin {pw}',
    'mosquitto_passwd -b /etc/mosquitto/passwd bob {pw}',
    'rabbitmqctl add_user admin {pw}',
    'sudo rabbitmqctl change_password admin {pw}',
    'sqlplus scott/{pw}@orcl',
    'sqlplus -s system/{pw}@//db:1521/XE',
    "echo '{pw}' | docker login -u bob --password-stdin registry.example",
    'echo "{pw}" | passwd --stdin alice',
    'echo "alice:{pw}" | chpasswd',
    'printf "%s" "{pw}" | podman login --username bob --password-stdin quay.io',
    'redis-cli -h cache CONFIG SET requirepass {pw}',
    'requirepass {pw}',
    'masterauth {pw}',
    '127.0.0.1:6379> AUTH {pw}',
    'redis-cli AUTH default {pw}',
    "ssh-keygen -t ed25519 -N '{pw}' -f deploy_key",
    'ssh-keygen -p -P {pw} -N {pw} -f id_rsa',
    'keytool -genkey -alias app -storepass {pw} -keypass {pw}',
    'jarsigner -storepass {pw} app.jar app',
    'ldapsearch -x -D cn=admin,dc=ex -w {pw} -b dc=ex',
    'ldappasswd -x -D cn=admin -w {pw} -s {pw} uid=bob',
    'ipmitool -I lanplus -H 10.0.0.5 -U admin -P {pw} chassis status',
    'sqlcmd -S db -U sa -P {pw} -Q "select 1"',
    'psexec \\\\host -u admin -p {pw} cmd',
    'unrar x -p{pw} archive.rar',
    'snmpwalk -v3 -u bob -l authPriv -a SHA -A {pw} -x AES -X {pw} 10.0.0.1',
    'cmdkey /add:srv /user:bob /pass:{pw}',
    'wmic /node:srv /user:bob /password:{pw} os get',
    'lftp -u bob,{pw} ftp.example',
  ];

  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(at, commands, passwords);
  });

  it('leaves commands that give none, byte for byte', () => {
    for (const text of [
      'htpasswd -c /etc/nginx/.htpasswd admin',
      'htpasswd -D /etc/nginx/.htpasswd admin',
      'htpasswd -v .htpasswd bob',
      'net user',
      'net user alice * /add',
      'net user alice /delete',
      'net use Z: \\\\fs01\\share /persistent:yes',
      'net use \\\\fs01\\share * /user:CORP\\alice',
      'rabbitmqctl list_users',
      'rabbitmqctl add_vhost shop',
      'rabbitmqctl set_permissions -p shop admin ".*" ".*" ".*"',
      'sqlplus / as sysdba',
      'sqlplus /nolog',
      'sqlplus scott@orcl',
      'echo "hello world" | wc -l',
      'echo $PASSWORD | docker login -u bob --password-stdin',
      'echo "$REGISTRY_TOKEN" | docker login --password-stdin ghcr.io',
      'cat pw.txt | docker login --username bob --password-stdin',
      'ssh-keygen -t ed25519 -N "" -f deploy_key',
      'ldapsearch -x -s sub -b dc=ex "(uid=bob)"',
      'keytool -list -keystore app.jks',
      'ipmitool -H 10.0.0.5 -U admin chassis status',
      'redis-cli CONFIG GET requirepass',
      'the requirepass directive sets a password',
      'psexec \\\\host -s cmd',
      'unrar x archive.rar',
      'Order ORD-2024-88123 for user alice, booking XK7P2Q, total $35.00 on 2026-12-03',
      'The net user count is 12 and the auth flow uses PKCE',
    ]) {
      expect(stored(text), text).toBe(text);
      expect(storedJson(text), text).not.toContain('[redacted');
    }
  });
});
