/**
 * quotes/people: the people and organisations an article names, found as
 * runs of proper-name words outside quotations. Titles ("President",
 * "Maj. Gen.") are kept apart as roles; the fullest form of each name wins.
 */
import lexicon from '../../data/quotes/lexicon.json' with { type: 'json' };
import { speakerKey } from '../speakers/index.js';
import { findTitleCaseParagraphs, rolesAfter, rolesBefore } from './name-context.js';
import { startsUpper, type Word } from './words.js';

const titleWords = new Set(lexicon.titleWords.map((w) => w.toLowerCase()));
const orgWords = new Set(lexicon.orgWords.map((w) => w.toLowerCase()));
const placeWords = new Set(lexicon.placeWords.map((w) => w.toLowerCase()));
// words of states, cities and countries (`New Hampshire`, `Tel Aviv`): a run made only of them is a place, not a person
const placeRunWords = new Set([...placeWords, ...lexicon.placeNames.flatMap((n) => n.toLowerCase().split(' '))]);
const particles = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'abu',
  'abd',
  'ul',
  'de',
  'da',
  'di',
  'del',
  'van',
  'von',
  'der',
  'den',
  'du',
  'le',
  'la',
]);
const connectors = new Set(['of', 'in', 'for']);
/** Abbreviated titles as the role nouns a description uses ("Sen. Ruiz" … "the senator"). */
const titleRoles: Record<string, string> = {
  'sen.': 'senator',
  'gov.': 'governor',
  'rep.': 'representative',
  'gen.': 'general',
  'sec.': 'secretary',
  'prof.': 'professor',
  'dr.': 'doctor',
  'lt.': 'lieutenant',
  'col.': 'colonel',
  'capt.': 'captain',
  'maj.': 'major',
  'adm.': 'admiral',
  'sgt.': 'sergeant',
  'rev.': 'reverend',
};

/** A person named in the article. */
export interface Person {
  name: string;
  key: string;
  surname: string;
  /** lower-case role words: titles and descriptions ("prime", "minister", "spokesman") */
  roles: Set<string>;
}

/** One place where a person or organisation is named. */
export interface Mention {
  /** index of the first word of the name, and of the word after it */
  at: number;
  to: number;
  kind: 'person' | 'org';
  name: string;
  person: Person | null;
}

/** A classified run of name words. */
export interface NameRun {
  from: number;
  to: number;
  kind: 'person' | 'org' | 'single' | 'other';
  /** the name without titles (the whole run for organisations) */
  name: string;
  titles: string[];
}

/** True when a word can be part of a proper name. */
export function isNameWord(w: Word): boolean {
  if (w.mark || w.quoted) return false;
  // the shape of a word never changes; it is asked for again and again while
  // attributions are resolved, so it is worked out once per word
  return (w.nameShape ??= hasNameShape(w));
}

const particleName = /^(al|el|ad|as|ash|at|az|an|ar|bin|ibn|abu)-\p{Lu}/u;

function hasNameShape(w: Word): boolean {
  // the particle forms have their first hyphen third or fourth: test the regex only then
  const dash = w.text.indexOf('-');
  if ((dash === 2 || dash === 3) && particleName.test(w.text)) return true;
  if (!startsUpper(w.text)) return false;
  return (
    w.pos === 'PROPN' ||
    titleWords.has(w.lower) ||
    w.pos === 'X' ||
    ((w.pos === 'NOUN' || w.pos === 'ADJ') && w.start > 0)
  );
}

function isTitle(w: Word): boolean {
  return titleWords.has(w.lower);
}

/** Strip a possessive ending (Iraq’s → Iraq). */
function stripPossessive(s: string): string {
  if (s.endsWith("'s") || s.endsWith('’s')) return s.slice(0, -2);
  return s.endsWith("s'") || s.endsWith('s’') ? s.slice(0, -1) : s;
}

/** Classify words [from, to) as a person, an organisation, a lone word or other. */
export function classifyRun(words: Word[], from: number, to: number, text: string): NameRun {
  let lastTitle = -1;
  for (let i = from; i < to; i += 1) if (isTitle(words[i])) lastTitle = i;
  const titles: string[] = [];
  for (let i = from; i <= lastTitle; i += 1) titles.push(words[i].lower);
  // the words after the titles: [restFrom, to)
  const restFrom = lastTitle >= 0 ? lastTitle + 1 : from;
  const whole = stripPossessive(text.slice(words[from].start, words[to - 1].end));
  if (restFrom >= to) return { from, to, kind: 'other', name: whole, titles };
  // org words after the titles make an organisation ("Israel Defense Forces"); before them they are a rank ("Army Maj. Gen.")
  let allPlaces = true;
  for (let i = restFrom; i < to; i += 1) {
    const lower = stripPossessive(words[i].lower);
    if (orgWords.has(lower)) return { from, to, kind: 'org', name: whole, titles: [] };
    if (allPlaces && !placeRunWords.has(lower)) allPlaces = false;
  }
  for (let i = restFrom; i < to; i += 1) {
    if (!connectors.has(words[i].lower)) continue;
    // `Sen. Tom Carper of Delaware`, `Meenakshi Ganguly of Human Rights Watch`: a titled or
    // two-word name before "of" is the person, what follows is where they are from
    if (i > restFrom && (lastTitle >= 0 || i - restFrom >= 2) && words[i].lower === 'of') {
      const head = classifyRun(words, from, i, text);
      if (head.kind === 'person') return { ...head, to };
    }
    return { from, to, kind: 'other', name: whole, titles };
  }
  if (allPlaces) return { from, to, kind: 'other', name: whole, titles };
  const restName = stripPossessive(text.slice(words[restFrom].start, words[to - 1].end));
  if (to - restFrom === 1) return { from, to, kind: lastTitle >= 0 ? 'person' : 'single', name: restName, titles };
  return { from, to, kind: 'person', name: restName, titles };
}

/** Find the maximal name runs in words [from, to). */
export function findNameRuns(words: Word[], from: number, to: number, text: string): NameRun[] {
  const runs: NameRun[] = [];
  let i = from;
  while (i < to) {
    if (!isNameWord(words[i])) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const w = words[j];
      if (isNameWord(w) && w.paragraph === words[j - 1].paragraph) {
        j += 1;
        continue;
      }
      const joins = (particles.has(w.lower) || connectors.has(w.lower)) && j + 1 < to && isNameWord(words[j + 1]);
      if (joins) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push(classifyRun(words, i, j, text));
    i = j;
  }
  return runs;
}

/** The people of an article, with an index by surname key. */
export interface People {
  persons: Person[];
  mentions: Mention[];
  bySurname: Map<string, Person[]>;
  byKey: Map<string, Person>;
  /** role word → persons holding it */
  byRole: Map<string, Person[]>;
  /** lone capitalised words no fuller name explains (`Viguerie`, `Hannity`): candidates for the speaker ranker only */
  loose: Mention[];
}

function lastKeyWord(key: string): string {
  const i = key.lastIndexOf(' ');
  return i < 0 ? key : key.slice(i + 1);
}

/** Number of space-separated parts of a name (as `name.split(' ').length`, without the array). */
function countWords(name: string): number {
  let n = 1;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) n += 1;
  return n;
}

/** Look up the fullest person whose surname is this single word, or null. */
export function findBySurname(people: People, word: string): Person | null {
  const list = people.bySurname.get(lastKeyWord(speakerKey(word)));
  if (!list || list.length === 0) return null;
  let best = list[0];
  let bestWords = countWords(best.name);
  for (const p of list) {
    const n = countWords(p.name);
    if (n > bestWords) {
      best = p;
      bestWords = n;
    }
  }
  return best;
}

/**
 * The one person whose first name is this single word (`Peter` for
 * Representative Peter Lang), or null when none or several are.
 */
export function findByFirstName(people: People, word: string): Person | null {
  const key = speakerKey(word);
  if (!key || key.includes(' ')) return null;
  let found: Person | null = null;
  for (const p of people.persons) {
    if (p.key.length <= key.length || !p.key.startsWith(`${key} `)) continue;
    if (found && found !== p && !p.key.endsWith(` ${found.surname}`)) return null;
    if (!found || p.key.length > found.key.length) found = p;
  }
  return found;
}

/** Collect the people and organisations named outside quotations. */
export function collectPeople(words: Word[], text: string): People {
  const headline = findTitleCaseParagraphs(words);
  const runs = findNameRuns(words, 0, words.length, text).filter((run) => !headline.has(words[run.from].paragraph));
  const byKey = new Map<string, Person>();
  const bySurname = new Map<string, Person[]>();
  const persons: Person[] = [];
  const personOf = (run: NameRun): Person | null => {
    const key = speakerKey(run.name);
    if (!key) return null;
    let p = byKey.get(key);
    if (!p) {
      p = { name: run.name, key, surname: lastKeyWord(key), roles: new Set() };
      byKey.set(key, p);
      persons.push(p);
      const list = bySurname.get(p.surname) ?? [];
      list.push(p);
      bySurname.set(p.surname, list);
    }
    for (const t of run.titles) if (!placeWords.has(t)) p.roles.add(titleRoles[t] ?? t);
    for (const r of rolesBefore(words, run.from)) p.roles.add(r);
    for (const r of rolesAfter(words, run.to)) p.roles.add(r);
    return p;
  };
  // persons first, so that a lone surname can find a fuller name given later in the text
  const personAt: (Person | null)[] = runs.map((run) => (run.kind === 'person' ? personOf(run) : null));
  const mentions: Mention[] = [];
  const loose: Mention[] = [];
  const sofar: People = { persons, mentions, bySurname, byKey, byRole: new Map(), loose };
  for (let r = 0; r < runs.length; r += 1) {
    const run = runs[r];
    if (run.kind === 'person')
      mentions.push({ at: run.from, to: run.to, kind: 'person', name: run.name, person: personAt[r] });
    else if (run.kind === 'org')
      mentions.push({ at: run.from, to: run.to, kind: 'org', name: run.name.replace(/^the\s+/i, ''), person: null });
    else if (run.kind === 'single') {
      const p = findBySurname(sofar, run.name);
      if (p) mentions.push({ at: run.from, to: run.to, kind: 'person', name: p.name, person: p });
      else loose.push({ at: run.from, to: run.to, kind: 'person', name: run.name, person: null });
    }
  }
  const byRole = new Map<string, Person[]>();
  for (const p of persons) {
    for (const r of p.roles) {
      const list = byRole.get(r) ?? [];
      list.push(p);
      byRole.set(r, list);
    }
  }
  return { persons, mentions, bySurname, byKey, byRole, loose };
}
