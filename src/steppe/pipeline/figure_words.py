"""The grammar words of the figure readers (data/words/en.yaml `figures`, numbers in
words), compiled once where the figures component is built (pipeline/factories.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from steppe.words import Grammar

__all__ = ["FigureWords"]

_NP = r"[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}"


@dataclass(frozen=True)
class FigureWords:
    """The patterns of figures.py, figure_periods.py and figure_parties.py."""

    # -- what a value measures (figures.py)
    share_before: re.Pattern[str]       # "the share of X in Y was" 12%
    share_after: re.Pattern[str]        # 12% "of its exports"
    share_of: re.Pattern[str]           # 12% "of total trade"
    share_split: re.Pattern[str]        # "of", "in" inside a share's whole
    link_before: re.Pattern[str]        # "trade agreements worth" $300 million
    predicate: re.Pattern[str]          # "trade is now worth": a predicate, not a thing's value
    phrase_split: re.Pattern[str]       # the prepositions between the pieces of a noun phrase
    raised: re.Pattern[str]             # "raise the fee for the airfield to" $3.2 million
    world_total: re.Pattern[str]        # "Uzbekistan's foreign trade reached": one state's, with the world
    deal_for: re.Pattern[str]           # "a deal with X for (the supply of)" 1.5 bcm: goods committed
    name_stops: re.Pattern[str]         # "the", "its": no part of a name made of words
    head_after_article: re.Pattern[str]   # "a $2 billion debt": the noun after the value
    article_before: re.Pattern[str]     # "a", "an" right before the value
    of_before: re.Pattern[str]          # "a loan of (about)" $300 million
    counted_verb: re.Pattern[str]       # "... were" right after a count, past its modifiers
    counted_done: re.Pattern[str]       # "... were signed (at the summit)": what was done to the counted
    completed_approx: str               # "signed (a total of)" 22 documents: an alternation
    pronouns: frozenset[str]            # "raise it to": names no measure
    figure_pronouns: re.Pattern[str]    # "it", "this figure": the measure the sentence before gave
    contrast_break: re.Pattern[str]     # "; ", ", while", ", and": where a growth rate's clause ends
    growth_break: re.Pattern[str]       # ... or ", hitting": a participle clause of its consequences
    clause_break: re.Pattern[str]       # ",", "while", "and": the ends of a value's clause
    # -- goal or level (figures.py)
    compared: re.Pattern[str]           # "(compared to 22.9% in 2022)"
    actual_verbs: re.Pattern[str]       # a value reached, not a goal
    result: re.Pattern[str]             # "to reach" ...
    result_after: re.Pattern[str]       # ... right after "grew (by 6%)": a result, not a goal
    specification: re.Pattern[str]      # "planned at", "planned capacity of": describing a thing
    describing_cues: frozenset[str]     # "planned": a goal cue that may describe a thing instead
    change_from: re.Pattern[str]        # "..., up from" $750 million: the level before a change
    future: re.Pattern[str]             # "will", "shall": expected, not reached
    relative_clause: re.Pattern[str]    # ", which": a relative clause, with its own tense and mood
    perfect_before: re.Pattern[str]     # "have (already) been" right before a verb: a running total
    future_before: re.Pattern[str]      # "will be", "to" right before a verb: not done yet
    as_of: re.Pattern[str]              # "as of": a value on a day
    range_from: re.Pattern[str]         # "from (about)" right before a value
    range_to: re.Pattern[str]           # "to (about)" right before a value
    yearly_from: re.Pattern[str]        # "to $B (a year) from $A"
    handed: re.Pattern[str]             # "allocated", "provided": a one-off transfer the news reports
    # -- periods (figure_periods.py)
    cardinals: dict[str, int]           # "five" -> 5 ("within five years")
    years: re.Pattern[str]              # "five years", "5 years": group 1 the count
    present: re.Pattern[str]            # "currently", "to date": the text's present
    present_state: re.Pattern[str]      # "is", "accounts for": a value stated in the present tense
    present_act: re.Pattern[str]        # ... by a verb other than a copula ("accounts for")
    perfect: re.Pattern[str]            # "have been signed": a running total
    comparison: re.Pattern[str]         # "compared to" 2020: the base, not the period
    year_earlier: re.Pattern[str]       # "a year earlier": the year before the time just named
    statement_time: re.Pattern[str]     # "said on" (Tuesday): the day of the statement, not of a figure
    # -- parties and direction (figure_parties.py)
    reporting: re.Pattern[str]          # "said", "according to": who reports a figure
    route: re.Pattern[str]              # "via", "across" (ending right before a state): a flow's route
    coordination: re.Pattern[str]       # what joins coordinated states: "A, B and C"
    coordinators: tuple[str, ...]       # "and": a run of states ends at its last one
    placed: re.Pattern[str]             # "in", "at" right before a state: where, not who
    partner_after: re.Pattern[str]      # "$9.3 billion with" Russia
    breakdown: re.Pattern[str]          # ", including" the parts of the value before it
    governed: re.Pattern[str]           # "trade between" A and B: the states a cue governs
    investors: re.Pattern[str]          # "with" Chinese "capital": the sender of an investment
    from_before: re.Pattern[str]        # "from (the)" right before a state: a flow's sender
    towards_before: re.Pattern[str]     # "to (the)" right before a state, not "according to"
    supplying_before: re.Pattern[str]   # "provide" X with: the receiver

    @classmethod
    def from_grammar(cls, grammar: Grammar) -> "FigureWords":
        w = grammar.words("en", "figures")
        shared = grammar.words("en", "quantities")       # what joins two values, the same for both readers
        cardinals = grammar.numbers("en").cardinals
        approx = w.alternation("approximations")
        determiners = w.alternation("possessive_determiners")
        share_in = w.alternation("share_prepositions")
        contrast, coordinators = w.alternation("contrast_conjunctions"), shared.alternation("coordinators")
        return cls(
            share_before=re.compile(
                rf"\bshares?\s+(?:{share_in})\s+([^,.;\d]{{1,60}}?)\s+(?:{w.alternation('share_verbs')})\s+"
                rf"(?:(?:{approx})\s+)?$", re.I),
            share_after=re.compile(
                rf"\s*(?:{share_in})\s+(?:(?:{determiners})\s+)?({w.alternation('share_wholes')})\b", re.I),
            share_of=re.compile(
                rf"\s*of\s+((?:[\w’'-]+)(?:\s+(?!(?:{w.alternation('share_phrase_stops')})\b)[\w’'-]+){{0,3}})"),
            share_split=re.compile(rf"\s+(?:{share_in})\s+"),
            link_before=re.compile(rf"({_NP})\s+(?:{w.alternation('value_links')})\s+(?:\w+\s+){{0,2}}$", re.I),
            predicate=re.compile(rf"\b(?:{w.alternation('predicate_words')})\b", re.I),
            phrase_split=re.compile(rf"\s+(?:{w.alternation('phrase_prepositions')})\s+"),
            raised=re.compile(
                rf"\b(?:{w.alternation('setting_stems')})\w*\s+(?:(?:{determiners})\s+)?"
                rf"([a-z][\w-]*(?:\s+(?!(?:{w.alternation('setting_phrase_stops')})\b)[a-z][\w-]*){{0,2}})"   # "gas swap volumes"
                r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[a-z][\w-]*)?(?:\s+from\s+[^\s,;]+(?:\s+[a-z]+)?)?"
                r"\s+(?:to|at|from)\s+"
                rf"(?:(?:{w.alternation('setting_approximations')})\s+)?$", re.I),
            world_total=re.compile(
                rf"(?:{w.alternation('total_trade_owners')})\s+(?:{w.alternation('total_trade_words')})\s+"
                rf"(?:{w.alternation('total_trade_heads')})\b"
                # a partner may follow a word more of the head: "foreign trade turnover with the EU"
                rf"(?!\s+(?:[a-z]+\s+)?(?:{w.alternation('total_trade_partners')})\b)"
                r"[^,;]*$", re.I),
            deal_for=re.compile(rf"\b({w.alternation('deal_nouns')})\b[^.;$€\d]{{0,80}}?\b(?:{w.alternation('deal_prepositions')})\s+(?:the\s+)?"
                                rf"(?:[a-z]+\s+of\s+)?(?:an?\s+)?(?:(?:{w.alternation('additional_words')})\s+)?"
                                rf"(?:(?:{w.alternation('deal_approximations')})\s+)?$", re.I),
            name_stops=re.compile(rf"\b(?:{w.alternation('name_stop_words')})\b"),
            head_after_article=re.compile(rf"\s+(?!(?:{w.alternation('not_head_nouns')})\b)([a-z][\w-]*)\b"),
            article_before=re.compile(rf"\b(?:{w.alternation('indefinite_articles')})\s+$"),
            of_before=re.compile(rf"\b([a-z][\w-]*)\s+of\s+(?:(?:{w.alternation('name_approximations')})\s+)?$"),
            counted_verb=re.compile(
                rf"^(?:\s+(?:of|from|in)(?:\s+(?!(?:{w.alternation('auxiliaries')})\b)[\w-]+){{1,3}}?"
                rf"(?=\s+(?:{w.alternation('auxiliaries')})\b))?"
                rf"(?:\s+(?:{w.alternation('passive_auxiliaries')}))+\s+"),
            counted_done=re.compile(
                rf"(?:\s+[\w-]+){{0,10}}?\s+(?:{w.alternation('done_auxiliaries')})\s+"
                rf"(\w+ed|{w.alternation('irregular_participles')})\b"
                rf"(?:\s+(?:{w.alternation('act_place_prepositions')})\s+(?:the\s+)?([a-z]+))?"),
            completed_approx=w.alternation("completed_approximations"),
            pronouns=w.set("pronouns"),
            figure_pronouns=re.compile(rf"\b(?:{w.alternation('figure_pronouns')})\b", re.I),
            contrast_break=re.compile(rf";|,?\s+(?:{contrast})\s|,\s+(?:{coordinators})\s"),
            growth_break=re.compile(rf";|,?\s+(?:{contrast})\s|,\s+(?:{coordinators}|"
                                    rf"{w.alternation('consequence_participles')})\s"),
            clause_break=re.compile(rf"[,;]|\s(?:{contrast}|{coordinators})\s"),
            # A comparison base runs from its cue to the end of its parenthesis or clause.
            compared=re.compile(rf"\b(?:{w.alternation('comparison_cues')})\s+[^);]*?(?=\)|;|,\s|$)", re.I),
            actual_verbs=re.compile(rf"\b(?:{w.alternation('actual_verbs')})\b", re.I),
            result=re.compile(rf"(?:{w.alternation('result_infinitives')})", re.I),
            # the verb may be a few words back, past its own value and time: "rose 1.5 times in
            # January-November to reach $576 million"
            result_after=re.compile(rf"\b(?:{w.alternation('result_verbs')})\b(?:\s+[^\s,;]+){{0,6}}?\s+$", re.I),
            specification=re.compile(rf"\s+(?:at\b|[a-z]+\s+(?:{w.alternation('specification_links')})\b)"),
            describing_cues=w.set("describing_cues"),
            change_from=re.compile(rf"\b(?:{w.alternation('level_change_adverbs')})\s+from\s+(?:(?:{approx})\s+)?$"),
            future=re.compile(rf"\b(?:{w.alternation('future_modals')})\b"),
            relative_clause=re.compile(rf",\s+(?:{w.alternation('relative_pronouns')})\b"),
            perfect_before=re.compile(
                rf"\b(?:{w.alternation('present_perfect_auxiliaries')}|{w.alternation('past_perfect_auxiliaries')})"
                rf"\s+(?:(?:{w.alternation('so_far_adverbs')})\s+)?(?:been\s+)?$"),
            future_before=re.compile(rf"\b(?:{w.alternation('future_markers')})\s+(?:be\s+)?$"),
            as_of=re.compile(rf"\b(?:{w.alternation('as_of_words')})\b", re.I),
            range_from=re.compile(rf"\bfrom\s+(?:(?:{approx})\s+)?$"),
            range_to=re.compile(rf"\bto\s+(?:(?:{approx})\s+)?$"),
            yearly_from=re.compile(rf"\s*(?:{shared.alternation('yearly')})?\s*,?\s*from\s*"),
            handed=re.compile(rf"\b(?:{w.alternation('handing_verbs')})\b", re.I),
            cardinals=cardinals,
            years=re.compile(r"\b(\d+|%s)\s+years?\b" % "|".join(cardinals), re.I),
            present=re.compile(rf"\b(?:{w.alternation('present_words')})\b", re.I),
            present_state=re.compile(rf"\b(?:{w.alternation('present_copulas')}|{w.alternation('present_verbs')})\b"),
            present_act=re.compile(rf"\b(?:{w.alternation('present_verbs')})\b"),
            perfect=re.compile(rf"\b(?:{w.alternation('present_perfect_auxiliaries')})\s+"
                               rf"(?:(?:{w.alternation('so_far_adverbs')})\s+)?(?:been\s+)?"
                               rf"(?:{w.alternation('perfect_participles')})\b"),
            comparison=re.compile(rf"(?:{w.alternation('period_comparison_cues')})\s+(?:in\s+)?(?:the\s+)?"
                                  r"(?:same\s+period\s+(?:of|in)\s+)?$", re.I),
            year_earlier=re.compile(rf"(?:{w.alternation('year_earlier_words')})", re.I),
            statement_time=re.compile(rf"\b(?:{w.alternation('reporting_patterns')})(?:\s+[a-z]+)?"
                                      rf"(?:\s+(?:{w.alternation('statement_links')}))?\s+$"),
            reporting=re.compile(rf"\b(?:{w.alternation('reporting_patterns')})\b", re.I),
            route=re.compile(rf"\b(?:{w.alternation('route_prepositions')})\s+(?:the\s+)?(?:territory\s+of\s+)?$", re.I),
            coordination=re.compile(rf"\s*(?:,|{coordinators}|,\s*(?:{coordinators}))\s*"),
            coordinators=tuple(shared.list("coordinators")),
            placed=re.compile(rf"\b(?:{w.alternation('place_prepositions')})\s+$"),
            partner_after=re.compile(rf"\s*(?:{w.alternation('partner_prepositions')})\s+(?:the\s+)?"),
            breakdown=re.compile(rf"\b(?:{w.alternation('breakdown_cues')})\b", re.I),
            governed=re.compile(rf"\b(?:{w.alternation('governing_words')})\s+(?:the\s+)?$"),
            investors=re.compile(rf"\s+(?:{w.alternation('investor_nouns')})\b"),
            from_before=re.compile(r"\bfrom\s+(?:the\s+)?$"),
            towards_before=re.compile(
                "".join(rf"(?<!{x}\s)" for x in w.list("not_towards_words"))
                + rf"\b(?:{w.alternation('towards_prepositions')})\s+(?:the\s+)?$", re.I),
            supplying_before=re.compile(rf"\b(?:{w.alternation('supplying_stems')})\w*\s+$"),
        )
