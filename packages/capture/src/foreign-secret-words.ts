/**
 * "Password" in the languages agents are most often written to, as people label one in a message
 * (`Passwort: …`, `contraseña: …`, `mot de passe : …`, `senha: …`, `パスワード：…`, `密码是…`) and
 * as programs name a field or a parameter (`{"Passwort": …}`, `?contrasena=…`). The English words
 * are read by the secret-name rules (`isSecretName`); these are not ASCII words they can find.
 */
export const foreignPasswordLabels: readonly string[] = [
  'passwort',
  'kennwort',
  'contraseña',
  'contrasena',
  'mot de passe',
  'senha',
  'palavra-passe',
  'wachtwoord',
  'lösenord',
  'losenord',
  'passord',
  'adgangskode',
  'salasana',
  'hasło',
  'haslo',
  'heslo',
  'jelszó',
  'parolă',
  'parole',
  'geslo',
  'lozinka',
  'лозинка',
  'парола',
  'parool',
  'contrasenya',
  'wagwoord',
  'slaptažodis',
  'lykilorð',
  'pasahitza',
  'cyfrinair',
  'şifrə',
  'kata laluan',
  'şifre',
  'şifresi',
  'sifre',
  'пароль',
  'κωδικός',
  'パスワード',
  '暗証番号',
  '密码',
  '密碼',
  '口令',
  '비밀번호',
  'كلمة المرور',
  'كلمة السر',
  'סיסמה',
  'סיסמא',
  'पासवर्ड',
  'mật khẩu',
  'kata sandi',
  'รหัสผ่าน',
  'رمز عبور',
];

/**
 * What else makes a field's name secret in those languages, as `secret`, `key` and `token` do in
 * English (`{"geheimnis": …}`, `api_schluessel`, `"токен"`). Labels that are ordinary words in a
 * neighbouring language when written without their marks (`parolă` → Italian `parola`, "word";
 * `κωδικός` alone is any code) name a field only in prose, not as a name.
 */
const foreignSecretTerms: readonly string[] = [
  'geheimnis',
  'geheim',
  'secreto',
  'segreto',
  'segredo',
  'sekret',
  'секрет',
  '秘密',
  'schlüssel',
  'schluessel',
  'clave',
  'chiave',
  'chave',
  'sleutel',
  'klucz',
  'ключ',
  '密钥',
  '密鑰',
  '秘钥',
  'токен',
  '令牌',
  'トークン',
  '토큰',
  'jeton',
];

/** Labels that are also ordinary words elsewhere (Latvian `parole` is French and English `parole`). */
const notNames = new Set(['parolă', 'parole', 'κωδικός']);

/** Lower case, marks removed (`ñ` → `n`, `ö` → `o`), camelCase and separators as `_`: how a name and a term are compared. */
function folded(s: string): string {
  return s
    .replace(/(\p{Ll}|\d)(\p{Lu})/gu, '$1_$2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-\s.]+/g, '_');
}

/**
 * A term of this length, or in a script written without spaces between words (Chinese, Japanese,
 * Korean, Thai), is found inside a compound (`benutzerkennwort`, `用户密码`); a shorter one is a
 * whole word (`ключ` is not taken inside `включить`).
 */
const minInside = 7;

const terms = [...foreignPasswordLabels.filter((l) => !notNames.has(l)), ...foreignSecretTerms].map(folded);
/** Each multi-word term also written as one word (`motdepasse`, `katasandi`). */
const allTerms = [...new Set([...terms, ...terms.filter((t) => t.includes('_')).map((t) => t.replaceAll('_', ''))])];
const insideTerms = allTerms.filter(
  (t) => t.length >= minInside || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(t),
);
const wordTerms: ReadonlySet<string> = new Set(allTerms.filter((t) => !insideTerms.includes(t)));

/** Whether a field, parameter or header name is a password, secret, key or token word of another language (or holds one). */
export function isForeignSecretName(name: string): boolean {
  const n = folded(name);
  for (const t of insideTerms) if (n.includes(t)) return true;
  for (const w of n.split('_')) if (wordTerms.has(w)) return true;
  return false;
}

/**
 * For a scan that finds names by a word they hold (`secretWord`): a part every spelling of each
 * term's names holds — its longest run of ASCII letters of four or more (`contrase` of
 * `contraseña`, `senord` of `lösenord`), else its longest part between blanks as written
 * (`пароль`, `المرور`, `パスワード`). Every name {@link isForeignSecretName} accepts holds one, and
 * so does every label of prose, names or not (`parola`, Romanian `parolă` without its mark, which
 * a password stated in ASCII prose is found near: trust audit 9).
 */
export function foreignNameHints(): string[] {
  const spellings = [...foreignPasswordLabels, ...foreignSecretTerms];
  const out = new Set<string>();
  for (const s of spellings) {
    for (const form of [s.toLowerCase(), s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')]) {
      const ascii = (form.match(/[a-z]{4,}/g) ?? []).sort((a, b) => b.length - a.length)[0];
      out.add(ascii ?? form.split(/[\s-]+/).sort((a, b) => b.length - a.length)[0] ?? form);
    }
  }
  return [...out];
}
