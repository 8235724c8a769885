"""Code PLOVER events in a parsed sentence: type, mode, roles and modality.

Triggers come from `triggers.find_triggers`, actors from `roles`; the state of an agent
named without one from `agent_states`, the parties of particular kinds of act from
`event_parties`, those borrowed from the story from `story_parties`. Here the event is
assembled: missing roles borrowed where the type allows it, future cooperation turned
into AGREE and future refusals into REJECT (PLOVER ch. 3; the words that recode an act
are read in `recoding`), and the sentence's events reduced to what it reports
(`event_filters`): a trigger nested in another's complement gives way ("rejected an
[invitation]"), one trigger per type and set of actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from steppe.facts import Actor
from steppe.pipeline.dating import bounds_of
from steppe.pipeline.agent_states import bound_pronouns, local_agents, peoples_placed
from steppe.pipeline.event_filters import main_act, main_events, meetings_absorbed, one_per_type
from steppe.pipeline.event_parties import (
    both_sides,
    clause_addressee,
    condition_subject,
    flight,
    investigated_place,
    joint_partners,
    judgement,
    patient_of,
    payees,
    reporter,
    speaker,
    stateless_subject,
    territory,
    unattached_agent,
    weapon_subject,
    where_it_happened,
    with_conjunct_heads,
)
from steppe.pipeline.mentions import Mention
from steppe.pipeline.lexicon import Cues, Lexicon, Trigger, TypeRules
from steppe.pipeline.modality import ModalityWords, averted, modality_of, occasion_to_come, only_sought
from steppe.pipeline.recoding import (
    about_disaster,
    conditional,
    done_jointly,
    ends_own_conflict,
    future_refusal,
    given_as_aid,
    imagined,
    judges_words,
    promised_harm,
    said_in_speech,
    travellers,
)
from steppe.pipeline.roles import (
    RoleWords,
    actors_in,
    claim_subjects,
    claimant,
    codes_of,
    dedupe,
    host_direction,
    hyphen_pair,
    nearest_other,
    on_side_of_border,
    preceding,
    roles_of,
    subject_actors,
    summit_parties,
    talked_about,
)
from steppe.pipeline.story_parties import (
    analysis,
    at_border,
    joint_subject,
    on_border,
    other_of_pair,
    outside_party,
    people_object,
    story_pair,
    trend,
)
from steppe.pipeline.triggers import (
    TriggerGrammar,
    complement_triggers,
    find_triggers,
    phrase_head,
)

__all__ = ["EventCoder", "RawEvent"]


@dataclass
class RawEvent:
    """An event found in one sentence, before dates and de-duplication."""

    type: str
    mode: str
    source: list[Actor]
    target: list[Actor]
    modality: str
    trigger: Token
    trigger_text: str
    confidence: float
    sentence: SpacySpan
    # Character spans (within the sentence doc) of the words that belong to this event
    # rather than to another trigger of the sentence: where its own date is looked for.
    region: list[tuple[int, int]] = field(default_factory=list)
    # Whether the trigger is the sentence's main act (its root clause, or what the root
    # reports): what a one-sentence report is about (interactions_only).
    main: bool = False


@dataclass(frozen=True)
class _Occurrence:
    """One trigger in its sentence, and how the sentence tells it: what each step of
    coding the event reads."""

    first: Token   # the trigger's first word
    tok: Token     # the head of its phrase
    trig: Trigger
    end: int
    sent: SpacySpan
    mentions: list[Mention]
    token_mentions: dict[int, Mention]
    main: list[str]   # the document's two main parties
    told: list[str]   # the two states of the nearest sentence before that names two
    # Those at the latest gathering of three or more told before (a summit's participants)
    present: tuple[Actor, ...] = ()
    # How sure the act is, read only once it has parties (most triggers have none).
    modality: str = ""
    future_in_past: bool = False
    refuses: bool = False

    def where(self, actor: Actor) -> tuple[int, int] | None:
        """The actor's span in the sentence's parse (actors keep their document offsets,
        mentions are shifted to the sentence's)."""
        for m in self.mentions:
            if any(a.start == actor.start and a.end == actor.end for a in m.actors):
                return m.start, m.end
        return None


class EventCoder:
    """Rules over one parsed sentence; holds the lexicon and the word classes it reads
    (its own, modality's and roles')."""

    def __init__(self, lexicon: Lexicon, words: TriggerGrammar, modality_words: ModalityWords,
                 roles: RoleWords) -> None:
        self.lex = lexicon
        self.words = words
        self.modality_words = modality_words
        self.roles = roles

    def code(self, sent: SpacySpan, mentions: list[Mention], *,
             token_mentions: dict[int, Mention], main: list[str] | None = None,
             pair_before: list[str] | None = None,
             present: tuple[Actor, ...] = ()) -> list[RawEvent]:
        """Events of one sentence. `token_mentions` maps token index -> its mention;
        `main` are the document's main parties (its two most mentioned states);
        `pair_before` the two states of the nearest sentence before that names two;
        `present` those at the latest gathering of three or more told before."""
        found = find_triggers(sent, self.lex, self.words)
        if found:
            mentions, token_mentions = peoples_placed(sent, mentions, token_mentions)
            token_mentions = bound_pronouns(sent, token_mentions)
            token_mentions = local_agents(sent, mentions, token_mentions, main or [],
                                           self.lex.cues.reporting_verbs, pair_before or [],
                                           self.roles.border_nouns, self.roles.foreign_words)
        events = []
        for tok, trig, end in found:
            ev = self._event(tok, trig, end, sent, mentions, token_mentions, main or [],
                             pair_before or [], present)
            if ev is not None:
                events.append(ev)
        events += _reported_demands(sent, token_mentions, self.lex.cues, self.roles)
        events += _reported_harm(events, token_mentions, self.lex.cues, self.roles, self.lex.coding,
                                 self.words)
        events += _prison_terms(events, self.words.prison_words)
        # "fled [the fighting]": what people flee is an act of its own, not one the flight governs
        undergone = frozenset(phrase_head(sent.doc[t.i:end]).i for t, trig, end in found if trig.cause)
        events = one_per_type(main_events(
            meetings_absorbed(events, self.lex.coding.absorbs_meeting, self.words.occasion_preps),
            self.words.adjunct_preps, undergone, self.roles.claim_nouns, self.words.condition_markers,
            self.lex.coding.caused_by_acts, self.words.occasion_frames),
            self.lex.coding.reciprocal)
        grounds = self._grounds(events, sent, mentions, token_mentions, main or [], pair_before or [])
        _assign_regions(sent, events + grounds, [f[0] for f in found] + [g.trigger for g in grounds])
        for ev in events:
            ev.main = main_act(ev.trigger, self.lex.cues.reporting_verbs)
        if events and _told_by_commentator(sent, self.lex.cues.reporting_verbs, self.roles.commentator_nouns):
            return []
        return events + grounds

    def _grounds(self, events: list[RawEvent], sent: SpacySpan, mentions: list[Mention],
                 token_mentions: dict[int, Mention], main: list[str],
                 told: list[str]) -> list[RawEvent]:
        """'voiced concern over cases where citizens are denied entry into Russia', 'condemned
        it over Russia's detention of Tajik migrants': what a complaint or praise is about
        is an act that happened, an interaction the text reports (ANNOTATION.md rule 1)
        besides the complaint. It is coded from its own words only: kept when it is
        asserted and its own agent is someone other than the one complaining (whose own
        subject a nested noun would otherwise borrow)."""
        out: list[RawEvent] = []
        coded = {e.trigger.i for e in events}
        for ev in events:
            if ev.type not in self.lex.coding.appraisals or ev.modality != "asserted":
                continue
            heads = [ev.trigger, *(c for c in ev.trigger.children if c.dep_ in ("dobj", "attr"))]
            about = [p for h in heads for p in h.children
                     if p.dep_ == "prep" and p.lower_ in self.roles.grievance_preps]
            for p in about:
                span = sent.doc[p.i:p.right_edge.i + 1]
                for tok, trig, end in find_triggers(span, self.lex, self.words):
                    if trig.type == ev.type:
                        continue
                    g = self._event(tok, trig, end, sent, mentions, token_mentions, main, told)
                    if g is None or g.trigger.i in coded:
                        continue
                    offer = g.type in self.lex.coding.offers_appraised and g.modality == "planned"
                    if offer and codes_of(g.source) <= codes_of(ev.source) and codes_of(ev.target):
                        # "Kazakhstan thanked Uzbekistan for the invitation": an offer one
                        # is thanked for was made to the one thanking by the one thanked
                        g.source, g.target = list(ev.target), list(ev.source)
                    if (g.modality == "asserted" or offer) and codes_of(g.source) and \
                            not codes_of(g.source) <= codes_of(ev.source):
                        out.append(g)
        return one_per_type(out, self.lex.coding.reciprocal)

    def _event(self, tok: Token, trig: Trigger, end: int, sent: SpacySpan,
               mentions: list[Mention], token_mentions: dict[int, Mention],
               main: list[str], told: list[str],
               present: tuple[Actor, ...] = ()) -> RawEvent | None:
        """The event one trigger expresses, or None: who acts on whom, whether that is an
        act worth reporting, then its type, mode and modality by the PLOVER manual."""
        head = phrase_head(sent.doc[tok.i:end])   # "Consultation [Meeting]", "[paid] a visit"
        if only_sought(head, self.modality_words) or averted(head, self.modality_words):
            return None   # "urged X to [cooperate]", "met to [ease] tensions", "to avoid a [war]": not done
        at = _Occurrence(first=tok, tok=head, trig=trig, end=end, sent=sent, mentions=mentions,
                         token_mentions=token_mentions, main=main, told=told, present=present)
        parties = self._parties(at)
        if parties is None:
            return None
        source, target, explicit = parties
        # "their first meeting since Russia's invasion of Ukraine": who took part in the
        # act that bounds this one's time took no part in this one
        bounds = bounds_of(head, self.roles.bounding_preps)
        if bounds:
            source, target = ([a for a in side if (span := at.where(a)) is None
                               or not any(b <= span[0] < e for b, e in bounds)] for side in (source, target))
        if not (trig.judge or trig.appraisal) and codes_of(source) and \
                codes_of(source) <= codes_of(self._characterizer(head, token_mentions)):
            return None   # "Uzbek authorities called the blast a terrorist act": a name for it, not their act
        placed_only = trig.type in self.lex.coding.unseen_agent and bool(source) and \
            all(self._side_place(at, a) for a in source)
        if placed_only:
            source = []   # "a mine went off on the Tajik side of the border, killing ...": where, not who
        if not source and (agentless := self._agentless(at, target, unseen=placed_only)) is not None:
            return agentless
        modality, future_in_past = modality_of(head, self.lex.cues, self.modality_words)
        if trig.goal and modality != "planned" and not future_in_past:
            return None   # "trade rose to $2 billion": a level reached is a figure, not an act
        # "will not accept refugees", "would not meet their demands": a refusal (PLOVER),
        # which needs no one named
        at = replace(at, modality=modality, future_in_past=future_in_past,
                     refuses=modality == "negated" and future_refusal(head, self.lex.cues))
        interaction = self._interaction(at, source, target)
        if interaction is None:
            return None
        source, target = interaction
        recoded = self._recode(at, source, target, explicit)
        if recoded is None:
            return None
        type_, mode, modality = recoded
        conf = trig.weight * (0.9 if explicit else 0.6)
        conf *= min([a.confidence for a in source + target] or [1.0])
        text = sent.doc[tok.i:end].text
        return RawEvent(type_, mode, dedupe(source), dedupe(target), modality, head, text,
                        round(conf, 3), sent)

    def _parties(self, at: _Occurrence) -> tuple[list[Actor], list[Actor], bool] | None:
        """(source, target, explicit): who acts on whom, from the act's own words first,
        then from unnamed and placed agents, then borrowed from the sentence and the story.
        `explicit` says both were found before anything was borrowed."""
        source, target = self._named_sides(at)
        source, target = self._sides_by_kind(at, source, target)
        source, target, placed = self._unnamed_agents(at, source, target)
        explicit = bool(source) and bool(target)
        tok, trig, token_mentions = at.tok, at.trig, at.token_mentions
        # "documents were signed", "exercises were held": a reciprocal act in the passive
        # with no one named is, like a bare noun, the story's two parties' own; so is one
        # done by a body they hold together ("the intergovernmental commission met").
        joint = joint_subject(tok, self.roles)
        # (a goal needs those who set it: "with the plan to bring trade to $2 billion" names none)
        if not source and not target and trig.reciprocal and not trig.goal \
                and (tok.pos_ == "NOUN" or _passive(tok) or joint) \
                and not trend(tok, self.roles.trend_nouns) \
                and not analysis(tok, token_mentions, self.roles, self.lex.cues):
            source = target = story_pair(at.sent, at.mentions, at.main, at.told, own=joint)
        if not codes_of(source) and trig.type in self.lex.coding.border_acts and tok.pos_ == "NOUN" \
                and at_border(tok, self.roles.border_nouns) and not trend(tok, self.roles.trend_nouns) \
                and codes_of(target) <= codes_of(pair := story_pair(at.sent, at.mentions, at.main, at.told)):
            # "word of new troop build-ups along the (Kyrgyz) border": force
            # at the line two states share, no side named, is both sides' (PLOVER 3.16.1)
            source, target = pair, list(pair)
        if not source and not target:
            return None
        source, target = self._borrowed(at, source, target, placed)
        return source, target, explicit

    def _named_sides(self, at: _Occurrence) -> tuple[list[Actor], list[Actor]]:
        """The roles the act's own phrase names: readiness passives, demands' addressees,
        claimants, hyphen pairs and both sides."""
        tok, trig, token_mentions = at.tok, at.trig, at.token_mentions
        source, target = roles_of(tok, token_mentions, self.roles)
        if not trig.reciprocal and codes_of(partners := joint_partners(tok, token_mentions, self.words)):
            # "Kazakh police, together with Kyrgyz colleagues, arrested ...": the partner acts too
            source = dedupe(source + partners)
            target = [a for a in target if a.code not in codes_of(partners)]
        if trig.pos == "ADJ" and not source and _passive(tok):
            # "Moscow was prepared to hold ...": readiness parsed as a passive; its subject
            # is ready, not acted on
            source = [a for c in tok.children if c.dep_ == "nsubjpass" for a in actors_in(c, token_mentions)]
            target = [a for a in target if a.code not in codes_of(source)]
        if (trig.type == "REQUEST" or trig.mode == "access") and \
                codes_of(addressee := clause_addressee(tok, token_mentions)) - codes_of(source):
            # "demanded that China open its market": China is asked; "allowed UN inspectors
            # to visit": the third party let in is the recipient (PLOVER 3.7 access)
            target = addressee
        elif trig.type == "ACCUSE" and not codes_of(target) and \
                codes_of(doer := clause_addressee(tok, token_mentions)) - codes_of(source):
            # "alleged that Armenian units had shelled its positions", "complained that
            # Uzbekistan had closed the border": the one whose act is alleged (PLOVER 3.9)
            target = [a for a in doer if a.code not in codes_of(source)]
        if (trig.type == "THREATEN" or trig.type in self.lex.coding.threatened_as) and not codes_of(target) and \
                codes_of(cond := condition_subject(tok, token_mentions, self.words.condition_markers)) - \
                codes_of(source):
            # "threatened to use force if Armenia did not withdraw", "could close the border if
            # Kyrgyzstan ...": a threat, or harm, is aimed at the one whose act it is
            # conditioned on (PLOVER 3.11)
            target = [a for a in cond if a.code not in codes_of(source)]
        if not trig.reciprocal:
            # "denied Kyrgyz claims that its troops shelled Uzbek villages": a reaction to
            # what was said is aimed at its author (whom a bare adjective may name), not at
            # whoever the claim is about
            said = [a for a in claimant(tok, token_mentions, self.roles)
                    if a.code not in codes_of(source)]
            target = said or target or [a for a in claim_subjects(tok, token_mentions, self.roles)
                                        if a.code not in codes_of(source)]
        if trig.reciprocal and tok.pos_ == "NOUN" and len(codes_of(source + target)) < 2 and \
                not trend(tok, self.roles.trend_nouns) and \
                len(codes_of(pair := hyphen_pair(tok, token_mentions))) == 2 and \
                (len(codes_of(hyphen_pair(tok, token_mentions, own=True))) == 2 or
                 not analysis(tok, token_mentions, self.roles, self.lex.cues)):
            # "clashes on the Kyrgyz-Tajik border", also as the subject of what they did
            # ("... killed 49 people"): a pair in the act's own phrase names its sides; one
            # only in what it brought about ("gave impetus to Kazakh-Kyrgyz ties") is analysis
            source, target = pair, list(pair)
        elif len(codes_of(pair := both_sides(tok, token_mentions, self.words))) == 2 and \
                codes_of(source + target) <= codes_of(pair):
            source, target = pair, list(pair)   # "build-ups on both sides of the Kyrgyz-Tajik border"
        return source, target

    def _sides_by_kind(self, at: _Occurrence, source: list[Actor],
                       target: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """Roles the kind of act settles: patients, flight, payees, investigations,
        judgements, summits and reversed roles."""
        tok, trig, token_mentions = at.tok, at.trig, at.token_mentions
        if tok.pos_ == "NOUN" and not trig.reciprocal:
            source, target = patient_of(tok, source, target, token_mentions)
        if trig.cause:
            source, target = flight(tok, token_mentions, self.words, self.lex, self.roles)
        if trig.mode == "convict" and codes_of(paid := payees(tok, token_mentions, self.words.payment_verbs)):
            # "ordered Turkmenistan to pay $400 million to a Turkish builder": the winner and
            # the court act on the party that pays (PLOVER 3.6.2)
            source = dedupe(source + paid)
            target = [a for a in target if a.code not in codes_of(paid)]
        if trig.mode == "investigate" and not codes_of(target) - codes_of(source) and \
                codes_of(where := investigated_place(tok, token_mentions)) - codes_of(source):
            # "an investigation into war crimes committed in Libya" (PLOVER 3.9: "all
            # investigations"): the state where the act looked into happened is the recipient
            target = [a for a in where if a.code not in codes_of(source)]
        if trig.judge:
            source, target = judgement(tok, token_mentions, self.lex.cues, self.words.judging_verbs,
                                        self.roles)
        if trig.mode == "multilateral" and tok.pos_ in ("NOUN", "PROPN"):
            source = target = summit_parties(tok, source + target, token_mentions, self.roles)
        if trig.reversed:
            source, target = target, source
        if trig.appraisal:
            # "X regarded Y as a key partner", "X said Y was its key partner": the appraiser
            # judges; told by the author ("Y is X's key partner") it is the one Y is a partner of
            judge, judged = judgement(tok, token_mentions, self.lex.cues, self.words.judging_verbs, self.roles)
            source, target = (judge, judged) if codes_of(judge) else (target, source)
        return source, target

    def _unnamed_agents(self, at: _Occurrence, source: list[Actor],
                        target: list[Actor]) -> tuple[list[Actor], list[Actor], bool]:
        """An agent the act's words leave unnamed: unnamed forces, territorial and placed
        agents. The flag says the agent is where the act happened."""
        tok, trig, token_mentions = at.tok, at.trig, at.token_mentions
        if not source and trig.type in self.lex.coding.forces_act and _passive(tok):
            forces = [a for c in tok.children if c.dep_ == "nsubjpass" for a in actors_in(c, token_mentions)]
            named = {c for t in tok.subtree if t.i in token_mentions for c in token_mentions[t.i].codes}
            if not codes_of(forces) and named:
                # "units were put on alert along the border with Afghanistan, the Tajik
                # defence ministry said": who reports unnamed forces' move toward another
                # reports its own; not when the move is told near the reporter's own ground
                # ("troops were massed near the Armenian border, the Armenian ministry said")
                forces = [a for a in speaker(tok, token_mentions, self.lex.cues, self.roles)
                          if a.code not in named]
            source, target = forces, [a for a in target if a.code not in codes_of(forces)]
        if not codes_of(source) and trig.type in self.lex.coding.forces_act and tok.pos_ == "NOUN" and \
                len(codes_of(pair := hyphen_pair(tok, token_mentions))) == 2:
            source, target = pair, list(pair)   # "troop build-ups on the Kyrgyz-Tajik border"
        if not source and trig.type in self.lex.coding.territorial_agent and \
                (_passive(tok) or tok.dep_ == "nsubjpass" and tok.pos_ == "NOUN"):
            # "a [note] of protest was handed ... at the Russian foreign ministry": a noun's
            # place is its passive verb's
            place = territory(tok, token_mentions, self.words.place_preps) if _passive(tok) else \
                territory(tok.head, token_mentions, self.words.place_preps, recipient=True)
            if place:
                source, target = place, [a for a in target if a.code not in codes_of(place)]
        placed = False
        occasion = trig.type in self.lex.coding.placed_agent and tok.pos_ == "NOUN" and \
            tok.dep_ == "pobj" and tok.head.lower_ in self.words.occasion_preps
        if occasion:
            # "thanked Ankara for the support it gave during the [unrest] that shook the
            # country": the occasion's unrest is of those its own phrase names, or of its
            # place's people; the act's parties are not its parties
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            source, target = ([a for a in side if (span := at.where(a)) is not None and lo <= span[0] < hi]
                              for side in (source, target))
        if not codes_of(source) and trig.type in self.lex.coding.placed_agent and tok.pos_ == "NOUN":
            place = where_it_happened(tok, token_mentions, self.roles)
            source, target = place, [a for a in target if a.code not in codes_of(place)]
            placed = bool(place) or occasion    # (nothing borrowed from the sentence)
        return source, target, placed

    def _borrowed(self, at: _Occurrence, source: list[Actor], target: list[Actor],
                  placed: bool) -> tuple[list[Actor], list[Actor]]:
        """A missing side borrowed from the sentence or the story: unnamed recipients and
        agents."""
        tok, trig, sent, mentions = at.tok, at.trig, at.sent, at.mentions
        if codes_of(target) <= codes_of(source) and self._to_party_noun(tok):
            # "Japarov thanked his guests": those he met, whom "his" does not name
            target = self._other_party(at, source)
        if not target:
            if trig.reciprocal and len(codes_of(source)) >= 2:
                target = list(source)
            elif trig.mode in self.lex.coding.no_recipient_modes or placed:
                pass    # "protests broke out in Almaty": against no one the story names
            else:
                target = nearest_other(tok, sent, mentions, source,
                                       before=trig.type in self.lex.coding.cooperative, words=self.roles,
                                       reporting=self.lex.cues.reporting_verbs)
                if not target and (trig.type in self.lex.coding.unnamed_recipient_is_other_party
                                   or on_border(tok, self.roles.border_nouns)) \
                        and not people_object(tok) \
                        and not self._domestic(source):
                    target = self._other_party(at, source)
                if not target and len(codes_of(source)) >= 2 and not self._grouped(at, source):
                    # "Moscow and Astana have promised support" in a story about Kyrgyzstan:
                    # an act by several states named one by one, toward no one named, is
                    # toward the story's party that is not among them ("both countries
                    # reported progress" is mutual)
                    target = outside_party(source, at.main)
        if not source and not placed:
            if trig.reciprocal and len(codes_of(target)) >= 2:
                source = list(target)
            elif not unattached_agent(tok, at.token_mentions, self.words.weapon_modes):
                source = preceding(tok, sent, mentions, target, at.token_mentions, self.roles)
        return source, target

    def _other_party(self, at: _Occurrence, source: list[Actor]) -> list[Actor]:
        """Whom an act toward no one named is aimed at: the others at the gathering told,
        else the other of the pair told before, else of the story's pair."""
        return self._others_present(at, source) or \
            other_of_pair(source, at.told) or other_of_pair(source, at.main)

    def _to_party_noun(self, tok: Token) -> bool:
        """Whether the act is aimed at a guest, a host or a counterpart named so alone."""
        return any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in self.roles.party_nouns
                   and not any(g.dep_ in ("amod", "compound") for g in c.children)
                   for c in tok.children)

    def _domestic(self, source: list[Actor]) -> bool:
        """Whether the agents are a state's political parties ("Armenia's ruling party and
        the opposition"; the state named beside them has no sector)."""
        sectors = {a.sector for a in source if a.sector}
        return bool(sectors) and sectors <= self.lex.coding.domestic_sectors

    def _others_present(self, at: _Occurrence, source: list[Actor]) -> list[Actor]:
        """'Berdimuhamedov called for closer cooperation in gas supplies', told of a summit:
        what one at a gathering says to no one named (a verbal act, PLOVER quad 1 or 3), it
        says to the others there."""
        speaker = codes_of(source)
        if len(speaker) != 1 or not speaker <= {a.code for a in at.present} or \
                self.lex.score(at.trig.type, "")[1] not in (1, 3):
            return []
        return [a for a in at.present if a.code not in speaker]

    def _characterizer(self, tok: Token, tm: dict[int, Mention]) -> list[Actor]:
        """Who gives the act's noun as a name for something ("called the blast a terrorist
        [act]", "describe the closure as a [blockade]"): the subject of the verb of calling."""
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
        if verb.lemma_.lower() not in self.words.judging_verbs:
            return []
        named = tok.dep_ in ("oprd", "pobj") or tok.dep_ == "dobj" and any(
            c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        return subject_actors(verb, tm, self.roles) if named else []

    @staticmethod
    def _grouped(at: _Occurrence, actors: list[Actor]) -> bool:
        """Whether the actors were named together by a group phrase ("both countries")."""
        return any(m.kind == "group" and any(a in m.actors for a in actors) for m in at.mentions)

    def _side_place(self, at: _Occurrence, actor: Actor) -> bool:
        """Whether an actor was named only as the side of a border where the act happened."""
        where = at.where(actor) if actor.start >= 0 else None
        span = at.sent.doc.char_span(*where) if where else None
        return span is not None and on_side_of_border(span.root, self.roles)

    def _agentless(self, at: _Occurrence, target: list[Actor], unseen: bool = False) -> RawEvent | None:
        """An act whose agent is unseen, kept toward its recipient with no source; `unseen`:
        the only agent found was where it happened."""
        tok, trig = at.tok, at.trig
        if trig.type not in self.lex.coding.unseen_agent:
            return None
        weapon = weapon_subject(tok, self.words.weapon_modes)
        # "a mine went off on the Tajik side of the border": where, not whom, it hit
        target = [a for a in target if not self._side_place(at, a)]
        if target and \
                (unseen or _passive(tok) or weapon or stateless_subject(tok, at.token_mentions, "generic")):
            # No agent: "three civilians were killed in a bombing", "a roadside bomb
            # killed three soldiers" (the weapon names the mode of violence, 3.16); or one
            # no state is named for: "gunmen kidnapped two German aid workers in Chechnya"
            mode = weapon if weapon and trig.type == "ASSAULT" else trig.mode
            return RawEvent(trig.type, mode, [], dedupe(target), "asserted", tok,
                            at.sent.doc[at.first.i:at.end].text, round(0.4 * trig.weight, 3), at.sent)
        return None

    def _interaction(self, at: _Occurrence, source: list[Actor],
                     target: list[Actor]) -> tuple[list[Actor], list[Actor]] | None:
        """(source, target) of an act between parties worth reporting, or None."""
        tok, trig, token_mentions = at.tok, at.trig, at.token_mentions
        # "President Isaias Afwerki accused Sudan": a titled person whose state the KB and
        # the sentence do not tell; the act is kept toward its named recipient, its agent
        # unknown (as for violence with no agent named).
        if not codes_of(source) and not (codes_of(target) and stateless_subject(tok, token_mentions, "person")):
            return None
        if codes_of(target) - codes_of(source) and codes_of(target) & codes_of(source):
            # "held talks with his Uzbek counterpart": "his" is the source again
            target = [a for a in target if a.code not in codes_of(source)]
        refusal = at.refuses and trig.type in self.lex.coding.cooperative
        if not target and trig.type in self.lex.coding.needs_target and len(codes_of(source)) < 2 \
                and not refusal:
            return None  # "X imposed a tariff", "X met": an act toward no one named
        if len(codes_of(source)) >= 2 and codes_of(target) < codes_of(source):
            target = list(source)  # "Kazakhstan and Kyrgyzstan committed ... the two countries"
        if codes_of(source) == codes_of(target) and len(codes_of(source)) == 1 and \
                trig.type == "CONSULT":
            return None  # "Kazakh officials met": a meeting within one state
        # Other acts within one state are domestic: kept here, left out by interactions_only
        # when the text reports interactions between states.
        if trig.type == "CONSULT":
            source, target = host_direction(tok, at.sent, source, target, token_mentions, self.roles)
        if at.modality != "asserted" and talked_about(tok, self.roles):
            return None   # "discussed [expanding] cooperation": a topic; a past visit discussed stays
        return source, target

    def _recode(self, at: _Occurrence, source: list[Actor], target: list[Actor],
                explicit: bool) -> tuple[str, str, str] | None:
        """(type, mode, modality) as the PLOVER manual codes the act, or None for no act:
        relief, aid, leaving a body, ending one's own conflict, refusals, threats, plans,
        promised harm, joint exercises, future AGREE, declared retreats, multilateral
        meetings."""
        tok, trig, sent, token_mentions = at.tok, at.trig, at.sent, at.token_mentions
        modality, future_in_past, refuses = at.modality, at.future_in_past, at.refuses
        type_, mode = trig.type, trig.mode
        if (type_ in self.lex.coding.relief_as or mode in self.lex.coding.disaster_modes) and \
                about_disaster(tok, self.words.disaster_words, purpose=type_ in self.lex.coding.relief_as):
            if type_ not in self.lex.coding.relief_as:
                return None   # "declared a state of emergency after the floods" (3.15.2)
            type_, mode = self.lex.coding.relief_as[type_], ""   # troops sent for relief (3.14.1)
        if type_ in self.lex.coding.given_as_aid and given_as_aid(tok, self.words.aid_frame_preps, self.lex):
            type_, mode = "AID", ""   # "delivered armoured vehicles as military aid" (3.6)
        if type_ in self.lex.coding.leaving_body_as and mode == "withdraw" and target and \
                all(a.code == "IGO" for a in target):
            type_ = self.lex.coding.leaving_body_as[type_]   # "withdrawal from the CSTO" (3.13.3)
        if type_ == "REQUEST" and ends_own_conflict(tok, source, token_mentions, self.lex,
                                                     self.words.ending_words,
                                                     self.words.own_conflict_words):
            type_, mode = "AGREE", ""   # "Armenia called for an end to the conflict with Azerbaijan" (3.8.2)
        if refuses and type_ in self.lex.coding.cooperative:
            type_, mode, modality = "REJECT", "", "asserted"
        if type_ in self.lex.coding.threatened_as and self._threat(tok, type_, modality, future_in_past) and \
                codes_of(speaker(tok, token_mentions, self.lex.cues, self.roles)) == codes_of(source):
            # "Tajikistan said it could close the border", "... would close it if ...": a
            # threat of its own harm (3.11)
            type_, mode, modality = "THREATEN", self.lex.coding.threatened_as[type_], "asserted"
        if modality == "asserted" and (trig.planned or type_ in self.lex.coding.future_agree and
                                       occasion_to_come(tok, self.lex.cues, self.modality_words)):
            modality = "planned"   # "invited X to visit": an act to come (PLOVER 3.2.1)
        if type_ == "AGREE" and not trig.reciprocal:
            harm = promised_harm(tok, sent, self.lex)
            if harm:
                # "ready to use force", "vowed to attack": a threat, not a promise (3.11)
                type_, mode = "THREATEN", self.lex.coding.threatened_as.get(harm, "")
        if trig.reciprocal and type_ in self.lex.coding.joint_as and \
                (explicit and codes_of(target) - codes_of(source) or len(codes_of(source)) >= 2):
            # "Kazakhstan and Kyrgyzstan held exercises", "... exercises with Russia": joint
            # military games (3.5); one state's exercises stay MOBILIZE (3.14.1), also when
            # held in its own region ("in the Surkhandarya region" names no partner)
            type_, mode = self.lex.coding.joint_as[type_], ""
        if not trig.reciprocal and type_ in self.lex.coding.joint_force_as and \
                len(codes_of(source)) >= 2 and codes_of(target) <= codes_of(source) and \
                done_jointly(tok, self.words, token_mentions):
            # "Uzbek and Afghan border guards jointly detained smugglers": a joint operation
            # of the two (3.14.1), which coerces neither of them
            type_, mode = self.lex.coding.joint_force_as[type_], ""
        # cooperation to come, or that could come ("could broaden cooperation"), is agreed
        # or offered, not yet done (3.1); one imagined ("could have helped") is neither
        to_come = modality == "planned" or future_in_past or \
            modality == "hypothetical" and not imagined(tok, self.words.condition_markers)
        if type_ in self.lex.coding.future_agree and to_come:
            type_, mode = "AGREE", ""
            if trig.goal and modality != "hypothetical":
                modality = "asserted"   # the goal is set when it is told: the commitment is made
        if type_ == "ASSAULT" and said_in_speech(tok, self.words.speech_nouns):
            type_, mode = "ACCUSE", "disapprove"   # "used his speech to attack X" (3.9)
        if type_ == "REJECT" and trig.judge and judges_words(tok, self.words.judged_words, self.words.document_modifiers):
            type_, mode = "ACCUSE", "disapprove"   # "called the remarks unacceptable" (3.9)
        if mode == "visit" and any(c.dep_ == "nsubj" and c.lemma_.lower() in self.roles.force_nouns
                                   for c in tok.children):
            type_, mode = "MOBILIZE", "troops"   # "Russian troops arrived in Kazakhstan" (3.14)
        if mode == "visit" and any(c.dep_ == "nsubj" and travellers(c) & self.roles.relief_nouns
                                   for c in tok.children):
            type_, mode = "AID", ""   # "a group of rescuers flew to Turkey" (3.6)
        if type_ == "RETREAT" and mode in self.lex.coding.declared_retreats and self._declared(at.first, tok):
            type_, mode = "CONCEDE", ""   # "declared a ceasefire": a declaration, not yet observed
        if type_ == "AGREE" and tok.lemma_.lower() in self.words.declaring_verbs and any(
                t.type == "RETREAT" and t.mode in self.lex.coding.declared_retreats
                for t in complement_triggers(tok, sent, self.lex)):
            type_, mode = "CONCEDE", ""   # "agreed a ceasefire": a declared retreat
        if type_ == "CONSULT" and not mode and len(codes_of(source) | codes_of(target)) >= 3:
            mode = "multilateral"
        return type_, mode, modality

    def _declared(self, first: Token, tok: Token) -> bool:
        """'declared a ceasefire', 'announced the withdrawal': a retreat said by a verb of
        declaring."""
        verbs = self.words.declaring_verbs
        return first.lemma_.lower() in verbs or tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") \
            and tok.head.lemma_.lower() in verbs

    def _threat(self, tok: Token, type_: str, modality: str, future_in_past: bool) -> bool:
        """Harm told as possible, as coming force, or as coming on a condition: a threat."""
        if modality == "hypothetical":
            return True
        if modality != "planned" and not future_in_past:
            return False
        return type_ in self.lex.coding.announced_threats or conditional(tok, self.words.condition_markers)


# -- events the sentence reports besides its triggers' own: demands, accusations, arrests --
def _reported_demands(sent: SpacySpan, tm: dict[int, Mention], cues: Cues,
                      words: RoleWords) -> list[RawEvent]:
    """'Russia said Sudan must return the helicopter': a demand by the speaker (REQUEST)."""
    out = []
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in cues.reporting_verbs:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in cues.obligation_aux for c in tok.children):
            continue
        target = [a for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for a in actors_in(c, tm)]
        source = subject_actors(tok.head, tm, words)
        if not source or not target or codes_of(source) == codes_of(target):
            continue
        out.append(RawEvent("REQUEST", "", dedupe(source), dedupe(target), "asserted", tok.head,
                            f"{tok.head.text} ... must", 0.6, sent))
    return out


def _reported_harm(events: list[RawEvent], tm: dict[int, Mention], cues: Cues, roles: RoleWords,
                   coding: TypeRules, words: TriggerGrammar) -> list[RawEvent]:
    """'Uzbek police said Kazakh guards had shot at Uzbek lorries', 'Kyrgyz officials claimed
    that Tajikistan was moving heavy weapons to the border': the side that reports harm done
    to itself by another accuses the doer (CAMEO's transformation "a says b attacked" = 112,
    ACCUSE; PLOVER 3.9 "allege"): an attack it reports, any harm it claims. Harm with no
    recipient named is done to the side reporting it when it claims it or the act names
    what it does harm to as the reporter's own ("said Armenian units had shelled [its]
    positions"); a third party's report is news, no accusation."""
    out = []
    for ev in events:
        if ev.type not in coding.reported_harm or not codes_of(ev.source) or ev.modality != "asserted":
            continue
        speaker, verb = reporter(ev.trigger, tm, cues, roles, words.claiming_verbs)
        if not codes_of(speaker) or codes_of(speaker) & codes_of(ev.source):
            continue
        claimed = verb in words.claiming_verbs
        if not codes_of(ev.target) and (claimed or _reporter_owns(ev.trigger, words.own_possessives)):
            ev.target = dedupe(speaker)
        if not codes_of(speaker) <= codes_of(ev.target) or not (claimed or ev.type in coding.said_attacks):
            continue
        out.append(RawEvent("ACCUSE", "allege" if claimed else "", dedupe(speaker), dedupe(ev.source),
                            "asserted", ev.trigger, ev.trigger_text, round(0.7 * ev.confidence, 3),
                            ev.sentence, ["reported-attack"]))
    return out


def _reporter_owns(tok: Token, possessives: frozenset[str]) -> bool:
    """'said Tajik troops had fired on [its] border post': what a reported act is done to
    is told as the reporter's by a possessive in the act's object or its phrase, or in a
    verb's it is coordinated with ("had crossed into [its] territory and occupied ...")."""
    parts = [c for v in with_conjunct_heads(tok) for c in v.children if c.dep_ in ("dobj", "prep", "dative")]
    return any(t.dep_ == "poss" and t.lower_ in possessives for c in parts for t in c.subtree)


def _prison_terms(events: list[RawEvent], prison_words: frozenset[str]) -> list[RawEvent]:
    """'A Kyrgyz court sentenced a Tajik citizen to eight years in prison', 'jailed a French
    tourist': a conviction that imprisons is also a COERCE arrest, between the same actors
    (PLOVER 3.13.2; table 3.8 convict: "court sentences that include imprisonment will also
    receive a COERCE 'arrest' mode")."""
    out = []
    for ev in events:
        if ev.mode != "convict" or not any(t.lemma_.lower() in prison_words or t.lower_ in prison_words
                                           for t in ev.trigger.subtree):
            continue
        out.append(replace(ev, type="COERCE", mode="arrest", source=list(ev.source),
                           target=list(ev.target), region=list(ev.region)))
    return out


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _assign_regions(sent: SpacySpan, events: list[RawEvent], triggers: list[Token]) -> None:
    """Give each event the words whose nearest trigger above them is its own (or none):
    in "the summit, the first meeting since the [invasion] in February 2022", the date
    belongs to the invasion, not to the summit."""
    heads = {t.i for t in triggers} | {e.trigger.i for e in events}
    # "left the treaty in 1999, [rejoined] it in 2006": a verb coordinated with an event's
    # verb tells an act of its own, whose words are not the event's, coded or not
    heads |= {v.i for e in events if e.trigger.pos_ in ("VERB", "AUX")
              for v in (e.trigger.head, *e.trigger.children)
              if v.pos_ in ("VERB", "AUX") and (v.dep_ == "conj" and v.head.i == e.trigger.i
                                                or e.trigger.dep_ == "conj" and v.i == e.trigger.head.i)}
    owner: dict[int, int | None] = {}
    for tok in sent:
        cur, found = tok, None
        for _ in range(12):
            if cur.i in heads:
                found = cur.i
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
        owner[tok.i] = found
    for ev in events:
        ev.region = [(t.idx, t.idx + len(t)) for t in sent if owner[t.i] in (None, ev.trigger.i)]


def _told_by_commentator(sent: SpacySpan, reporting: frozenset[str], commentators: frozenset[str]) -> bool:
    """'Analysts expect volumes to be raised', '"...," said an energy analyst': what a
    commentator says or expects is analysis (ANNOTATION.md rule 3), not a reported act."""
    root = sent.root
    verb = root.lemma_.lower()
    if verb not in reporting and verb != "expect":
        return False
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in commentators or c.lower_ in commentators)
               for c in root.children)
