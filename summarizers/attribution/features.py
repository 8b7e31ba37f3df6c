"""Overlap signals between one summary sentence and its source, offline, in English and Hindi alike.

A sentence a model wrote faithfully mostly re-uses the words of one or two source sentences in their order; an error
shows as a figure, date or name the source never states, content words new to the source, word sequences (trigrams)
the source never has, a negation the aligned sources lack, or words gathered from far-apart places. Each signal is a
number in a fixed order (`FEATURES`), and the facts behind it are kept so a reader can be told what was not found.

The source is indexed once (`SourceIndex`) and every sentence is measured against it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from summarizers.attribution.facts import _TITLES, Fact, dates_and_numbers
from summarizers.text.calendar import MONTHS, WEEKDAYS
from summarizers.text.lexicon import STOPWORDS, stem
from summarizers.text.spans import WORD_RE, Span, fold, split_sentences, words

SIGNALS: tuple[str, ...] = (
    "best_f1",  # token F1 of content terms with the best source sentence
    "coverage2",  # share of the sentence's weighted content terms found in its best two source sentences
    "lcs1",  # longest common word subsequence with the best source sentence, over the sentence's length
    "lcs2",  # the same with its best two source sentences, in source order
    "new_terms",  # share of content terms the source never uses
    "new_terms_log",  # how many, log scale
    "new_rare",  # new content terms of five letters or more (log scale): specific words, not function words
    "new_bigrams",  # share of word pairs the source never has
    "new_trigrams",  # share of word triples the source never has
    "missing_numbers",  # numbers and percentages the source does not state
    "missing_dates",
    "missing_names",
    "negation",  # 1 when the sentence and its aligned sources disagree on negation
    "spread",  # distance between the best two source sentences, as a share of the source
    "copied",  # share of the sentence's words inside word sequences copied from the source (2 words or more)
    "density",  # mean squared length of copied fragments over sentence length (long copies: extractive)
    "longest",  # longest copied fragment over sentence length
    "fragments",  # copied fragments per word: a sentence stitched from many pieces
    "elsewhere",  # names and figures stated in the source, but not in the sentence's best two source sentences
    "substituted",  # words new to the source standing where a copied passage has another word
    "length_log",  # words in the sentence, log scale
    "apart",  # pairs of names and figures the source states, but never together in one sentence (facts fused)
)
# The signals the calibrated model weighs: chosen by grouped cross-validation on FRANK (benchmarks/fit_checker.py);
# more of them overfit its 307 summaries. The others still give a reader reasons.
FEATURES: tuple[str, ...] = (
    "new_terms_log",
    "fragments",
    "missing_numbers",
    "missing_names",
    "coverage2",
    "best_f1",
    "apart",
)

NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor cannot n't without denied denies deny refused refuses "
    "नहीं न ना मत कभी नहीं बिना इनकार".split()
)
# Small numbers are often written as words on one side and digits on the other.
NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000", "dozen": "12"}
HINDI_NUMBER_WORDS = {
    word: str(value) for value, word in enumerate("शून्य एक दो तीन चार पांच छह सात आठ नौ दस".split())
} | {"पाँच": "5", "छः": "6", "बीस": "20", "सौ": "100", "हजार": "1000", "हज़ार": "1000"}
_FEATURE_POSITIONS = tuple(SIGNALS.index(feature) for feature in FEATURES)
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_NOT_NAMES = STOPWORDS | _TITLES | _DATE_WORDS
_MAX_LCS_WORDS = 200
NEGATION_WINDOW = 3  # words either side of a negation: what it negates
MAX_SPECIFIC_TERMS = 40  # names and figures of one sentence paired up (`never_together`); real sentences have fewer


def _value(key: str) -> str:
    return key.partition(":")[2]


def _fact_values(facts: list[Fact]) -> set[str]:
    """Every key of every fact, and a number's bare value too: "12 per cent" in the summary meets "12%" or "12"."""
    values: set[str] = set()
    for fact in facts:
        values |= set(fact.keys)
        if fact.kind == "number":
            values.add(_value(fact.key))
    return values


def ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def lcs_length(a: list[str], b: list[str]) -> int:
    """Longest common subsequence of two word lists, bit-parallel (Hyyrö 2004): one integer operation per word of `a`
    over a bit per word of `b`."""
    if not a or not b:
        return 0
    b = b[:_MAX_LCS_WORDS]
    matches: dict[str, int] = {}
    for position, word in enumerate(b):
        matches[word] = matches.get(word, 0) | (1 << position)
    mask = (1 << len(b)) - 1
    row = mask
    for word in a[:_MAX_LCS_WORDS]:
        match = matches.get(word, 0)
        if match:
            low = row & match
            row = ((row + low) | (row - low)) & mask
    return len(b) - row.bit_count()


def name_words(text: str) -> list[str]:
    """Capitalised Latin words inside a sentence (not its first word): names, places, organisations, as written.
    Titles, months and weekdays are left out (a weekday is a date, not a name). In a sentence with Devanagari in it
    the first word counts too: Hindi has no capitals, so a capitalised Latin word there is a name wherever it stands."""
    found = WORD_RE.findall(text)
    return [
        word
        for word in found[0 if _DEVANAGARI.search(text) else 1 :]
        if word[0].isascii() and word[0].isupper() and word.casefold() not in _NOT_NAMES
    ]


def _is_devanagari(char: str) -> bool:
    return "\u0900" <= char <= "\u097f"


_DEVANAGARI = re.compile("[\u0900-\u097f]")


def negations(tokens: list[str]) -> list[frozenset[str]]:
    """What each negation in a sentence negates: the content terms within `NEGATION_WINDOW` words of it."""
    found = []
    for position, token in enumerate(tokens):
        if token in NEGATIONS:
            near = tokens[max(0, position - NEGATION_WINDOW) : position + NEGATION_WINDOW + 1]
            found.append(frozenset(stem(t) for t in near if t not in STOPWORDS and t not in NEGATIONS))
    return found


def negation_differs(sentence: list[frozenset[str]], terms: set[str], sources: list[frozenset[str]]) -> bool:
    """Whether the sentence and its closest source sentences disagree on a negation about what the sentence says:
    the sentence negates something they state without negating it, or they negate something the sentence states
    (two or more of its terms around their negation) while the sentence does not. A negation elsewhere in a source
    sentence ("he does not have the players", beside the stated fixture) is no disagreement."""
    for context in sentence:
        if context and not any(context & other for other in sources):
            return True
    return any(len(context & terms) >= 2 and not any(context & other for other in sentence) for context in sources)


@dataclass
class SourceIndex:
    """What every sentence is measured against: the source's sentences, terms, word sequences and facts."""

    text: str
    spans: list[Span]
    tokens: list[list[str]] = field(init=False)
    terms: list[set[str]] = field(init=False)
    idf: dict[str, float] = field(init=False)
    all_terms: set[str] = field(init=False)
    all_words: set[str] = field(init=False)
    bigrams: set[tuple[str, ...]] = field(init=False)
    trigrams: set[tuple[str, ...]] = field(init=False)
    fact_values: set[str] = field(init=False)
    negations: list[list[frozenset[str]]] = field(init=False)
    flat: list[str] = field(init=False)
    positions: dict[str, list[int]] = field(init=False)
    name_words: set[str] = field(init=False)
    term_counts: Counter[str] = field(init=False)
    sentences_with: dict[str, set[int]] = field(init=False)
    unseen_weight: float = field(init=False)

    def __post_init__(self) -> None:
        chunks = [span.text(self.text) for span in self.spans]
        self.tokens = [words(chunk) for chunk in chunks]
        self.terms = [{stem(token) for token in tokens if token not in STOPWORDS} for tokens in self.tokens]
        frequency: Counter[str] = Counter(term for terms in self.terms for term in terms)
        self.term_counts = frequency
        self.sentences_with = {}
        for position, terms in enumerate(self.terms):
            for term in terms:
                self.sentences_with.setdefault(term, set()).add(position)
        count = max(1, len(self.spans))
        self.idf = {term: math.log((1 + count) / (1 + n)) + 1 for term, n in frequency.items()}
        self.unseen_weight = math.log(1 + count) + 1
        self.all_terms = set(frequency)
        self.all_words = {token for tokens in self.tokens for token in tokens}
        self.bigrams = {gram for tokens in self.tokens for gram in ngrams(tokens, 2)}
        self.trigrams = {gram for tokens in self.tokens for gram in ngrams(tokens, 3)}
        facts = [fact for chunk in chunks for fact in dates_and_numbers(chunk)]
        self.fact_values = _fact_values(facts)
        self.fact_values |= {value for token in self.all_words for value in _number_word(token)}
        self.negations = [negations(tokens) for tokens in self.tokens]
        self.flat = [token for tokens in self.tokens for token in tokens]
        self.positions = {}
        for position, token in enumerate(self.flat):
            self.positions.setdefault(token, []).append(position)
        # Names as the source writes them (capitalised inside sentences), so a lower-cased summary's names are known.
        self.name_words = {word.casefold() for chunk in chunks for word in name_words(chunk)}

    @classmethod
    def of(cls, text: str, spans: list[Span] | None = None) -> SourceIndex:
        return cls(text, spans if spans is not None else split_sentences(text))

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.unseen_weight)


def _number_word(token: str) -> set[str]:
    value = NUMBER_WORDS.get(token) or HINDI_NUMBER_WORDS.get(token)
    return {value} if value else set()


@dataclass(frozen=True)
class Measured:
    """One sentence measured against a source: its signals (in `SIGNALS` order), its best source sentences and the
    facts and words behind the signals."""

    signals: tuple[float, ...]
    best: tuple[int, ...]  # indices of the best (up to two) source sentences, best first
    missing_numbers: tuple[str, ...] = ()
    missing_dates: tuple[str, ...] = ()
    missing_names: tuple[str, ...] = ()
    new_words: tuple[str, ...] = ()
    negation: bool = False
    # (new word, the source's word in its place): a copied passage with one word changed, the commonest invention
    substitutions: tuple[tuple[str, str], ...] = ()
    # names and figures, as the sentence writes them, that the source states but never in one sentence together
    apart: tuple[tuple[str, str], ...] = ()

    def get(self, signal: str) -> float:
        return self.signals[SIGNALS.index(signal)]

    @property
    def values(self) -> tuple[float, ...]:
        """The signals the calibrated model weighs, in `FEATURES` order."""
        return tuple(self.signals[position] for position in _FEATURE_POSITIONS)


def fragments(tokens: list[str], index: SourceIndex) -> list[int]:
    """Lengths of the copied fragments: greedily, the longest run of words that the source also has in a row
    (after Grusky et al. 2018, extractive fragments)."""
    found = []
    i = 0
    while i < len(tokens):
        longest = 0
        for start in index.positions.get(tokens[i], ()):
            length = 0
            while (
                i + length < len(tokens)
                and start + length < len(index.flat)
                and tokens[i + length] == index.flat[start + length]
            ):
                length += 1
            longest = max(longest, length)
        if longest:
            found.append(longest)
            i += longest
        else:
            i += 1
    return found


def replaced(tokens: list[str], i: int, index: SourceIndex) -> list[str]:
    """The words the source has where the sentence has `tokens[i]`, in a passage the sentence otherwise copies: the
    words either side of it, or at the sentence's start or end the two words after or before it."""
    if 0 < i < len(tokens) - 1:
        before, after, offset = tokens[i - 1], tokens[i + 1], 1
    elif i == 0 and len(tokens) >= 3:
        before, after, offset = tokens[1], tokens[2], -1
    elif i == len(tokens) - 1 and len(tokens) >= 3:
        before, after, offset = tokens[i - 2], tokens[i - 1], 2
    else:
        return []
    found = []
    for start in index.positions.get(before, ()):
        if offset == 1 and start + 2 < len(index.flat) and index.flat[start + 2] == after:
            found.append(index.flat[start + 1])
        elif offset == -1 and start >= 1 and start + 1 < len(index.flat) and index.flat[start + 1] == after:
            found.append(index.flat[start - 1])
        elif offset == 2 and start + 2 < len(index.flat) and index.flat[start + 1] == after:
            found.append(index.flat[start + 2])
    return found


def substitutions(tokens: list[str], index: SourceIndex, new_terms: set[str]) -> list[tuple[str, str]]:
    """Names swapped in a copied passage: a word new to the source where the source has a name, with the words either
    side the same ("Putin met Okonkwo in Moscow" for "Putin met Modi in Moscow"). Only names: journalists swap
    ordinary words for synonyms all the time ("deal" for "contract"). Hindi has no capitals to tell a name, so there
    any Devanagari content word swapped for another counts ("पुतिन ने ओकोंक्वो से" for "पुतिन ने मोदी से"): an
    invented name is the commonest such swap, and the swapped word is not in the source."""
    found = []
    for i, word in enumerate(tokens):
        if word in STOPWORDS or stem(word) not in new_terms or _has_digit(word):
            continue
        for old in replaced(tokens, i, index):
            devanagari = _is_devanagari(word[0]) and _is_devanagari(old[0]) and old not in STOPWORDS
            if (i > 0 and old in index.name_words) or devanagari:
                found.append((word, old))
                break
    return found


def _has_digit(word: str) -> bool:
    return any(char.isdigit() for char in word)


def figures_changed(tokens: list[str], index: SourceIndex) -> list[tuple[str, str]]:
    """Figures changed in a copied passage: a word with a digit in it ("16", "6gb", "12t") where the source has
    another one, with the words either side the same ("Realme 16 5G" for "Realme 7 5G"), and the source never has the
    sentence's words around it together. The figure may be stated elsewhere in the source, about something else."""
    found = []
    for i, word in enumerate(tokens):
        if not _has_digit(word) or tuple(tokens[max(0, i - 1) : i + 2]) in index.trigrams:
            continue
        for old in replaced(tokens, i, index):
            if _has_digit(old) and old != word:
                found.append((word, old))
                break
    return found


def _is_name_or_figure(token: str, index: SourceIndex) -> bool:
    """A word the source writes as a name (capitalised inside a sentence), or one with a digit in it ("17", "6gb")."""
    return token in index.name_words or _has_digit(token)


def _specific_runs(written: list[str], tokens: list[str], index: SourceIndex) -> list[tuple[str, str]]:
    """(term, the run of names and figures it stands in, as the sentence writes it) for each word of the sentence
    (`written`, and folded: `tokens`) that is a name or a figure the source states: "Real Madrid" is one run, its two
    words two terms."""
    found: list[tuple[str, str]] = []
    run: list[tuple[str, str]] = []
    for original, token in zip([*written, ""], [*tokens, ""], strict=True):
        # A lower-case single letter is the "s" of "India's" or the "t" of "don't", not an initial ("S Jaishankar").
        specific = (
            bool(original) and not (len(original) == 1 and original.islower()) and _is_name_or_figure(token, index)
        )
        term = stem(token) if specific else ""
        if specific and term in index.sentences_with:
            run.append((term, original))
            continue
        phrase = " ".join(word for _, word in run)
        found += [(term_in_run, phrase) for term_in_run, _ in run]
        run = []
    return found


def never_together(
    written: list[str], tokens: list[str], index: SourceIndex
) -> tuple[int, tuple[tuple[str, str], ...]]:
    """Pairs of names and figures in the sentence that the source states, each somewhere, but never in one sentence
    together: "Bueno scored 17 goals for Real Madrid" where the source has the 17 goals with Rayo Vallecano and Real
    Madrid elsewhere. Every word is the source's, so overlap alone passes it; such fused facts are among the errors
    FRANK's judges found in summaries made by copying (wrong entity, wrong link). Counted per pair of words; shown per
    pair of runs ("Real Madrid" and "17"). Journalists join facts too, so this weighs in the score and is given as a
    reason only for a sentence the score already leaves unsupported."""
    specific = list(dict.fromkeys(_specific_runs(written, tokens, index)))
    # Pairs grow with the square: a "sentence" that is a table of thousands of figures is read by its first ones.
    terms = list(dict.fromkeys(term for term, _ in specific))[:MAX_SPECIFIC_TERMS]
    apart = [
        (a, b)
        for i, a in enumerate(terms)
        for b in terms[i + 1 :]
        if not index.sentences_with[a] & index.sentences_with[b]
    ]
    phrase_of = dict(specific)
    shown = dict.fromkeys((phrase_of[a], phrase_of[b]) for a, b in apart if phrase_of[a] != phrase_of[b])
    return len(apart), tuple(shown)


def _best_two(index: SourceIndex, wanted: set[str]) -> tuple[list[int], float]:
    """The source sentence covering most of the weighted terms, then the one adding most; and the share covered.
    Weights are summed exactly (`math.fsum`): a plain sum over a set depends on its order, which changes from run to
    run with string hashing, and two sentences sharing the same terms tied or not by the last bit."""
    total = math.fsum(index.weight(term) for term in wanted)
    chosen: list[int] = []
    covered: set[str] = set()
    if total == 0:
        return chosen, 0.0
    for _ in range(2):
        best, best_gain = -1, 0.0
        for position, terms in enumerate(index.terms):
            shared = (wanted & terms) - covered
            if not shared:
                continue
            gain = math.fsum(index.weight(term) for term in shared)
            if gain > best_gain:
                best, best_gain = position, gain
        if best < 0:
            break
        chosen.append(best)
        covered |= wanted & index.terms[best]
    return chosen, math.fsum(index.weight(term) for term in covered) / total


def measure(index: SourceIndex, sentence: str) -> Measured:
    written = WORD_RE.findall(sentence)
    tokens = [fold(word) for word in written]  # as `words` gives them; the sentence's own spelling is kept for reasons
    terms_list = [stem(token) for token in tokens if token not in STOPWORDS]
    wanted = set(terms_list)
    best, coverage2 = _best_two(index, wanted)
    best_f1 = 0.0
    if best and wanted:
        shared = len(wanted & index.terms[best[0]])
        precision, recall = shared / len(wanted), shared / max(1, len(index.terms[best[0]]))
        best_f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    length = max(1, len(tokens))
    lcs1 = lcs_length(tokens, index.tokens[best[0]]) / length if best else 0.0
    joined = [token for position in sorted(best) for token in index.tokens[position]]
    lcs2 = lcs_length(tokens, joined) / length if best else 0.0
    new_terms = [term for term in dict.fromkeys(terms_list) if term not in index.all_terms]
    new_words = tuple(
        token
        for token in dict.fromkeys(tokens)
        if token not in STOPWORDS
        and stem(token) in new_terms
        and not token.isdigit()
        and not _number_word(token) & index.fact_values
    )
    bigrams, trigrams = ngrams(tokens, 2), ngrams(tokens, 3)
    new_bigrams = sum(gram not in index.bigrams for gram in bigrams) / len(bigrams) if bigrams else 0.0
    new_trigrams = sum(gram not in index.trigrams for gram in trigrams) / len(trigrams) if trigrams else 0.0
    missing_numbers: list[str] = []
    missing_dates: list[str] = []
    for fact in dates_and_numbers(sentence):
        if fact.keys & index.fact_values or (fact.kind == "number" and _value(fact.key) in index.fact_values):
            continue
        (missing_dates if fact.kind == "date" else missing_numbers).append(fact.text)
    missing_names = [word for word in name_words(sentence) if word.casefold() not in index.all_words]
    sources_negations = [context for position in best for context in index.negations[position]]
    negation = bool(best) and negation_differs(negations(tokens), set(terms_list), sources_negations)
    spread = abs(best[0] - best[1]) / max(1, len(index.spans) - 1) if len(best) == 2 else 0.0
    copies = [length for length in fragments(tokens, index) if length >= 2]
    local_words = {token for position in best for token in index.tokens[position]}
    specific = [token for token in dict.fromkeys(tokens) if _is_name_or_figure(token, index)]
    elsewhere = sum(token in index.all_words and token not in local_words for token in specific)
    swapped = substitutions(tokens, index, set(new_terms)) + figures_changed(tokens, index)
    apart_count, apart = never_together(written, tokens, index)
    values = (
        best_f1,
        coverage2,
        lcs1,
        lcs2,
        len(new_terms) / len(wanted) if wanted else 1.0,
        math.log1p(len(new_terms)),
        math.log1p(sum(len(term) >= 5 for term in new_terms)),
        new_bigrams,
        new_trigrams,
        float(len(missing_numbers)),
        float(len(missing_dates)),
        float(len(missing_names)),
        float(negation),
        spread,
        sum(copies) / length,
        sum(c * c for c in copies) / length,
        max(copies, default=0) / length,
        len(copies) / length,
        float(elsewhere),
        float(len(swapped)),
        math.log1p(len(tokens)),
        float(apart_count),
    )
    return Measured(
        values,
        tuple(best),
        tuple(dict.fromkeys(missing_numbers)),
        tuple(dict.fromkeys(missing_dates)),
        tuple(dict.fromkeys(missing_names)),
        new_words,
        negation,
        tuple(swapped),
        apart,
    )
