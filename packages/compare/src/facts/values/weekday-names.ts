// Weekday names of the other languages the engine reads (English is calendar-value.ts's): Spanish,
// French, German, Portuguese, Italian, Dutch, Polish (with its case forms), Czech, Turkish, Danish,
// Norwegian and Swedish. Index 0 is Monday. Portuguese says them with "-feira" ("segunda-feira");
// alone, "segunda" / "sexta" are as often "second" / "sixth", so only the full form is read.
const names: readonly string[][] = [
  'lunes lundi montag segunda-feira lunedì lunedi maandag poniedziałek poniedziałku poniedziałki pondělí pondělí pazartesi mandag måndag',
  'martes mardi dienstag terça-feira terca-feira martedì martedi dinsdag wtorek wtorku wtorki úterý salı tirsdag tisdag',
  'miércoles miercoles mercredi mittwoch quarta-feira mercoledì mercoledi woensdag środa środy środę środzie středa çarşamba onsdag',
  'jueves jeudi donnerstag quinta-feira giovedì giovedi donderdag czwartek czwartku czwartki čtvrtek perşembe torsdag',
  'viernes vendredi freitag sexta-feira venerdì venerdi vrijdag piątek piątku piątki pátek cuma fredag',
  'sábado sabado samedi samstag sonnabend sabato zaterdag sobota soboty sobotę sobocie cumartesi lørdag lördag',
  'domingo dimanche sonntag domenica zondag niedziela niedzieli niedzielę niedziele neděle pazar søndag söndag',
].map((line) => line.split(' '));

const indexOf = new Map<string, number>();
names.forEach((forms, i) => {
  for (const f of forms) indexOf.set(f, i);
});

/** The weekday (0 = Monday) a lower-case word names in one of the languages above, or -1. */
export function otherLanguageWeekday(lower: string): number {
  return indexOf.get(lower) ?? -1;
}
