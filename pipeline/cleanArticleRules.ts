/**
 * The general rules of cleanArticle: page furniture as it looks on sites the
 * pipeline has never seen. Pure predicates on one trimmed line; cleanArticle
 * decides where in the page each applies (before the headline, before the
 * story, in it, after it). Each rule names the reason a removed line keeps.
 */

/** Lines that start a block after the story: they and every line after them are not the story. */
export const STOP_LINES: Array<[RegExp, string]> = [
  [/^(latest|more|other|top|recent|popular) (articles|stories|news|posts|headlines)$/i, 'related-stories block'],
  [/^(related|related (articles|stories|posts|content|coverage|news)|more like this|you (may|might) also like|recommended( for you)?|read next|more from .{1,40}|most (read|popular|viewed)|trending( now)?|read more|see also)$/i, 'related-stories block'],
  [/^(leave a (reply|comment)|comments?|\d+ comments?|join the (conversation|discussion)|add a comment|post a comment|show comments|view comments)$/i, 'comment form'],
];

/** Single lines of furniture wherever they stand, each with its reason. */
export const FURNITURE: Array<[RegExp, string]> = [
  [/^(image|photo|picture|photograph|video)s?( credit)?\s*:/i, 'image credit'],
  [/^(credit|source: (getty|reuters|ap|afp|epa))\b/i, 'image credit'],
  [/^©\s?\S/, 'image credit'],
  [/^(share|share (this|on|via) .{1,30}|share this:?|like this:?|tweet|email|e-mail|print|copy link|copy the link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|messenger|bluesky)$/i, 'share buttons'],
  [/^(support us|donate( now| today)?|support (our|independent) (journalism|reporting|work)|become a (member|supporter|subscriber|patron)|make a (donation|contribution)|subscribe( now| today)?|sign up|sign up for (our|the) newsletter.*|newsletter)$/i, 'donation or subscription banner'],
  // A banner's sentence asks for money or sign-up *for the journalism*: asking alone could be a story's words.
  [/\b(donat\w*|contribut\w*|support us|become a (member|supporter|subscriber|patron)|subscri\w*)\b.*\b(journalism|reporting|newsroom|our work|independent media)\b/i, 'donation or subscription banner'],
  [/\b(journalism|reporting|newsroom)\b.*\b(donat\w*|support us|subscri\w*|become a (member|supporter|patron))\b/i, 'donation or subscription banner'],
  [/\b(subscribe to|sign up (for|to)) (our|the) (newsletter|daily|weekly|briefing)/i, 'donation or subscription banner'],
  [/^(advertisement|advert|sponsored( content)?|ad|ads by .{1,30}|story continues below( this)? advertisement|continue reading below)$/i, 'advertisement'],
  [/^(accept( all)?( cookies)?|reject( all)?|manage (cookies|preferences|settings)|cookie (settings|policy|preferences))$/i, 'cookie notice'],
  [/\bcookies?\b.*\b(we use|this (site|website)|consent|accept|privacy|your (experience|browsing))\b|\b(we use|this (site|website) uses)\b.*\bcookies?\b/i, 'cookie notice'],
  [/^(your email address will not be published|comments are (closed|moderated)|log ?in to comment|you must be logged in to post a comment|required fields are marked)/i, 'comment notice'],
  [/^(read more|read also|also read|see also|related|more on this story|watch|listen)\s*[:|–—-]\s*\S/i, 'link to another story'],
  [/^\d+\s*(min|minute)s?\s+read$/i, 'reading time'],
  [/^(reporting|writing|editing|additional reporting|compiled|produced)( by)?\b.*\bby\b/i, 'reporting credits'],
];

const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun';
const MONTHS = 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const LABELS = 'published updated posted last first modified date on at am pm a.m p.m gmt utc bst cet cest eet eest est edt pst pdt et pt msk ist jst';
const RELATIVE = 'ago just now min mins minute minutes h hr hrs hour hours d day days sec secs second seconds';
const DATE_WORDS = new Set(`${WEEKDAYS} ${MONTHS} ${LABELS} ${RELATIVE}`.split(' '));

/**
 * Whether a whole line says only when the page was published or updated: a dateline
 * ("Sunday, 6 March 2022, 09:57", "Updated: March 6, 2022 9:57 AM GMT", "2 hours ago"),
 * a time of day alone ("14:05 GMT", a live blog's entry), or a dateline's label with no date
 * ("Published on"). Returns 'dateline', 'time' or 'empty dateline'.
 */
export function classifyDateline(line: string): 'dateline' | 'time' | 'empty dateline' | null {
  if (line.length > 80) return null;
  const tokens = line.toLowerCase().split(/[\s,.:;|/·•()[\]–—-]+/).filter((t) => t !== '');
  if (tokens.length === 0) return null;
  const isDateToken = (t: string) => DATE_WORDS.has(t) || /^\d{1,4}(st|nd|rd|th|h|am|pm)?$/.test(t) || /^\d{1,2}h\d{2}$/.test(t);
  if (!tokens.every(isDateToken)) return null;
  const months = new Set(MONTHS.split(' '));
  const weekdays = new Set(WEEKDAYS.split(' '));
  const hasDigit = tokens.some((t) => /\d/.test(t));
  const dated = tokens.some((t) => /^\d{4}$/.test(t) || t === 'ago' || ((weekdays.has(t) || months.has(t)) && hasDigit));
  if (dated) return 'dateline';
  // Only a time of day ("14:05 GMT"): a live blog's entry, not the page's date.
  if (/\b\d{1,2}[:.h]\d{2}\b/.test(line)) return 'time';
  // A label with no date: "Published on", "Updated" (never a lone weekday or "May", which can be words of a story).
  return tokens.every((t) => /^(published|updated|posted|last|first|modified|on|at|date)$/.test(t)) ? 'empty dateline' : null;
}

/**
 * Whether a line before the story is a byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters",
 * "Jane Doe, Reuters", "Jane Doe | Kyiv Independent". Names start with a capital; no sentence punctuation.
 */
export function isByline(line: string): boolean {
  if (line.length > 100 || /[!?;“”"]/.test(line) || /\.$/.test(line)) return false;
  const name = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|van|von|de|der|al|bin))*";
  const names = `${name}(?:\\s*(?:,|and|&)\\s*${name})*`;
  const outlet = "(?:\\s*[,|–—-]\\s*[\\p{L}&'’ ]{2,50})?";
  if (new RegExp(`^By\\s+${names}${outlet}$`, 'u').test(line)) return true;
  // No "By": two to four capitalised words, then a comma or bar and an agency or role.
  return new RegExp(`^\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}\\s*[,|]\\s*[\\p{L}&'’ ]{2,50}$`, 'u').test(line);
}

/** Whether a line reads as a sentence's end (for the list of other headlines after the story). */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…:;"”’)\]]$/.test(line);
}

/** Short, with no sentence punctuation: what menus, section names and labels look like. */
export function isShortLabel(line: string, max = 40): boolean {
  return line.length <= max && !/[.!?:;”"]/.test(line);
}

/** Caption labels that mark the rest of the line as a photo caption: "Image caption, …", "Caption: …". */
export const CAPTION_LABEL = /^(image caption|photo caption|caption)\s*[,:]\s+(?=\S)/i;
