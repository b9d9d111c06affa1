/**
 * General knowledge of how news reports name states: a capital or seat of government stands
 * for its government ("Moscow said", "the White House said"), and demonyms mark titles
 * ("Turkish Foreign Minister"). Used only for names the graph does not know yet; ids follow
 * the graph's party:slug convention so that a later article resolves to the same party.
 */
import type { KnownName } from './names.ts';

const party = (slug: string, name: string, aliases: string[], demonyms: string[], kind = 'state'): KnownName & { kind: string } => ({
  id: `party:${slug}`,
  type: 'Party',
  name,
  aliases,
  demonyms,
  kind,
});

export const STATES: Array<KnownName & { kind: string }> = [
  party('russia', 'Russia', ['Moscow', 'the Kremlin', 'Kremlin', 'Russian Federation'], ['Russian']),
  party('ukraine', 'Ukraine', ['Kyiv', 'Kiev'], ['Ukrainian']),
  party('united-states', 'United States', ['U.S.', 'US', 'USA', 'America', 'Washington', 'the White House', 'White House'], ['American', 'U.S.', 'US']),
  party('turkiye', 'Türkiye', ['Turkey', 'Turkiye', 'Ankara'], ['Turkish']),
  party('united-kingdom', 'United Kingdom', ['UK', 'Britain', 'Great Britain', 'London', 'Downing Street'], ['British']),
  party('france', 'France', ['Paris', 'the Elysee', 'Elysee'], ['French']),
  party('germany', 'Germany', ['Berlin'], ['German']),
  party('poland', 'Poland', ['Warsaw'], ['Polish']),
  party('belarus', 'Belarus', ['Minsk'], ['Belarusian']),
  party('china', 'China', ['Beijing'], ['Chinese']),
  party('india', 'India', ['New Delhi'], ['Indian']),
  party('saudi-arabia', 'Saudi Arabia', ['Riyadh'], ['Saudi']),
  party('qatar', 'Qatar', ['Doha'], ['Qatari']),
  party('united-arab-emirates', 'United Arab Emirates', ['UAE', 'Abu Dhabi'], ['Emirati']),
  party('switzerland', 'Switzerland', ['Bern'], ['Swiss']),
  party('italy', 'Italy', ['Rome'], ['Italian']),
  party('vatican', 'Vatican', ['the Holy See', 'Holy See'], ['Vatican']),
  party('israel', 'Israel', [], ['Israeli']),
  party('iran', 'Iran', ['Tehran'], ['Iranian']),
  party('finland', 'Finland', ['Helsinki'], ['Finnish']),
  party('hungary', 'Hungary', ['Budapest'], ['Hungarian']),
  party('european-union', 'European Union', ['EU', 'Brussels'], ['EU'], 'bloc'),
  party('nato', 'NATO', ['the Atlantic alliance', 'North Atlantic Treaty Organization'], ['NATO'], 'organisation'),
  party('united-nations', 'United Nations', ['UN', 'U.N.'], ['UN', 'U.N.'], 'organisation'),
];
