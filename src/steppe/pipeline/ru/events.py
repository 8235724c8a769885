"""Code PLOVER events in Russian sentences: trigger lemmas (data/ru/triggers.yaml), roles
from grammatical case, modality from tense and cue words (data/ru/modality.yaml).

Roles follow Russian case marking rather than word order: the nominative actor without a
preposition is the source ("Токаев провел разговор"), "со стороны X" too (passives);
dative, accusative and "с + instrumental" actors are targets ("с Мирзиёевым",
"кыргызской стороне", "посетит Россию"). Reciprocal triggers (переговоры, перестрелка,
подписали) put every participant on both sides when no one is singled out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from steppe.facts import Actor
from steppe.pipeline.ru.actors import RuMention
from steppe.pipeline.ru.text import Word, analyse, fold

WINDOW = 18          # words around the trigger in which its actors are looked for
# Types whose target may follow "по": "открыли огонь по пограничникам", "удар по позициям".
_AGAINST = {"ASSAULT", "COERCE", "THREATEN", "SANCTION"}
# Triggers whose complement is what they agree to, ask for, threaten, accuse of or ban: not
# a second event ("обвинил таджикских военных в обстреле", "запрет на импорт").
_GOVERNING = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SANCTION"}


@dataclass(frozen=True)
class RuTrigger:
    type: str
    words: tuple[str, ...]
    mode: str = ""
    reciprocal: bool = False
    reversed: bool = False
    weight: float = 1.0
    needs: frozenset[str] = frozenset()
    gap: int = 3                # other words allowed between the words of a phrase
    future: bool = False        # the act it reports lies ahead (an invitation, a promise)
    verbal: bool = False        # its first word is a verb ("достичь договоренности")
    flow: bool = False          # a trade flow: with an amount, its sentence states a figure


@dataclass
class RuRawEvent:
    type: str
    mode: str
    source: list[Actor]
    target: list[Actor]
    trigger_start: int          # character offsets of the trigger words
    trigger_end: int
    trigger: str
    modality: str
    confidence: float
    past: bool = False          # told in the past tense ("ввел", "был закрыт")


def index_triggers(entries: list[dict]) -> dict[str, list[RuTrigger]]:
    """Triggers (data/ru/triggers.yaml) indexed by the lemma of their first word."""
    index: dict[str, list[RuTrigger]] = {}
    for entry in entries:
        for phrase in entry["lemmas"]:
            words = tuple(analyse(w).lemma if " " in phrase else w.replace("ё", "е")
                          for w in str(phrase).split())
            t = RuTrigger(entry["type"], words, entry.get("mode", ""), bool(entry.get("reciprocal")),
                          bool(entry.get("reversed")), float(entry.get("weight", 1.0)),
                          frozenset(fold(n) for n in entry.get("needs") or ()),   # "ОДКБ": lemmas are folded
                          int(entry.get("gap", 3)), entry.get("modality") == "planned",
                          analyse(str(phrase).split()[0]).pos in ("INFN", "VERB"), bool(entry.get("flow")))
            index.setdefault(words[0], []).append(t)
    return index


class RuEventCoder:
    """Codes the events of a sentence with the trigger lexicon and modality cues of
    data/ru/ (Resources.russian), lemmatised once when the coder is built."""

    def __init__(self, triggers: list[dict], modality: dict, amounts: frozenset[str] = frozenset()) -> None:
        self.index = index_triggers(triggers)
        self.cues = {k: (set(v) if isinstance(v, list) else v) for k, v in modality.items()}
        self.cues["amounts"] = amounts      # scale and unit words after a number (figures.yaml)

    def code_sentence(self, words: list[Word], mentions: list[RuMention], main: list[str],
                      carried: tuple[list[Actor], list[Actor]] | None = None) -> list[RuRawEvent]:
        """Events of one sentence; `mentions` are those inside it (word indexes into `words`);
        `carried`: the sides of the sentence before's last event."""
        return code_sentence(words, mentions, main, self.index, self.cues, carried)


    def planned(self, raw: RuRawEvent) -> RuRawEvent:
        """The event as one still to come: planned, and AGREE when cooperative."""
        etype = "AGREE" if raw.type in self.cues["to_agree"] else raw.type
        return replace(raw, type=etype, mode=raw.mode if etype == raw.type else "", modality="planned")


def find_triggers(words: list[Word], index: dict[str, list[RuTrigger]], cues: dict
                  ) -> list[tuple[int, int, RuTrigger]]:
    """(first word, last word + 1, trigger) for every trigger match, longest per start."""
    lemmas = set().union(*(w.a.lemmas for w in words)) if words else set()
    out = []
    for i, w in enumerate(words):
        best = None
        for lemma in w.a.lemmas:
            for t in index.get(lemma, ()):
                end = _match_rest(words, i, t.words, gap=t.gap)
                if end is None or (t.needs and not t.needs & lemmas):
                    continue
                if best is None or len(t.words) > len(best[2].words):
                    best = (i, end, t)
        if best and _is_trigger_word(words, best, out, cues):
            out.append(best)
    # an infinitive right before the act that governs it is its content ("ввозить бензин
    # запрещали")
    out = [x for x in out if not (words[x[0]].a.pos == "INFN" and any(
        u.type in _GOVERNING and x[1] <= s <= x[1] + 3 for s, _, u in out))]
    # a phrase swallows the single-word triggers inside it ("телефонный разговор")
    covered = [(s, e) for s, e, t in out if len(t.words) > 1]
    return [x for x in out if len(x[2].words) > 1 or not any(s <= x[0] < e for s, e in covered)]


def _is_trigger_word(words: list[Word], match, earlier, cues: dict) -> bool:
    """Not a participle describing a past act ("задержанный ранее", "похищенного",
    "достигнутых договоренностей"), unless it reports a signing or has its own date; not
    an infinitive that is the content of the trigger before it ("пригласил Эрдогана
    посетить", "договорились ускорить делимитацию"), nor the document a signing signs
    ("подписали меморандум и дорожную карту"), nor a genitive noun phrase that only
    qualifies the noun before it, nor a noun of a purpose or a reason ("кредит для
    поддержки бюджета", "поблагодарил за содействие")."""
    i, end, t = match
    pos = words[i].a.pos
    if pos == "PRTF" and not t.reciprocal and not _dated(words, i):
        return False
    if pos == "ADJF" and t.verbal and t.type != "SUPPORT" and not _dated(words, i):
        return False
    nominal = pos in ("NOUN", "ADJF")
    for _, e, u in earlier:
        between = {w.low for w in words[e:i]}
        if i - 4 <= e <= i and not between & {"и", ",", "а"} and \
                (u.type in _GOVERNING or (u.type == "CONSULT" and nominal)):
            return False            # "обсудили сотрудничество": the topic, not a second event
        if u.type == "SUPPORT" and nominal and any(u.needs & w.a.lemmas for w in words[i:end]):
            return False            # what was signed is no second event
        if pos == "INFN" and u.type in _GOVERNING and e <= i <= e + 6 and \
                not any(w.a.pos == "VERB" for w in words[e:i]):
            return False            # "потребовал от Ташкента и Душанбе вернуть вертолеты"
        if u.type in _GOVERNING and e <= i and any(w.a.pos == "INFN" for w in words[e:i]) and \
                not any(w.text in (",", ";", "—") or w.a.pos == "VERB" for w in words[e:i]):
            return False            # "пригласил Эрдогана посетить Бишкек с официальным визитом"
    # a noun in the genitive after a noun names a kind of thing: "Программа сотрудничества",
    # "реализации совместных проектов" ("по итогам переговоров", "в ходе визита" frame the
    # event: they do not qualify it)
    if nominal and i > 0 and "gent" in words[i].a.cases and (len(t.words) == 1 or pos == "ADJF") \
            and words[i - 1].a.pos == "NOUN" and not words[i - 1].a.lemmas & cues["frames"]:
        return False
    if nominal and i > 0 and words[i - 1].low in cues["purpose"]:
        return False
    # "на" with the accusative says what for ("грант на поддержку бюджета"), with the
    # locative where ("на переговорах"); one goes to a meeting ("прибыл на саммит")
    if nominal and i > 0 and words[i - 1].low in cues["purpose_accusative"] and t.type != "CONSULT" \
            and "accs" in words[i].a.cases and "loct" not in words[i].a.cases:
        return False
    return True


def _dated(words: list[Word], i: int) -> bool:
    """A participle with its own date reports a past event: "прекращенные в 2012 году"."""
    return any(w.text.isdigit() and len(w.text) == 4 for w in words[i + 1:i + 4])


def _match_rest(words: list[Word], i: int, phrase: tuple[str, ...], gap: int) -> int | None:
    j = i + 1
    for lemma in phrase[1:]:
        k = next((k for k in range(j, min(len(words), j + gap + 1)) if lemma in words[k].a.lemmas), None)
        if k is None:
            return None
        j = k + 1
    return j


def code_sentence(words: list[Word], mentions: list[RuMention], main: list[str],
                  index: dict[str, list[RuTrigger]], cues: dict,
                  carried: tuple[list[Actor], list[Actor]] | None = None) -> list[RuRawEvent]:
    """Events of one sentence; `mentions` are those inside it (word indexes into `words`).
    A sentence that names no one continues the one before: its acts are between the sides
    of that one's last event ("Туркменистан возобновит поставки газа в Узбекистан.
    Поставки были приостановлены в январе")."""
    found = list(find_triggers(words, index, cues))
    if not found:
        return []       # most sentences: nothing else to read
    out = []
    amount = any(t.flow for *_, t in found) and _has_amount(words, cues.get("amounts", ()))
    denied = _denied_from(words, cues["denials"])
    for s, e, t in found:
        if t.flow and amount:
            continue                # "экспорт вырос до 3 млрд долларов": a figure, not an act
        if s >= denied:
            continue                # "опроверг сообщения о том, что ... открыли огонь"
        near = [m for m in mentions if (m.participant or (m.prep == "по" and t.type in _AGAINST)) and m.codes
                and m.start < e + WINDOW and m.end > s - WINDOW]
        places = [m for m in mentions if m not in near and m.codes and m.start < e + WINDOW and m.end > s - WINDOW]
        roles = _roles(words, near, s, e, t, main, places) if mentions else carried
        if roles is None:
            continue
        source, target = roles
        if t.mode == "visit" and _home(near, e, source):
            continue
        etype, modality = t.type, _modality(words, s, t, cues)
        if _refused(words, s, cues) and etype in cues["to_agree"] | {"AGREE"}:
            etype, modality = "REJECT", "asserted"
        elif modality == "planned" and etype in cues["to_agree"]:
            etype = "AGREE"
        mode = t.mode if etype == t.type else ""
        past = any(w.a.tense == "past" and w.a.pos in ("VERB", "PRTS") for w in words[max(0, s - 3):e])
        out.append(RuRawEvent(etype, mode, source, target, words[s].start, words[e - 1].end,
                              " ".join(w.text for w in words[s:e]), modality,
                              0.6 * t.weight + (0.2 if len(t.words) > 1 else 0.0), past))
    return out


def _has_amount(words: list[Word], amounts) -> bool:
    """A number followed by a scale or a unit: "3,1 млрд долларов", "500 тонн", "12%"."""
    return any(w.text[:1].isdigit() and (nxt.text == "%" or nxt.a.lemmas & amounts or fold(nxt.text).rstrip(".") in amounts)
               for w, nxt in zip(words, words[1:]))


def _denied_from(words: list[Word], denials: set[str]) -> int:
    """Index of the first word of the clause a denial governs ("опроверг ... , что"), or
    past the sentence when it has none."""
    seen = False
    for k, w in enumerate(words):
        if w.a.lemmas & denials:
            seen = True
        elif seen and w.low == "что":
            return k
    return len(words)


def _roles(words, near: list[RuMention], s: int, e: int, t: RuTrigger, main: list[str],
           places: list[RuMention] = ()):
    if not near:
        return None
    # the subject of a passive ("был передан", "подписан") is what is acted on, not the doer
    # nor is the subject of a clause a participle only qualifies a noun in ("отметил
    # важность заключенных соглашений"): the participle's act is not the subject's
    passive = words[s].a.pos in ("PRTS", "PRTF")
    # a state adjective alone qualifies a thing, not a doer: "запрещали российский бензин",
    # "обстреляли кыргызское село" (with an agent it is a role: "российская сторона")
    sources = [m for m in near if "nomn" in m.cases and m.prep == "" and not passive
               and not (m.end - m.start == 1 and words[m.start].a.pos == "ADJF")]
    # passives: "подвергся нападению со стороны пограничников Таджикистана"
    by = [m for m in near if _by(words, m)]
    sources += by
    # a genitive after a noun qualifies it ("выслал дипломата посольства Ирана"): a subject
    # only when nothing else can be
    free = [m for m in sources if not _attached(words, m)]
    sources = free or sources
    # the doer of a passive or of an act named by a noun, in the instrumental right after
    # it: "в ходе нападения военнослужащими X", "был задержан пограничниками X"
    doer = [m for m in near if m.prep == "" and e <= m.start <= e + 1 and "ablt" in m.cases
            and "nomn" not in m.cases and not (m.end - m.start == 1 and words[m.start].a.pos == "ADJF")
            ] if passive or words[e - 1].a.pos == "NOUN" else []
    by += doer
    if doer:
        src = _coordinated(words, near, doer[0])
    elif sources:
        # the subject nearest to the trigger, before it when there is one; a gerund's is
        # its clause's, the first ("Туркменистан выслал ..., объявив его персоной нон грата")
        before = [m for m in sources if m.end <= s]
        if before and words[s].a.pos == "GRND":
            before = before[:1]
        # a place name before the verb that may be its object, and a person or office after
        # it that can only be its subject: the order is inverted ("Ташкент посетил министр
        # иностранных дел Китая")
        after = [m for m in sources if m.start >= e and m.kind in ("person", "role") and "accs" not in m.cases]
        if before and after and before[-1].kind in ("state", "place") and "accs" in before[-1].cases:
            before = after[:1]
        src = [before[-1]] if before else [min(sources, key=lambda m: abs(m.start - s))]
        # "Президенты Узбекистана и Казахстана", "Казахстан и Турция подписали"
        src = _coordinated(words, near, src[0])
    elif s == e - 1 and words[s].a.pos == "NOUN":
        # a noun trigger: its genitive actors are its doers ("визит президента Казахстана")
        gen = [m for m in near if m.start >= e and "gent" in m.cases and m.prep == ""]
        src = _coordinated(words, near, gen[0]) if gen else []
    else:
        src = []
    subject = bool(src)
    src_codes = {c for m in src for c in m.codes}
    tgt = [m for m in near if m not in src and set(m.codes) - src_codes]
    source = [a for m in src for a in m.actors]
    target = [a for m in tgt for a in m.actors if a.code not in src_codes]
    if not target and (len(src_codes) >= 2 or (t.mode == "visit" and src_codes)):
        # "выразили надежду на стабилизацию ситуации в Кыргызстане": the place is the target;
        # so is a visit's ("находится в Китае с государственным визитом": the host)
        target = [a for m in places for a in m.actors if a.code not in src_codes]
    codes = {a.code for a in source + target}
    if t.reversed and source and target and not all(m in by for m in src):
        source, target = target, source     # "со стороны X" names the doer even so
    if len(codes) == 1:
        # one party named: the other is the document's other main party, if it has one
        others = [c for c in main if c not in codes]
        if len(others) != 1:
            return None
        extra = [Actor(code=others[0], text=others[0], actor_id=f"state:{others[0]}", confidence=0.5)]
        if source:
            target = target + extra
        else:
            source = extra
    if not source:
        # no subject (a passive: "был передан кыргызской стороне"): the dative receives,
        # the others act; the subject of a passive is acted on ("посол был вызван в МИД
        # России"); else the first named acts
        receivers = {c for m in tgt if "datv" in m.cases and m.prep == "" for c in m.codes}
        if passive and not receivers and t.type != "MOBILIZE":   # one's own forces are moved
            receivers = {c for m in tgt if "nomn" in m.cases and m.prep == "" for c in m.codes}
        if receivers and {a.code for a in target} - receivers:
            source = [a for a in target if a.code not in receivers]
            target = [a for a in target if a.code in receivers]
        else:
            source, target = target[:1], target[1:]
    # reciprocal triggers, and coordinated subjects acting on no one else ("Кыргызстан и
    # Таджикистан обменялись обвинениями"), put every participant on both sides, as does
    # a reciprocal trigger with no subject ("подписан протокол" between two states)
    if (t.reciprocal and (not target or len(src_codes) >= 2 or not subject)) \
            or (not target and len(src_codes) >= 2):
        both = source + [a for a in target if a.code not in src_codes]
        source, target = both, list(both)
    if not target:
        return None
    return _unique(source), _unique(target)


def _by(words: list[Word], m: RuMention) -> bool:
    """"со стороны пограничников Таджикистана": the doer of a passive or of what the subject
    suffered ("стороны" may open the mention itself, as an agent word)."""
    return (m.start >= 2 and words[m.start - 2].low == "со" and words[m.start - 1].low == "стороны") or \
        (m.prep == "со" and words[m.start].low == "стороны")


def _attached(words: list[Word], m: RuMention) -> bool:
    """A mention that may be a genitive right after a noun in an oblique case."""
    if m.start == 0 or "gent" not in m.cases:
        return False
    prev = words[m.start - 1].a
    return prev.pos == "NOUN" and "nomn" not in prev.cases


def _home(near: list[RuMention], e: int, source: list[Actor]) -> bool:
    """A trip to one's own state ("представитель Кыргызстана прибыл в Кыргызстан") is a
    return home, not a visit."""
    own = {a.code for a in source}
    return any(m.prep in ("в", "во") and m.start >= e and "accs" in m.cases and set(m.codes) & own
               for m in near)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.code not in seen:
            seen.add(a.code)
            out.append(a)
    return out


def _coordinated(words: list[Word], near: list[RuMention], m: RuMention) -> list[RuMention]:
    """m and the mentions joined to it by "и": "Садыр Жапаров и Владимир Путин"; or in a
    list whose last link is "и": "Казахстана, Кыргызстана и Узбекистана"."""
    by_start = {o.start: o for o in near}
    run = [m]
    while run[-1].end < len(words) and words[run[-1].end].low in ("и", ",") \
            and run[-1].end + 1 in by_start and by_start[run[-1].end + 1] not in run:
        run.append(by_start[run[-1].end + 1])
    while run[0].start > 0 and words[run[0].start - 1].low in ("и", ",") and any(
            o.end + 1 == run[0].start and o not in run for o in near):
        run.insert(0, next(o for o in near if o.end + 1 == run[0].start))
    links = [words[a.end].low for a in run[:-1]]
    if "," in links and links[-1] == "и":
        return run
    # only the "и" links around m
    k = run.index(m)
    lo, hi = k, k
    while lo > 0 and links[lo - 1] == "и":
        lo -= 1
    while hi < len(links) and links[hi] == "и":
        hi += 1
    return run[lo:hi + 1]


def _refused(words: list[Word], s: int, cues: dict) -> bool:
    if s > 0 and words[s - 1].low in cues["refusal_right_before"]:
        return True
    before = words[max(0, s - 4):s]
    lemmas = {l for w in before for l in w.a.lemmas}
    pairs = {f"{a} {b}" for x, y in zip(before, before[1:]) for a in x.a.lemmas for b in y.a.lemmas}
    return bool((lemmas | pairs) & cues["refusal"])


def _modality(words: list[Word], s: int, t: RuTrigger, cues: dict) -> str:
    head = words[s]
    negation = cues["negated"]
    if s > 0 and words[s - 1].low in negation or \
            s > 1 and words[s - 2].low in negation and words[s - 1].a.pos in ("VERB", "INFN", "ADJS"):
        return "negated"            # "не подписали", "не стал подписывать"
    if t.future:
        return "planned"
    if head.a.tense == "futr" or (head.a.pos == "INFN" and s > 0 and words[s - 1].is_("будет", "быть")):
        return "planned"
    if any(words[k].a.tense == "futr" and words[k].a.pos == "VERB" for k in range(max(0, s - 3), s)):
        return "planned"          # "будет подписан", "проведут консультативную встречу"
    if head.a.pos == "NOUN":
        # "встреча состоится", "визит запланирован на ноябрь": the verb after a noun trigger
        after = []
        for w in words[s + len(t.words):s + len(t.words) + 8]:
            if w.text in (",", ".", ";", "—"):
                break                   # the clause ends
            after.append(w)
        # "переговоры не состоялись", "визит был отменен": it did not take place
        if any(w.low in negation and n.a.pos in ("VERB", "PRTS") for w, n in zip(after, after[1:])) or \
                {l for w in after for l in w.a.lemmas} & cues["negated_after"]:
            return "negated"
        if any(w.a.tense == "futr" and w.a.pos == "VERB" for w in after) or \
                {l for w in after for l in w.a.lemmas} & cues["planned_after"]:
            return "planned"
    before = words[max(0, s - 7):s]
    lemmas = {l for w in before for l in w.a.lemmas}
    pairs = {f"{a.a.lemma} {b.a.lemma}" for a, b in zip(before, before[1:])}
    if (lemmas | pairs) & cues["planned"]:
        return "planned"
    if (lemmas | pairs) & cues["hypothetical"]:
        return "hypothetical"
    return "asserted"
