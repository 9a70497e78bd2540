/**
 * speakers: one home for speaker identity — name keys robust to
 * transliteration, and the one rule for "the same speaker". Pure.
 */
export { speakerKey, speakerSurname, speakerWords, splitSpeakerName } from './names.js';
export {
  chooseDisplayName,
  findKnownSpeaker,
  matchSpeakers,
  resolveSpeakerNames,
  type KnownSpeaker,
  type SpeakerMatch,
} from './identity.js';
