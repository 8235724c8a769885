"""Extraction throughput against a bare spaCy pass over the same documents, same run.

    python bench/throughput.py [--docs 300] [--corpus dense|light|mixed] [--rounds 2] [--json out.json]

Corpora: "dense" and "light" are bench/corpus.py articles (about 60% and 30% of their
sentences report events); "mixed" is the packaged sample articles plus generated ones
(the original benchmark). Times, alternately in the same run, `--rounds` times each:
  reference  nlp.pipe(texts) with en_core_web_sm's full pipeline (what a plain
             spaCy-based coder would run on every sentence);
  steppe     Extractor.extract_many(documents): events, figures, agreements.
On a shared machine the load changes from one second to the next, so the two are
interleaved finely: each round goes through the documents in chunks of `--chunk`, timing
the reference and then steppe on each chunk (which goes first alternates), and gives the
ratio reference time / steppe time summed over the round (>= 1.0 means steppe is at least
as fast; the target on dense documents is 1.5). The figure reported is the median of the
rounds' ratios; the load average is printed and recorded. Writes the figures as JSON
(bench/results/throughput-<corpus>.json, or --json).

Then the same for Russian: generated Russian documents of the same make-up go through
the Russian pipeline; it prints their documents per second and the time per word against
English (the target: Russian at most 2x slower per word).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from importlib.resources import files
from pathlib import Path

import spacy

from steppe.facts import Document
from steppe.ingest import read_paths
from steppe.pipeline.extract import Extractor
from steppe.pipeline.nlp import MODEL

STATES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Russia",
          "China", "Turkey", "Afghanistan", "Iran"]
LEADERS = ["President Tokayev", "Shavkat Mirziyoyev", "Sadyr Japarov", "Emomali Rahmon",
           "the Uzbek foreign minister", "Kazakh officials", "the Kyrgyz government"]
EVENTS = [
    "{a} visited {s} on {d} for talks on water and energy.",
    "{a} and {b} signed an agreement on border demarcation in {d}.",
    "{a} accused {b} of violating the ceasefire along the border.",
    "{a} will host a summit of Central Asian leaders next month.",
    "Trade between {s} and {t} reached $1.{n} billion in 20{y}, up {n}%.",
    "{a} called on {b} to reopen the checkpoints closed since {d}.",
    "Officials said {s} could restrict exports of electricity to {t}.",
]
FILLER = [
    "The region's economies depend heavily on remittances and commodity exports.",
    "Analysts note that infrastructure remains the main bottleneck for regional trade.",
    "Water scarcity has worsened over the past decade as glaciers retreat.",
    "The city has grown rapidly, with new residential districts on its outskirts.",
    "Local media reported that prices of staple goods rose sharply over the winter.",
    "Observers describe the reforms as cautious but consistent with earlier plans.",
    "The meeting took place in a convention centre decorated with national flags.",
    "Experts expect demand for cement and steel to keep rising as construction continues.",
    "Many young people leave rural areas in search of work in the larger cities.",
    "The history of the ancient Silk Road still shapes how the region sees itself.",
]


RU_ACTORS = ["Президент Токаев", "Шавкат Мирзиёев", "Садыр Жапаров", "Эмомали Рахмон",
             "Глава МИД Узбекистана", "Казахстанская делегация", "Правительство Кыргызстана"]
RU_STATES = ["Казахстан", "Узбекистан", "Кыргызстан", "Таджикистан", "Туркменистан", "Россия",
             "Китай", "Турция", "Афганистан", "Иран"]
RU_EVENTS = [
    "{a} посетил {s} {d} для переговоров о воде и энергетике.",
    "{a} и {b} подписали соглашение о демаркации границы {d}.",
    "{a} обвинил {b} в нарушении режима прекращения огня на границе.",
    "{a} в следующем месяце примет саммит лидеров Центральной Азии.",
    "Товарооборот между {s} и {t} в 20{y} году достиг 1,{n} млрд долларов и вырос на {n}%.",
    "{a} призвал {b} открыть пункты пропуска, закрытые {d}.",
    "По словам официальных лиц, {s} может ограничить экспорт электроэнергии в {t}.",
]
RU_FILLER = [
    "Экономика региона во многом зависит от денежных переводов и экспорта сырья.",
    "Аналитики отмечают, что главным препятствием для торговли остается инфраструктура.",
    "За последнее десятилетие нехватка воды усилилась из-за таяния ледников.",
    "Город быстро растет, на его окраинах появляются новые жилые кварталы.",
    "Местные СМИ сообщили, что за зиму цены на основные продукты заметно выросли.",
    "Наблюдатели называют реформы осторожными, но последовательными.",
    "Встреча прошла в конференц-зале, украшенном национальными флагами.",
    "Эксперты ожидают, что спрос на цемент и сталь продолжит расти.",
    "Многие молодые люди уезжают из сел в поисках работы в крупных городах.",
    "История Великого шелкового пути до сих пор влияет на самосознание региона.",
]


def _article(rng: random.Random, events, actors, states, filler, day) -> str:
    """14-24 sentences, 30% of them events between states (a benchmark document)."""
    sents = []
    for _ in range(rng.randint(14, 24)):
        if rng.random() < 0.3:
            sents.append(rng.choice(events).format(
                a=rng.choice(actors), b=rng.choice(states), s=rng.choice(states),
                t=rng.choice(states), d=day(rng.randint(1, 28), rng.randint(10, 24)),
                n=rng.randint(1, 9), y=rng.randint(10, 24)))
        else:
            sents.append(rng.choice(filler))
    return " ".join(sents)


def ru_corpus(n: int, seed: int) -> list[Document]:
    """Generated Russian documents of the English ones' make-up (30% event sentences)."""
    rng = random.Random(seed)
    return [Document(id=f"bench-ru-{k}", date="2024-05-01", language="ru",
                     text=_article(rng, RU_EVENTS, RU_ACTORS, RU_STATES, RU_FILLER,
                                   lambda d, y: f"{d} марта 20{y} года"))
            for k in range(n)]


def corpus(n: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    docs = [d for d in read_paths([files("steppe.data") / "corpus"])
            if isinstance(d, Document) and not d.id.endswith("README")]
    while len(docs) < n:
        text = _article(rng, EVENTS, LEADERS, STATES, FILLER, lambda d, y: f"{d} March 20{y}")
        docs.append(Document(id=f"bench-{len(docs)}", text=text, date="2024-05-01"))
    return docs[:n]


def generated(n: int, seed: int, dense: bool) -> list[Document]:
    """bench/corpus.py articles, as the readers would make Documents of them."""
    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import generate

    from steppe.ingest.documents import make_document

    return [make_document(r["text"], fallback_id=r["id"], given=r)
            for r in generate(n, seed=seed, dense=dense)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", choices=["dense", "light", "mixed"], default="dense")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--chunk", type=int, default=25, help="documents timed at a time")
    ap.add_argument("--json", type=Path, help="write the figures here "
                    "(default: bench/results/throughput-<corpus>.json)")
    args = ap.parse_args()
    docs = corpus(args.docs, args.seed) if args.corpus == "mixed" \
        else generated(args.docs, args.seed, args.corpus == "dense")
    texts = [d.text for d in docs]
    chars = sum(map(len, texts))

    extractor = Extractor.load()
    nlp = spacy.load(MODEL)            # the bare model: every component, nothing changed
    # Warm both up so that neither pays for first-call costs.
    list(nlp.pipe(texts[:20]))
    list(extractor.extract_many(docs[:20]))
    load_before = os.getloadavg()

    def reference(part: list[Document]) -> float:
        t0 = time.perf_counter()
        for _ in nlp.pipe([d.text for d in part], batch_size=64):
            pass
        return time.perf_counter() - t0

    n_events = 0

    def steppe(part: list[Document]) -> float:
        nonlocal n_events
        t0 = time.perf_counter()
        n_events += sum(len(f.events) for _, f in extractor.extract_many(part, batch_size=64))
        return time.perf_counter() - t0

    chunks = [docs[k:k + args.chunk] for k in range(0, len(docs), args.chunk)]
    refs, ours = [], []
    for r in range(args.rounds):
        n_events, ref_t, own_t = 0, 0.0, 0.0
        for k, part in enumerate(chunks):     # alternately, so both see the same load
            if (r + k) % 2 == 0:
                ref_t += reference(part)
                own_t += steppe(part)
            else:
                own_t += steppe(part)
                ref_t += reference(part)
        refs.append(ref_t)
        ours.append(own_t)
        print(f"  round {r + 1}: reference {ref_t:.1f} s, steppe {own_t:.1f} s, "
              f"ratio {ref_t / own_t:.2f}", flush=True)
    ratios = [r / o for r, o in zip(refs, ours)]
    ref, own = min(refs), min(ours)
    median = statistics.median(ratios)
    load_after = os.getloadavg()

    print(f"corpus: {args.corpus}  documents: {len(docs)}  characters: {chars:,}  events found: {n_events}")
    print(f"reference  spaCy nlp.pipe       {len(docs) / ref:8.1f} docs/s  (best of {[round(t, 1) for t in refs]} s)")
    print(f"steppe     full extraction      {len(docs) / own:8.1f} docs/s  (best of {[round(t, 1) for t in ours]} s)")
    print(f"ratio steppe/reference: median of rounds {median:.2f} (rounds {[round(r, 2) for r in ratios]}; "
          f"best times {ref / own:.2f})  (>= 1.0: steppe at least as fast; target 1.5 on dense)")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min); "
          f"{os.cpu_count()} cores")
    ru_docs = ru_corpus(max(1, args.docs // 2), args.seed)
    list(extractor.extract_many(ru_docs[:20]))              # loads the Russian pipeline
    t0 = time.perf_counter()
    ru_events = sum(len(f.events) for _, f in extractor.extract_many(ru_docs, batch_size=64))
    ru_time = time.perf_counter() - t0
    en_words = sum(len(t.split()) for t in texts)
    ru_words = sum(len(d.text.split()) for d in ru_docs)
    per_word = (ru_time / ru_words) / (own / en_words)
    print(f"russian    full extraction      {len(ru_docs) / ru_time:8.1f} docs/s  ({ru_time:.1f} s, "
          f"{len(ru_docs)} documents, {ru_events} events)")
    print(f"time per word russian/english: {per_word:.2f}  (<= 2.0: within the target)")
    out = args.json or Path(__file__).parent / "results" / f"throughput-{args.corpus}.json"
    out.write_text(json.dumps({
        "command": "python bench/throughput.py " + " ".join(sys.argv[1:]),
        "corpus": args.corpus, "documents": len(docs), "characters": chars, "chunk": args.chunk,
        "events": n_events, "reference_s": refs, "steppe_s": ours, "round_ratios": ratios,
        "ratio_median": median, "ratio_best_times": ref / own,
        "reference_docs_per_s": len(docs) / ref, "steppe_docs_per_s": len(docs) / own,
        "load_average_before": load_before, "load_average_after": load_after,
        "russian": {"documents": len(ru_docs), "seconds": ru_time, "events": ru_events,
                    "time_per_word_vs_english": per_word}}, indent=2) + "\n")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
